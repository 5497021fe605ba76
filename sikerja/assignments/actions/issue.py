"""Issuing the letter of the current issuing step (the signer, or their Plh/Plt), and issuing at
once when nothing else waits."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sikerja.accounts.access import Actor
from sikerja.assignments import letter_content, officials
from sikerja.assignments.actions.common import AssignmentError, employee_of, required_text
from sikerja.assignments.actions.roles import acts_for, ketua_problem
from sikerja.assignments.actions.steps import check_availability, claim, current_steps, locked, step_for
from sikerja.assignments.models import Assignment, Member, Step
from sikerja.audit.services import record_event
from sikerja.letters.models import DocumentKind
from sikerja.letters.services import issue_document

INSTRUMENT_DOCUMENT = {
    "surat_perintah": DocumentKind.SURAT_PERINTAH,
    "surat_tugas": DocumentKind.SURAT_TUGAS,
    "surat_perintah_tugas": DocumentKind.SURAT_TUGAS,
    "surat_penugasan": DocumentKind.SURAT_PENUGASAN,
    "keputusan": DocumentKind.KEPUTUSAN,
}


@transaction.atomic
def issue(
    *, actor: Actor, assignment_id: int, step_id: int, ketua_member_id: int | None = None, overbooking_reason: str = ""
) -> Assignment:
    """Issue the letter of the current issuing step (the signer, or their Plh/Plt).
    ``overbooking_reason``: the signer's reason for those whom other letters issued meanwhile
    have filled up (PEN-14); without it they are refused."""
    overbooking_reason = required_text(overbooking_reason, "Alasan melampaui kapasitas", required=False)
    assignment = locked(actor, assignment_id)
    step, _unit = step_for(actor, assignment, step_id)
    if step.kind != Step.Kind.TERBITKAN:
        raise AssignmentError(_('Langkah ini bukan langkah penerbitan naskah.'))
    if ketua_member_id is not None:
        if not assignment.is_team:
            raise AssignmentError(_('Ketua hanya ditetapkan untuk tim kerja.'))
        new = (
            assignment.members.filter(pk=ketua_member_id, status=Member.Status.DISETUJUI)
            .select_related("employee__position")
            .first()
        )
        if new is None or new.employee is None:
            raise AssignmentError(_('Ketua baru harus anggota tim yang disetujui.'))
        problem = ketua_problem(officials.profile_of(actor.region), new.employee)
        if problem:
            raise AssignmentError(problem)
        assignment.members.filter(role=Member.Role.KETUA).update(role=Member.Role.ANGGOTA)
        new.role = Member.Role.KETUA
        new.save(update_fields=["role"])
    if overbooking_reason:
        assignment.members.filter(status=Member.Status.DISETUJUI, overbooking_reason="").update(
            overbooking_reason=overbooking_reason
        )
    issue_letter(actor, assignment, step)
    return assignment


def issue_letter(actor: Actor, assignment: Assignment, step: Step) -> None:
    approved = list(
        assignment.members.filter(status=Member.Status.DISETUJUI).select_related(
            "employee__position", "employee__unit", "home_unit"
        )
    )
    if assignment.is_team and not any(m.role == Member.Role.KETUA for m in approved):
        raise AssignmentError(
            _('Ketua tim tidak disetujui oleh pimpinan unitnya; tetapkan ketua baru dari anggota yang disetujui.')
        )
    if not approved:
        raise AssignmentError(_('Tidak ada pegawai yang disetujui untuk ditugaskan.'))
    # The hours are counted once the letter is issued: check again, under the people's row locks,
    # what other letters issued since the proposal took (PEN-14).
    check_availability(assignment, approved)
    me = employee_of(actor)
    signer_unit = step.official.position.unit if step.official.position_id else step.official.unit
    kind = INSTRUMENT_DOCUMENT.get(assignment.instrument, DocumentKind.SURAT_PERINTAH)
    payload = letter_content.letter_payload(assignment, approved, kind)
    # The letters service checks that the actor is the step's official or their running Plh/Plt
    # and derives the capacity (definitif, Plh., Plt.) from the delegation (issue 10 item 2).
    document = issue_document(actor=actor, kind=kind, issuing_unit=signer_unit, payload=payload, official=step.official)
    on_behalf_of = document.on_behalf_of
    claim(
        step,
        status=Step.Status.SELESAI,
        decided_by=me,
        on_behalf_of=on_behalf_of,
        decided_at=timezone.now(),
        document=document,
    )
    assignment.letter, assignment.status, assignment.closed_at = document, Assignment.Status.DITERBITKAN, timezone.now()
    assignment.save(update_fields=["letter", "status", "closed_at"])
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="assignment.issued",
        obj=assignment,
        on_behalf_of=on_behalf_of,
        changes={"document": document.number, "kind": kind, "article": step.article},
    )


def issue_now_if_ready(actor: Actor, assignment: Assignment) -> None:
    step = current_steps(assignment)
    if len(step) == 1 and step[0].kind == Step.Kind.TERBITKAN and acts_for(actor, step[0].official)[0]:
        issue_letter(actor, assignment, step[0])
