from django import forms
from django.utils.translation import gettext_lazy as _

from sikerja.inputs import LONG_TEXT, decision_date_validator, signed_date_validator
from sikerja.organisation.models import Delegation

DATE = forms.DateInput(attrs={"type": "date"})


class PlacementForm(forms.Form):
    assessor = forms.IntegerField(widget=forms.HiddenInput, error_messages={"required": _("Pilih pejabat penilai kinerja.")})
    basis_number = forms.CharField(label=_("Nomor keputusan"), max_length=120)
    basis_date = forms.DateField(label=_("Tanggal keputusan"), widget=DATE, validators=[signed_date_validator("Tanggal keputusan")])
    effective_from = forms.DateField(label=_("Berlaku mulai"), widget=DATE, validators=[decision_date_validator("Berlaku mulai")])


class PlacementCorrectionForm(forms.Form):
    assessor = forms.IntegerField(label=_("Pejabat penilai kinerja"), required=False)
    basis_number = forms.CharField(label=_("Nomor keputusan"), max_length=120)
    basis_date = forms.DateField(label=_("Tanggal keputusan"), widget=DATE, validators=[signed_date_validator("Tanggal keputusan")])
    effective_from = forms.DateField(label=_("Berlaku mulai"), widget=DATE, validators=[decision_date_validator("Berlaku mulai")])
    reason = forms.CharField(label=_("Alasan koreksi"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Alasan penarikan"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class DelegationForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis"), choices=Delegation.Kind.choices)
    delegator = forms.CharField(label=_("NIP pemberi"), max_length=21)
    delegate = forms.CharField(label=_("NIP penerima"), max_length=21)
    starts_on = forms.DateField(label=_("Mulai"), widget=DATE, validators=[decision_date_validator("Tanggal mulai")])
    ends_on = forms.DateField(label=_("Sampai"), widget=DATE, validators=[decision_date_validator("Tanggal sampai")])
    basis_number = forms.CharField(label=_("Nomor dasar"), max_length=120)
    basis_date = forms.DateField(label=_("Tanggal dasar"), widget=DATE, validators=[signed_date_validator("Tanggal dasar")])
    reason = forms.CharField(label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=LONG_TEXT)


def nip_digits(raw: str) -> str:
    return "".join(ch for ch in raw if ch.isdigit())
