"""Pengajuan sukarela: an official applies to join a piece of work (PEN-3, PEN-12); the steps
are the profile's (the general flow, or PPU Ps 11(2) / 11(3))."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sikerja.accounts.access import Actor
from sikerja.assignments import officials, rules
from sikerja.assignments.actions.common import (
    ASSIGNEE_KINDS,
    AssignmentError,
    check_not_past,
    check_period,
    check_profile,
    clean_competences,
    employee_of,
    owning_unit_of,
    refuse_unless,
    required_text,
    weekly_hours,
)
from sikerja.assignments.actions.roles import pick_signer, resolve_role, scope_of, step_unit
from sikerja.assignments.actions.steps import check_availability
from sikerja.assignments.models import Assignment, Form, Member, Mode, Nature, Step
from sikerja.audit.services import record_event
from sikerja.i18n import stored

# How each act of a rule's step is recorded.
STEP_KIND = {
    "apply": Step.Kind.PERSETUJUAN,  # the application itself, done when it is made
    "approve": Step.Kind.PERSETUJUAN,
    "confirm": Step.Kind.KONFIRMASI,
    "issue": Step.Kind.TERBITKAN,
}


def _produces(made: rules.flows.Produces, official_for) -> dict:
    """The rule's ``Produces`` with its roles resolved to the officials of this application."""
    if not made:
        return {}
    to = official_for(made.to) if made.to else None
    copies = [official_for(r) for r in made.tembusan]
    return {
        "document": made.document,
        "to": made.to,
        "to_id": to.pk if to else None,
        "tembusan": list(made.tembusan),
        "tembusan_ids": [c.pk for c in copies if c is not None],
        "forward_order": made.forward_step,
    }


@transaction.atomic
def apply_voluntarily(
    *,
    actor: Actor,
    owning_unit_id: int,
    title: str,
    purpose: str,
    target: str,
    starts_on: dt.date,
    ends_on: dt.date,
    competences=(),
    hours_per_week=8,
    nature: str = Nature.REGULER,
    recording_reason: str = "",
) -> Assignment:
    """An official applies to join a piece of work (PEN-3, PEN-12). The steps are the profile's:
    the general flow (superior approval across units where required, then the letter) or PPU Ps
    11(2) / 11(3)."""
    me = employee_of(actor)
    region, profile = actor.region, officials.profile_of(actor.region)
    if not me.position_id or me.position.kind not in ASSIGNEE_KINDS:
        raise AssignmentError(_('Pengajuan sukarela diajukan oleh pejabat fungsional atau pelaksana.'))
    owning = owning_unit_of(actor, owning_unit_id)
    title = required_text(title, "Kinerja/kegiatan yang ingin diikuti", limit=300)
    purpose = required_text(purpose, "Maksud dan tujuan")
    target = required_text(target, "Ekspektasi/target kinerja")
    check_period(starts_on, ends_on)
    recording_reason = check_not_past(starts_on, ends_on, recording_reason=recording_reason)
    hours = weekly_hours(hours_per_week)
    competences = clean_competences(competences)
    if nature not in Nature.values:
        raise AssignmentError(_('Sifat penugasan tidak dikenal.'))
    scope = scope_of(me.unit, owning, officials.unit_chain(owning), region, profile)
    decisions = check_profile(profile, form=Form.INDIVIDU, scope=scope, mode=Mode.PENGAJUAN_SUKARELA, nature=nature)
    shown = rules.voluntary_steps(profile, scope)
    refuse_unless(shown.allowed, shown.message)
    # The steps and the note are kept on the record: in Bahasa Indonesia whatever the page (PLT-5).
    flow = stored(rules.voluntary_steps, profile, scope)
    decisions.append(flow.message)
    issuing = next(st for st in flow.steps if st.does == "issue")
    instrument = issuing.letter or rules.letter_signer(profile, scope, "individu").instrument or "surat_perintah"
    assignment = Assignment.objects.create(
        region=region,
        form=Form.INDIVIDU,
        scope=scope,
        mode=Mode.PENGAJUAN_SUKARELA,
        nature=nature,
        title=title,
        owning_unit=owning,
        purpose=purpose,
        target=target,
        competences=competences,
        starts_on=starts_on,
        ends_on=ends_on,
        hours_per_week=hours,
        initiated_by=me,
        instrument=instrument,
        decisions=decisions,
        recording_reason=recording_reason,
        created_by=actor.user,
    )
    member = Member.objects.create(assignment=assignment, employee=me, home_unit=me.unit, hours_per_week=hours)

    def official_for(role: str):
        if role == "pegawai":
            return me
        return resolve_role(role, assignment_form=Form.INDIVIDU, owning=owning, region=region, assignee=me,
                            applicant_unit=me.unit, scope=scope)  # fmt: skip

    for s in flow.steps:
        if s.does == "receive":
            continue  # "menerima surat penugasan": the inbox delivers it; nothing to decide
        status = Step.Status.SELESAI if s.does == "apply" else Step.Status.MENUNGGU
        if s.does == "issue" and s.alternatives:
            official, _step = pick_signer(actor, s.alternatives, form=Form.INDIVIDU, owning=owning, region=region,
                                      assignee=me)  # fmt: skip
        else:
            official = official_for(s.actor)
        if official is None:
            raise AssignmentError(_("Belum ada pejabat %(actor)s untuk langkah '%(action)s'.") % {"actor": rules.common.word(s.actor), "action": s.action})
        step = Step.objects.create(
            assignment=assignment,
            order=s.order,
            kind=STEP_KIND[s.does],
            role=s.actor,
            action=s.action[:300],
            article=s.article[:300],
            official=official,
            unit=step_unit(s.actor, official) if s.actor != "pegawai" else None,
            status=status,
            decided_by=me if status == Step.Status.SELESAI else None,
            decided_at=timezone.now() if status == Step.Status.SELESAI else None,
            produces=_produces(s.produces, official_for),
        )
        step.members.set([member])
    check_availability(assignment, [member])
    record_event(
        region=region,
        actor=actor.user,
        verb="assignment.applied",
        obj=assignment,
        changes={"scope": scope, "flow": flow.flow, "articles": decisions},
        reason=recording_reason,
    )
    return assignment
