"""After the letter: the signer ends an issued assignment early, extends it, or revokes it
(issue 9 item 5).

An assignment letter is itself the proof of the assignment (BU Ps 20(1)), so every change is a
new letter from the same signer (or their Plh/Plt) that names the first one as its basis, and
revocation goes through the letters' own revocation. Whoever revokes a letter — the signer here,
or an administrator on the letters page — the assignment follows through one receiver
(``document_revoked``): the assignment ends and its hours stop counting, an amendment is undone,
and a flow whose request memo was withdrawn stops."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _

from sikerja.accounts.access import Actor
from sikerja.assignments import letter_content
from sikerja.assignments.actions.common import AssignmentError, employee_of, required_text
from sikerja.assignments.actions.roles import acts_for, capacity_of
from sikerja.assignments.actions.steps import check_availability, close, locked
from sikerja.assignments.models import Amendment, Assignment, Member, Step
from sikerja.audit.services import record_event
from sikerja.inputs import shown_date
from sikerja.letters.models import Document
from sikerja.letters.services import document_revoked, issue_document, revoke_document
from sikerja.organisation.models import Employee


def signer_of(assignment: Assignment) -> Employee | None:
    """The official who issued the letter: the official of its issuing step (not the Plh who
    signed for them — the authority stays with the office)."""
    step = (
        assignment.steps.filter(kind=Step.Kind.TERBITKAN, status=Step.Status.SELESAI)
        .select_related("official__position__unit", "official__unit")
        .first()
    )
    return step.official if step else None


def may_change(actor: Actor, assignment: Assignment) -> tuple[bool, Employee | None]:
    """(may, on_behalf_of): the signer of an issued assignment, or their running Plh/Plt."""
    if assignment.status != Assignment.Status.DITERBITKAN or actor.employee is None:
        return False, None
    return acts_for(actor, signer_of(assignment))


def _issued(actor: Actor, assignment_id: int) -> tuple[Assignment, Employee, Employee | None]:
    assignment = locked(actor, assignment_id)
    if assignment.status != Assignment.Status.DITERBITKAN:
        raise AssignmentError(
            _('Hanya penugasan yang sudah diterbitkan yang dapat diubah atau dicabut; penugasan ini %(lower)s.') % {"lower": assignment.get_status_display().lower()},
            code="not_issued",
        )
    official = signer_of(assignment)
    may, on_behalf_of = acts_for(actor, official)
    if not may:
        raise PermissionDenied(
            _('Hanya penanda tangan naskah penugasan (%(value)s) atau Plh./Plt.-nya yang dapat mengubah atau mencabutnya.') % {"value": official.full_name if official else 'pejabat penerbit'}
        )
    return assignment, official, on_behalf_of


def _approved(assignment: Assignment) -> list[Member]:
    return list(
        assignment.members.filter(status=Member.Status.DISETUJUI).select_related(
            "employee__position", "employee__unit", "home_unit"
        )
    )


@transaction.atomic
def amend(*, actor: Actor, assignment_id: int, new_ends_on: dt.date, reason: str, today: dt.date | None = None):
    """End early (``new_ends_on`` before the present end) or extend (after it), with a letter that
    refers to the first. Ending cannot reach back before today (the work was assigned until
    then); an extension re-checks the members' hours for the added weeks (PEN-14)."""
    assignment, official, on_behalf_of = _issued(actor, assignment_id)
    reason = required_text(reason, "Alasan perubahan")
    today = today or timezone.localdate()
    if not isinstance(new_ends_on, dt.date):
        raise AssignmentError(_('Tanggal selesai yang baru wajib diisi.'))
    previous = assignment.ends_on
    if new_ends_on == previous:
        raise AssignmentError(_('Tanggal selesai yang baru sama dengan yang berlaku (%(previous)s).') % {"previous": shown_date(previous)})
    ending = new_ends_on < previous
    if ending and new_ends_on < max(today, assignment.starts_on):
        raise AssignmentError(
            _('Penugasan dapat diakhiri paling awal pada %(max)s; pekerjaan sebelum itu sudah ditugaskan.') % {"max": shown_date(max(today, assignment.starts_on))}
        )
    if ending and previous < today:
        raise AssignmentError(_('Penugasan ini sudah berakhir; tidak dapat diakhiri lebih awal.'))
    approved = _approved(assignment)
    if not ending:
        if (new_ends_on - assignment.starts_on).days > 5 * 366:
            raise AssignmentError(_('Periode penugasan paling lama lima tahun.'))
        assignment.ends_on = new_ends_on
        check_availability(assignment, approved, period=(max(previous + dt.timedelta(days=1), today), new_ends_on))
    kind = Amendment.Kind.DIAKHIRI if ending else Amendment.Kind.DIPERPANJANG
    me = employee_of(actor)
    first = assignment.letter
    payload = letter_content.amendment_payload(
        assignment, kind=kind, letter_kind=first.kind, new_ends_on=new_ends_on, reason=reason, approved=approved
    )
    document = issue_document(
        actor=actor,
        kind=first.kind,
        issuing_unit=first.issuing_unit,
        payload=payload,
        signer=me,
        capacity=capacity_of(me, official) if on_behalf_of else "definitif",
        on_behalf_of=on_behalf_of,
    )
    document.parties.add(*[m.employee_id for m in approved if m.employee_id])
    amendment = Amendment.objects.create(
        assignment=assignment,
        kind=kind,
        previous_ends_on=previous,
        new_ends_on=new_ends_on,
        reason=reason,
        document=document,
        decided_by=me,
        on_behalf_of=on_behalf_of,
    )
    assignment.ends_on = new_ends_on
    assignment.save(update_fields=["ends_on"])
    record_event(
        region=actor.region,
        actor=actor.user,
        verb=f"assignment.{kind}",
        obj=assignment,
        on_behalf_of=on_behalf_of,
        reason=reason,
        changes={"ends_on": [previous.isoformat(), new_ends_on.isoformat()], "document": document.number},
    )
    return amendment


@transaction.atomic
def revoke(*, actor: Actor, assignment_id: int, reason: str) -> Assignment:
    """The signer (or their Plh/Plt) revokes the assignment letter; the receiver below ends the
    assignment. Its amendment letters fall with it."""
    assignment, _doc, _step = _issued(actor, assignment_id)
    reason = required_text(reason, "Alasan pencabutan", limit=1000)
    revoke_document(actor=actor, document_id=assignment.letter_id, reason=reason)
    assignment.refresh_from_db()
    return assignment


# --- what a revoked letter does to the assignment ------------------------------------------------
@receiver(document_revoked, dispatch_uid="assignments.follow_revoked_letter")
def follow_revoked_letter(sender, *, actor: Actor, document: Document, reason: str, **kwargs) -> None:
    for assignment in Assignment.objects.select_for_update().filter(
        letter=document, status=Assignment.Status.DITERBITKAN
    ):
        _end_by_revocation(actor, assignment, document, reason)
    for amendment in Amendment.objects.select_for_update().filter(document=document, status=Amendment.Status.BERLAKU):
        _undo_amendment(actor, amendment, reason)
    waiting_on_it = Step.objects.filter(Q(document=document) | Q(request_document=document)).values("assignment_id")
    flows = Assignment.objects.select_for_update().filter(status=Assignment.Status.PROSES, pk__in=waiting_on_it)
    for assignment in flows.order_by("pk"):
        # The request memo was the basis of the answers still awaited: without it the flow stops.
        close(actor, assignment, Assignment.Status.DIBATALKAN, f"Naskah {document.number} dicabut: {reason}")


def _end_by_revocation(actor: Actor, assignment: Assignment, document: Document, reason: str) -> None:
    assignment.status = Assignment.Status.DICABUT
    assignment.revoked_at = timezone.now()
    assignment.revoke_reason = reason
    assignment.save(update_fields=["status", "revoked_at", "revoke_reason"])
    record_event(
        region=assignment.region,
        actor=actor.user if actor.user.is_authenticated else None,
        verb="assignment.dicabut",
        obj=assignment,
        reason=reason,
        changes={"document": document.number},
    )
    # The changes to a revoked assignment have nothing left to change.
    for amendment in assignment.amendments.filter(status=Amendment.Status.BERLAKU).select_related("document"):
        if not amendment.document.is_revoked:
            revoke_document(
                actor=actor,
                document_id=amendment.document_id,
                reason=f"Naskah penugasan {document.number} yang diubahnya dicabut.",
                consequence_of=document,
            )


def _undo_amendment(actor: Actor, amendment: Amendment, reason: str) -> None:
    """Revoking the letter of a change restores the end date it replaced (or, when later changes
    remain in force, the last of them)."""
    amendment.status = Amendment.Status.DICABUT
    amendment.save(update_fields=["status"])
    assignment = Assignment.objects.select_for_update().get(pk=amendment.assignment_id)
    if assignment.status != Assignment.Status.DITERBITKAN:
        return
    standing = assignment.amendments.filter(status=Amendment.Status.BERLAKU).order_by("-created_at", "-pk").first()
    first = assignment.amendments.order_by("created_at", "pk").first()
    previous = assignment.ends_on
    assignment.ends_on = standing.new_ends_on if standing else first.previous_ends_on
    assignment.save(update_fields=["ends_on"])
    record_event(
        region=assignment.region,
        actor=actor.user if actor.user.is_authenticated else None,
        verb="assignment.perubahan_dicabut",
        obj=assignment,
        reason=reason,
        changes={
            "ends_on": [previous.isoformat(), assignment.ends_on.isoformat()],
            "document": amendment.document.number,
        },
    )
