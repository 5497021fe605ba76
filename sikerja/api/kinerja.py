"""Pengelolaan kinerja over the API (issue 13, TIK-1): my SKPs, one SKP, evaluations, recording
an evaluation and the curve check of a unit.

Writes go through ``sikerja.performance.services``: the same permissions, locks, events and
Indonesian messages as on the pages. 400 ``refused`` when the rules refuse (realisation for an
IKI not in the SKP, a period not open, a leader's rating differing from the unit's result);
409 ``already_decided`` / ``wrong_state``; 403 when the caller does not assess the employee;
404 for what is out of reach (another region, outside the caller's unit); 422 for input that
does not fit the schema (a rating outside the three values)."""

from typing import Literal

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Path, Query, Router, Schema, Status

from sikerja.api.auth import API_AUTH
from sikerja.api.schemas import ERRORS, ErrorOut, check_params
from sikerja.performance import documents, penetapan, selectors, services
from sikerja.performance.schemas import CurveOut, EvaluationOut, SkpDetailOut, SkpOut

router = Router(auth=API_AUTH, tags=["Kinerja"])

ID = dict(ge=1, le=2**63 - 1)
CONFLICTS = ("already_decided", "wrong_state")
RatingIn = Literal["di_atas", "sesuai", "di_bawah"]


class RefusalOut(ErrorOut):
    messages: list[str] = Field(..., description="Setiap alasan penolakan.")


REFUSALS = {400: RefusalOut, 409: RefusalOut}


def _refuse(exc: ValidationError):
    messages = [str(m) for m in exc.messages]
    code = getattr(exc, "code", None)
    status = 409 if code in CONFLICTS else 400
    return Status(
        status, {"code": code if status == 409 else "refused", "detail": " ".join(messages), "messages": messages}
    )


class SkpFilter(Schema):
    mine: bool = Field(True, description="true: hanya SKP Anda sendiri.")


@router.get("/kinerja/skp", response={200: list[SkpOut], **ERRORS}, summary="SKP yang dapat Anda lihat")
def skp_list(request: HttpRequest, filters: Query[SkpFilter]):
    """SKP Anda (bawaan), atau semua yang terlihat oleh Anda: pegawai yang Anda nilai dan, bagi
    pimpinan, pegawai di unitnya."""
    check_params(request, SkpFilter)
    actor = request.auth
    qs = (
        selectors.visible_skps(actor)
        .select_related("employee", "assessor")
        .order_by("-year", "employee__name", "-version")
    )
    if filters.mine:
        qs = qs.filter(employee=actor.employee) if actor.employee else qs.none()
    return list(qs[:500])


@router.get("/kinerja/skp/{skp_id}", response={200: SkpDetailOut, **ERRORS}, summary="Satu SKP")
def skp_detail(request: HttpRequest, skp_id: int = Path(..., description="ID SKP.", **ID)):
    """RHK dengan indikator dan target, perilaku kerja (BerAKHLAK dengan ekspektasi khusus) dan lampiran."""
    check_params(request)
    return selectors.get_skp(request.auth, skp_id)


class EvaluationFilter(Schema):
    period_id: int | None = Field(None, description="Hanya periode ini.", **ID)


@router.get(
    "/kinerja/evaluasi", response={200: list[EvaluationOut], **ERRORS}, summary="Evaluasi kinerja yang dapat Anda lihat"
)
def evaluation_list(request: HttpRequest, filters: Query[EvaluationFilter]):
    check_params(request, EvaluationFilter)
    qs = selectors.visible_evaluations(request.auth).select_related("period").order_by("period__starts_on", "pk")
    if filters.period_id:
        qs = qs.filter(period_id=filters.period_id)
    return list(qs[:1000])


class EvaluationIn(Schema):
    period_id: int = Field(..., description="ID periode penilaian yang terbuka.", **ID)
    rating_hasil: RatingIn | None = Field(
        None, description="Rating hasil kerja; kosong bagi pimpinan unit (= capaian unit)."
    )
    rating_perilaku: RatingIn = Field(..., description="Rating perilaku kerja.")
    realisations: dict[str, str] = Field(
        default_factory=dict, max_length=50, description="Realisasi per ID indikator (kunci = ID IKI dalam SKP ini)."
    )
    notes: str = Field("", max_length=4000, description="Catatan.")


@router.post(
    "/kinerja/skp/{skp_id}/evaluasi",
    response={200: EvaluationOut, **REFUSALS, **ERRORS},
    summary="Catat evaluasi satu periode",
)
def evaluate(request: HttpRequest, data: EvaluationIn, skp_id: int = Path(..., description="ID SKP.", **ID)):
    """Oleh pejabat penilai kinerja (atau Plh./Plt.-nya). Predikat dihitung dari kedua rating
    menurut kuadran PermenPANRB 6/2022. Bila ditolak, tidak ada yang tersimpan."""
    actor = request.auth
    selectors.get_skp(actor, skp_id)
    realisations = {}
    for key, value in data.realisations.items():
        if not key.isdigit() or len(key) > 19 or len(value) > 1000:
            return _refuse(ValidationError("Realisasi hanya untuk ID indikator SKP ini, paling panjang 1000 karakter."))
        realisations[int(key)] = value
    try:
        return services.evaluate(
            actor,
            skp_id,
            period_id=data.period_id,
            rating_hasil=data.rating_hasil,
            rating_perilaku=data.rating_perilaku,
            realisations=realisations,
            notes=data.notes,
        )
    except services.KinerjaError as exc:
        return _refuse(exc)


class CurveQuery(Schema):
    unit_id: int = Field(..., description="ID unit.", **ID)
    period_id: int = Field(..., description="ID periode.", **ID)


@router.get("/kinerja/kurva", response={200: CurveOut, **ERRORS}, summary="Pemeriksaan pola distribusi predikat unit")
def curve_check(request: HttpRequest, q: Query[CurveQuery]):
    """Predikat pegawai unit dibandingkan pola distribusi yang ditetapkan predikat kinerja
    organisasinya (SE MenPANRB 3/2023): aturan yang dilanggar dan selisih orangnya."""
    check_params(request, CurveQuery)
    view = selectors.unit_curve(request.auth, q.unit_id, q.period_id)
    return {
        "unit_id": view.unit.pk,
        "checked_unit_id": view.checked_unit.pk,
        "period_id": view.period.pk,
        "org_predikat": view.setting.predikat if view.setting else None,
        "n": view.n,
        "counts": view.counts,
        "breaches": [
            {"rule": b.rule, "message": b.message, "count": b.count, "allowed": b.allowed, "people": b.people}
            for b in view.breaches
        ],
        "fits": view.fits,
    }


# --- documents (issue 13 item 8): the same files as the pages' download links -----------------
PDF_DOC = {"responses": {200: {"description": "Berkas PDF.", "content": {"application/pdf": {}}}}}
DOCX_DOC = {
    "responses": {200: {"description": "Berkas DOCX.", "content": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document": {}}}}
}  # fmt: skip
SKP_ID = Path(..., description="ID SKP.", **ID)
EVALUATION_ID = Path(..., description="ID evaluasi kinerja SKP ini.", **ID)


@router.get(
    "/kinerja/skp/{skp_id}/pdf", response={200: None, **ERRORS}, summary="SKP sebagai PDF", openapi_extra=PDF_DOC
)
def skp_pdf(request: HttpRequest, skp_id: int = SKP_ID):
    """SKP di bawah kop unit: pegawai dan pejabat penilai, RHK/IKI, perilaku kerja, lampiran, tanda tangan."""
    check_params(request)
    return documents.pdf_response(request.auth, skp_id)


@router.get(
    "/kinerja/skp/{skp_id}/docx", response={200: None, **ERRORS}, summary="SKP sebagai DOCX", openapi_extra=DOCX_DOC
)
def skp_docx(request: HttpRequest, skp_id: int = SKP_ID):
    """Isi yang sama dengan PDF-nya, dapat disunting."""
    check_params(request)
    return documents.docx_response(request.auth, skp_id)


@router.get(
    "/kinerja/skp/{skp_id}/evaluasi/{evaluation_id}/pdf",
    response={200: None, **ERRORS},
    summary="Dokumen evaluasi kinerja sebagai PDF",
    openapi_extra=PDF_DOC,
)
def evaluation_pdf(request: HttpRequest, skp_id: int = SKP_ID, evaluation_id: int = EVALUATION_ID):
    """Realisasi per IKI, umpan balik, rating hasil kerja dan perilaku, capaian organisasi, pola distribusi, predikat."""
    check_params(request)
    return documents.pdf_response(request.auth, skp_id, evaluation_id)


@router.get(
    "/kinerja/skp/{skp_id}/evaluasi/{evaluation_id}/docx",
    response={200: None, **ERRORS},
    summary="Dokumen evaluasi kinerja sebagai DOCX",
    openapi_extra=DOCX_DOC,
)
def evaluation_docx(request: HttpRequest, skp_id: int = SKP_ID, evaluation_id: int = EVALUATION_ID):
    check_params(request)
    return documents.docx_response(request.auth, skp_id, evaluation_id)


UNIT_ID = Path(..., description="ID unit.", **ID)
PERIOD_ID = Path(..., description="ID periode.", **ID)


@router.get(
    "/kinerja/penetapan-predikat/{unit_id}/{period_id}/pdf",
    response={200: None, **ERRORS},
    summary="Penetapan predikat kinerja organisasi sebagai PDF",
    openapi_extra=PDF_DOC,
)
def penetapan_pdf(request: HttpRequest, unit_id: int = UNIT_ID, period_id: int = PERIOD_ID):
    """Unit, periode, capaian, predikat, rekomendasi, siapa yang menetapkan dan kapan, tanda tangan
    pimpinan satu tingkat di atas unit. 404 bila belum ditetapkan atau di luar cakupan Anda."""
    check_params(request)
    return documents.file_response(*penetapan.penetapan_pdf(request.auth, unit_id, period_id), "application/pdf")


@router.get(
    "/kinerja/penetapan-predikat/{unit_id}/{period_id}/docx",
    response={200: None, **ERRORS},
    summary="Penetapan predikat kinerja organisasi sebagai DOCX",
    openapi_extra=DOCX_DOC,
)
def penetapan_docx(request: HttpRequest, unit_id: int = UNIT_ID, period_id: int = PERIOD_ID):
    check_params(request)
    return documents.file_response(*penetapan.penetapan_docx(request.auth, unit_id, period_id), documents.DOCX_MIME)
