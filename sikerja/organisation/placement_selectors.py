"""Reads for kedudukan: facts for the rules, the region-wide validation report (KED-8), the
candidates an employee may be placed under, and who acts as PPK for whom today.

The report reads the findings the services store for each employee (``placement_checks``):
a fixed handful of queries whatever the region's size, and no rules run on a read.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count, Q, Sum

from sikerja.organisation.choices import PositionKind
from sikerja.organisation.models import (
    Delegation,
    Employee,
    Placement,
    PlacementCheck,
    PlacementFinding,
    Position,
    Unit,
)
from sikerja.organisation.placement_checks import ensure_today
from sikerja.organisation.rules.placement import (
    UNKNOWN,
    Finding,
    Holder,
    OrgFacts,
    Profile,
    judge,
    pattern_key_for,
)


def profile_of(region) -> Profile:
    return Profile(name=region.profile.name, settings=region.profile.settings)


def org_facts(region) -> OrgFacts:
    units = list(Unit.objects.filter(region=region).values_list("pk", "parent_id", "name", "unit_type"))
    parent = {pk: parent_id for pk, parent_id, _, _ in units}
    utype = {pk: t for pk, _, _, t in units}
    has_pengawas: set[int] = set()
    position_units = dict(
        Position.objects.filter(region=region)
        .values("unit_id")
        .annotate(pengawas=Count("pk", filter=Q(kind=PositionKind.PENGAWAS)))
        .values_list("unit_id", "pengawas")
    )
    for unit_id in {u for u, n in position_units.items() if n}:
        node = unit_id
        while node is not None and node not in has_pengawas:  # the pengawas serves every unit above it
            has_pengawas.add(node)
            node = parent.get(node)
    patterns = profile_of(region).value("unit_patterns")
    facts = OrgFacts(parent=parent, unit_name={pk: n for pk, _, n, _ in units}, has_pengawas=frozenset(has_pengawas))
    keys = {pk: pattern_key_for([utype[u] for u in facts.chain(pk)], patterns) for pk in parent} if patterns else {}
    return OrgFacts(
        parent=parent, unit_name=facts.unit_name, has_pengawas=facts.has_pengawas, pattern_key=keys,
        has_positions=frozenset(position_units),
    )


def holders(region, employee_ids=None) -> dict[int, Holder]:
    """Every active employee as the rules see them; one without a recorded position (a unit
    without a peta jabatan, PPU Ps 7(4)) has the kind ``UNKNOWN`` and is judged by the chart."""
    qs = Employee.objects.filter(region=region, is_active=True)
    if employee_ids is not None:
        qs = qs.filter(pk__in=employee_ids)
    rows = qs.values_list(
        "pk", "name", "position__kind", "position__jf_level", "unit_id", "position__is_leader", "unit__is_mandiri"
    )
    return {
        pk: Holder(
            pk, name, kind or UNKNOWN, level or "", unit_id, leads_mandiri=bool(leader and mandiri),
            leads_unit=bool(leader),
        )
        for pk, name, kind, level, unit_id, leader, mandiri in rows
    }


def running_delegations(region, on: dt.date | None = None):
    return Delegation.objects.filter(region=region).running(on)


def authority_delegates(region, on: dt.date | None = None) -> set[int]:
    """Employees holding a running delegation of PPK authority (KED-5)."""
    return set(
        running_delegations(region, on).filter(kind=Delegation.Kind.AUTHORITY).values_list("delegate_id", flat=True)
    )


@dataclass
class ReportRow:
    employee_id: int
    employee_name: str
    nip: str
    position: str
    unit_id: int
    unit_name: str
    pd_name: str
    assessor_id: int | None
    assessor_name: str
    findings: list[Finding]


@dataclass
class AssessorLoad:
    employee_id: int
    name: str
    position: str
    unit_name: str
    span: int
    workload: int


@dataclass
class LimitedRow:
    """Someone the rules could check only in part, or not at all, and why (issue 9 item 9)."""

    employee_id: int
    employee_name: str
    nip: str
    unit_name: str
    pd_name: str
    reason: str


@dataclass
class ValidationReport:
    profile_name: str
    judged: int  # every JF, pelaksana and employee without a recorded position in scope
    rows: list[ReportRow]
    loads: dict[int, AssessorLoad]
    by_requirement: Counter = field(default_factory=Counter)
    limited: list[LimitedRow] = field(default_factory=list)
    structural: int = 0  # managerial officials in scope: the rules place JF and pelaksana only
    page: object = None  # the Paginator page of ``rows`` when the report was read by page
    violations: int = 0  # employees with findings in scope (all pages)

    @property
    def counts(self) -> list[tuple[str, int]]:
        """(label, count) per kind of finding, as an official reads it."""
        from sikerja.organisation.rules.placement import Finding

        return sorted((Finding(req, "", "").label, n) for req, n in self.by_requirement.items())

    @property
    def total(self) -> int:
        return self.judged + self.structural

    def grouped(self) -> list[tuple[str, list[tuple[str, list[ReportRow]]]]]:
        """Rows grouped by perangkat daerah, then unit, both in name order."""
        tree: dict[str, dict[str, list[ReportRow]]] = defaultdict(lambda: defaultdict(list))
        for row in self.rows:
            tree[row.pd_name][row.unit_name].append(row)
        return [(pd, sorted(units.items())) for pd, units in sorted(tree.items())]


REPORT_PAGE = 200  # rows with findings per page of the report


def validation_report(actor, page: int | None = None) -> ValidationReport:
    """Every active employee of the actor's scope is counted: JF and pelaksana are judged against
    the region's profile, and so is everyone without a recorded position (by the organisation
    chart, PPU Ps 7(4)), who is also listed with what could not be checked; managerial officials
    are counted as not subject to the placement rules.

    A read of the stored findings (issue 15 item 1, ``placement_checks``), scoped first: a
    fixed handful of queries whatever the region's size. ``page`` cuts the rows with findings
    to one page of ``REPORT_PAGE`` (``report.page``); without it every row is read (exports).
    """
    region = actor.region
    ensure_today(region)
    checks = PlacementCheck.objects.filter(region=region)
    found = PlacementFinding.objects.filter(region=region)
    scope = actor.scope_unit_ids
    if scope is not None:
        checks, found = checks.filter(unit_id__in=scope), found.filter(unit_id__in=scope)
    totals = checks.aggregate(judged=Count("pk", filter=Q(structural=False)), structural=Count("pk", filter=Q(structural=True)))
    counter = Counter(dict(found.values("requirement").annotate(n=Count("pk")).values_list("requirement", "n")))
    bad = (
        checks.filter(has_findings=True)
        .order_by("unit__perangkat_daerah__name", "unit__name", "employee__name", "employee_id")
        .values_list(
            "employee_id", "employee__name", "employee__nip", "employee__position__name", "unit_id", "unit__name",
            "unit__perangkat_daerah__name", "assessor_id", "assessor__name",
        )
    )
    paged = None
    if page is not None:
        paged = Paginator(bad, REPORT_PAGE).get_page(page)
        bad = paged.object_list
    bad = list(bad)
    by_employee = defaultdict(list)
    for employee_id, requirement, article, message in found.filter(employee_id__in=[r[0] for r in bad]).values_list(
        "employee_id", "requirement", "article", "message"
    ):
        by_employee[employee_id].append(Finding(requirement, article, message))
    rows = [
        ReportRow(
            pk, name, nip, position_name or "(jabatan belum tercatat)", unit_id, unit_name or "", pd_name or "",
            assessor_id, assessor_name or "", by_employee[pk],
        )
        for pk, name, nip, position_name, unit_id, unit_name, pd_name, assessor_id, assessor_name in bad
    ]
    limited = [
        LimitedRow(*row[:3], row[3] or "", row[4] or "", row[5])
        for row in checks.exclude(limitation="")
        .order_by("employee__name", "employee_id")
        .values_list("employee_id", "employee__name", "employee__nip", "unit__name", "unit__perangkat_daerah__name", "limitation")
    ]
    loads = assessor_loads(region, [r.assessor_id for r in rows])
    violations = paged.paginator.count if paged is not None else len(rows)
    return ValidationReport(
        region.profile.name, totals["judged"], rows, loads, counter, limited, totals["structural"], paged, violations
    )


def assessor_loads(region, assessor_ids, on: dt.date | None = None) -> dict[int, AssessorLoad]:
    """Span of control (direct reports) and workload beside each assessor (BU Ps 17(2)).

    Workload is read from the peta jabatan: the JF and pelaksana posts (kebutuhan) of the
    unit the assessor sits in — the load of work the regulation weighs against the span.
    """
    ids = {i for i in assessor_ids if i}
    if not ids:
        return {}
    span = Counter(
        dict(
            Placement.objects.filter(assessor_id__in=ids)
            .current(on)
            .values("assessor_id")
            .annotate(n=Count("id"))
            .values_list("assessor_id", "n")
        )
    )
    people = list(Employee.objects.filter(pk__in=ids).values_list("pk", "name", "position__name", "unit_id", "unit__name"))
    unit_ids = {u for _, _, _, u, _ in people}
    load = dict(
        Position.objects.filter(unit_id__in=unit_ids, kind__in=[PositionKind.FUNGSIONAL, PositionKind.PELAKSANA])
        .values("unit_id")
        .annotate(n=Sum("required"))
        .values_list("unit_id", "n")
    )
    return {
        pk: AssessorLoad(pk, name, pos or "", unit_name or "", span.get(pk, 0), load.get(unit_id, 0))
        for pk, name, pos, unit_id, unit_name in people
    }


@dataclass
class Candidate:
    holder: Holder
    position: str
    unit_name: str
    findings: list[Finding]
    delegated: bool

    @property
    def allowed(self) -> bool:
        return not self.findings


def assessor_candidates(region, employee: Employee, on: dt.date | None = None) -> list[Candidate]:
    """Officials in the employee's line (own unit and every unit above it) who could be PPK,
    each judged: the allowed ones first, the others with the articles that exclude them."""
    org = org_facts(region)
    chain = org.chain(employee.unit_id)
    delegates = authority_delegates(region, on)
    pool = Employee.objects.filter(region=region, is_active=True, unit_id__in=chain).filter(
        Q(position__kind__in=[k for k in PositionKind.values if k not in ("fungsional", "pelaksana")])
        | Q(position__is_leader=True)
        | Q(pk__in=delegates)
    ).exclude(pk=employee.pk)
    meta = {pk: (pos, unit) for pk, pos, unit in pool.values_list("pk", "position__name", "unit__name")}
    people = holders(region, list(meta) + [employee.pk])
    subject = people.get(employee.pk)
    if subject is None:  # no longer active: nobody is to be placed over them
        return []
    profile = profile_of(region)
    candidates = [
        Candidate(h, meta[pk][0] or "", meta[pk][1] or "", judge(subject, h, org, profile, delegated=pk in delegates), pk in delegates)
        for pk, h in people.items()
        if pk != employee.pk
    ]
    depth = {unit_id: i for i, unit_id in enumerate(chain)}
    candidates.sort(key=lambda c: (not c.allowed, depth.get(c.holder.unit_id, 99), c.holder.name))
    return candidates


def acting_for(employee: Employee | None, on: dt.date | None = None) -> list[Delegation]:
    """Plh/Plt delegations the employee holds today: they act as PPK for the delegators' reports."""
    if employee is None:
        return []
    return list(
        running_delegations(employee.region, on)
        .filter(delegate=employee, kind__in=[Delegation.Kind.PLH, Delegation.Kind.PLT])
        .select_related("delegator", "delegator__position")
    )


def ppk_authority(acting: Employee, subject: Employee, on: dt.date | None = None) -> tuple[bool, Employee | None]:
    """May ``acting`` act as PPK for ``subject`` today, and on whose behalf?

    Returns (True, None) for the subject's own PPK, (True, delegator) when acting as Plh/Plt
    of the subject's PPK — every action is then recorded as on behalf of the delegator.
    """
    placement = Placement.objects.filter(employee=subject).current(on).first()
    if placement is None:
        return False, None
    if placement.assessor_id == acting.pk:
        return True, None
    for delegation in acting_for(acting, on):
        if delegation.delegator_id == placement.assessor_id:
            return True, delegation.delegator
    return False, None
