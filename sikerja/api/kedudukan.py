"""Kedudukan over the API: placements, candidate assessors, the validation report, delegations
(KED-1..8). Writes go through the same services as the web pages, so the same rules, locks,
events and Indonesian messages apply.
"""

import datetime as dt
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.pagination import paginate

from sikerja import inputs
from sikerja.accounts.access import access_employee, may_read_placement_report
from sikerja.api.auth import API_AUTH
from sikerja.api.schemas import ERRORS, BadRequestOut, DecisionDate, Id, Pagination, SignedDate, check_params
from sikerja.organisation.models import Delegation, Placement
from sikerja.organisation.placement_selectors import assessor_candidates, validation_report
from sikerja.organisation.placement_services import (
    PlacementError,
    correct_placement,
    delegate_authority,
    place_employee,
    revoke_delegation,
    withdraw_placement,
)

router = Router(auth=API_AUTH, tags=["Kedudukan"])
EMPLOYEE_ID = Path(..., description="ID pegawai.")
DELEGATION_ID = Path(..., description="ID pendelegasian.")
PLACEMENT_ID = Path(..., description="ID kedudukan.")


class FindingOut(Schema):
    requirement: str = Field(description="ID persyaratan, mis. KED-3.")
    article: str = Field(description="Pasal peraturan daerah yang menjadi dasar.")
    message: str


class PlacementOut(Schema):
    id: int
    employee_id: int
    employee_name: str = Field(alias="employee.name")
    assessor_id: int
    assessor_name: str = Field(alias="assessor.name")
    unit_id: int
    basis_number: str
    basis_date: dt.date
    effective_from: dt.date
    effective_until: dt.date | None
    status: Literal["berlaku", "terjadwal", "berakhir", "ditarik"] = Field(
        description="berlaku (periodenya mencakup hari ini), terjadwal (mulai kemudian), berakhir, atau ditarik."
    )

    @staticmethod
    def resolve_status(obj) -> str:
        return obj.status()


class PlacementFilters(Schema):
    employee_id: Id | None = None
    assessor_id: Id | None = None
    current: bool = Field(
        True, description="Hanya kedudukan yang berlaku hari ini (yang terjadwal kemudian tidak termasuk); false: seluruh riwayat."
    )


class PlacementWithdrawIn(Schema):
    reason: str = Field(min_length=1, max_length=2000, description="Alasan penarikan; dicatat dalam riwayat.")


class PlacementCorrectionIn(Schema):
    reason: str = Field(min_length=1, max_length=2000, description="Alasan koreksi; dicatat dalam riwayat.")
    assessor_id: Id | None = None
    basis_number: str | None = Field(None, min_length=1, max_length=120)
    basis_date: SignedDate | None = Field(None, description="Tanggal keputusan yang benar; tidak setelah hari ini.")
    effective_from: DecisionDate | None = Field(None, description="Tanggal berlaku yang benar.")


class PlacementIn(Schema):
    employee_id: Id
    assessor_id: Id
    basis_number: str = Field(min_length=1, max_length=120, description="Nomor keputusan pejabat pembina kepegawaian.")
    basis_date: SignedDate = Field(description="Tanggal keputusan; tidak setelah hari ini.")
    effective_from: DecisionDate = Field(
        description=f"Berlaku mulai; paling jauh {inputs.MAX_YEARS_AHEAD} tahun ke depan, tidak puluhan tahun ke belakang."
    )


class RefusalOut(BadRequestOut):
    findings: list[FindingOut] = Field([], description="Temuan per persyaratan, dengan pasalnya.")


class CandidateOut(Schema):
    employee_id: int
    name: str
    position: str
    unit: str
    allowed: bool
    delegated: bool
    findings: list[FindingOut]


class ReportRowOut(Schema):
    employee_id: int
    employee_name: str
    nip: str
    position: str
    unit_name: str
    perangkat_daerah: str
    assessor_id: int | None
    assessor_name: str
    assessor_span: int | None = Field(None, description="Rentang kendali: jumlah pegawai yang dinilai langsung PPK.")
    assessor_workload: int | None = Field(None, description="Formasi JF dan pelaksana pada unit PPK menurut peta jabatan.")
    findings: list[FindingOut]


class LimitedOut(Schema):
    employee_id: int
    employee_name: str
    nip: str
    unit_name: str
    perangkat_daerah: str
    reason: str = Field(description="Apa yang tidak dapat diperiksa dan mengapa (mis. unit belum mempunyai peta jabatan).")


class ReportOut(Schema):
    profile: str
    judged: int = Field(description="JF, pelaksana, dan pegawai tanpa jabatan tercatat yang diperiksa.")
    violations: int
    by_requirement: dict[str, int]
    rows: list[ReportRowOut]
    limited: list[LimitedOut] = Field(description="Pegawai yang hanya dapat diperiksa sebagian atau tidak dapat diperiksa, dengan alasannya.")
    structural: int = Field(description="Pejabat struktural dalam cakupan; pola kedudukan hanya mengatur JF dan pelaksana.")


DelegationKind = Literal["plh", "plt", "pendelegasian"]


class DelegationOut(Schema):
    id: int
    kind: DelegationKind
    delegator_id: int
    delegate_id: int
    starts_on: dt.date
    ends_on: dt.date
    basis_number: str
    basis_date: dt.date
    reason: str
    revoked: bool
    status: Literal["berlaku", "belum berlaku", "berakhir", "dicabut"] = Field(
        description="Keadaan hari ini: berlaku, belum berlaku, berakhir, atau dicabut."
    )


class DelegationIn(Schema):
    # A Literal, not Delegation.Kind: ninja names enum schemas by class name and "Kind" is taken.
    kind: DelegationKind = Field(description="plh, plt, atau pendelegasian (kewenangan PPK).")
    delegator_id: Id
    delegate_id: Id
    starts_on: DecisionDate = Field(description="Mulai berlaku.")
    ends_on: DecisionDate = Field(description="Berakhir.")
    basis_number: str = Field(min_length=1, max_length=120)
    basis_date: SignedDate = Field(description="Tanggal surat dasar; tidak setelah hari ini.")
    reason: str = Field("", max_length=inputs.LONG_TEXT, description="Alasan.")


class DelegationRevokeIn(Schema):
    reason: str = Field(min_length=1, max_length=inputs.LONG_TEXT, description="Alasan pencabutan.")


def _refuse(exc: PlacementError):
    conflicts = ("not_after_current", "overlap", "already_revoked", "withdrawn", "in_effect", "after_next")
    status = 404 if exc.code == "not_found" else 409 if exc.code in conflicts else 400
    findings = [f.__dict__ for f in exc.findings]
    # One message per finding, with its article; a refusal without findings has its one reason.
    messages = [f"{f['message']} ({f['article']})" for f in findings] or [str(exc)]
    return Status(status, {"code": exc.code, "detail": str(exc), "messages": messages, "findings": findings})


@router.get("/placements", response={200: list[PlacementOut], **ERRORS}, summary="Daftar kedudukan")
@paginate(Pagination)
def list_placements(request: HttpRequest, filters: Query[PlacementFilters]):
    """Kedudukan pegawai dalam cakupan Anda (KED-1, KED-6), yang berlaku atau seluruh riwayat."""
    check_params(request, PlacementFilters)
    actor = request.auth
    qs = Placement.objects.filter(region=actor.region, employee__in=actor.employees()).select_related("employee", "assessor")
    if filters.current:
        qs = qs.current()
    if filters.employee_id:
        qs = qs.filter(employee_id=filters.employee_id)
    if filters.assessor_id:
        qs = qs.filter(assessor_id=filters.assessor_id)
    return qs.order_by("employee__name", "-effective_from", "pk")


@router.post("/placements", response={201: PlacementOut, **ERRORS, 400: RefusalOut, 409: RefusalOut}, summary="Tetapkan kedudukan")
def create_placement(request: HttpRequest, data: PlacementIn):
    """Menempatkan pegawai di bawah PPK (admin BKPSDM atas nama pejabat pembina kepegawaian,
    KED-6). Kedudukan yang melanggar profil regulasi ditolak dengan pasalnya (400, `findings`)."""
    try:
        placement = place_employee(actor=request.auth, **data.dict())
    except PlacementError as exc:
        return _refuse(exc)
    return Status(201, Placement.objects.select_related("employee", "assessor").get(pk=placement.pk))


def _placement_out(placement: Placement):
    return Placement.objects.select_related("employee", "assessor").get(pk=placement.pk)


@router.post(
    "/placements/{placement_id}/withdraw", response={200: PlacementOut, 400: RefusalOut, 409: RefusalOut, **ERRORS},
    summary="Tarik kedudukan terjadwal",
)
def withdraw(request: HttpRequest, data: PlacementWithdrawIn, placement_id: Id = PLACEMENT_ID):
    """Menarik kedudukan yang belum berlaku (admin BKPSDM); kedudukan sebelumnya tetap berlaku.
    Kedudukan yang sudah berlaku tidak dapat ditarik (409, `in_effect`)."""
    try:
        placement = withdraw_placement(actor=request.auth, placement_id=placement_id, reason=data.reason)
    except PlacementError as exc:
        return _refuse(exc)
    return Status(200, _placement_out(placement))


@router.post(
    "/placements/{placement_id}/correct", response={200: PlacementOut, 400: RefusalOut, 409: RefusalOut, **ERRORS},
    summary="Koreksi kedudukan",
)
def correct(request: HttpRequest, data: PlacementCorrectionIn, placement_id: Id = PLACEMENT_ID):
    """Mengoreksi PPK, dasar, atau tanggal berlaku sebuah kedudukan dengan alasan yang dicatat
    dalam riwayat (KED-6); kedudukan hasil koreksi dinilai ulang menurut profil (400, `findings`)."""
    try:
        placement = correct_placement(actor=request.auth, placement_id=placement_id, **data.dict())
    except PlacementError as exc:
        return _refuse(exc)
    return Status(200, _placement_out(placement))


@router.get("/placements/candidates/{employee_id}", response={200: list[CandidateOut], **ERRORS}, summary="Calon PPK")
def list_candidates(request: HttpRequest, employee_id: Id = EMPLOYEE_ID):
    """Pejabat di garis struktur pegawai yang dapat menjadi PPK-nya, dengan alasan dan pasal bagi
    yang tidak boleh (KED-3, KED-4, KED-5, KED-7)."""
    actor = request.auth
    employee = access_employee(actor, employee_id)
    return [
        {
            "employee_id": c.holder.employee_id, "name": c.holder.name, "position": c.position, "unit": c.unit_name,
            "allowed": c.allowed, "delegated": c.delegated, "findings": [f.__dict__ for f in c.findings],
        }
        for c in assessor_candidates(actor.region, employee)
    ]


@router.get("/placement-report", response={200: ReportOut, **ERRORS}, summary="Laporan validasi kedudukan")
def placement_report(request: HttpRequest):
    """Setiap kedudukan JF dan pelaksana dalam cakupan Anda yang melanggar profil regulasi, dengan
    pasal yang dilanggar, rentang kendali dan beban PPK-nya (KED-8)."""
    check_params(request)
    actor = request.auth
    if not may_read_placement_report(actor):
        raise PermissionDenied("Laporan kedudukan hanya untuk pimpinan, PPK, dan admin.")
    report = validation_report(actor)
    rows = []
    for row in report.rows:
        load = report.loads.get(row.assessor_id)
        rows.append(
            {
                "employee_id": row.employee_id, "employee_name": row.employee_name, "nip": row.nip,
                "position": row.position, "unit_name": row.unit_name, "perangkat_daerah": row.pd_name,
                "assessor_id": row.assessor_id, "assessor_name": row.assessor_name,
                "assessor_span": load.span if load else None, "assessor_workload": load.workload if load else None,
                "findings": [f.__dict__ for f in row.findings],
            }
        )
    return {
        "profile": report.profile_name, "judged": report.judged, "violations": len(report.rows),
        "by_requirement": dict(report.by_requirement), "rows": rows,
        "limited": [
            {"employee_id": r.employee_id, "employee_name": r.employee_name, "nip": r.nip, "unit_name": r.unit_name,
             "perangkat_daerah": r.pd_name, "reason": r.reason}
            for r in report.limited
        ],
        "structural": report.structural,
    }


def _delegation_out(d: Delegation) -> dict:
    return {
        "id": d.pk, "kind": d.kind, "delegator_id": d.delegator_id, "delegate_id": d.delegate_id,
        "starts_on": d.starts_on, "ends_on": d.ends_on, "basis_number": d.basis_number, "basis_date": d.basis_date,
        "reason": d.reason, "revoked": d.revoked_at is not None, "status": d.status_label(),
    }


@router.get("/delegations", response={200: list[DelegationOut], **ERRORS}, summary="Daftar pendelegasian PPK")
@paginate(Pagination)
def list_delegations(request: HttpRequest):
    """Plh., Plt. dan pendelegasian kewenangan PPK di daerah Anda (KED-5)."""
    check_params(request)
    actor = request.auth
    if not (may_read_placement_report(actor) or actor.employee):
        raise PermissionDenied("Anda tidak berwenang melihat pendelegasian.")
    qs = Delegation.objects.filter(region=actor.region).order_by("-starts_on", "-pk")
    return [_delegation_out(d) for d in qs]


@router.post("/delegations", response={201: DelegationOut, **ERRORS, 400: RefusalOut, 409: RefusalOut}, summary="Catat pendelegasian")
def create_delegation(request: HttpRequest, data: DelegationIn):
    """Mencatat Plh./Plt. atau pendelegasian kewenangan PPK dengan periode dan dasarnya (KED-5)."""
    try:
        delegation = delegate_authority(actor=request.auth, **data.dict())
    except PlacementError as exc:
        return _refuse(exc)
    return Status(201, _delegation_out(delegation))


@router.post("/delegations/{delegation_id}/revoke", response={200: DelegationOut, **ERRORS, 400: RefusalOut, 409: RefusalOut}, summary="Cabut pendelegasian")
def revoke(request: HttpRequest, data: DelegationRevokeIn, delegation_id: Id = DELEGATION_ID):
    try:
        delegation = revoke_delegation(actor=request.auth, delegation_id=delegation_id, reason=data.reason)
    except PlacementError as exc:
        return _refuse(exc)
    return Status(200, _delegation_out(delegation))
