"""The employee administration page (PLT-6) for the HR administrator: correct the data, record
a mutasi, or record that an employee left. Each form posts to its own URL and the page answers
refusals in words next to the form."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sikerja.accounts.access import access_employee, may_place
from sikerja.organisation import employee_services as services
from sikerja.organisation.employee_forms import DeactivateForm, EmployeeEditForm, MoveForm
from sikerja.organisation.models import Position, Unit
from sikerja.web.decorators import page_context, region_view


def _employee(actor, pk):
    if not may_place(actor):
        raise PermissionDenied("Data pegawai hanya dapat diubah oleh admin BKPSDM daerah ini.")
    return access_employee(actor, pk)  # 404 in another region


def _units(actor):
    return [(u.pk, u.name) for u in Unit.objects.filter(region=actor.region, is_active=True).order_by("name")]


def _positions(employee):
    if not employee.unit_id:
        return []
    return list(Position.objects.filter(unit_id=employee.unit_id).order_by("name"))


def _initial(e) -> dict:
    return {
        "front_title": e.front_title, "name": e.name, "back_title": e.back_title, "golongan": e.golongan,
        "position": e.position_id, "email": e.email, "has_managerial_experience": e.has_managerial_experience,
    }  # fmt: skip


def _page(request, actor, employee, *, edit=None, move=None, leave=None, errors=(), status=200):
    return render(
        request,
        "pegawai/manage.html",
        page_context(
            actor,
            "emp",
            e=employee,
            edit=edit or EmployeeEditForm(initial=_initial(employee), positions=_positions(employee)),
            move=move or MoveForm(units=_units(actor)),
            leave=leave or DeactivateForm(),
            errors=errors,
        ),
        status=status,
    )


def _consequence_messages(request, done: str, c: services.Consequences) -> None:
    parts = [done]
    if c.placement_closed:
        parts.append(
            f"Kedudukan di bawah {c.placement_closed.assessor.full_name} berakhir "
            f"{date_format(c.placement_closed.effective_until, 'j F Y')}; tetapkan PPK yang baru di halaman kedudukan."
        )
    if c.assessed:
        parts.append(f"{c.assessed} pegawai dinilai olehnya: tetapkan PPK pengganti.")
    if c.running or c.pending:
        titles = ", ".join(a.title for a in (c.running + c.pending)[:5])
        parts.append(f"Penugasan yang masih menyebutnya ({len(c.running) + len(c.pending)}): {titles}.")
    messages.success(request, " ".join(parts))


@region_view
def unit_positions(request, actor, pk):
    """The options of the position select for the chosen unit (htmx)."""
    _employee(actor, pk)
    unit = Unit.objects.filter(region=actor.region, pk=request.GET.get("unit") or 0).first()
    positions = list(Position.objects.filter(unit=unit).order_by("name")) if unit else []
    options = ['<option value="">— tanpa jabatan —</option>'] + [
        format_html('<option value="{}">{}</option>', p.pk, p.name) for p in positions
    ]
    return HttpResponse("".join(options))


@region_view
def manage(request, actor, pk):
    return _page(request, actor, _employee(actor, pk))


@region_view
@require_POST
def edit(request, actor, pk):
    employee = _employee(actor, pk)
    form = EmployeeEditForm(request.POST, positions=_positions(employee))
    if not form.is_valid():
        return _page(request, actor, employee, edit=form, status=400)
    data = form.cleaned_data
    try:
        services.update_employee(
            actor=actor, employee_id=employee.pk, name=data["name"], front_title=data["front_title"],
            back_title=data["back_title"], golongan=data["golongan"], email=data["email"],
            has_managerial_experience=data["has_managerial_experience"], position_id=data["position"],
            reason=data["reason"],
        )  # fmt: skip
    except services.EmployeeError as exc:
        return _page(request, actor, employee, edit=form, errors=exc.messages, status=400)
    messages.success(request, _("Data pegawai diperbarui; perubahan dan alasannya tercatat dalam riwayat."))
    return redirect("web:employee_detail", pk=employee.pk)


@region_view
@require_POST
def move(request, actor, pk):
    employee = _employee(actor, pk)
    form = MoveForm(request.POST, units=_units(actor))
    if not form.is_valid():
        return _page(request, actor, employee, move=form, status=400)
    data = form.cleaned_data
    try:
        result = services.move_employee(
            actor=actor, employee_id=employee.pk, unit_id=data["unit"], position_id=data["position"],
            effective_on=data["effective_on"], basis_number=data["basis_number"], reason=data["reason"],
        )  # fmt: skip
    except services.EmployeeError as exc:
        return _page(request, actor, employee, move=form, errors=exc.messages, status=400)
    _consequence_messages(request, "Mutasi dicatat.", result)
    return redirect("web:employee_detail", pk=employee.pk)


@region_view
@require_POST
def deactivate(request, actor, pk):
    employee = _employee(actor, pk)
    form = DeactivateForm(request.POST)
    if not form.is_valid():
        return _page(request, actor, employee, leave=form, status=400)
    try:
        result = services.deactivate_employee(
            actor=actor, employee_id=employee.pk, effective_on=form.cleaned_data["effective_on"],
            reason=form.cleaned_data["reason"],
        )  # fmt: skip
    except services.EmployeeError as exc:
        return _page(request, actor, employee, leave=form, errors=exc.messages, status=400)
    _consequence_messages(request, "Pegawai dinonaktifkan; akunnya tidak dapat dipakai masuk lagi.", result)
    return redirect("web:employee_detail", pk=employee.pk)
