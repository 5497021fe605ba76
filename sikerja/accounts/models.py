"""Who may act where: roles scoped to a region and, below region level, to an org subtree."""

import hashlib
import secrets

from django.conf import settings
from django.db import models


class Role(models.TextChoices):
    PEGAWAI = "pegawai", "Pegawai"
    PPK = "ppk", "Pejabat Penilai Kinerja"
    PIMPINAN_UNIT = "pimpinan_unit", "Pimpinan Unit Organisasi"
    KEPALA_PD = "kepala_pd", "Kepala Perangkat Daerah"
    SEKDA = "sekda", "Sekretaris Daerah"
    ADMIN_BKPSDM = "admin_bkpsdm", "Admin BKPSDM"
    ADMIN_ORGANISASI = "admin_organisasi", "Admin Bagian Organisasi"
    SUPERADMIN = "superadmin", "Superadmin"


# Roles that see the whole region rather than a subtree.
REGION_WIDE_ROLES = frozenset({Role.SEKDA, Role.ADMIN_BKPSDM, Role.ADMIN_ORGANISASI, Role.SUPERADMIN})
# Roles scoped to the subtree of their unit.
SUBTREE_ROLES = frozenset({Role.PPK, Role.PIMPINAN_UNIT, Role.KEPALA_PD})
# Who may import and export organisation data.
ORG_ADMIN_ROLES = frozenset({Role.ADMIN_BKPSDM, Role.ADMIN_ORGANISASI, Role.SUPERADMIN})


class RoleAssignment(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_assignments")
    region = models.ForeignKey("tenancy.Region", on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField("peran", max_length=20, choices=Role.choices)
    unit = models.ForeignKey(
        "organisation.Unit",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="role_assignments",
        help_text="Akar subpohon yang menjadi cakupan peran; kosong untuk peran se-daerah.",
    )

    class Meta:
        verbose_name = "peran pengguna"
        verbose_name_plural = "peran pengguna"
        constraints = [
            models.UniqueConstraint(fields=["user", "region", "role", "unit"], name="role_assignment_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()}"


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token for machine clients. Only its SHA-256 digest is stored."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField("nama", max_length=100)
    prefix = models.CharField(max_length=8, db_index=True)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked = models.BooleanField(default=False)

    class Meta:
        verbose_name = "token API"
        verbose_name_plural = "token API"

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, *, user, name: str) -> tuple["ApiToken", str]:
        raw = "sk_" + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, prefix=raw[:8], digest=_digest(raw))
        return token, raw

    @classmethod
    def find_active(cls, raw: str):
        return cls.objects.select_related("user").filter(digest=_digest(raw), revoked=False).first()
