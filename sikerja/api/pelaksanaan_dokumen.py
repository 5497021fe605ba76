"""Downloads of pelaksanaan documents over the API (TIK-1): the issued perjanjian kinerja
(its naskah dinas) and the laporan pelaksanaan tugas of a work, per period or final. The same
access as the pages: 404 for what the caller may not see (another region, outside their unit)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.http import HttpRequest, HttpResponse
from ninja import Field, Path, Query, Router, Schema

from sikerja.api.auth import API_AUTH
from sikerja.api.pelaksanaan import REFUSALS, WORK_ID, _refuse
from sikerja.api.schemas import ERRORS, check_params
from sikerja.execution.document_views import TYPES, agreement_file, laporan_file
from sikerja.execution.services.common import ExecutionError

router = Router(auth=API_AUTH, tags=["Pelaksanaan"])


class FormatIn(Schema):
    format: Literal["pdf", "docx"] = Field("pdf", description="pdf atau docx.")


class LaporanIn(FormatIn):
    mulai: dt.date | None = Field(None, description="Awal periode laporan (YYYY-MM-DD); kosong: laporan akhir.")
    selesai: dt.date | None = Field(None, description="Akhir periode laporan (YYYY-MM-DD), bersama mulai.")


def _file(data: bytes, name: str, ext: str) -> HttpResponse:
    response = HttpResponse(bytes(data), content_type=TYPES[ext])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@router.get(
    "/pelaksanaan/perjanjian-kinerja/{agreement_id}/naskah",
    response={200: None, **ERRORS},
    summary="Unduh naskah perjanjian kinerja",
)
def agreement_document(
    request: HttpRequest,
    agreement_id: int = Path(..., ge=1, le=2**63 - 1, description="ID perjanjian kinerja."),
    q: Query[FormatIn] = None,
):
    """Naskah perjanjian kinerja yang terbit saat pihak pertama menandatanganinya (PDF/DOCX); 404 sebelum itu."""
    check_params(request, FormatIn)
    data, name = agreement_file(request.auth, agreement_id, q.format)
    return _file(data, name, q.format)


@router.get(
    "/pelaksanaan/{work_id}/laporan-pelaksanaan",
    response={200: None, **REFUSALS, **ERRORS},
    summary="Unduh laporan pelaksanaan tugas",
)
def laporan(request: HttpRequest, work_id: int = WORK_ID, q: Query[LaporanIn] = None):
    """Laporan satu periode laporan (mulai dan selesai), atau laporan akhir setelah hasil diterima
    (409 sebelum itu)."""
    check_params(request, LaporanIn)
    if (q.mulai is None) != (q.selesai is None):
        return _refuse(ExecutionError("Isi mulai dan selesai periode laporan bersama-sama."))
    period = (q.mulai.isoformat(), q.selesai.isoformat()) if q.mulai else None
    try:
        data, name = laporan_file(request.auth, work_id, q.format, period=period)
    except ExecutionError as exc:
        return _refuse(exc)
    return _file(data, name, q.format)
