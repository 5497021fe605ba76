from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class Placement(models.Model):
    """Kedudukan: an employee placed under an assessor (PPK), with its basis (KED-1, KED-6).

    Exactly one placement per employee is open (``effective_until`` empty); earlier ones are
    the employee's placement history. The rules that judge placements live in issue 3.
    """

    region = models.ForeignKey("tenancy.Region", on_delete=models.PROTECT, related_name="placements")
    employee = models.ForeignKey("organisation.Employee", on_delete=models.PROTECT, related_name="placements")
    assessor = models.ForeignKey(
        "organisation.Employee",
        on_delete=models.PROTECT,
        related_name="assessed_placements",
        verbose_name="pejabat penilai kinerja",
    )
    unit = models.ForeignKey("organisation.Unit", on_delete=models.PROTECT, related_name="placements")
    basis_number = models.CharField("nomor dasar penetapan", max_length=120)
    basis_date = models.DateField("tanggal dasar penetapan")
    effective_from = models.DateField("berlaku mulai")
    effective_until = models.DateField("berlaku sampai", null=True, blank=True)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-effective_from"]
        verbose_name = "kedudukan"
        verbose_name_plural = "kedudukan"
        constraints = [
            models.UniqueConstraint(
                fields=["employee"],
                condition=models.Q(effective_until__isnull=True),
                name="one_open_placement_per_employee",
            ),
            models.CheckConstraint(condition=~models.Q(employee=models.F("assessor")), name="not_own_assessor"),
        ]
        indexes = [models.Index(fields=["region", "assessor"], condition=models.Q(effective_until__isnull=True), name="open_placement_by_assessor")]

    def __str__(self) -> str:
        return f"{self.employee} → {self.assessor} (sejak {self.effective_from:%d-%m-%Y})"
