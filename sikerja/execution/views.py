"""Pages of pelaksanaan (issue 12): "Pelaksanaan saya", "Menunggu reviu", one work's page with
its reports, evidence, feedback and review chain (MEK-5), and the forms that call the services.
Thin: actor → selector/service → render. A work the user may not see is a 404; a service's
``PermissionDenied`` is the 403 page; an ``ExecutionError`` is shown on the page, status 400."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from sikerja.assignments.selectors import get_visible as get_visible_assignment
from sikerja.execution import selectors, services
from sikerja.execution.laporan import periods as laporan_periods
from sikerja.execution.models import Evidence, Period, Report, Review
from sikerja.execution.rules import format_rupiah
from sikerja.execution.services.evidence import ALLOWED_WORDS, MAX_FILES
from sikerja.web.decorators import page_context, region_view

EVENT_WORDS = {
    "work.created": "Pelaksanaan dimulai (naskah penugasan terbit)",
    "work.period_set": "Periode laporan ditetapkan",
    "work.report_submitted": "Laporan kemajuan disampaikan",
    "work.feedback_given": "Umpan balik diberikan",
    "work.result_submitted": "Hasil disampaikan untuk direviu",
    "work.review_diteruskan": "Reviu: diteruskan",
    "work.review_dikembalikan": "Reviu: dikembalikan untuk diperbaiki",
    "work.review_diterima": "Hasil diterima; penugasan selesai",
    "work.target_linked": "Dikaitkan dengan target perjanjian kinerja",
    "work.plan_saved": "Rencana kegiatan dan anggaran disusun",
    "work.plan_submitted": "Rencana diajukan",
    "work.plan_approved": "Rencana disetujui",
    "work.plan_returned": "Rencana dikembalikan",
    "work.task_added": "Rincian tugas ditambahkan",
    "work.task_marked": "Tugas diperbarui",
    "work.duty_linked": "Dikaitkan dengan butir kegiatan/uraian tugas",
    "work.coordination_recorded": "Koordinasi dicatat",
    "work.problem_raised": "Kendala disampaikan",
    "work.problem_decided": "Kendala diputuskan",
    "work.report_requested": "Laporan diminta",
    "work.request_answered": "Laporan yang diminta disampaikan",
    "work.member_note_written": "Catatan kinerja anggota ditulis",
}


def _ctx(actor, **extra) -> dict:
    return page_context(actor, "pelaksanaan", me=actor.employee, **extra)


@region_view
@require_GET
def mine(request, actor):
    services.ensure_works(actor.employee)  # assignments issued before this app existed
    works = selectors.my_works(actor)
    return render(
        request,
        "execution/mine.html",
        _ctx(actor, works=works, waiting=selectors.waiting_count(actor), late=sum(w.late_count for w in works)),
    )


@region_view
@require_GET
def reviews(request, actor):
    return render(request, "execution/reviews.html", _ctx(actor, reviews=selectors.waiting_reviews(actor)))


@region_view
@require_GET
def from_assignment(request, actor, assignment_pk):
    assignment = get_visible_assignment(actor, assignment_pk)
    work = services.work_for(assignment)
    if work is None:
        raise Http404(gettext("Penugasan ini belum diterbitkan; pelaksanaannya belum dimulai."))
    return redirect("pelaksanaan:detail", pk=work.pk)


def _page(request, actor, pk, *, status=200, errors=None, where="", values=None):
    page = selectors.work_page(actor, pk)
    events = [(e, EVENT_WORDS.get(e.verb, "Peristiwa")) for e in page.events]
    return render(
        request,
        "execution/detail.html",
        _ctx(
            actor,
            p=page,
            w=page.work,
            events=events,
            errors=errors or [],
            where=where,
            values=values or {},
            budget=format_rupiah(page.work.budget_realised),
            allowed_words=ALLOWED_WORDS,
            max_files=MAX_FILES,
            periods=Period.choices,
            laporan_periods=laporan_periods(page.work),
        ),
        status=status,
    )


@region_view
@require_GET
def detail(request, actor, pk):
    return _page(request, actor, pk)


def _errors(exc: ValidationError) -> list[str]:
    return [str(m) for m in exc.messages]


@region_view
@require_POST
def report(request, actor, pk):
    selectors.get_visible(actor, pk)
    post = request.POST
    try:
        services.submit_report(
            actor=actor,
            work_id=pk,
            due_id=int(post["due"]) if post.get("due", "").isdigit() and len(post["due"]) < 18 else None,
            progress=post.get("progress"),
            realisation=post.get("realisation"),
            budget_realised=post.get("budget_realised"),
            links=post.get("links", ""),
            files=request.FILES.getlist("files"),
        )
    except services.ExecutionError as exc:
        return _page(request, actor, pk, status=400, errors=_errors(exc), where="report", values=post)
    messages.success(request, gettext("Laporan kemajuan disampaikan."))
    return redirect("pelaksanaan:detail", pk=pk)


@region_view
@require_POST
def feedback(request, actor, report_pk):
    found = Report.objects.filter(pk=report_pk, work__region=actor.region).values_list("work_id", flat=True).first()
    if found is None:
        raise Http404(gettext("Laporan tidak ditemukan."))
    selectors.get_visible(actor, found)
    try:
        services.give_feedback(actor=actor, report_id=report_pk, text_value=request.POST.get("text"))
    except services.ExecutionError as exc:
        return _page(request, actor, found, status=400, errors=_errors(exc), where=f"feedback-{report_pk}")
    messages.success(request, gettext("Umpan balik disimpan; penyusun laporan dapat membacanya."))
    return redirect("pelaksanaan:detail", pk=found)


@region_view
@require_POST
def submit(request, actor, pk):
    selectors.get_visible(actor, pk)
    try:
        services.submit_result(actor=actor, work_id=pk, summary=request.POST.get("summary"))
    except services.ExecutionError as exc:
        return _page(request, actor, pk, status=400, errors=_errors(exc), where="submit", values=request.POST)
    messages.success(request, gettext("Hasil pelaksanaan disampaikan untuk direviu."))
    return redirect("pelaksanaan:detail", pk=pk)


@region_view
@require_POST
def period(request, actor, pk):
    selectors.get_visible(actor, pk)
    try:
        services.set_period(actor=actor, work_id=pk, period=request.POST.get("period", ""))
    except services.ExecutionError as exc:
        return _page(request, actor, pk, status=400, errors=_errors(exc), where="period")
    messages.success(request, gettext("Periode laporan ditetapkan; jadwal laporan disusun ulang."))
    return redirect("pelaksanaan:detail", pk=pk)


@region_view
@require_POST
def decide(request, actor, review_pk):
    found = Review.objects.filter(pk=review_pk, work__region=actor.region).values_list("work_id", flat=True).first()
    if found is None:
        raise Http404(gettext("Reviu tidak ditemukan."))
    selectors.get_visible(actor, found)
    decision = request.POST.get("decision", "")
    try:
        review = services.decide_review(
            actor=actor, review_id=review_pk, decision=decision, notes=request.POST.get("notes")
        )
    except services.ExecutionError as exc:
        return _page(request, actor, found, status=400, errors=_errors(exc), where="review", values=request.POST)
    words = {
        "diterima": gettext("Hasil diterima; penugasan selesai."),
        "diteruskan": gettext("Hasil diteruskan ke tahap reviu berikutnya."),
    }
    messages.success(request, words.get(review.status, gettext("Hasil dikembalikan untuk diperbaiki beserta catatan Anda.")))
    return redirect("pelaksanaan:detail", pk=found)


@region_view
@require_GET
def evidence(request, actor, evidence_pk):
    """A file of a report, only for those who see its work."""
    item = Evidence.objects.filter(pk=evidence_pk, report__work__region=actor.region).exclude(filename="").first()
    if item is None:
        raise Http404(gettext("Bukti dukung tidak ditemukan."))
    selectors.get_visible(actor, item.report.work_id)
    response = HttpResponse(bytes(item.data), content_type=item.content_type or "application/octet-stream")
    inline = item.content_type in ("application/pdf", "image/png", "image/jpeg")
    safe_name = item.filename.replace('"', "")
    response["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{safe_name}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"  # an uploaded file never runs script in our origin
    return response
