"""The business process a team (penugasan) runs (issue 14 item 7): chosen when it is proposed,
or named later by its initiator or the leader of its owning unit. Only a process of the actor's
own region, and only one still active (a retired process keeps the teams that named it, but is
not offered to new ones). The process is a record of the organisation, not part of the letter:
no regulation asks the surat perintah to name it, so the letter's text does not change."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext

from sikerja.accounts.access import Actor
from sikerja.assignments.actions.common import AssignmentError
from sikerja.assignments.actions.roles import acts_for, nearest_leader
from sikerja.assignments.actions.steps import locked
from sikerja.assignments.models import Assignment
from sikerja.audit.services import record_event
from sikerja.processes.models import Process

OPEN_STATUSES = (Assignment.Status.PROSES, Assignment.Status.DITERBITKAN)


def process_of(actor: Actor, process_id: int | None, *, current_id: int | None = None) -> Process | None:
    """The process named by ``process_id``, checked: of the actor's region and active (the one
    already named may stay, even if it has been retired since)."""
    if not process_id:
        return None
    p = Process.objects.filter(region=actor.region, pk=process_id).first()
    if p is None:
        raise AssignmentError(
            gettext(
                "Proses bisnis yang dipilih tidak ditemukan di pemerintah daerah ini; pilih proses bisnis daerah Anda."
            ),
            code="unknown_process",
        )
    if not p.is_active and p.pk != current_id:
        raise AssignmentError(
            gettext("Proses bisnis %(name)s sudah tidak aktif; pilih proses yang masih berjalan.") % {"name": p.name},
            code="inactive_process",
        )
    return p


def acting_to_name(actor: Actor, assignment: Assignment) -> tuple[bool, object]:
    """(may, on_behalf_of): the initiator, or the leader of the owning unit (or either's
    Plh/Plt), while the assignment is in process or running."""
    if assignment.status not in OPEN_STATUSES or actor.employee is None:
        return False, None
    may, on_behalf_of = acts_for(actor, assignment.initiated_by)
    if may:
        return may, on_behalf_of
    return acts_for(actor, nearest_leader(assignment.owning_unit))


def may_name_process(actor: Actor, assignment: Assignment) -> bool:
    return acting_to_name(actor, assignment)[0]


@transaction.atomic
def set_process(*, actor: Actor, assignment_id: int, process_id: int | None) -> Assignment:
    assignment = locked(actor, assignment_id)
    may, on_behalf_of = acting_to_name(actor, assignment)
    if not may:
        if assignment.status not in OPEN_STATUSES:
            raise AssignmentError(
                gettext("Penugasan sudah %(status)s; proses bisnisnya tidak dapat diubah lagi.")
                % {"status": assignment.get_status_display().lower()},
                code="already_closed",
            )
        raise PermissionDenied(
            gettext("Hanya pengusul atau pimpinan unit pemilik kinerja yang dapat menetapkan proses bisnis penugasan.")
        )
    process = process_of(actor, process_id, current_id=assignment.process_id)
    before = assignment.process_id
    if before == (process.pk if process else None):
        return assignment
    assignment.process = process
    assignment.save(update_fields=["process"])
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="assignment.process_named",
        obj=assignment,
        on_behalf_of=on_behalf_of,
        changes={"process": [before, assignment.process_id], "process_name": str(process) if process else ""},
    )
    return assignment
