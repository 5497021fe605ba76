from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from sikerja.accounts.models import Role
from sikerja.accounts.services import EMAIL, PRINT


class LoginForm(AuthenticationForm):
    remember_me = forms.BooleanField(label=_("Ingat saya di perangkat ini"), required=False)
    error_messages = {
        "invalid_login": _("Nama pengguna atau kata sandi salah."),
        "inactive": _("Akun ini dinonaktifkan. Hubungi admin BKPSDM."),
    }


DELIVERY_CHOICES = [(EMAIL, _("Kirim tautan ke surel pegawai")), (PRINT, _("Cetak kata sandi sekali ini"))]


class DeliveryForm(forms.Form):
    delivery = forms.ChoiceField(label=_("Penyampaian kata sandi"), choices=DELIVERY_CHOICES, initial=PRINT)


class GrantRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Peran"), choices=[(r.value, r.label) for r in Role if r != Role.SUPERADMIN])
    unit = forms.IntegerField(
        label=_("Unit (untuk PPK, pimpinan unit, kepala PD)"), required=False, min_value=1, max_value=2**63 - 1
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Alasan"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Nama token (untuk apa)"), max_length=100)
    days = forms.IntegerField(label=_("Berlaku (hari)"), min_value=1, max_value=365, initial=90)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Kode"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )
