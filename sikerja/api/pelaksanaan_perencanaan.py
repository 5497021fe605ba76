"""Perencanaan over the API (issue 12; MEK-1, KIN-1): the perjanjian kinerja, its targets handed
down the cascade, the strategy per target and the assignments it links or proposes. The plan of a
work, its team records and monitoring are in ``sikerja.api.pelaksanaan_rencana_tim``.

Writes go through the same services as the pages. Status codes as in ``sikerja.api.pelaksanaan``:
201 for a new record, 200 for a transition; 400 ``refused`` with ``messages``; 409
``already_decided``/``wrong_state``; 403 when the caller may not act; 404 outside reach."""


from django.http import HttpRequest
from ninja import Path, Router, Status

from sikerja.api.auth import API_AUTH
from sikerja.api.pelaksanaan import REFUSALS, _refuse
from sikerja.api.pelaksanaan_inputs import (
    AgreementIn,
    HandIn,
    LinkIn,
    StrategyIn,
    TargetsIn,
)
from sikerja.api.schemas import ERRORS, check_params
from sikerja.execution import planning_selectors as ps
from sikerja.execution.models import PerformanceAgreement, PerformanceTarget, Strategy, Work
from sikerja.execution.planning_schemas import AgreementOut
from sikerja.execution.services import planning
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
