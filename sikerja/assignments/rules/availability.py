"""PEN-14: availability before an assignment (PPU Lampiran huruf B angka 2 huruf b) angka 1)-3)):
time outside the official's own workload, time outside assignments already accepted, and the
relevance of their competences.

Hours are per week. A commitment or request that covers only part of an ISO week counts for the
share of that week's working days (Monday-Friday) it covers. Overbooking is flagged, never
silently allowed: the decision says an override is possible only with a reason.

Where the check comes from is profile data (``assignment_availability``): Perbup Penajam Paser
Utara spells it out (Lampiran huruf B angka 2 huruf b); a region whose regulation is silent cites
the national baseline (PermenPANRB 7/2022) — never another kabupaten's perbup. It never refuses on
its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from sikerja.inputs import shown_date

EPSILON = 1e-9
SETTING = "assignment_availability"


@dataclass(frozen=True)
class AvailabilityRule:
    """What the region's regulation says about availability: the weekly capacity weighed against,
    and the articles that cite the time check and the competence check."""

    capacity_hours_per_week: float
    article: str
    competence_article: str
    from_baseline: bool


def _baseline_rule() -> AvailabilityRule:
    from sikerja.assignments.rules.common import national_baseline

    return availability_rule(national_baseline())


def availability_rule(profile, baseline=None) -> AvailabilityRule:
    """The region's own setting, or the national baseline's where the region is silent."""
    from sikerja.assignments.rules.common import national_baseline

    own = profile.entry(SETTING)
    source = profile
    if own.get("silent") or not own.get("value"):
        source = baseline or national_baseline()
        own = source.entry(SETTING)
    value = own.get("value") or {}

    def cite(article):
        return f"{source.name} {article}".strip() if article and article != source.name else source.name

    return AvailabilityRule(
        capacity_hours_per_week=float(value.get("capacity_hours_per_week", 37.5)),
        article=cite(own.get("article")),
        competence_article=cite(value.get("competence_article") or own.get("article")),
        from_baseline=source is not profile,
    )


@dataclass(frozen=True)
class WeekLoad:
    iso_year: int
    iso_week: int
    monday: dt.date
    own_hours: float
    committed_hours: float
    requested_hours: float
    capacity_hours: float
    free_hours: float  # time left for new work before this request; never negative
    load_percent: float  # (own + committed + requested) / capacity * 100
    overbooked: bool

    @property
    def label(self) -> str:
        """The ISO week as a key (API, tests): 2026-W50."""
        return f"{self.iso_year}-W{self.iso_week:02d}"

    @property
    def words(self) -> str:
        """The week as an official reads it, in the active language: 'pekan 7 Desember 2026'."""
        return _("pekan %(monday)s") % {"monday": shown_date(self.monday)}


def number_words(x: float) -> str:
    """37.5 -> '37,5'; 1200 -> '1.200' (the active language's separators, at most one decimal)."""
    text = f"{x:,.1f}".rstrip("0").rstrip(".")
    decimal, thousands = formats.get_format("DECIMAL_SEPARATOR"), formats.get_format("THOUSAND_SEPARATOR")
    return text.translate(str.maketrans({",": thousands, ".": decimal}))


@dataclass(frozen=True)
class AvailabilityDecision:
    weeks: tuple[WeekLoad, ...]
    worst_week: WeekLoad
    load_percent: float  # of the worst week
    overbooked: bool
    overbooked_weeks: tuple[str, ...]
    article: str
    message: str
    override_allowed_with_reason: bool = True
    requirement: str = "PEN-14"


@dataclass(frozen=True)
class CompetenceMatch:
    score: int  # 0-100
    matched: tuple[str, ...]
    missing: tuple[str, ...]
    article: str
    message: str
    requirement: str = "PEN-14"


def _workdays(start: dt.date, end: dt.date) -> int:
    """Working days (Mon-Fri) in [start, end], both inclusive; 0 if end < start."""
    if end < start:
        return 0
    return sum(1 for i in range((end - start).days + 1) if (start + dt.timedelta(days=i)).weekday() < 5)


def _share(start: dt.date, end: dt.date, monday: dt.date) -> float:
    """The part of the week starting ``monday`` that [start, end] covers, in working days / 5."""
    friday = monday + dt.timedelta(days=4)
    return _workdays(max(start, monday), min(end, friday)) / 5


def _hours(value: float, what: str) -> float:
    value = float(value)
    if value < 0 or value != value:
        raise ValueError(_("Jam %(what)s tidak boleh negatif.") % {"what": _(what)})
    return value


def availability(
    own_workload_hours: float,
    committed: Iterable[tuple[dt.date, dt.date, float]],
    requested_start: dt.date,
    requested_end: dt.date,
    requested_hours_per_week: float,
    rule: AvailabilityRule | None = None,
) -> AvailabilityDecision:
    """Load of each ISO week of the requested period; overbooked where own workload +
    committed assignments + this request exceed the weekly capacity of ``rule`` (the region's,
    from ``availability_rule``; the national baseline's when none is given)."""
    rule = rule or _baseline_rule()
    capacity_hours_per_week, article = rule.capacity_hours_per_week, rule.article
    if requested_end < requested_start:
        raise ValueError(_("Tanggal selesai penugasan mendahului tanggal mulai."))
    if float(capacity_hours_per_week) <= 0:
        raise ValueError(_("Kapasitas jam kerja per minggu harus lebih dari nol."))
    capacity = float(capacity_hours_per_week)
    own = _hours(own_workload_hours, gettext_noop("beban kerja jabatan"))
    requested = _hours(requested_hours_per_week, gettext_noop("penugasan yang diminta"))
    commitments = [(s, e, _hours(h, gettext_noop("penugasan lain"))) for s, e, h in committed]

    weeks: list[WeekLoad] = []
    monday = requested_start - dt.timedelta(days=requested_start.weekday())
    while monday <= requested_end:
        committed_h = sum(h * _share(s, e, monday) for s, e, h in commitments)
        requested_h = requested * _share(requested_start, requested_end, monday)
        total = own + committed_h + requested_h
        iso = monday.isocalendar()
        weeks.append(
            WeekLoad(
                iso.year,
                iso.week,
                monday,
                own,
                round(committed_h, 2),
                round(requested_h, 2),
                capacity,
                round(max(0.0, capacity - own - committed_h), 2),
                round(total / capacity * 100, 1),
                total > capacity + EPSILON,
            )  # fmt: skip
        )
        monday += dt.timedelta(days=7)

    # The worst week is the one with the highest load as shown (rounded); hours break ties, then
    # the earliest week. Ranking by the rounded hours alone could pick a week that shows less.
    worst = max(
        weeks,
        key=lambda w: (w.load_percent, w.own_hours + w.committed_hours + w.requested_hours, -w.monday.toordinal()),
    )
    over = tuple(w.label for w in weeks if w.overbooked)
    values = {
        "capacity": number_words(capacity),
        "weeks": len(over),
        "week": worst.words,
        "load": number_words(worst.load_percent),
        "free": number_words(worst.free_hours),
        "requested": number_words(worst.requested_hours),
        "article": article,
    }
    if over:
        message = (
            _(
                "Beban melebihi kapasitas %(capacity)s jam/minggu pada %(weeks)s minggu; terberat %(week)s: "
                "%(load)s%% (sisa waktu %(free)s jam, diminta %(requested)s jam). "
                "Penugasan hanya dapat dilanjutkan dengan alasan yang dicatat (%(article)s)."
            )
            % values
        )
    else:
        message = (
            _(
                "Tersedia: beban tertinggi %(load)s%% pada %(week)s "
                "(sisa waktu %(free)s jam sebelum penugasan ini; %(article)s)."
            )
            % values
        )
    return AvailabilityDecision(
        tuple(weeks), worst, worst.load_percent, bool(over), over, article, message
    )


def _norm(name: str) -> str:
    return " ".join(str(name).split()).casefold()


def competence_match(
    required: Iterable[str], held: Mapping[str, object], rule: AvailabilityRule | None = None
) -> CompetenceMatch:
    """Share of the required competences the official holds (names compared without case or
    extra spaces; a competence held with an empty level counts as not held)."""
    article = (rule or _baseline_rule()).competence_article
    held_names = {_norm(k) for k, level in held.items() if level not in (None, "", 0)}
    needed = sorted({_norm(r) for r in required if _norm(r)})
    matched = tuple(r for r in needed if r in held_names)
    missing = tuple(r for r in needed if r not in held_names)
    score = 100 if not needed else round(100 * len(matched) / len(needed))
    values = {"score": score, "matched": len(matched), "needed": len(needed), "missing": ", ".join(missing),
              "article": article}  # fmt: skip
    if not needed:
        message = _("Tidak ada kompetensi yang disyaratkan (%(article)s).") % values
    elif missing:
        message = (
            _("Kesesuaian kompetensi %(score)s%%: %(matched)s dari %(needed)s terpenuhi; belum dimiliki: %(missing)s (%(article)s).")
            % values
        )
    else:
        message = _("Kesesuaian kompetensi %(score)s%%: %(matched)s dari %(needed)s terpenuhi (%(article)s).") % values
    return CompetenceMatch(score, matched, missing, article, message)
