"""The maps of a process (PB-5) and their versions (PB-4).

A peta proses is a SIPOC table; a peta subproses and a peta lintas fungsi are drawings stored as
BPMN 2.0 XML with the SVG the modeller exported (sanitised before storage). The peta relasi is
not stored: it is generated from the participation links of the catalogue."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from sikerja.processes.models.versioning import VersionedModel, VersionRow


class MapKind(models.TextChoices):
    PETA_PROSES = "peta_proses", _("Peta proses (SIPOC)")
    PETA_SUBPROSES = "peta_subproses", _("Peta subproses")
    PETA_LINTAS_FUNGSI = "peta_lintas_fungsi", _("Peta lintas fungsi")


DRAWN_KINDS = frozenset({MapKind.PETA_SUBPROSES, MapKind.PETA_LINTAS_FUNGSI})


class MapMethod(models.TextChoices):
    BPMN = "bpmn", _("Metode level (BPMN)")
    FLOWCHART = "flowchart", _("Metode penggambaran (diagram alir)")


class ProcessMap(models.Model):
    process = models.ForeignKey("processes.Process", on_delete=models.CASCADE, related_name="maps")
    kind = models.CharField("jenis peta", max_length=20, choices=MapKind.choices)
    title = models.CharField("judul", max_length=200)

    class Meta:
        ordering = ["kind", "pk"]
        constraints = [models.UniqueConstraint(fields=["process", "kind", "title"], name="map_title_unique")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_drawn(self) -> bool:
        return self.kind in DRAWN_KINDS


class MapVersion(VersionedModel):
    map = models.ForeignKey(ProcessMap, on_delete=models.CASCADE, related_name="versions")
    method = models.CharField("metode", max_length=10, choices=MapMethod.choices, default=MapMethod.BPMN)
    bpmn_xml = models.TextField("BPMN XML", blank=True)
    svg = models.TextField("SVG", blank=True)
    note = models.CharField("catatan versi", max_length=500, blank=True)
    created_by = models.ForeignKey(
        "organisation.Employee", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_by = models.ForeignKey(
        "organisation.Employee", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["map", "-number"]
        constraints = [models.UniqueConstraint(fields=["map", "number"], name="map_version_number_unique")]

    def __str__(self) -> str:
        return f"{self.map.title} v{self.number}"


class SipocRow(VersionRow):
    version = models.ForeignKey(MapVersion, on_delete=models.CASCADE, related_name="sipoc_rows")
    order = models.PositiveSmallIntegerField("urutan")
    supplier = models.CharField("pemasok", max_length=300)
    input = models.CharField("masukan", max_length=300)
    process = models.CharField("proses", max_length=300)
    output = models.CharField("keluaran", max_length=300)
    customer = models.CharField("pelanggan", max_length=300)

    class Meta:
        ordering = ["version", "order"]
        constraints = [models.UniqueConstraint(fields=["version", "order"], name="sipoc_order_unique")]
