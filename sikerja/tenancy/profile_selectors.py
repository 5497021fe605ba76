"""Reads for the profile editor (PLT-6): the versions of a region's profile, what changed between
two of them, and which settings a newer built-in changed since the region derived from it.
Constant query counts: one for the versions, one for their audit events."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext, gettext_noop

from sikerja.accounts.access import Actor
from sikerja.audit.models import Event
from sikerja.tenancy.labels import SETTING_LABELS
from sikerja.tenancy.models import RegulationProfile
from sikerja.tenancy.profile_check import value_words


def label(key: str) -> str:
    return gettext(SETTING_LABELS[key]) if key in SETTING_LABELS else key.replace("_", " ")


def entry_words(entry: dict | None) -> dict:
    """A setting entry in words for a page: never the raw value."""
    entry = entry or {}
    silent = bool(entry.get("silent")) or not entry
    return {
        "value": gettext("tidak diatur") if silent else value_words(entry.get("value")),
        "article": entry.get("article") or "",
        "note": entry.get("note") or "",
        "silent": silent,
    }


@dataclass
class Change:
    key: str
    label: str
    old: dict
    new: dict
    parts: tuple[str, ...]  # which of nilai / pasal / catatan / tidak diatur changed


def diff(old: dict, new: dict) -> list[Change]:
    """Setting by setting, in the order of the newer settings, only what differs."""
    out = []
    for key in list(new) + [k for k in old if k not in new]:
        a, b = old.get(key) or {}, new.get(key) or {}
        if a == b:
            continue
        parts = tuple(
            gettext(word)
            for word, field in (
                (gettext_noop("nilai"), "value"),
                (gettext_noop("pasal"), "article"),
                (gettext_noop("catatan"), "note"),
                (gettext_noop("tidak diatur"), "silent"),
            )
            if (a.get(field) or None) != (b.get(field) or None)
        )
        out.append(Change(key, label(key), entry_words(a), entry_words(b), parts))
    return out


def own_profile(actor: Actor) -> RegulationProfile | None:
    profile = RegulationProfile.objects.select_related("derived_from").get(pk=actor.region.profile_id)
    return profile if not profile.is_builtin and profile.owner_id == actor.region.pk else None


def versions(profile: RegulationProfile) -> list:
    """Every saved version, newest first, each with its editor and full reason (from the event)."""
    records = list(profile.history.select_related("history_user").order_by("-history_id"))
    reasons = {}
    for e in Event.objects.filter(object_type="tenancy.regulationprofile", object_id=str(profile.pk)).only(
        "changes", "reason"
    ):
        reasons[(e.changes or {}).get("version")] = e.reason
    for r in records:
        r.reason = reasons.get(r.version) or r.history_change_reason or ""
        user = r.history_user
        r.editor = (user.get_full_name() or user.username) if user else gettext("sistem")
    return records


def version_record(profile: RegulationProfile, history_id: int):
    """One version of the region's own profile; any other id (another region's) is a 404."""
    record = profile.history.filter(history_id=history_id).first()
    if record is None:
        raise Http404(gettext("Versi profil tidak ditemukan."))
    return record


def builtin_update(profile: RegulationProfile) -> dict | None:
    """When the built-in the profile derives from has a newer version: the settings that built-in
    changed since, with the region's current entry beside each (nothing is applied)."""
    base = profile.derived_from
    if base is None or base.version <= (profile.derived_from_version or 0):
        return None
    rows = []
    for change in diff(profile.base_settings or {}, base.settings):
        change.current = entry_words(profile.settings.get(change.key))
        rows.append(change)
    return {"name": base.name, "version": base.version, "since": profile.derived_from_version, "changes": rows}
