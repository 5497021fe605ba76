"""Who may act where: roles scoped to a region and, below region level, to an org subtree."""

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PEGAWAI = "pegawai", _("Pegawai")
    PPK = "ppk", _("Pejabat Penilai Kinerja")
    PIMPINAN_UNIT = "pimpinan_unit", _("Pimpinan Unit Organisasi")
    KEPALA_PD = "kepala_pd", _("Kepala Perangkat Daerah")
    SEKDA = "sekda", _("Sekretaris Daerah")
    ADMIN_BKPSDM = "admin_bkpsdm", _("Admin BKPSDM")
    ADMIN_ORGANISASI = "admin_organisasi", _("Admin Bagian Organisasi")
    SUPERADMIN = "superadmin", _("Superadmin")


# Roles that see the whole region rather than a subtree.
REGION_WIDE_ROLES = frozenset({Role.SEKDA, Role.ADMIN_BKPSDM, Role.ADMIN_ORGANISASI, Role.SUPERADMIN})
# Roles scoped to the subtree of their unit.
SUBTREE_ROLES = frozenset({Role.PPK, Role.PIMPINAN_UNIT, Role.KEPALA_PD})
# Who may import and export organisation data.
ORG_ADMIN_ROLES = frozenset({Role.ADMIN_BKPSDM, Role.ADMIN_ORGANISASI, Role.SUPERADMIN})
# Who must use a second factor (PLT-1): the administrators and the Sekretaris Daerah.
SECOND_FACTOR_ROLES = frozenset({Role.SEKDA, Role.ADMIN_BKPSDM, Role.ADMIN_ORGANISASI, Role.SUPERADMIN})


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
        help_text=_("Akar subpohon yang menjadi cakupan peran; kosong untuk peran se-daerah."),
    )

    class Meta:
        verbose_name = _("peran pengguna")
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
    # PLT-2: every token expires; empty only for tokens issued before expiry existed.
    expires_at = models.DateTimeField("berlaku sampai", null=True, blank=True)

    class Meta:
        verbose_name = _("token API")
        verbose_name_plural = "token API"

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, *, user, name: str, days: int | None = None) -> tuple["ApiToken", str]:
        raw = "sk_" + secrets.token_urlsafe(32)
        days = days if days is not None else settings.SIKERJA_API_TOKEN_DAYS
        token = cls.objects.create(
            user=user, name=name, prefix=raw[:8], digest=_digest(raw),
            expires_at=timezone.now() + dt.timedelta(days=days),
        )
        return token, raw

    @classmethod
    def find_active(cls, raw: str):
        return (
            cls.objects.select_related("user")
            .filter(digest=_digest(raw), revoked=False)
            .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now()))
            .first()
        )

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()


class UserSession(models.Model):
    """A browser session of a user, so they can see where they are signed in (PLT-1)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="browser_sessions")
    session_key = models.CharField(max_length=40, unique=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_seen_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("sesi masuk")
        verbose_name_plural = "sesi masuk"
        ordering = ["-last_seen_at"]

    def __str__(self) -> str:
        return f"{self.user} · {self.created_at:%Y-%m-%d %H:%M}"

    @classmethod
    def touch(cls, session_key: str) -> None:
        cls.objects.filter(session_key=session_key, ended_at__isnull=True).update(last_seen_at=timezone.now())


class IdentityProvider(models.Model):
    """A region's own OpenID Connect identity provider (PLT-1): its officials log in there and
    SiKerja matches the returned identity to an employee of that region who has a login. The
    client secret is never shown back on a page."""

    class Match(models.TextChoices):
        NIP = "nip", "NIP (klaim 'nip' atau 'preferred_username')"
        EMAIL = "email", "Alamat surel terverifikasi"

    region = models.OneToOneField("tenancy.Region", on_delete=models.CASCADE, related_name="identity_provider")
    label = models.CharField("nama tombol", max_length=80, default="Akun pemerintah daerah")
    issuer = models.URLField("alamat penerbit (issuer)", max_length=300)
    client_id = models.CharField("client ID", max_length=200)
    client_secret = models.CharField("client secret", max_length=500)
    match = models.CharField("cocokkan pegawai menurut", max_length=10, choices=Match.choices, default=Match.NIP)
    is_active = models.BooleanField("aktif", default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "penyedia identitas (OpenID Connect)"
        verbose_name_plural = "penyedia identitas (OpenID Connect)"

    def __str__(self) -> str:
        return f"{self.region}: {self.issuer}"
class UserPreference(models.Model):
    """A person's own display choices (PLT-5): the UI language, copied to the language cookie
    at each login so every device opens in the language they chose."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preference")
    language = models.CharField("bahasa tampilan", max_length=8, choices=settings.LANGUAGES, default="id")

    class Meta:
        verbose_name = _("preferensi pengguna")
        verbose_name_plural = "preferensi pengguna"

    def __str__(self) -> str:
        return f"{self.user} · {self.language}"
