from django import forms
from django.utils.translation import gettext_lazy as _

from sikerja.accounts.models import IdentityProvider


class IdentityProviderForm(forms.Form):
    label = forms.CharField(label=_("Nama tombol di halaman masuk"), max_length=80, required=False,
                            help_text=_("Misalnya: Akun Pemkab (SSO)."))
    issuer = forms.URLField(label=_("Alamat penerbit (issuer)"), max_length=300, assume_scheme="https",
                            help_text=_("Alamat https penyedia identitas; SiKerja membaca konfigurasinya sendiri."))
    client_id = forms.CharField(label=_("Client ID"), max_length=200)
    client_secret = forms.CharField(label=_("Client secret"), max_length=500, required=False,
                                    widget=forms.PasswordInput(render_value=False),
                                    help_text=_("Kosongkan untuk tetap memakai yang tersimpan."))
    match = forms.ChoiceField(label=_("Cocokkan pegawai menurut"), choices=IdentityProvider.Match.choices)
    is_active = forms.BooleanField(label=_("Aktif (tombol tampil di halaman masuk)"), required=False, initial=True)
