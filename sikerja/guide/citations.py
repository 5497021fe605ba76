"""The articles a guide rests on, read from the region's own regulation profile (PLT-7).

A guide names profile settings, never articles: the article, and the value in words, come from
the profile the region runs under, so two regions with different Perbup see their own.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from sikerja.assignments.rules.common import Profile, cite, national_baseline
from sikerja.tenancy.labels import SETTING_LABELS, setting_label, value_label

# Values shown in words only when they read as words (mappings of patterns would not).
SIMPLE = (str, bool, list)


@dataclass(frozen=True)
class Citation:
    label: str
    value: str
    article: str
    silent: bool


def _value_words(value) -> str:
    if isinstance(value, SIMPLE) and not (isinstance(value, list) and any(isinstance(v, dict) for v in value)):
        return value_label(value)
    if isinstance(value, dict) and all(isinstance(v, str | bool | list) for v in value.values()):
        return value_label(value)
    return ""


def citations(region, keys) -> list[Citation]:
    stored = region.profile
    profile = Profile(name=stored.name, settings=stored.settings)
    baseline = national_baseline()
    out = []
    for key in keys:
        if key not in SETTING_LABELS:
            continue  # a label is what the page shows; never show the setting's key instead
        label = setting_label(key)
        entry = profile.entry(key)
        if entry.get("silent") or not entry.get("article"):
            national = baseline.entry(key)
            article = _("%(profile)s tidak mengatur hal ini.") % {"profile": profile.name}
            if national.get("article") and not national.get("silent"):
                article += " " + _("Acuan nasional: %(article)s.") % {"article": cite(baseline, key)}
            out.append(Citation(label, "", article, True))
            continue
        out.append(Citation(label, _value_words(entry.get("value")), cite(profile, key), False))
    return out
