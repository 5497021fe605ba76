"""Perencanaan, the activity and budget plan, the team records and monitoring over the API
(issue 12; MEK-1, KIN-1, PEL-1, PEL-2, PEL-4..6, TJ-4), mounted inside the pelaksanaan router.

Writes go through the same services as the pages. Status codes as in ``sikerja.api.pelaksanaan``:
201 for a new record, 200 for a transition; 400 ``refused`` with ``messages``; 409
``already_decided``/``wrong_state``; 403 when the caller may not act; 404 outside reach."""

from typing import Literal

from django.http import HttpRequest
from ninja import Path, Router, Status

from sikerja.api.auth import API_AUTH
from sikerja.api.pelaksanaan import REFUSALS, WORK_ID, _refuse
from sikerja.api.pelaksanaan_inputs import (
    AgreementIn,
    AnswerIn,
    CoordinationIn,
    DutyIn,
    HandIn,
    LinkIn,
    MemberNoteIn,
    MonitorFilters,
    PlanDecisionIn,
    PlanIn,
    ProblemDecisionIn,
    ProblemIn,
    RequestIn,
    StrategyIn,
    TargetsIn,
    TaskIn,
)
from sikerja.api.schemas import ERRORS, check_params
from sikerja.execution import planning_selectors as ps
from sikerja.execution import selectors, team_selectors
from sikerja.execution.models import PerformanceAgreement, PerformanceTarget, Plan, Strategy, Work
from sikerja.execution.planning_schemas import AgreementOut, MonitorRowOut, PlanOut, TeamOut
from sikerja.execution.services import planning, plans, problems, teamwork
from sikerja.execution.services.common import ExecutionError

router = Router(auth=API_AUTH, tags=["Pelaksanaan"])
ID = Path(..., ge=1, le=2**63 - 1, description="ID.")


def _agreement(actor, pk):
    ps.get_agreement(actor, pk)
    return (
        PerformanceAgreement.objects.select_related("unit", "document")
        .prefetch_related("targets__strategies", "targets__works")
        .get(pk=pk)
    )


# --- perjanjian kinerja --------------------------------------------------------------------


@router.get(
    "/pelaksanaan/perjanjian-kinerja", response={200: list[AgreementOut], **ERRORS}, summary="Perjanjian kinerja"
)
def list_agreements(request: HttpRequest):
    """Perjanjian kinerja yang dapat Anda lihat: unit Anda dan di bawahnya, yang Anda tandatangani, atau yang targetnya Anda pegang."""
    check_params(request)
    return list(
        ps.visible_agreements(request.auth)
        .select_related("unit", "document")
        .prefetch_related("targets__strategies", "targets__works")[:200]
    )


@router.post(
    "/pelaksanaan/perjanjian-kinerja",
    response={201: AgreementOut, **REFUSALS, **ERRORS},
    summary="Susun perjanjian kinerja",
)
def create_agreement(request: HttpRequest, data: AgreementIn):
    """Pimpinan unit (atau Plh./Plt.-nya) menyusun perjanjian kinerja unitnya: sasaran, indikator, target."""
    try:
        a = planning.create_agreement(
            actor=request.auth, unit_id=data.unit_id, year=data.year, targets=[t.dict() for t in data.targets]
        )
    except ExecutionError as exc:
        return _refuse(exc)
    return Status(201, _agreement(request.auth, a.pk))


@router.get(
    "/pelaksanaan/perjanjian-kinerja/{agreement_id}",
    response={200: AgreementOut, **ERRORS},
    summary="Satu perjanjian kinerja",
)
def get_agreement(request: HttpRequest, agreement_id: int = ID):
    check_params(request)
    return _agreement(request.auth, agreement_id)


def _agreement_act(request, agreement_id, call):
    ps.get_agreement(request.auth, agreement_id)
    try:
        call()
    except ExecutionError as exc:
        return _refuse(exc)
    return _agreement(request.auth, agreement_id)


@router.put(
    "/pelaksanaan/perjanjian-kinerja/{agreement_id}/target",
    response={200: AgreementOut, **REFUSALS, **ERRORS},
    summary="Ganti target (draf)",
)
def replace_targets(request: HttpRequest, data: TargetsIn, agreement_id: int = ID):
    return _agreement_act(
        request,
        agreement_id,
        lambda: planning.replace_targets(
            actor=request.auth, agreement_id=agreement_id, targets=[t.dict() for t in data.targets]
        ),
    )


@router.post(
    "/pelaksanaan/perjanjian-kinerja/{agreement_id}/tandatangani",
    response={200: AgreementOut, **REFUSALS, **ERRORS},
    summary="Tandatangani (pihak pertama)",
)
def sign(request: HttpRequest, agreement_id: int = ID):
    return _agreement_act(
        request, agreement_id, lambda: planning.sign_agreement(actor=request.auth, agreement_id=agreement_id)
    )


@router.post(
    "/pelaksanaan/perjanjian-kinerja/{agreement_id}/setujui",
    response={200: AgreementOut, **REFUSALS, **ERRORS},
    summary="Tandatangani (pihak kedua, atasan)",
)
def countersign(request: HttpRequest, agreement_id: int = ID):
    return _agreement_act(
        request, agreement_id, lambda: planning.countersign_agreement(actor=request.auth, agreement_id=agreement_id)
    )


def _of_target(actor, target_id) -> int:
    from django.http import Http404

    found = (
        PerformanceTarget.objects.filter(agreement__region=actor.region, pk=target_id)
        .values_list("agreement_id", flat=True)
        .first()
    )
    if found is None:
        raise Http404("Target kinerja tidak ditemukan.")
    return found


@router.post(
    "/pelaksanaan/target/{target_id}/serahkan",
    response={200: AgreementOut, **REFUSALS, **ERRORS},
    summary="Serahkan target kepada penanggung jawab",
)
def hand_target(request: HttpRequest, data: HandIn, target_id: int = ID):
    """Pimpinan unit, atau penanggung jawab saat ini (meneruskan ke bawah), menyerahkan target
    kepada pejabat di bawahnya menurut pola jenis unit (mis. PPU Lampiran huruf C)."""
    pk = _of_target(request.auth, target_id)
    return _agreement_act(
        request,
        pk,
        lambda: planning.hand_target(actor=request.auth, target_id=target_id, responsible_id=data.responsible_id),
    )


@router.post(
    "/pelaksanaan/target/{target_id}/strategi",
    response={200: AgreementOut, **REFUSALS, **ERRORS},
    summary="Rumuskan strategi pelaksanaan",
)
def record_strategy(request: HttpRequest, data: StrategyIn, target_id: int = ID):
    pk = _of_target(request.auth, target_id)
    return _agreement_act(
        request, pk, lambda: planning.record_strategy(actor=request.auth, target_id=target_id, **data.dict())
    )


@router.post(
    "/pelaksanaan/strategi/{strategy_id}/kaitkan",
    response={200: AgreementOut, **REFUSALS, **ERRORS},
    summary="Kaitkan penugasan dengan target",
)
def link_work(request: HttpRequest, data: LinkIn, strategy_id: int = ID):
    from django.http import Http404

    pk = (
        Strategy.objects.filter(target__agreement__region=request.auth.region, pk=strategy_id)
        .values_list("target__agreement_id", flat=True)
        .first()
    )
    if pk is None:
        raise Http404("Strategi tidak ditemukan.")
    return _agreement_act(
        request, pk, lambda: planning.link_work(actor=request.auth, strategy_id=strategy_id, work_id=data.work_id)
    )


# --- PEL-6: the plan ------------------------------------------------------------------------


def _plan(actor, work_id):
    page = team_selectors.plan_page(actor, work_id)
    plan = page.plan or Plan(work=page.work, status="belum_disusun")
    return {
        "work_id": page.work.pk,
        "status": plan.status,
        "notes": plan.notes,
        "decided_by_id": plan.decided_by_id,
        "on_behalf_of_id": plan.on_behalf_of_id,
        "decided_at": plan.decided_at,
        "total": int(sum(b.amount for a in page.activities for b in a.budget_lines.all())),
        "activities": page.activities,
    }


def _plan_act(request, work_id, call):
    selectors.get_visible(request.auth, work_id)
    try:
        call()
    except ExecutionError as exc:
        return _refuse(exc)
    return _plan(request.auth, work_id)


@router.get(
    "/pelaksanaan/{work_id}/rencana",
    response={200: PlanOut, **ERRORS},
    summary="Rencana pelaksanaan kegiatan dan anggaran",
)
def get_plan(request: HttpRequest, work_id: int = WORK_ID):
    check_params(request)
    return _plan(request.auth, work_id)


@router.put("/pelaksanaan/{work_id}/rencana", response={200: PlanOut, **REFUSALS, **ERRORS}, summary="Susun rencana")
def save_plan(request: HttpRequest, data: PlanIn, work_id: int = WORK_ID):
    """Kegiatan dengan keluaran, jadwal (dalam masa penugasan) dan rincian anggaran (rupiah ≥ 0, sumber/kode DPA); menggantikan rencana sebelumnya."""
    rows = [a.dict() for a in data.activities]
    return _plan_act(request, work_id, lambda: plans.save_plan(actor=request.auth, work_id=work_id, activities=rows))


@router.post(
    "/pelaksanaan/{work_id}/rencana/ajukan", response={200: PlanOut, **REFUSALS, **ERRORS}, summary="Ajukan rencana"
)
def submit_plan(request: HttpRequest, work_id: int = WORK_ID):
    return _plan_act(request, work_id, lambda: plans.submit_plan(actor=request.auth, work_id=work_id))


@router.post(
    "/pelaksanaan/{work_id}/rencana/putusan",
    response={200: PlanOut, **REFUSALS, **ERRORS},
    summary="Setujui atau kembalikan rencana",
)
def decide_plan(request: HttpRequest, data: PlanDecisionIn, work_id: int = WORK_ID):
    """PPK ketua/pegawai atau pimpinan unit pemilik kinerja (atau Plh./Plt.-nya). Disetujui: pelaksanaan dimulai (PPU Pasal 5 ayat (1))."""
    return _plan_act(
        request,
        work_id,
        lambda: plans.decide_plan(actor=request.auth, work_id=work_id, decision=data.decision, notes=data.notes),
    )


# --- the team records ------------------------------------------------------------------------
def _team(actor, work_id):
    page = team_selectors.team_page(actor, work_id)
    return {
        "work_id": page.work.pk,
        "duty_reference": page.work.duty_reference,
        "tasks": page.tasks,
        "coordinations": page.coordinations,
        "problems": page.problems,
        "requests": page.requests,
        "member_notes": page.notes,
    }


def _team_act(request, work_id, call, status=200):
    selectors.get_visible(request.auth, work_id)
    try:
        call()
    except ExecutionError as exc:
        return _refuse(exc)
    return Status(status, _team(request.auth, work_id))


@router.get(
    "/pelaksanaan/{work_id}/tim",
    response={200: TeamOut, **ERRORS},
    summary="Rincian tugas, koordinasi, kendala, permintaan laporan, catatan anggota",
)
def get_team(request: HttpRequest, work_id: int = WORK_ID):
    check_params(request)
    return _team(request.auth, work_id)


@router.post(
    "/pelaksanaan/{work_id}/tugas", response={201: TeamOut, **REFUSALS, **ERRORS}, summary="Tambah rincian tugas"
)
def add_task(request: HttpRequest, data: TaskIn, work_id: int = WORK_ID):
    """Ketua membagi tugas kepada anggota menurut peran dan kompetensi; anggota menyusun rencana kerja individunya (BU Pasal 28)."""
    return _team_act(
        request, work_id, lambda: teamwork.add_task(actor=request.auth, work_id=work_id, **data.dict()), 201
    )


@router.put(
    "/pelaksanaan/{work_id}/butir-kegiatan",
    response={200: TeamOut, **REFUSALS, **ERRORS},
    summary="Kaitkan dengan butir kegiatan/uraian tugas",
)
def set_duty(request: HttpRequest, data: DutyIn, work_id: int = WORK_ID):
    return _team_act(
        request,
        work_id,
        lambda: teamwork.set_duty_reference(actor=request.auth, work_id=work_id, reference=data.reference),
    )


@router.post(
    "/pelaksanaan/{work_id}/koordinasi", response={201: TeamOut, **REFUSALS, **ERRORS}, summary="Catat koordinasi"
)
def coordination(request: HttpRequest, data: CoordinationIn, work_id: int = WORK_ID):
    return _team_act(
        request, work_id, lambda: teamwork.record_coordination(actor=request.auth, work_id=work_id, **data.dict()), 201
    )


@router.post(
    "/pelaksanaan/{work_id}/kendala",
    response={201: TeamOut, **REFUSALS, **ERRORS},
    summary="Sampaikan kendala dengan rekomendasi",
)
def raise_problem(request: HttpRequest, data: ProblemIn, work_id: int = WORK_ID):
    return _team_act(
        request, work_id, lambda: problems.raise_problem(actor=request.auth, work_id=work_id, **data.dict()), 201
    )


@router.post(
    "/pelaksanaan/kendala/{decision_id}/putusan",
    response={200: TeamOut, **REFUSALS, **ERRORS},
    summary="Putuskan kendala",
)
def decide_problem(request: HttpRequest, data: ProblemDecisionIn, decision_id: int = ID):
    from django.http import Http404

    from sikerja.execution.models import ProblemDecision

    work_id = (
        ProblemDecision.objects.filter(pk=decision_id, problem__work__region=request.auth.region)
        .values_list("problem__work_id", flat=True)
        .first()
    )
    if work_id is None:
        raise Http404("Keputusan kendala tidak ditemukan.")
    return _team_act(
        request, work_id, lambda: problems.decide_problem(actor=request.auth, decision_id=decision_id, **data.dict())
    )


@router.post(
    "/pelaksanaan/{work_id}/permintaan-laporan",
    response={201: TeamOut, **REFUSALS, **ERRORS},
    summary="Minta laporan sewaktu-waktu",
)
def request_report(request: HttpRequest, data: RequestIn, work_id: int = WORK_ID):
    return _team_act(
        request, work_id, lambda: problems.request_report(actor=request.auth, work_id=work_id, **data.dict()), 201
    )


@router.post(
    "/pelaksanaan/permintaan-laporan/{request_id}/jawaban",
    response={201: TeamOut, **REFUSALS, **ERRORS},
    summary="Jawab permintaan laporan",
)
def answer_request(request: HttpRequest, data: AnswerIn, request_id: int = ID):
    from django.http import Http404

    from sikerja.execution.models import ReportRequest

    work_id = (
        ReportRequest.objects.filter(pk=request_id, work__region=request.auth.region)
        .values_list("work_id", flat=True)
        .first()
    )
    if work_id is None:
        raise Http404("Permintaan laporan tidak ditemukan.")
    return _team_act(
        request, work_id, lambda: problems.answer_request(actor=request.auth, request_id=request_id, **data.dict()), 201
    )


@router.post(
    "/pelaksanaan/{work_id}/catatan-anggota",
    response={201: TeamOut, **REFUSALS, **ERRORS},
    summary="Laporkan kinerja anggota",
)
def member_note(request: HttpRequest, data: MemberNoteIn, work_id: int = WORK_ID):
    """Ketua melaporkan kinerja tiap anggota kepada PPK dan pimpinan unit (BU Pasal 28 ayat (4) huruf e)."""
    return _team_act(
        request, work_id, lambda: teamwork.write_member_note(actor=request.auth, work_id=work_id, **data.dict()), 201
    )


# --- monitoring ------------------------------------------------------------------------------


@router.get(
    "/pelaksanaan/pemantauan", response={200: list[MonitorRowOut], **ERRORS}, summary="Pemantauan pelaksanaan unit Anda"
)
def monitoring(
    request: HttpRequest,
    tahap: Literal["", "perencanaan", "pelaksanaan", "evaluasi", "selesai"] = "",
    terlambat: bool = False,
):
    """Setiap tim dan penugasan individu milik unit yang Anda pimpin: kemajuan terhadap jadwal, anggaran, laporan terlambat, kendala terbuka, reviu menunggu."""
    check_params(request, MonitorFilters)
    return ps.monitoring(request.auth, status=tahap, late_only=terlambat).works


__all__ = ["router", "Work"]


def _propose_route():
    """POST /pelaksanaan/strategi/{id}/penugasan: the assignment a strategy calls for, through
    penugasan's own service (its rules, involvement requests and letter); its work serves the
    strategy's target once the letter is issued."""
    from sikerja.api import penugasan as api_penugasan
    from sikerja.assignments.actions.common import AssignmentError
    from sikerja.assignments.services import MemberInput

    @router.post(
        "/pelaksanaan/strategi/{strategy_id}/penugasan",
        response={201: api_penugasan.AssignmentDetailOut, **REFUSALS, **ERRORS},
        summary="Buat penugasan dari strategi",
    )
    def propose_from_strategy(request: HttpRequest, data: api_penugasan.ProposeIn, strategy_id: int = ID):
        """Penanggung jawab target membuat penugasan sesuai strateginya; bentuknya harus sama
        dengan bentuk strategi (individu/tim kerja). Ditolak aturan penugasan: 400."""
        strategy = Strategy.objects.filter(target__agreement__region=request.auth.region, pk=strategy_id).first()
        if strategy is None:
            from django.http import Http404

            raise Http404("Strategi tidak ditemukan.")
        if data.form != strategy.form:
            return _refuse(ExecutionError(f"Strategi target ini berbentuk {planning.FORMS[strategy.form].lower()}."))
        values = data.dict(exclude={"members", "form"})
        members = [
            MemberInput(
                employee_id=m.employee_id,
                role=m.role,
                hours_per_week=m.hours_per_week,
                overbooking_reason=m.overbooking_reason,
                external_name=m.external_name,
                external_nip=m.external_nip,
                external_org=m.external_org,
            )
            for m in data.members
        ]
        try:
            a = planning.propose_from_strategy(actor=request.auth, strategy_id=strategy_id, members=members, **values)
        except (ExecutionError, AssignmentError) as exc:
            return _refuse(exc)
        return Status(201, api_penugasan._detail(request.auth, a.pk))


_propose_route()
