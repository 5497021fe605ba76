"""The region's administrator configures its identity provider (PLT-1)."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from sikerja.accounts.access import Actor
from sikerja.accounts.models import REGION_WIDE_ROLES, IdentityProvider, Role
from sikerja.audit.services import record_event

CONFIGURE_ROLES = frozenset({Role.ADMIN_BKPSDM, Role.SUPERADMIN})
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def may_configure(actor: Actor) -> bool:
    return actor.is_superadmin or bool(actor.roles & CONFIGURE_ROLES & REGION_WIDE_ROLES)


def issuer_error(issuer: str) -> str | None:
    """An issuer is an https address (plain http only on this machine's loopback, for testing)."""
    parts = urlsplit(issuer or "")
    if parts.scheme == "https" and parts.hostname:
        return None
    if parts.scheme == "http" and parts.hostname in LOOPBACK:
        return None
    return "Alamat penerbit harus berupa alamat https:// penyedia identitas."


def configure(
    *, actor: Actor, label: str, issuer: str, client_id: str, client_secret: str = "", match: str, is_active: bool
) -> IdentityProvider:
    if not may_configure(actor):
        raise PermissionDenied("Penyedia identitas daerah hanya dapat diatur oleh admin BKPSDM.")
    issuer = (issuer or "").strip()
    problems = []
    if error := issuer_error(issuer):
        problems.append(error)
    if not (client_id or "").strip():
        problems.append("Client ID wajib diisi.")
    if match not in IdentityProvider.Match.values:
        problems.append("Cara mencocokkan pegawai tidak dikenal.")
    with transaction.atomic():
        provider = IdentityProvider.objects.select_for_update().filter(region=actor.region).first()
        if provider is None and not (client_secret or "").strip():
            problems.append("Client secret wajib diisi.")
        if problems:
            raise ValidationError(problems)
        provider = provider or IdentityProvider(region=actor.region)
        provider.label = (label or "").strip()[:80] or "Akun pemerintah daerah"
        provider.issuer = issuer
        provider.client_id = client_id.strip()
        if (client_secret or "").strip():
            provider.client_secret = client_secret.strip()  # blank keeps the stored secret
        provider.match = match
        provider.is_active = bool(is_active)
        provider.save()
        record_event(region=actor.region, actor=actor.user, verb="sso.configured", obj=provider,
                     changes={"issuer": issuer, "client_id": provider.client_id, "match": match, "active": provider.is_active})
    return provider
