"""What the assignment rules share: the profile slice (reused from the kedudukan rules), the
national baseline used where a regional profile is silent, and words for roles and scopes."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from pathlib import Path

import yaml
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sikerja.organisation.rules.placement import Profile
from sikerja.tenancy.labels import VALUE_LABELS

__all__ = ["Profile", "national_baseline", "word", "words"]

NATIONAL_FILE = Path(__file__).resolve().parents[2] / "tenancy" / "profiles" / "nasional.yaml"

# Where a part of a decision came from.
FROM_PROFILE = "profil"  # the region's own setting for exactly this case
FROM_PROFILE_GENERAL = "aturan_umum"  # the region's general rule (e.g. "ditetapkan oleh PPK atau pimpinan unit")
FROM_BASELINE = "baseline_nasional"  # the national baseline (PermenPANRB 7/2022) where the region is silent
NOT_REGULATED = "tidak_diatur"  # nobody says: the system adds no constraint

SCOPES = ("dalam_unit", "lintas_unit", "lintas_pd", "lintas_instansi")
# Lazy: the rules build their messages in the language active when they run (PLT-5).
SCOPE_WORDS = {
    "dalam_unit": gettext_lazy("dalam satu unit organisasi"),
    "lintas_unit": gettext_lazy("lintas unit organisasi"),
    "lintas_pd": gettext_lazy("lintas perangkat daerah"),
    "lintas_instansi": gettext_lazy("lintas instansi"),
}
FORMS = ("individu", "tim_kerja")
FORM_WORDS = {"individu": gettext_lazy("penugasan individu"), "tim_kerja": gettext_lazy("penugasan tim kerja")}
ROLE_WORDS = {
    "pegawai": gettext_lazy("pejabat fungsional/pelaksana yang bersangkutan"),
    "atasan_langsung_ppk": gettext_lazy("atasan langsung/PPK"),
    "pimpinan_unit": gettext_lazy("pimpinan unit organisasi tempat pegawai berkedudukan"),
    "pimpinan_unit_pemilik_kinerja": gettext_lazy("pimpinan unit organisasi pemilik kinerja"),
}


@functools.cache
def national_baseline() -> Profile:
    """The national baseline profile as shipped (read once; the file is part of the code)."""
    data = yaml.safe_load(NATIONAL_FILE.read_text(encoding="utf-8"))
    return Profile(name=data["name"], settings=data["settings"])


def word(value: str) -> str:
    if value in ROLE_WORDS:
        return str(ROLE_WORDS[value])
    return _(VALUE_LABELS[value]) if value in VALUE_LABELS else value.replace("_", " ")


def words(values: Iterable[str], conj: str | None = None) -> str:
    """'a, b atau c' in the active language; ``conj`` is an Indonesian conjunction msgid."""
    items = [str(word(v)) for v in values]
    if not items:
        return "-"
    joiner = _(conj) if conj else _("atau")
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {joiner} " + items[-1]


def check_scope(scope: str) -> str:
    scope = str(scope)
    if scope not in SCOPES:
        raise ValueError(f"Lingkup penugasan '{scope}' tidak dikenal ({', '.join(SCOPES)}).")
    return scope


def check_form(form: str) -> str:
    if form not in FORMS:
        raise ValueError(f"Bentuk penugasan '{form}' tidak dikenal ({', '.join(FORMS)}).")
    return form


def for_scope(value, scope: str):
    """A setting's value for one scope: a mapping is looked up, anything else applies to all."""
    if isinstance(value, Mapping):
        return value.get(scope)
    return value


def is_silent(profile: Profile, key: str) -> bool:
    return profile.value(key) is None


def cite(profile: Profile, key: str, article: str | None = None) -> str:
    """``Profile.cite`` without repeating the name when the article *is* the name (the national
    baseline cites "PermenPANRB 7/2022" for settings whose article number is unverified)."""
    art = article or profile.entry(key).get("article") or ""
    return profile.name if art == profile.name else profile.cite(key, article)
