"""Pelaksanaan and pertanggungjawaban over the API (issue 12, TIK-1): my works, one work with
its reports, evidence, feedback, dues and review chain, reporting progress with evidence files
and links, feedback, submitting the result and deciding a review.

Writes go through ``sikerja.execution.services``, so the same permissions, locks, events and
Indonesian messages apply as on the pages. Status codes:

* 201 for a new report or feedback, 200 for a transition (answering with the work's detail);
* 400 ``refused``: the data or the regulation refuses it (progress above 100, a negative
  budget, a file over 5 MB or of another type, a return without notes); ``messages`` lists each;
* 409 ``already_decided`` (the review or period was decided already) or ``wrong_state`` (the
  work is not in the stage the request needs);
* 403 when the caller may not act (not an assignee, not the ketua/PPK, not the reviewer or
  their Plh/Plt); 404 for another region's work, or one outside the caller's reach;
* 422 for input that does not fit the schema.
"""

from typing import Literal

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import Field, File, Form, Path, Router, Schema, Status
from ninja.files import UploadedFile

from sikerja.api.auth import API_AUTH
from sikerja.api.schemas import ERRORS, ErrorOut, check_params
from sikerja.assignments.selectors import get_visible as get_visible_assignment
from sikerja.execution import selectors, services
from sikerja.execution.models import Evidence, Report, Review
from sikerja.execution.schemas import (
    MyWorkOut,
    ProgressReportOut,
    ReportFeedbackOut,
    ResultReviewOut,
    WorkDetailOut,
)

router = Router(auth=API_AUTH, tags=["Pelaksanaan"])

WORK_ID = Path(..., ge=1, le=2**63 - 1, description="ID pelaksanaan penugasan.")
CONFLICTS = ("already_decided", "wrong_state")


class ExecutionRefusalOut(ErrorOut):
    messages: list[str] = Field(..., description="Setiap alasan penolakan, dengan pasal bila ada.")


REFUSALS = {400: ExecutionRefusalOut, 409: ExecutionRefusalOut}


def _refuse(exc: ValidationError):
    messages = [str(m) for m in exc.messages]
    code = getattr(exc, "code", None)
    status = 409 if code in CONFLICTS else 400
    return Status(
        status, {"code": code if status == 409 else "refused", "detail": " ".join(messages), "messages": messages}
    )


def _detail(actor, work_id):
    """The work with its page (reports, reviews, dues) read by one selector."""
    page = selectors.work_page(actor, work_id)
    page.work.page = page
    return page.work


# --- reads ----------------------------------------------------------------------------------
@router.get("/pelaksanaan", response={200: list[MyWorkOut], **ERRORS}, summary="Pelaksanaan saya")
def my_works(request: HttpRequest):
    """Penugasan yang Anda pimpin atau ikuti (sebagai ketua, anggota atau pegawai yang
    ditugaskan), dengan jatuh tempo laporan berikutnya dan jumlah laporan yang terlambat."""
    check_params(request)
    services.ensure_works(request.auth.employee)
    return selectors.my_works(request.auth)


@router.get(
    "/pelaksanaan/menunggu-reviu", response={200: list[ResultReviewOut], **ERRORS}, summary="Hasil menunggu reviu Anda"
)
def waiting_reviews(request: HttpRequest):
    """Tahap reviu yang menunggu keputusan Anda, atau pejabat yang Anda gantikan sebagai Plh./Plt."""
    check_params(request)
    return selectors.waiting_reviews(request.auth)


@router.post(
    "/pelaksanaan/dari-penugasan/{assignment_id}",
    response={200: WorkDetailOut, **ERRORS},
    summary="Buka pelaksanaan sebuah penugasan",
)
def open_from_assignment(
    request: HttpRequest, assignment_id: int = Path(..., ge=1, le=2**63 - 1, description="ID penugasan.")
):
    """Pelaksanaan penugasan yang sudah diterbitkan (dibuat bila belum ada). 404 bila penugasan
    tidak terlihat oleh Anda atau belum diterbitkan."""
    actor = request.auth
    work = services.work_for(get_visible_assignment(actor, assignment_id))
    if work is None:
        raise Http404("Penugasan ini belum diterbitkan; pelaksanaannya belum dimulai.")
    return _detail(actor, work.pk)


@router.get("/pelaksanaan/{work_id}", response={200: WorkDetailOut, **ERRORS}, summary="Satu pelaksanaan penugasan")
def work_detail(request: HttpRequest, work_id: int = WORK_ID):
    """Laporan kemajuan dengan bukti dukung dan umpan balik, jadwal laporan, dan rantai reviu
    hasil: siapa memutus apa, kapan, atas nama siapa, dan mengapa (MEK-5)."""
    check_params(request)
    return _detail(request.auth, work_id)


@router.get("/pelaksanaan/bukti/{evidence_id}", response={200: None, **ERRORS}, summary="Unduh berkas bukti dukung")
def evidence_file(
    request: HttpRequest, evidence_id: int = Path(..., ge=1, le=2**63 - 1, description="ID bukti dukung.")
):
    """Berkas bukti dukung, hanya bagi yang dapat melihat pelaksanaannya."""
    actor = request.auth
    item = Evidence.objects.filter(pk=evidence_id, report__work__region=actor.region).exclude(filename="").first()
    if item is None:
        raise Http404("Bukti dukung tidak ditemukan.")
    selectors.get_visible(actor, item.report.work_id)
    response = HttpResponse(bytes(item.data), content_type=item.content_type or "application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="{item.filename.replace(chr(34), "")}"'
    return response


# --- writes ---------------------------------------------------------------------------------
EVIDENCE_FILES = File(None, max_length=10, description="Bukti dukung: paling banyak 10 berkas (PDF, JPG, PNG, DOCX, XLSX).")
class ProgressReportIn(Schema):
    progress: int = Field(..., ge=0, le=100, description="Kemajuan (%), 0-100.")
    realisation: str = Field(..., max_length=4000, description="Realisasi terhadap rencana.")
    budget_realised: str = Field("", max_length=30, description="Realisasi anggaran dalam rupiah, mis. 1.500.000.")
    # 0 rather than null for "not chosen": a multipart form has no null.
    due_id: int = Field(0, ge=0, le=2**63 - 1, description="Periode yang dilaporkan; 0: periode terbuka terlama.")
    links: str = Field("", max_length=6000, description="Tautan bukti dukung, satu per baris.")


@router.post(
    "/pelaksanaan/{work_id}/laporan",
    response={201: ProgressReportOut, **REFUSALS, **ERRORS},
    summary="Sampaikan laporan kemajuan",
)
def submit_report(
    request: HttpRequest, data: Form[ProgressReportIn], work_id: int = WORK_ID, files: list[UploadedFile] = EVIDENCE_FILES
):
    """Laporan kemajuan (multipart/form-data) dengan berkas bukti dukung (PDF, JPG, PNG, DOCX,
    XLSX; masing-masing paling besar 5 MB) dan tautan. Anggota melapor kepada ketua; ketua dan
    pegawai individu kepada pejabat yang ditetapkan profil regulasi (pasalnya disimpan). Bila satu
    berkas ditolak, tidak ada yang disimpan."""
    actor = request.auth
    selectors.get_visible(actor, work_id)
    try:
        report = services.submit_report(
            actor=actor,
            work_id=work_id,
            progress=data.progress,
            realisation=data.realisation,
            budget_realised=data.budget_realised,
            due_id=data.due_id or None,
            links=data.links,
            files=files or [],
        )
    except services.ExecutionError as exc:
        return _refuse(exc)
    return Status(
        201, Report.objects.select_related("author").prefetch_related("evidence", "feedback__author").get(pk=report.pk)
    )


class ReportFeedbackIn(Schema):
    text: str = Field(..., max_length=4000, description="Umpan balik.")


@router.post(
    "/pelaksanaan/laporan/{report_id}/umpan-balik",
    response={201: ReportFeedbackOut, **REFUSALS, **ERRORS},
    summary="Beri umpan balik atas laporan",
)
def give_feedback(
    request: HttpRequest,
    data: ReportFeedbackIn,
    report_id: int = Path(..., ge=1, le=2**63 - 1, description="ID laporan."),
):
    """Umpan balik berkala oleh ketua tim (atas laporan anggota) atau PPK penyusun laporan (atau
    Plh./Plt.-nya) (PEL-4); penyusun laporan melihatnya."""
    actor = request.auth
    work_id = Report.objects.filter(pk=report_id, work__region=actor.region).values_list("work_id", flat=True).first()
    if work_id is None:
        raise Http404("Laporan tidak ditemukan.")
    selectors.get_visible(actor, work_id)
    try:
        fb = services.give_feedback(actor=actor, report_id=report_id, text_value=data.text)
    except services.ExecutionError as exc:
        return _refuse(exc)
    return Status(201, fb)


class WorkResultIn(Schema):
    summary: str = Field(..., max_length=4000, description="Hasil pelaksanaan.")


@router.post(
    "/pelaksanaan/{work_id}/hasil",
    response={200: WorkDetailOut, **REFUSALS, **ERRORS},
    summary="Sampaikan hasil untuk direviu",
)
def submit_result(request: HttpRequest, data: WorkResultIn, work_id: int = WORK_ID):
    """Ketua tim atau pegawai individu menyampaikan hasil; tahap reviu dibuat dari rantai reviu
    jenis perangkat daerah menurut profil regulasi (mis. PPU Lampiran huruf C)."""
    actor = request.auth
    selectors.get_visible(actor, work_id)
    try:
        services.submit_result(actor=actor, work_id=work_id, summary=data.summary)
    except services.ExecutionError as exc:
        return _refuse(exc)
    return _detail(actor, work_id)


class ReviewDecisionIn(Schema):
    decision: Literal["teruskan", "kembalikan"] = Field(
        ..., description="teruskan (di tahap terakhir: terima) atau kembalikan."
    )
    notes: str = Field("", max_length=4000, description="Catatan; wajib bila dikembalikan.")


@router.post(
    "/pelaksanaan/reviu/{review_id}/putusan",
    response={200: WorkDetailOut, **REFUSALS, **ERRORS},
    summary="Putuskan tahap reviu",
)
def decide_review(
    request: HttpRequest,
    data: ReviewDecisionIn,
    review_id: int = Path(..., ge=1, le=2**63 - 1, description="ID tahap reviu."),
):
    """Peninjau tahap ini (atau Plh./Plt.-nya) meneruskan, menerima di tahap terakhir, atau
    mengembalikan hasil dengan catatan. Keputusan kedua atas tahap yang sama: 409."""
    actor = request.auth
    work_id = Review.objects.filter(pk=review_id, work__region=actor.region).values_list("work_id", flat=True).first()
    if work_id is None:
        raise Http404("Reviu tidak ditemukan.")
    selectors.get_visible(actor, work_id)
    try:
        services.decide_review(actor=actor, review_id=review_id, decision=data.decision, notes=data.notes)
    except services.ExecutionError as exc:
        return _refuse(exc)
    return _detail(actor, work_id)


class ReportPeriodIn(Schema):
    period: Literal["mingguan", "dua_mingguan", "bulanan", "triwulanan"] = Field(
        ..., description="Periode laporan tim/penugasan."
    )


@router.post(
    "/pelaksanaan/{work_id}/periode",
    response={200: WorkDetailOut, **REFUSALS, **ERRORS},
    summary="Tetapkan periode laporan",
)
def set_report_period(request: HttpRequest, data: ReportPeriodIn, work_id: int = WORK_ID):
    """Ketua tim/pegawai yang ditugaskan atau pimpinan unit pemilik kinerja (atau Plh./Plt.-nya)
    menetapkan periode laporan sebelum laporan pertama (TJ-3); jadwal laporan disusun ulang.
    Setelah ada laporan: 409 wrong_state."""
    actor = request.auth
    selectors.get_visible(actor, work_id)
    try:
        services.set_period(actor=actor, work_id=work_id, period=data.period)
    except services.ExecutionError as exc:
        return _refuse(exc)
    return _detail(actor, work_id)
