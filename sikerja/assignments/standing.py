"""Standing governance teams (*tim tetap*, TIK-2, TIK-3, PRF-2): recording one and reading them.

These teams are set by a Keputusan Bupati (MU Ps 24(1),(7), 25(4), 26(2)), which the
application does not sign. A team is therefore *recorded*: with the number and date of that
decree as its basis, status ``diterbitkan`` at once, and its members (employees of this region
and members from outside government with their unsur, MU Ps 26(1)). The pure rule
(``rules.standing``) decides whether the profile provides the team and checks its composition;
a violation of a binding composition (MU Ps 24(4), PPU Ps 14(3), PPU Lampiran huruf D) refuses
with every finding listed. Teams are not proposed through ``services.propose``: its initiator
rules are for ordinary work.

Seats are read from the organisation *by unit name and type* (``pd_function_of``,
``unit_function_of``): a Badan or Dinas whose name mentions "Perencanaan" is the Bappeda,
"Keuangan" the BPKAD, "Komunikasi"/"Informatika" the Diskominfo, "Kepegawaian"/"Sumber Daya
Manusia" the BKPSDM; a Bagian of the Sekretariat Daerah named "Organisasi" is the Bagian
Organisasi and the Asisten named "Administrasi Umum" is the Asisten Administrasi Umum. The
organisation data carries no other marker of these functions; a region whose units are named
otherwise gets the seats ``kepala_pd_lain`` / ``pimpinan_unit_lain`` for them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from sikerja.accounts.access import Actor
from sikerja.accounts.models import Role
from sikerja.assignments import officials
from sikerja.assignments.models import Assignment, Form, Member, Mode, Nature, Scope, StandingKind
from sikerja.assignments.rules import standing as rule
from sikerja.assignments.rules.scope import assignment_scope
from sikerja.assignments.services import MAX_MEMBERS, AssignmentError, _hours, _period, _text
from sikerja.audit.services import record_event
from sikerja.i18n import stored
from sikerja.organisation.choices import UnitType
from sikerja.organisation.models import Employee, Unit

SCOPE_ORDER = {s: i for i, s in enumerate(Scope.values)}
DEFAULT_HOURS = 2  # jam per minggu: rapat dan tugas tim tata kelola di samping tugas jabatan
PD_KEYWORDS = (
    ("kominfo", ("komunikasi", "informatika")),
    ("perencanaan", ("perencanaan",)),
    ("keuangan", ("keuangan",)),
    ("sdm", ("kepegawaian", "sumber daya manusia")),
)


@dataclass
class StandingMemberInput:
    employee_id: int | None = None
    role: str = Member.Role.ANGGOTA
    external_name: str = ""
    external_org: str = ""  # instansi/lembaga of a member from outside
    unsur: str = ""  # akademisi, dunia_industri, dunia_usaha, masyarakat, ... (MU Ps 26(1))
    external_nip: str = ""


# --- the organisation read as seats (by name; see the module docstring) -----------------------
def pd_function_of(pd: Unit | None) -> str:
    if pd is None:
        return ""
    if pd.unit_type == UnitType.SETDA:
        return "setda"
    if pd.unit_type not in (UnitType.DINAS, UnitType.BADAN):
        return ""
    name = pd.name.lower()
    for function, words in PD_KEYWORDS:
        if any(w in name for w in words):
            return function
    return ""


def unit_function_of(unit: Unit | None) -> str:
    if unit is None:
        return ""
    name = unit.name.lower()
    if unit.unit_type == UnitType.BAGIAN and "organisasi" in name:
        return "organisasi"
    if unit.unit_type == UnitType.ASISTEN and "administrasi umum" in name:
        return "administrasi_umum"
    return ""


def facts_of(employee: Employee, role: str = Member.Role.ANGGOTA) -> rule.MemberFacts:
    """The seat and perangkat daerah of an employee as plain facts for the rule."""
    position = employee.position if employee.position_id else None
    leads = bool(position and position.is_leader)
    unit = position.unit if leads else employee.unit
    pd = officials.pd_root(unit) if unit is not None else None
    pd_function = pd_function_of(pd)
    seat = rule.seat_for(
        leads_unit=leads, unit_is_pd=bool(unit and unit.is_perangkat_daerah), unit_type=unit.unit_type if unit else "",
        pd_function=pd_function, unit_function=unit_function_of(unit),
    )
    return rule.MemberFacts(name=employee.full_name, role=role, seat=seat, pd=pd.code if pd else "", pd_function=pd_function)


def _people(region, ids) -> dict[int, Employee]:
    return {
        e.pk: e
        for e in Employee.objects.filter(region=region, pk__in=list(ids), is_active=True).select_related(
            "position__unit__perangkat_daerah", "unit__perangkat_daerah"
        )
    }


# --- who records -----------------------------------------------------------------------------
def may_record(actor: Actor) -> bool:
    """Org admins (admin organisasi, admin BKPSDM, superadmin) and the Sekretaris Daerah (or their
    Plh/Plt) record standing teams."""
    if actor.can_administer_org or Role.SEKDA in actor.roles:
        return True
    if actor.employee is None:
        return False
    return officials.acting_for(actor.employee, officials.sekretaris_daerah(actor.region))[0]


def require_recorder(actor: Actor) -> None:
    if not may_record(actor):
        raise PermissionDenied(_('Tim tetap dicatat oleh admin organisasi, admin BKPSDM atau Sekretaris Daerah.'))


# --- parsing the form's lines ------------------------------------------------------------------
def resolve_employee(actor: Actor, token: str) -> int:
    """An employee of the region by NIP (18 digits) or by id ("#12" or a shorter number)."""
    raw = (token or "").strip()
    digits = "".join(ch for ch in raw.lstrip("#") if ch.isdigit() or ch == " ").replace(" ", "")
    if not digits:
        raise AssignmentError(_("'%(raw)s' bukan NIP atau nomor pegawai.") % {"raw": raw})
    qs = Employee.objects.filter(region=actor.region, is_active=True)
    found = qs.filter(nip=digits).values_list("pk", flat=True).first() if len(digits) == 18 else (
        qs.filter(pk=int(digits)).values_list("pk", flat=True).first())
    if found is None:
        raise AssignmentError(_('Pegawai dengan NIP/nomor %(digits)s tidak ditemukan di pemerintah daerah ini atau tidak aktif.') % {"digits": digits})
    return found


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").replace(",", "\n").splitlines() if line.strip()]


def parse_external_line(line: str) -> StandingMemberInput:
    """"nama; unsur/instansi" (e.g. "Dr. Rina Wati; akademisi/Universitas Mulawarman"). With only
    one part after the ";", it is the unsur when it names one, else the instansi (whose name may
    still tell the unsur: "Universitas ..." is akademisi)."""
    name, _sep, rest = line.partition(";")
    if "/" in rest:
        unsur_text, _sep2, org = rest.partition("/")
        unsur = rule.unsur_key(unsur_text)
    else:
        key = rule.unsur_key(rest)
        known = key in rule.UNSUR
        unsur, org = (key if known else ""), ("" if known and rest.strip().lower().replace(" ", "_") == key else rest)
    return StandingMemberInput(external_name=name.strip(), unsur=unsur, external_org=org.strip())


def members_from_lines(actor: Actor, *, ketua: str = "", sekretaris: str = "", anggota: str = "",
                       external: str = "") -> list[StandingMemberInput]:
    """The members from the form: the ketua and sekretaris (one NIP/number each, optional), the
    anggota (NIP/number per line) and members from outside (one "nama; unsur/instansi" per line).
    Unknown people are all listed in one refusal."""
    members, errors = [], []
    for role, text in ((Member.Role.KETUA, ketua), (Member.Role.SEKRETARIS, sekretaris), (Member.Role.ANGGOTA, anggota)):
        tokens = _lines(text)
        if role != Member.Role.ANGGOTA and len(tokens) > 1:
            errors.append(_("Isi satu NIP saja untuk %(role)s.") % {"role": str(role.label).lower()})
            continue
        for token in tokens:
            try:
                members.append(StandingMemberInput(employee_id=resolve_employee(actor, token), role=role))
            except AssignmentError as exc:
                errors.extend(exc.messages)
    for line in (external or "").splitlines():
        if line.strip():
            if ";" not in line:
                errors.append(_("Baris anggota dari luar '%(line)s' harus berbentuk 'nama; unsur/instansi'.") % {"line": line.strip()})
                continue
            members.append(parse_external_line(line))
    if errors:
        raise AssignmentError(errors)
    return members


# --- recording -------------------------------------------------------------------------------
def _member_facts(people: dict[int, Employee], members: list[StandingMemberInput]) -> list[rule.MemberFacts]:
    out = []
    for m in members:
        if m.employee_id:
            out.append(facts_of(people[m.employee_id], m.role))
        else:
            out.append(rule.MemberFacts(name=m.external_name, role=m.role, seat="luar", unsur=m.unsur))
    return out


def recorded_kinds(region, on: dt.date) -> set[str]:
    """Standing teams of the region in force on a date (for "atas usul Tim Koordinasi")."""
    return set(
        Assignment.objects.filter(region=region, status=Assignment.Status.DITERBITKAN, starts_on__lte=on, ends_on__gte=on)
        .exclude(standing_kind="").values_list("standing_kind", flat=True)
    )


def _validate_members(members: list[StandingMemberInput]) -> None:
    if not members:
        raise AssignmentError(_('Cantumkan paling sedikit satu anggota tim.'))
    if len(members) > MAX_MEMBERS:
        raise AssignmentError(_('Paling banyak %(max_members)s anggota dalam satu tim.') % {"max_members": MAX_MEMBERS})
    ids = [m.employee_id for m in members if m.employee_id]
    if len(set(ids)) != len(ids):
        raise AssignmentError(_('Seorang pegawai tercantum lebih dari sekali.'))
    if sum(1 for m in members if m.role == Member.Role.KETUA) > 1:
        raise AssignmentError(_('Satu tim hanya mempunyai satu ketua.'))
    for m in members:
        if m.role not in Member.Role.values:
            raise AssignmentError(_('Peran anggota harus ketua, sekretaris atau anggota.'))
        if not m.employee_id:
            _text(m.external_name, _('Nama anggota dari luar pemerintah daerah'), limit=200)
            if not (m.unsur or m.external_org).strip():
                raise AssignmentError(_('Sebutkan unsur atau instansi %(external_name)s.') % {"external_name": m.external_name})
            _text(m.external_org, _('Instansi anggota dari luar'), required=False, limit=200)
            if m.external_nip and not (m.external_nip.isdigit() and len(m.external_nip) == 18):
                raise AssignmentError(_('NIP %(external_name)s harus 18 angka.') % {"external_name": m.external_name})


def _owning_unit(actor: Actor, people: dict[int, Employee], members: list[StandingMemberInput], owning_unit_id) -> Unit:
    if owning_unit_id:
        unit = Unit.objects.filter(region=actor.region, pk=owning_unit_id, is_active=True).first()
        if unit is None:
            raise AssignmentError(_('Unit pemilik tim tidak ditemukan di pemerintah daerah ini.'))
        return unit
    ketua = next((people[m.employee_id] for m in members if m.role == Member.Role.KETUA and m.employee_id), None)
    for emp in [ketua] + [people[m.employee_id] for m in members if m.employee_id]:
        if emp is not None:
            facts_unit = emp.position.unit if emp.position_id and emp.position.is_leader else emp.unit
            if facts_unit is not None:
                return officials.pd_root(facts_unit)
    setda = Unit.objects.filter(region=actor.region, unit_type=UnitType.SETDA, is_perangkat_daerah=True).first()
    if setda is None:
        raise AssignmentError(_('Tentukan unit pemilik tim: tidak ada anggota pegawai dan Sekretariat Daerah tidak ditemukan.'))
    return setda


def _scope(region, owning: Unit, people: dict[int, Employee]) -> str:
    owning_chain = officials.unit_chain(owning)
    scopes = [
        assignment_scope(officials.unit_chain(e.unit), owning_chain, region, region).scope
        for e in people.values() if e.unit_id
    ]
    return max(scopes or [Scope.DALAM_UNIT], key=SCOPE_ORDER.__getitem__)


def _create_members(team: Assignment, members: list[StandingMemberInput], people: dict[int, Employee], hours) -> list[Member]:
    return Member.objects.bulk_create([
        Member(
            assignment=team, employee=people.get(m.employee_id) if m.employee_id else None, role=m.role,
            status=Member.Status.DISETUJUI, hours_per_week=hours,
            home_unit=people[m.employee_id].unit if m.employee_id else None,
            external_name=m.external_name.strip() if not m.employee_id else "",
            external_org=(m.external_org or stored(rule.unsur_word, m.unsur)).strip()[:200] if not m.employee_id else "",
            external_nip=m.external_nip if not m.employee_id else "",
        )
        for m in members
    ])


@transaction.atomic
def form_standing_team(
    actor: Actor, *, kind: str, title: str, purpose: str = "", target: str = "", starts_on: dt.date, ends_on: dt.date,
    members: list[StandingMemberInput], basis_number: str, basis_date: dt.date, hours_per_week=DEFAULT_HOURS,
    other_arrangements: str = "", owning_unit_id: int | None = None,
) -> Assignment:
    """Record a standing governance team set by a Keputusan Bupati (TIK-2, TIK-3)."""
    require_recorder(actor)
    region, profile = actor.region, officials.profile_of(actor.region)
    if kind not in StandingKind.values or kind == StandingKind.NONE:
        raise AssignmentError(_('Jenis tim tetap tidak dikenal.'))
    provision = rule.team_provided(profile, kind)
    if not provision.allowed:
        raise AssignmentError(provision.message)
    summary = rule.composition_summary(profile, kind)
    title = _text(title, "Nama tim", limit=300)
    purpose = (purpose or "").strip() or rule.tasks_text(summary.tasks)
    if not purpose:
        raise AssignmentError(_('Tugas tim wajib diisi: %(name)s tidak merinci tugas %(label)s.') % {"name": profile.name, "label": summary.label})
    purpose = _text(purpose, "Tugas tim")
    basis_number = _text(basis_number, "Nomor keputusan penetapan", limit=120)
    if not isinstance(basis_date, dt.date):
        raise AssignmentError(_('Tanggal keputusan penetapan wajib diisi.'))
    if basis_date > timezone.localdate():
        raise AssignmentError(_('Tanggal keputusan penetapan tidak boleh setelah hari ini.'))
    target = _text(target, "Ekspektasi/target", required=False) or (
        f"Terlaksananya tugas {summary.label} sebagaimana ditetapkan dalam keputusan nomor {basis_number}."
    )
    other_arrangements = _text(other_arrangements, "Pengaturan lainnya", required=False)
    _period(starts_on, ends_on)
    hours = _hours(hours_per_week)
    _validate_members(members)
    ids = [m.employee_id for m in members if m.employee_id]
    people = _people(region, ids)
    if len(people) != len(set(ids)):
        raise AssignmentError(_('Pegawai yang dipilih tidak ditemukan di pemerintah daerah ini atau tidak aktif.'))

    facts = _member_facts(people, members)
    existing = recorded_kinds(region, starts_on)
    decision = rule.check_composition(profile, kind, facts, recorded_kinds=existing)
    if not decision.ok:
        raise AssignmentError(
            [_('Susunan %(label)s belum sesuai %(article)s:') % {"label": decision.label, "article": decision.article}]
            + [f"{f.message.rstrip('.')} ({f.article})." for f in decision.violations]
        )

    # The same team under the same decree once: a second record would double its members' hours.
    # The region's row is locked so that two racing requests cannot both pass this check.
    type(region).objects.select_for_update().filter(pk=region.pk).first()
    if Assignment.objects.filter(region=region, standing_kind=kind, basis_number__iexact=basis_number).exists():
        raise AssignmentError(
            _('%(label)s dengan keputusan nomor %(basis_number)s sudah tercatat; tim yang sama tidak dicatat dua kali.') % {"label": StandingKind(kind).label, "basis_number": basis_number}
        )

    owning = _owning_unit(actor, people, members, owning_unit_id)
    initiator = actor.employee or officials.sekretaris_daerah(region) or next(iter(people.values()), None)
    if initiator is None:
        raise AssignmentError(_('Tidak ada pegawai pemerintah daerah ini yang dapat dicatat sebagai pengusul.'))
    # What is kept on the record (notes, audit) is in Bahasa Indonesia whatever the page (PLT-5).
    provision = stored(rule.team_provided, profile, kind)
    decision = stored(rule.check_composition, profile, kind, facts, recorded_kinds=existing)
    decisions = [provision.message, decision.message]
    decisions += [f"Catatan: {f.message.rstrip('.')} ({f.article})." for f in decision.notes]
    if decision.set_by:
        decisions.append(f"Penetapan: {decision.set_by}.")
    decisions.append(
        f"Dicatat berdasarkan keputusan nomor {basis_number} tanggal {basis_date:%d-%m-%Y}; keputusan tersebut tidak "
        f"diterbitkan melalui aplikasi."
    )
    team = Assignment.objects.create(
        region=region, form=Form.TIM_KERJA, scope=_scope(region, owning, people), mode=Mode.PENUNJUKAN,
        nature=Nature.REGULER, standing_kind=kind, title=title, owning_unit=owning, purpose=purpose, target=target,
        starts_on=starts_on, ends_on=ends_on, hours_per_week=hours, other_arrangements=other_arrangements,
        law_requires_decree=True, status=Assignment.Status.DITERBITKAN, initiated_by=initiator, instrument="keputusan",
        decisions=decisions, created_by=actor.user if getattr(actor.user, "is_authenticated", False) else None,
        closed_at=timezone.now(), basis_number=basis_number, basis_date=basis_date,
    )
    try:
        with transaction.atomic():
            rows = _create_members(team, members, people, hours)
    except IntegrityError as exc:
        raise AssignmentError(_('Susunan anggota tidak dapat disimpan: satu tim hanya mempunyai satu ketua dan setiap pegawai tercantum sekali.')) from exc
    team.composition = {
        "profile": profile.name,
        "recorded_kinds": sorted(existing),
        "members": [
            {"member": row.pk, "name": f.name, "role": f.role, "seat": f.seat, "pd": f.pd, "pd_function": f.pd_function,
             "unsur": f.unsur}
            for row, f in zip(rows, facts, strict=True)
        ],
    }
    team.save(update_fields=["composition"])
    record_event(
        region=region, actor=actor.user, verb="assignment.standing_recorded", obj=team,
        changes={
            "kind": kind, "basis_number": basis_number, "basis_date": basis_date.isoformat(),
            "members": [f"{f.name} ({f.role}, {stored(rule.seat_word, f.seat)})" for f in facts],
            "article": decision.article, "notes": [f.message for f in decision.notes],
        },
    )
    return team


# --- reading ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class MemberRow:
    member: Member
    seat: str
    unsur: str
    nip: str  # empty when the actor may not see it


@dataclass(frozen=True)
class StandingTeamDetail:
    team: Assignment
    members: list[MemberRow]
    decision: rule.CompositionDecision
    summary: rule.CompositionSummary


def standing_teams(actor: Actor) -> QuerySet[Assignment]:
    """The region's standing teams (every user of the region sees them: they are set by public
    decree). Nobody sees another region's."""
    return (
        Assignment.objects.filter(region=actor.region).exclude(standing_kind="")
        .select_related("owning_unit").annotate(n_members=Count("members"))
        .order_by("standing_kind", "-basis_date", "-pk")
    )


def provided_kinds(actor: Actor) -> list[rule.CompositionSummary]:
    """Every standing-team kind with what the region's profile says about it (provided kinds first)."""
    profile = officials.profile_of(actor.region)
    summaries = [rule.composition_summary(profile, k) for k in rule.KINDS]
    return sorted(summaries, key=lambda s: not s.provision.allowed)


def _facts_from_snapshot(team: Assignment, members: list[Member]) -> list[rule.MemberFacts]:
    snap = {row.get("member"): row for row in (team.composition or {}).get("members", [])}
    out = []
    for m in members:
        row = snap.get(m.pk)
        if row is not None:
            out.append(rule.MemberFacts(name=row.get("name") or m.display_name, role=m.role, seat=row.get("seat", "asn"),
                                        pd=row.get("pd", ""), pd_function=row.get("pd_function", ""),
                                        unsur=row.get("unsur", "")))
        elif m.employee_id:
            out.append(facts_of(m.employee, m.role))
        else:
            out.append(rule.MemberFacts(name=m.external_name, role=m.role, seat="luar", unsur=rule.unsur_key(m.external_org)))
    return out


def standing_team(actor: Actor, pk: int) -> StandingTeamDetail:
    """One standing team of the actor's region with its members and the composition check
    (seats as recorded, rules of the region's current profile); 404 for anything else."""
    team = (
        Assignment.objects.filter(region=actor.region, pk=pk).exclude(standing_kind="")
        .select_related("owning_unit", "initiated_by", "created_by").first()
    )
    if team is None:
        raise Http404(_('Tim tetap tidak ditemukan.'))
    members = list(
        team.members.select_related("employee__position__unit__perangkat_daerah", "employee__unit__perangkat_daerah")
    )
    rank = {Member.Role.KETUA: 0, Member.Role.SEKRETARIS: 1, Member.Role.ANGGOTA: 2}
    members.sort(key=lambda m: (rank.get(m.role, 3), m.pk))
    facts = _facts_from_snapshot(team, members)
    profile = officials.profile_of(actor.region)
    recorded = set((team.composition or {}).get("recorded_kinds", [])) if team.composition else None
    decision = rule.check_composition(profile, team.standing_kind, facts, recorded_kinds=recorded)
    rows = [
        MemberRow(
            member=m, seat=rule.seat_word(f.seat), unsur=rule.unsur_word(f.unsur_key),
            nip=m.employee.nip if m.employee_id and actor.sees_employee(m.employee) else "",
        )
        for m, f in zip(members, facts, strict=True)
    ]
    return StandingTeamDetail(team, rows, decision, rule.composition_summary(profile, team.standing_kind))
