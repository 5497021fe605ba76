"""Reads for choosing people: the candidate search of a leader (PEN-14) and the ketua ranking of
a proposed team (PEN-11). Selectors only; nothing here writes.

``search_candidates`` lets a leader look across the whole region for officials who hold the
competences a piece of work needs and still have time for it (PPU Lampiran huruf B angka 2
huruf b) angka 1)-3)). Filtering, competence matching, an estimate of the hours already
committed, ordering and paging all run in the database, so the cost does not grow with the
size of the region beyond what the database itself must scan; only the rows of one page are
then judged exactly, week by week, with the pure rules (``rules.availability``,
``rules.competence_match``) in a fixed number of further queries.

The search looks across the whole region, but personal data stays in scope (issue 9 item 16,
sikerja.accounts.access): a row of someone outside the leader's scope carries name, position,
unit, load and competence match only — no NIP (it encodes birth date and sex) and no list of
held competences — and a NIP typed as the search term finds only people in scope.
``search_candidates`` does not check who may search: every caller first checks
``may_search_candidates``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.db.models import Count, DecimalField, F, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce, Lower
from django.utils.translation import gettext as _

from sikerja.accounts.access import Actor
from sikerja.accounts.models import Role
from sikerja.assignments import officials, rules, selectors, services
from sikerja.assignments.models import Assignment, Member
from sikerja.organisation.choices import PositionKind
from sikerja.organisation.models import Competence, Employee, EmployeeCompetence, Unit

DEFAULT_KINDS = (PositionKind.FUNGSIONAL, PositionKind.PELAKSANA)
MAX_LIMIT = 100
MAX_COMPETENCES = 30
MAX_QUERY_LENGTH = 100
MAX_PERIOD_DAYS = 5 * 366  # as services._period: an assignment lasts at most five years
MAX_HOURS = 60
MAX_RANKED = 100
SEARCH_ROLES = frozenset({Role.PPK, Role.PIMPINAN_UNIT, Role.KEPALA_PD, Role.SEKDA})

_HOURS = DecimalField(max_digits=8, decimal_places=1)


@dataclass(frozen=True)
class CandidateRow:
    employee: Employee  # with position and unit loaded
    unit_name: str
    position_name: str
    own_hours: float  # Position.workload_hours (ABK), 0 when not measured
    own_hours_known: bool
    committed_hours: float  # peak per week of accepted assignments over the period
    competences: tuple[str, ...]  # held competences (names), for display; empty out of scope
    match: rules.CompetenceMatch
    availability: rules.AvailabilityDecision  # for the requested hours over the period
    overbooked: bool
    in_scope: bool = True  # the actor may see this person's personal data (access.Actor.sees_employee)
    nip: str | None = None  # None out of scope

    @property
    def employee_id(self) -> int:
        return self.employee.pk


@dataclass(frozen=True)
class CandidatePage:
    rows: list[CandidateRow]
    total: int
    limit: int
    offset: int

    @property
    def has_next(self) -> bool:
        return self.offset + len(self.rows) < self.total

    @property
    def has_previous(self) -> bool:
        return self.offset > 0


# --- who may search --------------------------------------------------------------------------
def may_search_candidates(actor: Actor) -> bool:
    """Leaders choose people (PEN-14): an official in a leading position, whoever holds a role
    of PPK, pimpinan unit, kepala PD or Sekda, an organisation admin, or whoever stands in today
    (Plh/Plt) for an official."""
    if actor.can_administer_org or actor.roles & SEARCH_ROLES:
        return True
    me = actor.employee
    if me is None:
        return False
    if me.position_id and me.position.is_leader:
        return True
    return bool(officials.delegator_ids(me))


SEARCH_REFUSED = (
    "Pencarian dan pemilihan calon hanya untuk pimpinan unit, PPK, kepala perangkat daerah, Sekretaris Daerah, "
    "admin organisasi, atau Plh./Plt. mereka."
)


def require_search(actor: Actor) -> None:
    """The one guard of candidate search, the member picker and the ketua ranking; the
    functions below call it themselves so that no caller can forget it."""
    if not may_search_candidates(actor):
        raise PermissionDenied(_(SEARCH_REFUSED))


# --- input checks ----------------------------------------------------------------------------
def _int(value, message: str) -> int:
    if isinstance(value, bool):
        raise ValidationError(message)
    if isinstance(value, int):
        return value
    text = str(value).strip() if isinstance(value, str) else ""
    if not text.lstrip("-").isdigit():
        raise ValidationError(message)
    return int(text)


def _period(starts_on, ends_on) -> None:
    if not isinstance(starts_on, dt.date) or not isinstance(ends_on, dt.date):
        raise ValidationError(_('Periode penugasan (tanggal mulai dan selesai) wajib diisi.'))
    if ends_on < starts_on:
        raise ValidationError(_('Tanggal selesai penugasan mendahului tanggal mulai.'))
    if (ends_on - starts_on).days > MAX_PERIOD_DAYS:
        raise ValidationError(_('Periode penugasan paling lama lima tahun.'))


def _requested_hours(value) -> float:
    try:
        hours = float(value)
    except (TypeError, ValueError) as exc:
        raise ValidationError(_('Jam per minggu harus berupa angka.')) from exc
    if hours != hours or hours < 0 or hours > MAX_HOURS:
        raise ValidationError(_('Jam per minggu harus antara 0 dan %(max_hours)s.') % {"max_hours": MAX_HOURS})
    return hours


def _competence_names(values) -> list[str]:
    if isinstance(values, str):
        values = values.replace(";", ",").split(",")
    seen: dict[str, str] = {}
    for v in values or ():
        name = " ".join(str(v).split())
        if name:
            seen.setdefault(name.lower(), name)
    if len(seen) > MAX_COMPETENCES or any(len(n) > 150 for n in seen.values()):
        raise ValidationError(_('Kompetensi paling banyak %(max_competences)s butir, masing-masing 150 karakter.') % {"max_competences": MAX_COMPETENCES})
    return list(seen.values())


def _kinds(values) -> list[str]:
    kinds = list(dict.fromkeys(str(k) for k in (values or ())))
    if not kinds:
        raise ValidationError(_('Pilih paling sedikit satu jenis jabatan.'))
    unknown = [k for k in kinds if k not in PositionKind.values]
    if unknown:
        raise ValidationError(_('Jenis jabatan tidak dikenal: %(unknown)s.') % {"unknown": ', '.join(unknown)})
    return kinds


def _subtree_ids(actor: Actor, unit_id, *, label: str) -> list[int]:
    """The unit and everything below it, of the actor's region only; one query. An unknown
    unit, or one of another region, is refused (nothing tells the two apart)."""
    pk = _int(unit_id, _("%(label)s tidak ditemukan di pemerintah daerah ini.") % {"label": label})
    ids = list(
        Unit.objects.tree_filter(region=actor.region)
        .descendants(Unit(pk=pk), include_self=True)
        .values_list("pk", flat=True)
    )
    if pk not in ids:
        raise ValidationError(_('%(label)s tidak ditemukan di pemerintah daerah ini.') % {"label": label})
    return ids


# --- the search ------------------------------------------------------------------------------
def _committed_estimate(starts_on: dt.date, ends_on: dt.date):
    """Sum of the weekly hours of every accepted assignment overlapping the period: an upper
    bound of the peak week, good enough to order by; the page is then judged week by week."""
    hours = (
        Member.objects.filter(
            employee_id=OuterRef("pk"),
            status=Member.Status.DISETUJUI,
            assignment__status=Assignment.Status.DITERBITKAN,
            assignment__starts_on__lte=ends_on,
            assignment__ends_on__gte=starts_on,
        )
        .order_by()
        .values("employee_id")
        .annotate(total=Sum("hours_per_week"))
        .values("total")
    )
    return Coalesce(Subquery(hours, output_field=_HOURS), Value(Decimal(0)), output_field=_HOURS)


def resolve_competences(region, names: list[str]) -> list[str]:
    """What the leader typed, as the region's competence names: an exact name (any case) stays;
    otherwise every competence whose name contains the words typed ("analisis data" finds
    "Analisis Data dan Statistik"); a term nothing matches is kept as typed, and shows as
    missing. One query: a region knows a few hundred competences, not thousands."""
    if not names:
        return []
    known = list(Competence.objects.filter(region=region).values_list("name", flat=True).distinct())
    out: dict[str, str] = {}
    for typed in names:
        key = _key(typed)
        exact = [n for n in known if _key(n) == key]
        partial = exact or [n for n in known if all(word in _key(n) for word in key.split())]
        for name in partial or [typed]:
            out.setdefault(_key(name), name)
    return list(out.values())


def wanted_competences(region, names: list[str]) -> dict[int, str]:
    """The region's competences with one of these names, compared without case: {id: name in
    lower case}. One query."""
    if not names:
        return {}
    return dict(
        Competence.objects.filter(region=region)
        .annotate(lname=Lower("name"))
        .filter(lname__in=[n.lower() for n in names])
        .values_list("pk", "lname")
    )


def _match_count(wanted: dict[int, str]):
    """How many of the wanted competences the employee holds (a name the region spells in two
    cases counts once)."""
    counted = Count("competence_id") if len(set(wanted.values())) == len(wanted) else Count(
        Lower("competence__name"), distinct=True
    )  # fmt: skip
    held = (
        EmployeeCompetence.objects.filter(employee_id=OuterRef("pk"), competence_id__in=list(wanted), level__gt=0)
        .order_by()
        .values("employee_id")
        .annotate(n=counted)
        .values("n")
    )
    return Coalesce(Subquery(held), Value(0))


def candidate_queryset(
    actor: Actor,
    *,
    wanted: dict[int, str] | None,
    unit_ids: list[int] | None,
    q: str,
    kinds: list[str],
    starts_on: dt.date,
    ends_on: dt.date,
) -> tuple[QuerySet[Employee], QuerySet[Employee]]:
    """(filtered, annotated and ordered): the first to count, the second to page. ``wanted``:
    the competences required (``wanted_competences``), None when none are. Inputs are assumed
    checked (``search_candidates`` does it)."""
    # The joined position is filtered by region too (always true, as employees hold posts of their
    # own region): without it PostgreSQL hashes every region's positions, so a page of one
    # region grows with the number of regions in the database (issue 15, 20 regions).
    qs = Employee.objects.filter(
        region=actor.region, is_active=True, position__kind__in=kinds, position__region=actor.region
    )
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    if q:
        nip = q.replace(" ", "")
        cond = Q(name__icontains=q)
        if nip.isdigit():
            # A NIP prefix search finds people in scope only: otherwise digit by digit it would
            # reveal the NIP (birth date, sex) of anyone in the region.
            cond |= Q(nip__startswith=nip) & Q(pk__in=actor.employees().values("pk"))
        qs = qs.filter(cond)
    ordering = []
    annotated = qs
    if wanted is not None:
        holders = EmployeeCompetence.objects.filter(competence_id__in=list(wanted), level__gt=0).values("employee_id")
        qs = qs.filter(pk__in=holders)
        annotated = qs.annotate(matches=_match_count(wanted))
        ordering.append(F("matches").desc())
    annotated = annotated.annotate(
        load_estimate=Coalesce(F("position__workload_hours"), Value(Decimal(0)), output_field=_HOURS)
        + _committed_estimate(starts_on, ends_on),
    )
    ordering += [F("load_estimate").asc(), F("name").asc(), F("pk").asc()]
    return qs, annotated.order_by(*ordering)


# PostgreSQL plans the two cut subqueries as hashed subplans and gains when no competence is
# asked (50k region: 122 -> 70 ms unfiltered); with competences the holders filter already
# makes the match set small and the extra cut cost more (73 -> 98 ms), and SQLite scans the
# whole match set for the OR of the two IN lists (slower at 5k): those keep ranking every
# match. Same rows either way (test_candidates_bounded).
BOUNDED_VENDORS = frozenset({"postgresql"})


def _bounded(filtered, ordered, wanted, starts_on: dt.date, ends_on: dt.date, n: int) -> QuerySet[Employee]:
    """``ordered`` cut to at most 2n people that surely hold its first n rows (issue 15 item 3).

    The load estimate is a correlated subquery; computed for every match it made an unfiltered
    search cost as much as the region is large. Only people with an accepted, issued assignment
    in the period ("busy") have a committed load; for everyone else the estimate is the
    position's own workload, a plain column. So the first n of the whole order are among the
    first n free people ordered by that column (no subquery) and the first n busy people (the
    subquery runs for busy people only). The page query then orders those 2n exactly as before:
    same rows, same order, same database collation. Both cuts are subqueries of the page query,
    so the query count does not change."""
    busy_ids = Member.objects.filter(
        employee__isnull=False,  # NOT IN over a NULL would exclude everyone
        status=Member.Status.DISETUJUI,
        assignment__status=Assignment.Status.DITERBITKAN,
        assignment__starts_on__lte=ends_on,
        assignment__ends_on__gte=starts_on,
    ).values("employee_id")
    own = Coalesce(F("position__workload_hours"), Value(Decimal(0)), output_field=_HOURS)
    free = filtered.exclude(pk__in=busy_ids)
    free_order = [own.asc(), F("name").asc(), F("pk").asc()]
    if wanted is not None:
        free = free.annotate(matches=_match_count(wanted))
        free_order.insert(0, F("matches").desc())
    first_free = free.order_by(*free_order).values("pk")[:n]
    first_busy = ordered.filter(pk__in=busy_ids).values("pk")[:n]
    return ordered.filter(Q(pk__in=first_free) | Q(pk__in=first_busy))


def search_candidates(
    actor: Actor,
    *,
    competences: Iterable[str] = (),
    unit_id: int | None = None,
    q: str = "",
    kinds: Iterable[str] = DEFAULT_KINDS,
    starts_on: dt.date,
    ends_on: dt.date,
    hours_per_week: float = 8,
    limit: int = 20,
    offset: int = 0,
) -> CandidatePage:
    """Active officials of the actor's region whose position kind is one of ``kinds`` (JF and
    pelaksana by default, PEN-1), optionally within the subtree of ``unit_id``, matching ``q``
    (name contains, or NIP starts with) and, when ``competences`` are given, holding at least
    one of them. Ordered by the number of required competences held (most first), then by the
    estimated load over the period (own workload + accepted assignments; least first), then by
    name. Each row of the page carries the exact week-by-week availability for
    ``hours_per_week`` over the period and the competence match.

    Queries: at most seven, whatever the size of the region (unit subtree, required
    competences (resolved, then their ids), count, page, commitments of the page, competences of the
    page), plus the scope of a scoped actor, read once per actor (sikerja.accounts.access). The
    search is refused (PermissionDenied) to whoever may not choose people."""
    require_search(actor)
    _period(starts_on, ends_on)
    hours = _requested_hours(hours_per_week)
    names = _competence_names(competences)
    kinds = _kinds(kinds)
    q = " ".join(str(q or "").split())
    if len(q) > MAX_QUERY_LENGTH:
        raise ValidationError(_('Kata pencarian paling panjang %(max_query_length)s karakter.') % {"max_query_length": MAX_QUERY_LENGTH})
    limit = min(max(_int(limit, _("Batas baris harus berupa angka.")), 1), MAX_LIMIT)
    offset = max(_int(offset, _("Posisi awal harus berupa angka.")), 0)
    unit_ids = _subtree_ids(actor, unit_id, label=_("Unit")) if unit_id not in (None, "") else None

    names = resolve_competences(actor.region, names)
    wanted = wanted_competences(actor.region, names) if names else None
    if wanted == {}:  # nobody in the region can hold a competence the region does not know
        return CandidatePage([], 0, limit, offset)
    counted, ordered = candidate_queryset(
        actor, wanted=wanted, unit_ids=unit_ids, q=q, kinds=kinds, starts_on=starts_on, ends_on=ends_on
    )
    total = counted.count()
    if total == 0 or offset >= total:
        return CandidatePage([], total, limit, offset)
    if wanted is None and connection.vendor in BOUNDED_VENDORS:
        ordered = _bounded(counted, ordered, wanted, starts_on, ends_on, offset + limit)
    page = list(ordered.select_related("position", "unit")[offset : offset + limit])
    return CandidatePage(_judge(actor, page, names, starts_on, ends_on, hours), total, limit, offset)


def _judge(actor: Actor, page: list[Employee], names: list[str], starts_on, ends_on, hours: float) -> list[CandidateRow]:
    """Exact availability and competence match of one page: two queries (and, for a scoped
    actor, the scope itself, read once per actor)."""
    ids = [e.pk for e in page]
    rule = rules.availability_rule(officials.profile_of(actor.region))
    committed = selectors.commitments(ids, starts_on, ends_on)
    held: dict[int, dict[str, int]] = defaultdict(dict)
    for emp_id, name, level in EmployeeCompetence.objects.filter(employee_id__in=ids).values_list(
        "employee_id", "competence__name", "level"
    ):
        held[emp_id][name] = level
    rows = []
    for e in page:
        position = e.position
        own_known = position is not None and position.workload_hours is not None
        own = float(position.workload_hours) if own_known else 0.0
        decision = rules.availability(own, committed.get(e.pk, []), starts_on, ends_on, hours, rule)
        in_scope = actor.sees_employee(e)
        rows.append(
            CandidateRow(
                employee=e,
                unit_name=e.unit.name if e.unit_id else "",
                position_name=position.name if position else "",
                own_hours=own,
                own_hours_known=own_known,
                committed_hours=max((w.committed_hours for w in decision.weeks), default=0.0),
                competences=tuple(sorted(k for k, level in held[e.pk].items() if level)) if in_scope else (),
                match=_match(names, held[e.pk], rule),
                availability=decision,
                overbooked=decision.overbooked,
                in_scope=in_scope,
                nip=e.nip if in_scope else None,
            )
        )
    return rows


def _key(name: str) -> str:
    return " ".join(str(name).split()).casefold()


def _match(required: list[str], held: dict[str, int], rule=None) -> rules.CompetenceMatch:
    """``rules.competence_match``, with the names spelled as the region records them (held) or
    as the leader typed them (missing) rather than in the rule's lower-case comparison form."""
    match = rules.competence_match(required, held, rule)
    spelling = {_key(n): n for n in required} | {_key(n): n for n in held}
    matched = tuple(spelling.get(n, n) for n in match.matched)
    missing = tuple(spelling.get(n, n) for n in match.missing)
    message = match.message
    if match.missing:
        # The rule's message lists the lower-case forms; show the names as spelled (any language).
        message = message.replace(", ".join(match.missing), ", ".join(missing))
    return replace(match, matched=matched, missing=missing, message=message)


# --- ketua ranking ---------------------------------------------------------------------------
def ketua_ranking(actor: Actor, employee_ids: Iterable[int], owning_unit_id: int | None) -> rules.KetuaRanking:
    """PEN-11: the candidates ranked for ketua under the region's profile, each position
    explained with its article; those who may not lead a team are listed as excluded with the
    reason. ``owning_unit_id``: the performance-owning unit of a cross-unit team (its subtree
    counts as the owning unit); None for a team within one unit. At most three queries."""
    require_search(actor)
    ids = list(dict.fromkeys(_int(i, _("Pegawai yang dipilih tidak dikenal.")) for i in (employee_ids or ())))
    if not ids:
        raise ValidationError(_('Pilih paling sedikit satu calon ketua.'))
    if len(ids) > MAX_RANKED:
        raise ValidationError(_('Paling banyak %(max_ranked)s calon ketua sekaligus.') % {"max_ranked": MAX_RANKED})
    people = {
        e.pk: e
        for e in Employee.objects.filter(region=actor.region, is_active=True, pk__in=ids).select_related("position")
    }
    if len(people) != len(ids):
        raise ValidationError(_('Pegawai yang dipilih tidak ditemukan di pemerintah daerah ini atau tidak aktif.'))
    owning = (
        _subtree_ids(actor, owning_unit_id, label="Unit pemilik kinerja") if owning_unit_id not in (None, "") else []
    )
    candidates = [services.candidate_of(people[i]) for i in ids]
    return rules.rank_ketua(officials.profile_of(actor.region), candidates, owning_unit_ids=owning)
