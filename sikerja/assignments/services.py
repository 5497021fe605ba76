"""Writes of penugasan: propose (penunjukan), apply (pengajuan sukarela), decide a step, issue
the letter, cancel. Each transition checks the actor, the state and the region's profile, runs
in one transaction with its event, and issues documents through the official-documents
service. Decision rules come from ``rules`` (pure, with articles); this module only applies
them to rows.

Concurrency: every transition locks the assignment row (SELECT ... FOR UPDATE on PostgreSQL)
and then moves a step with a compare-and-set UPDATE (``status='menunggu'`` in the WHERE), so a
request answered twice, or by two leaders at once, ends in exactly one recorded decision.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from sikerja.accounts.access import Actor
from sikerja.assignments import officials, rules
from sikerja.assignments.models import Assignment, Form, Member, Mode, Nature, Scope, StandingKind, Step
from sikerja.assignments.selectors import availability_for
from sikerja.audit.services import record_event
from sikerja.letters.models import DocumentKind
from sikerja.letters.payloads import (
    AssignmentPayload,
    KeputusanPayload,
    NotaDinasPayload,
    Person,
    TeamMember,
    person_from_employee,
)
from sikerja.letters.services import issue_document
from sikerja.organisation.choices import PositionKind
from sikerja.organisation.models import Employee, Unit

SCOPE_ORDER = {s: i for i, s in enumerate(Scope.values)}
ASSIGNEE_KINDS = (PositionKind.FUNGSIONAL, PositionKind.PELAKSANA)  # PEN-1: who is assigned
MAX_MEMBERS = 60
INSTRUMENT_DOCUMENT = {
    "surat_perintah": DocumentKind.SURAT_PERINTAH,
    "surat_tugas": DocumentKind.SURAT_TUGAS,
    "surat_perintah_tugas": DocumentKind.SURAT_TUGAS,
    "surat_penugasan": DocumentKind.SURAT_PENUGASAN,
    "keputusan": DocumentKind.KEPUTUSAN,
}


class AssignmentError(ValidationError):
    """A refused transition; ``messages`` are Indonesian and name the article where one applies."""


@dataclass
class MemberInput:
    employee_id: int | None = None
    role: str = Member.Role.ANGGOTA
    hours_per_week: float | None = None
    overbooking_reason: str = ""
    external_name: str = ""
    external_nip: str = ""
    external_org: str = ""


# --- small helpers ---------------------------------------------------------------------------
def _me(actor: Actor) -> Employee:
    if actor.employee is None:
        raise PermissionDenied("Akun Anda tidak terhubung dengan data pegawai di pemerintah daerah ini.")
    return actor.employee


def _text(value, label: str, *, required: bool = True, limit: int = 2000) -> str:
    value = (value or "").strip() if isinstance(value, str) or value is None else str(value).strip()
    if required and not value:
        raise AssignmentError(f"{label} wajib diisi.")
    if len(value) > limit:
        raise AssignmentError(f"{label} paling panjang {limit} karakter.")
    return value


def _hours(value, label: str = "Alokasi jam per minggu") -> Decimal:
    try:
        hours = Decimal(str(value))
    except (InvalidOperation, ValueError) as exc:
        raise AssignmentError(f"{label} harus berupa angka.") from exc
    if not hours.is_finite() or hours <= 0 or hours > 60:
        raise AssignmentError(f"{label} harus lebih dari 0 dan paling banyak 60 jam.")
    return hours.quantize(Decimal("0.1"))


def _period(starts_on: dt.date, ends_on: dt.date) -> None:
    # PEN-4: an assignment has a period (MU Ps 13(4), BU Ps 23(5), PPU Ps 9(4)).
    if not isinstance(starts_on, dt.date) or not isinstance(ends_on, dt.date):
        raise AssignmentError("Periode penugasan (tanggal mulai dan selesai) wajib diisi.")
    if ends_on < starts_on:
        raise AssignmentError("Tanggal selesai penugasan mendahului tanggal mulai.")
    if (ends_on - starts_on).days > 5 * 366:
        raise AssignmentError("Periode penugasan paling lama lima tahun.")


def _competences(values) -> list[str]:
    if isinstance(values, str):
        values = values.replace(";", ",").split(",")
    cleaned = [" ".join(str(v).split()) for v in values or [] if str(v).strip()]
    if len(cleaned) > 30 or any(len(v) > 150 for v in cleaned):
        raise AssignmentError("Kompetensi yang dibutuhkan paling banyak 30 butir, masing-masing 150 karakter.")
    return cleaned


def _unit(actor: Actor, unit_id) -> Unit:
    unit = Unit.objects.filter(region=actor.region, pk=unit_id, is_active=True).select_related("perangkat_daerah").first()
    if unit is None:
        raise AssignmentError("Unit pemilik kinerja tidak ditemukan di pemerintah daerah ini.")
    return unit


def _employees(actor: Actor, ids) -> dict[int, Employee]:
    found = {
        e.pk: e
        for e in Employee.objects.filter(region=actor.region, pk__in=ids, is_active=True).select_related(
            "position", "unit", "unit__perangkat_daerah"
        )
    }
    missing = [i for i in ids if i not in found]
    if missing:
        raise AssignmentError("Pegawai yang dipilih tidak ditemukan di pemerintah daerah ini atau tidak aktif.")
    return found


def nearest_leader(unit: Unit) -> Employee | None:
    """The leader of the unit, or of the closest ancestor that has one (a unit without its own
    leading position is led from above)."""
    for u in reversed(list(unit.ancestors(include_self=True))):
        leader = officials.leader_of(u)
        if leader is not None:
            return leader
    return None


def _scope_of(member_unit: Unit, owning: Unit, owning_chain: list[int], region, profile) -> str:
    return rules.assignment_scope(officials.unit_chain(member_unit), owning_chain, region, region, profile=profile).scope


def _refuse_unless(permission_allowed: bool, message: str) -> None:
    if not permission_allowed:
        raise AssignmentError(message)


def _check_profile(profile, *, form: str, scope: str, mode: str, nature: str) -> list[str]:
    """Refuse a flow the region's regulation does not provide (naming the profile); return the
    articles relied on."""
    notes = []
    forms = profile.value("work_forms")
    if forms is not None and form not in forms:
        raise AssignmentError(f"{profile.name} tidak mengatur {rules.common.FORM_WORDS[form]} ({profile.cite('work_forms')}).")
    permission = rules.scope_allowed(profile, scope)
    _refuse_unless(permission.allowed, permission.message)
    notes.append(permission.message)
    modes = profile.value("assignment_modes")
    if modes is not None and mode not in modes:
        raise AssignmentError(f"{profile.name} tidak mengatur {Mode(mode).label.lower()} ({profile.cite('assignment_modes')}).")
    if nature == Nature.INSIDENTAL:
        incidental = profile.value("incidental_tasks")
        if not incidental:
            raise AssignmentError(
                f"{profile.name} tidak mengatur tugas insidental atau penugasan tambahan; gunakan penugasan reguler."
            )
        notes.append(f"Sifat: {incidental.replace('_', ' ')} ({profile.cite('incidental_tasks')}).")
    return notes


def _resolve_role(role: str, *, assignment_form: str, owning: Unit, region, assignee: Employee | None,
                  applicant_unit: Unit | None = None, scope: str = "") -> Employee | None:
    """The official who holds ``role`` for this assignment."""
    if role in ("pimpinan_unit_pemilik_kinerja",):
        return nearest_leader(owning)
    if role == "pimpinan_unit":
        # Own leader of a voluntary applicant across units (PPU Ps 11(3) huruf d-e); otherwise
        # the leader of the owning unit (the applicant's unit lies inside it within one unit).
        if applicant_unit is not None and scope not in ("", Scope.DALAM_UNIT):
            return nearest_leader(applicant_unit)
        return nearest_leader(owning)
    if role == "ppk" or role == "atasan_langsung_ppk":
        if assignee is not None:
            return officials.ppk_of(assignee) or nearest_leader(assignee.unit)
        return nearest_leader(owning)
    if role == "kepala_pd":
        return nearest_leader(officials.pd_root(owning))
    if role == "sekretaris_daerah":
        return officials.sekretaris_daerah(region)
    return None


def _acts_for(actor: Actor, official: Employee | None) -> tuple[bool, Employee | None]:
    return officials.acting_for(actor.employee, official)


def _step_unit(role: str, official: Employee | None) -> Unit | None:
    if official is not None and official.position_id and official.position.is_leader:
        return official.position.unit
    return None


# --- penunjukan ------------------------------------------------------------------------------
@transaction.atomic
def propose(
    *, actor: Actor, form: str, owning_unit_id: int, title: str, purpose: str, target: str, starts_on: dt.date,
    ends_on: dt.date, members: list[MemberInput], competences=(), hours_per_week=8, other_arrangements: str = "",
    nature: str = Nature.REGULER, law_requires_decree: bool = False, use_request: bool | None = None,
    standing_kind: str = "",
) -> Assignment:
    """Create an assignment by appointment (penunjukan): flows 1-4 and 6 of issue 5.

    The initiator is the leader of the performance-owning unit (or their Plh/Plt), or, within
    one unit, the PPK of the person assigned. Steps follow from the profile: involvement
    requests to each home leader across units (PEN-6, PEN-9), then the letter by the signer the
    profile names (PEN-5, PEN-7, PEN-8). When nothing waits and the initiator is the signer, the
    letter is issued at once."""
    me = _me(actor)
    region, profile = actor.region, officials.profile_of(actor.region)
    if form not in Form.values:
        raise AssignmentError("Bentuk penugasan harus individu atau tim kerja.")
    if nature not in Nature.values:
        raise AssignmentError("Sifat penugasan tidak dikenal.")
    if standing_kind not in StandingKind.values:
        raise AssignmentError("Jenis tim tetap tidak dikenal.")
    owning = _unit(actor, owning_unit_id)
    title = _text(title, "Nama kegiatan/tim", limit=300)
    purpose = _text(purpose, "Maksud dan tujuan")
    target = _text(target, "Ekspektasi/target kinerja")
    other_arrangements = _text(other_arrangements, "Pengaturan lainnya", required=False)
    _period(starts_on, ends_on)
    hours = _hours(hours_per_week)
    competences = _competences(competences)
    if not members:
        raise AssignmentError("Pilih paling sedikit satu pegawai yang ditugaskan.")
    if len(members) > MAX_MEMBERS:
        raise AssignmentError(f"Paling banyak {MAX_MEMBERS} anggota dalam satu penugasan.")
    internal_ids = [m.employee_id for m in members if m.employee_id]
    if len(set(internal_ids)) != len(internal_ids):
        raise AssignmentError("Seorang pegawai tercantum lebih dari sekali.")
    people = _employees(actor, internal_ids)
    if form == Form.INDIVIDU:
        if len(members) != 1 or not members[0].employee_id:
            raise AssignmentError("Penugasan individu menugaskan tepat satu pegawai pemerintah daerah ini.")
        assignee = people[members[0].employee_id]
        if not assignee.position_id or assignee.position.kind not in ASSIGNEE_KINDS:
            raise AssignmentError(
                f"{assignee.full_name} bukan pejabat fungsional atau pelaksana; penugasan individu ditujukan kepada "
                f"pejabat fungsional dan pelaksana (PEN-1)."
            )
    else:
        assignee = None
        if len(members) < 2:
            raise AssignmentError("Tim kerja terdiri atas satu ketua dan paling sedikit satu anggota.")
        ketua = [m for m in members if m.role == Member.Role.KETUA]
        if len(ketua) != 1:
            raise AssignmentError("Tim kerja harus mempunyai tepat satu ketua (PEN-10).")
    for m in members:
        if m.role not in Member.Role.values:
            raise AssignmentError("Peran anggota harus ketua, sekretaris atau anggota.")
        if not m.employee_id:
            _text(m.external_name, "Nama anggota dari luar pemerintah daerah", limit=200)
            _text(m.external_org, "Instansi/unsur anggota dari luar", limit=200)
            if m.external_nip and not (m.external_nip.isdigit() and len(m.external_nip) == 18):
                raise AssignmentError(f"NIP {m.external_name} harus 18 angka.")

    # Scope: the widest of the members' scopes (PEN-2). Members from outside government in a
    # standing governance team (MU Ps 26(1)) do not make it lintas instansi.
    owning_chain = officials.unit_chain(owning)
    member_scope = {}
    for m in members:
        if m.employee_id:
            member_scope[m.employee_id] = _scope_of(people[m.employee_id].unit, owning, owning_chain, region, profile)
    scopes = list(member_scope.values())
    if any(not m.employee_id for m in members) and not standing_kind:
        scopes.append(Scope.LINTAS_INSTANSI)
    scope = max(scopes or [Scope.DALAM_UNIT], key=SCOPE_ORDER.__getitem__)
    decisions = _check_profile(profile, form=form, scope=scope, mode=Mode.PENUNJUKAN, nature=nature)

    # Who may start it: the owning unit's leader (or their Plh/Plt), or within one unit the PPK.
    owning_leader = nearest_leader(owning)
    may, on_behalf_of = _acts_for(actor, owning_leader)
    if not may and scope == Scope.DALAM_UNIT and form == Form.INDIVIDU:
        may, on_behalf_of = _acts_for(actor, officials.ppk_of(assignee))
    if not may:
        raise PermissionDenied(
            "Penugasan diberikan oleh pimpinan unit pemilik kinerja (atau Plh/Plt-nya), atau oleh PPK pegawai "
            "dalam satu unit."
        )

    # Ketua eligibility (PEN-10) and the ranking advice (PEN-11).
    ranking_note = ""
    if form == Form.TIM_KERJA:
        ketua_input = next(m for m in members if m.role == Member.Role.KETUA)
        if ketua_input.employee_id:
            problem = _ketua_problem(profile, people[ketua_input.employee_id])
            if problem:
                raise AssignmentError(problem)
        elif not standing_kind:
            raise AssignmentError("Ketua tim harus pegawai pemerintah daerah ini.")
        ranking = rules.rank_ketua(profile, [candidate_of(people[i]) for i in internal_ids], _subtree_ids(owning))
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
    request = rules.needs_request(profile, scope)
    wants_request = request.required or (use_request if use_request is not None else scope in ("lintas_unit", "lintas_pd"))
    if wants_request and scope != Scope.DALAM_UNIT:
        content = rules.request_content_missing(
            profile, {"purpose": purpose, "competences": competences, "target": target, "duration": (starts_on, ends_on)}
        )
        if not content.complete:
            raise AssignmentError(content.message)
        decisions.append(request.message)

    letter = rules.letter_signer(profile, scope, form, law_requires_decree=law_requires_decree)
    _refuse_unless(letter.allowed, " ".join(letter.messages))
    decisions.extend(letter.messages)
    if ranking_note:
        decisions.append(ranking_note)
    signer, signer_role = _pick_signer(actor, letter.signers or ("pimpinan_unit",), form=form, owning=owning,
                                       region=region, assignee=assignee)
    if signer is None:
        raise AssignmentError(f"Penanda tangan ({rules.common.words(letter.signers)}) belum ada di organisasi; tetapkan "
                              f"pejabatnya atau Plh/Plt terlebih dahulu.")
    instrument = letter.instrument or (DocumentKind.KEPUTUSAN if law_requires_decree else "surat_perintah")

    assignment = Assignment.objects.create(
        region=region, form=form, scope=scope, mode=Mode.PENUNJUKAN, nature=nature, standing_kind=standing_kind,
        title=title, owning_unit=owning, purpose=purpose, target=target, competences=competences,
        starts_on=starts_on, ends_on=ends_on, hours_per_week=hours, other_arrangements=other_arrangements,
        law_requires_decree=law_requires_decree, initiated_by=me, instrument=instrument, decisions=decisions,
        created_by=actor.user,
    )
    rows = _create_members(assignment, members, people, hours)
    _check_availability(assignment, rows)

    order = 1
    requested: set[int] = set()  # members whose home leader is asked; the others need no answer
    if wants_request and scope != Scope.DALAM_UNIT:
        by_home: dict[int, tuple[Employee, list[Member]]] = {}
        for row in rows:
            if row.employee_id and member_scope[row.employee_id] != Scope.DALAM_UNIT:
                leader = nearest_leader(row.employee.unit)
                if leader is None:
                    raise AssignmentError(f"Unit {row.employee.unit.name} belum memiliki pimpinan untuk menjawab permohonan.")
                by_home.setdefault(leader.pk, (leader, []))[1].append(row)
                requested.add(row.pk)
        for leader, group in by_home.values():
            step = Step.objects.create(
                assignment=assignment, order=order, kind=Step.Kind.JAWAB_PERMOHONAN, role="pimpinan_unit",
                action=f"Menjawab permohonan pelibatan {', '.join(r.display_name for r in group)}",
                article=request.article, official=leader, unit=_step_unit("pimpinan_unit", leader),
            )
            step.members.set(group)
            step.request_document = _nota_permohonan(actor, assignment, leader, group, on_behalf_of)
            step.save(update_fields=["request_document"])
        order += 1 if by_home else 0
    Step.objects.create(
        assignment=assignment, order=order, kind=Step.Kind.TERBITKAN, role=signer_role,
        action=f"Menetapkan {rules.common.word(instrument)}", article=letter.signer_article or letter.instrument_article,
        official=signer, unit=_step_unit(signer_role, signer),
    )
    Member.objects.filter(assignment=assignment).exclude(pk__in=requested).update(status=Member.Status.DISETUJUI)
    record_event(
        region=region, actor=actor.user, verb="assignment.proposed", obj=assignment, on_behalf_of=on_behalf_of,
        changes={"form": form, "scope": scope, "mode": Mode.PENUNJUKAN, "members": [r.display_name for r in rows],
                 "articles": decisions},
    )
    _issue_now_if_ready(actor, assignment)
    return assignment


def _pick_signer(actor: Actor, roles, *, form, owning, region, assignee) -> tuple[Employee | None, str]:
    """Of the roles the regulation names ("PPK atau pimpinan unit"), the one the actor holds;
    otherwise the first that somebody holds."""
    resolved = [(r, _resolve_role(r, assignment_form=form, owning=owning, region=region, assignee=assignee)) for r in roles]
    for role, official in resolved:
        if official is not None and _acts_for(actor, official)[0]:
            return official, role
    for role, official in resolved:
        if official is not None:
            return official, role
    return None, roles[0]


def _subtree_ids(unit: Unit) -> list[int]:
    return list(Unit.objects.descendants(unit, include_self=True).values_list("pk", flat=True))


def _ketua_problem(profile, employee: Employee) -> str | None:
    candidate = candidate_of(employee)
    ranking = rules.rank_ketua(profile, [candidate])
    return ranking.excluded[0].reason if ranking.excluded else None


def candidate_of(employee: Employee) -> rules.Candidate:
    position = employee.position
    return rules.Candidate(
        employee_id=employee.pk, name=employee.full_name, kind=position.kind if position else PositionKind.PELAKSANA,
        jf_category=position.jf_category if position else "", jf_level=position.jf_level if position else "",
        has_managerial_experience=employee.has_managerial_experience, status=employee.status,
        golongan=employee.golongan, unit_id=employee.unit_id,
    )


def _create_members(assignment, members: list[MemberInput], people, default_hours) -> list[Member]:
    rows = []
    for m in members:
        employee = people.get(m.employee_id) if m.employee_id else None
        rows.append(
            Member.objects.create(
                assignment=assignment, employee=employee, home_unit=employee.unit if employee else None,
                external_name=_text(m.external_name, "Nama", required=False, limit=200) if not employee else "",
                external_nip=(m.external_nip or "").strip() if not employee else "",
                external_org=_text(m.external_org, "Instansi", required=False, limit=200) if not employee else "",
                role=m.role, hours_per_week=_hours(m.hours_per_week) if m.hours_per_week else default_hours,
                overbooking_reason=_text(m.overbooking_reason, "Alasan melampaui kapasitas", required=False),
            )
        )
    return rows


def _check_availability(assignment: Assignment, rows: list[Member]) -> None:
    """PEN-14: an assignment that would overbook someone needs an explicit reason per person."""
    internal = [r for r in rows if r.employee_id]
    found = availability_for(
        [r.employee_id for r in internal], assignment.starts_on, assignment.ends_on,
        {r.employee_id: float(r.hours_per_week) for r in internal}, exclude_assignment_id=assignment.pk,
    )
    problems = [
        f"{r.display_name}: {found[r.employee_id].message}"
        for r in internal
        if found[r.employee_id].overbooked and not r.overbooking_reason.strip()
    ]
    if problems:
        raise AssignmentError(problems)


def _issue_now_if_ready(actor: Actor, assignment: Assignment) -> None:
    step = current_steps(assignment)
    if len(step) == 1 and step[0].kind == Step.Kind.TERBITKAN and _acts_for(actor, step[0].official)[0]:
        _issue(actor, assignment, step[0])


# --- pengajuan sukarela ----------------------------------------------------------------------
@transaction.atomic
def apply_voluntarily(
    *, actor: Actor, owning_unit_id: int, title: str, purpose: str, target: str, starts_on: dt.date, ends_on: dt.date,
    competences=(), hours_per_week=8, nature: str = Nature.REGULER,
) -> Assignment:
    """An official applies to join a piece of work (PEN-3, PEN-12). The steps are the profile's:
    the general flow (superior approval across units where required, then the letter) or PPU Ps
    11(2) / 11(3)."""
    me = _me(actor)
    region, profile = actor.region, officials.profile_of(actor.region)
    if not me.position_id or me.position.kind not in ASSIGNEE_KINDS:
        raise AssignmentError("Pengajuan sukarela diajukan oleh pejabat fungsional atau pelaksana (PEN-3).")
    owning = _unit(actor, owning_unit_id)
    title = _text(title, "Kinerja/kegiatan yang ingin diikuti", limit=300)
    purpose = _text(purpose, "Maksud dan tujuan")
    target = _text(target, "Ekspektasi/target kinerja")
    _period(starts_on, ends_on)
    hours = _hours(hours_per_week)
    competences = _competences(competences)
    if nature not in Nature.values:
        raise AssignmentError("Sifat penugasan tidak dikenal.")
    scope = _scope_of(me.unit, owning, officials.unit_chain(owning), region, profile)
    decisions = _check_profile(profile, form=Form.INDIVIDU, scope=scope, mode=Mode.PENGAJUAN_SUKARELA, nature=nature)
    flow = rules.voluntary_steps(profile, scope)
    _refuse_unless(flow.allowed, flow.message)
    decisions.append(flow.message)
    ppu_letter = flow.flow in ("ppu_ps11_2", "ppu_ps11_3")
    instrument = "surat_penugasan" if ppu_letter else (rules.letter_signer(profile, scope, "individu").instrument or "surat_perintah")
    assignment = Assignment.objects.create(
        region=region, form=Form.INDIVIDU, scope=scope, mode=Mode.PENGAJUAN_SUKARELA, nature=nature, title=title,
        owning_unit=owning, purpose=purpose, target=target, competences=competences, starts_on=starts_on,
        ends_on=ends_on, hours_per_week=hours, initiated_by=me, instrument=instrument, decisions=decisions,
        created_by=actor.user,
    )
    member = Member.objects.create(assignment=assignment, employee=me, home_unit=me.unit, hours_per_week=hours)
    last = len(flow.steps)
    for s in flow.steps:
        if s.order == last and s.actor == "pegawai":
            last -= 1  # "menerima surat penugasan": the inbox delivers it; nothing to decide
    for s in flow.steps:
        if s.order > last:
            continue
        if s.order == 1:
            kind, status, official = Step.Kind.PERSETUJUAN, Step.Status.SELESAI, me
        else:
            kind = Step.Kind.TERBITKAN if s.order == last else (
                Step.Kind.KONFIRMASI if s.actor == "pegawai" else Step.Kind.PERSETUJUAN)  # fmt: skip
            status = Step.Status.MENUNGGU
            role = s.actor
            if kind == Step.Kind.TERBITKAN and s.alternatives:
                official, role = _pick_signer(actor, s.alternatives, form=Form.INDIVIDU, owning=owning, region=region, assignee=me)
            else:
                official = me if s.actor == "pegawai" else _resolve_role(
                    s.actor, assignment_form=Form.INDIVIDU, owning=owning, region=region, assignee=me,
                    applicant_unit=me.unit, scope=scope)  # fmt: skip
            if official is None:
                raise AssignmentError(f"Belum ada pejabat {rules.common.word(s.actor)} untuk langkah '{s.action}'.")
        step = Step.objects.create(
            assignment=assignment, order=s.order, kind=kind, role=s.actor, action=s.action[:300], article=s.article[:300],
            official=official, unit=_step_unit(s.actor, official) if s.actor != "pegawai" else None, status=status,
            decided_by=me if status == Step.Status.SELESAI else None,
            decided_at=timezone.now() if status == Step.Status.SELESAI else None,
        )
        step.members.set([member])
    _check_availability(assignment, [member])
    record_event(
        region=region, actor=actor.user, verb="assignment.applied", obj=assignment,
        changes={"scope": scope, "flow": flow.flow, "articles": decisions},
    )
    return assignment


# --- deciding steps --------------------------------------------------------------------------
def current_steps(assignment: Assignment) -> list[Step]:
    """The steps that may be acted on now: the pending ones of the lowest pending order."""
    pending = list(assignment.steps.filter(status=Step.Status.MENUNGGU).select_related("official__position", "unit"))
    if not pending or assignment.status != Assignment.Status.PROSES:
        return []
    first = min(s.order for s in pending)
    return [s for s in pending if s.order == first]


def _locked(actor: Actor, assignment_id: int) -> Assignment:
    assignment = (
        Assignment.objects.select_for_update().filter(region=actor.region, pk=assignment_id).first()
    )
    if assignment is None:
        raise AssignmentError("Penugasan tidak ditemukan di pemerintah daerah ini.")
    return assignment


def _claim(step: Step, **fields) -> None:
    """Compare-and-set: only a step still waiting moves; a second answer finds it decided."""
    moved = Step.objects.filter(pk=step.pk, status=Step.Status.MENUNGGU).update(**fields)
    if moved != 1:
        raise AssignmentError(
            "Langkah ini sudah diputus oleh pejabat lain; muat ulang halaman untuk melihat keputusannya.",
            code="already_decided",
        )
    for key, value in fields.items():
        setattr(step, key, value)


def _step_for(actor: Actor, assignment: Assignment, step_id: int) -> tuple[Step, Employee | None]:
    step = assignment.steps.select_related("official__position", "unit").filter(pk=step_id).first()
    if step is None:
        raise AssignmentError("Langkah tidak ditemukan pada penugasan ini.")
    if step.status != Step.Status.MENUNGGU or assignment.status != Assignment.Status.PROSES:
        who = step.decided_by.full_name if step.decided_by_id else "pejabat lain"
        raise AssignmentError(f"Langkah ini sudah diputus ({step.get_status_display()}) oleh {who}.", code="already_decided")
    if step not in current_steps(assignment):
        raise AssignmentError("Langkah sebelumnya belum selesai; langkah ini belum dapat diputus.", code="step_not_current")
    may, on_behalf_of = _acts_for(actor, step.official)
    if not may:
        raise PermissionDenied(
            f"Langkah ini menjadi kewenangan {step.official.full_name if step.official_id else 'pejabat lain'}"
            f" ({rules.common.word(step.role)}), bukan Anda."
        )
    return step, on_behalf_of


@transaction.atomic
def decide(
    *, actor: Actor, assignment_id: int, step_id: int, approve: bool, reason: str = "",
    approved_member_ids: list[int] | None = None,
) -> Assignment:
    """Answer a permohonan (all, some or none of the named people, PEN-9), approve or refuse an
    application (PEN-12), or confirm a step of the applicant (PPU Ps 11(3) huruf b, d)."""
    assignment = _locked(actor, assignment_id)
    step, on_behalf_of = _step_for(actor, assignment, step_id)
    if step.kind == Step.Kind.TERBITKAN:
        raise AssignmentError("Langkah penerbitan dijalankan dengan menerbitkan naskah, bukan dengan persetujuan.")
    profile = officials.profile_of(actor.region)
    reason = _text(reason, "Alasan", required=False)
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
    me = _me(actor)
    _claim(step, status=status, decided_by=me, on_behalf_of=on_behalf_of, decided_at=timezone.now(), reason=reason)
    for m in approved:
        m.status = Member.Status.DISETUJUI
        m.save(update_fields=["status"])
    for m in rejected:
        m.status, m.decision_reason = Member.Status.DITOLAK, reason
        m.save(update_fields=["status", "decision_reason"])
    if step.kind == Step.Kind.JAWAB_PERMOHONAN or "surat" in step.action:
        step.document = _nota_jawaban(actor, assignment, step, approved, rejected, reason, on_behalf_of)
        step.save(update_fields=["document"])
    record_event(
        region=actor.region, actor=actor.user, verb="assignment.step_decided", obj=assignment, reason=reason,
        on_behalf_of=on_behalf_of,
        changes={"step": step.pk, "kind": step.kind, "status": status, "approved": [m.display_name for m in approved],
                 "rejected": [m.display_name for m in rejected], "article": step.article},
    )
    _after_decision(actor, assignment, step)
    return assignment


def _after_decision(actor: Actor, assignment: Assignment, step: Step) -> None:
    if step.status in (Step.Status.DIBATALKAN,) or (step.status == Step.Status.DITOLAK and step.kind != Step.Kind.JAWAB_PERMOHONAN):
        _close(actor, assignment, Assignment.Status.DITOLAK if step.status == Step.Status.DITOLAK else Assignment.Status.DIBATALKAN,
               step.reason or "Pengajuan tidak dilanjutkan.")
        return
    still = assignment.members.exclude(status=Member.Status.DITOLAK)
    if not still.exists() or (assignment.is_team and still.count() < 2 and not assignment.steps.filter(
            kind=Step.Kind.JAWAB_PERMOHONAN, status=Step.Status.MENUNGGU).exists()):
        _close(actor, assignment, Assignment.Status.DITOLAK, "Semua/sebagian besar pegawai yang dimohonkan tidak disetujui.")
        return
    _issue_now_if_ready(actor, assignment)


def _close(actor: Actor, assignment: Assignment, status: str, reason: str) -> None:
    assignment.steps.filter(status=Step.Status.MENUNGGU).update(status=Step.Status.DIBATALKAN)
    assignment.status, assignment.closed_at = status, timezone.now()
    assignment.save(update_fields=["status", "closed_at"])
    record_event(region=actor.region, actor=actor.user, verb=f"assignment.{status}", obj=assignment, reason=reason)


@transaction.atomic
def issue(*, actor: Actor, assignment_id: int, step_id: int, ketua_member_id: int | None = None) -> Assignment:
    """Issue the letter of the current issuing step (the signer, or their Plh/Plt)."""
    assignment = _locked(actor, assignment_id)
    step, _ = _step_for(actor, assignment, step_id)
    if step.kind != Step.Kind.TERBITKAN:
        raise AssignmentError("Langkah ini bukan langkah penerbitan naskah.")
    if ketua_member_id is not None:
        if not assignment.is_team:
            raise AssignmentError("Ketua hanya ditetapkan untuk tim kerja.")
        new = assignment.members.filter(pk=ketua_member_id, status=Member.Status.DISETUJUI).select_related("employee__position").first()
        if new is None or new.employee is None:
            raise AssignmentError("Ketua baru harus anggota tim yang disetujui.")
        problem = _ketua_problem(officials.profile_of(actor.region), new.employee)
        if problem:
            raise AssignmentError(problem)
        assignment.members.filter(role=Member.Role.KETUA).update(role=Member.Role.ANGGOTA)
        new.role = Member.Role.KETUA
        new.save(update_fields=["role"])
    _issue(actor, assignment, step)
    return assignment


def _issue(actor: Actor, assignment: Assignment, step: Step) -> None:
    approved = list(assignment.members.filter(status=Member.Status.DISETUJUI).select_related(
        "employee__position", "employee__unit", "home_unit"))
    if assignment.is_team and not any(m.role == Member.Role.KETUA for m in approved):
        raise AssignmentError("Ketua tim tidak disetujui oleh pimpinan unitnya; tetapkan ketua baru dari anggota yang disetujui.")
    if not approved:
        raise AssignmentError("Tidak ada pegawai yang disetujui untuk ditugaskan.")
    me = _me(actor)
    may, on_behalf_of = _acts_for(actor, step.official)
    signer_unit = step.official.position.unit if step.official.position_id else step.official.unit
    kind = INSTRUMENT_DOCUMENT.get(assignment.instrument, DocumentKind.SURAT_PERINTAH)
    payload = _letter_payload(assignment, approved, kind)
    capacity = _capacity(me, step.official) if on_behalf_of else "definitif"
    document = issue_document(
        actor=actor, kind=kind, issuing_unit=signer_unit, payload=payload, signer=me, capacity=capacity,
        on_behalf_of=on_behalf_of,
    )
    _claim(step, status=Step.Status.SELESAI, decided_by=me, on_behalf_of=on_behalf_of, decided_at=timezone.now(),
           document=document)
    assignment.letter, assignment.status, assignment.closed_at = document, Assignment.Status.DITERBITKAN, timezone.now()
    assignment.save(update_fields=["letter", "status", "closed_at"])
    record_event(
        region=actor.region, actor=actor.user, verb="assignment.issued", obj=assignment, on_behalf_of=on_behalf_of,
        changes={"document": document.number, "kind": kind, "article": step.article},
    )


def _capacity(me: Employee, official: Employee) -> str:
    from sikerja.organisation.models import Delegation

    kind = (
        Delegation.objects.acting().filter(delegator=official, delegate=me)
        .order_by("-starts_on").values_list("kind", flat=True).first()
    )
    return kind or "plh"


@transaction.atomic
def cancel(*, actor: Actor, assignment_id: int, reason: str) -> Assignment:
    """The initiator (or applicant) withdraws an assignment still in process."""
    assignment = _locked(actor, assignment_id)
    reason = _text(reason, "Alasan pembatalan")
    me = _me(actor)
    if assignment.initiated_by_id != me.pk and not _acts_for(actor, assignment.initiated_by)[0]:
        raise PermissionDenied("Hanya pengusul yang dapat membatalkan penugasan yang masih diproses.")
    if assignment.status != Assignment.Status.PROSES:
        raise AssignmentError(
            f"Penugasan sudah {assignment.get_status_display().lower()}; tidak dapat dibatalkan.", code="already_closed"
        )
    _close(actor, assignment, Assignment.Status.DIBATALKAN, reason)
    return assignment


# --- letters ---------------------------------------------------------------------------------
def _period_words(a: Assignment) -> str:
    return f"{a.starts_on:%d-%m-%Y} s.d. {a.ends_on:%d-%m-%Y}"


def _basis(a: Assignment) -> list[str]:
    profile = officials.profile_of(a.region)
    lines = [f"{profile.name} tentang Sistem Kerja pada Pemerintah Daerah"]
    lines += [d for d in a.decisions if "(" in d][:2]
    return lines


def _person(m: Member) -> Person:
    if m.employee_id:
        return person_from_employee(m.employee)
    return Person(name=m.external_name, nip=m.external_nip, jabatan="", unit=m.external_org)


def _letter_payload(a: Assignment, approved: list[Member], kind: str):
    profile = officials.profile_of(a.region)
    report = rules.ketua_reports_to(profile) if a.is_team else rules.individual_reports_to(profile)
    if kind == DocumentKind.KEPUTUSAN:
        return KeputusanPayload(
            subject=f"Pembentukan Tim Kerja {a.title}",
            menimbang=[f"bahwa untuk mencapai {a.target} perlu dibentuk tim kerja {a.title}",
                       "bahwa berdasarkan pertimbangan tersebut perlu menetapkan keputusan tentang pembentukan tim kerja"],
            mengingat=_basis(a),
            dictums=[
                f"Membentuk Tim Kerja {a.title} dengan susunan keanggotaan sebagaimana tercantum dalam Lampiran "
                f"yang merupakan bagian tidak terpisahkan dari Keputusan ini.",
                f"Tim Kerja bertugas: {a.purpose}; dengan ekspektasi/target kinerja: {a.target}.",
                f"Tim Kerja melaksanakan tugas dalam jangka waktu {_period_words(a)}"
                + (f"; {a.other_arrangements}" if a.other_arrangements else "") + ".",
                f"Ketua Tim Kerja melaporkan pelaksanaan tugas kepada {rules.common.words(report.roles, 'dan/atau')}.",
                "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
            ],
            team=[TeamMember(role=m.get_role_display(), person=_person(m)) for m in _ketua_first(approved)],
        )
    untuk = [f"{a.title}: {a.purpose}", f"Ekspektasi/target kinerja: {a.target}", f"Jangka waktu: {_period_words(a)}"]
    if a.is_team:
        ketua = next(m for m in approved if m.role == Member.Role.KETUA)
        untuk.append(f"Ketua tim: {ketua.display_name}; anggota lainnya sebagai anggota tim kerja.")
    if a.other_arrangements:
        untuk.append(f"Pengaturan lainnya: {a.other_arrangements}")
    untuk.append(report.message)
    untuk.append("Melaksanakan tugas ini dengan penuh tanggung jawab.")
    return AssignmentPayload(subject=a.title, dasar=_basis(a), persons=[_person(m) for m in _ketua_first(approved)], untuk=untuk)


def _ketua_first(members: list[Member]) -> list[Member]:
    rank = {Member.Role.KETUA: 0, Member.Role.SEKRETARIS: 1, Member.Role.ANGGOTA: 2}
    return sorted(members, key=lambda m: (rank.get(m.role, 3), m.pk))


def _nota_permohonan(actor: Actor, a: Assignment, leader: Employee, group: list[Member], on_behalf_of):
    me = _me(actor)
    unit = me.position.unit if me.position_id and me.position.is_leader else a.owning_unit
    payload = NotaDinasPayload(
        subject=f"Permohonan pelibatan dalam {a.title}",
        kepada=f"{leader.position.name if leader.position_id else leader.full_name}",
        dari=(on_behalf_of or me).position.name if (on_behalf_of or me).position_id else me.full_name,
        body=[
            f"Dalam rangka {a.title}, kami mohon pelibatan pegawai berikut.",
            f"Maksud dan tujuan: {a.purpose}",
            f"Kompetensi yang dibutuhkan: {', '.join(a.competences) or '-'}",
            f"Ekspektasi/target kinerja: {a.target}",
            f"Durasi: {_period_words(a)} ({a.hours_per_week} jam per minggu)",
        ],
        persons=[_person(m) for m in group],
    )
    document = issue_document(actor=actor, kind=DocumentKind.NOTA_DINAS_PERMOHONAN, issuing_unit=unit, payload=payload,
                              signer=me, capacity=_capacity(me, on_behalf_of) if on_behalf_of else "definitif",
                              on_behalf_of=on_behalf_of)
    document.parties.add(leader)  # the addressee reads what is asked of them
    return document


def _nota_jawaban(actor: Actor, a: Assignment, step: Step, approved, rejected, reason, on_behalf_of):
    me = _me(actor)
    holder = on_behalf_of or me
    unit = holder.position.unit if holder.position_id and holder.position.is_leader else holder.unit
    request = step.request_document.number if step.request_document_id else ""
    body = [f"Menjawab permohonan pelibatan dalam {a.title}:"]
    if approved:
        body.append("Disetujui: " + ", ".join(m.display_name for m in approved) + ".")
    if rejected:
        body.append("Tidak disetujui: " + ", ".join(m.display_name for m in rejected) + (f". Alasan: {reason}" if reason else "."))
    if step.article:
        body.append(f"Dasar: {step.article}.")
    initiator = a.initiated_by
    payload = NotaDinasPayload(
        subject=f"Jawaban permohonan pelibatan dalam {a.title}",
        kepada=initiator.position.name if initiator.position_id else initiator.full_name,
        dari=holder.position.name if holder.position_id else holder.full_name,
        body=body, persons=[_person(m) for m in approved + rejected], reference=request,
    )
    document = issue_document(actor=actor, kind=DocumentKind.NOTA_DINAS_JAWABAN, issuing_unit=unit, payload=payload,
                              signer=me, capacity=_capacity(me, on_behalf_of) if on_behalf_of else "definitif",
                              on_behalf_of=on_behalf_of)
    document.parties.add(initiator)  # the answer is addressed to the one who asked
    return document
