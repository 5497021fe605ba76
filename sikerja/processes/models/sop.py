"""SOP Administrasi Pemerintahan (PB-6) in the format of PermenPANRB 35/2012: the identity
block, the pelaksana (positions of the region, one column each), the steps with their symbol and
mutu baku, and the six-monthly monitoring of whether each procedure runs well."""

from django.db import models

from sikerja.processes.models.versioning import VersionedModel, VersionRow
from sikerja.processes.rules.symbols import STEP_SYMBOLS


class Sop(models.Model):
    region = models.ForeignKey("tenancy.Region", on_delete=models.PROTECT, related_name="sops")
    process = models.ForeignKey(
        "processes.Process", on_delete=models.PROTECT, null=True, blank=True, related_name="sops"
    )
    owning_unit = models.ForeignKey("organisation.Unit", on_delete=models.PROTECT, related_name="sops")
    name = models.CharField("nama SOP", max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "SOP AP"
        verbose_name_plural = "SOP AP"

    def __str__(self) -> str:
        return self.name


class SopVersion(VersionedModel):
    sop = models.ForeignKey(Sop, on_delete=models.CASCADE, related_name="versions")
    nomor = models.CharField("nomor SOP", max_length=100, blank=True)
    made_on = models.DateField("tanggal pembuatan", null=True, blank=True)
    revised_on = models.DateField("tanggal revisi", null=True, blank=True)
    effective_on = models.DateField("tanggal efektif", null=True, blank=True)
    approver = models.ForeignKey(
        "organisation.Employee",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="disahkan oleh",
    )
    # The approver as printed on the SOP at approval: a later mutation must not rewrite it.
    approver_position = models.CharField("jabatan pengesah", max_length=200, blank=True)
    approver_name = models.CharField("nama pengesah", max_length=200, blank=True)
    approver_nip = models.CharField("NIP pengesah", max_length=18, blank=True)
    dasar_hukum = models.TextField("dasar hukum", max_length=4000, blank=True)
    kualifikasi = models.TextField("kualifikasi pelaksana", max_length=4000, blank=True)
    keterkaitan = models.TextField("keterkaitan", max_length=4000, blank=True)
    peralatan = models.TextField("peralatan/perlengkapan", max_length=4000, blank=True)
    peringatan = models.TextField("peringatan", max_length=4000, blank=True)
    pencatatan = models.TextField("pencatatan dan pendataan", max_length=4000, blank=True)

    class Meta:
        ordering = ["sop", "-number"]
        constraints = [models.UniqueConstraint(fields=["sop", "number"], name="sop_version_number_unique")]

    def __str__(self) -> str:
        return f"{self.sop.name} v{self.number}"


class SopActor(VersionRow):
    """A pelaksana column: a position of the region."""

    version = models.ForeignKey(SopVersion, on_delete=models.CASCADE, related_name="actors")
    order = models.PositiveSmallIntegerField("urutan")
    position = models.ForeignKey("organisation.Position", on_delete=models.PROTECT, related_name="sop_columns")

    class Meta:
        ordering = ["version", "order"]
        constraints = [
            models.UniqueConstraint(fields=["version", "order"], name="sop_actor_order_unique"),
            models.UniqueConstraint(fields=["version", "position"], name="sop_actor_position_once"),
        ]


class SopStep(VersionRow):
    version = models.ForeignKey(SopVersion, on_delete=models.CASCADE, related_name="steps")
    no = models.PositiveSmallIntegerField("no")
    kegiatan = models.CharField("kegiatan", max_length=500)
    actor = models.ForeignKey(SopActor, on_delete=models.PROTECT, related_name="steps", verbose_name="pelaksana")
    symbol = models.CharField("simbol", max_length=12, choices=STEP_SYMBOLS)
    kelengkapan = models.CharField("kelengkapan", max_length=300, blank=True)
    waktu = models.CharField("waktu", max_length=100, blank=True)
    output = models.CharField("output", max_length=300, blank=True)
    keterangan = models.CharField("keterangan", max_length=500, blank=True)
    yes_to = models.PositiveSmallIntegerField("jika ya, ke langkah", null=True, blank=True)
    no_to = models.PositiveSmallIntegerField("jika tidak, ke langkah", null=True, blank=True)

    class Meta:
        ordering = ["version", "no"]
        constraints = [
            models.UniqueConstraint(fields=["version", "no"], name="sop_step_no_unique"),
            models.CheckConstraint(
                condition=models.Q(symbol__in=[s for s, _ in STEP_SYMBOLS]), name="sop_step_symbol_known"
            ),
        ]


class Monitoring(models.Model):
    """One six-monthly monitoring of an SOP version: due on a date, done by an assessor."""

    region = models.ForeignKey("tenancy.Region", on_delete=models.PROTECT, related_name="sop_monitorings")
    sop_version = models.ForeignKey(SopVersion, on_delete=models.PROTECT, related_name="monitorings")
    due_on = models.DateField("jatuh tempo")
    done_on = models.DateField("tanggal pemantauan", null=True, blank=True)
    assessor = models.ForeignKey(
        "organisation.Employee",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="penilai",
    )
    summary = models.TextField("catatan umum", max_length=4000, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["region", "done_on", "due_on"])]

    def __str__(self) -> str:
        return f"Pemantauan {self.due_on}"


class MonitoringItem(models.Model):
    monitoring = models.ForeignKey(Monitoring, on_delete=models.CASCADE, related_name="items")
    step = models.ForeignKey(SopStep, on_delete=models.PROTECT, related_name="monitoring_items")
    runs_well = models.BooleanField("berjalan dengan baik")
    notes = models.CharField("catatan", max_length=1000, blank=True)
    action = models.CharField("tindakan yang harus diambil", max_length=1000, blank=True)

    class Meta:
        ordering = ["step__no"]
        constraints = [models.UniqueConstraint(fields=["monitoring", "step"], name="monitoring_step_once")]

    def __str__(self) -> str:
        return f"{self.step_id}: {'baik' if self.runs_well else 'tidak'}"
