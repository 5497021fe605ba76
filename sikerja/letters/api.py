"""Naskah dinas over the API (PEN-15, TIK-1): list, fetch (PDF/DOCX), revoke, and the public
verification summary. Reads go through ``letters.selectors.access_document`` (404 outside the
actor's reach, like the web pages); revoking is for org admins only."""


import datetime as dt
import enum

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Path, Query, Router, Schema
from ninja.pagination import paginate

from sikerja.accounts.access import require_org_admin
from sikerja.api.auth import API_AUTH
from sikerja.api.errors import ApiError
from sikerja.api.schemas import ERRORS, BadRequestOut, ErrorOut, Id, Pagination, ValidationErrorOut, check_params
from sikerja.letters import selectors, services
from sikerja.letters.models import Document, DocumentKind, SignerCapacity
from sikerja.letters.rules import is_sample_code
from sikerja.letters.views import DOCX_MIME, document_filename, file_response

router = Router(auth=API_AUTH, tags=["Naskah dinas"])

DOCUMENT_ID = Path(..., description="ID naskah dinas.")
DocumentKindCode = enum.StrEnum("DocumentKindCode", [(v, v) for v in DocumentKind.values])
DocumentKindCode.__doc__ = "Jenis naskah dinas."
DocumentStatusCode = enum.StrEnum("DocumentStatusCode", [(v, v) for v in Document.Status.values])
DocumentStatusCode.__doc__ = "Status naskah: issued (berlaku) atau revoked (dicabut)."
SignerCapacityCode = enum.StrEnum("SignerCapacityCode", [(v, v) for v in SignerCapacity.values])
SignerCapacityCode.__doc__ = "Kedudukan penanda tangan: definitif, plh atau plt."
FILE_RESPONSES = {200: None, **ERRORS}


class DocumentFilters(Schema):
    kind: DocumentKindCode | None = Field(None, description="Saring menurut jenis naskah.")
    status: DocumentStatusCode | None = Field(None, description="Saring menurut status.")
    q: str | None = Field(None, max_length=100, description="Cari pada nomor atau perihal.")


class DocumentOut(Schema):
    id: int = Field(..., description="ID naskah.")
    kind: DocumentKindCode = Field(..., description="Jenis naskah.")
    number: str = Field(..., description="Nomor naskah.")
    date: dt.date = Field(..., description="Tanggal naskah.")
    subject: str = Field(..., description="Perihal / tentang.")
    issuing_unit_id: int = Field(..., description="ID unit penerbit.")
    issuing_unit_name: str = Field(..., description="Nama unit penerbit.", alias="issuing_unit.name")
    signer_id: int = Field(..., description="ID pegawai penanda tangan.")
    signer_display: str = Field(..., description="Jabatan penanda tangan, dengan Plh./Plt. bila menggantikan.")
    status: DocumentStatusCode = Field(..., description="issued (berlaku) atau revoked (dicabut).")
    revoked_at: dt.datetime | None = Field(None, description="Waktu pencabutan.")
    verification_code: str = Field(..., description="Kode verifikasi publik.")


class DocumentDetailOut(DocumentOut):
    signer_capacity: SignerCapacityCode = Field(..., description="definitif, plh atau plt.")
    on_behalf_of_id: int | None = Field(None, description="ID pejabat yang digantikan (Plh./Plt.).")
    sha256: str = Field(..., description="SHA-256 berkas PDF.")
    revoke_reason: str = Field("", description="Alasan pencabutan.")
    replaces_id: int | None = Field(None, description="ID naskah yang diganti oleh naskah ini.")
    payload: dict = Field(..., description="Isi terstruktur naskah (orang, dasar, untuk, diktum, ...).")
    pdf_url: str = Field(..., description="URL API berkas PDF.")
    docx_url: str = Field(..., description="URL API berkas DOCX.")
    verify_url: str = Field(..., description="Halaman verifikasi publik.")

    @staticmethod
    def resolve_pdf_url(obj) -> str:
        return f"/api/v1/documents/{obj.pk}/pdf"

    @staticmethod
    def resolve_docx_url(obj) -> str:
        return f"/api/v1/documents/{obj.pk}/docx"

    @staticmethod
    def resolve_verify_url(obj) -> str:
        return f"/verifikasi/{obj.verification_code}/"


class DocumentRevokeIn(Schema):
    reason: str = Field(..., min_length=1, max_length=1000, description="Alasan pencabutan (wajib).")


class VerificationOut(Schema):
    """Ringkasan publik: tanpa NIP, tanpa isi naskah."""

    kind: DocumentKindCode = Field(..., description="Jenis naskah.")
    number: str = Field(..., description="Nomor naskah.")
    date: dt.date = Field(..., description="Tanggal naskah.")
    subject: str = Field(..., description="Perihal / tentang.")
    region: str = Field(..., description="Pemerintah daerah penerbit.")
    issuing_unit: str = Field(..., description="Unit penerbit.")
    signer_name: str = Field(..., description="Nama penanda tangan.")
    signer_position: str = Field(..., description="Jabatan penanda tangan (dengan Plh./Plt.).")
    sha256: str = Field(..., description="SHA-256 berkas PDF asli.")
    status: DocumentStatusCode = Field(..., description="issued (berlaku) atau revoked (dicabut).")
    revoked_at: dt.datetime | None = Field(None, description="Waktu pencabutan.")
    revoke_reason: str = Field("", description="Alasan pencabutan.")


@router.get("/documents", response={200: list[DocumentOut], **ERRORS}, summary="Daftar naskah dinas yang boleh Anda baca")
@paginate(Pagination)
def list_documents(request: HttpRequest, filters: Query[DocumentFilters]):
    """Naskah yang menyebut Anda atau pegawai dalam cakupan Anda (seluruh daerah untuk peran
    se-daerah), terbaru lebih dulu (PEN-15)."""
    check_params(request, DocumentFilters)
    return selectors.document_list(
        request.auth, kind=filters.kind or "", status=filters.status or "", q=(filters.q or "").strip()
    )


@router.get("/documents/{document_id}", response={200: DocumentDetailOut, **ERRORS}, summary="Rincian naskah dinas")
def get_document(request: HttpRequest, document_id: Id = DOCUMENT_ID):
    """Satu naskah dengan isi terstrukturnya. Naskah di luar jangkauan Anda: 404."""
    check_params(request)
    return selectors.access_document(request.auth, document_id)


@router.get(
    "/documents/{document_id}/pdf", response=FILE_RESPONSES, summary="Berkas PDF naskah",
    openapi_extra={"responses": {200: {"description": "Berkas PDF.", "content": {"application/pdf": {}}}}},
)
def get_document_pdf(request: HttpRequest, document_id: Id = DOCUMENT_ID):
    check_params(request)
    doc = selectors.access_document(request.auth, document_id, with_files=True)
    return file_response(doc.pdf, filename=document_filename(doc, "pdf"), mime="application/pdf", inline=False)


@router.get(
    "/documents/{document_id}/docx", response=FILE_RESPONSES, summary="Berkas DOCX naskah",
    openapi_extra={"responses": {200: {"description": "Berkas DOCX.", "content": {DOCX_MIME: {}}}}},
)
def get_document_docx(request: HttpRequest, document_id: Id = DOCUMENT_ID):
    check_params(request)
    doc = selectors.access_document(request.auth, document_id, with_files=True)
    return file_response(doc.docx, filename=document_filename(doc, "docx"), mime=DOCX_MIME, inline=False)


@router.post(
    "/documents/{document_id}/revoke", response={200: DocumentDetailOut, 409: ErrorOut, **ERRORS}, summary="Cabut naskah dinas",
)
def revoke(request: HttpRequest, data: DocumentRevokeIn, document_id: Id = DOCUMENT_ID):
    """Hanya admin BKPSDM / admin organisasi. Rekaman, berkas dan sidiknya tetap disimpan;
    halaman verifikasi menyatakan DICABUT. Naskah yang sudah dicabut: 409."""
    actor = request.auth
    selectors.access_document(actor, document_id)
    require_org_admin(actor)
    if not data.reason.strip():
        raise ApiError(422, "invalid_input", "Masukan tidak valid: reason: wajib diisi.")
    try:
        services.revoke_document(actor=actor, document_id=document_id, reason=data.reason)
    except ValidationError as exc:
        raise ApiError(409, "conflict", " ".join(exc.messages)) from exc
    return Document.objects.select_related("issuing_unit").get(pk=document_id)


@router.get(
    "/verify/{code}", auth=None, response={200: VerificationOut, 400: BadRequestOut, 404: ErrorOut, 422: ValidationErrorOut},
    summary="Verifikasi naskah (publik)",
)
def verify(request: HttpRequest, code: str = Path(..., max_length=40, description="Kode verifikasi yang tercetak pada naskah.")):
    """Tanpa autentikasi. Hanya ringkasan publik: nomor, tanggal, perihal, penanda tangan,
    SHA-256 dan status; tidak ada NIP atau isi naskah."""
    if is_sample_code(code):
        raise ApiError(404, "not_found", "Kode ini tercetak pada naskah contoh (peragaan); naskah contoh bukan naskah dinas "
                       "dan tidak pernah berlaku.")
    doc = selectors.document_by_code(code)
    if doc is None:
        raise ApiError(404, "not_found", "Naskah dengan kode verifikasi ini tidak ditemukan.")
    return {
        "kind": doc.kind, "number": doc.number, "date": doc.date, "subject": doc.subject, "region": doc.region.name,
        "issuing_unit": doc.issuing_unit.name, "signer_name": (doc.payload.get("signer") or {}).get("name", ""),
        "signer_position": doc.signer_display, "sha256": doc.sha256, "status": doc.status,
        "revoked_at": doc.revoked_at, "revoke_reason": doc.revoke_reason,
    }
