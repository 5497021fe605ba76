"""Pages that change an assignment after it was proposed: its signer (or their Plh/Plt) ends it
early, extends it, or revokes its letter (issue 9 item 5; rules in ``actions.lifecycle``); its
initiator or the owning unit's leader names the business process it runs (issue 14 item 7;
``actions.process_link``)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sikerja.assignments import selectors, services
from sikerja.assignments.forms import AmendForm, RevokeForm
from sikerja.assignments.services import AssignmentError
from sikerja.assignments.views import _detail_page, _errors, process_form
from sikerja.web.decorators import region_view


def _errors_of(exc) -> list[str]:
    return _errors(exc) if isinstance(exc, AssignmentError) else [str(exc)]


def _status_of(exc) -> int:
    return 403 if isinstance(exc, PermissionDenied) else 400


@region_view
@require_POST
def amend(request, actor, pk):
    selectors.get_visible(actor, pk)
    form = AmendForm(request.POST)
    if not form.is_valid():
        return _detail_page(request, actor, pk, amend_form=form, status=400)
    try:
        change = services.amend(
            actor=actor,
            assignment_id=pk,
            new_ends_on=form.cleaned_data["new_ends_on"],
            reason=form.cleaned_data["reason"],
        )
    except (AssignmentError, PermissionDenied) as exc:
        return _detail_page(request, actor, pk, amend_form=form, errors=_errors_of(exc), status=_status_of(exc))
    messages.success(
        request,
        f"{change.get_kind_display()} sampai {date_format(change.new_ends_on, 'j F Y')}; "
        f"naskah nomor {change.document.number} diterbitkan.",
    )
    return redirect("penugasan:detail", pk=pk)


@region_view
@require_POST
def revoke(request, actor, pk):
    selectors.get_visible(actor, pk)
    form = RevokeForm(request.POST)
    if not form.is_valid():
        return _detail_page(request, actor, pk, revoke_form=form, status=400)
    try:
        services.revoke(actor=actor, assignment_id=pk, reason=form.cleaned_data["reason"])
    except (AssignmentError, PermissionDenied) as exc:
        return _detail_page(request, actor, pk, revoke_form=form, errors=_errors_of(exc), status=_status_of(exc))
    messages.success(request, _("Naskah penugasan dicabut; penugasan berakhir dan jamnya tidak lagi dihitung."))
    return redirect("penugasan:detail", pk=pk)


@region_view
@require_POST
def name_process(request, actor, pk):
    a = selectors.get_visible(actor, pk)
    form = process_form(actor, a, request.POST)
    if not form.is_valid():
        return _detail_page(request, actor, pk, name_form=form, errors=form.errors.get("process", []), status=400)
    try:
        a = services.set_process(actor=actor, assignment_id=pk, process_id=form.cleaned_data["process"])
    except (AssignmentError, PermissionDenied) as exc:
        return _detail_page(request, actor, pk, name_form=form, errors=_errors_of(exc), status=_status_of(exc))
    if a.process_id:
        messages.success(request, _("Proses bisnis penugasan disimpan."))
    else:
        messages.success(request, _("Penugasan tidak lagi dikaitkan dengan proses bisnis."))
    return redirect("penugasan:detail", pk=pk)
