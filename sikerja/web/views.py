"""Pages of the organisation browser. Thin: resolve the actor, call a selector, render."""

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from sikerja.accounts.access import access_unit, may_edit_profile, may_place, regions_of
from sikerja.guide.content import role_guide
from sikerja.organisation import selectors
from sikerja.organisation.choices import EmploymentStatus, PositionKind
from sikerja.organisation.models import Position
from sikerja.organisation.rules.golongan import pangkat_label
from sikerja.tenancy.labels import setting_label, value_label
from sikerja.web.dashboard import dashboard
from sikerja.web.decorators import page_context, region_view
from sikerja.web.tree_render import chart_rows, tree_nodes

PAGE_SIZE = 50


def _ctx(request, actor, nav, **extra):
    return page_context(actor, nav, **extra)


def _posts(region, kind):
    """The region's posts of a kind, as a subquery: a join would read every region's positions
    (a hash over all of them), so the home page would grow with the regions in the database."""
    return Position.objects.filter(region=region, kind=kind).values("pk")


@region_view
def home(request, actor):
    """PLT-4: what the person in front of the screen has to do, then the region at a glance."""
    region = actor.region
    stats = actor.units().aggregate(units=Count("id"), pds=Count("id", filter=Q(is_perangkat_daerah=True)))
    emp = actor.region.employees.filter(is_active=True).aggregate(
        total=Count("id"),
        pns=Count("id", filter=Q(status=EmploymentStatus.PNS)),
        pppk=Count("id", filter=Q(status=EmploymentStatus.PPPK)),
        jf=Count("id", filter=Q(position_id__in=_posts(region, PositionKind.FUNGSIONAL))),
        pelaksana=Count("id", filter=Q(position_id__in=_posts(region, PositionKind.PELAKSANA))),
    )
    return render(
        request,
        "web/home.html",
        _ctx(
            request,
            actor,
            "home",
            region=region,
            stats=stats,
            emp=emp,
            me=actor.employee,
            board=dashboard(actor),
            help_topic=role_guide(actor),
        ),
    )


@region_view
@require_POST
def switch_region(request, actor):
    try:
        wanted = int(request.POST.get("region", ""))
    except ValueError:
        return HttpResponseBadRequest("Pemerintah daerah tidak valid.")
    if wanted not in {r.pk for r in regions_of(request.user)}:
        raise Http404("Pemerintah daerah tidak ditemukan.")
    request.session["region_id"] = wanted
    return redirect("web:home")


@region_view
def unit_tree(request, actor):
    q = request.GET.get("q", "").strip()[:100]
    results = selectors.unit_search(actor, q) if q else None
    roots = tree_nodes(selectors.unit_children(actor, None))
    return render(request, "web/unit_tree.html", _ctx(request, actor, "org", roots=roots, q=q, results=results))


@region_view
def unit_children(request, actor, pk):
    unit = access_unit(actor, pk)
    return render(request, "web/_tree_children.html", {"nodes": tree_nodes(selectors.unit_children(actor, unit.pk))})


@region_view
def unit_detail(request, actor, pk):
    unit = access_unit(actor, pk)
    sees_staff = actor.sees_staff_of(unit)
    staff_page = None
    if sees_staff:
        staff_page = Paginator(selectors.unit_staff(actor, unit), PAGE_SIZE).get_page(request.GET.get("hal"))
        for e in staff_page:
            e.pangkat = pangkat_label(e.status, e.golongan)
    return render(
        request,
        "web/unit_detail.html",
        _ctx(
            request,
            actor,
            "org",
            unit=unit,
            ancestors=selectors.unit_ancestors(actor, unit),
            leader=selectors.unit_leader(unit),
            peta=selectors.peta_jabatan(unit),
            children=selectors.unit_children(actor, unit.pk),
            sees_staff=sees_staff,
            staff_page=staff_page,
        ),
    )


@region_view
def org_chart(request, actor, pk):
    unit = access_unit(actor, pk)
    pd = unit.perangkat_daerah or unit
    return render(
        request,
        "web/org_chart.html",
        _ctx(request, actor, "org", pd=pd, unit=unit, rows=chart_rows(selectors.org_chart(actor, pd))),
    )


@region_view
def employee_list(request, actor):
    q = request.GET.get("q", "").strip()[:100]
    status = request.GET.get("status", "")
    kind = request.GET.get("jenis", "")
    if status not in {"", *EmploymentStatus.values} or kind not in {"", *PositionKind.values}:
        status, kind = "", ""
    qs = selectors.employee_list(actor, q=q, status=status, kind=kind)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("hal"))
    return render(
        request,
        "web/employee_list.html",
        _ctx(
            request,
            actor,
            "emp",
            page=page,
            q=q,
            status=status,
            kind=kind,
            statuses=EmploymentStatus.choices,
            kinds=PositionKind.choices,
        ),
    )


@region_view
def employee_detail(request, actor, pk):
    employee = selectors.employee_detail(actor, pk)
    employee.pangkat = pangkat_label(employee.status, employee.golongan)
    return render(
        request,
        "web/employee_detail.html",
        _ctx(
            request,
            actor,
            "emp",
            e=employee,
            reports=selectors.direct_reports(employee) if actor.sees_employee(employee) else [],
            may_manage=may_place(actor),
        ),
    )


@region_view
def profile(request, actor):
    prof = actor.region.profile
    rows = [
        {**entry, "key": key, "label": setting_label(key), "value": value_label(entry.get("value"))}
        for key, entry in prof.settings.items()
    ]
    can_edit = may_edit_profile(actor)  # PLT-6: the region's administrator derives or edits its own profile
    return render(request, "web/profile.html", _ctx(request, actor, "profile", prof=prof, rows=rows, can_edit=can_edit))
