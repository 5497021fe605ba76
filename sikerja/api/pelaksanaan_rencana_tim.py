"""The plan of a work (PEL-6), its team records (PEL-1, PEL-2, PEL-4, PEL-5, TJ-4) and the
monitoring of a unit's works over the API (issue 12), split from
``sikerja.api.pelaksanaan_perencanaan`` (which keeps perjanjian kinerja, targets and strategies).

Writes go through the same services as the pages. Status codes as in ``sikerja.api.pelaksanaan``:
201 for a new record, 200 for a transition; 400 ``refused`` with ``messages``; 409
``already_decided``/``wrong_state``; 403 when the caller may not act; 404 outside reach."""

from typing import Literal

from django.http import HttpRequest
from ninja import Router, Status

from sikerja.api.auth import API_AUTH
from sikerja.api.pelaksanaan import REFUSALS, WORK_ID, _refuse
from sikerja.api.pelaksanaan_inputs import (
    AnswerIn,
    CoordinationIn,
    DutyIn,
    MemberNoteIn,
    MonitorFilters,
    PlanDecisionIn,
    PlanIn,
    ProblemDecisionIn,
    ProblemIn,
    RequestIn,
    TaskIn,
)
from sikerja.api.pelaksanaan_perencanaan import ID
from sikerja.api.schemas import ERRORS, check_params
from sikerja.execution import planning_selectors as ps
from sikerja.execution import selectors, team_selectors
from sikerja.execution.models import Plan
from sikerja.execution.planning_schemas import MonitorRowOut, PlanOut, TeamOut
from sikerja.execution.services import plans, problems, teamwork
from sikerja.execution.services.common import ExecutionError

router = Router(auth=API_AUTH, tags=["Pelaksanaan"])


def _op(name: str) -> str:
    """The operation id these endpoints had before the split (ninja derives it from the module),
    so clients generated from the OpenAPI document keep their method names."""
    return f"sikerja_api_pelaksanaan_perencanaan_{name}"


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
    operation_id=_op("get_plan"),
)
def get_plan(request: HttpRequest, work_id: int = WORK_ID):
    check_params(request)
    return _plan(request.auth, work_id)


@router.put(
    "/pelaksanaan/{work_id}/rencana",
    response={200: PlanOut, **REFUSALS, **ERRORS},
    summary="Susun rencana",
    operation_id=_op("save_plan"),
)
def save_plan(request: HttpRequest, data: PlanIn, work_id: int = WORK_ID):
    """Kegiatan dengan keluaran, jadwal (dalam masa penugasan) dan rincian anggaran (rupiah ≥ 0, sumber/kode DPA); menggantikan rencana sebelumnya."""
    rows = [a.dict() for a in data.activities]
    return _plan_act(request, work_id, lambda: plans.save_plan(actor=request.auth, work_id=work_id, activities=rows))


@router.post(
    "/pelaksanaan/{work_id}/rencana/ajukan",
    response={200: PlanOut, **REFUSALS, **ERRORS},
    summary="Ajukan rencana",
    operation_id=_op("submit_plan"),
)
def submit_plan(request: HttpRequest, work_id: int = WORK_ID):
    return _plan_act(request, work_id, lambda: plans.submit_plan(actor=request.auth, work_id=work_id))


@router.post(
    "/pelaksanaan/{work_id}/rencana/putusan",
    response={200: PlanOut, **REFUSALS, **ERRORS},
    summary="Setujui atau kembalikan rencana",
    operation_id=_op("decide_plan"),
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
    operation_id=_op("get_team"),
)
def get_team(request: HttpRequest, work_id: int = WORK_ID):
    check_params(request)
    return _team(request.auth, work_id)


@router.post(
    "/pelaksanaan/{work_id}/tugas",
    response={201: TeamOut, **REFUSALS, **ERRORS},
    summary="Tambah rincian tugas",
    operation_id=_op("add_task"),
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
    operation_id=_op("set_duty"),
)
def set_duty(request: HttpRequest, data: DutyIn, work_id: int = WORK_ID):
    return _team_act(
        request,
        work_id,
        lambda: teamwork.set_duty_reference(actor=request.auth, work_id=work_id, reference=data.reference),
    )


@router.post(
    "/pelaksanaan/{work_id}/koordinasi",
    response={201: TeamOut, **REFUSALS, **ERRORS},
    summary="Catat koordinasi",
    operation_id=_op("coordination"),
)
def coordination(request: HttpRequest, data: CoordinationIn, work_id: int = WORK_ID):
    return _team_act(
        request, work_id, lambda: teamwork.record_coordination(actor=request.auth, work_id=work_id, **data.dict()), 201
    )


@router.post(
    "/pelaksanaan/{work_id}/kendala",
    response={201: TeamOut, **REFUSALS, **ERRORS},
    summary="Sampaikan kendala dengan rekomendasi",
    operation_id=_op("raise_problem"),
)
def raise_problem(request: HttpRequest, data: ProblemIn, work_id: int = WORK_ID):
    return _team_act(
        request, work_id, lambda: problems.raise_problem(actor=request.auth, work_id=work_id, **data.dict()), 201
    )


@router.post(
    "/pelaksanaan/kendala/{decision_id}/putusan",
    response={200: TeamOut, **REFUSALS, **ERRORS},
    summary="Putuskan kendala",
    operation_id=_op("decide_problem"),
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
    operation_id=_op("request_report"),
)
def request_report(request: HttpRequest, data: RequestIn, work_id: int = WORK_ID):
    return _team_act(
        request, work_id, lambda: problems.request_report(actor=request.auth, work_id=work_id, **data.dict()), 201
    )


@router.post(
    "/pelaksanaan/permintaan-laporan/{request_id}/jawaban",
    response={201: TeamOut, **REFUSALS, **ERRORS},
    summary="Jawab permintaan laporan",
    operation_id=_op("answer_request"),
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
    operation_id=_op("member_note"),
)
def member_note(request: HttpRequest, data: MemberNoteIn, work_id: int = WORK_ID):
    """Ketua melaporkan kinerja tiap anggota kepada PPK dan pimpinan unit (BU Pasal 28 ayat (4) huruf e)."""
    return _team_act(
        request, work_id, lambda: teamwork.write_member_note(actor=request.auth, work_id=work_id, **data.dict()), 201
    )


# --- monitoring ------------------------------------------------------------------------------


@router.get(
    "/pelaksanaan/pemantauan",
    response={200: list[MonitorRowOut], **ERRORS},
    summary="Pemantauan pelaksanaan unit Anda",
    operation_id=_op("monitoring"),
)
def monitoring(
    request: HttpRequest,
    tahap: Literal["", "perencanaan", "pelaksanaan", "evaluasi", "selesai"] = "",
    terlambat: bool = False,
):
    """Setiap tim dan penugasan individu milik unit yang Anda pimpin: kemajuan terhadap jadwal, anggaran, laporan terlambat, kendala terbuka, reviu menunggu."""
    check_params(request, MonitorFilters)
    return ps.monitoring(request.auth, status=tahap, late_only=terlambat).works
