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

from sikerja.organisation.choices import JF_LEVEL_CATEGORY, JF_LEVEL_RANK, JfCategory, JfLevel, PositionKind
from sikerja.organisation.rules.golongan import golongan_rank, pangkat_label
from sikerja.organisation.rules.placement import KIND_WORDS

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
    if key == "jf_keahlian":
        if is_jf and c.category == JfCategory.KEAHLIAN:
            return 1, f"JF kategori keahlian ({art})"
        if is_jf:
            return 0, f"JF kategori keterampilan, bukan keahlian ({art})"
        return 0, f"Bukan JF kategori keahlian ({art})"
    if key == "managerial_experience":
        if (is_jf or is_pl) and c.has_managerial_experience:
            return 1, f"Memiliki pengalaman dan/atau kompetensi manajerial ({art})"
        return 0, f"Tidak tercatat memiliki pengalaman/kompetensi manajerial ({art})"
    if key == "highest_jf_level":
        if is_jf:
            return JF_LEVEL_RANK.get(c.jf_level, 0), f"Jenjang JF {_level_word(c.jf_level)} ({art})"
        return 0, f"Bukan JF, jenjang JF tidak dinilai ({art})"
    if key == "highest_pangkat_pelaksana":
        if is_pl:
            return golongan_rank(
                c.status, c.golongan
            ), f"Pelaksana, pangkat {pangkat_label(c.status, c.golongan)} ({art})"
        return 0, f"Bukan pelaksana, pangkat tidak dinilai ({art})"
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
                    f"{c.name} adalah {KIND_WORDS.get(c.kind, c.kind)}; ketua tim dapat berasal dari "
                    f"{words(KIND_WORDS.get(k, k) for k in eligible_kinds)} ({eligible_art}).",
                    eligible_art,
                )
            )
        else:
            included.append(c)

    def evaluate(c: Candidate) -> tuple[tuple[int, ...], list[str]]:
        parts: list[tuple[int, str]] = []
        for i, key in enumerate(priority):
            parts.append(_criterion(key, c, f"{priority_art} huruf {LETTERS[i]}"))
        if prefer_owning:
            own = (1, f"Berasal dari unit pemilik kinerja ({owning_art})") if c.unit_id in owning else (
                0, f"Tidak berasal dari unit pemilik kinerja ({owning_art})")  # fmt: skip
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
                "Sama kuat dengan calon di atasnya menurut kriteria peraturan; urutan menurut nama.",
            ]
        ranked.append(RankedCandidate(c, position, tuple(explanation), score, tied))
        previous = score

    criteria = tuple(priority) if not prefer_owning else (
        ("owning_unit", *priority) if owning_unit_first else (*priority, "owning_unit"))  # fmt: skip
    if priority:
        message = f"Calon ketua diurutkan menurut {priority_art}" + (f" dan {owning_art}." if prefer_owning else ".")
        article = priority_art
    else:
        message = f"{profile.name} tidak mengatur urutan prioritas ketua tim; calon hanya diurutkan menurut " + (
            f"asal unit pemilik kinerja ({owning_art}), lalu nama." if prefer_owning else "nama."
        )
        article = owning_art if prefer_owning else eligible_art
    return KetuaRanking(tuple(ranked), tuple(excluded), criteria, article, message)
