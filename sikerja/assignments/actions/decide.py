"""Answering a step: a home leader answers a permohonan (all, some or none of the people named,
PEN-9), a superior approves an application (PEN-12), an applicant confirms their own step.

An answer is one of three explicit acts (``Answer``): approve all, approve some (naming whom,
never nobody), reject. What a step produces — a nota dinas, or forwarding an earlier one — is
read from ``Step.produces``, which the rule set when the step was created."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sikerja.accounts.access import Actor
from sikerja.assignments import letter_content, officials, rules
from sikerja.assignments.actions.common import AssignmentError, employee_of, required_text
from sikerja.assignments.actions.issue import issue_now_if_ready
from sikerja.assignments.actions.steps import claim, close, locked, send_memo, step_for
from sikerja.assignments.models import Answer, Assignment, Member, Step
from sikerja.audit.services import record_event
from sikerja.letters.models import DocumentKind
from sikerja.organisation.models import Employee


def _answer_of(answer: str | None, approve: bool | None, approved_member_ids) -> str:
    """The explicit answer; ``approve`` (+ a selection) is the older way of saying the same."""
    if answer is None:
        if approve is None:
            raise AssignmentError(_('Pilih jawaban: setujui semua, setujui sebagian, atau tolak.'))
        if not approve:
            return Answer.REJECT
        return Answer.APPROVE_ALL if approved_member_ids is None else Answer.APPROVE_SOME
    if answer not in Answer.values:
        raise AssignmentError(_('Jawaban harus salah satu dari: setujui semua, setujui sebagian, tolak.'))
    return answer


def _approved(step: Step, answer: str, named: list[Member], approved_member_ids) -> list[Member]:
    if answer == Answer.REJECT:
        return []
    if answer == Answer.APPROVE_ALL:
        return named
    if step.kind != Step.Kind.JAWAB_PERMOHONAN:
        raise AssignmentError(_('Langkah ini hanya dapat disetujui atau ditolak seluruhnya.'))
    wanted = set(approved_member_ids or [])
    if not wanted:
        raise AssignmentError(
            _("Pilih paling sedikit satu pegawai yang disetujui; untuk menolak seluruhnya, pilih 'Tolak'."),
            code="empty_selection",
        )
    if wanted - {m.pk for m in named} - {m.employee_id for m in named}:
        raise AssignmentError(_('Hanya pegawai yang disebut dalam permohonan yang dapat disetujui.'))
    return [m for m in named if m.pk in wanted or m.employee_id in wanted]


@transaction.atomic
def decide(
    *,
    actor: Actor,
    assignment_id: int,
    step_id: int,
    answer: str | None = None,
    approve: bool | None = None,
    reason: str = "",
    approved_member_ids: list[int] | None = None,
) -> Assignment:
    """Answer a permohonan (all, some or none of the named people, PEN-9), approve or refuse an
    application (PEN-12), or confirm a step of the applicant (PPU Ps 11(3) huruf b, d).
    ``reason`` is the approver's note: the reason of a refusal, or a note with an approval; it
    appears in the nota dinas jawaban."""
    assignment = locked(actor, assignment_id)
    step, on_behalf_of = step_for(actor, assignment, step_id)
    if step.kind == Step.Kind.TERBITKAN:
        raise AssignmentError(_('Langkah penerbitan dijalankan dengan menerbitkan naskah, bukan dengan persetujuan.'))
    answer = _answer_of(answer, approve, approved_member_ids)
    profile = officials.profile_of(actor.region)
    reason = required_text(reason, "Alasan/catatan", required=False)
    named = list(step.members.select_related("employee"))
    approved = _approved(step, answer, named, approved_member_ids)
    rejected = [m for m in named if m not in approved]
    if rejected and step.kind == Step.Kind.JAWAB_PERMOHONAN:
        needs = rules.rejection_needs_reason(profile)
        if needs.required and not reason:
            raise AssignmentError(_('Penolakan wajib disertai alasan (%(article)s).') % {"article": needs.article})
    elif rejected and not reason and step.kind == Step.Kind.PERSETUJUAN:
        raise AssignmentError("Sampaikan alasan penolakan agar pemohon mengetahuinya.")
    if step.kind == Step.Kind.KONFIRMASI and rejected:
        status = Step.Status.DIBATALKAN  # the applicant does not go on
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
    if step.kind == Step.Kind.JAWAB_PERMOHONAN:
        _answer_request(actor, assignment, step, me, on_behalf_of, approved, rejected, reason)
    elif not rejected and step.produces:
        _produce(actor, assignment, step, me, on_behalf_of, reason)
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
            "answer": answer,
            "status": status,
            "approved": [m.display_name for m in approved],
            "rejected": [m.display_name for m in rejected],
            "article": step.article,
            "document": step.document.number if step.document_id else "",
        },
    )
    after_decision(actor, assignment, step)
    return assignment


def _leader_unit(holder: Employee):
    return holder.position.unit if holder.position_id and holder.position.is_leader else holder.unit


def _answer_request(actor, assignment, step, me, on_behalf_of, approved, rejected, reason) -> None:
    """The written answer of the home leader to the one who asked (BU Ps 21(3), PPU Ps 11(1) b, d)."""
    holder = on_behalf_of or me
    payload = letter_content.answer_memo(assignment, step, holder=holder, approved=approved, rejected=rejected,
                                         reason=reason)  # fmt: skip
    step.document = send_memo(actor, kind=DocumentKind.NOTA_DINAS_JAWABAN, unit=_leader_unit(holder), payload=payload,
                              on_behalf_of=on_behalf_of, addressee=assignment.initiated_by)  # fmt: skip
    step.save(update_fields=["document"])


def _produce(actor, assignment, step, me, on_behalf_of, note: str) -> None:
    """What the rule says this step produces (PPU Ps 11(3)): a letter from the acting role to the
    named role with its tembusan, or forwarding the letter of an earlier step to someone."""
    produces = step.produces
    people = {e.pk: e for e in Employee.objects.filter(pk__in=[produces.get("to_id"), *produces.get("tembusan_ids", [])])
              .select_related("position")}  # fmt: skip
    to = people.get(produces.get("to_id"))
    copies = [people[i] for i in produces.get("tembusan_ids", []) if i in people]
    if produces.get("forward_order"):
        earlier = assignment.steps.filter(order=produces["forward_order"], document__isnull=False).first()
        if earlier is None:
            raise AssignmentError(_('Surat yang harus diteruskan belum ada pada langkah sebelumnya.'))
        step.document = earlier.document
        step.document.parties.add(*[e for e in [to, *copies] if e is not None])  # now they may read it
        step.save(update_fields=["document"])
        return
    kind = produces.get("document")
    if kind not in DocumentKind.values or to is None:
        return
    holder = on_behalf_of or me
    payload = letter_content.step_memo(assignment, step, sender=holder, to=to, copies=copies, note=note)
    step.document = send_memo(actor, kind=kind, unit=_leader_unit(holder), payload=payload, on_behalf_of=on_behalf_of,
                              addressee=to)  # fmt: skip
    if copies:
        step.document.parties.add(*copies)
    step.save(update_fields=["document"])


def after_decision(actor: Actor, assignment: Assignment, step: Step) -> None:
    if step.status in (Step.Status.DIBATALKAN,) or (
        step.status == Step.Status.DITOLAK and step.kind != Step.Kind.JAWAB_PERMOHONAN
    ):
        status = Assignment.Status.DITOLAK if step.status == Step.Status.DITOLAK else Assignment.Status.DIBATALKAN
        close(actor, assignment, status, step.reason or "Pengajuan tidak dilanjutkan.")
        return
    still = assignment.members.exclude(status=Member.Status.DITOLAK)
    if not still.exists() or (
        assignment.is_team
        and still.count() < 2
        and not assignment.steps.filter(kind=Step.Kind.JAWAB_PERMOHONAN, status=Step.Status.MENUNGGU).exists()
    ):
        close(actor, assignment, Assignment.Status.DITOLAK, "Semua/sebagian besar pegawai yang dimohonkan tidak disetujui.")
        return
    issue_now_if_ready(actor, assignment)
