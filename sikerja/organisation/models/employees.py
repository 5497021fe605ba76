from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sikerja.accounts.restrict import RestrictedManager
from sikerja.organisation.choices import GOLONGAN_CHOICES, CompetenceKind, EmploymentStatus, Gender


class Competence(models.Model):
    """A kompetensi, keahlian or keterampilan used to match people to work (ORG-5)."""

    region = models.ForeignKey("tenancy.Region", on_delete=models.PROTECT, related_name="competences")
    name = models.CharField("nama", max_length=150)
    kind = models.CharField("jenis", max_length=20, choices=CompetenceKind.choices, default=CompetenceKind.KOMPETENSI)

    class Meta:
        ordering = ["name"]
        verbose_name = _("kompetensi")
        verbose_name_plural = "kompetensi"
        constraints = [models.UniqueConstraint(fields=["region", "name"], name="competence_unique_per_region")]

    def __str__(self) -> str:
        return self.name


class Employee(models.Model):
    """A pegawai ASN, PNS or PPPK, identified by NIP (ORG-5)."""

    region = models.ForeignKey("tenancy.Region", on_delete=models.PROTECT, related_name="employees")
    nip = models.CharField("NIP", max_length=18)
    name = models.CharField("nama", max_length=150)
    front_title = models.CharField("gelar depan", max_length=40, blank=True)
    back_title = models.CharField("gelar belakang", max_length=60, blank=True)
    status = models.CharField("status kepegawaian", max_length=4, choices=EmploymentStatus.choices)
    golongan = models.CharField("pangkat/golongan", max_length=6, choices=GOLONGAN_CHOICES)
    gender = models.CharField("jenis kelamin", max_length=1, choices=Gender.choices)
    birth_date = models.DateField("tanggal lahir")
    appointed_on = models.DateField("TMT pengangkatan")
    unit = models.ForeignKey(
        "organisation.Unit", on_delete=models.PROTECT, related_name="employees", null=True, blank=True
    )
    position = models.ForeignKey(
        "organisation.Position", on_delete=models.PROTECT, related_name="holders", null=True, blank=True
    )
    has_managerial_experience = models.BooleanField("pengalaman manajerial", default=False)
    email = models.EmailField("surel", blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="employee"
    )
    is_active = models.BooleanField("aktif", default=True)
    competences = models.ManyToManyField(Competence, through="EmployeeCompetence", related_name="employees")
    history = HistoricalRecords(excluded_fields=["user"])
    objects = RestrictedManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("pegawai")
        verbose_name_plural = "pegawai"
        constraints = [models.UniqueConstraint(fields=["region", "nip"], name="nip_unique_per_region")]
        indexes = [
            models.Index(fields=["region", "unit"]),
            models.Index(fields=["region", "name"]),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        front = f"{self.front_title} " if self.front_title else ""
        back = f", {self.back_title}" if self.back_title else ""
        return f"{front}{self.name}{back}"


class EmployeeCompetence(models.Model):
    class Level(models.IntegerChoices):
        DASAR = 1, "Dasar"
        MENENGAH = 2, "Menengah"
        MAHIR = 3, "Mahir"
        AHLI = 4, "Ahli"

    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="competence_links")
    competence = models.ForeignKey(Competence, on_delete=models.PROTECT, related_name="employee_links")
    level = models.PositiveSmallIntegerField("tingkat", choices=Level.choices, default=Level.MENENGAH)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["employee", "competence"], name="employee_competence_once"),
        ]

    def __str__(self) -> str:
        return f"{self.competence} ({self.get_level_display()})"
