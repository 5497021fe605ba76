"""PEN-2: the scope of an assignment, and whether the region's regulation provides it.

BU Ps 19(2), BT Ps 9(2), MU Ps 12(2) jo. Ps 1 angka 13, KL Ps 6(2), PPU Ps 8(3) (see
docs/profiles.md, interpretations 1-3, for how each text maps onto the four scopes).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .common import SCOPE_WORDS, SCOPES, Profile, check_scope, cite


@dataclass(frozen=True)
class ScopeDecision:
    scope: str
    message: str
    article: str = ""
    requirement: str = "PEN-2"

    def __str__(self) -> str:
        return self.scope


@dataclass(frozen=True)
class ScopePermission:
    scope: str
    allowed: bool
    article: str
    message: str
    silent: bool = False
    requirement: str = "PEN-2"


def assignment_scope(
    home_unit_chain: Sequence[int],
    owning_unit_chain: Sequence[int],
    home_region,
    owning_region,
    *,
    profile: Profile | None = None,
) -> ScopeDecision:
    """Scope from the two units' ancestor chains (each from the unit up to its perangkat daerah
    root) and their regions.

    An employee whose unit lies inside the owning unit (the owning unit is in their chain) works
    *within* that unit: its leader is in their own line. Anything else inside one PD is
    lintas unit; different PD roots are lintas PD; different regions are lintas instansi.
    """
    if not home_unit_chain or not owning_unit_chain:
        raise ValueError("Rantai unit tidak boleh kosong.")
    article = cite(profile, "scopes") if profile is not None else ""
    if home_region != owning_region:
        return ScopeDecision(
            "lintas_instansi", _("Pegawai berasal dari pemerintah daerah lain: penugasan lintas instansi."), article
        )
    if owning_unit_chain[0] in home_unit_chain:
        return ScopeDecision(
            "dalam_unit", _("Pegawai berkedudukan di unit pemilik kinerja atau unit di bawahnya."), article
        )
    if home_unit_chain[-1] == owning_unit_chain[-1]:
        return ScopeDecision(
            "lintas_unit", _("Pegawai berkedudukan di unit lain dalam perangkat daerah yang sama."), article
        )
    return ScopeDecision("lintas_pd", _("Pegawai berkedudukan di perangkat daerah lain."), article)


def scope_allowed(profile: Profile, scope: str | ScopeDecision) -> ScopePermission:
    """Refuse a scope the profile does not list. A silent profile adds no constraint."""
    scope = check_scope(scope)
    listed = profile.value("scopes")
    if listed is None:
        return ScopePermission(
            scope,
            True,
            cite(profile, "scopes"),
            _("%(profile)s tidak mengatur lingkup penugasan; tidak ada batasan.") % {"profile": profile.name},
            True,
        )
    article = cite(profile, "scopes")
    if scope in listed:
        return ScopePermission(
            scope, True, article, _("Penugasan %(scope)s diatur dalam %(article)s.") % {"scope": SCOPE_WORDS[scope], "article": article}
        )
    provided = [str(SCOPE_WORDS[s]) for s in SCOPES if s in listed]
    joined = provided[0] if len(provided) == 1 else ", ".join(provided[:-1]) + " " + _("dan") + " " + provided[-1]
    return ScopePermission(
        scope,
        False,
        article,
        _("%(profile)s tidak mengatur penugasan %(scope)s (lingkup yang diatur: %(provided)s; %(article)s).")
        % {"profile": profile.name, "scope": SCOPE_WORDS[scope], "provided": joined, "article": article},
    )
