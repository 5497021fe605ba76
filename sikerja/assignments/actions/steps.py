"""Steps and rows shared by the transitions: which steps are current, locking the assignment,
the compare-and-set move of a step, closing, creating members and the PEN-14 availability check."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from sikerja.accounts.access import Actor
from sikerja.assignments import rules
from sikerja.assignments.actions.common import AssignmentError, MemberInput, employee_of, required_text, weekly_hours
from sikerja.assignments.actions.roles import acts_for, capacity_of
from sikerja.assignments.models import Assignment, Member, Step
from sikerja.assignments.selectors import availability_for
from sikerja.audit.services import record_event
from sikerja.letters.services import issue_document
from sikerja.organisation.models import Employee, Unit


def current_steps(assignment: Assignment) -> list[Step]:
    """The steps that may be acted on now: the pending ones of the lowest pending order."""
    pending = list(assignment.steps.filter(status=Step.Status.MENUNGGU).select_related("official__position", "unit"))
    if not pending or assignment.status != Assignment.Status.PROSES:
        return []
    first = min(s.order for s in pending)
    return [s for s in pending if s.order == first]


def locked(actor: Actor, assignment_id: int) -> Assignment:
    assignment = Assignment.objects.select_for_update().filter(region=actor.region, pk=assignment_id).first()
    if assignment is None:
        raise AssignmentError(_('Penugasan tidak ditemukan di pemerintah daerah ini.'))
    return assignment


def claim(step: Step, **fields) -> None:
    """Compare-and-set: only a step still waiting moves; a second answer finds it decided."""
    moved = Step.objects.filter(pk=step.pk, status=Step.Status.MENUNGGU).update(**fields)
    if moved != 1:
        raise AssignmentError(
            _('Langkah ini sudah diputus oleh pejabat lain; muat ulang halaman untuk melihat keputusannya.'),
            code="already_decided",
        )
    for key, value in fields.items():
        setattr(step, key, value)


def step_for(actor: Actor, assignment: Assignment, step_id: int) -> tuple[Step, Employee | None]:
    step = assignment.steps.select_related("official__position", "unit").filter(pk=step_id).first()
    if step is None:
        raise AssignmentError(_('Langkah tidak ditemukan pada penugasan ini.'))
    if step.status != Step.Status.MENUNGGU or assignment.status != Assignment.Status.PROSES:
        who = step.decided_by.full_name if step.decided_by_id else "pejabat lain"
        raise AssignmentError(
            _('Langkah ini sudah diputus (%(get_status_display)s) oleh %(who)s.') % {"get_status_display": step.get_status_display(), "who": who}, code="already_decided"
        )
    if step not in current_steps(assignment):
        raise AssignmentError(
            _('Langkah sebelumnya belum selesai; langkah ini belum dapat diputus.'), code="step_not_current"
        )
    may, on_behalf_of = acts_for(actor, step.official)
    if not may:
        raise PermissionDenied(
            _('Langkah ini menjadi kewenangan %(value)s (%(role)s), bukan Anda.') % {"value": step.official.full_name if step.official_id else 'pejabat lain', "role": rules.common.word(step.role)}
        )
    return step, on_behalf_of


def close(actor: Actor, assignment: Assignment, status: str, reason: str) -> None:
    assignment.steps.filter(status=Step.Status.MENUNGGU).update(status=Step.Status.DIBATALKAN)
    assignment.status, assignment.closed_at = status, timezone.now()
    assignment.save(update_fields=["status", "closed_at"])
    record_event(region=actor.region, actor=actor.user, verb=f"assignment.{status}", obj=assignment, reason=reason)


def create_members(assignment, members: list[MemberInput], people, default_hours) -> list[Member]:
    rows = []
    for m in members:
        employee = people.get(m.employee_id) if m.employee_id else None
        rows.append(
            Member.objects.create(
                assignment=assignment,
                employee=employee,
                home_unit=employee.unit if employee else None,
                external_name=required_text(m.external_name, "Nama", required=False, limit=200) if not employee else "",
                external_nip=(m.external_nip or "").strip() if not employee else "",
                external_org=required_text(m.external_org, "Instansi", required=False, limit=200)
                if not employee
                else "",
                external_position=required_text(m.external_position, "Jabatan", required=False, limit=200)
                if not employee
                else "",
                role=m.role,
                hours_per_week=weekly_hours(m.hours_per_week) if m.hours_per_week else default_hours,
                overbooking_reason=required_text(m.overbooking_reason, "Alasan melampaui kapasitas", required=False),
            )
        )
    return rows


def lock_people(employee_ids) -> None:
    """Serialise availability checks per employee (issue 9 item 6): whoever checks someone's hours
    holds their row until the transaction commits, so a concurrent proposal for the same person
    waits and then sees the first one's commitment. Rows are locked in primary-key order so two
    proposals naming the same people in different orders cannot deadlock."""
    ids = sorted({i for i in employee_ids if i})
    if ids:
        list(Employee.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk", flat=True))


def check_availability(assignment: Assignment, rows: list[Member], *, period=None) -> None:
    """PEN-14: an assignment that would overbook someone needs an explicit reason per person.
    ``period`` (start, end) checks only part of it (the added weeks of an extension)."""
    internal = [r for r in rows if r.employee_id]
    lock_people(r.employee_id for r in internal)
    starts_on, ends_on = period or (assignment.starts_on, assignment.ends_on)
    found = availability_for(
        [r.employee_id for r in internal],
        starts_on,
        ends_on,
        {r.employee_id: float(r.hours_per_week) for r in internal},
        region=assignment.region,
        exclude_assignment_id=assignment.pk,
    )
    problems = [
        f"{r.display_name}: {found[r.employee_id].message}"
        for r in internal
        if found[r.employee_id].overbooked and not r.overbooking_reason.strip()
    ]
    if problems:
        raise AssignmentError(problems, code="overbooked")


def send_memo(actor: Actor, *, kind: str, unit: Unit, payload, on_behalf_of: Employee | None, addressee: Employee):
    """Issue a nota dinas signed by the actor (for ``on_behalf_of`` when acting as Plh/Plt) and
    let its addressee read it."""
    me = employee_of(actor)
    document = issue_document(
        actor=actor,
        kind=kind,
        issuing_unit=unit,
        payload=payload,
        signer=me,
        capacity=capacity_of(me, on_behalf_of) if on_behalf_of else "definitif",
        on_behalf_of=on_behalf_of,
    )
    document.parties.add(addressee)
    return document
