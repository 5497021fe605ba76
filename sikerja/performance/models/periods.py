"""Evaluation periods opened by the HR administrator (KIN-3, KIN-8: triwulan I–IV and the
annual one; monthly where the region chooses), for the whole region or some PDs."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Period(models.Model):
    class Kind(models.TextChoices):
        TW1 = "tw1", _("Triwulan I")
        TW2 = "tw2", _("Triwulan II")
        TW3 = "tw3", _("Triwulan III")
        TW4 = "tw4", _("Triwulan IV")
        TAHUNAN = "tahunan", _("Tahunan (akhir)")
        BULANAN = "bulanan", _("Bulanan")

    class Status(models.TextChoices):
        TERBUKA = "terbuka", _("Terbuka")
        DITUTUP = "ditutup", _("Ditutup")

    region = models.ForeignKey("tenancy.Region", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField("tahun")
    kind = models.CharField("periode", max_length=10, choices=Kind.choices)
    month = models.PositiveSmallIntegerField("bulan", default=0)  # 0 unless monthly
    starts_on = models.DateField("mulai")
    ends_on = models.DateField("selesai")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.TERBUKA)
    # Empty: the whole region; otherwise only the staff of these PDs.
    units = models.ManyToManyField("organisation.Unit", blank=True, related_name="+", verbose_name="perangkat daerah")
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "periode penilaian kinerja"
        verbose_name_plural = "periode penilaian kinerja"
        ordering = ["-year", "starts_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["region", "year", "kind", "month"], name="one_period_per_kind"),
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="period_order"),
            models.CheckConstraint(condition=models.Q(month__lte=12), name="period_month"),
        ]

    def __str__(self) -> str:
        if self.kind == self.Kind.BULANAN:
            return f"Bulan {self.month} {self.year}"
        return f"{self.get_kind_display()} {self.year}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.TERBUKA
