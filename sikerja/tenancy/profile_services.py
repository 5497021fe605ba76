"""Writes for a region's own regulation profile (PLT-6, PRF-1): derive it from the built-in the
region runs, edit one setting at a time, revert to a version. Each write is one transaction with
its audit event; the profile row is locked (``select_for_update``) so two edits at once are
applied one after the other and the second sees the first (a stale form is refused)."""

from __future__ import annotations

import copy

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext, gettext_lazy

from sikerja.accounts.access import Actor, may_edit_profile
from sikerja.audit.services import record_event
from sikerja.inputs import LONG_TEXT, SHORT_TEXT, clean_text
from sikerja.tenancy.labels import SETTING_LABELS
from sikerja.tenancy.models import Region, RegulationProfile
from sikerja.tenancy.profile_check import SettingError, check_entry, entry_errors, label
from sikerja.tenancy.profile_schema import SCHEMA

DENIED = gettext_lazy("Hanya admin organisasi atau superadmin daerah ini yang dapat mengubah profil regulasi daerah.")
BUILTIN = gettext_lazy("Profil bawaan tidak dapat diubah; buat profil daerah sendiri terlebih dahulu.")


def _require(actor: Actor) -> None:
    if not may_edit_profile(actor):
        raise PermissionDenied(DENIED)


def _reason(reason: str) -> str:
    return clean_text(reason, "Alasan perubahan", limit=LONG_TEXT, required=True)


def _locked_own_profile(actor: Actor) -> tuple[Region, RegulationProfile]:
    """The region (fresh, locked) and the profile it runs, locked; a built-in one is refused."""
    region = Region.objects.select_for_update().get(pk=actor.region.pk)
    profile = RegulationProfile.objects.select_for_update().get(pk=region.profile_id)
    if profile.is_builtin or profile.owner_id != region.pk:
        raise ValidationError(BUILTIN, code="builtin_profile")
    return region, profile


def _check_version(profile: RegulationProfile, expected_version: int | None) -> None:
    if expected_version is not None and int(expected_version) != profile.version:
        raise ValidationError(
            gettext(
                "Profil telah diubah orang lain (kini versi %(version)s) sejak formulir dibuka; "
                "muat ulang halaman dan ulangi perubahan Anda."
            )
            % {"version": profile.version},
            code="stale",
        )


def _refresh_findings(region) -> None:
    """Every stored kedudukan finding cites and follows the profile (issue 15 item 1)."""
    from sikerja.organisation.placement_checks import refresh

    refresh(region)


def _save(profile: RegulationProfile, actor: Actor, reason: str) -> None:
    profile.version += 1
    profile._history_user = actor.user if getattr(actor.user, "is_authenticated", False) else None
    profile._change_reason = reason[:100]  # the full reason is in the audit event
    profile.save()


@transaction.atomic
def derive_profile(*, actor: Actor, reason: str, name: str = "", legal_basis: str = "") -> RegulationProfile:
    """The region's own profile, a copy of the built-in it runs (settings, derived_from and the
    built-in's version recorded); the region switches to it. Name and legal basis may name the
    region's own Perbup: rules cite articles prefixed with the profile's name."""
    _require(actor)
    reason = _reason(reason)
    region = Region.objects.select_for_update().get(pk=actor.region.pk)
    base = RegulationProfile.objects.get(pk=region.profile_id)
    if not base.is_builtin:
        raise ValidationError(gettext("Daerah ini sudah memakai profil regulasi sendiri."), code="already_own")
    name = clean_text(name, "Nama profil", limit=SHORT_TEXT) or base.name
    legal_basis = clean_text(legal_basis, "Dasar hukum", limit=300) or base.legal_basis
    profile = RegulationProfile(
        key=f"daerah-{region.pk}",
        name=name,
        title=base.title if name == base.name else "",
        legal_basis=legal_basis,
        implements=base.implements,
        version=1,
        is_builtin=False,
        settings=copy.deepcopy(base.settings),
        owner=region,
        derived_from=base,
        derived_from_version=base.version,
        base_settings=copy.deepcopy(base.settings),
    )
    if RegulationProfile.objects.filter(key=profile.key).exists():
        raise ValidationError(gettext("Profil daerah ini sudah pernah dibuat."), code="already_own")
    profile._history_user = actor.user
    profile._change_reason = reason[:100]
    profile.save()
    region.profile = profile
    region._change_reason = "Profil regulasi daerah sendiri dipakai"
    region.save(update_fields=["profile"])
    record_event(
        region=region, actor=actor.user, verb="profile.derived", obj=profile, reason=reason,
        changes={"dari": base.name, "versi_asal": base.version, "version": profile.version},
    )  # fmt: skip
    actor.region.profile = profile
    actor.region.profile_id = profile.pk
    _refresh_findings(actor.region)
    return profile


@transaction.atomic
def edit_setting(
    *,
    actor: Actor,
    key: str,
    value=None,
    article: str = "",
    note: str = "",
    silent: bool = False,
    reason: str,
    expected_version: int | None = None,
) -> RegulationProfile:
    """One setting of the region's own profile, checked against the schema; a new version."""
    _require(actor)
    reason = _reason(reason)
    if key not in SCHEMA:
        raise ValidationError(gettext("Pengaturan ini tidak dikenal oleh SiKerja."), code="unknown_setting")
    try:
        entry = check_entry(key, {"value": value, "article": article, "note": note, "silent": silent})
    except SettingError as exc:
        raise ValidationError(exc.messages, code="invalid_setting") from None
    region, profile = _locked_own_profile(actor)
    _check_version(profile, expected_version)
    old = profile.settings.get(key)
    if old == entry:
        message = gettext("%(setting)s: tidak ada yang berubah.") % {"setting": label(key)}
        raise ValidationError(message, code="unchanged")
    settings = copy.deepcopy(profile.settings)
    settings[key] = entry
    profile.settings = settings
    _save(profile, actor, reason)
    record_event(
        region=region, actor=actor.user, verb="profile.setting_changed", obj=profile, reason=reason,
        changes={"pengaturan": SETTING_LABELS.get(key, key.replace("_", " ")), "version": profile.version,
                 "sebelum": old, "sesudah": entry},  # stored: Indonesian whatever the page's language
    )  # fmt: skip
    actor.region.profile = profile
    _refresh_findings(actor.region)
    return profile


@transaction.atomic
def revert_to(*, actor: Actor, history_id: int, reason: str, expected_version: int | None = None) -> RegulationProfile:
    """The settings of an earlier version, saved as a new version (history is never rewritten)."""
    _require(actor)
    reason = _reason(reason)
    region, profile = _locked_own_profile(actor)
    record = profile.history.filter(history_id=history_id).first()
    if record is None:
        raise ValidationError(gettext("Versi ini tidak ditemukan pada profil daerah Anda."), code="not_found")
    _check_version(profile, expected_version)
    errors = [m for key, entry in record.settings.items() for m in entry_errors(key, entry)]
    if errors:  # a version saved before a schema change may no longer fit
        raise ValidationError(errors, code="invalid_setting")
    if record.settings == profile.settings:
        raise ValidationError(gettext("Pengaturan versi itu sama dengan pengaturan sekarang."), code="unchanged")
    profile.settings = copy.deepcopy(record.settings)
    _save(profile, actor, reason)
    record_event(
        region=region, actor=actor.user, verb="profile.reverted", obj=profile, reason=reason,
        changes={"ke_versi": record.version, "version": profile.version},
    )  # fmt: skip
    actor.region.profile = profile
    _refresh_findings(actor.region)
    return profile
