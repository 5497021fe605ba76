from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from tree_queries.models import TreeNode

from sikerja.organisation.choices import UnitType


class Unit(TreeNode):
    """A perangkat daerah or one of its unit organisasi (ORG-1).

    The tree is a plain ``parent`` column read with recursive CTEs (django-tree-queries).
    ``perangkat_daerah`` points at the root PD of the subtree (itself for a PD) so that
    scoping and grouping by PD need no recursion on hot paths.
    """

    region = models.ForeignKey("tenancy.Region", on_delete=models.PROTECT, related_name="units")
    name = models.CharField("nama", max_length=200)
    code = models.CharField("kode", max_length=40)
    unit_type = models.CharField("jenis unit", max_length=20, choices=UnitType.choices)
    is_perangkat_daerah = models.BooleanField("perangkat daerah", default=False)
    is_mandiri = models.BooleanField(
        "unit kerja mandiri",
        default=False,
        help_text=_("Dipimpin pejabat fungsional yang diangkat memimpin unit kerja mandiri."),
    )
    perangkat_daerah = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="perangkat daerah"
    )
    address = models.CharField("alamat", max_length=300, blank=True)
    order = models.PositiveIntegerField("urutan", default=0)
    is_active = models.BooleanField("aktif", default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("unit organisasi")
        verbose_name_plural = "unit organisasi"
        constraints = [
            models.UniqueConstraint(fields=["region", "code"], name="unit_code_unique_per_region"),
        ]
        indexes = [
            models.Index(fields=["region", "parent"]),
            models.Index(fields=["region", "perangkat_daerah"]),
            models.Index(fields=["region", "name"]),
        ]

    def __str__(self) -> str:
        return self.name
