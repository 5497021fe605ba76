"""The home page by role (PLT-4): what waits for me, my assignments and teams, the staff I
assess with their load, and for the HR administrator the data-quality work of the region.

Each part is a fixed number of queries, whatever the size of the region (tested); lists are
cut at LIMIT with the total shown, so a Sekretaris Daerah of 15,000 employees gets the same page
as a kepala seksi of five."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from sikerja.accounts.access import Actor
from sikerja.accounts.models import Role
from sikerja.assignments import selectors as assignment_selectors
from sikerja.assignments.models import Assignment, Member, Step
from sikerja.organisation.models import Delegation, Employee, Placement, PlacementCheck, Position
from sikerja.organisation.placement_checks import ensure_today

LIMIT = 10
# Who sees the region's data-quality work: the administrators who can fix it.
DATA_QUALITY_ROLES = frozenset({Role.ADMIN_BKPSDM, Role.ADMIN_ORGANISASI})
DELEGATION_HORIZON_DAYS = 7


@dataclass
class StaffRow:
    employee: Employee
    load_percent: float
    overbooked: bool
    late_proposals: int  # proposals naming them still waiting after their start date


@dataclass
class DataQuality:
    without_ppk: int
    empty_positions: int
    ending_delegations: list[Delegation]
    without_login: int


@dataclass
class Dashboard:
    today: dt.date
    waiting: list[Step] = field(default_factory=list)
    waiting_total: int = 0
    current: list[Member] = field(default_factory=list)
    upcoming: list[Member] = field(default_factory=list)
    teams: list[Member] = field(default_factory=list)
    staff: list[StaffRow] | None = None
    staff_total: int = 0
    quality: DataQuality | None = None
    late_reports: int = 0  # pelaksanaan: reports past due that they owe or that are owed to them (TJ-3)


def _waiting(actor: Actor, board: Dashboard) -> None:
    steps = assignment_selectors.steps_to_act(actor)
    board.waiting = list(steps[:LIMIT])  # oldest first: the selector orders by creation
    board.waiting_total = len(board.waiting) if len(board.waiting) < LIMIT else steps.order_by().count()
    assignment_selectors.mark_waiting_since(board.waiting)


def _mine(me: Employee, board: Dashboard) -> None:
    rows = (
        Member.objects.filter(
            employee=me,
            status=Member.Status.DISETUJUI,
            assignment__status=Assignment.Status.DITERBITKAN,
            assignment__ends_on__gte=board.today,
        )
        .select_related("assignment__owning_unit")
        .only(
            "role",
            "hours_per_week",
            "assignment_id",
            "assignment__title",
            "assignment__form",
            "assignment__standing_kind",
            "assignment__starts_on",
            "assignment__ends_on",
            "assignment__owning_unit__name",
            "assignment__letter_id",
        )
        .order_by("assignment__starts_on", "assignment_id")
    )
    for m in rows[: 3 * LIMIT]:
        if m.assignment.standing_kind:
            board.teams.append(m)
        elif m.assignment.starts_on <= board.today:
            board.current.append(m)
        else:
            board.upcoming.append(m)


def _staff(actor: Actor, me: Employee, board: Dashboard) -> None:
    """Those I assess today (my own placements, and those of an official I stand in for)."""
    assessed = Placement.objects.current(board.today).filter(region=actor.region).filter(
        Q(assessor=me) | Q(employee_id__in=actor.acting_report_ids)
    )
    ids = list(assessed.order_by("employee__name", "employee_id").values_list("employee_id", flat=True)[: 5 * LIMIT])
    if not ids:
        return
    board.staff_total = len(ids) if len(ids) < 5 * LIMIT else assessed.count()
    monday = board.today - dt.timedelta(days=board.today.weekday())
    friday = monday + dt.timedelta(days=4)
    loads = assignment_selectors.availability_for(ids, monday, friday, {}, region=actor.region)
    late = dict(
        Member.objects.filter(
            employee_id__in=ids, assignment__status=Assignment.Status.PROSES, assignment__starts_on__lt=board.today
        )
        .values_list("employee_id")
        .annotate(n=Count("assignment_id", distinct=True))
    )
    people = Employee.objects.filter(pk__in=ids).select_related("position", "unit").order_by("name", "pk")
    board.staff = [StaffRow(p, loads[p.pk].load_percent, loads[p.pk].overbooked, late.get(p.pk, 0)) for p in people]


def _without_ppk(region, today) -> int:
    """Active employees without a placement in force: read from the stored kedudukan checks
    (one row per active employee, with the PPK of the placement in force), not by an anti-join
    of every employee against the placements (the largest cost of this page, issue 15 item 2)."""
    ensure_today(region, today)
    return PlacementCheck.objects.filter(region=region, assessor__isnull=True).count()


def _quality(actor: Actor, board: Dashboard) -> DataQuality:
    region, today = actor.region, board.today
    active = Employee.objects.filter(region=region, is_active=True)
    holders = Employee.objects.filter(position=OuterRef("pk"), is_active=True).order_by().values("position")
    return DataQuality(
        without_ppk=_without_ppk(region, today),
        empty_positions=Position.objects.filter(region=region, required__gt=0).filter(~Exists(holders)).count(),
        ending_delegations=list(
            Delegation.objects.running(today)
            .filter(region=region, ends_on__lte=today + dt.timedelta(days=DELEGATION_HORIZON_DAYS))
            .select_related("delegator", "delegate")
            .order_by("ends_on", "pk")[:LIMIT]
        ),
        without_login=active.filter(user__isnull=True).count(),
    )


def dashboard(actor: Actor) -> Dashboard:
    board = Dashboard(today=timezone.localdate())
    me = actor.employee
    if me is not None:
        _waiting(actor, board)
        _mine(me, board)
        _staff(actor, me, board)
        from sikerja.execution.planning_selectors import late_reports_count

        board.late_reports = late_reports_count(actor, board.today)
    if actor.is_superadmin or actor.roles & DATA_QUALITY_ROLES:
        board.quality = _quality(actor, board)
    return board
