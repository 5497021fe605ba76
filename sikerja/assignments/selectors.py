"""Reads of penugasan: availability of officials (PEN-14), the inbox of an actor, the
assignments an actor may see, and the full history of one (MEK-5 transparency). Each runs a
fixed number of queries, whatever the size of the region."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from sikerja.accounts.access import Actor
from sikerja.assignments import officials, rules
from sikerja.assignments.models import Amendment, Assignment, Member, Step
from sikerja.audit.models import Event
from sikerja.organisation.models import Delegation, Employee


def commitments(employee_ids, starts_on: dt.date, ends_on: dt.date, *, exclude_assignment_id=None) -> dict[int, list]:
    """Accepted assignments (issued, the member approved) overlapping the period, per employee:
    (start, end, hours per week). One query."""
    rows = Member.objects.filter(
        employee_id__in=list(employee_ids),
        status=Member.Status.DISETUJUI,
        assignment__status=Assignment.Status.DITERBITKAN,
        assignment__starts_on__lte=ends_on,
        assignment__ends_on__gte=starts_on,
    )
    if exclude_assignment_id:
        rows = rows.exclude(assignment_id=exclude_assignment_id)
    out: dict[int, list] = defaultdict(list)
    for emp, start, end, hours in rows.values_list(
        "employee_id", "assignment__starts_on", "assignment__ends_on", "hours_per_week"
    ):
        out[emp].append((start, end, float(hours)))
    return out


def availability_for(
    employee_ids, starts_on, ends_on, requested_hours: dict[int, float], *, region, exclude_assignment_id=None
):
    """PEN-14 for several officials at once, as the region's regulation weighs it: two queries
    (own workload, commitments)."""
    rule = rules.availability_rule(officials.profile_of(region))
    ids = list(employee_ids)
    own = dict(Employee.objects.filter(pk__in=ids).values_list("pk", "position__workload_hours"))
    committed = commitments(ids, starts_on, ends_on, exclude_assignment_id=exclude_assignment_id)
    return {
        pk: rules.availability(
            float(own.get(pk) or 0),
            committed.get(pk, []),
            starts_on,
            ends_on,
            requested_hours.get(pk, 0),
            rule,
        )
        for pk in ids
    }


# --- who sees what ---------------------------------------------------------------------------
def visible_assignments(actor: Actor) -> QuerySet[Assignment]:
    """Parties to an assignment (initiator, members, officials of its steps, their Plh/Plt) and
    their superiors (the subtree of the owning unit or of a member's unit) see it; region-wide
    roles see all of the region. Nobody sees another region's (policy:
    ``sikerja.accounts.policies``)."""
    return Assignment.objects.restrict(actor, "view")


def get_visible(actor: Actor, assignment_id: int) -> Assignment:
    a = (
        visible_assignments(actor)
        .select_related("owning_unit", "initiated_by__position", "letter", "process")
        .filter(pk=assignment_id)
        .first()
    )
    if a is None:
        raise Http404("Penugasan tidak ditemukan atau di luar cakupan Anda.")
    return a


# --- inbox -------------------------------------------------------------------------------------
@dataclass
class Inbox:
    to_act: list[Step]  # steps waiting for the actor now (or for whom they stand in)
    received: list[Member]  # assignments issued to the actor
    proposed: list[Assignment]  # what the actor started, still in process
    waiting_elsewhere: int

    @property
    def count(self) -> int:
        return len(self.to_act)


def _current_step_q() -> Q:
    earlier = Step.objects.filter(
        assignment=OuterRef("assignment"), order__lt=OuterRef("order"), status=Step.Status.MENUNGGU
    )
    return Q(status=Step.Status.MENUNGGU, assignment__status=Assignment.Status.PROSES) & ~Q(Exists(earlier))


def _addressed_to(actor: Actor) -> Q:
    """Steps of the actor's own office, or of an official they stand in for today as Plh/Plt;
    the delegations are read in a subquery, so a count is one query (the menu badge)."""
    stands_in_for = (
        Delegation.objects.acting()
        .filter(delegate__user=actor.user, delegate__region=actor.region)
        .values("delegator_id")
    )
    return Q(official__user=actor.user, official__region=actor.region) | Q(official_id__in=stands_in_for)


def steps_to_act(actor: Actor) -> QuerySet[Step]:
    if not getattr(actor.user, "is_authenticated", False):
        return Step.objects.none()
    return (
        Step.objects.filter(assignment__region=actor.region)
        .filter(_addressed_to(actor))
        .filter(_current_step_q())
        .select_related("assignment__owning_unit", "assignment__initiated_by", "official", "request_document")
        .order_by("assignment__created_at", "pk")
    )


def inbox(actor: Actor, *, limit: int = 50) -> Inbox:
    me = actor.employee
    if me is None:
        return Inbox([], [], [], 0)
    to_act = list(steps_to_act(actor)[:limit])
    received = list(
        Member.objects.filter(
            employee=me,
            assignment__status__in=(Assignment.Status.DITERBITKAN, Assignment.Status.DICABUT),
            status=Member.Status.DISETUJUI,
        )
        .select_related("assignment__owning_unit", "assignment__letter")
        .order_by("-assignment__closed_at")[:limit]
    )
    proposed = list(
        Assignment.objects.filter(region=actor.region, initiated_by=me, status=Assignment.Status.PROSES)
        .select_related("owning_unit")
        .order_by("-created_at")[:limit]
    )
    return Inbox(to_act, received, proposed, len(proposed))


def mark_waiting_since(steps: list[Step]) -> None:
    """Since when each step waits: the last decision before it in its assignment, else the
    assignment's creation. One query, whatever the number of steps."""
    if not steps:
        return
    decided: dict[int, list[tuple[int, dt.datetime]]] = {}
    for assignment_id, order, at in Step.objects.filter(
        assignment_id__in={s.assignment_id for s in steps}, decided_at__isnull=False
    ).values_list("assignment_id", "order", "decided_at"):
        decided.setdefault(assignment_id, []).append((order, at))
    for s in steps:
        earlier = [at for order, at in decided.get(s.assignment_id, []) if order < s.order]
        s.waiting_since = max(earlier, default=s.assignment.created_at)


def inbox_count(actor: Actor) -> int:
    """One query."""
    return steps_to_act(actor).order_by().count()


# --- one assignment ----------------------------------------------------------------------------
@dataclass
class AssignmentView:
    assignment: Assignment
    members: list[Member]
    steps: list[Step]
    current: list[Step]
    events: list[Event]
    amendments: list[Amendment] = field(default_factory=list)


def assignment_detail(actor: Actor, assignment_id: int) -> AssignmentView:
    a = get_visible(actor, assignment_id)
    members = list(a.members.select_related("employee__position", "employee__unit", "home_unit"))
    steps = list(
        a.steps.select_related(
            "official__position", "decided_by", "on_behalf_of", "document", "request_document", "unit"
        )
        .prefetch_related("members")
    )
    pending = [s for s in steps if s.status == Step.Status.MENUNGGU]
    first = min((s.order for s in pending), default=None)
    current = [s for s in pending if s.order == first] if a.status == Assignment.Status.PROSES else []
    events = list(
        Event.objects.filter(region=actor.region, object_type="assignments.assignment", object_id=str(a.pk))
        .select_related("actor", "on_behalf_of")
        .order_by("at", "pk")
    )
    amendments = list(
        a.amendments.select_related("document", "decided_by", "on_behalf_of")
    )
    return AssignmentView(a, members, steps, current, events, amendments)
