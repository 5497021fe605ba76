"""PEN-10, PEN-11: who may lead a team, and the ranking of ketua candidates with its reasons.

Eligible kinds: BU Ps 22(2), BT Ps 12(2) (JPT pratama, administrator, JF, pelaksana); MU Ps 12(3),
KL Ps 6(3), PPU Lampiran B.3 huruf c (JF, pelaksana). Priority: PPU Ps 10(3) huruf a-d, in the
order the profile lists them. Owning-unit preference: BU Ps 22(3), BT Ps 12(3), MU Ps 12(3),
KL Ps 6(3), PPU Ps 10(5).

The owning-unit preference is applied *before* the Ps 10(3) criteria by default: it is the
specific rule for cross-unit teams ("dalam tim kerja yang anggotanya berasal dari lintas Unit
Organisasi ... diutamakan berasal dari Unit Organisasi pemilik kinerja"); applied after, it
would only break ties between equally qualified people. ``owning_unit_first=False`` gives the
other reading.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from sikerja.organisation.choices import JF_LEVEL_CATEGORY, JF_LEVEL_RANK, JfCategory, JfLevel, PositionKind
from sikerja.organisation.rules.golongan import golongan_rank, pangkat_label
from sikerja.organisation.rules.placement import kind_word

from .common import Profile, cite, words

LETTERS = "abcdefghij"


@dataclass(frozen=True)
class Candidate:
    employee_id: int
    name: str
    kind: str  # fungsional / pelaksana / administrator / jpt_pratama / pengawas
    jf_category: str = ""
    jf_level: str = ""
    has_managerial_experience: bool = False
    status: str = "pns"
    golongan: str = ""
    unit_id: int | None = None

    @property
    def category(self) -> str:
        return self.jf_category or JF_LEVEL_CATEGORY.get(self.jf_level, "")


@dataclass(frozen=True)
class RankedCandidate:
    candidate: Candidate
    position: int
    explanation: tuple[str, ...]
    score: tuple[int, ...]  # the criteria values in the order applied (higher is better)
    tied_with_previous: bool = False


@dataclass(frozen=True)
class ExcludedCandidate:
    candidate: Candidate
    reason: str
    article: str


@dataclass(frozen=True)
class KetuaRanking:
    ranked: tuple[RankedCandidate, ...]
    excluded: tuple[ExcludedCandidate, ...]
    criteria: tuple[str, ...]
    article: str
    message: str
    requirement: str = "PEN-11"


def _level_word(level: str) -> str:
    return JfLevel(level).label if level in JfLevel.values else (level or "-")


def _criterion(key: str, c: Candidate, art: str) -> tuple[int, str]:
    """Value (higher is better) and the sentence that explains it."""
    is_jf, is_pl = c.kind == PositionKind.FUNGSIONAL, c.kind == PositionKind.PELAKSANA
    v = {"article": art}
    if key == "jf_keahlian":
        if is_jf and c.category == JfCategory.KEAHLIAN:
            return 1, _("JF kategori keahlian (%(article)s)") % v
        if is_jf:
            return 0, _("JF kategori keterampilan, bukan keahlian (%(article)s)") % v
        return 0, _("Bukan JF kategori keahlian (%(article)s)") % v
    if key == "managerial_experience":
        if (is_jf or is_pl) and c.has_managerial_experience:
            return 1, _("Memiliki pengalaman dan/atau kompetensi manajerial (%(article)s)") % v
        return 0, _("Tidak tercatat memiliki pengalaman/kompetensi manajerial (%(article)s)") % v
    if key == "highest_jf_level":
        if is_jf:
            return JF_LEVEL_RANK.get(c.jf_level, 0), _("Jenjang JF %(level)s (%(article)s)") % (
                v | {"level": _level_word(c.jf_level)})  # fmt: skip
        return 0, _("Bukan JF, jenjang JF tidak dinilai (%(article)s)") % v
    if key == "highest_pangkat_pelaksana":
        if is_pl:
            return golongan_rank(c.status, c.golongan), _("Pelaksana, pangkat %(pangkat)s (%(article)s)") % (
                v | {"pangkat": pangkat_label(c.status, c.golongan)})  # fmt: skip
        return 0, _("Bukan pelaksana, pangkat tidak dinilai (%(article)s)") % v
    raise ValueError(f"Kriteria prioritas ketua '{key}' tidak dikenal.")


def rank_ketua(
    profile: Profile,
    candidates: Iterable[Candidate],
    owning_unit_ids: Iterable[int] = (),
    *,
    owning_unit_first: bool = True,
) -> KetuaRanking:
    """Rank ketua candidates; every eligible candidate is ranked, the others are excluded with
    the reason. ``owning_unit_ids``: the units of the performance-owning unit (empty for a team
    within one unit). Ties on every criterion are broken by name, then employee id."""
    owning = frozenset(owning_unit_ids)
    eligible_kinds = profile.value("ketua_eligible_kinds")
    eligible_art = cite(profile, "ketua_eligible_kinds")
    priority = list(profile.value("ketua_priority") or [])
    priority_art = cite(profile, "ketua_priority")
    prefer_owning = bool(profile.value("ketua_prefer_owning_unit")) and bool(owning)
    owning_art = cite(profile, "ketua_prefer_owning_unit")

    included, excluded = [], []
    for c in candidates:
        if eligible_kinds is not None and c.kind not in eligible_kinds:
            excluded.append(
                ExcludedCandidate(
                    c,
                    _("%(name)s adalah %(kind)s; ketua tim dapat berasal dari %(kinds)s (%(article)s).")
                    % {
                        "name": c.name,
                        "kind": kind_word(c.kind),
                        "kinds": words(kind_word(k) for k in eligible_kinds),
                        "article": eligible_art,
                    },
                    eligible_art,
                )
            )
        else:
            included.append(c)

    def evaluate(c: Candidate) -> tuple[tuple[int, ...], list[str]]:
        parts: list[tuple[int, str]] = []
        for i, key in enumerate(priority):
            parts.append(_criterion(key, c, f"{priority_art} huruf {LETTERS[i]}"))  # a citation: not translated
        if prefer_owning:
            own = (1, _("Berasal dari unit pemilik kinerja (%(article)s)") % {"article": owning_art}) if (
                c.unit_id in owning) else (
                0, _("Tidak berasal dari unit pemilik kinerja (%(article)s)") % {"article": owning_art})  # fmt: skip
            parts.insert(0 if owning_unit_first else len(parts), own)
        return tuple(v for v, _ in parts), [text for _, text in parts]

    evaluated = [(evaluate(c), c) for c in included]
    evaluated.sort(key=lambda item: (tuple(-v for v in item[0][0]), item[1].name, item[1].employee_id))
    ranked, previous = [], None
    for position, ((score, explanation), c) in enumerate(evaluated, start=1):
        tied = previous is not None and score == previous
        if tied:
            explanation = [
                *explanation,
                _("Sama kuat dengan calon di atasnya menurut kriteria peraturan; urutan menurut nama."),
            ]
        ranked.append(RankedCandidate(c, position, tuple(explanation), score, tied))
        previous = score

    criteria = tuple(priority) if not prefer_owning else (
        ("owning_unit", *priority) if owning_unit_first else (*priority, "owning_unit"))  # fmt: skip
    v = {"priority": priority_art, "owning": owning_art, "profile": profile.name}
    if priority and prefer_owning:
        message = _("Calon ketua diurutkan menurut %(priority)s dan %(owning)s.") % v
    elif priority:
        message = _("Calon ketua diurutkan menurut %(priority)s.") % v
    elif prefer_owning:
        message = _(
            "%(profile)s tidak mengatur urutan prioritas ketua tim; calon hanya diurutkan menurut asal unit pemilik "
            "kinerja (%(owning)s), lalu nama."
        ) % v
    else:
        message = _("%(profile)s tidak mengatur urutan prioritas ketua tim; calon hanya diurutkan menurut nama.") % v
    article = priority_art if priority else (owning_art if prefer_owning else eligible_art)
    return KetuaRanking(tuple(ranked), tuple(excluded), criteria, article, message)
