"""Penunjukan: the leader of the performance-owning unit (or their Plh/Plt), or within one
unit the PPK, assigns people. The steps follow from the profile: involvement requests to each
home leader across units (PEN-6, PEN-9), then the letter by the signer it names (PEN-5, PEN-7,
PEN-8)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from sikerja.accounts.access import Actor
from sikerja.assignments import letter_content, officials, rules
from sikerja.assignments.actions.common import (
    ASSIGNEE_KINDS,
    MAX_MEMBERS,
    SCOPE_ORDER,
    AssignmentError,
    MemberInput,
    check_not_past,
    check_period,
    check_profile,
    clean_competences,
    employee_of,
    employees_of,
    owning_unit_of,
    refuse_unless,
    required_text,
    weekly_hours,
)
from sikerja.assignments.actions.issue import issue_now_if_ready
from sikerja.assignments.actions.process_link import process_of
from sikerja.assignments.actions.roles import (
    acts_for,
    candidate_of,
    ketua_problem,
    nearest_leader,
    pick_signer,
    scope_of,
    step_unit,
    subtree_ids,
)
from sikerja.assignments.actions.steps import check_availability, create_members, send_memo
from sikerja.assignments.models import Assignment, Form, Member, Mode, Nature, Scope, StandingKind, Step
from sikerja.audit.services import record_event
from sikerja.i18n import stored
from sikerja.letters.models import DocumentKind
from sikerja.organisation.models import Employee


@transaction.atomic
def propose(
    *,
    actor: Actor,
    form: str,
    owning_unit_id: int,
    title: str,
    purpose: str,
    target: str,
    starts_on: dt.date,
    ends_on: dt.date,
    members: list[MemberInput],
    competences=(),
    hours_per_week=8,
    other_arrangements: str = "",
    nature: str = Nature.REGULER,
    law_requires_decree: bool = False,
    use_request: bool | None = None,
    standing_kind: str = "",
    recording_reason: str = "",
    process_id: int | None = None,
) -> Assignment:
    """Create an assignment by appointment (penunjukan): flows 1-4 and 6 of issue 5.

    The initiator is the leader of the performance-owning unit (or their Plh/Plt), or, within
    one unit, the PPK of the person assigned. Steps follow from the profile: involvement
    requests to each home leader across units (PEN-6, PEN-9), then the letter by the signer the
    profile names (PEN-5, PEN-7, PEN-8). When nothing waits and the initiator is the signer, the
    letter is issued at once."""
    me = employee_of(actor)
    region, profile = actor.region, officials.profile_of(actor.region)
    if form not in Form.values:
        raise AssignmentError(_('Bentuk penugasan harus individu atau tim kerja.'))
    if nature not in Nature.values:
        raise AssignmentError(_('Sifat penugasan tidak dikenal.'))
    if standing_kind not in StandingKind.values:
        raise AssignmentError(_('Jenis tim tetap tidak dikenal.'))
    if standing_kind:
        # Standing teams are set by Keputusan Bupati and their composition is checked by one
        # service (standing.form_standing_team, MU Ps 24, PPU Ps 14(3)); a proposal must not
        # record one around that check (issue 9 item 7).
        raise AssignmentError(
            _('Tim tetap tata kelola SPBE dicatat melalui pencatatan tim tetap beserta keputusan Bupati-nya, bukan melalui usulan penugasan.')
        )
    owning = owning_unit_of(actor, owning_unit_id)
    process = process_of(actor, process_id)
    title = required_text(title, "Nama kegiatan/tim", limit=300)
    purpose = required_text(purpose, "Maksud dan tujuan")
    target = required_text(target, "Ekspektasi/target kinerja")
    other_arrangements = required_text(other_arrangements, "Pengaturan lainnya", required=False)
    check_period(starts_on, ends_on)
    recording_reason = check_not_past(starts_on, ends_on, recording_reason=recording_reason)
    hours = weekly_hours(hours_per_week)
    competences = clean_competences(competences)
    if not members:
        raise AssignmentError(_('Pilih paling sedikit satu pegawai yang ditugaskan.'))
    if len(members) > MAX_MEMBERS:
        raise AssignmentError(_('Paling banyak %(max_members)s anggota dalam satu penugasan.') % {"max_members": MAX_MEMBERS})
    internal_ids = [m.employee_id for m in members if m.employee_id]
    if len(set(internal_ids)) != len(internal_ids):
        raise AssignmentError(_('Seorang pegawai tercantum lebih dari sekali.'))
    people = employees_of(actor, internal_ids)
    if form == Form.INDIVIDU:
        if len(members) != 1 or not members[0].employee_id:
            raise AssignmentError(_('Penugasan individu menugaskan tepat satu pegawai pemerintah daerah ini.'))
        assignee = people[members[0].employee_id]
        if not assignee.position_id or assignee.position.kind not in ASSIGNEE_KINDS:
            raise AssignmentError(
                _('%(full_name)s bukan pejabat fungsional atau pelaksana; penugasan individu ditujukan kepada pejabat fungsional dan pelaksana.') % {"full_name": assignee.full_name}
            )
    else:
        assignee = None
        if len(members) < 2:
            raise AssignmentError(_('Tim kerja terdiri atas satu ketua dan paling sedikit satu anggota.'))
        ketua = [m for m in members if m.role == Member.Role.KETUA]
        if len(ketua) != 1:
            raise AssignmentError(_('Tim kerja harus mempunyai tepat satu ketua.'))
    for m in members:
        if m.role not in Member.Role.values:
            raise AssignmentError(_('Peran anggota harus ketua, sekretaris atau anggota.'))
        if not m.employee_id:
            required_text(m.external_name, "Nama anggota dari luar pemerintah daerah", limit=200)
            required_text(m.external_org, "Instansi/unsur anggota dari luar", limit=200)
            if m.external_nip and not (m.external_nip.isdigit() and len(m.external_nip) == 18):
                raise AssignmentError(_('NIP %(external_name)s harus 18 angka.') % {"external_name": m.external_name})

    # Scope: the widest of the members' scopes (PEN-2). Members from outside government in a
    # standing governance team (MU Ps 26(1)) do not make it lintas instansi.
    owning_chain = officials.unit_chain(owning)
    member_scope = {}
    for m in members:
        if m.employee_id:
            member_scope[m.employee_id] = scope_of(people[m.employee_id].unit, owning, owning_chain, region, profile)
    # An outside member only adds that member (BU Ps 21(2)-(4), PPU Ps 11(1)): the region's own
    # members from other units still need their home leader's answer, and the signer follows the
    # widest scope among the region's own members.
    internal_scope = max(member_scope.values() or [Scope.DALAM_UNIT], key=SCOPE_ORDER.__getitem__)
    has_outsiders = any(not m.employee_id for m in members) and not standing_kind
    scope = Scope.LINTAS_INSTANSI if has_outsiders else internal_scope
    decisions = check_profile(profile, form=form, scope=scope, mode=Mode.PENUNJUKAN, nature=nature)

    # Who may start it: the owning unit's leader (or their Plh/Plt), or within one unit the PPK.
    owning_leader = nearest_leader(owning)
    may, on_behalf_of = acts_for(actor, owning_leader)
    if not may and scope == Scope.DALAM_UNIT and form == Form.INDIVIDU:
        may, on_behalf_of = acts_for(actor, officials.ppk_of(assignee))
    if not may:
        raise PermissionDenied(
            _('Penugasan diberikan oleh pimpinan unit pemilik kinerja (atau Plh/Plt-nya), atau oleh PPK pegawai dalam satu unit.')
        )

    # Ketua eligibility (PEN-10) and the ranking advice (PEN-11).
    ranking_note = ""
    if form == Form.TIM_KERJA:
        ketua_input = next(m for m in members if m.role == Member.Role.KETUA)
        if ketua_input.employee_id:
            problem = ketua_problem(profile, people[ketua_input.employee_id])
            if problem:
                raise AssignmentError(problem)
        elif not standing_kind:
            raise AssignmentError(_('Ketua tim harus pegawai pemerintah daerah ini.'))
        # The ranking's reasons go into the record's notes: Bahasa Indonesia whatever the page (PLT-5).
        ranking = stored(rules.rank_ketua, profile, [candidate_of(people[i]) for i in internal_ids], subtree_ids(owning))
        top = ranking.ranked[0].candidate if ranking.ranked else None
        if top is not None and ketua_input.employee_id and top.employee_id != ketua_input.employee_id:
            # "diutamakan" (PEN-10/PEN-11) is a preference, not a bar: the choice stands, and the
            # record says who ranked first and why.
            chosen = people[ketua_input.employee_id].full_name
            ranking_note = (
                f"Ketua yang dipilih ({chosen}) bukan calon peringkat pertama; peringkat pertama {top.name}: "
                f"{'; '.join(ranking.ranked[0].explanation)}. {ranking.message}"
            )

    # The permohonan (PEN-6, PEN-9).
    request = rules.needs_request(profile, internal_scope)
    wants_request = request.required or (
        use_request if use_request is not None else internal_scope in ("lintas_unit", "lintas_pd")
    )
    if wants_request and internal_scope != Scope.DALAM_UNIT:
        content = rules.request_content_missing(
            profile,
            {"purpose": purpose, "competences": competences, "target": target, "duration": (starts_on, ends_on)},
        )
        if not content.complete:
            raise AssignmentError(content.message)
        decisions.append(stored(rules.needs_request, profile, internal_scope).message)

    letter = rules.letter_signer(profile, internal_scope, form, law_requires_decree=law_requires_decree)
    refuse_unless(letter.allowed, " ".join(letter.messages))
    decisions.extend(
        stored(rules.letter_signer, profile, internal_scope, form, law_requires_decree=law_requires_decree).messages
    )
    if scope != internal_scope:
        decisions.append(
            f"Anggota dari luar pemerintah daerah tidak mengubah alur anggota sendiri: permohonan dan penanda tangan "
            f"mengikuti lingkup {stored(str, rules.common.SCOPE_WORDS[internal_scope])} ({request.article}; "
            f"{letter.signer_article or letter.instrument_article})."
        )
    if recording_reason:
        decisions.append(f"Dicatat setelah penugasan berjalan: {recording_reason}")
    if ranking_note:
        decisions.append(ranking_note)
    signer, signer_role = pick_signer(
        actor, letter.signers or ("pimpinan_unit",), form=form, owning=owning, region=region, assignee=assignee
    )
    if signer is None:
        raise AssignmentError(
            _('Penanda tangan (%(signers)s) belum ada di organisasi; tetapkan pejabatnya atau Plh/Plt terlebih dahulu.') % {"signers": rules.common.words(letter.signers)}
        )
    instrument = letter.instrument or (DocumentKind.KEPUTUSAN if law_requires_decree else "surat_perintah")

    assignment = Assignment.objects.create(
        region=region,
        form=form,
        scope=scope,
        mode=Mode.PENUNJUKAN,
        nature=nature,
        standing_kind=standing_kind,
        title=title,
        owning_unit=owning,
        process=process,
        purpose=purpose,
        target=target,
        competences=competences,
        starts_on=starts_on,
        ends_on=ends_on,
        hours_per_week=hours,
        other_arrangements=other_arrangements,
        law_requires_decree=law_requires_decree,
        initiated_by=me,
        instrument=instrument,
        decisions=decisions,
        recording_reason=recording_reason,
        created_by=actor.user,
    )
    rows = create_members(assignment, members, people, hours)
    check_availability(assignment, rows)

    order = 1
    requested: set[int] = set()  # members whose home leader is asked; the others need no answer
    if wants_request and internal_scope != Scope.DALAM_UNIT:
        by_home: dict[int, tuple[Employee, list[Member]]] = {}
        for row in rows:
            if row.employee_id and member_scope[row.employee_id] != Scope.DALAM_UNIT:
                leader = nearest_leader(row.employee.unit)
                if leader is None:
                    raise AssignmentError(
                        _('Unit %(name)s belum memiliki pimpinan untuk menjawab permohonan.') % {"name": row.employee.unit.name}
                    )
                by_home.setdefault(leader.pk, (leader, []))[1].append(row)
                requested.add(row.pk)
        request_unit = me.position.unit if me.position_id and me.position.is_leader else owning
        for leader, group in by_home.values():
            step = Step.objects.create(
                assignment=assignment,
                order=order,
                kind=Step.Kind.JAWAB_PERMOHONAN,
                role="pimpinan_unit",
                action=f"Menjawab permohonan pelibatan {', '.join(r.display_name for r in group)}",
                article=request.article,
                official=leader,
                unit=step_unit("pimpinan_unit", leader),
            )
            step.members.set(group)
            payload = letter_content.request_memo(assignment, sender=on_behalf_of or me, leader=leader, group=group)
            # The addressee reads what is asked of them.
            step.request_document = send_memo(
                actor,
                kind=DocumentKind.NOTA_DINAS_PERMOHONAN,
                unit=request_unit,
                payload=payload,
                on_behalf_of=on_behalf_of,
                addressee=leader,
            )
            step.save(update_fields=["request_document"])
        order += 1 if by_home else 0
    Step.objects.create(
        assignment=assignment,
        order=order,
        kind=Step.Kind.TERBITKAN,
        role=signer_role,
        action=f"Menetapkan {stored(rules.common.word, instrument)}",
        article=letter.signer_article or letter.instrument_article,
        official=signer,
        unit=step_unit(signer_role, signer),
    )
    Member.objects.filter(assignment=assignment).exclude(pk__in=requested).update(status=Member.Status.DISETUJUI)
    record_event(
        region=region,
        actor=actor.user,
        verb="assignment.proposed",
        obj=assignment,
        on_behalf_of=on_behalf_of,
        changes={
            "form": form,
            "scope": scope,
            "mode": Mode.PENUNJUKAN,
            "members": [r.display_name for r in rows],
            "articles": decisions,
            **({"process": str(process)} if process else {}),
        },
        reason=recording_reason,
    )
    issue_now_if_ready(actor, assignment)
    return assignment
