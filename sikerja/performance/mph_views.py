"""The Matriks Peran Hasil page (KIN-7): the unit's targets across, its people down; a cell
becomes an RHK draft, and the unit's leader adjusts cells (add, rename, remove, undo), each
adjustment shown with who made it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from sikerja.organisation.models import Unit
from sikerja.performance import selectors, services
from sikerja.performance.models import Rhk
from sikerja.performance.views import _ctx, _default_unit, _errors, _int
from sikerja.web.decorators import region_view


@region_view
@require_http_methods(["GET", "POST"])
def mph(request, actor):
    source = request.POST if request.method == "POST" else request.GET
    unit_id = _int(source.get("unit")) or _default_unit(actor)
    year = _int(source.get("tahun")) or timezone.localdate().year
    year = year if 2000 <= year <= 2100 else timezone.localdate().year
    unit = Unit.objects.filter(region=actor.region, pk=unit_id).first() if unit_id else None
    if unit is None or not actor.sees_staff_of(unit):
        from django.http import Http404

        raise Http404(gettext("Unit tidak ditemukan atau di luar cakupan Anda."))
    errors, status = [], 200
    if request.method == "POST":
        try:
            done = _mph_post(actor, source)
            messages.success(request, done)
            return redirect(f"{request.path}?unit={unit.pk}&tahun={year}")
        except ValidationError as exc:
            errors, status = _errors(exc), 400
    matrix = selectors.mph_for_unit(actor.region, unit, year)
    may_adjust = services.may_adjust(actor, unit)[0]
    staff = []
    if may_adjust and matrix.agreement:  # who can be given a role: the unit's people and those already in it
        from django.db.models import Q

        from sikerja.organisation.models import Employee

        subtree = Unit.objects.descendants(unit, include_self=True).values("pk")
        staff = list(
            Employee.objects.filter(Q(unit_id__in=subtree) | Q(pk__in=[r.employee.pk for r in matrix.rows]))
            .filter(region=actor.region, is_active=True)
            .order_by("name")
            .only("pk", "name", "nip")[:500]
        )
    return render(
        request,
        "performance/mph.html",
        _ctx(
            actor,
            m=matrix,
            unit=unit,
            year=year,
            errors=errors,
            may_adjust=may_adjust,
            staff=staff,
            roles=Rhk.Role.choices,
        ),  # fmt: skip
        status=status,
    )


def _mph_post(actor, source) -> str:
    """One of the MPH page's three forms: a cell to RHK, an adjustment, an undo."""
    op = source.get("op", "rhk")
    if op == "adjust":
        services.adjust_mph(
            actor,
            target_id=_int(source.get("target")) or 0,
            employee_id=_int(source.get("employee")) or 0,
            action=source.get("action", ""),
            work_id=_int(source.get("work")),
            role=source.get("role", ""),
            title=source.get("title", ""),
        )
        return gettext("Matriks peran hasil disesuaikan.")
    if op == "undo":
        services.undo_adjustment(actor, _int(source.get("adjustment")) or 0)
        return gettext("Penyesuaian dibatalkan; peran kembali seperti hasil penugasan.")
    services.rhk_from_mph(
        actor,
        target_id=_int(source.get("target")) or 0,
        employee_id=_int(source.get("employee")) or 0,
        work_id=_int(source.get("work")),
    )
    return gettext("Peran dijadikan RHK pada draf SKP pegawai tersebut.")
