"""A ``Work`` for every issued assignment, with its reporting dues (TJ-3).

The assignments app is not touched: a receiver of the audit event ``assignment.issued`` creates
the work inside the issuing transaction, and ``work_for`` creates it lazily for an assignment
issued before this app existed (or whose receiver failed), so either path yields one row.

Where the profile orders planning first (PPU Ps 5(1)) a work starts in *perencanaan* and moves to
*pelaksanaan* when its activity and budget plan is approved (``services.plans``); elsewhere it
starts in *pelaksanaan* and the plan is optional."""

from __future__ import annotations

import logging

from django.db import IntegrityError, transaction
from django.utils.translation import gettext

from sikerja.assignments.models import Assignment, Member
from sikerja.audit.services import record_event
from sikerja.execution import rules
from sikerja.execution.models import ReportDue, Work

log = logging.getLogger(__name__)


def _lead_of(assignment: Assignment):
    """The ketua of a team (PEN-10), the assignee of an individual assignment."""
    members = [
        m
        for m in assignment.members.filter(status=Member.Status.DISETUJUI, employee__isnull=False).select_related(
            "employee"
        )
    ]
    if assignment.is_team:
        ketua = next((m for m in members if m.role == Member.Role.KETUA), None)
        return ketua.employee if ketua else None, members
    return (members[0].employee if members else None), members


def work_for(assignment: Assignment, *, actor_user=None) -> Work | None:
    """The work of an issued assignment, created with its dues when first needed. None for an
    assignment that is not issued or has nobody to lead it (an external-only team)."""
    existing = Work.objects.filter(assignment=assignment).first()
    if existing is not None or assignment.status != Assignment.Status.DITERBITKAN:
        return existing
    lead, members = _lead_of(assignment)
    if lead is None:
        return None
    from sikerja.assignments import officials
    from sikerja.execution.models import StrategyAssignment
    from sikerja.execution.rules.planning import plan_first

    proposed = StrategyAssignment.objects.filter(assignment=assignment).select_related("strategy").first()
    # PPU Ps 5(1): where planning comes first, the work starts in perencanaan (plan to approve).
    first = plan_first(officials.profile_of(assignment.region)).required
    try:
        with transaction.atomic():
            work = Work.objects.create(
                region=assignment.region,
                assignment=assignment,
                owning_unit=assignment.owning_unit,
                lead=lead,
                is_team=assignment.is_team,
                target_id=proposed.strategy.target_id if proposed else None,
                strategy=proposed.strategy if proposed else None,
                status=Work.Status.PERENCANAAN if first else Work.Status.PELAKSANAAN,
                starts_on=assignment.starts_on,
                ends_on=assignment.ends_on,
            )
            create_dues(work, [m.employee for m in members])
            record_event(
                region=assignment.region,
                actor=actor_user,
                verb="work.created",
                obj=work,
                changes={"assignment": assignment.pk, "period": work.period},
            )
    except IntegrityError:  # created at the same moment by another request: take that one
        return Work.objects.filter(assignment=assignment).first()
    return work


def create_dues(work: Work, people) -> None:
    """A report falls due at the end of each reporting period (TJ-3): from the lead (ketua or
    individual assignee) and, in a team, from each member to the ketua (TJ-2)."""
    spans = rules.periods(work.starts_on, work.ends_on, work.period)
    owers = {work.lead_id} | {p.pk for p in people if work.is_team}
    ReportDue.objects.bulk_create(
        [
            ReportDue(work=work, owed_by_id=owner, period_start=start, period_end=end, due_on=end)
            for owner in sorted(owers)
            for start, end in spans
        ],
        ignore_conflicts=True,
    )


def on_event(sender, event, **kwargs) -> None:
    """Receiver of ``audit.services.event_recorded``: an issued assignment gets its work.
    Runs inside the issuing transaction; a failure here must not undo the letter, so it is
    contained in a savepoint and logged (``work_for`` retries when the work is first opened)."""
    if event.verb != "assignment.issued":
        return
    assignment = Assignment.objects.filter(pk=event.object_id).select_related("owning_unit", "region").first()
    if assignment is None:
        return
    try:
        with transaction.atomic():
            work_for(assignment, actor_user=event.actor)
    except Exception:  # noqa: BLE001 - see docstring
        log.exception("Pelaksanaan untuk penugasan %s tidak dapat dibuat", assignment.pk)


def ensure_works(employee) -> None:
    """Lazily create the works of the issued assignments of ``employee`` that have none yet."""
    if employee is None:
        return
    missing = Assignment.objects.filter(
        status=Assignment.Status.DITERBITKAN,
        members__employee=employee,
        members__status=Member.Status.DISETUJUI,
        work__isnull=True,
    ).select_related("owning_unit", "region")
    for assignment in missing[:50]:
        work_for(assignment)


@transaction.atomic
def set_period(*, actor, work_id: int, period: str) -> Work:
    """The reporting period of a work (TJ-3: set per team), chosen by its lead or the leader of
    the owning unit (or their Plh/Plt) before the first report; the dues are drawn again."""
    from django.core.exceptions import PermissionDenied

    from sikerja.assignments.actions.roles import nearest_leader
    from sikerja.execution.models import Period
    from sikerja.execution.services.common import ExecutionError, acting_for, employee_of, locked_work

    work = locked_work(actor, work_id)
    me = employee_of(actor)
    leader = nearest_leader(work.owning_unit)
    if me.pk != work.lead_id and not acting_for(actor, leader.pk if leader else None)[0]:
        raise PermissionDenied(gettext("Periode laporan ditetapkan oleh ketua tim/pegawai yang ditugaskan atau pimpinan unit."))
    if period not in Period.values:
        raise ExecutionError(gettext("Pilih periode laporan: mingguan, dua mingguan, bulanan atau triwulanan."))
    if work.reports.exists() or work.status not in (Work.Status.PERENCANAAN, Work.Status.PELAKSANAAN):
        raise ExecutionError(
            gettext("Periode laporan hanya dapat diubah sebelum laporan pertama disampaikan."), code="wrong_state"
        )
    previous = work.period
    work.period = period
    work.save(update_fields=["period"])
    work.dues.all().delete()
    _, members = _lead_of(work.assignment)
    create_dues(work, [m.employee for m in members])
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="work.period_set",
        obj=work,
        changes={"from": previous, "to": period},
    )
    return work
