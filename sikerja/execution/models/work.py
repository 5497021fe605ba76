"""Pelaksanaan (MEK-2, PEL-1..5) and pertanggungjawaban (TJ-1..4) of one issued assignment.

``Work`` is this app's record of an ``assignments.Assignment``: the target it serves, its
reporting period and where it stands in the three stages. The assignments app is not touched;
the link lives here (one row per assignment)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Period(models.TextChoices):
    MINGGUAN = "mingguan", _("Mingguan")
    DUA_MINGGUAN = "dua_mingguan", _("Dua mingguan")
    BULANAN = "bulanan", _("Bulanan")
    TRIWULANAN = "triwulanan", _("Triwulanan")


class Work(models.Model):
    class Status(models.TextChoices):
        PERENCANAAN = "perencanaan", _("Perencanaan")
        PELAKSANAAN = "pelaksanaan", _("Pelaksanaan")
        EVALUASI = "evaluasi", _("Evaluasi (reviu hasil)")
        SELESAI = "selesai", _("Selesai")

    region = models.ForeignKey("tenancy.Region", on_delete=models.PROTECT, related_name="+")
    assignment = models.OneToOneField("assignments.Assignment", on_delete=models.PROTECT, related_name="work")
    target = models.ForeignKey(
        "execution.PerformanceTarget",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="works",
        verbose_name="target kinerja yang dilayani",
    )
    strategy = models.ForeignKey(
        "execution.Strategy", on_delete=models.SET_NULL, null=True, blank=True, related_name="works"
    )
    owning_unit = models.ForeignKey("organisation.Unit", on_delete=models.PROTECT, related_name="+")
    lead = models.ForeignKey(
        "organisation.Employee",
        on_delete=models.PROTECT,
        related_name="led_works",
        verbose_name="ketua tim / pegawai yang ditugaskan",
    )
    is_team = models.BooleanField(default=False)
    period = models.CharField("periode laporan", max_length=20, choices=Period.choices, default=Period.BULANAN)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PERENCANAAN)
    progress = models.PositiveSmallIntegerField("kemajuan terakhir (%)", default=0)
    budget_planned = models.DecimalField(max_digits=15, decimal_places=0, default=0)
    budget_realised = models.DecimalField(max_digits=15, decimal_places=0, default=0)
    starts_on = models.DateField()
    ends_on = models.DateField()
    result_summary = models.TextField("hasil pelaksanaan", blank=True)
    # PEL-1: an individual assignee's work follows their JF butir kegiatan / pelaksana uraian tugas.
    duty_reference = models.CharField("butir kegiatan JF / uraian tugas pelaksana", max_length=500, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "pelaksanaan penugasan"
        verbose_name_plural = "pelaksanaan penugasan"
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["region", "owning_unit", "status"]),
            models.Index(fields=["lead", "status"]),
        ]

    def __str__(self) -> str:
        return self.assignment.title if self.assignment_id else f"Pelaksanaan {self.pk}"


class Task(models.Model):
    """Rincian pelaksanaan by the ketua (PEL-4 ketua a-b), or a member's own work plan
    (anggota a); for an individual assignee the link to butir kegiatan / uraian tugas (PEL-1)."""

    class Kind(models.TextChoices):
        RINCIAN = "rincian", _("Rincian pelaksanaan (ketua)")
        RENCANA_INDIVIDU = "rencana_individu", _("Rencana kerja individu")

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="tasks")
    activity = models.ForeignKey(
        "execution.Activity", on_delete=models.SET_NULL, null=True, blank=True, related_name="tasks"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.RINCIAN)
    title = models.CharField("tugas", max_length=300)
    assignee = models.ForeignKey("organisation.Employee", on_delete=models.PROTECT, related_name="execution_tasks")
    role = models.CharField("peran", max_length=200, blank=True)
    competence = models.CharField("kompetensi yang dipakai", max_length=300, blank=True)
    duty_reference = models.CharField("butir kegiatan JF / uraian tugas pelaksana", max_length=500, blank=True)
    due_on = models.DateField("tenggat")
    done = models.BooleanField(default=False)
    created_by = models.ForeignKey("organisation.Employee", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "rincian tugas"
        verbose_name_plural = "rincian tugas"
        ordering = ["work", "due_on", "pk"]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class ReportDue(models.Model):
    """A report that falls due at the end of one reporting period (TJ-3); ``report`` is the
    report that answered it. Late = past due without a report, or answered after the due date."""

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="dues")
    owed_by = models.ForeignKey("organisation.Employee", on_delete=models.PROTECT, related_name="+")
    period_start = models.DateField()
    period_end = models.DateField()
    due_on = models.DateField()
    report = models.OneToOneField(
        "execution.Report", on_delete=models.SET_NULL, null=True, blank=True, related_name="due"
    )

    class Meta:
        ordering = ["work", "due_on"]
        indexes = [models.Index(fields=["due_on"], condition=models.Q(report__isnull=True), name="open_report_due")]
        constraints = [models.UniqueConstraint(fields=["work", "owed_by", "due_on"], name="one_due_per_period")]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class Report(models.Model):
    class Kind(models.TextChoices):
        ANGGOTA = "anggota", _("Laporan anggota kepada ketua")
        KETUA = "ketua", _("Laporan ketua tim")
        INDIVIDU = "individu", _("Laporan penugasan individu")

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="reports")
    author = models.ForeignKey("organisation.Employee", on_delete=models.PROTECT, related_name="execution_reports")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    recipients = models.JSONField("disampaikan kepada", default=list)
    article = models.CharField("dasar pasal", max_length=300)
    period_start = models.DateField()
    period_end = models.DateField()
    progress = models.PositiveSmallIntegerField("kemajuan (%)")
    realisation = models.TextField("realisasi terhadap rencana")
    budget_realised = models.DecimalField("realisasi anggaran (Rp)", max_digits=15, decimal_places=0, default=0)
    request = models.ForeignKey(
        "execution.ReportRequest", on_delete=models.SET_NULL, null=True, blank=True, related_name="answers"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    is_late = models.BooleanField(default=False)

    class Meta:
        verbose_name = "laporan kemajuan"
        verbose_name_plural = "laporan kemajuan"
        ordering = ["-submitted_at", "-pk"]
        indexes = [models.Index(fields=["work", "-submitted_at"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="report_progress_percent"),
            models.CheckConstraint(condition=models.Q(budget_realised__gte=0), name="report_budget_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period_start:%d-%m-%Y}–{self.period_end:%d-%m-%Y}"


class Evidence(models.Model):
    """Evidence of a report: a file (bytes in this table, served through an access-checked
    view) or a link."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="evidence")
    filename = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    data = models.BinaryField(blank=True, default=b"")
    url = models.URLField(max_length=500, blank=True)

    class Meta:
        verbose_name = "bukti dukung"
        verbose_name_plural = "bukti dukung"
        ordering = ["report", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(filename="") | ~models.Q(url=""), name="evidence_is_file_or_link"
            )
        ]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class Feedback(models.Model):
    """Umpan balik berkala (PEL-4 ketua d, PPK; PPU Lampiran A angka 2 huruf b)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="feedback")
    author = models.ForeignKey("organisation.Employee", on_delete=models.PROTECT, related_name="+")
    capacity = models.CharField("sebagai", max_length=40)
    text = models.TextField("umpan balik")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["report", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class ReportRequest(models.Model):
    """TJ-4: the pimpinan unit asks a ketua and/or member for a report at any time."""

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="requests")
    requested_by = models.ForeignKey("organisation.Employee", on_delete=models.PROTECT, related_name="+")
    on_behalf_of = models.ForeignKey(
        "organisation.Employee", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    addressee = models.ForeignKey("organisation.Employee", on_delete=models.PROTECT, related_name="report_requests")
    note = models.TextField("yang diminta")
    due_on = models.DateField("paling lambat")
    article = models.CharField(max_length=300)
    answered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["addressee"], condition=models.Q(answered_at__isnull=True), name="open_report_request")
        ]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class Problem(models.Model):
    """Kendala with alternative recommendations (PEL-5)."""

    class Status(models.TextChoices):
        MENUNGGU = "menunggu", _("Menunggu keputusan")
        DIPUTUSKAN = "diputuskan", _("Diputuskan")

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="problems")
    title = models.CharField("kendala", max_length=300)
    description = models.TextField("uraian")
    recommendations = models.JSONField("alternatif rekomendasi", default=list)
    raised_by = models.ForeignKey("organisation.Employee", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.MENUNGGU)
    article = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class ProblemDecision(models.Model):
    """One leader who must decide a problem, and their decision."""

    problem = models.ForeignKey(Problem, on_delete=models.CASCADE, related_name="decisions")
    unit = models.ForeignKey("organisation.Unit", on_delete=models.PROTECT, related_name="+")
    leader = models.ForeignKey("organisation.Employee", on_delete=models.PROTECT, related_name="problem_decisions")
    chosen = models.SmallIntegerField("rekomendasi dipilih (nomor; 0 = keputusan lain)", null=True, blank=True)
    decision = models.TextField("keputusan", blank=True)
    decided_by = models.ForeignKey(
        "organisation.Employee", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    on_behalf_of = models.ForeignKey(
        "organisation.Employee", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["problem", "pk"]
        indexes = [
            models.Index(fields=["leader"], condition=models.Q(decided_at__isnull=True), name="open_problem_decision")
        ]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class Coordination(models.Model):
    """PEL-2: coordination with another team or official, visible to both."""

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="coordinations")
    other_work = models.ForeignKey(Work, on_delete=models.CASCADE, null=True, blank=True, related_name="coordinated_by")
    other_official = models.ForeignKey(
        "organisation.Employee", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    subject = models.CharField("perihal", max_length=300)
    notes = models.TextField("hasil koordinasi")
    held_on = models.DateField("tanggal")
    recorded_by = models.ForeignKey("organisation.Employee", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class Review(models.Model):
    """One stage of the review chain of a submitted result (MEK-3, MEK-4)."""

    class Status(models.TextChoices):
        MENUNGGU = "menunggu", _("Menunggu reviu")
        ANTRE = "antre", _("Belum sampai")
        DITERUSKAN = "diteruskan", _("Diteruskan")
        DIKEMBALIKAN = "dikembalikan", _("Dikembalikan untuk diperbaiki")
        DITERIMA = "diterima", _("Diterima, sesuai target")
        BATAL = "batal", _("Tidak berlaku (hasil dikembalikan)")

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="reviews")
    round = models.PositiveSmallIntegerField("pengajuan ke-", default=1)
    order = models.PositiveSmallIntegerField()
    label = models.CharField("peninjau", max_length=200)
    article = models.CharField(max_length=300)
    official = models.ForeignKey("organisation.Employee", on_delete=models.PROTECT, related_name="execution_reviews")
    accepts = models.BooleanField(default=False)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ANTRE)
    notes = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        "organisation.Employee", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    on_behalf_of = models.ForeignKey(
        "organisation.Employee", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["work", "round", "order"]
        indexes = [models.Index(fields=["official", "status"])]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class MemberNote(models.Model):
    """The ketua's note on each member's performance (PEL-4 ketua e; BU Ps 28(4) huruf e),
    visible to that member's PPK."""

    class Rating(models.TextChoices):
        DI_ATAS = "di_atas", _("Di atas ekspektasi")
        SESUAI = "sesuai", _("Sesuai ekspektasi")
        DI_BAWAH = "di_bawah", _("Di bawah ekspektasi")

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="member_notes")
    member = models.ForeignKey("organisation.Employee", on_delete=models.PROTECT, related_name="execution_notes")
    ppk = models.ForeignKey("organisation.Employee", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    rating = models.CharField(max_length=20, choices=Rating.choices)
    contribution = models.TextField("kontribusi dan hasil kerja")
    written_by = models.ForeignKey("organisation.Employee", on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["work", "pk"]
        constraints = [models.UniqueConstraint(fields=["work", "member"], name="one_note_per_member")]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"
