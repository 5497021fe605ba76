from django import forms

from sikerja.accounts.models import IdentityProvider


class IdentityProviderForm(forms.Form):
    label = forms.CharField(label="Nama tombol di halaman masuk", max_length=80, required=False,
                            help_text="Misalnya: Akun Pemkab (SSO).")
    issuer = forms.URLField(label="Alamat penerbit (issuer)", max_length=300,
                            help_text="Alamat https penyedia identitas; SiKerja membaca konfigurasinya sendiri.")
    client_id = forms.CharField(label="Client ID", max_length=200)
    client_secret = forms.CharField(label="Client secret", max_length=500, required=False,
                                    widget=forms.PasswordInput(render_value=False),
                                    help_text="Kosongkan untuk tetap memakai yang tersimpan.")
    match = forms.ChoiceField(label="Cocokkan pegawai menurut", choices=IdentityProvider.Match.choices)
    is_active = forms.BooleanField(label="Aktif (tombol tampil di halaman masuk)", required=False, initial=True)
