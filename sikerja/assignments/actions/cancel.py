"""The initiator (or applicant) withdraws an assignment still in process."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from sikerja.accounts.access import Actor
from sikerja.assignments.actions.common import AssignmentError, employee_of, required_text
from sikerja.assignments.actions.roles import acts_for
from sikerja.assignments.actions.steps import close, locked
from sikerja.assignments.models import Assignment


@transaction.atomic
def cancel(*, actor: Actor, assignment_id: int, reason: str) -> Assignment:
    """The initiator (or applicant) withdraws an assignment still in process."""
    assignment = locked(actor, assignment_id)
    reason = required_text(reason, "Alasan pembatalan")
    me = employee_of(actor)
    if assignment.initiated_by_id != me.pk and not acts_for(actor, assignment.initiated_by)[0]:
        raise PermissionDenied(_('Hanya pengusul yang dapat membatalkan penugasan yang masih diproses.'))
    if assignment.status != Assignment.Status.PROSES:
        raise AssignmentError(
            _('Penugasan sudah %(lower)s; tidak dapat dibatalkan.') % {"lower": assignment.get_status_display().lower()}, code="already_closed"
        )
    close(actor, assignment, Assignment.Status.DIBATALKAN, reason)
    return assignment
