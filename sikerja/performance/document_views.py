"""Downloads of pengelolaan kinerja: the SKP and the dokumen evaluasi kinerja as PDF and DOCX, the
penetapan predikat kinerja organisasi as PDF and DOCX, and a
unit's appraisals of one period as XLSX with its curve check. Same access as the pages (404
for what is out of reach)."""

from __future__ import annotations

from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from sikerja.i18n import in_indonesian
from sikerja.performance.views import _int
from sikerja.web.decorators import region_view


@region_view
@require_GET
def skp_pdf(request, actor, pk):
    from sikerja.performance.documents import pdf_response

    return pdf_response(actor, pk)


@region_view
@require_GET
def evaluation_pdf(request, actor, pk, evaluation_pk):
    from sikerja.performance.documents import pdf_response

    return pdf_response(actor, pk, evaluation_pk)


@region_view
@require_GET
def skp_docx(request, actor, pk):
    from sikerja.performance.documents import docx_response

    return docx_response(actor, pk)


@region_view
@require_GET
def evaluation_docx(request, actor, pk, evaluation_pk):
    from sikerja.performance.documents import docx_response

    return docx_response(actor, pk, evaluation_pk)


def _penetapan(request, actor, make, mime):
    from django.http import Http404

    from sikerja.performance import penetapan
    from sikerja.performance.documents import file_response

    unit_id, period_id = _int(request.GET.get("unit")), _int(request.GET.get("periode"))
    if not unit_id or not period_id:
        raise Http404(gettext("Pilih unit dan periode."))
    return file_response(*getattr(penetapan, make)(actor, unit_id, period_id), mime)


@region_view
@require_GET
def penetapan_pdf(request, actor):
    """The penetapan predikat kinerja organisasi of one unit and period (KIN-10)."""
    return _penetapan(request, actor, "penetapan_pdf", "application/pdf")


@region_view
@require_GET
def penetapan_docx(request, actor):
    from sikerja.performance.documents import DOCX_MIME

    return _penetapan(request, actor, "penetapan_docx", DOCX_MIME)


@region_view
@require_GET
@in_indonesian  # an Indonesian spreadsheet (its headings are), whatever the page (PLT-5)
def curve_xlsx(request, actor):
    """The unit's appraisals of one period as a spreadsheet, with the curve check beside."""
    import io

    from django.http import Http404, HttpResponse
    from openpyxl import Workbook

    from sikerja.performance.selectors.curve import unit_evaluations

    unit_id, period_id = _int(request.GET.get("unit")), _int(request.GET.get("periode"))
    if not unit_id or not period_id:
        raise Http404(gettext("Pilih unit dan periode."))
    view, rows = unit_evaluations(actor, unit_id, period_id)
    wb = Workbook()
    ws = wb.active
    ws.title = "Evaluasi kinerja"
    ws.append(
        [
            "Unit",
            "NIP",
            "Nama",
            "Jabatan",
            "Pejabat penilai",
            "Rating hasil kerja",
            "Rating perilaku",
            "Predikat",
            "Status",
        ]
    )
    for ev in rows:
        ws.append([
            ev.unit.name, ev.employee.nip, ev.employee.name, ev.employee.position.name if ev.employee.position_id else "",
            ev.assessor.name, str(ev.get_rating_hasil_display()), str(ev.get_rating_perilaku_display()), str(ev.get_predikat_display()),
            str(ev.get_status_display()),
        ])  # fmt: skip
    check = wb.create_sheet("Pola distribusi")
    check.append(["Unit", view.checked_unit.name])
    check.append(["Periode", str(view.period)])
    check.append(
        ["Predikat kinerja organisasi", str(view.setting.get_predikat_display()) if view.setting else "belum ditetapkan"]
    )
    for bar in view.bars:
        check.append([str(bar.label), bar.count])
    for breach in view.breaches:
        check.append(["Tidak sesuai pola", breach.message])
    buf = io.BytesIO()
    wb.save(buf)
    response = HttpResponse(
        buf.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="evaluasi-kinerja-{view.checked_unit.code}-{view.period.pk}.xlsx"'
    )
    return response
