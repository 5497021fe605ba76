"""Perencanaan (MEK-1, PPU Lampiran A angka 1): perjanjian kinerja, targets handed to the
responsible official, the strategy per target, and the activity and budget plan (PEL-6)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PerformanceAgreement(models.Model):
    """Perjanjian kinerja of one unit for one year, signed by its leader (a letters Document)
    and countersigned by the leader's superior (PPU Lampiran C angka 1 huruf a angka 1))."""

    class Status(models.TextChoices):
        DRAF = "draf", _("Draf")
        DITANDATANGANI = "ditandatangani", _("Ditandatangani pimpinan unit")
        DISETUJUI = "disetujui", _("Ditandatangani atasan")

    region = models.ForeignKey("tenancy.Region", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("organisation.Unit", on_delete=models.PROTECT, related_name="performance_agreements")
    year = models.PositiveSmallIntegerField("tahun")
    leader = models.ForeignKey(
        "organisation.Employee", on_delete=models.PROTECT, related_name="+", verbose_name="pihak pertama"
    )
    superior = models.ForeignKey(
        "organisation.Employee",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="pihak kedua (atasan)",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAF)
    document = models.ForeignKey("letters.Document", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    signed_at = models.DateTimeField(null=True, blank=True)
    superior_signed_at = models.DateTimeField(null=True, blank=True)
    superior_signed_by = models.ForeignKey(
        "organisation.Employee", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "perjanjian kinerja"
        verbose_name_plural = "perjanjian kinerja"
        ordering = ["-year", "unit__name"]
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="one_agreement_per_unit_year")]

    def __str__(self) -> str:
        return f"Perjanjian kinerja {self.unit} {self.year}"


class PerformanceTarget(models.Model):
    agreement = models.ForeignKey(PerformanceAgreement, on_delete=models.CASCADE, related_name="targets")
    order = models.PositiveSmallIntegerField("urutan", default=1)
    sasaran = models.CharField("sasaran", max_length=500)
    indikator = models.CharField("indikator kinerja", max_length=500)
    target = models.CharField("target", max_length=200)
    responsible = models.ForeignKey(
        "organisation.Employee",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="performance_targets",
        verbose_name="penanggung jawab",
    )
    handed_at = models.DateTimeField(null=True, blank=True)
    handed_by = models.ForeignKey(
        "organisation.Employee", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "target kinerja"
        verbose_name_plural = "target kinerja"
        ordering = ["agreement", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.sasaran} — {self.indikator}: {self.target}"


class Strategy(models.Model):
    """Strategi pelaksanaan (PPU Lampiran A angka 1 huruf c): individu or tim kerja, whether
    officials of other units are needed, whether a ketua is needed."""

    target = models.ForeignKey(PerformanceTarget, on_delete=models.CASCADE, related_name="strategies")
    form = models.CharField("bentuk", max_length=20)
    needs_other_units = models.BooleanField("perlu pelibatan lintas unit", default=False)
    needs_ketua = models.BooleanField("perlu ketua tim", default=False)
    description = models.TextField("uraian strategi")
    decided_by = models.ForeignKey("organisation.Employee", on_delete=models.PROTECT, related_name="+")
    on_behalf_of = models.ForeignKey(
        "organisation.Employee", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "strategi pelaksanaan"
        verbose_name_plural = "strategi pelaksanaan"
        ordering = ["target", "pk"]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class StrategyAssignment(models.Model):
    """An assignment proposed from a strategy before its letter is issued; when the letter is
    issued its work takes the strategy and target from here (``services.works.work_for``)."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="proposed")
    assignment = models.OneToOneField("assignments.Assignment", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "penugasan dari strategi"
        verbose_name_plural = "penugasan dari strategi"

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class Plan(models.Model):
    """Rencana pelaksanaan kegiatan dan anggaran of one assignment (PEL-6)."""

    class Status(models.TextChoices):
        DRAF = "draf", _("Draf")
        DIAJUKAN = "diajukan", _("Diajukan")
        DISETUJUI = "disetujui", _("Disetujui")
        DIKEMBALIKAN = "dikembalikan", _("Dikembalikan untuk diperbaiki")

    work = models.OneToOneField("execution.Work", on_delete=models.CASCADE, related_name="plan")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAF)
    notes = models.TextField("catatan keputusan", blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        "organisation.Employee", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    on_behalf_of = models.ForeignKey(
        "organisation.Employee", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "rencana pelaksanaan kegiatan dan anggaran"
        verbose_name_plural = "rencana pelaksanaan kegiatan dan anggaran"

    def __str__(self) -> str:
        return f"Rencana {self.work}"


class Activity(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="activities")
    order = models.PositiveSmallIntegerField(default=1)
    name = models.CharField("kegiatan", max_length=300)
    output = models.CharField("keluaran", max_length=300)
    starts_on = models.DateField("mulai")
    ends_on = models.DateField("selesai")

    class Meta:
        verbose_name = "kegiatan"
        verbose_name_plural = "kegiatan"
        ordering = ["plan", "order", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="activity_period_order")
        ]

    def __str__(self) -> str:
        return self.name


class BudgetLine(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="budget_lines")
    description = models.CharField("uraian", max_length=300)
    amount = models.DecimalField("jumlah (Rp)", max_digits=15, decimal_places=0)
    source_code = models.CharField("sumber/kode DPA", max_length=100)

    class Meta:
        verbose_name = "rincian anggaran"
        verbose_name_plural = "rincian anggaran"
        ordering = ["activity", "pk"]
        constraints = [models.CheckConstraint(condition=models.Q(amount__gte=0), name="budget_amount_not_negative")]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"
