"""Distribution of individual predikat by the organisation's predikat (KIN-9, SE MenPANRB 3/2023).

The circular fixes the percentages; what it leaves open comes from the region's profile (three
settings, each with its article): the share that counts as "most" below the 70 % cap
(``kinerja_curve_most_share``), how a share becomes a head count in a small unit
(``kinerja_curve_rounding``) and whether the curve is read per unit or per PD
(``kinerja_curve_scope``). Pure: counts in, the broken rules and by how many people out.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from django.utils.translation import gettext, gettext_noop

from sikerja.performance.rules.predikat import (
    BAIK,
    BUTUH_PERBAIKAN,
    KURANG,
    PREDIKAT_LABELS,
    PREDIKATS,
    SANGAT_BAIK,
    SANGAT_KURANG,
    RuleError,
)

ARTICLE = "SE MenPANRB 3/2023"

ISTIMEWA = "istimewa"
ORG_PREDIKATS = (ISTIMEWA, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG)
ORG_LABELS = {
    ISTIMEWA: "Istimewa",
    BAIK: "Baik",
    BUTUH_PERBAIKAN: "Butuh Perbaikan",
    KURANG: "Kurang",
    SANGAT_KURANG: "Sangat Kurang",
}
TEGAS, TERDEKAT = "tegas", "terdekat"
ROUNDINGS = (TEGAS, TERDEKAT)
SCOPES = ("unit", "pd")
MOST = "most"  # placeholder share: the profile's "sebagian besar"


@dataclass(frozen=True)
class CurveSettings:
    most_share: Fraction = Fraction(1, 2)
    rounding: str = TEGAS
    scope: str = "unit"
    articles: tuple[str, ...] = (ARTICLE,)


def settings_from_profile(profile) -> CurveSettings:
    """The three open points of the circular, as the region's profile states them."""
    keys = ("kinerja_curve_most_share", "kinerja_curve_rounding", "kinerja_curve_scope")
    entries = [profile.setting(k) for k in keys]
    most = entries[0].get("value")
    rounding = entries[1].get("value") or TEGAS
    scope = entries[2].get("value") or "unit"
    share = Fraction(str(most)) if most is not None else Fraction(1, 2)
    if not (0 <= share < Fraction(7, 10)) or rounding not in ROUNDINGS or scope not in SCOPES:
        raise RuleError(gettext("Setelan pola distribusi pada profil regulasi tidak valid; hubungi admin."))
    articles = tuple(dict.fromkeys(e.get("article") or ARTICLE for e in entries))
    return CurveSettings(most_share=share, rounding=rounding, scope=scope, articles=articles)


@dataclass(frozen=True)
class Rule:
    key: str
    org: str
    kind: str  # "min" or "max"
    predikats: tuple[str, ...]
    share: Fraction | str | None  # None: an absolute head count (``count``)
    inclusive: bool = True
    count: int = 0
    text: str = ""


P = Fraction
RULES: tuple[Rule, ...] = (
    Rule("istimewa_sebagian_besar", ISTIMEWA, "min", (SANGAT_BAIK,), MOST, False, text=gettext_noop("sebagian besar Sangat Baik")),
    Rule("istimewa_paling_banyak_70", ISTIMEWA, "max", (SANGAT_BAIK,), P(7, 10), text=gettext_noop("Sangat Baik paling banyak 70%")),
    Rule("baik_sebagian_besar", BAIK, "min", (BAIK,), MOST, False, text=gettext_noop("sebagian besar Baik")),
    Rule("baik_paling_banyak_70", BAIK, "max", (BAIK,), P(7, 10), text=gettext_noop("Baik paling banyak 70%")),
    Rule(
        "baik_ada_di_bawah",
        BAIK,
        "min",
        (BUTUH_PERBAIKAN, KURANG),
        None,
        count=1,
        text=gettext_noop("paling sedikit 1 orang Butuh Perbaikan atau Kurang/Misconduct"),
    ),
    Rule(
        "bp_paling_sedikit_60",
        BUTUH_PERBAIKAN,
        "min",
        (BUTUH_PERBAIKAN,),
        P(6, 10),
        text=gettext_noop("Butuh Perbaikan paling sedikit 60%"),
    ),
    Rule(
        "bp_sb_paling_banyak_10", BUTUH_PERBAIKAN, "max", (SANGAT_BAIK,), P(1, 10), text=gettext_noop("Sangat Baik paling banyak 10%")
    ),
    Rule("kurang_paling_sedikit_60", KURANG, "min", (KURANG,), P(6, 10), text=gettext_noop("Kurang/Misconduct paling sedikit 60%")),
    Rule(
        "kurang_bp_paling_sedikit_10",
        KURANG,
        "min",
        (BUTUH_PERBAIKAN,),
        P(1, 10),
        text=gettext_noop("Butuh Perbaikan paling sedikit 10%"),
    ),
    Rule("kurang_sb_paling_banyak_10", KURANG, "max", (SANGAT_BAIK,), P(1, 10), text=gettext_noop("Sangat Baik paling banyak 10%")),
    Rule(
        "sk_paling_sedikit_60",
        SANGAT_KURANG,
        "min",
        (SANGAT_KURANG,),
        P(6, 10),
        text=gettext_noop("Sangat Kurang paling sedikit 60%"),
    ),
    Rule(
        "sk_kurang_bp_paling_sedikit_10",
        SANGAT_KURANG,
        "min",
        (KURANG, BUTUH_PERBAIKAN),
        P(1, 10),
        text=gettext_noop("Kurang/Misconduct dan/atau Butuh Perbaikan paling sedikit 10%"),
    ),
    Rule("sk_tanpa_sb", SANGAT_KURANG, "max", (SANGAT_BAIK,), None, count=0, text=gettext_noop("tidak ada Sangat Baik")),
)


def rules_for(org: str) -> list[Rule]:
    if org not in ORG_PREDIKATS:
        raise RuleError(gettext("Predikat kinerja organisasi harus Istimewa, Baik, Butuh Perbaikan, Kurang atau Sangat Kurang."))
    return [r for r in RULES if r.org == org]


def _round_half_up(x: Fraction) -> int:
    return math.floor(x + Fraction(1, 2))


def bound(rule: Rule, n: int, s: CurveSettings) -> int:
    """The head count the rule allows: the least (min rules) or the most (max rules) people."""
    if rule.share is None:
        return rule.count
    share = s.most_share if rule.share == MOST else rule.share
    exact = share * n
    if not rule.inclusive:  # "more than": already a whole-person bound, rounding does not apply
        return math.floor(exact) + 1
    if s.rounding == TERDEKAT:
        return _round_half_up(exact)
    return math.ceil(exact) if rule.kind == "min" else math.floor(exact)


@dataclass(frozen=True)
class Breach:
    rule: str
    text: str
    count: int  # people with the rule's predikat
    allowed: int  # least (min) or most (max) people the rule allows
    people: int  # how many people would have to change predikat for the rule to hold
    kind: str

    @property
    def message(self) -> str:
        """In the language active when it is read: the page's, or Indonesian inside a document."""
        values = {"rule": gettext(self.text), "count": self.count, "allowed": self.allowed, "people": self.people}
        if self.kind == "min":
            return gettext(
                "Aturan '%(rule)s' tidak terpenuhi: ada %(count)s orang, paling sedikit %(allowed)s; kurang %(people)s orang."
            ) % values
        return gettext(
            "Aturan '%(rule)s' tidak terpenuhi: ada %(count)s orang, paling banyak %(allowed)s; lebih %(people)s orang."
        ) % values


def _normalise(counts: Mapping[str, int]) -> dict[str, int]:
    out = {p: 0 for p in PREDIKATS}
    for key, value in counts.items():
        if key not in out:
            raise RuleError(gettext("Predikat '%(key)s' tidak dikenal.") % {"key": key})
        if value < 0:
            raise RuleError(gettext("Jumlah pegawai tidak boleh negatif."))
        out[key] = int(value)
    return out


def check(org: str, counts: Mapping[str, int], s: CurveSettings | None = None) -> list[Breach]:
    """Every rule of the organisation predikat's pattern that the counts break (empty: fits)."""
    s = s or CurveSettings()
    rules = rules_for(org)
    counts = _normalise(counts)
    n = sum(counts.values())
    if n == 0:
        return []
    out = []
    for rule in rules:
        have = sum(counts[p] for p in rule.predikats)
        allowed = bound(rule, n, s)
        if rule.kind == "min" and have < allowed:
            out.append(Breach(rule.key, rule.text, have, allowed, allowed - have, "min"))
        elif rule.kind == "max" and have > allowed:
            out.append(Breach(rule.key, rule.text, have, allowed, have - allowed, "max"))
    return out


def pattern(org: str, n: int, s: CurveSettings | None = None) -> dict[str, tuple[int, int]]:
    """Allowed (least, most) people per predikat for the chart; rules over a group of predikat
    are left out (they are listed as text)."""
    s = s or CurveSettings()
    out = {p: (0, n) for p in PREDIKATS}
    for rule in rules_for(org):
        if len(rule.predikats) != 1:
            continue
        lo, hi = out[rule.predikats[0]]
        b = bound(rule, n, s)
        out[rule.predikats[0]] = (max(lo, b), hi) if rule.kind == "min" else (lo, min(hi, b))
    return out


def labels(counts: Mapping[str, int]) -> list[tuple[str, str, int]]:
    return [(p, PREDIKAT_LABELS[p], counts.get(p, 0)) for p in PREDIKATS]
