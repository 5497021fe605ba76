"""Forms of the kinerja pages; every text has a maximum length and every date a window."""

from django import forms

from sikerja.inputs import decision_date_validator
from sikerja.performance.models import Evaluation, FollowUp, Iki, OrgPredikat, Rating, Rhk, Skp
from sikerja.performance.rules import berakhlak

BLANK = [("", "—")]


class DraftForm(forms.Form):
    year = forms.IntegerField(label="Tahun", min_value=2000, max_value=2100)
    form = forms.ChoiceField(label="Bentuk SKP", choices=BLANK + list(Skp.Form.choices), required=False)
    dialog_on = forms.DateField(
        label="Tanggal dialog kinerja", required=False, validators=[decision_date_validator("Tanggal dialog kinerja")]
    )


class RhkForm(forms.Form):
    text = forms.CharField(label="Rencana hasil kerja", max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))
    kind = forms.ChoiceField(label="Jenis", choices=Rhk.Kind.choices)
    intervened = forms.IntegerField(
        label="RHK atasan yang diintervensi", required=False, min_value=1, max_value=2**63 - 1
    )
    perspektif = forms.ChoiceField(
        label="Perspektif (SKP JPT)", choices=BLANK + list(Rhk.Perspektif.choices), required=False
    )
    approach = forms.ChoiceField(label="Pendekatan", choices=Rhk.Approach.choices)
    aspek = forms.ChoiceField(label="Aspek (SKP JA/JF)", choices=BLANK + list(Iki.Aspek.choices), required=False)
    indikator = forms.CharField(label="Indikator kinerja individu", max_length=1000)
    target = forms.CharField(label="Target", max_length=200)
    aspek_2 = forms.ChoiceField(label="Aspek indikator kedua", choices=BLANK + list(Iki.Aspek.choices), required=False)
    indikator_2 = forms.CharField(label="Indikator kedua (bila ada)", max_length=1000, required=False)
    target_2 = forms.CharField(label="Target indikator kedua", max_length=200, required=False)

    def ikis(self):
        d = self.cleaned_data
        rows = [(d.get("aspek") or "", d["indikator"], d["target"])]
        if d.get("indikator_2"):
            rows.append((d.get("aspek_2") or "", d["indikator_2"], d.get("target_2") or ""))
        return rows


class PlanForm(forms.Form):
    dukungan = forms.CharField(
        label="Dukungan sumber daya", max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    skema = forms.CharField(
        label="Skema pertanggungjawaban", max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    konsekuensi = forms.CharField(
        label="Konsekuensi", max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class DecideForm(forms.Form):
    decision = forms.ChoiceField(choices=[("setujui", "Setujui"), ("kembalikan", "Kembalikan")])
    notes = forms.CharField(label="Catatan", max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ExpectationForm(forms.Form):
    value = forms.ChoiceField(choices=[(k, label) for k, label, _ in berakhlak.VALUES])
    text = forms.CharField(label="Ekspektasi khusus pimpinan", max_length=1000, required=False)


class EvidenceForm(forms.Form):
    title = forms.CharField(label="Uraian bukti dukung", max_length=300)
    url = forms.CharField(label="Tautan", max_length=500, required=False)
    iki = forms.IntegerField(required=False, min_value=1, max_value=2**63 - 1)
    happened_on = forms.DateField(label="Tanggal", required=False, validators=[decision_date_validator("Tanggal")])


class TextForm(forms.Form):
    text = forms.CharField(label="Isi", max_length=4000, widget=forms.Textarea(attrs={"rows": 2}))
    held_on = forms.DateField(label="Tanggal", required=False, validators=[decision_date_validator("Tanggal")])


class EvaluationForm(forms.Form):
    period = forms.IntegerField(min_value=1, max_value=2**63 - 1)
    rating_hasil = forms.ChoiceField(label="Rating hasil kerja", choices=BLANK + list(Rating.choices), required=False)
    rating_perilaku = forms.ChoiceField(label="Rating perilaku kerja", choices=Rating.choices)
    notes = forms.CharField(label="Catatan", max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 2}))


class FollowUpForm(forms.Form):
    kind = forms.ChoiceField(label="Jenis", choices=FollowUp.Kind.choices)
    text = forms.CharField(label="Uraian", max_length=4000, widget=forms.Textarea(attrs={"rows": 2}))


class UnitPredikatForm(forms.Form):
    rating = forms.ChoiceField(label="Capaian kinerja organisasi", choices=Rating.choices)
    predikat = forms.ChoiceField(label="Predikat kinerja organisasi", choices=OrgPredikat.choices)
    basis = forms.CharField(
        label="Dasar penetapan", max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    rec_from = forms.ChoiceField(
        label="Rekomendasi dari",
        required=False,
        choices=BLANK + [("perencanaan", "Unit perencanaan"), ("sdm", "Unit SDM"), ("pengawasan", "Unit pengawasan")],
    )
    rec_text = forms.CharField(label="Isi rekomendasi", max_length=1000, required=False)


class OpenYearForm(forms.Form):
    year = forms.IntegerField(label="Tahun", min_value=2000, max_value=2100)
    monthly = forms.BooleanField(label="Juga periode bulanan", required=False)


FINAL = Evaluation.Status.FINAL
