"""Periodic evaluation (KIN-3, KIN-5, KIN-8), organisation predikat (KIN-10) and follow-up
(KIN-4)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from sikerja.performance.models.choices import RATING_VALUES, OrgPredikat, Predikat, Rating


class Evaluation(models.Model):
    class Status(models.TextChoices):
        DRAF = "draf", _("Draf")
        FINAL = "final", _("Final")

    region = models.ForeignKey("tenancy.Region", on_delete=models.PROTECT, related_name="+")
    skp = models.ForeignKey("performance.Skp", on_delete=models.PROTECT, related_name="evaluations")
    employee = models.ForeignKey("organisation.Employee", on_delete=models.PROTECT, related_name="kinerja_evaluations")
    unit = models.ForeignKey("organisation.Unit", on_delete=models.PROTECT, related_name="+")
    period = models.ForeignKey("performance.Period", on_delete=models.PROTECT, related_name="evaluations")
    assessor = models.ForeignKey("organisation.Employee", on_delete=models.PROTECT, related_name="+")
    on_behalf_of = models.ForeignKey(
        "organisation.Employee", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    rating_hasil = models.CharField("rating hasil kerja", max_length=10, choices=Rating.choices)
    rating_perilaku = models.CharField("rating perilaku kerja", max_length=10, choices=Rating.choices)
    predikat = models.CharField(max_length=20, choices=Predikat.choices)
    # A unit leader's rating hasil kerja is the unit's result (KIN-9), not the PPK's choice.
    hasil_from_unit = models.BooleanField(default=False)
    notes = models.TextField("catatan", blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAF)
    finalised_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "evaluasi kinerja"
        verbose_name_plural = "evaluasi kinerja"
        ordering = ["period", "employee__name"]
        constraints = [
            models.UniqueConstraint(fields=["employee", "period"], name="one_evaluation_per_period"),
            models.CheckConstraint(condition=models.Q(rating_hasil__in=RATING_VALUES), name="rating_hasil_valid"),
            models.CheckConstraint(condition=models.Q(rating_perilaku__in=RATING_VALUES), name="rating_perilaku_valid"),
        ]
        indexes = [models.Index(fields=["region", "period", "unit"])]

    def __str__(self) -> str:
        return f"Evaluasi {self.employee} {self.period}"


class Realisation(models.Model):
    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="realisations")
    iki = models.ForeignKey("performance.Iki", on_delete=models.PROTECT, related_name="realisations")
    text = models.CharField("realisasi", max_length=1000)

    class Meta:
        ordering = ["evaluation", "iki"]
        constraints = [models.UniqueConstraint(fields=["evaluation", "iki"], name="one_realisation_per_iki")]

    def __str__(self) -> str:
        return self.text


class UnitPredikat(models.Model):
    """Penetapan predikat kinerja organisasi (KIN-10), set by the leader one level up from the
    unit's result; it fixes the distribution pattern the curve check reads (KIN-9)."""

    region = models.ForeignKey("tenancy.Region", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("organisation.Unit", on_delete=models.PROTECT, related_name="+")
    period = models.ForeignKey("performance.Period", on_delete=models.PROTECT, related_name="unit_predikats")
    rating = models.CharField("capaian kinerja organisasi", max_length=10, choices=Rating.choices)
    predikat = models.CharField("predikat kinerja organisasi", max_length=20, choices=OrgPredikat.choices)
    basis = models.TextField("dasar penetapan (capaian terhadap perjanjian kinerja)", blank=True)
    # [{"from": "perencanaan"|"sdm"|"pengawasan", "text": "..."}]
    recommendations = models.JSONField("rekomendasi", default=list, blank=True)
    set_by = models.ForeignKey("organisation.Employee", on_delete=models.PROTECT, related_name="+")
    # A Plh./Plt. of the leader one level up signs on the leader's behalf (the penetapan shows it).
    on_behalf_of = models.ForeignKey(
        "organisation.Employee", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    signer_prefix = models.CharField("Plh./Plt.", max_length=5, blank=True)
    set_at = models.DateTimeField("ditetapkan pada", null=True, blank=True)  # the last setting
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "penetapan predikat kinerja organisasi"
        verbose_name_plural = "penetapan predikat kinerja organisasi"
        constraints = [models.UniqueConstraint(fields=["unit", "period"], name="one_unit_predikat_per_period")]

    def __str__(self) -> str:
        return f"Predikat {self.unit} {self.period}: {self.get_predikat_display()}"


class FollowUp(models.Model):
    class Kind(models.TextChoices):
        PENGHARGAAN = "penghargaan", _("Rekomendasi penghargaan")
        SANKSI = "sanksi", _("Rekomendasi sanksi")
        PENGEMBANGAN = "pengembangan", _("Rencana pengembangan")

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="follow_ups")
    kind = models.CharField(max_length=15, choices=Kind.choices)
    text = models.TextField("uraian")
    recorded_by = models.ForeignKey("organisation.Employee", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "tindak lanjut"
        verbose_name_plural = "tindak lanjut"
        ordering = ["evaluation", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:40]}"
