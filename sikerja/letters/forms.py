from django import forms
from django.utils.translation import gettext_lazy as _

from sikerja.letters.models import DocumentKind, LetterTemplate

MAX_UPLOAD = 2 * 1024 * 1024


class RevokeForm(forms.Form):
    reason = forms.CharField(label=_("Alasan pencabutan"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))


class LetterheadForm(forms.Form):
    unit = forms.TypedChoiceField(label=_("Perangkat daerah"), required=False, coerce=int, empty_value=None,
                                  help_text=_("Kosongkan untuk kop bawaan seluruh daerah."))
    government_name = forms.CharField(label=_("Nama pemerintah daerah"), max_length=200)
    pd_name = forms.CharField(label=_("Nama perangkat daerah"), max_length=200, required=False,
                              help_text=_("Kosongkan agar diisi nama perangkat daerah penerbit."))
    address = forms.CharField(label=_("Alamat"), max_length=300, required=False)
    phone = forms.CharField(label=_("Telepon"), max_length=100, required=False, help_text=_("Mis. (0542) 123456."))
    email = forms.EmailField(label=_("Surel (e-mail)"), max_length=150, required=False)
    website = forms.CharField(label=_("Laman (website)"), max_length=150, required=False, help_text=_("Mis. diskominfo.contoh.go.id"))
    contact = forms.CharField(label=_("Kontak lain"), max_length=300, required=False,
                              help_text=_("Mis. kode pos atau faksimile; dicetak di bawah telepon, surel dan laman."))
    logo = forms.FileField(label=_("Logo (PNG/JPEG, paling besar 1 MB)"), required=False)

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", _("— seluruh daerah —"))] + [(u.pk, u.name) for u in units]

    def clean_logo(self):
        f = self.cleaned_data.get("logo")
        if f and f.size > 1024 * 1024:
            raise forms.ValidationError(_("Logo paling besar 1 MB."))
        return f


class TemplateUploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis naskah"), choices=DocumentKind.choices)
    engine = forms.ChoiceField(label=_("Mesin"), choices=LetterTemplate.Engine.choices)
    content = forms.CharField(label=_("Isi HTML (untuk mesin HTML)"), required=False, max_length=MAX_UPLOAD, widget=forms.Textarea(attrs={"rows": 8}))
    file = forms.FileField(label=_("Berkas (.html atau .docx)"), required=False)
    note = forms.CharField(label=_("Catatan versi"), max_length=300, required=False)

    def clean(self):
        data = super().clean()
        f = data.get("file")
        if f and f.size > MAX_UPLOAD:
            raise forms.ValidationError(_("Berkas templat paling besar 2 MB."))
        if data.get("engine") == "docx" and not f:
            raise forms.ValidationError(_("Unggah berkas .docx untuk mesin DOCX."))
        if data.get("engine") == "html" and not f and not (data.get("content") or "").strip():
            raise forms.ValidationError(_("Isi HTML atau unggah berkas .html."))
        return data
