from django import forms
from django.utils.translation import gettext_lazy as _


class SettingsForm(forms.Form):
    email_enabled = forms.BooleanField(label=_("Kirim pemberitahuan ke surel saya"), required=False)
    daily_digest = forms.BooleanField(
        label=_("Satu ringkasan harian, bukan satu surel per pemberitahuan"), required=False
    )
