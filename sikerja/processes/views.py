"""Pages of proses bisnis (issue 14), mounted at /proses-bisnis/: the catalogue with search,
a process with its participants, maps and SOPs, the peta relasi, a map version (SIPOC table or
drawing), drawing in the modeller, the .bpmn download, the comparison of two versions and the
review. Thin: actor → selector/service → render; a refusal is shown on the page with status 400,
another region's object is a 404, a write the actor may not make is the 403 page."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sikerja.accounts.access import access_unit, may_edit_process
from sikerja.organisation.models import Position, Unit
from sikerja.processes import selectors, services
from sikerja.processes.forms import MapForm, ProcessForm, ReviewForm, SearchForm, SopForm
from sikerja.processes.modeller_words import modeller_words
from sikerja.processes.models import MapKind, MapVersion, ProcessKind
from sikerja.web.decorators import page_context, region_view


def ctx(actor, **extra) -> dict:
    return page_context(actor, "proses", today=timezone.localdate(), **extra)


def errors_of(exc: ValidationError) -> list[str]:
    return [str(m) for m in exc.messages]


def form_errors(form) -> list[str]:
    return [
        f"{form.fields[f].label if f in form.fields else ''}: {e}".lstrip(": ")
        for f, es in form.errors.items()
        for e in es
    ]


def writable_units(actor):
    """Units whose processes the actor may create: all for the Bagian Organisasi, else the
    units the actor leads (and their subtree)."""
    return [u for u in units_of(actor) if may_edit_process(actor, u.pk)]


def units_of(actor):
    return list(Unit.objects.filter(region=actor.region, is_active=True).only("pk", "name", "code").order_by("code"))


@region_view
@require_GET
def index(request, actor):
    return _index_page(request, actor)


def _index_page(request, actor, *, errors=None, status=200):
    form = SearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    found = selectors.processes(
        actor,
        q=filters.get("q", ""),
        unit_id=filters.get("unit"),
        position_id=filters.get("position"),
        kind=filters.get("kind", ""),
    )
    position = (
        Position.objects.filter(region=actor.region, pk=filters.get("position")).first()
        if filters.get("position")
        else None
    )
    return render(
        request,
        "processes/pages/index.html",
        ctx(
            actor,
            processes=found,
            form=form,
            units=units_of(actor),
            kinds=ProcessKind.choices,
            position=position,
            sops=selectors.sops(actor),
            overdue=selectors.overdue_monitorings(actor),
            errors=errors or [],
            parents=selectors.processes(actor),
            writable=writable_units(actor),
        ),
        status=status,
    )


@region_view
@require_POST
def process_new(request, actor):
    form = ProcessForm(request.POST)
    if not form.is_valid():
        return _index_page(request, actor, errors=form_errors(form), status=400)
    d = form.cleaned_data
    try:
        p = services.create_process(
            actor=actor,
            code=d["code"],
            name=d["name"],
            kind=d["kind"],
            owning_unit_id=d["owning_unit"],
            parent_id=d.get("parent"),
            description=d.get("description", ""),
        )
    except services.ProcessError as exc:
        return _index_page(request, actor, errors=errors_of(exc), status=400)
    messages.success(request, gettext("Proses bisnis ditambahkan."))
    return redirect("proses:process", pk=p.pk)


def _process_page(request, actor, pk, *, errors=None, status=200):
    page = selectors.process_page(actor, pk)
    return render(
        request,
        "processes/pages/process.html",
        ctx(
            actor,
            p=page.process,
            page=page,
            units=units_of(actor),
            map_kinds=MapKind.choices,
            errors=errors or [],
            methods=MapVersion._meta.get_field("method").choices,
        ),
        status=status,
    )


@region_view
@require_GET
def process_detail(request, actor, pk):
    return _process_page(request, actor, pk)


@region_view
@require_POST
def participants(request, actor, pk):
    process = selectors.get_process(actor, pk)
    ids = [i for i in request.POST.getlist("units")[:200] if i.isdigit() and len(i) < 18]
    outside = request.POST.get("outside", "")[:20000].splitlines()
    try:
        services.set_participants(actor=actor, process=process, unit_ids=ids, outside=outside)
    except services.ProcessError as exc:
        return _process_page(request, actor, pk, errors=errors_of(exc), status=400)
    messages.success(request, gettext("Peserta proses disimpan."))
    return redirect("proses:process", pk=pk)


@region_view
@require_POST
def map_new(request, actor, pk):
    process = selectors.get_process(actor, pk)
    form = MapForm(request.POST)
    if not form.is_valid():
        return _process_page(request, actor, pk, errors=form_errors(form), status=400)
    try:
        v = services.create_map(actor=actor, process=process, **form.cleaned_data)
    except services.ProcessError as exc:
        return _process_page(request, actor, pk, errors=errors_of(exc), status=400)
    return redirect("proses:map_version", pk=v.pk)


@region_view
@require_POST
def sop_new(request, actor, pk):
    process = selectors.get_process(actor, pk)
    form = SopForm(request.POST)
    if not form.is_valid():
        return _process_page(request, actor, pk, errors=form_errors(form), status=400)
    try:
        v = services.create_sop(
            actor=actor,
            name=form.cleaned_data["name"],
            owning_unit_id=form.cleaned_data["owning_unit"],
            process_id=process.pk,
        )
    except services.ProcessError as exc:
        return _process_page(request, actor, pk, errors=errors_of(exc), status=400)
    return redirect("proses:sop_version", pk=v.pk)


@region_view
@require_GET
def relasi(request, actor):
    unit_id = request.GET.get("unit", "")
    unit = access_unit(actor, int(unit_id)) if unit_id.isdigit() and len(unit_id) < 18 else None
    columns, rows, svg = selectors.relasi_map(actor, unit_id=unit.pk if unit else None)
    return render(
        request,
        "processes/pages/relasi.html",
        ctx(actor, columns=columns, rows=rows, svg=svg, unit=unit, units=units_of(actor)),
    )


# --- maps --------------------------------------------------------------------------------------
def _map_page(request, actor, pk, *, errors=None, status=200, where=""):
    v = selectors.get_map_version(actor, pk)
    versions = list(v.map.versions.order_by("-number"))
    return render(
        request,
        "processes/pages/map.html",
        ctx(
            actor,
            v=v,
            m=v.map,
            p=v.map.process,
            versions=versions,
            rows=list(v.sipoc_rows.all()),
            blank_rows=range(len(v.sipoc_rows.all()) + 1, len(v.sipoc_rows.all()) + 4),
            reviews=selectors.map_reviews(v),
            may_edit=may_edit_process(actor, v.map.process.owning_unit_id),
            review_form=ReviewForm(),
            errors=errors or [],
            where=where,
        ),
        status=status,
    )


@region_view
@require_GET
def map_version(request, actor, pk):
    return _map_page(request, actor, pk)


@region_view
@require_POST
def map_sipoc(request, actor, pk):
    v = selectors.get_map_version(actor, pk)
    post = request.POST
    rows = [
        {f: post.get(f"{f}-{i}", "") for f in services.maps.SIPOC_FIELDS}
        for i in range(1, 101)
        if f"process-{i}" in post
    ]
    try:
        services.save_sipoc(actor=actor, version=v, rows=rows)
    except services.ProcessError as exc:
        return _map_page(request, actor, pk, errors=errors_of(exc), status=400, where="sipoc")
    messages.success(request, gettext("Tabel SIPOC disimpan."))
    return redirect("proses:map_version", pk=pk)


def lanes_for(actor, process) -> list[dict]:
    """Lane names offered in the modeller: the owning and participating units, then the
    positions of the owning unit."""
    units = [process.owning_unit] + [pt.unit for pt in process.participations.select_related("unit") if pt.unit_id]
    positions = Position.objects.filter(region=actor.region, unit=process.owning_unit).order_by("-kelas_jabatan")[:20]
    return [{"id": f"unit-{u.pk}", "name": u.name} for u in units] + [
        {"id": f"jabatan-{p.pk}", "name": p.name} for p in positions
    ]


@region_view
@require_http_methods(["GET", "POST"])
def map_draw(request, actor, pk):
    v = selectors.get_map_version(actor, pk)
    errors, status, xml = [], 200, v.bpmn_xml
    if request.method == "POST":
        xml = request.POST.get("bpmn_xml", "")
        try:
            services.save_drawing(actor=actor, version=v, bpmn_xml=xml, svg=request.POST.get("svg", ""))
        except services.ProcessError as exc:
            errors, status = errors_of(exc), 400
        else:
            messages.success(request, gettext("Peta disimpan."))
            return redirect("proses:map_version", pk=pk)
    elif not may_edit_process(actor, v.map.process.owning_unit_id) or not v.is_draft:
        return redirect("proses:map_version", pk=pk)
    return render(
        request,
        "processes/pages/draw.html",
        ctx(
            actor,
            v=v,
            m=v.map,
            p=v.map.process,
            errors=errors,
            bpmn_xml=xml,
            save_url=reverse("proses:map_draw", args=[pk]),
            cancel_url=reverse("proses:map_version", args=[pk]),
            lanes=lanes_for(actor, v.map.process),
            bpmn_filename=f"peta-{v.map.pk}-v{v.number}",
            modeller_words=modeller_words(),
        ),
        status=status,
    )


@region_view
@require_GET
def map_bpmn(request, actor, pk):
    v = selectors.get_map_version(actor, pk)
    if not v.bpmn_xml:
        return _map_page(request, actor, pk, errors=["Versi ini belum mempunyai gambar BPMN."], status=404)
    response = HttpResponse(v.bpmn_xml, content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="peta-{v.map.pk}-v{v.number}.bpmn"'
    return response


@region_view
@require_POST
def map_approve(request, actor, pk):
    v = selectors.get_map_version(actor, pk)
    try:
        services.approve_map_version(actor=actor, version=v)
    except services.ProcessError as exc:
        return _map_page(request, actor, pk, errors=errors_of(exc), status=400)
    messages.success(request, gettext("Versi %(number)s disahkan; versi ini tidak dapat diubah lagi.") % {"number": v.number})
    return redirect("proses:map_version", pk=pk)


@region_view
@require_POST
def map_new_version(request, actor, pk):
    v = selectors.get_map_version(actor, pk)
    try:
        new = services.new_map_version(actor=actor, version=v)
    except services.ProcessError as exc:
        return _map_page(request, actor, pk, errors=errors_of(exc), status=400)
    return redirect("proses:map_version", pk=new.pk)


@region_view
@require_POST
def map_review(request, actor, pk):
    v = selectors.get_map_version(actor, pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return _map_page(request, actor, pk, errors=form_errors(form), status=400, where="review")
    try:
        review = services.review_map_version(actor=actor, version=v, **form.cleaned_data)
    except services.ProcessError as exc:
        return _map_page(request, actor, pk, errors=errors_of(exc), status=400, where="review")
    messages.success(request, gettext("Reviu dicatat: %(decision)s.") % {"decision": review.get_decision_display().lower()})
    return redirect("proses:map_version", pk=review.new_map_version_id or pk)


@region_view
@require_GET
def map_diff(request, actor, pk, other):
    from sikerja.processes.bpmn import BpmnError, diff_maps

    old, new = selectors.get_map_version(actor, pk), selectors.get_map_version(actor, other)
    if old.map_id != new.map_id:
        return _map_page(request, actor, pk, errors=["Kedua versi harus dari peta yang sama."], status=400)
    if old.number > new.number:
        old, new = new, old
    diff, errors = None, []
    try:
        diff = (
            diff_maps((old.bpmn_xml or "").encode(), (new.bpmn_xml or "").encode())
            if old.bpmn_xml and new.bpmn_xml
            else None
        )
    except BpmnError as exc:
        errors = errors_of(exc)
    sipoc = None
    if old.map.kind == MapKind.PETA_PROSES:
        a = {(r.supplier, r.input, r.process, r.output, r.customer) for r in old.sipoc_rows.all()}
        b = {(r.supplier, r.input, r.process, r.output, r.customer) for r in new.sipoc_rows.all()}
        sipoc = {"added": sorted(b - a), "removed": sorted(a - b)}
    return render(
        request,
        "processes/pages/diff.html",
        ctx(actor, old=old, new=new, m=old.map, diff=diff, sipoc=sipoc, errors=errors),
    )
