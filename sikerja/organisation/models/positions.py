from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sikerja.organisation.choices import JfCategory, JfLevel, PositionKind


class Position(models.Model):
    """A position (jabatan) in a unit's peta jabatan (ORG-3, ORG-4, ORG-6)."""

    region = models.ForeignKey("tenancy.Region", on_delete=models.PROTECT, related_name="positions")
    unit = models.ForeignKey("organisation.Unit", on_delete=models.PROTECT, related_name="positions")
    name = models.CharField("nama jabatan", max_length=200)
    code = models.CharField("kode", max_length=40)
    kind = models.CharField("jenis jabatan", max_length=20, choices=PositionKind.choices)
    jf_category = models.CharField("kategori JF", max_length=20, choices=JfCategory.choices, blank=True)
    jf_level = models.CharField("jenjang JF", max_length=20, choices=JfLevel.choices, blank=True)
    kelas_jabatan = models.PositiveSmallIntegerField("kelas jabatan", null=True, blank=True)
    is_leader = models.BooleanField("pimpinan unit", default=False)
    required = models.PositiveSmallIntegerField("kebutuhan", default=1)
    # Hours per week the position's own duties take, from the analisis beban kerja (ABK); the
    # availability check of PEN-14 weighs assignments against it. Empty: not yet measured.
    workload_hours = models.DecimalField(
        "beban kerja jabatan (jam/minggu)", max_digits=4, decimal_places=1, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-kelas_jabatan", "name"]
        verbose_name = _("jabatan")
        verbose_name_plural = "jabatan"
        constraints = [
            models.UniqueConstraint(fields=["region", "code"], name="position_code_unique_per_region"),
            # A unit has at most one leading position (ORG-2).
            models.UniqueConstraint(
                fields=["unit"], condition=models.Q(is_leader=True), name="one_leader_position_per_unit"
            ),
            # JF level present exactly when the position is fungsional (ORG-4).
            models.CheckConstraint(
                condition=(models.Q(kind="fungsional") & ~models.Q(jf_level=""))
                | (~models.Q(kind="fungsional") & models.Q(jf_level="")),
                name="jf_level_iff_fungsional",
            ),
        ]

    def __str__(self) -> str:
        return self.name
