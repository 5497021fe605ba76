"""The leader's adjustments of the Matriks Peran Hasil (KIN-7): the MPH is derived from the
perjanjian kinerja and the assignments serving each target; the unit's leader adds a cell for a
person, removes one or renames it. Stored per cell (target, person, work), so the matrix shows
who adjusted what, and an RHK made from a cell afterwards takes the adjusted title and role."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from sikerja.performance.models.skp import Rhk


class MphAdjustment(models.Model):
    class Action(models.TextChoices):
        TAMBAH = "tambah", _("Ditambahkan")
        UBAH = "ubah", _("Diubah")
        HAPUS = "hapus", _("Dihapus")

    region = models.ForeignKey("tenancy.Region", on_delete=models.PROTECT, related_name="+")
    # The unit and year are the perjanjian kinerja's; the target is one of its columns.
    agreement = models.ForeignKey("execution.PerformanceAgreement", on_delete=models.CASCADE, related_name="+")
    target = models.ForeignKey("execution.PerformanceTarget", on_delete=models.CASCADE, related_name="+")
    employee = models.ForeignKey("organisation.Employee", on_delete=models.PROTECT, related_name="+")
    work = models.ForeignKey("execution.Work", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    action = models.CharField("penyesuaian", max_length=10, choices=Action.choices)
    role = models.CharField("peran", max_length=10, choices=Rhk.Role.choices, default=Rhk.Role.INDIVIDU)
    title = models.CharField("uraian peran", max_length=1000, blank=True)
    adjusted_by = models.ForeignKey("organisation.Employee", on_delete=models.PROTECT, related_name="+")
    on_behalf_of = models.ForeignKey(
        "organisation.Employee", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    adjusted_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "penyesuaian matriks peran hasil"
        verbose_name_plural = "penyesuaian matriks peran hasil"
        ordering = ["agreement", "employee__name", "target", "pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.employee} · {self.target}"
