"""Sasaran Kinerja Pegawai (KIN-6): the SKP, its RHK with IKI and target, the perilaku
expectations per BerAKHLAK value and the lampiran; evidence, feedback and coaching (KIN-2)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sikerja.performance.rules import berakhlak


class Skp(models.Model):
    class Form(models.TextChoices):
        JPT = "jpt", _("JPT / pimpinan unit kerja mandiri")
        JA_JF = "ja_jf", _("Jabatan administrasi / fungsional")

    class Status(models.TextChoices):
        DRAF = "draf", _("Draf")
        DIAJUKAN = "diajukan", _("Diajukan")
        DISETUJUI = "disetujui", _("Disetujui")
        DIKEMBALIKAN = "dikembalikan", _("Dikembalikan untuk diperbaiki")

    region = models.ForeignKey("tenancy.Region", on_delete=models.PROTECT, related_name="+")
    employee = models.ForeignKey("organisation.Employee", on_delete=models.PROTECT, related_name="skps")
    year = models.PositiveSmallIntegerField("tahun")
    # The assessor and unit come from the employee's placement (kedudukan) when drafted.
    assessor = models.ForeignKey(
        "organisation.Employee", on_delete=models.PROTECT, related_name="assessed_skps", verbose_name="pejabat penilai"
    )
    unit = models.ForeignKey("organisation.Unit", on_delete=models.PROTECT, related_name="+")
    form = models.CharField("bentuk", max_length=10, choices=Form.choices, default=Form.JA_JF)
    status = models.CharField(max_length=15, choices=Status.choices, default=Status.DRAF)
    version = models.PositiveSmallIntegerField("versi", default=1)
    # The version in force; older versions (changed after approval) are kept, not current.
    is_current = models.BooleanField(default=True)
    previous = models.OneToOneField("self", on_delete=models.PROTECT, null=True, blank=True, related_name="next")
    dialog_on = models.DateField("tanggal dialog kinerja", null=True, blank=True)
    dukungan_sumber_daya = models.TextField("dukungan sumber daya", blank=True)
    skema_pertanggungjawaban = models.TextField("skema pertanggungjawaban", blank=True)
    konsekuensi = models.TextField("konsekuensi", blank=True)
    return_notes = models.TextField("catatan pengembalian", blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        "organisation.Employee", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "SKP"
        verbose_name_plural = "SKP"
        ordering = ["-year", "employee__name", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "year"], condition=models.Q(is_current=True), name="one_open_skp_per_year"
            ),
        ]
        indexes = [models.Index(fields=["region", "assessor", "year"])]

    def __str__(self) -> str:
        return f"SKP {self.employee} {self.year} (versi {self.version})"

    @property
    def editable(self) -> bool:
        return self.status in (self.Status.DRAF, self.Status.DIKEMBALIKAN)


class Rhk(models.Model):
    class Kind(models.TextChoices):
        UTAMA = "utama", _("Utama")
        TAMBAHAN = "tambahan", _("Tambahan")

    class Perspektif(models.TextChoices):
        PENERIMA_LAYANAN = "penerima_layanan", _("Penerima Layanan")
        PROSES_BISNIS = "proses_bisnis", _("Proses Bisnis")
        PENGUATAN_INTERNAL = "penguatan_internal", _("Penguatan Internal")
        ANGGARAN = "anggaran", _("Anggaran")

    class Approach(models.TextChoices):
        KUANTITATIF = "kuantitatif", _("Kuantitatif")
        KUALITATIF = "kualitatif", _("Kualitatif")

    class Role(models.TextChoices):
        INDIVIDU = "individu", _("Individu")
        KETUA = "ketua", _("Ketua tim")
        ANGGOTA = "anggota", _("Anggota tim")

    skp = models.ForeignKey(Skp, on_delete=models.CASCADE, related_name="rhks")
    order = models.PositiveSmallIntegerField("urutan", default=1)
    kind = models.CharField("jenis", max_length=10, choices=Kind.choices, default=Kind.UTAMA)
    text = models.CharField("rencana hasil kerja", max_length=1000)
    # JA/JF: the superior's RHK this one intervenes (linked, never typed). It may be a draft of
    # the superior's SKP; when that SKP gets a new version the link moves to the new copy.
    intervened = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="interventions"
    )
    perspektif = models.CharField(max_length=20, choices=Perspektif.choices, blank=True)
    approach = models.CharField("pendekatan", max_length=12, choices=Approach.choices, default=Approach.KUANTITATIF)
    role = models.CharField("peran", max_length=10, choices=Role.choices, default=Role.INDIVIDU)
    # MPH cell it came from (KIN-7): the perjanjian kinerja target and the work serving it.
    target = models.ForeignKey(
        "execution.PerformanceTarget", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    work = models.ForeignKey("execution.Work", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    origin = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="copies")

    class Meta:
        verbose_name = "rencana hasil kerja"
        verbose_name_plural = "rencana hasil kerja"
        ordering = ["skp", "kind", "order", "pk"]

    def __str__(self) -> str:
        return self.text


class Iki(models.Model):
    class Aspek(models.TextChoices):
        KUANTITAS = "kuantitas", _("Kuantitas")
        KUALITAS = "kualitas", _("Kualitas")
        WAKTU = "waktu", _("Waktu")
        BIAYA = "biaya", _("Biaya")

    rhk = models.ForeignKey(Rhk, on_delete=models.CASCADE, related_name="ikis")
    aspek = models.CharField(max_length=10, choices=Aspek.choices, blank=True)
    indikator = models.CharField("indikator kinerja individu", max_length=1000)
    target = models.CharField("target", max_length=200)

    class Meta:
        verbose_name = "indikator kinerja individu"
        verbose_name_plural = "indikator kinerja individu"
        ordering = ["rhk", "pk"]

    def __str__(self) -> str:
        return f"{self.indikator}: {self.target}"


class Expectation(models.Model):
    """The leader's ekspektasi khusus for one BerAKHLAK value of an SKP."""

    VALUE_CHOICES = [(k, label) for k, label, _ in berakhlak.VALUES]

    skp = models.ForeignKey(Skp, on_delete=models.CASCADE, related_name="expectations")
    value = models.CharField("nilai", max_length=30, choices=VALUE_CHOICES)
    text = models.CharField("ekspektasi khusus pimpinan", max_length=1000, blank=True)

    class Meta:
        ordering = ["skp", "pk"]
        constraints = [models.UniqueConstraint(fields=["skp", "value"], name="one_expectation_per_value")]

    def __str__(self) -> str:
        return f"{self.get_value_display()}: {self.text}"


class SkpEvidence(models.Model):
    """Bukti dukung on an RHK (or one IKI of it): added by hand, or taken from an execution
    report of the work the RHK came from."""

    class Source(models.TextChoices):
        MANUAL = "manual", _("Ditambahkan pegawai")
        LAPORAN = "laporan", _("Dari laporan pelaksanaan")

    rhk = models.ForeignKey(Rhk, on_delete=models.CASCADE, related_name="evidence")
    iki = models.ForeignKey(Iki, on_delete=models.CASCADE, null=True, blank=True, related_name="evidence")
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.MANUAL)
    title = models.CharField("uraian", max_length=300)
    url = models.URLField("tautan", max_length=500, blank=True)
    report = models.ForeignKey("execution.Report", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    happened_on = models.DateField("tanggal")
    added_by = models.ForeignKey("organisation.Employee", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "bukti dukung SKP"
        verbose_name_plural = "bukti dukung SKP"
        ordering = ["rhk", "happened_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["rhk", "report"], condition=models.Q(report__isnull=False), name="one_evidence_per_report"
            )
        ]

    def __str__(self) -> str:
        return self.title


class SkpFeedback(models.Model):
    """Umpan balik berkelanjutan of the PPK on one piece of evidence (KIN-2)."""

    evidence = models.ForeignKey(SkpEvidence, on_delete=models.CASCADE, related_name="feedback")
    author = models.ForeignKey("organisation.Employee", on_delete=models.PROTECT, related_name="+")
    on_behalf_of = models.ForeignKey(
        "organisation.Employee", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    text = models.TextField("umpan balik")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["evidence", "created_at", "pk"]

    def __str__(self) -> str:
        return f"Umpan balik {self.pk}"


class Coaching(models.Model):
    """Catatan bimbingan (coaching, KIN-2 employee development)."""

    skp = models.ForeignKey(Skp, on_delete=models.CASCADE, related_name="coaching")
    author = models.ForeignKey("organisation.Employee", on_delete=models.PROTECT, related_name="+")
    held_on = models.DateField("tanggal")
    text = models.TextField("catatan bimbingan")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["skp", "-held_on", "pk"]

    def __str__(self) -> str:
        return f"Bimbingan {self.pk}"
