from django import forms
from django.utils.translation import gettext_lazy as _

from sikerja.organisation.io.readers import EXTENSIONS
from sikerja.organisation.io.services import MAX_UPLOAD_BYTES
from sikerja.organisation.io.sheets import SHEETS


class UploadForm(forms.Form):
    sheet = forms.ChoiceField(
        label=_("Jenis lembar"),
        choices=[(key, _(spec.title)) for key, spec in SHEETS.items()],
        error_messages={"required": _("Pilih jenis lembar."), "invalid_choice": _("Jenis lembar tidak dikenal.")},
    )
    file = forms.FileField(
        label=_("Berkas (.csv atau .xlsx)"),
        error_messages={"required": _("Pilih berkas yang akan diunggah."), "empty": _("Berkas kosong.")},
    )

    def clean_file(self):
        f = self.cleaned_data["file"]
        if not f.name.lower().endswith(EXTENSIONS):
            raise forms.ValidationError(_("Jenis berkas tidak didukung. Unggah berkas .csv atau .xlsx."))
        if f.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("Berkas terlalu besar (maks. %(mb)s MB).") % {"mb": MAX_UPLOAD_BYTES // (1024 * 1024)}
            )
        return f
