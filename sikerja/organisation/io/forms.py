from django import forms
from django.utils.translation import gettext_lazy as _

from sikerja.organisation.io.readers import EXTENSIONS
from sikerja.organisation.io.services import MAX_UPLOAD_BYTES
from sikerja.organisation.io.sheets import SHEETS


class UploadForm(forms.Form):
    sheet = forms.ChoiceField(
        label=_("Jenis lembar"),
        choices=[(key, spec.title) for key, spec in SHEETS.items()],
        error_messages={"required": "Pilih jenis lembar.", "invalid_choice": "Jenis lembar tidak dikenal."},
    )
    file = forms.FileField(
        label=_("Berkas (.csv atau .xlsx)"),
        error_messages={"required": "Pilih berkas yang akan diunggah.", "empty": "Berkas kosong."},
    )

    def clean_file(self):
        f = self.cleaned_data["file"]
        if not f.name.lower().endswith(EXTENSIONS):
            raise forms.ValidationError("Jenis berkas tidak didukung. Unggah berkas .csv atau .xlsx.")
        if f.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(f"Berkas terlalu besar (maks. {MAX_UPLOAD_BYTES // (1024 * 1024)} MB).")
        return f
