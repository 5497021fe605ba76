"""Official documents (naskah dinas): numbering, letterheads, templates and issued documents (PEN-15).

An issued ``Document`` is immutable: its content, number, files and hash never change. The only
state change is revocation (``status``, ``revoked_at``, ``revoke_reason``, ``revoked_by``); a
correction is a new document whose ``replaces`` points at the old one.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from sikerja.accounts.restrict import RestrictedQuerySet


class DocumentKind(models.TextChoices):
    SURAT_PERINTAH = "surat_perintah", _("Surat Perintah")
    SURAT_TUGAS = "surat_tugas", _("Surat Tugas")
    SURAT_PENUGASAN = "surat_penugasan", _("Surat Penugasan")
    KEPUTUSAN = "keputusan", _("Keputusan")
    NOTA_DINAS_PERMOHONAN = "nota_dinas_permohonan", _("Nota Dinas (permohonan)")
    NOTA_DINAS_JAWABAN = "nota_dinas_jawaban", _("Nota Dinas (jawaban)")
    # PermenPANRB 53/2014: signed by the unit leader (pihak pertama) with their superior.
    PERJANJIAN_KINERJA = "perjanjian_kinerja", _("Perjanjian Kinerja")


class SignerCapacity(models.TextChoices):
    DEFINITIF = "definitif", _("Definitif")
    PLH = "plh", _("Pelaksana Harian (Plh.)")
    PLT = "plt", _("Pelaksana Tugas (Plt.)")


DEFAULT_PATTERN = "{klasifikasi}/{urut:03d}/{kode_unit}/{tahun}"
DEFAULT_CLASSIFICATION = "800.1.11.1"


class NumberingScheme(models.Model):
    """How a region numbers its letters. ``classification`` maps a kind to its klasifikasi code;
    a kind not listed uses ``default_classification``."""

    region = models.OneToOneField("tenancy.Region", on_delete=models.CASCADE, related_name="numbering_scheme")
    pattern = models.CharField(
        "pola nomor", max_length=120, default=DEFAULT_PATTERN,
        help_text=_("Token: {klasifikasi}, {urut} (mis. {urut:03d}), {kode_unit}, {tahun}, {bulan_romawi}."),
    )
    default_classification = models.CharField("kode klasifikasi bawaan", max_length=40, default=DEFAULT_CLASSIFICATION)
    classification = models.JSONField("kode klasifikasi per jenis", default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("skema penomoran")
        verbose_name_plural = "skema penomoran"

    def __str__(self) -> str:
        return f"{self.region}: {self.pattern}"

    def classification_for(self, kind: str) -> str:
        return (self.classification or {}).get(kind) or self.default_classification


class NumberSequence(models.Model):
    """The last number a unit issued in a year; locked with SELECT ... FOR UPDATE when issuing."""

    region = models.ForeignKey("tenancy.Region", on_delete=models.CASCADE, related_name="number_sequences")
    unit = models.ForeignKey("organisation.Unit", on_delete=models.PROTECT, related_name="number_sequences")
    year = models.PositiveSmallIntegerField("tahun")
    last_number = models.PositiveIntegerField("nomor terakhir", default=0)

    class Meta:
        verbose_name = _("urutan nomor")
        verbose_name_plural = "urutan nomor"
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="one_sequence_per_unit_year")]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}: {self.last_number}"


class Letterhead(models.Model):
    """Kop surat. ``unit`` empty = the region's default; otherwise for one perangkat daerah.
    Each upload is a new version; the newest active one is used, older ones stay as history."""

    region = models.ForeignKey("tenancy.Region", on_delete=models.CASCADE, related_name="letterheads")
    unit = models.ForeignKey(
        "organisation.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="letterheads",
        verbose_name="perangkat daerah",
    )
    version = models.PositiveIntegerField("versi", default=1)
    government_name = models.CharField("nama pemerintah daerah", max_length=200)
    pd_name = models.CharField("nama perangkat daerah", max_length=200, blank=True)
    address = models.CharField("alamat", max_length=300, blank=True)
    # What a regional kop carries under the address (tata naskah dinas): telephone, e-mail and
    # website, each its own field so the kop prints them in the usual order and labels.
    phone = models.CharField("telepon", max_length=100, blank=True)
    email = models.EmailField("surel", max_length=150, blank=True)
    website = models.CharField("laman", max_length=150, blank=True)
    contact = models.CharField("kontak lain", max_length=300, blank=True)
    logo = models.BinaryField("logo", blank=True, default=b"")
    logo_mime = models.CharField(max_length=20, blank=True)
    is_active = models.BooleanField("aktif", default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-version"]
        verbose_name = _("kop surat")
        verbose_name_plural = "kop surat"
        constraints = [models.UniqueConstraint(fields=["region", "unit", "version"], name="letterhead_version_once")]

    def __str__(self) -> str:
        return f"Kop {self.pd_name or self.government_name} v{self.version}"


class LetterTemplate(models.Model):
    """A version of a template for one kind. ``region`` empty = global default. Rolling back is
    re-activating an older version; versions are never deleted."""

    class Engine(models.TextChoices):
        HTML = "html", _("HTML (untuk PDF)")
        DOCX = "docx", _("DOCX (docxtpl)")

    region = models.ForeignKey("tenancy.Region", on_delete=models.CASCADE, null=True, blank=True, related_name="letter_templates")
    kind = models.CharField("jenis naskah", max_length=30, choices=DocumentKind.choices)
    engine = models.CharField("mesin", max_length=10, choices=Engine.choices)
    version = models.PositiveIntegerField("versi")
    content = models.TextField("isi HTML", blank=True)
    docx = models.BinaryField("berkas DOCX", blank=True, default=b"")
    note = models.CharField("catatan", max_length=300, blank=True)
    is_active = models.BooleanField("aktif", default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "engine", "-version"]
        verbose_name = _("templat naskah")
        verbose_name_plural = "templat naskah"
        constraints = [
            models.UniqueConstraint(fields=["region", "kind", "engine", "version"], name="template_version_once"),
            models.UniqueConstraint(
                fields=["region", "kind", "engine"], condition=models.Q(is_active=True), name="one_active_template",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.engine} v{self.version}"


class ImmutableDocument(ValidationError):
    """An attempt to change an issued document."""


# Fields that may change after issuing: only revocation.
REVOCATION_FIELDS = frozenset({"status", "revoked_at", "revoke_reason", "revoked_by", "revoked_by_id"})


class DocumentQuerySet(RestrictedQuerySet):
    def update(self, **kwargs):
        forbidden = set(kwargs) - REVOCATION_FIELDS
        if forbidden:
            raise ImmutableDocument(f"Naskah yang sudah terbit tidak dapat diubah ({', '.join(sorted(forbidden))}).")
        return super().update(**kwargs)

    def delete(self):
        raise ImmutableDocument("Naskah dinas tidak dapat dihapus; cabut naskah bila perlu.")


class Document(models.Model):
    """An issued naskah dinas with its hash and public verification code; its PDF and DOCX are
    in ``DocumentFile`` (issue 10 item 7), so no list or lookup ever loads megabytes of files."""

    class Status(models.TextChoices):
        ISSUED = "issued", _("Berlaku")
        REVOKED = "revoked", _("Dicabut")

    region = models.ForeignKey("tenancy.Region", on_delete=models.PROTECT, related_name="documents")
    kind = models.CharField("jenis", max_length=30, choices=DocumentKind.choices)
    number = models.CharField("nomor", max_length=120)
    sequence = models.PositiveIntegerField("nomor urut")
    date = models.DateField("tanggal")
    issuing_unit = models.ForeignKey("organisation.Unit", on_delete=models.PROTECT, related_name="documents")
    subject = models.CharField("perihal", max_length=500)
    payload = models.JSONField("isi")
    signer = models.ForeignKey("organisation.Employee", on_delete=models.PROTECT, related_name="signed_documents")
    signer_capacity = models.CharField("kedudukan penanda tangan", max_length=10, choices=SignerCapacity.choices)
    on_behalf_of = models.ForeignKey(
        "organisation.Employee", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name="atas nama pejabat",
    )
    signer_display = models.CharField("jabatan penanda tangan", max_length=300)
    sha256 = models.CharField("SHA-256 PDF", max_length=64)
    verification_code = models.CharField("kode verifikasi", max_length=16, unique=True)
    template_versions = models.JSONField("versi templat", default=dict)
    parties = models.ManyToManyField("organisation.Employee", related_name="documents", verbose_name="pihak")
    replaces = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="replaced_by", verbose_name="mengganti"
    )
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.ISSUED)
    revoked_at = models.DateTimeField("dicabut pada", null=True, blank=True)
    revoke_reason = models.TextField("alasan pencabutan", blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-created_at"]
        verbose_name = _("naskah dinas")
        verbose_name_plural = "naskah dinas"
        constraints = [
            models.UniqueConstraint(fields=["region", "number"], name="document_number_unique_per_region"),
            models.CheckConstraint(
                condition=models.Q(status="issued", revoked_at__isnull=True)
                | models.Q(status="revoked", revoked_at__isnull=False),
                name="document_revocation_consistent",
            ),
        ]
        indexes = [models.Index(fields=["region", "-date"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"

    def save(self, *args, **kwargs):
        if not self._state.adding and self.pk:
            update_fields = kwargs.get("update_fields")
            if update_fields is None or set(update_fields) - REVOCATION_FIELDS:
                raise ImmutableDocument("Naskah yang sudah terbit tidak dapat diubah; terbitkan naskah pengganti.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableDocument("Naskah dinas tidak dapat dihapus; cabut naskah bila perlu.")

    @property
    def is_revoked(self) -> bool:
        return self.status == self.Status.REVOKED

    @property
    def pdf(self) -> bytes:
        return bytes(self.file.pdf)

    @property
    def docx(self) -> bytes:
        return bytes(self.file.docx)


class DocumentFile(models.Model):
    """The rendered files of one issued document, in their own table: selectors read documents
    without ever touching these columns. Immutable like the document (``Document.sha256`` is the
    SHA-256 of ``pdf``)."""

    document = models.OneToOneField(Document, on_delete=models.PROTECT, primary_key=True, related_name="file")
    pdf = models.BinaryField("PDF")
    docx = models.BinaryField("DOCX")

    class Meta:
        verbose_name = _("berkas naskah dinas")
        verbose_name_plural = "berkas naskah dinas"

    def __str__(self) -> str:
        return f"Berkas naskah {self.document_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableDocument("Berkas naskah yang sudah terbit tidak dapat diubah.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableDocument("Berkas naskah dinas tidak dapat dihapus.")
