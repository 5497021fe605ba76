"""Penugasan and tim kerja over the API (issue 5, TIK-1): list, detail with steps and history,
propose (penunjukan), apply (pengajuan sukarela), decide a step, issue the letter, cancel, the
inbox, candidate search and the ketua ranking.

Writes go through ``sikerja.assignments.services``, so the same rules, locks, events, letters
and Indonesian messages apply as on the web pages. Status codes:

* 201 for a new assignment, 200 for a transition (both answer with the full detail);
* 400 ``refused``: the regulation or the data refuses the request (reversed period, unknown
  employee, missing reason for a rejection, ...); ``messages`` lists each reason;
* 409 ``already_decided`` (the step was decided already, e.g. the same answer sent twice),
  ``step_not_current`` (an earlier step still waits), ``already_closed`` (cancelling an assignment
  no longer in process): the request was valid but the assignment has moved on;
* 403 when the caller may not act (not the official of the step, not the signer, not a party);
* 404 for another region's assignment, or a step that is not part of the assignment;
* 422 for input that does not fit the schema (missing field, wrong type, unknown choice).

The schemas live in ``penugasan_schemas`` and ``penugasan_candidate_schemas``; they are
re-exported here for the modules that import them from ``sikerja.api.penugasan``.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, F
from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Path, Query, Router, Status
from ninja.pagination import paginate

from sikerja.api.auth import API_AUTH
from sikerja.api.errors import invalid_input
from sikerja.api.penugasan_candidate_schemas import (  # noqa: F401  (re-exported like the schemas below)
    CANDIDATE_DEFAULT_DAYS,
    KINDS_PATTERN,
    AvailabilityOut,
    CandidateFilters,
    CandidatePageOut,
    CandidateRowOut,
    CompetenceMatchOut,
    ExcludedOut,
    KetuaIn,
    KetuaRankingOut,
    RankedOut,
)
from sikerja.api.penugasan_schemas import (  # noqa: F401  (re-exported: other modules import them from here)
    MAX_MEMBERS,
    AmendIn,
    AmendmentOut,
    ApplyIn,
    AssignmentDetailOut,
    AssignmentFilters,
    AssignmentOut,
    AssignmentRef,
    AssignmentRefusalOut,
    AssignmentRevokeIn,
    CancelIn,
    CompetenceName,
    DecideIn,
    EventOut,
    FormCode,
    InboxOut,
    InboxStepOut,
    IssueIn,
    MemberIn,
    MemberOut,
    MemberStatusCode,
    ModeCode,
    NatureCode,
    ProcessLinkIn,
    ProposeIn,
    ReceivedOut,
    RoleCode,
    ScopeCode,
    StandingKindCode,
    StandingMemberIn,
    StandingTeamIn,
    StatusCode,
    StepKindCode,
    StepOut,
    StepStatusCode,
)
from sikerja.api.schemas import ERRORS, Id, Pagination, check_params
from sikerja.assignments import candidates, services, standing
from sikerja.assignments.models import Assignment, Step
from sikerja.assignments.selectors import assignment_detail, inbox, visible_assignments
from sikerja.assignments.services import AssignmentError, MemberInput
from sikerja.organisation.choices import PositionKind

router = Router(auth=API_AUTH, tags=["Penugasan"])

ASSIGNMENT_ID = Path(..., description="ID penugasan.")
STEP_ID = Path(..., description="ID langkah penugasan.")






# --- errors ---------------------------------------------------------------------------------

# AssignmentError codes that mean "the assignment has moved on", not "your input is wrong".
CONFLICTS = ("already_decided", "step_not_current", "already_closed", "not_issued")
REFUSALS = {400: AssignmentRefusalOut, 409: AssignmentRefusalOut}


def _refuse(exc: ValidationError, *, conflicts: bool = True):
    messages = [str(m) for m in exc.messages]
    detail = " ".join(messages)
    code = getattr(exc, "code", None)
    if conflicts and code in CONFLICTS:
        return Status(409, {"code": code, "detail": detail, "messages": messages})
    return Status(400, {"code": "refused", "detail": detail, "messages": messages})


# --- helpers --------------------------------------------------------------------------------
def _detail(actor, assignment_id: int) -> Assignment:
    """The assignment with its members, steps and events attached, as ``AssignmentDetailOut`` reads it."""
    view = assignment_detail(actor, assignment_id)
    a = view.assignment
    current = {s.pk for s in view.current}
    for step in view.steps:
        step.is_current = step.pk in current
    a.member_count = len(view.members)
    a.members_out, a.steps_out, a.events_out = view.members, view.steps, view.events
    a.amendments_out = view.amendments
    a.current_step_ids = sorted(current)
    return a


def _for_action(actor, assignment_id: int, step_id: int | None = None) -> None:
    """404 outside the region (or a step of another assignment); 403 for a caller who is not a
    party to the assignment, before the service says anything about its state."""
    if not Assignment.objects.filter(region=actor.region, pk=assignment_id).exists():
        raise Http404("Penugasan tidak ditemukan di pemerintah daerah ini.")
    if step_id is not None and not Step.objects.filter(assignment_id=assignment_id, pk=step_id).exists():
        raise Http404("Langkah tidak ditemukan pada penugasan ini.")
    if not visible_assignments(actor).filter(pk=assignment_id).exists():
        raise PermissionDenied("Anda bukan pihak pada penugasan ini dan tidak berwenang menjalankan langkahnya.")


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").replace(";", ",").split(",") if v.strip()]


# --- reads ----------------------------------------------------------------------------------
@router.get("/penugasan", response={200: list[AssignmentOut], **ERRORS}, summary="Daftar penugasan")
@paginate(Pagination)
def list_assignments(request: HttpRequest, filters: Query[AssignmentFilters]):
    """Penugasan yang boleh Anda lihat: sebagai pengusul, anggota, pejabat pada langkahnya (atau
    Plh./Plt.-nya), atasan unit pemilik kinerja atau unit anggota; seluruh daerah untuk peran
    se-daerah. Terbaru lebih dulu. Jumlah kueri tetap, berapa pun banyaknya penugasan."""
    check_params(request, AssignmentFilters)
    qs = visible_assignments(request.auth)
    for key in ("status", "form", "scope", "mode"):
        value = getattr(filters, key)
        if value:
            qs = qs.filter(**{key: value})
    if filters.process:
        qs = qs.filter(process_id=filters.process)
    return (
        qs.select_related("owning_unit", "initiated_by")
        .annotate(member_count=Count("members", distinct=True), letter_number=F("letter__number"))
        .order_by("-created_at", "-pk")
    )


@router.get("/penugasan/kotak-masuk", response={200: InboxOut, **ERRORS}, summary="Kotak masuk penugasan")
def get_inbox(request: HttpRequest):
    """Langkah yang menunggu tindakan Anda (atau pejabat yang Anda gantikan sebagai Plh./Plt.),
    penugasan yang diterbitkan untuk Anda, dan usulan Anda yang masih diproses."""
    check_params(request)
    actor = request.auth
    box = inbox(actor)
    me = actor.employee.pk if actor.employee else None
    for step in box.to_act:
        step.acting_for = step.official_id != me
    return {
        "count": box.count,
        "to_act": box.to_act,
        "received": [
            {
                "member_id": m.pk, "role": m.role, "hours_per_week": float(m.hours_per_week),
                "letter_id": m.assignment.letter_id,
                "letter_number": m.assignment.letter.number if m.assignment.letter_id else None,
                "assignment": m.assignment,
            }
            for m in box.received
        ],
        "proposed": box.proposed,
    }


# --- candidates and the ketua ranking (PEN-11, PEN-14) ---------------------------------------

def _candidate_row(row) -> dict:
    e, m, a = row.employee, row.match, row.availability
    return {
        "employee_id": e.pk, "name": e.full_name, "nip": row.nip, "in_scope": row.in_scope, "unit_id": e.unit_id,
        "unit_name": row.unit_name,
        "position_name": row.position_name, "position_kind": e.position.kind if e.position_id else None,
        "own_hours": row.own_hours, "own_hours_known": row.own_hours_known, "committed_hours": row.committed_hours,
        "competences": list(row.competences), "overbooked": row.overbooked,
        "match": {"score": m.score, "matched": list(m.matched), "missing": list(m.missing), "article": m.article,
                  "message": m.message},
        "availability": {"load_percent": a.load_percent, "overbooked": a.overbooked,
                         "overbooked_weeks": list(a.overbooked_weeks), "article": a.article, "message": a.message},
    }


@router.get(
    "/penugasan/kandidat", response={200: CandidatePageOut, **ERRORS, 400: AssignmentRefusalOut}, summary="Cari calon pegawai untuk penugasan"
)
def search_candidates(request: HttpRequest, filters: Query[CandidateFilters]):
    """Pegawai se-daerah yang memiliki kompetensi yang dibutuhkan dan masih mempunyai waktu:
    beban kerja jabatan, penugasan lain yang diterima, dan kecocokan kompetensi (PEN-14).
    Diurutkan menurut kecocokan kompetensi lalu beban paling ringan. Hanya untuk pimpinan (403)."""
    check_params(request, CandidateFilters)
    actor = request.auth
    candidates.require_search(actor)  # 403 before any 400 about the filters
    kinds = _split(filters.kinds) or list(candidates.DEFAULT_KINDS)
    unknown = [k for k in kinds if k not in PositionKind.values]
    if unknown:
        raise invalid_input("kinds", f"harus salah satu dari: {', '.join(PositionKind.values)}.", type_="enum")
    starts_on = filters.starts_on or timezone.localdate()
    ends_on = filters.ends_on or starts_on + dt.timedelta(days=CANDIDATE_DEFAULT_DAYS)
    try:
        page = candidates.search_candidates(
            actor, competences=_split(filters.competences), unit_id=filters.unit_id, q=(filters.q or "").strip(),
            kinds=kinds, starts_on=starts_on, ends_on=ends_on, hours_per_week=filters.hours_per_week,
            limit=filters.limit, offset=filters.offset,
        )
    except ValidationError as exc:
        return _refuse(exc, conflicts=False)
    return {"items": [_candidate_row(r) for r in page.rows], "total": page.total, "limit": page.limit, "offset": page.offset}


@router.post("/penugasan/calon-ketua", response={200: KetuaRankingOut, **ERRORS, 400: AssignmentRefusalOut}, summary="Urutan calon ketua tim")
def rank_ketua_candidates(request: HttpRequest, data: KetuaIn):
    """Calon ketua diurutkan menurut prioritas peraturan daerah, tiap peringkat dengan alasan
    dan pasalnya (PEN-11); yang tidak dapat menjadi ketua dicantumkan dengan alasannya (PEN-10).
    Hanya untuk pimpinan yang menyusun tim (403)."""
    actor = request.auth
    candidates.require_search(actor)  # 403 before any 400 about the filters
    try:
        ranking = candidates.ketua_ranking(actor, data.employee_ids, data.owning_unit_id)
    except ValidationError as exc:
        return _refuse(exc, conflicts=False)
    return {
        "ranked": [
            {"employee_id": r.candidate.employee_id, "name": r.candidate.name, "kind": r.candidate.kind,
             "position": r.position, "explanation": list(r.explanation), "tied_with_previous": r.tied_with_previous}
            for r in ranking.ranked
        ],
        "excluded": [
            {"employee_id": x.candidate.employee_id, "name": x.candidate.name, "kind": x.candidate.kind,
             "reason": x.reason, "article": x.article}
            for x in ranking.excluded
        ],
        "criteria": list(ranking.criteria), "article": ranking.article, "message": ranking.message,
    }


# --- standing governance teams (TIK-2, TIK-3): recorded through the same service as the page ---


@router.post("/penugasan/tim-tetap", response={201: AssignmentDetailOut, **ERRORS, **REFUSALS}, summary="Catat tim tetap")
def record_standing_team(request: HttpRequest, data: StandingTeamIn):
    """Tim tetap tata kelola yang ditetapkan Keputusan Bupati: dicatat oleh admin organisasi atau
    Sekretaris Daerah, dengan susunan diperiksa menurut profil regulasi (sama dengan halaman)."""
    actor = request.auth
    values = data.dict(exclude={"members"})
    members = [standing.StandingMemberInput(**m.dict()) for m in data.members]
    try:
        team = standing.form_standing_team(actor, members=members, **values)
    except AssignmentError as exc:
        return _refuse(exc)
    return Status(201, _detail(actor, team.pk))


# --- one assignment and its transitions ------------------------------------------------------
@router.post("/penugasan", response={201: AssignmentDetailOut, **ERRORS, **REFUSALS}, summary="Usulkan penugasan (penunjukan)")
def propose_assignment(request: HttpRequest, data: ProposeIn):
    """Penugasan individu atau tim kerja dengan penunjukan oleh pimpinan unit pemilik kinerja
    (atau Plh./Plt.-nya), atau oleh PPK dalam satu unit. Langkahnya mengikuti profil regulasi:
    permohonan pelibatan ke pimpinan unit asal lintas unit (PEN-6, PEN-9), lalu penerbitan naskah
    oleh penanda tangan yang ditetapkan (PEN-5, PEN-7). Bila tidak ada yang ditunggu dan Anda
    penanda tangannya, naskah langsung terbit. Ditolak aturan: 400 dengan alasan dan pasalnya."""
    actor = request.auth
    values = data.dict(exclude={"members"})
    members = [
        MemberInput(
            employee_id=m.employee_id, role=m.role, hours_per_week=m.hours_per_week, overbooking_reason=m.overbooking_reason,
            external_name=m.external_name, external_nip=m.external_nip, external_org=m.external_org,
            external_position=m.external_position,
        )
        for m in data.members
    ]
    try:
        a = services.propose(actor=actor, members=members, **values)
    except AssignmentError as exc:
        return _refuse(exc)
    return Status(201, _detail(actor, a.pk))


@router.post("/penugasan/pengajuan", response={201: AssignmentDetailOut, **ERRORS, **REFUSALS}, summary="Ajukan diri (pengajuan sukarela)")
def apply_voluntarily(request: HttpRequest, data: ApplyIn):
    """Pejabat fungsional atau pelaksana mengajukan diri untuk suatu kinerja (PEN-3). Langkahnya
    mengikuti profil: persetujuan atasan langsung/PPK lintas unit (PEN-12), atau alur PPU Ps 11(2)
    dan 11(3)."""
    actor = request.auth
    try:
        a = services.apply_voluntarily(actor=actor, **data.dict())
    except AssignmentError as exc:
        return _refuse(exc)
    return Status(201, _detail(actor, a.pk))


@router.get("/penugasan/{assignment_id}", response={200: AssignmentDetailOut, **ERRORS}, summary="Rincian penugasan")
def get_assignment(request: HttpRequest, assignment_id: Id = ASSIGNMENT_ID):
    """Satu penugasan dengan anggota, langkah (siapa memutus, kapan, atas nama siapa, alasan,
    pasal, naskah) dan riwayat peristiwanya (MEK-5). Di luar cakupan Anda atau daerah lain: 404."""
    check_params(request)
    return _detail(request.auth, assignment_id)


@router.post(
    "/penugasan/{assignment_id}/langkah/{step_id}/putuskan",
    response={200: AssignmentDetailOut, **ERRORS, **REFUSALS}, summary="Putuskan langkah penugasan",
)
def decide_step(request: HttpRequest, data: DecideIn, assignment_id: Id = ASSIGNMENT_ID, step_id: Id = STEP_ID):
    """Menjawab permohonan pelibatan (seluruhnya, sebagian, atau tidak; penolakan dengan alasan,
    PEN-9), menyetujui atau menolak pengajuan sukarela (PEN-12), atau konfirmasi pemohon. Hanya
    pejabat langkah itu atau Plh./Plt.-nya (403). Langkah yang sudah diputus: 409."""
    actor = request.auth
    _for_action(actor, assignment_id, step_id)
    try:
        services.decide(actor=actor, assignment_id=assignment_id, step_id=step_id, approve=data.approve,
                        reason=data.reason, approved_member_ids=data.approved_member_ids)
    except AssignmentError as exc:
        return _refuse(exc)
    return Status(200, _detail(actor, assignment_id))


@router.post(
    "/penugasan/{assignment_id}/langkah/{step_id}/terbitkan",
    response={200: AssignmentDetailOut, **ERRORS, **REFUSALS}, summary="Terbitkan naskah penugasan",
)
def issue_letter(request: HttpRequest, data: IssueIn | None = None, assignment_id: Id = ASSIGNMENT_ID, step_id: Id = STEP_ID):
    """Penanda tangan (atau Plh./Plt.-nya) menerbitkan surat perintah/surat tugas/keputusan bagi
    anggota yang disetujui (PEN-5, PEN-7, PEN-8). Bukan penanda tangan: 403. Sudah terbit: 409."""
    actor = request.auth
    _for_action(actor, assignment_id, step_id)
    try:
        services.issue(actor=actor, assignment_id=assignment_id, step_id=step_id, ketua_member_id=data.ketua_member_id if data else None)
    except AssignmentError as exc:
        return _refuse(exc)
    return Status(200, _detail(actor, assignment_id))


@router.post(
    "/penugasan/{assignment_id}/batal", response={200: AssignmentDetailOut, **ERRORS, **REFUSALS}, summary="Batalkan penugasan",
)
def cancel_assignment(request: HttpRequest, data: CancelIn, assignment_id: Id = ASSIGNMENT_ID):
    """Pengusul atau pemohon (atau Plh./Plt.-nya) membatalkan penugasan yang masih diproses, dengan
    alasan. Bukan pengusul: 403. Sudah terbit, ditolak atau dibatalkan: 409."""
    actor = request.auth
    _for_action(actor, assignment_id)
    try:
        services.cancel(actor=actor, assignment_id=assignment_id, reason=data.reason)
    except AssignmentError as exc:
        return _refuse(exc)
    return Status(200, _detail(actor, assignment_id))


@router.post(
    "/penugasan/{assignment_id}/proses-bisnis",
    response={200: AssignmentDetailOut, **REFUSALS, **ERRORS},
    summary="Tetapkan proses bisnis yang dijalankan penugasan",
)
def name_process(request: HttpRequest, data: ProcessLinkIn, assignment_id: Id = ASSIGNMENT_ID):
    """Pengusul atau pimpinan unit pemilik kinerja (atau Plh./Plt.-nya) mengaitkan penugasan yang
    masih diproses atau berjalan dengan proses bisnis daerahnya (hanya proses yang aktif). Proses
    daerah lain atau tidak aktif: 400. Bukan pengusul/pimpinan: 403. Sudah ditolak, dibatalkan
    atau dicabut: 409. Naskah penugasan tidak berubah."""
    actor = request.auth
    _for_action(actor, assignment_id)
    try:
        services.set_process(actor=actor, assignment_id=assignment_id, process_id=data.process_id)
    except AssignmentError as exc:
        return _refuse(exc)
    return Status(200, _detail(actor, assignment_id))


@router.post(
    "/penugasan/{assignment_id}/ubah",
    response={200: AssignmentDetailOut, **REFUSALS, **ERRORS},
    summary="Akhiri lebih awal atau perpanjang penugasan",
)
def amend_assignment(request: HttpRequest, data: AmendIn, assignment_id: Id = ASSIGNMENT_ID):
    """Penanda tangan naskah penugasan (atau Plh./Plt.-nya) mengakhiri penugasan yang sudah terbit
    lebih awal atau memperpanjangnya, dengan naskah baru yang merujuk naskah pertama. Perpanjangan
    memeriksa kembali beban kerja pegawai (PEN-14). Bukan penanda tangan: 403. Belum terbit atau
    sudah dicabut: 409."""
    actor = request.auth
    _for_action(actor, assignment_id)
    try:
        services.amend(actor=actor, assignment_id=assignment_id, new_ends_on=data.new_ends_on, reason=data.reason)
    except AssignmentError as exc:
        return _refuse(exc)
    except ValidationError as exc:  # the letter could not be issued (its content)
        return _refuse(exc, conflicts=False)
    return Status(200, _detail(actor, assignment_id))


@router.post(
    "/penugasan/{assignment_id}/cabut",
    response={200: AssignmentDetailOut, **REFUSALS, **ERRORS},
    summary="Cabut naskah penugasan",
)
def revoke_assignment(request: HttpRequest, data: AssignmentRevokeIn, assignment_id: Id = ASSIGNMENT_ID):
    """Penanda tangan (atau Plh./Plt.-nya) mencabut naskah penugasan: penugasan berakhir, jamnya
    tidak lagi dihitung, naskah perubahannya ikut dicabut, dan verifikasi naskah menyatakan
    DICABUT. Bukan penanda tangan: 403. Belum terbit atau sudah dicabut: 409."""
    actor = request.auth
    _for_action(actor, assignment_id)
    try:
        services.revoke(actor=actor, assignment_id=assignment_id, reason=data.reason)
    except AssignmentError as exc:
        return _refuse(exc)
    except ValidationError as exc:
        return _refuse(exc, conflicts=False)
    return Status(200, _detail(actor, assignment_id))
