"""Forms of the employee administration page (PLT-6): shapes only; the rules are in
``employee_services``."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from sikerja.inputs import decision_date_validator
from sikerja.organisation.choices import GOLONGAN_CHOICES

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _msgs(label):
    return {
        "required": format_lazy(_("{label} wajib diisi."), label=_(label)),
        "max_length": format_lazy(_("{label} terlalu panjang."), label=_(label)),
        "invalid": format_lazy(_("{label} tidak valid."), label=_(label)),
    }


class EmployeeEditForm(forms.Form):
    front_title = forms.CharField(
        label=_("Gelar depan"), required=False, max_length=40, error_messages=_msgs("Gelar depan")
    )
    name = forms.CharField(label=_("Nama"), max_length=150, error_messages=_msgs("Nama"))
    back_title = forms.CharField(
        label=_("Gelar belakang"), required=False, max_length=60, error_messages=_msgs("Gelar belakang")
    )
    golongan = forms.ChoiceField(label=_("Pangkat/golongan"), choices=GOLONGAN_CHOICES, error_messages=_msgs("Golongan"))
    position = forms.TypedChoiceField(label=_("Jabatan"), required=False, coerce=int, empty_value=None)
    email = forms.CharField(label=_("Surel"), required=False, max_length=254, error_messages=_msgs("Surel"))
    has_managerial_experience = forms.BooleanField(label=_("Berpengalaman manajerial"), required=False)
    reason = forms.CharField(
        label=_("Alasan perubahan"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages=_msgs("Alasan perubahan"),
    )

    def __init__(self, *args, positions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].choices = [("", _("— tanpa jabatan —")), *((p.pk, p.name) for p in positions)]
        self.fields["position"].error_messages["invalid_choice"] = _("Pilih jabatan pada unit pegawai ini.")


class MoveForm(forms.Form):
    unit = forms.TypedChoiceField(label=_("Unit tujuan"), coerce=int, error_messages=_msgs("Unit tujuan"))
    # The choices follow the chosen unit (loaded by htmx); the service checks the position is there.
    position = forms.IntegerField(
        label=_("Jabatan di unit tujuan"), required=False, widget=forms.Select(choices=[("", _("— pilih unit dahulu —"))])
    )
    effective_on = forms.DateField(
        label=_("Berlaku mulai"), widget=DATE, validators=[decision_date_validator("Tanggal berlaku")],
        error_messages=_msgs("Tanggal berlaku"),
    )
    basis_number = forms.CharField(
        label=_("Nomor keputusan mutasi"), max_length=120, error_messages=_msgs("Nomor keputusan mutasi")
    )
    reason = forms.CharField(
        label=_("Keterangan"), required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", _("— pilih unit —")), *units]
        self.fields["unit"].error_messages["invalid_choice"] = _("Pilih unit tujuan dari daftar.")
        self.fields["unit"].widget.attrs.update(
            {"hx-get": "jabatan/", "hx-target": "#id_position", "hx-trigger": "change", "hx-include": "this"}
        )


class DeactivateForm(forms.Form):
    effective_on = forms.DateField(
        label=_("Berhenti mulai"), widget=DATE, validators=[decision_date_validator("Tanggal berhenti")],
        error_messages=_msgs("Tanggal berhenti"),
    )
    reason = forms.CharField(
        label=_("Alasan (pensiun, pindah instansi, berhenti, …)"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages=_msgs("Alasan"),
    )
