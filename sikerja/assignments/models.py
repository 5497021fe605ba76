"""Penugasan and tim kerja (issue 5).

One ``Assignment`` carries every flow of the regulations: an individual or team assignment, by
appointment (penunjukan) or on the official's own application (pengajuan sukarela), in any
scope. What must happen before its letter is issued is a list of ``Step`` rows generated from
the pure rules (``rules.flows``, ``rules.signer``) when it is created: answers to involvement
requests from each home leader, approvals of a voluntary application, and finally the issuing
of the letter. Steps are done in order; each decision names who decided, when, on whose behalf
and why (MEK-5 transparency). ``Member`` rows are the people: employees of this region, or
external members from another government or outside government (lintas instansi, kelompok
kerja SPBE).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sikerja.accounts.restrict import RestrictedManager


class Form(models.TextChoices):
    INDIVIDU = "individu", _("Penugasan individu")
    TIM_KERJA = "tim_kerja", _("Tim kerja")


class Scope(models.TextChoices):
    DALAM_UNIT = "dalam_unit", _("Dalam satu unit organisasi")
    LINTAS_UNIT = "lintas_unit", _("Lintas unit organisasi")
    LINTAS_PD = "lintas_pd", _("Lintas perangkat daerah")
    LINTAS_INSTANSI = "lintas_instansi", _("Lintas instansi")


class Mode(models.TextChoices):
    PENUNJUKAN = "penunjukan", _("Penunjukan")
    PENGAJUAN_SUKARELA = "pengajuan_sukarela", _("Pengajuan sukarela")


class Nature(models.TextChoices):
    REGULER = "reguler", _("Penugasan reguler")
    INSIDENTAL = "insidental", _("Tugas insidental / penugasan tambahan")


class StandingKind(models.TextChoices):
    """Governance teams with a composition fixed by regulation (TIK-2, TIK-3)."""

    NONE = "", _("Bukan tim tetap")
    KOORDINASI_SPBE = "tim_koordinasi_spbe", _("Tim Koordinasi SPBE")
    PELAKSANA_SPBE = "tim_pelaksana_spbe", _("Tim Pelaksana SPBE")
    KELOMPOK_KERJA_SPBE = "kelompok_kerja_spbe", _("Kelompok Kerja SPBE")
    SEKRETARIAT_SPBE = "sekretariat_spbe", _("Sekretariat Tim Koordinasi SPBE")
    TRANSFORMASI_MANAJEMEN = "tim_transformasi_manajemen", _("Tim Transformasi Manajemen")


class Answer(models.TextChoices):
    """What an official answers to a step: three distinct acts (issue 9 item 2). Approving some
    names whom; approving nobody is not a way to refuse."""

    APPROVE_ALL = "setujui_semua", _("Setujui semua")
    APPROVE_SOME = "setujui_sebagian", _("Setujui sebagian")
    REJECT = "tolak", _("Tolak")


class Assignment(models.Model):
    class Status(models.TextChoices):
        PROSES = "proses", _("Dalam proses")
        DITERBITKAN = "diterbitkan", _("Diterbitkan")
        DITOLAK = "ditolak", _("Ditolak")
        DIBATALKAN = "dibatalkan", _("Dibatalkan")
        # Its letter was revoked: the assignment ends, its hours no longer count (issue 9 item 5).
        DICABUT = "dicabut", _("Dicabut")

    region = models.ForeignKey("tenancy.Region", on_delete=models.PROTECT, related_name="assignments")
    form = models.CharField("bentuk", max_length=20, choices=Form.choices)
    scope = models.CharField("lingkup", max_length=20, choices=Scope.choices)
    mode = models.CharField("cara", max_length=20, choices=Mode.choices, default=Mode.PENUNJUKAN)
    nature = models.CharField("sifat", max_length=20, choices=Nature.choices, default=Nature.REGULER)
    standing_kind = models.CharField(
        "tim tetap", max_length=40, choices=StandingKind.choices, default=StandingKind.NONE, blank=True
    )
    # A standing team is set by a Keputusan Bupati that the application does not sign (MU Ps 24(1),
    # 25(4), 26(2)): it is recorded with that decree as its basis, and with the seat each member
    # held when it was recorded (``assignments.standing``).
    basis_number = models.CharField("nomor keputusan penetapan", max_length=120, blank=True)
    basis_date = models.DateField("tanggal keputusan penetapan", null=True, blank=True)
    composition = models.JSONField("susunan menurut jabatan saat dicatat", default=dict, blank=True)
    title = models.CharField("nama kegiatan/tim", max_length=300)
    owning_unit = models.ForeignKey(
        "organisation.Unit", on_delete=models.PROTECT, related_name="owned_assignments",
        verbose_name="unit pemilik kinerja",
    )
    purpose = models.TextField("maksud dan tujuan")
    target = models.TextField("ekspektasi/target kinerja")
    competences = models.JSONField("kompetensi yang dibutuhkan", default=list, blank=True)
    starts_on = models.DateField("mulai")
    ends_on = models.DateField("selesai")
    hours_per_week = models.DecimalField("alokasi jam per minggu", max_digits=4, decimal_places=1, default=8)
    other_arrangements = models.TextField("pengaturan lainnya", blank=True)
    law_requires_decree = models.BooleanField("peraturan lain mewajibkan keputusan", default=False)
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.PROSES)
    initiated_by = models.ForeignKey(
        "organisation.Employee", on_delete=models.PROTECT, related_name="assignments_initiated",
        verbose_name="pengusul",
    )
    instrument = models.CharField("jenis naskah", max_length=30)
    letter = models.ForeignKey(
        "letters.Document", on_delete=models.PROTECT, null=True, blank=True, related_name="assignments",
        verbose_name="naskah penugasan",
    )
    # The business process the team runs (issue 14 item 7; DESIGN: "may be named by an
    # assignment"). PROTECT, not SET_NULL: processes are retired (``is_active``) and versioned,
    # never deleted, and a record that an issued letter belongs to must not lose what it named.
    process = models.ForeignKey(
        "processes.Process", on_delete=models.PROTECT, null=True, blank=True, related_name="assignments",
        verbose_name="proses bisnis yang dijalankan",
    )
    decisions = models.JSONField("dasar keputusan (pasal)", default=list, blank=True)
    # Entered after it began (its period had passed, or was running): why, as the letter says.
    recording_reason = models.TextField("alasan pencatatan penugasan yang sudah berjalan", blank=True)
    revoked_at = models.DateTimeField("dicabut pada", null=True, blank=True)
    revoke_reason = models.TextField("alasan pencabutan", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField("dibuat", auto_now_add=True)
    closed_at = models.DateTimeField("selesai diproses", null=True, blank=True)
    objects = RestrictedManager()

    class Meta:
        verbose_name = _("penugasan")
        verbose_name_plural = "penugasan"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="assignment_period_order"),
        ]
        indexes = [
            models.Index(fields=["region", "status"]),
            models.Index(fields=["region", "owning_unit"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_form_display()}: {self.title}"

    @property
    def is_team(self) -> bool:
        return self.form == Form.TIM_KERJA


class Member(models.Model):
    class Role(models.TextChoices):
        KETUA = "ketua", _("Ketua")
        SEKRETARIS = "sekretaris", _("Sekretaris")
        ANGGOTA = "anggota", _("Anggota")

    class Status(models.TextChoices):
        DIUSULKAN = "diusulkan", _("Diusulkan")
        DISETUJUI = "disetujui", _("Disetujui")
        DITOLAK = "ditolak", _("Ditolak")

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="members")
    employee = models.ForeignKey(
        "organisation.Employee", on_delete=models.PROTECT, null=True, blank=True, related_name="assignment_memberships"
    )
    # External members (another government, or outside government: MU Ps 26(1)).
    external_name = models.CharField("nama (anggota luar)", max_length=200, blank=True)
    external_nip = models.CharField("NIP (anggota luar)", max_length=18, blank=True)
    external_org = models.CharField("instansi/unsur (anggota luar)", max_length=200, blank=True)
    external_position = models.CharField("jabatan (anggota luar)", max_length=200, blank=True)
    home_unit = models.ForeignKey(
        "organisation.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name="unit asal (saat diusulkan)",
    )
    role = models.CharField("peran", max_length=20, choices=Role.choices, default=Role.ANGGOTA)
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.DIUSULKAN)
    hours_per_week = models.DecimalField("jam per minggu", max_digits=4, decimal_places=1, default=8)
    overbooking_reason = models.TextField("alasan melampaui kapasitas", blank=True)
    decision_reason = models.TextField("alasan keputusan", blank=True)

    class Meta:
        verbose_name = _("anggota penugasan")
        verbose_name_plural = "anggota penugasan"
        ordering = ["assignment", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "employee"], condition=models.Q(employee__isnull=False), name="member_once"
            ),
            models.CheckConstraint(
                condition=models.Q(employee__isnull=False) | ~models.Q(external_name=""), name="member_is_someone"
            ),
            # One ketua per team (PEN-10; MU Ps 24(4) huruf a): held by the database too, so no
            # path that writes members can leave a team with two.
            models.UniqueConstraint(fields=["assignment"], condition=models.Q(role="ketua"), name="member_one_ketua"),
        ]
        indexes = [models.Index(fields=["employee", "status"])]

    def __str__(self) -> str:
        return self.display_name

    @property
    def is_external(self) -> bool:
        return self.employee_id is None

    @property
    def display_name(self) -> str:
        return self.employee.full_name if self.employee_id else self.external_name


class Step(models.Model):
    """One thing that must happen before the letter: an answer, an approval, a confirmation, or
    the issuing itself. ``official`` is who must act (the leader of ``unit`` for leader steps, so
    their Plh/Plt may act too)."""

    class Kind(models.TextChoices):
        JAWAB_PERMOHONAN = "jawab_permohonan", _("Menjawab permohonan pelibatan")
        PERSETUJUAN = "persetujuan", _("Memberi persetujuan")
        KONFIRMASI = "konfirmasi", _("Menyampaikan surat")
        TERBITKAN = "terbitkan", _("Menerbitkan naskah penugasan")

    class Status(models.TextChoices):
        MENUNGGU = "menunggu", _("Menunggu")
        DISETUJUI = "disetujui", _("Disetujui")
        SEBAGIAN = "sebagian", _("Disetujui sebagian")
        DITOLAK = "ditolak", _("Ditolak")
        SELESAI = "selesai", _("Selesai")
        DIBATALKAN = "dibatalkan", _("Dibatalkan")

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField("urutan")
    kind = models.CharField("jenis langkah", max_length=30, choices=Kind.choices)
    role = models.CharField("peran", max_length=40)
    action = models.CharField("tindakan", max_length=300)
    article = models.CharField("dasar pasal", max_length=300, blank=True)
    official = models.ForeignKey(
        "organisation.Employee", on_delete=models.PROTECT, null=True, blank=True, related_name="assignment_steps",
        verbose_name="pejabat yang bertindak",
    )
    unit = models.ForeignKey(
        "organisation.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name="unit (untuk langkah pimpinan unit)",
    )
    members = models.ManyToManyField(Member, blank=True, related_name="steps")
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.MENUNGGU)
    decided_by = models.ForeignKey(
        "organisation.Employee", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    on_behalf_of = models.ForeignKey(
        "organisation.Employee", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField("alasan/catatan", blank=True)
    request_document = models.ForeignKey(
        "letters.Document", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name="nota dinas permohonan",
    )
    # What the step produces, as the rule states it (``rules.flows.Produces``): the kind of
    # document, from which role to which, with which tembusan; or forwarding an earlier step's.
    # Never guessed from the wording of ``action``.
    produces = models.JSONField("naskah yang dihasilkan (menurut aturan)", default=dict, blank=True)
    document = models.ForeignKey(
        "letters.Document", on_delete=models.PROTECT, null=True, blank=True, related_name="assignment_steps",
        verbose_name="naskah yang dihasilkan langkah ini",
    )

    class Meta:
        verbose_name = _("langkah penugasan")
        verbose_name_plural = "langkah penugasan"
        ordering = ["assignment", "order", "pk"]
        indexes = [
            models.Index(fields=["official", "status"]),
            models.Index(fields=["unit", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.get_kind_display()} ({self.get_status_display()})"


class Amendment(models.Model):
    """An issued assignment ended early or extended by its signer, with a new letter that refers
    to the first (issue 9 item 5). Revoking that letter undoes the change."""

    class Kind(models.TextChoices):
        DIAKHIRI = "diakhiri", _("Diakhiri lebih awal")
        DIPERPANJANG = "diperpanjang", _("Diperpanjang")

    class Status(models.TextChoices):
        BERLAKU = "berlaku", _("Berlaku")
        DICABUT = "dicabut", _("Dicabut")

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="amendments")
    kind = models.CharField("jenis perubahan", max_length=20, choices=Kind.choices)
    previous_ends_on = models.DateField("selesai sebelumnya")
    new_ends_on = models.DateField("selesai menjadi")
    reason = models.TextField("alasan")
    document = models.ForeignKey(
        "letters.Document", on_delete=models.PROTECT, related_name="assignment_amendments", verbose_name="naskah perubahan"
    )
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.BERLAKU)
    decided_by = models.ForeignKey("organisation.Employee", on_delete=models.PROTECT, related_name="+")
    on_behalf_of = models.ForeignKey(
        "organisation.Employee", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("perubahan penugasan")
        verbose_name_plural = "perubahan penugasan"
        ordering = ["assignment", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.assignment_id}"
