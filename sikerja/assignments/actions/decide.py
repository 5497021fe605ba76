"""Answering a step: a home leader answers a permohonan (all, some or none of the people named,
PEN-9), a superior approves an application (PEN-12), an applicant confirms their own step."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from sikerja.accounts.access import Actor
from sikerja.assignments import letter_content, officials, rules
from sikerja.assignments.actions.common import AssignmentError, employee_of, required_text
from sikerja.assignments.actions.issue import issue_now_if_ready
from sikerja.assignments.actions.steps import claim, close, locked, send_memo, step_for
from sikerja.assignments.models import Assignment, Member, Step
from sikerja.audit.services import record_event
from sikerja.letters.models import DocumentKind


@transaction.atomic
def decide(
    *,
    actor: Actor,
    assignment_id: int,
    step_id: int,
    approve: bool,
    reason: str = "",
    approved_member_ids: list[int] | None = None,
) -> Assignment:
    """Answer a permohonan (all, some or none of the named people, PEN-9), approve or refuse an
    application (PEN-12), or confirm a step of the applicant (PPU Ps 11(3) huruf b, d)."""
    assignment = locked(actor, assignment_id)
    step, on_behalf_of = step_for(actor, assignment, step_id)
    if step.kind == Step.Kind.TERBITKAN:
        raise AssignmentError("Langkah penerbitan dijalankan dengan menerbitkan naskah, bukan dengan persetujuan.")
    profile = officials.profile_of(actor.region)
    reason = required_text(reason, "Alasan", required=False)
    named = list(step.members.select_related("employee"))
    if step.kind == Step.Kind.KONFIRMASI:
        approve, approved = bool(approve), named if approve else []
    elif approve and approved_member_ids is not None:
        wanted = set(approved_member_ids)
        unknown = wanted - {m.pk for m in named} - {m.employee_id for m in named}
        if unknown:
            raise AssignmentError("Hanya pegawai yang disebut dalam permohonan yang dapat disetujui.")
        approved = [m for m in named if m.pk in wanted or m.employee_id in wanted]
    else:
        approved = named if approve else []
    rejected = [m for m in named if m not in approved]
    if rejected and step.kind == Step.Kind.JAWAB_PERMOHONAN:
        needs = rules.rejection_needs_reason(profile)
        if needs.required and not reason:
            raise AssignmentError(f"Penolakan wajib disertai alasan ({needs.article}).")
    elif rejected and not reason and step.kind == Step.Kind.PERSETUJUAN:
        raise AssignmentError("Sampaikan alasan penolakan agar pemohon mengetahuinya.")
    if step.kind == Step.Kind.KONFIRMASI and not approve:
        status = Step.Status.DIBATALKAN
    else:
        status = Step.Status.DISETUJUI if not rejected else (Step.Status.SEBAGIAN if approved else Step.Status.DITOLAK)
    me = employee_of(actor)
    claim(step, status=status, decided_by=me, on_behalf_of=on_behalf_of, decided_at=timezone.now(), reason=reason)
    for m in approved:
        m.status = Member.Status.DISETUJUI
        m.save(update_fields=["status"])
    for m in rejected:
        m.status, m.decision_reason = Member.Status.DITOLAK, reason
        m.save(update_fields=["status", "decision_reason"])
    if step.kind == Step.Kind.JAWAB_PERMOHONAN or "surat" in step.action:
        holder = on_behalf_of or me
        unit = holder.position.unit if holder.position_id and holder.position.is_leader else holder.unit
        payload = letter_content.answer_memo(
            assignment, step, holder=holder, approved=approved, rejected=rejected, reason=reason
        )
        # The answer is addressed to the one who asked.
        step.document = send_memo(
            actor,
            kind=DocumentKind.NOTA_DINAS_JAWABAN,
            unit=unit,
            payload=payload,
            on_behalf_of=on_behalf_of,
            addressee=assignment.initiated_by,
        )
        step.save(update_fields=["document"])
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="assignment.step_decided",
        obj=assignment,
        reason=reason,
        on_behalf_of=on_behalf_of,
        changes={
            "step": step.pk,
            "kind": step.kind,
            "status": status,
            "approved": [m.display_name for m in approved],
            "rejected": [m.display_name for m in rejected],
            "article": step.article,
        },
    )
    after_decision(actor, assignment, step)
    return assignment


def after_decision(actor: Actor, assignment: Assignment, step: Step) -> None:
    if step.status in (Step.Status.DIBATALKAN,) or (
        step.status == Step.Status.DITOLAK and step.kind != Step.Kind.JAWAB_PERMOHONAN
    ):
        close(
            actor,
            assignment,
            Assignment.Status.DITOLAK if step.status == Step.Status.DITOLAK else Assignment.Status.DIBATALKAN,
            step.reason or "Pengajuan tidak dilanjutkan.",
        )
        return
    still = assignment.members.exclude(status=Member.Status.DITOLAK)
    if not still.exists() or (
        assignment.is_team
        and still.count() < 2
        and not assignment.steps.filter(kind=Step.Kind.JAWAB_PERMOHONAN, status=Step.Status.MENUNGGU).exists()
    ):
        close(
            actor,
            assignment,
            Assignment.Status.DITOLAK,
            "Semua/sebagian besar pegawai yang dimohonkan tidak disetujui.",
        )
        return
    issue_now_if_ready(actor, assignment)
