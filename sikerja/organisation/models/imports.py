from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportBatch(models.Model):
    """An uploaded sheet kept between its dry-run preview and the real import (ORG-7)."""

    class Sheet(models.TextChoices):
        UNITS = "units", _("Unit organisasi")
        POSITIONS = "positions", _("Jabatan")
        EMPLOYEES = "employees", _("Pegawai")

    class Status(models.TextChoices):
        PREVIEWED = "previewed", _("Pratinjau")
        APPLIED = "applied", _("Diimpor")
        REJECTED = "rejected", _("Ditolak")

    region = models.ForeignKey("tenancy.Region", on_delete=models.PROTECT, related_name="import_batches")
    sheet = models.CharField("lembar", max_length=20, choices=Sheet.choices)
    filename = models.CharField("nama berkas", max_length=255)
    content = models.BinaryField("isi berkas")
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.PREVIEWED)
    report = models.JSONField("laporan", default=dict)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    created_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_sheet_display()}: {self.filename}"
