"""The Matriks Peran Hasil over the API (KIN-7, issue 13 item 2): a unit's matrix of one year
with the leader's adjustments, and the leader's writes (add, rename, remove a cell; undo).
Writes go through ``sikerja.performance.services`` (the same permissions, lock and events as the
page): 400 ``refused``, 409 ``already_decided``, 403 when the caller is not the unit's leader,
404 for what is out of reach (another region, a unit outside the caller's view)."""

from typing import Literal

from django.http import Http404, HttpRequest
from django.utils.translation import gettext
from ninja import Field, Path, Query, Router, Schema, Status

from sikerja.api.auth import API_AUTH
from sikerja.api.kinerja import REFUSALS, _refuse
from sikerja.api.schemas import ERRORS, check_params
from sikerja.organisation.models import Unit
from sikerja.performance import selectors, services

router = Router(auth=API_AUTH, tags=["Kinerja"])
ID = dict(ge=1, le=2**63 - 1)


class MphQuery(Schema):
    unit_id: int = Field(..., description="ID unit pemilik perjanjian kinerja.", **ID)
    year: int = Field(..., ge=2000, le=2100, description="Tahun perjanjian kinerja.")


class MphTargetOut(Schema):
    id: int = Field(..., description="ID target perjanjian kinerja (kolom matriks).")
    sasaran: str = Field(..., description="Sasaran.")
    indikator: str = Field(..., description="Indikator kinerja.")
    target: str = Field(..., description="Target.")


class MphCellOut(Schema):
    employee_id: int = Field(..., description="ID pegawai (baris matriks).")
    employee_name: str = Field(..., description="Nama pegawai.")
    target_id: int = Field(..., description="ID target (kolom).")
    work_id: int | None = Field(None, description="ID pekerjaan/penugasan yang melayani target, bila ada.")
    role: str = Field(..., description="individu, ketua atau anggota.")
    title: str = Field(..., description="Uraian peran (setelah penyesuaian pimpinan).")
    rhk_id: int | None = Field(None, description="ID RHK yang sudah dibuat dari sel ini, bila ada.")
    adjustment_id: int | None = Field(None, description="ID penyesuaian yang menambah/mengubah sel ini.")


class MphAdjustmentOut(Schema):
    id: int = Field(..., description="ID penyesuaian.")
    action: str = Field(..., description="tambah, ubah atau hapus.")
    employee_id: int = Field(..., description="ID pegawai.")
    target_id: int = Field(..., description="ID target.")
    work_id: int | None = Field(None, description="ID pekerjaan, bila sel berasal dari penugasan.")
    role: str = Field(..., description="Peran.")
    title: str = Field(..., description="Uraian peran (kosong untuk hapus).")
    adjusted_by_id: int = Field(..., description="ID pegawai yang menyesuaikan.")
    adjusted_by_name: str = Field(..., description="Nama pegawai yang menyesuaikan.")
    on_behalf_of_id: int | None = Field(None, description="ID pimpinan yang diwakili (Plh./Plt.), bila ada.")
    adjusted_at: str = Field(..., description="Waktu penyesuaian (ISO 8601).")


class MphOut(Schema):
    unit_id: int = Field(..., description="ID unit.")
    year: int = Field(..., description="Tahun.")
    has_agreement: bool = Field(..., description="false bila unit belum memiliki perjanjian kinerja tahun itu.")
    may_adjust: bool = Field(..., description="true bila Anda pimpinan unit (atau Plh./Plt.-nya).")
    targets: list[MphTargetOut] = Field(..., description="Kolom matriks.")
    cells: list[MphCellOut] = Field(..., description="Peran pegawai per target, setelah penyesuaian.")
    adjustments: list[MphAdjustmentOut] = Field(..., description="Penyesuaian pimpinan yang tersimpan.")


def _adjustment(a) -> dict:
    return {
        "id": a.pk, "action": a.action, "employee_id": a.employee_id, "target_id": a.target_id, "work_id": a.work_id,
        "role": a.role, "title": a.title, "adjusted_by_id": a.adjusted_by_id, "adjusted_by_name": a.adjusted_by.name,
        "on_behalf_of_id": a.on_behalf_of_id, "adjusted_at": a.adjusted_at.isoformat(),
    }  # fmt: skip


@router.get("/kinerja/mph", response={200: MphOut, **ERRORS}, summary="Matriks peran hasil unit")
def mph(request: HttpRequest, q: Query[MphQuery]):
    """Target perjanjian kinerja unit (kolom) dan peran pegawainya (individu, ketua atau anggota
    tim), dengan penyesuaian pimpinan dan siapa yang menyesuaikan."""
    check_params(request, MphQuery)
    actor = request.auth
    unit = Unit.objects.filter(region=actor.region, pk=q.unit_id).first()
    if unit is None or not actor.sees_staff_of(unit):
        raise Http404(gettext("Unit tidak ditemukan atau di luar cakupan Anda."))
    m = selectors.mph_for_unit(actor.region, unit, q.year)
    cells = [
        {
            "employee_id": c.employee_id,
            "employee_name": row.employee.name,
            "target_id": c.target_id,
            "work_id": c.work_id,
            "role": c.role,
            "title": c.title,
            "rhk_id": c.rhk_id,
            "adjustment_id": c.adjustment.pk if c.adjustment else None,
        }  # fmt: skip
        for row in m.rows
        for c in row.cells
    ]
    return {
        "unit_id": unit.pk,
        "year": q.year,
        "has_agreement": m.agreement is not None,
        "may_adjust": services.may_adjust(actor, unit)[0],
        "targets": [
            {"id": t.pk, "sasaran": t.sasaran, "indikator": t.indikator, "target": t.target} for t in m.targets
        ],
        "cells": cells,
        "adjustments": [_adjustment(a) for a in m.adjustments],
    }


class MphAdjustIn(Schema):
    target_id: int = Field(..., description="ID target perjanjian kinerja.", **ID)
    employee_id: int = Field(..., description="ID pegawai.", **ID)
    action: Literal["tambah", "ubah", "hapus"] = Field(..., description="tambah, ubah atau hapus.")
    work_id: int | None = Field(None, description="ID pekerjaan, untuk sel yang berasal dari penugasan.", **ID)
    role: Literal["individu", "ketua", "anggota", ""] = Field("", description="Peran (tambah/ubah).")
    title: str = Field("", max_length=1000, description="Uraian peran (wajib untuk tambah/ubah).")


@router.post(
    "/kinerja/mph/penyesuaian",
    response={201: MphAdjustmentOut, **REFUSALS, **ERRORS},
    summary="Sesuaikan satu sel matriks peran hasil",
)
def adjust(request: HttpRequest, data: MphAdjustIn):
    """Oleh pimpinan unit pemilik perjanjian kinerja (atau Plh./Plt.-nya). RHK yang dibuat dari
    sel sesudahnya memakai uraian dan peran hasil penyesuaian. Bila ditolak, tidak ada yang tersimpan."""
    try:
        row = services.adjust_mph(request.auth, **data.dict())
    except services.KinerjaError as exc:
        return _refuse(exc)
    return Status(201, _adjustment(row))  # an addition withdrawn is echoed with its last id


@router.delete(
    "/kinerja/mph/penyesuaian/{adjustment_id}",
    response={204: None, **ERRORS},
    summary="Batalkan satu penyesuaian matriks peran hasil",
)
def undo(request: HttpRequest, adjustment_id: int = Path(..., description="ID penyesuaian.", **ID)):
    """Sel kembali seperti hasil penugasan."""
    check_params(request)
    services.undo_adjustment(request.auth, adjustment_id)
    return Status(204, None)
