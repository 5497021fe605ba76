"""Forms of the penugasan pages. They check shapes (dates, numbers, required text) with the
same Indonesian wording as the services; the rules themselves (who may, which flow, which
signer, availability) stay in ``services``."""

from __future__ import annotations

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from sikerja.assignments.models import Assignment, Form, Member, Nature
from sikerja.inputs import decision_date_validator

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_EXTERNAL = 30


def _required(label: str) -> dict:
    # Lazy: the label and the sentence are read in the language of the page that shows them.
    return {
        "required": format_lazy(_("{label} wajib diisi."), label=_(label)),
        "max_length": format_lazy(_("{label} terlalu panjang."), label=_(label)),
    }


def _period_fields():
    return (
        forms.DateField(label=_("Mulai"), widget=DATE, validators=[decision_date_validator("Tanggal mulai")], error_messages={
            "required": _("Tanggal mulai penugasan wajib diisi."), "invalid": _("Tanggal mulai tidak valid.")}),
        forms.DateField(label=_("Selesai"), widget=DATE, validators=[decision_date_validator("Tanggal selesai")], error_messages={
            "required": _("Tanggal selesai penugasan wajib diisi."), "invalid": _("Tanggal selesai tidak valid.")}),
    )


def _hours_field():
    return forms.DecimalField(
        label=_("Alokasi jam per minggu"),
        initial=8,
        min_value=0.5,
        max_value=60,
        max_digits=4,
        decimal_places=1,
        widget=forms.NumberInput(attrs={"step": "0.5", "min": "0.5", "max": "60"}),
        error_messages={
            "required": _("Alokasi jam per minggu wajib diisi."),
            "invalid": _("Alokasi jam per minggu harus berupa angka."),
            "min_value": _("Alokasi jam per minggu harus lebih dari 0 dan paling banyak 60 jam."),
            "max_value": _("Alokasi jam per minggu harus lebih dari 0 dan paling banyak 60 jam."),
            "max_digits": _("Alokasi jam per minggu paling banyak 60 jam."),
            "max_decimal_places": _("Alokasi jam per minggu paling banyak satu angka desimal."),
            "max_whole_digits": _("Alokasi jam per minggu paling banyak 60 jam."),
        },
    )


class _WorkForm(forms.Form):
    """What a penunjukan and a pengajuan sukarela share."""

    owning_unit = forms.TypedChoiceField(
        label=_("Unit pemilik kinerja"),
        coerce=int,
        error_messages={
            "required": _("Pilih unit pemilik kinerja."),
            "invalid_choice": _("Unit pemilik kinerja tidak dikenal."),
        },
    )
    title = forms.CharField(
        label=_("Nama kegiatan/tim"),
        max_length=300,
        error_messages=_required("Nama kegiatan/tim"),
        widget=forms.TextInput(attrs={"size": 50}),
    )
    purpose = forms.CharField(
        label=_("Maksud dan tujuan"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=_required("Maksud dan tujuan"),
    )
    target = forms.CharField(
        label=_("Ekspektasi/target kinerja"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages=_required("Ekspektasi/target kinerja"),
    )
    competences = forms.CharField(
        label=_("Kompetensi yang dibutuhkan"),
        required=False,
        max_length=2000,
        help_text=_("Pisahkan dengan koma, misalnya: Pemrograman, Analisis data."),
        widget=forms.TextInput(attrs={"size": 50}),
    )
    starts_on, ends_on = _period_fields()
    hours_per_week = _hours_field()
    nature = forms.ChoiceField(label=_("Sifat"), choices=Nature.choices, initial=Nature.REGULER)

    def __init__(self, *args, units=(), incidental_label: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owning_unit"].choices = [("", _("— pilih unit —")), *units]
        if incidental_label:
            self.fields["nature"].choices = [
                (Nature.REGULER, Nature.REGULER.label),
                (Nature.INSIDENTAL, incidental_label),
            ]
        else:
            self.fields["nature"].choices = [(Nature.REGULER, Nature.REGULER.label)]

    def clean(self):
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _('Tanggal selesai penugasan mendahului tanggal mulai.'))
        return data

    def competence_list(self) -> list[str]:
        raw = (self.cleaned_data.get("competences") or "").replace(";", ",")
        return [" ".join(part.split()) for part in raw.split(",") if part.strip()]


class ProposeForm(_WorkForm):
    """Penunjukan: the initiator names the people (individu or tim kerja)."""

    field_order = [
        "form",
        "owning_unit",
        "title",
        "purpose",
        "target",
        "competences",
        "starts_on",
        "ends_on",
        "hours_per_week",
        "other_arrangements",
        "nature",
        "law_requires_decree",
        "process",
        "external_members",
    ]

    form = forms.ChoiceField(
        label=_("Bentuk penugasan"),
        choices=Form.choices,
        initial=Form.INDIVIDU,
        widget=forms.RadioSelect,
        error_messages={"required": _("Pilih bentuk penugasan."), "invalid_choice": _("Bentuk penugasan tidak dikenal.")},
    )
    other_arrangements = forms.CharField(
        label=_("Pengaturan lainnya"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    law_requires_decree = forms.BooleanField(
        label=_("Peraturan perundang-undangan lain mewajibkan tim ditetapkan dengan keputusan"), required=False
    )
    external_members = forms.CharField(
        label=_("Anggota dari luar pemerintah daerah (lintas instansi)"),
        required=False,
        max_length=6000,
        help_text=_("Satu orang per baris: Nama; Instansi; Jabatan (boleh ditambah ; NIP 18 angka)."),
        widget=forms.Textarea(
            attrs={
                "rows": 2,
                "placeholder": "Ir. Budi Santoso; Dinas Kominfo Provinsi Kalimantan Timur; Kepala Bidang Aplikasi Informatika",
            }
        ),
    )

    process = forms.TypedChoiceField(
        label=_("Proses bisnis yang dijalankan"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("Boleh dikosongkan. Proses bisnis unit pemilik kinerja ditampilkan lebih dahulu."),
        # Long process names: the list stays inside the page at 390 px.
        widget=forms.Select(attrs={"style": "max-width:100%"}),
        error_messages={"invalid_choice": _(
            "Proses bisnis yang dipilih tidak ditemukan di pemerintah daerah ini; pilih proses bisnis daerah Anda."
        )},
    )

    def __init__(self, *args, processes=((), ()), only_form: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["process"].choices = process_choices(*processes)
        if only_form:  # proposed from a strategy: the strategy has decided individu or tim kerja
            self.fields["form"].choices = [(only_form, Form(only_form).label)]

    def clean_external_members(self) -> list[dict]:
        rows = []
        for n, line in enumerate((self.cleaned_data.get("external_members") or "").splitlines(), start=1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split(";")]
            if len(parts) < 2 or not parts[0] or not parts[1] or len(parts) > 4:
                raise forms.ValidationError(
                    _("Baris %(n)s anggota luar harus berbentuk 'Nama; Instansi; Jabatan'.") % {"n": n}
                )
            position, nip = "", ""
            for extra in parts[2:]:
                digits = "".join(extra.split())
                if digits.isdigit():  # a number is the NIP, any other text the jabatan
                    if len(digits) != 18:
                        raise forms.ValidationError(_("NIP %(nip)s harus 18 angka.") % {"nip": parts[0]})
                    nip = digits
                elif extra:
                    position = extra
            rows.append({"name": parts[0][:200], "org": parts[1][:200], "position": position[:200], "nip": nip})
        if len(rows) > MAX_EXTERNAL:
            raise forms.ValidationError(_("Paling banyak %(n)s anggota dari luar.") % {"n": MAX_EXTERNAL})
        return rows


def process_choices(first, rest) -> list:
    """The region's active processes as choices: the owning unit's own (or those it takes part
    in) as the first group, then the others."""
    def label(p):
        return f"{p.code} {p.name} — {p.owning_unit.name}"

    choices: list = [("", _("— tidak ada —"))]
    if first:
        choices.append((_("Proses bisnis unit ini"), [(p.pk, label(p)) for p in first]))
        if rest:
            choices.append((_("Proses bisnis lain"), [(p.pk, label(p)) for p in rest]))
    else:
        choices.extend((p.pk, label(p)) for p in rest)
    return choices


class AssignmentProcessForm(forms.Form):
    """Name (or change) the business process an assignment runs."""

    process = ProposeForm.base_fields["process"]

    def __init__(self, *args, processes=((), ()), only_form: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["process"].choices = process_choices(*processes)
        if only_form:  # proposed from a strategy: the strategy has decided individu or tim kerja
            self.fields["form"].choices = [(only_form, Form(only_form).label)]


class ApplyForm(_WorkForm):
    """Pengajuan sukarela: the official applies to take part in a unit's work."""

    title = forms.CharField(
        label=_("Kinerja/kegiatan yang ingin diikuti"),
        max_length=300,
        error_messages=_required("Kinerja/kegiatan yang ingin diikuti"),
        widget=forms.TextInput(attrs={"size": 50}),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        # "setuju" approves what is ticked (all of it on an application or confirmation);
        # "setujui_semua" approves everyone named whatever is ticked; "tolak" refuses everyone.
        choices=[("setuju", _("Setujui")), ("setujui_semua", _("Setujui semua")), ("tolak", _("Tolak"))],
        error_messages={"required": _("Pilih setujui atau tolak."), "invalid_choice": _("Pilih setujui atau tolak.")},
    )
    reason = forms.CharField(
        label=_("Alasan/catatan"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": _("Alasan paling panjang 2000 karakter.")},
    )
    members = forms.TypedMultipleChoiceField(
        label=_("Pegawai yang disetujui"),
        required=False,
        coerce=int,
        error_messages={"invalid_choice": _("Pegawai yang dipilih tidak disebut dalam permohonan.")},
    )

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].choices = [(m.pk, m.display_name) for m in members]


class IssueForm(forms.Form):
    ketua = forms.TypedChoiceField(
        label=_("Ketua tim baru"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("Ketua baru harus anggota tim yang disetujui.")},
    )

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ketua"].choices = [("", _("— tetap —")), *((m.pk, m.display_name) for m in members)]


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan pembatalan"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages=_required("Alasan pembatalan"),
    )


class FilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Semua status")), *Assignment.Status.choices]
    )


ROLE_CHOICES = Member.Role.choices


class AmendForm(forms.Form):
    """End an issued assignment early or extend it: the new end date and why."""

    new_ends_on = forms.DateField(
        label=_("Tanggal selesai yang baru"),
        widget=DATE,
        validators=[decision_date_validator(_('Tanggal selesai yang baru'))],
        error_messages={"required": _("Tanggal selesai yang baru wajib diisi."), "invalid": _("Tanggal tidak valid.")},
    )
    reason = forms.CharField(
        label=_("Alasan perubahan"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages=_required("Alasan perubahan"),
    )


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan pencabutan"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages=_required("Alasan pencabutan"),
    )
