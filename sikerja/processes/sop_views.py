"""Pages of SOP AP (PB-6): one version with its identity block, steps table and server-drawn
flowchart; the forms that edit a draft (identity, steps typed as a table, XLSX import), approval,
new version, review, PDF/DOCX export, the six-monthly monitoring; a unit's and a position's
links to processes and SOPs (issue 14 item 7)."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sikerja.accounts.access import access_unit, may_edit_process
from sikerja.letters.selectors import kop_for
from sikerja.organisation.models import Employee, Position
from sikerja.processes import documents, selectors, services
from sikerja.processes.forms import IdentityForm, ReviewForm, XlsxForm
from sikerja.processes.models import Monitoring
from sikerja.processes.rules.steps import MAX_STEPS, StepInput
from sikerja.processes.rules.symbols import STEP_SYMBOLS
from sikerja.processes.views import ctx, errors_of, form_errors
from sikerja.web.decorators import region_view

STEP_FIELDS = ("kegiatan", "kelengkapan", "waktu", "output", "keterangan")


def _positions(actor, version):
    """Positions offered as pelaksana: those of the owning unit's PD, and any already used."""
    unit = version.sop.owning_unit
    pd = unit.perangkat_daerah_id or unit.pk
    used = [a.position_id for a in version.actors.all()]
    return list(
        Position.objects.filter(region=actor.region)
        .filter(Q(unit__perangkat_daerah_id=pd) | Q(unit_id=pd) | Q(pk__in=used))
        .select_related("unit")
        .order_by("unit__code", "-kelas_jabatan", "name")[:400]
    )


def _approvers(actor, version):
    unit = version.sop.owning_unit
    pd = unit.perangkat_daerah_id or unit.pk
    return list(
        Employee.objects.filter(region=actor.region, is_active=True, position__is_leader=True)
        .filter(Q(unit__perangkat_daerah_id=pd) | Q(unit_id=pd))
        .select_related("position")
        .order_by("-position__kelas_jabatan", "name")[:100]
    )


def _page(request, actor, pk, *, errors=None, status=200, where="", posted=None):
    v = selectors.get_sop_version(actor, pk)
    context = documents.sop_context(v)
    may_edit = may_edit_process(actor, v.sop.owning_unit_id)
    steps = context["pages"] and [s for p in context["pages"] for s in p["steps"]] or []
    return render(
        request,
        "processes/pages/sop.html",
        ctx(
            actor,
            v=v,
            sop=v.sop,
            doc=context,
            steps=steps,
            may_edit=may_edit,
            errors=errors or [],
            where=where,
            positions=_positions(actor, v) if may_edit and v.is_draft else [],
            approvers=_approvers(actor, v) if may_edit and v.is_draft else [],
            symbols=STEP_SYMBOLS,
            blank_rows=range(len(steps) + 1, len(steps) + 6),
            posted=posted,
            versions=list(v.sop.versions.order_by("-number")),
            reviews=selectors.sop_reviews(v),
            monitorings=selectors.sop_monitorings(v),
            review_form=ReviewForm(),
            max_steps=MAX_STEPS,
        ),
        status=status,
    )


@region_view
@require_GET
def sop_version(request, actor, pk):
    return _page(request, actor, pk)


@region_view
@require_POST
def sop_identity(request, actor, pk):
    v = selectors.get_sop_version(actor, pk)
    form = IdentityForm(request.POST)
    if not form.is_valid():
        return _page(request, actor, pk, errors=form_errors(form), status=400, where="identity")
    try:
        services.save_identity(actor=actor, version=v, data=form.cleaned_data)
    except services.ProcessError as exc:
        return _page(request, actor, pk, errors=errors_of(exc), status=400, where="identity")
    messages.success(request, gettext("Identitas SOP disimpan."))
    return redirect("proses:sop_version", pk=pk)


def _int(value):
    value = (value or "").strip()
    return int(value) if value.isdigit() and len(value) < 5 else None


def parse_step_rows(post) -> tuple[list[int], list[StepInput], list[str]]:
    """The typed table: rows step-N-*, an empty kegiatan ends nothing but is skipped; pelaksana
    columns follow the order in which positions are first used."""
    used: list[int] = []
    steps: list[StepInput] = []
    problems: list[str] = []
    for i in range(1, MAX_STEPS + 6):
        if f"step-{i}-kegiatan" not in post:
            continue
        values = {f: post.get(f"step-{i}-{f}", "")[:1000] for f in STEP_FIELDS}
        if not values["kegiatan"].strip():
            continue
        position = _int(post.get(f"step-{i}-position"))
        if position is None:
            problems.append(gettext("Baris %(i)s: pilih pelaksana.") % {"i": i})
            continue
        if position not in used:
            used.append(position)
        steps.append(
            StepInput(
                no=len(steps) + 1,
                actor=used.index(position),
                symbol=post.get(f"step-{i}-symbol", "")[:40],
                yes_to=_int(post.get(f"step-{i}-yes")),
                no_to=_int(post.get(f"step-{i}-no")),
                **values,
            )
        )
    return used, steps, problems


@region_view
@require_POST
def sop_steps(request, actor, pk):
    v = selectors.get_sop_version(actor, pk)
    positions, steps, problems = parse_step_rows(request.POST)
    if problems:
        return _page(request, actor, pk, errors=problems, status=400, where="steps", posted=request.POST)
    try:
        services.save_steps(actor=actor, version=v, position_ids=positions, steps=steps)
    except services.ProcessError as exc:
        return _page(request, actor, pk, errors=errors_of(exc), status=400, where="steps", posted=request.POST)
    messages.success(request, gettext("Langkah disimpan: %(count)s.") % {"count": len(steps)})
    return redirect("proses:sop_version", pk=pk)


@region_view
@require_POST
def sop_import(request, actor, pk):
    v = selectors.get_sop_version(actor, pk)
    form = XlsxForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, actor, pk, errors=["Pilih berkas XLSX."], status=400, where="import")
    upload = form.cleaned_data["file"]
    if upload.size > services.sops.MAX_XLSX:
        return _page(
            request, actor, pk, errors=["Berkas XLSX terlalu besar (paling besar 2 MB)."], status=400, where="import"
        )
    try:
        services.import_steps_xlsx(actor=actor, version=v, content=upload.read())
    except services.ProcessError as exc:
        return _page(request, actor, pk, errors=errors_of(exc), status=400, where="import")
    messages.success(request, gettext("Langkah diimpor dari XLSX."))
    return redirect("proses:sop_version", pk=pk)


@region_view
@require_POST
def sop_approve(request, actor, pk):
    v = selectors.get_sop_version(actor, pk)
    try:
        services.approve_sop_version(actor=actor, version=v)
    except services.ProcessError as exc:
        return _page(request, actor, pk, errors=errors_of(exc), status=400)
    messages.success(
        request,
        gettext("SOP disahkan; versi ini tidak dapat diubah lagi. Pemantauan pertama dijadwalkan enam bulan setelah efektif."),
    )
    return redirect("proses:sop_version", pk=pk)


@region_view
@require_POST
def sop_new_version(request, actor, pk):
    v = selectors.get_sop_version(actor, pk)
    try:
        new = services.new_sop_version(actor=actor, version=v)
    except services.ProcessError as exc:
        return _page(request, actor, pk, errors=errors_of(exc), status=400)
    return redirect("proses:sop_version", pk=new.pk)


@region_view
@require_POST
def sop_review(request, actor, pk):
    v = selectors.get_sop_version(actor, pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return _page(request, actor, pk, errors=form_errors(form), status=400, where="review")
    try:
        review = services.review_sop_version(actor=actor, version=v, **form.cleaned_data)
    except services.ProcessError as exc:
        return _page(request, actor, pk, errors=errors_of(exc), status=400, where="review")
    messages.success(request, gettext("Reviu dicatat: %(decision)s.") % {"decision": review.get_decision_display().lower()})
    return redirect("proses:sop_version", pk=review.new_sop_version_id or pk)


def _filename(v, ext):
    safe = "".join(c if c.isalnum() else "-" for c in v.sop.name.lower())[:60].strip("-")
    return f"sop-{safe}-v{v.number}.{ext}"


@region_view
@require_GET
def sop_pdf(request, actor, pk):
    v = selectors.get_sop_version(actor, pk)
    pdf = documents.sop_pdf(v, kop_for(actor.region, v.sop.owning_unit))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{_filename(v, "pdf")}"'
    return response


@region_view
@require_GET
def sop_docx(request, actor, pk):
    v = selectors.get_sop_version(actor, pk)
    data = documents.sop_docx(v, kop_for(actor.region, v.sop.owning_unit))
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(v, "docx")}"'
    return response


def _rows(v, m):
    items = {i.step_id: i for i in m.items.all()}
    return [(s, items.get(s.pk)) for s in v.steps.all()]


@region_view
@require_http_methods(["GET", "POST"])
def monitoring(request, actor, pk):
    m = (
        Monitoring.objects.filter(region=actor.region, pk=pk)
        .select_related("sop_version__sop__owning_unit", "assessor")
        .first()
    )
    if m is None:
        raise Http404(gettext("Pemantauan tidak ditemukan di pemerintah daerah ini."))
    v = selectors.get_sop_version(actor, m.sop_version_id)
    errors, status = [], 200
    if request.method == "POST":
        post = request.POST
        items = {}
        for step in v.steps.all():
            choice = post.get(f"well-{step.pk}", "")
            items[step.pk] = {
                "runs_well": True if choice == "ya" else False if choice == "tidak" else None,
                "notes": post.get(f"notes-{step.pk}", "")[:2000],
                "action": post.get(f"action-{step.pk}", "")[:2000],
            }
        try:
            services.record_monitoring(actor=actor, monitoring=m, items=items, summary=post.get("summary", "")[:5000])
        except services.ProcessError as exc:
            errors, status = errors_of(exc), 400
        else:
            messages.success(request, gettext("Hasil pemantauan dicatat; pemantauan berikutnya dijadwalkan enam bulan lagi."))
            return redirect("proses:sop_version", pk=v.pk)
    return render(
        request,
        "processes/pages/monitoring.html",
        ctx(
            actor,
            m=m,
            v=v,
            steps=list(v.steps.all()),
            rows=_rows(v, m),
            errors=errors,
            may_edit=may_edit_process(actor, v.sop.owning_unit_id),
            posted=request.POST if status == 400 else None,
        ),
        status=status,
    )


@region_view
@require_GET
def unit_section(request, actor, pk):
    unit = access_unit(actor, pk)
    procs, sops = selectors.for_unit(actor, unit.pk)
    return render(request, "processes/_unit_section.html", {"unit": unit, "procs": procs, "sops": sops})


@region_view
@require_GET
def position_steps(request, actor, pk):
    position = Position.objects.filter(region=actor.region, pk=pk).select_related("unit").first()
    if position is None:
        raise Http404(gettext("Jabatan tidak ditemukan di pemerintah daerah ini."))
    return render(
        request,
        "processes/pages/position.html",
        ctx(
            actor,
            position=position,
            steps=selectors.steps_of_position(actor, pk),
            procs=selectors.processes(actor, position_id=pk),
        ),
    )
