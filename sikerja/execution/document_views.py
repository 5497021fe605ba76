"""Downloads of pelaksanaan documents, with the access of their pages (404 for what is out of
reach): the perjanjian kinerja as issued (its naskah dinas, PDF/DOCX) and the laporan
pelaksanaan tugas of a work (per period, or final once accepted), rendered on demand."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from sikerja.execution import laporan as lap
from sikerja.execution import planning_selectors as ps
from sikerja.i18n import in_indonesian
from sikerja.web.decorators import region_view

TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _file(data: bytes, name: str, ext: str) -> HttpResponse:
    response = HttpResponse(bytes(data), content_type=TYPES[ext])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def agreement_file(actor, pk, ext: str) -> tuple[bytes, str]:
    """The issued PK of an agreement the actor may see; none before the leader signs (404)."""
    agreement = ps.get_agreement(actor, pk)
    if ext not in TYPES or agreement.document_id is None:
        raise Http404(gettext("Naskah perjanjian kinerja belum diterbitkan."))
    from sikerja.letters.models import DocumentFile

    files = DocumentFile.objects.filter(document_id=agreement.document_id).first()
    if files is None:
        raise Http404(gettext("Naskah perjanjian kinerja belum diterbitkan."))
    name = f"perjanjian-kinerja-{agreement.unit.code}-{agreement.year}.{ext}".replace("/", "-")
    return bytes(files.pdf if ext == "pdf" else files.docx), name


def laporan_file(actor, work_id, ext: str, *, period: tuple[str, str] | None) -> tuple[bytes, str]:
    """The laporan as PDF or DOCX under the owning unit's letterhead; ``ExecutionError`` when
    the final laporan is asked for before the result is accepted."""
    from sikerja.letters.selectors import kop_for

    if ext not in TYPES:
        raise Http404(gettext("Format tidak dikenal."))
    report = lap.build(actor, work_id, period=period)
    kop = kop_for(actor.region, report.work.owning_unit)
    place = actor.region.capital or actor.region.name
    if ext == "docx":
        from sikerja.execution.laporan_docx import render_docx

        return render_docx(report, kop=kop, place=place), lap.filename(report, ext)
    return _laporan_pdf(report, kop, place), lap.filename(report, ext)


@in_indonesian  # a document: Bahasa Indonesia whatever the page's language
def _laporan_pdf(report, kop, place) -> bytes:
    from sikerja.letters.render import html_to_pdf

    html = render_to_string(
        "execution/laporan_pdf.html", {"l": report, "kop": kop, "title": report.title, "number": "", "place": place}
    )
    return html_to_pdf(html)


@region_view
@require_GET
def agreement_document(request, actor, pk, ext):
    data, name = agreement_file(actor, pk, ext)
    return _file(data, name, ext)


@region_view
@require_GET
def laporan(request, actor, pk, ext):
    """``?mulai=YYYY-MM-DD&selesai=YYYY-MM-DD``: one reporting period; without them the final
    laporan. A refusal (not yet accepted) is shown on the work's page (400)."""
    from sikerja.execution.services.common import ExecutionError
    from sikerja.execution.views import _page

    start, end = request.GET.get("mulai", ""), request.GET.get("selesai", "")
    period = (start[:10], end[:10]) if start or end else None
    try:
        data, name = laporan_file(actor, pk, ext, period=period)
    except ExecutionError as exc:
        return _page(request, actor, pk, status=400, errors=[str(m) for m in exc.messages], where="laporan")
    return _file(data, name, ext)
