from django import forms


class SettingsForm(forms.Form):
    email_enabled = forms.BooleanField(label="Kirim pemberitahuan ke surel saya", required=False)
    daily_digest = forms.BooleanField(label="Satu ringkasan harian, bukan satu surel per pemberitahuan", required=False)
