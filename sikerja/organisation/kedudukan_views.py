"""Pages for kedudukan (issue 3): validation report, placement, delegation, unit patterns."""

import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from openpyxl import Workbook

from sikerja.accounts.access import access_employee, may_place, may_read_placement_report
from sikerja.organisation import selectors
from sikerja.organisation.kedudukan_forms import (
    DelegationForm,
    PlacementCorrectionForm,
    PlacementForm,
    WithdrawForm,
    nip_digits,
)
from sikerja.organisation.models import Delegation, Employee
from sikerja.organisation.placement_selectors import (
    acting_for,
    assessor_candidates,
    profile_of,
    validation_report,
)
from sikerja.organisation.placement_services import (
    PlacementError,
    correct_placement,
    delegate_authority,
    place_employee,
    revoke_delegation,
    withdraw_placement,
)
from sikerja.organisation.rules.placement import KIND_WORDS, kind_word
from sikerja.tenancy.labels import value_label
from sikerja.web.decorators import page_context, region_view


def _ctx(actor, **extra):
    return page_context(actor, "ked", may_place=may_place(actor), **extra)


@region_view
def report(request, actor):
    if not may_read_placement_report(actor):
        raise PermissionDenied(_('Laporan kedudukan hanya untuk pimpinan, PPK, dan admin.'))
    rep = validation_report(actor, page=request.GET.get("hal") or 1)
    return render(
        request,
        "organisation/kedudukan/report.html",
        _ctx(actor, rep=rep, groups=rep.grouped(), help_topic="kedudukan"),
    )


@region_view
def report_xlsx(request, actor):
    if not may_read_placement_report(actor):
        raise PermissionDenied(_('Laporan kedudukan hanya untuk pimpinan, PPK, dan admin.'))
    rep = validation_report(actor)
    wb = Workbook()
    ws = wb.active
    ws.title = "Pelanggaran kedudukan"
    ws.append(["Perangkat daerah", "Unit", "NIP", "Nama", "Jabatan", "PPK", "Rentang kendali PPK",
               "Beban (formasi JF/pelaksana unit PPK)", "Persyaratan", "Dasar", "Keterangan"])
    for row in rep.rows:
        load = rep.loads.get(row.assessor_id)
        for f in row.findings:
            ws.append([row.pd_name, row.unit_name, row.nip, row.employee_name, row.position, row.assessor_name or "-",
                       load.span if load else "", load.workload if load else "", f.label, f.article, f.message])
    limited = wb.create_sheet("Belum diperiksa penuh")
    limited.append(["Perangkat daerah", "Unit", "NIP", "Nama", "Alasan"])
    for row in rep.limited:
        limited.append([row.pd_name, row.unit_name, row.nip, row.employee_name, row.reason])
    summary = wb.create_sheet("Ringkasan")
    summary.append(["Profil", rep.profile_name])
    summary.append(["Kedudukan diperiksa", rep.judged])
    summary.append(["Kedudukan melanggar", len(rep.rows)])
    summary.append(["Belum dapat diperiksa penuh", len(rep.limited)])
    summary.append(["Pejabat struktural (tidak diperiksa)", rep.structural])
    for label, n in rep.counts:
        summary.append([label, n])
    buf = io.BytesIO()
    wb.save(buf)
    response = HttpResponse(buf.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="laporan-kedudukan-{actor.region.slug}.xlsx"'
    return response


@region_view
def place(request, actor, pk):
    if not may_place(actor):
        raise PermissionDenied(_('Hanya admin BKPSDM yang dapat menetapkan kedudukan.'))
    employee = access_employee(actor, pk)
    candidates = assessor_candidates(actor.region, employee)
    form = PlacementForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                place_employee(
                    actor=actor, employee_id=employee.pk, assessor_id=form.cleaned_data["assessor"],
                    basis_number=form.cleaned_data["basis_number"], basis_date=form.cleaned_data["basis_date"],
                    effective_from=form.cleaned_data["effective_from"],
                )
            except PlacementError as exc:
                form.add_error(None, str(exc))
                status = 400
            else:
                messages.success(request, _("Kedudukan %(name)s ditetapkan.") % {"name": employee.full_name})
                return redirect("web:employee_detail", pk=employee.pk)
        else:
            status = 400
    return render(
        request, "organisation/kedudukan/place.html",
        _ctx(actor, e=employee, form=form, candidates=candidates, current=selectors.current_placement(employee),
             scheduled=selectors.scheduled_placements(employee),
             history=employee.placements.select_related("assessor").order_by("-effective_from", "-pk"),
             kind_words=KIND_WORDS, help_topic="kedudukan"),
        status=status,
    )


def _placement_write(request, actor, pk, placement_id, form_class, write, done: str):
    if not may_place(actor):
        raise PermissionDenied(_('Hanya admin BKPSDM yang dapat mengubah kedudukan.'))
    employee = access_employee(actor, pk)
    if not employee.placements.filter(pk=placement_id).exists():
        raise Http404(_('Kedudukan tidak ditemukan.'))
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(m) for errs in form.errors.values() for m in errs))
        return redirect("ked:place", pk=employee.pk)
    try:
        write(form.cleaned_data)
    except PlacementError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done)
    return redirect("ked:place", pk=employee.pk)


@region_view
@require_POST
def correct(request, actor, pk, placement_id):
    """Correct a placement (issue 9 item 11): the reason is kept in its history."""
    return _placement_write(
        request, actor, pk, placement_id, PlacementCorrectionForm,
        lambda d: correct_placement(
            actor=actor, placement_id=placement_id, reason=d["reason"], assessor_id=d["assessor"],
            basis_number=d["basis_number"], basis_date=d["basis_date"], effective_from=d["effective_from"],
        ),
        "Kedudukan dikoreksi; alasannya tercatat dalam riwayat.",
    )


@region_view
@require_POST
def withdraw(request, actor, pk, placement_id):
    """Withdraw a placement before it takes effect (issue 9 item 11)."""
    return _placement_write(
        request, actor, pk, placement_id, WithdrawForm,
        lambda d: withdraw_placement(actor=actor, placement_id=placement_id, reason=d["reason"]),
        "Kedudukan terjadwal ditarik; kedudukan sebelumnya tetap berlaku.",
    )


@region_view
def delegations(request, actor):
    if not (may_place(actor) or may_read_placement_report(actor)):
        raise PermissionDenied(_('Daftar pendelegasian hanya untuk pimpinan, PPK, dan admin.'))
    form = DelegationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not may_place(actor):
            raise PermissionDenied(_('Hanya admin BKPSDM yang dapat mencatat pendelegasian.'))
        if form.is_valid():
            by_nip = dict(
                Employee.objects.filter(
                    region=actor.region,
                    nip__in=[nip_digits(form.cleaned_data["delegator"]), nip_digits(form.cleaned_data["delegate"])],
                ).values_list("nip", "pk")
            )
            try:
                delegator_id = by_nip.get(nip_digits(form.cleaned_data["delegator"]))
                delegate_id = by_nip.get(nip_digits(form.cleaned_data["delegate"]))
                if not delegator_id or not delegate_id:
                    raise PlacementError("not_found", _('NIP pemberi atau penerima tidak ditemukan di daerah ini.'))
                delegate_authority(
                    actor=actor, kind=form.cleaned_data["kind"], delegator_id=delegator_id,
                    delegate_id=delegate_id, starts_on=form.cleaned_data["starts_on"],
                    ends_on=form.cleaned_data["ends_on"], basis_number=form.cleaned_data["basis_number"],
                    basis_date=form.cleaned_data["basis_date"], reason=form.cleaned_data["reason"],
                )
            except PlacementError as exc:
                form.add_error(None, str(exc))
                status = 400
            else:
                messages.success(request, _("Pendelegasian dicatat."))
                return redirect("ked:delegations")
        else:
            status = 400
    rows = (
        Delegation.objects.filter(region=actor.region)
        .select_related("delegator", "delegate", "delegator__position", "delegate__position")
        .order_by("-starts_on", "-pk")[:200]
    )
    return render(
        request, "organisation/kedudukan/delegations.html",
        _ctx(actor, rows=rows, form=form,
             allowed=profile_of(actor.region).value("assessor_delegation_allowed"),
             article=profile_of(actor.region).cite("assessor_delegation_allowed"),
             help_topic="pendelegasian"),
        status=status,
    )


@region_view
@require_POST
def revoke(request, actor, pk):
    if not may_place(actor):
        raise PermissionDenied(_('Hanya admin BKPSDM yang dapat mencabut pendelegasian.'))
    try:
        revoke_delegation(actor=actor, delegation_id=pk, reason=request.POST.get("reason", ""))
    except PlacementError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Pendelegasian dicabut."))
    return redirect("ked:delegations")


@region_view
def patterns(request, actor):
    profile = profile_of(actor.region)
    unit_patterns = profile.value("unit_patterns") or {}
    general = [
        (key, profile.entry(key)) for key in
        ("placement_basis", "placement_without_peta_jabatan", "placement_superiors", "level_placement", "pelaksana_placement", "assessor_min_kind",
         "assessor_delegation_allowed", "mandiri_head_may_supervise", "mandiri_head_may_be_assessor", "placement_set_by")
    ]
    from sikerja.tenancy.labels import setting_label

    general_rows = [{**e, "label": setting_label(k), "value": value_label(e.get("value"))} for k, e in general]
    pattern_rows = [
        {
            "key": key, "article": profile.cite("unit_patterns", p["article"]), "sets": p["sets_performance"],
            "assessors": [(kind_word(k), ", ".join(kind_word(x) for x in v)) for k, v in p["assessors"].items()],
        }
        for key, p in unit_patterns.items()
    ]
    return render(request, "organisation/kedudukan/patterns.html",
                  _ctx(actor, profile=profile, general=general_rows, pattern_rows=pattern_rows))


@region_view
def my_reports(request, actor):
    """PPK's own list: whom they assess, and whom they assess as Plh/Plt for an absent official."""
    me = actor.employee
    own = list(selectors.direct_reports(me)) if me else []
    acting = [(d, list(selectors.direct_reports(d.delegator))) for d in acting_for(me)]
    return render(request, "organisation/kedudukan/my_reports.html", _ctx(actor, me=me, own=own, acting=acting))
