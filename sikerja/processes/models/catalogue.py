"""The process catalogue of a region (PB-1, PB-5): processes of type inti, manajemen or
pendukung, level 0 (the whole regional government or a PD), level 1 (per unit) down to level n
(SOP detail), as a tree; each with its owning unit and the units and outside parties taking part
(the links the peta relasi is drawn from)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from tree_queries.models import TreeNode


class ProcessKind(models.TextChoices):
    INTI = "inti", _("Proses inti")
    MANAJEMEN = "manajemen", _("Proses manajemen")
    PENDUKUNG = "pendukung", _("Proses pendukung")


class Process(TreeNode):
    region = models.ForeignKey("tenancy.Region", on_delete=models.PROTECT, related_name="processes")
    code = models.CharField("kode", max_length=40)
    name = models.CharField("nama proses", max_length=200)
    kind = models.CharField("jenis proses", max_length=12, choices=ProcessKind.choices)
    level = models.PositiveSmallIntegerField("level", default=0)
    owning_unit = models.ForeignKey(
        "organisation.Unit", on_delete=models.PROTECT, related_name="owned_processes", verbose_name="unit pemilik"
    )
    description = models.TextField("uraian", max_length=4000, blank=True)
    is_active = models.BooleanField("aktif", default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["level", "code"]
        verbose_name = "proses bisnis"
        verbose_name_plural = "proses bisnis"
        constraints = [models.UniqueConstraint(fields=["region", "code"], name="process_code_unique_per_region")]
        indexes = [models.Index(fields=["region", "level"]), models.Index(fields=["region", "owning_unit"])]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def level_label(self) -> str:
        return f"Level {self.level}"


class Participation(models.Model):
    """A unit of the region, or a party outside it, that takes part in a process."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="participations")
    unit = models.ForeignKey(
        "organisation.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="process_participations"
    )
    outside_party = models.CharField("pihak luar", max_length=200, blank=True)
    role = models.CharField("peran", max_length=200, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(unit__isnull=False) & models.Q(outside_party=""))
                | (models.Q(unit__isnull=True) & ~models.Q(outside_party="")),
                name="participation_unit_xor_outside",
            ),
            models.UniqueConstraint(
                fields=["process", "unit"], condition=models.Q(unit__isnull=False), name="participation_unit_once"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.unit.name if self.unit_id else self.outside_party
