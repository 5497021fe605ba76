"""The unit leader's monitoring page (PEL-4 pimpinan unit e; BU Ps 28(3) huruf e): every team
and individual work owned by the units they lead, with progress against the plan, budget,
late reports, open problems and waiting reviews; filterable and exportable to XLSX."""

from __future__ import annotations

from io import BytesIO

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from sikerja.execution import planning_selectors as ps
from sikerja.execution.models import Plan, Work
from sikerja.i18n import in_indonesian
from sikerja.web.decorators import page_context, region_view

PLAN_WORDS = dict(Plan.Status.choices)


def _filters(request) -> tuple[str, bool]:
    status = request.GET.get("tahap", "")
    return (status if status in Work.Status.values else ""), request.GET.get("terlambat") == "1"


@region_view
@require_GET
def monitoring(request, actor):
    status, late_only = _filters(request)
    result = ps.monitoring(actor, status=status, late_only=late_only)
    return render(
        request,
        "execution/monitoring.html",
        page_context(
            actor,
            "pelaksanaan",
            me=actor.employee,
            m=result,
            status=status,
            late_only=late_only,
            statuses=Work.Status.choices,
            plan_words=PLAN_WORDS,
        ),
    )


HEADERS = [
    "Penugasan",
    "Bentuk",
    "Unit pemilik kinerja",
    "Ketua/pegawai",
    "Target kinerja",
    "Tahap",
    "Rencana",
    "Kemajuan (%)",
    "Kemajuan sesuai jadwal (%)",
    "Anggaran rencana (Rp)",
    "Realisasi anggaran (Rp)",
    "Laporan terlambat",
    "Kendala terbuka",
    "Menunggu reviu",
    "Mulai",
    "Selesai",
]


@region_view
@require_GET
@in_indonesian  # an Indonesian spreadsheet (its headings are), whatever the page (PLT-5)
def monitoring_xlsx(request, actor):
    from openpyxl import Workbook

    status, late_only = _filters(request)
    result = ps.monitoring(actor, status=status, late_only=late_only)
    book = Workbook()
    sheet = book.active
    sheet.title = "Pemantauan"
    sheet.append(HEADERS)
    for w in result.works:
        sheet.append(
            [
                w.assignment.title,
                "Tim kerja" if w.is_team else "Individu",
                w.owning_unit.name,
                w.lead.full_name,
                w.target.indikator if w.target_id else "",
                str(w.get_status_display()),  # a lazy label: openpyxl takes only str
                str(PLAN_WORDS.get(w.plan_status, "Belum disusun")),
                w.progress,
                w.expected,
                int(w.budget_planned),
                int(w.budget_realised),
                w.late_count,
                w.open_problems,
                w.waiting_reviews,
                w.starts_on,
                w.ends_on,
            ]
        )
    for col in ("O", "P"):
        for cell in sheet[col][1:]:
            cell.number_format = "DD-MM-YYYY"
    for col in ("J", "K"):
        for cell in sheet[col][1:]:
            cell.number_format = "#,##0"
    out = BytesIO()
    book.save(out)
    response = HttpResponse(
        out.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = 'attachment; filename="pemantauan-pelaksanaan.xlsx"'
    return response
