from django import forms

from sikerja.letters.models import DocumentKind, LetterTemplate

MAX_UPLOAD = 2 * 1024 * 1024


class RevokeForm(forms.Form):
    reason = forms.CharField(label="Alasan pencabutan", max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))


class LetterheadForm(forms.Form):
    unit = forms.TypedChoiceField(label="Perangkat daerah", required=False, coerce=int, empty_value=None,
                                  help_text="Kosongkan untuk kop bawaan seluruh daerah.")
    government_name = forms.CharField(label="Nama pemerintah daerah", max_length=200)
    pd_name = forms.CharField(label="Nama perangkat daerah", max_length=200, required=False,
                              help_text="Kosongkan agar diisi nama perangkat daerah penerbit.")
    address = forms.CharField(label="Alamat", max_length=300, required=False)
    phone = forms.CharField(label="Telepon", max_length=100, required=False, help_text="Mis. (0542) 123456.")
    email = forms.EmailField(label="Surel (e-mail)", max_length=150, required=False)
    website = forms.CharField(label="Laman (website)", max_length=150, required=False, help_text="Mis. diskominfo.contoh.go.id")
    contact = forms.CharField(label="Kontak lain", max_length=300, required=False,
                              help_text="Mis. kode pos atau faksimile; dicetak di bawah telepon, surel dan laman.")
    logo = forms.FileField(label="Logo (PNG/JPEG, paling besar 1 MB)", required=False)

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", "— seluruh daerah —")] + [(u.pk, u.name) for u in units]

    def clean_logo(self):
        f = self.cleaned_data.get("logo")
        if f and f.size > 1024 * 1024:
            raise forms.ValidationError("Logo paling besar 1 MB.")
        return f


class TemplateUploadForm(forms.Form):
    kind = forms.ChoiceField(label="Jenis naskah", choices=DocumentKind.choices)
    engine = forms.ChoiceField(label="Mesin", choices=LetterTemplate.Engine.choices)
    content = forms.CharField(label="Isi HTML (untuk mesin HTML)", required=False, max_length=MAX_UPLOAD, widget=forms.Textarea(attrs={"rows": 8}))
    file = forms.FileField(label="Berkas (.html atau .docx)", required=False)
    note = forms.CharField(label="Catatan versi", max_length=300, required=False)

    def clean(self):
        data = super().clean()
        f = data.get("file")
        if f and f.size > MAX_UPLOAD:
            raise forms.ValidationError("Berkas templat paling besar 2 MB.")
        if data.get("engine") == "docx" and not f:
            raise forms.ValidationError("Unggah berkas .docx untuk mesin DOCX.")
        if data.get("engine") == "html" and not f and not (data.get("content") or "").strip():
            raise forms.ValidationError("Isi HTML atau unggah berkas .html.")
        return data
