"""Forms of the proses bisnis pages. Text has maximum lengths and dates have windows (the
bounds test walks this module); the services check again, so the API gets the same rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sikerja.inputs import LONG_TEXT, SEARCH_TEXT, decision_date_validator, signed_date_validator
from sikerja.processes.models import Decision, MapKind, MapMethod, ProcessKind

DATE = forms.DateInput(attrs={"type": "date"})


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Kata"), max_length=SEARCH_TEXT, required=False)
    unit = forms.IntegerField(label=_("Unit"), required=False, min_value=1, max_value=2**63 - 1)
    position = forms.IntegerField(label=_("Jabatan"), required=False, min_value=1, max_value=2**63 - 1)
    kind = forms.ChoiceField(label=_("Jenis"), choices=[("", "Semua jenis"), *ProcessKind.choices], required=False)


class ProcessForm(forms.Form):
    code = forms.CharField(label=_("Kode"), max_length=40)
    name = forms.CharField(label=_("Nama proses"), max_length=200)
    kind = forms.ChoiceField(label=_("Jenis proses"), choices=ProcessKind.choices)
    owning_unit = forms.IntegerField(label=_("Unit pemilik"), min_value=1, max_value=2**63 - 1)
    parent = forms.IntegerField(label=_("Proses induk"), required=False, min_value=1, max_value=2**63 - 1)
    description = forms.CharField(
        label=_("Uraian"), max_length=LONG_TEXT, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class MapForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis peta"), choices=MapKind.choices)
    title = forms.CharField(label=_("Judul"), max_length=200)
    method = forms.ChoiceField(label=_("Metode"), choices=MapMethod.choices)


class SopForm(forms.Form):
    name = forms.CharField(label=_("Nama SOP"), max_length=300)
    owning_unit = forms.IntegerField(label=_("Unit pemilik"), min_value=1, max_value=2**63 - 1)


def _text(label, required=False):
    return forms.CharField(
        label=label, max_length=LONG_TEXT, required=required, widget=forms.Textarea(attrs={"rows": 2})
    )


class IdentityForm(forms.Form):
    nomor = forms.CharField(label=_("Nomor SOP"), max_length=100, required=False)
    made_on = forms.DateField(
        label=_("Tanggal pembuatan"), widget=DATE, required=False, validators=[signed_date_validator("Tanggal pembuatan")]
    )
    revised_on = forms.DateField(
        label=_("Tanggal revisi"), widget=DATE, required=False, validators=[signed_date_validator("Tanggal revisi")]
    )
    effective_on = forms.DateField(
        label=_("Tanggal efektif"), widget=DATE, required=False, validators=[decision_date_validator("Tanggal efektif")]
    )
    approver = forms.IntegerField(label=_("Disahkan oleh"), required=False, min_value=1, max_value=2**63 - 1)
    dasar_hukum = _text("Dasar hukum")
    kualifikasi = _text("Kualifikasi pelaksana")
    keterkaitan = _text("Keterkaitan")
    peralatan = _text("Peralatan/perlengkapan")
    peringatan = _text("Peringatan")
    pencatatan = _text("Pencatatan dan pendataan")


class ReviewForm(forms.Form):
    findings = forms.CharField(
        label=_("Temuan reviu dan evaluasi"), max_length=LONG_TEXT, widget=forms.Textarea(attrs={"rows": 3})
    )
    decision = forms.ChoiceField(label=_("Keputusan"), choices=Decision.choices)


class XlsxForm(forms.Form):
    file = forms.FileField(label=_("Berkas XLSX"))
