"""Import/export pages (ORG-7). Thin: check the actor, call one service, render."""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sikerja.accounts.access import regions_of, require_org_admin
from sikerja.organisation.io import exporters, services, sheets
from sikerja.organisation.io.forms import UploadForm
from sikerja.organisation.models import ImportBatch
from sikerja.web.decorators import region_view

FORMATS = ("csv", "xlsx")


def _ctx(request, **extra):
    return {"nav": "io", "regions": regions_of(request.user), **extra}


def _index(request, actor, form, status=200):
    batches = ImportBatch.objects.filter(region=actor.region).select_related("created_by").defer("content")[:10]
    return render(
        request,
        "organisation/io/index.html",
        _ctx(
            request,
            form=form,
            sheets=sheets.SHEETS.values(),
            batches=batches,
            max_mb=services.MAX_UPLOAD_BYTES // (1024 * 1024),
            help_topic="impor-ekspor",
        ),
        status=status,
    )


@region_view
def index(request, actor):
    require_org_admin(actor)
    return _index(request, actor, UploadForm())


@region_view
@require_POST
def upload(request, actor):
    require_org_admin(actor)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _index(request, actor, form, status=400)
    f = form.cleaned_data["file"]
    try:
        batch = services.preview_import(
            actor=actor, sheet=form.cleaned_data["sheet"], filename=f.name, content=f.read()
        )
    except services.ReadError as exc:
        form.add_error("file", str(exc))
        return _index(request, actor, form, status=400)
    return redirect("io:batch", batch_id=batch.pk)


def _batch(actor, batch_id: int) -> ImportBatch:
    batch = ImportBatch.objects.filter(region=actor.region, pk=batch_id).defer("content").first()
    if batch is None:
        raise Http404(_('Berkas impor tidak ditemukan.'))
    return batch


@region_view
def batch(request, actor, batch_id):
    require_org_admin(actor)
    b = _batch(actor, batch_id)
    report = b.report or {}
    can_apply = b.status == ImportBatch.Status.PREVIEWED and not report.get("errors")
    return render(
        request,
        "organisation/io/batch.html",
        _ctx(request, batch=b, report=report, can_apply=can_apply, spec=sheets.SHEETS[b.sheet]),
    )


@region_view
@require_POST
def apply(request, actor, batch_id):
    require_org_admin(actor)
    try:
        b = services.apply_import(actor=actor, batch_id=batch_id)
    except services.ImportRefused as exc:
        messages.error(request, str(exc))
        return redirect("io:batch", batch_id=batch_id)
    r = b.report
    messages.success(
        request,
        f"Impor {b.get_sheet_display().lower()} selesai: {r['creates']} baru, {r['updates']} diubah, "
        f"{r['unchanged']} tanpa perubahan.",
    )
    return redirect("io:batch", batch_id=b.pk)


@region_view
def batch_errors(request, actor, batch_id):
    """The error report as CSV, to fix the rows in the spreadsheet itself."""
    require_org_admin(actor)
    b = _batch(actor, batch_id)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["baris", "kolom", "isi", "alasan"])
    for e in (b.report or {}).get("errors", []):
        writer.writerow([e["row"], e["column"], e["value"], e["message"]])
    response = HttpResponse(out.getvalue().encode("utf-8-sig"), content_type=exporters.CONTENT_TYPES["csv"])
    response["Content-Disposition"] = f'attachment; filename="galat-impor-{b.pk}.csv"'
    return response


@region_view
def export(request, actor, sheet, fmt):
    require_org_admin(actor)
    if sheet not in sheets.SHEETS or fmt not in FORMATS:
        raise Http404(_('Lembar atau format tidak dikenal.'))
    template = request.GET.get("templat") == "1"
    content = exporters.export_sheet(actor=actor, sheet=sheet, fmt=fmt, template=template)
    spec = sheets.SHEETS[sheet]
    stem = f"templat-{spec.slug}" if template else f"{actor.region.slug}-{spec.slug}-{timezone.localdate():%Y%m%d}"
    response = HttpResponse(content, content_type=exporters.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
    return response
