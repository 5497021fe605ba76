"""Forms of the kinerja pages; every text has a maximum length and every date a window."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sikerja.inputs import decision_date_validator
from sikerja.performance.models import Evaluation, FollowUp, Iki, OrgPredikat, Rating, Rhk, Skp
from sikerja.performance.rules import berakhlak

BLANK = [("", "—")]


class DraftForm(forms.Form):
    year = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100)
    form = forms.ChoiceField(label=_("Bentuk SKP"), choices=BLANK + list(Skp.Form.choices), required=False)
    dialog_on = forms.DateField(
        label=_("Tanggal dialog kinerja"), required=False, validators=[decision_date_validator("Tanggal dialog kinerja")]
    )


class RhkForm(forms.Form):
    text = forms.CharField(label=_("Rencana hasil kerja"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))
    kind = forms.ChoiceField(label=_("Jenis"), choices=Rhk.Kind.choices)
    intervened = forms.IntegerField(
        label=_("RHK atasan yang diintervensi"), required=False, min_value=1, max_value=2**63 - 1
    )
    perspektif = forms.ChoiceField(
        label=_("Perspektif (SKP JPT)"), choices=BLANK + list(Rhk.Perspektif.choices), required=False
    )
    approach = forms.ChoiceField(label=_("Pendekatan"), choices=Rhk.Approach.choices)
    aspek = forms.ChoiceField(label=_("Aspek (SKP JA/JF)"), choices=BLANK + list(Iki.Aspek.choices), required=False)
    indikator = forms.CharField(label=_("Indikator kinerja individu"), max_length=1000)
    target = forms.CharField(label=_("Target"), max_length=200)
    aspek_2 = forms.ChoiceField(label=_("Aspek indikator kedua"), choices=BLANK + list(Iki.Aspek.choices), required=False)
    indikator_2 = forms.CharField(label=_("Indikator kedua (bila ada)"), max_length=1000, required=False)
    target_2 = forms.CharField(label=_("Target indikator kedua"), max_length=200, required=False)

    def ikis(self):
        d = self.cleaned_data
        rows = [(d.get("aspek") or "", d["indikator"], d["target"])]
        if d.get("indikator_2"):
            rows.append((d.get("aspek_2") or "", d["indikator_2"], d.get("target_2") or ""))
        return rows


class PlanForm(forms.Form):
    dukungan = forms.CharField(
        label=_("Dukungan sumber daya"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    skema = forms.CharField(
        label=_("Skema pertanggungjawaban"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    konsekuensi = forms.CharField(
        label=_("Konsekuensi"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class DecideForm(forms.Form):
    decision = forms.ChoiceField(choices=[("setujui", _("Setujui")), ("kembalikan", _("Kembalikan"))])
    notes = forms.CharField(label=_("Catatan"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ExpectationForm(forms.Form):
    value = forms.ChoiceField(choices=[(k, label) for k, label, _ in berakhlak.VALUES])
    text = forms.CharField(label=_("Ekspektasi khusus pimpinan"), max_length=1000, required=False)


class EvidenceForm(forms.Form):
    title = forms.CharField(label=_("Uraian bukti dukung"), max_length=300)
    url = forms.CharField(label=_("Tautan"), max_length=500, required=False)
    iki = forms.IntegerField(required=False, min_value=1, max_value=2**63 - 1)
    happened_on = forms.DateField(label=_("Tanggal"), required=False, validators=[decision_date_validator("Tanggal")])


class TextForm(forms.Form):
    text = forms.CharField(label=_("Isi"), max_length=4000, widget=forms.Textarea(attrs={"rows": 2}))
    held_on = forms.DateField(label=_("Tanggal"), required=False, validators=[decision_date_validator("Tanggal")])


class EvaluationForm(forms.Form):
    period = forms.IntegerField(min_value=1, max_value=2**63 - 1)
    rating_hasil = forms.ChoiceField(label=_("Rating hasil kerja"), choices=BLANK + list(Rating.choices), required=False)
    rating_perilaku = forms.ChoiceField(label=_("Rating perilaku kerja"), choices=Rating.choices)
    notes = forms.CharField(label=_("Catatan"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 2}))


class FollowUpForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis"), choices=FollowUp.Kind.choices)
    text = forms.CharField(label=_("Uraian"), max_length=4000, widget=forms.Textarea(attrs={"rows": 2}))


class UnitPredikatForm(forms.Form):
    rating = forms.ChoiceField(label=_("Capaian kinerja organisasi"), choices=Rating.choices)
    predikat = forms.ChoiceField(label=_("Predikat kinerja organisasi"), choices=OrgPredikat.choices)
    basis = forms.CharField(
        label=_("Dasar penetapan"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    rec_from = forms.ChoiceField(
        label=_("Rekomendasi dari"),
        required=False,
        choices=BLANK + [("perencanaan", _("Unit perencanaan")), ("sdm", _("Unit SDM")), ("pengawasan", _("Unit pengawasan"))],
    )
    rec_text = forms.CharField(label=_("Isi rekomendasi"), max_length=1000, required=False)


class OpenYearForm(forms.Form):
    year = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100)
    monthly = forms.BooleanField(label=_("Juga periode bulanan"), required=False)


FINAL = Evaluation.Status.FINAL
