"""Proses bisnis and SOP AP over the API (issue 14 item 9, TIK-1): the catalogue, one process
with its participants, maps and SOPs, a map version with its SIPOC rows, its BPMN XML as a file
resource (download, and upload to a draft), an SOP version with identity and steps, its PDF and
DOCX, and the peta relasi.

Reads are for everyone of the region (structure-like data); another region's object is a 404.
The upload goes through ``sikerja.processes.services.save_drawing`` — the same validation
(well-formed, OMG schema, references, no DTD/entities, size) and permissions as the page: 400
``refused`` with each reason in ``messages``, 409 ``wrong_state`` for an approved version, 403
for someone other than the owning unit's leader or the Bagian Organisasi.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.http import Http404, HttpRequest, HttpResponse
from ninja import Field, File, Form, Path, Query, Router, Schema, Status
from ninja.files import UploadedFile

from sikerja.api.auth import API_AUTH
from sikerja.api.schemas import ERRORS, ErrorOut, Id, check_params
from sikerja.letters.selectors import kop_for
from sikerja.processes import documents, selectors, services

router = Router(auth=API_AUTH, tags=["Proses bisnis"])

MAP_ID = Path(..., ge=1, le=2**63 - 1, description="ID versi peta.")
SOP_ID = Path(..., ge=1, le=2**63 - 1, description="ID versi SOP.")
PROCESS_ID = Path(..., ge=1, le=2**63 - 1, description="ID proses bisnis.")
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
Kind = Literal["inti", "manajemen", "pendukung"]
Status_ = Literal["draf", "disahkan", "diganti", "dicabut"]


class ProcessRefusalOut(ErrorOut):
    messages: list[str] = Field(..., max_length=200, description="Setiap alasan penolakan.")


class ProcessFilters(Schema):
    q: str | None = Field(None, max_length=100, description="Kata pada kode, nama, uraian proses atau nama SOP-nya.")
    unit: Id | None = Field(None, description="Unit pemilik atau yang terlibat.")
    position: Id | None = Field(None, description="Jabatan yang menjadi pelaksana SOP proses itu.")
    kind: Kind | None = Field(None, description="Jenis proses.")


class ProcessOut(Schema):
    id: int
    code: str
    name: str
    kind: Kind
    level: int = Field(..., description="0: pemerintah daerah/PD, 1: per unit, dst.")
    parent_id: int | None
    owning_unit_id: int
    owning_unit: str = Field(..., alias="owning_unit.name")


class ParticipantOut(Schema):
    unit_id: int | None = Field(None, description="Unit pemerintah daerah, bila bukan pihak luar.")
    name: str = Field(..., alias="label")
    outside: bool

    @staticmethod
    def resolve_outside(obj) -> bool:
        return obj.unit_id is None


class ProcessVersionOut(Schema):
    id: int
    number: int
    status: Status_
    approved_at: dt.datetime | None


class MapOut(Schema):
    id: int
    kind: Literal["peta_proses", "peta_subproses", "peta_lintas_fungsi"]
    title: str
    versions: list[ProcessVersionOut] = Field(..., max_length=1000)

    @staticmethod
    def resolve_versions(obj):
        return list(obj.versions.all())


class SopOut(Schema):
    id: int
    name: str
    owning_unit_id: int
    versions: list[ProcessVersionOut] = Field(..., max_length=1000)

    @staticmethod
    def resolve_versions(obj):
        return list(obj.versions.all())


class ProcessAssignmentOut(Schema):
    id: int = Field(..., description="ID penugasan (lihat /penugasan/{id}).")
    title: str
    form: Literal["individu", "tim_kerja"]
    status: Literal["proses", "diterbitkan", "dicabut"]
    owning_unit_id: int
    owning_unit: str = Field(..., alias="owning_unit.name")
    starts_on: dt.date
    ends_on: dt.date


class ProcessDetailOut(ProcessOut):
    description: str
    is_active: bool
    participants: list[ParticipantOut] = Field(..., max_length=1000, alias="page_participants")
    maps: list[MapOut] = Field(..., max_length=1000, alias="page_maps")
    sops: list[SopOut] = Field(..., max_length=1000, alias="page_sops")
    assignments: list[ProcessAssignmentOut] = Field(
        ...,
        max_length=10000,
        alias="page_assignments",
        description="Penugasan dan tim kerja yang menjalankan proses ini, hanya yang boleh Anda lihat.",
    )


class SipocOut(Schema):
    supplier: str
    input: str
    process: str
    output: str
    customer: str


class MapVersionOut(ProcessVersionOut):
    map_id: int
    kind: str = Field(..., alias="map.kind")
    title: str = Field(..., alias="map.title")
    process_id: int = Field(..., alias="map.process_id")
    method: Literal["bpmn", "flowchart"]
    note: str
    has_drawing: bool
    bpmn_url: str | None = Field(None, description="URL API berkas BPMN XML.")
    sipoc: list[SipocOut] = Field(..., max_length=1000)

    @staticmethod
    def resolve_has_drawing(obj) -> bool:
        return bool(obj.bpmn_xml)

    @staticmethod
    def resolve_bpmn_url(obj) -> str | None:
        return f"/api/v1/proses-bisnis/peta/{obj.pk}/bpmn" if obj.bpmn_xml else None

    @staticmethod
    def resolve_sipoc(obj):
        return list(obj.sipoc_rows.all())


class SopStepOut(Schema):
    no: int
    kegiatan: str
    pelaksana_position_id: int = Field(..., alias="actor.position_id")
    pelaksana: str = Field(..., alias="actor.position.name")
    symbol: Literal["terminator", "proses", "keputusan"]
    kelengkapan: str
    waktu: str
    output: str
    keterangan: str
    yes_to: int | None
    no_to: int | None


class SopVersionOut(ProcessVersionOut):
    sop_id: int
    name: str = Field(..., alias="sop.name")
    owning_unit_id: int = Field(..., alias="sop.owning_unit_id")
    nomor: str
    made_on: dt.date | None
    revised_on: dt.date | None
    effective_on: dt.date | None
    approver_position: str
    approver_name: str
    approver_nip: str
    dasar_hukum: str
    kualifikasi: str
    keterkaitan: str
    peralatan: str
    peringatan: str
    pencatatan: str
    steps: list[SopStepOut] = Field(..., max_length=1000)

    @staticmethod
    def resolve_steps(obj):
        return list(obj.steps.all())


class RelasiOut(Schema):
    columns: list[str] = Field(..., max_length=10000, description="Unit dan pihak yang terlibat.")
    rows: list[dict] = Field(
        ..., max_length=10000, description="Per proses: id, kode, nama dan daftar kolom yang terlibat."
    )


def _refuse(exc):
    messages = [str(m) for m in exc.messages]
    if getattr(exc, "code", None) == "wrong_state":
        return Status(409, {"code": "wrong_state", "detail": " ".join(messages), "messages": messages})
    return Status(400, {"code": "refused", "detail": " ".join(messages), "messages": messages})


def _file(data, filename, mime, inline=False):
    response = HttpResponse(data, content_type=mime)
    response["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@router.get("/proses-bisnis", response={200: list[ProcessOut], **ERRORS}, summary="Katalog proses bisnis")
def list_processes(request: HttpRequest, filters: Query[ProcessFilters]):
    """Proses inti, manajemen dan pendukung pemerintah daerah Anda, level 0 sampai n."""
    check_params(request, ProcessFilters)
    return selectors.processes(
        request.auth, q=filters.q or "", unit_id=filters.unit, position_id=filters.position, kind=filters.kind or ""
    )


@router.get("/proses-bisnis/relasi", response={200: RelasiOut, **ERRORS}, summary="Peta relasi")
def relasi(request: HttpRequest):
    """Unit dan pihak luar yang terlibat dalam setiap proses, dari data keterlibatan."""
    check_params(request)
    columns, rows, _ = selectors.relasi_map(request.auth)
    return {
        "columns": columns,
        "rows": [
            {
                "id": p.pk,
                "code": p.code,
                "name": p.name,
                "participants": [c for c, t in zip(columns, ticks, strict=True) if t],
            }
            for p, ticks in rows
        ],
    }


@router.get("/proses-bisnis/sop", response={200: list[SopOut], **ERRORS}, summary="Daftar SOP AP")
def list_sops(request: HttpRequest):
    check_params(request)
    return selectors.sops(request.auth)


@router.get("/proses-bisnis/{process_id}", response={200: ProcessDetailOut, **ERRORS}, summary="Rincian proses bisnis")
def get_process(request: HttpRequest, process_id: int = PROCESS_ID):
    check_params(request)
    page = selectors.process_page(request.auth, process_id)
    p = page.process
    p.page_participants, p.page_maps, p.page_sops = page.participations, page.maps, page.sops
    p.page_assignments = page.assignments
    return p


@router.get("/proses-bisnis/peta/{version_id}", response={200: MapVersionOut, **ERRORS}, summary="Satu versi peta")
def get_map_version(request: HttpRequest, version_id: int = MAP_ID):
    """Peta proses (baris SIPOC), peta subproses atau peta lintas fungsi (gambar BPMN)."""
    check_params(request)
    return selectors.get_map_version(request.auth, version_id)


@router.get(
    "/proses-bisnis/peta/{version_id}/bpmn",
    response={200: None, **ERRORS},
    summary="Berkas BPMN 2.0 sebuah versi peta",
    openapi_extra={"responses": {200: {"description": "BPMN 2.0 XML (.bpmn).", "content": {"application/xml": {}}}}},
)
def get_bpmn(request: HttpRequest, version_id: int = MAP_ID):
    """Berkas .bpmn yang dapat dibuka di Camunda Modeler atau bpmn.io. 404 bila belum digambar."""
    check_params(request)
    v = selectors.get_map_version(request.auth, version_id)
    if not v.bpmn_xml:
        raise Http404("Versi ini belum mempunyai gambar BPMN.")
    return _file(v.bpmn_xml.encode(), f"peta-{v.map_id}-v{v.number}.bpmn", "application/xml; charset=utf-8")


BPMN_FILE = File(..., description="Berkas .bpmn (BPMN 2.0 XML, paling besar 5 MB).")


class DrawingIn(Schema):
    svg: str = Field("", max_length=8 * 1024 * 1024, description="Gambar SVG peta (dibersihkan sebelum disimpan).")


@router.post(
    "/proses-bisnis/peta/{version_id}/bpmn",
    response={200: MapVersionOut, 400: ProcessRefusalOut, 409: ProcessRefusalOut, **ERRORS},
    summary="Unggah berkas BPMN ke draf peta",
)
def put_bpmn(request: HttpRequest, body: Form[DrawingIn], version_id: int = MAP_ID, file: UploadedFile = BPMN_FILE):
    """Menyimpan BPMN 2.0 (diperiksa: XML sehat tanpa DTD/entitas, skema OMG, rujukan yang ada)
    dan SVG-nya (skrip dan tautan berbahaya dibuang) ke versi draf."""
    v = selectors.get_map_version(request.auth, version_id)
    if file.size and file.size > services.maps.MAX_XML:
        return Status(
            400,
            {
                "code": "refused",
                "detail": "Berkas BPMN terlalu besar (paling besar 5 MB).",
                "messages": ["Berkas BPMN terlalu besar (paling besar 5 MB)."],
            },
        )
    try:
        services.save_drawing(
            actor=request.auth, version=v, bpmn_xml=file.read(services.maps.MAX_XML + 1), svg=body.svg
        )
    except services.ProcessError as exc:
        return _refuse(exc)
    return selectors.get_map_version(request.auth, version_id)


@router.get("/proses-bisnis/sop/{version_id}", response={200: SopVersionOut, **ERRORS}, summary="Satu versi SOP AP")
def get_sop_version(request: HttpRequest, version_id: int = SOP_ID):
    """Identitas SOP dan tabel langkahnya (pelaksana = jabatan, simbol, mutu baku)."""
    check_params(request)
    return selectors.get_sop_version(request.auth, version_id)


@router.get(
    "/proses-bisnis/sop/{version_id}/pdf",
    response={200: None, **ERRORS},
    summary="SOP AP sebagai PDF",
    openapi_extra={"responses": {200: {"description": "Berkas PDF.", "content": {"application/pdf": {}}}}},
)
def get_sop_pdf(request: HttpRequest, version_id: int = SOP_ID):
    check_params(request)
    v = selectors.get_sop_version(request.auth, version_id)
    return _file(
        documents.sop_pdf(v, kop_for(request.auth.region, v.sop.owning_unit)), f"sop-{v.pk}.pdf", "application/pdf"
    )


@router.get(
    "/proses-bisnis/sop/{version_id}/docx",
    response={200: None, **ERRORS},
    summary="SOP AP sebagai DOCX",
    openapi_extra={"responses": {200: {"description": "Berkas DOCX.", "content": {DOCX_MIME: {}}}}},
)
def get_sop_docx(request: HttpRequest, version_id: int = SOP_ID):
    check_params(request)
    v = selectors.get_sop_version(request.auth, version_id)
    return _file(documents.sop_docx(v, kop_for(request.auth.region, v.sop.owning_unit)), f"sop-{v.pk}.docx", DOCX_MIME)
