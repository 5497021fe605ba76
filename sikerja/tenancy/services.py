"""Writes for tenants and profiles."""

from pathlib import Path

import yaml
from django.db import transaction

from sikerja.audit.services import record_event
from sikerja.tenancy.models import RegulationProfile

PROFILE_DIR = Path(__file__).resolve().parent / "profiles"


def builtin_profile_data() -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(PROFILE_DIR.glob("*.yaml"))]


@transaction.atomic
def _forget_findings(profile) -> None:
    """Regions on an upgraded profile recompute their kedudukan findings on the next read."""
    from sikerja.organisation.models import PlacementCheckDay

    PlacementCheckDay.objects.filter(region__profile=profile).delete()


def sync_builtin_profiles() -> list[RegulationProfile]:
    """Create or upgrade the built-in profiles from the shipped files (PRF-1).

    A shipped file only replaces a stored profile when its version is newer, so an
    administrator's edits survive a restart but a corrected regulation file still lands.
    """
    result = []
    for data in builtin_profile_data():
        fields = {
            "name": data["name"],
            "title": data.get("title") or "",
            "legal_basis": data["legal_basis"],
            "implements": data.get("implements") or "",
            "version": int(data.get("version", 1)),
            "settings": data["settings"],
            "is_builtin": True,
        }
        profile = RegulationProfile.objects.filter(key=data["key"]).first()
        if profile is None:
            profile = RegulationProfile.objects.create(key=data["key"], **fields)
            record_event(region=None, actor=None, verb="profile.loaded", obj=profile, changes={"version": profile.version})
        elif profile.version < fields["version"]:
            for name, value in fields.items():
                setattr(profile, name, value)
            profile.save()
            _forget_findings(profile)
            record_event(region=None, actor=None, verb="profile.upgraded", obj=profile, changes={"version": profile.version})
        result.append(profile)
    return result
