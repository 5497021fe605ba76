"""Pages of perencanaan (MEK-1, KIN-1): the perjanjian kinerja list and a printable agreement
page with its signatures, the hand-over of each target, the strategy and the works serving it.
Thin: actor -> selector/service -> render; an ``ExecutionError`` is shown on the page (400)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from sikerja.execution import planning_selectors as ps
from sikerja.execution.models import PerformanceAgreement
from sikerja.execution.services import planning
from sikerja.execution.services.common import ExecutionError
from sikerja.web.decorators import page_context, region_view

MAX_ROWS = planning.MAX_TARGETS


def _ctx(actor, **extra) -> dict:
    return page_context(actor, "pelaksanaan", me=actor.employee, **extra)


def _errors(exc) -> list[str]:
    return [str(m) for m in exc.messages]


def _list(request, actor, *, status=200, errors=None, values=None):
    agreements = list(
        ps.visible_agreements(actor)
        .select_related("unit", "leader")
        .prefetch_related("targets")
        .order_by("-year", "unit__name")[:200]
    )
    return render(
        request,
        "execution/agreements.html",
        _ctx(
            actor,
            agreements=agreements,
            units=ps.led_units(actor),
            years=planning.year_choices(),
            rows=range(1, 6),
            errors=errors or [],
            values=values or {},
        ),
        status=status,
    )


@region_view
@require_GET
def agreements(request, actor):
    return _list(request, actor)


def target_rows(post) -> list[dict]:
    """Rows of the target table; blank rows are skipped, so five empty lines cost nothing."""
    rows = zip(
        post.getlist("sasaran")[: MAX_ROWS + 1],
        post.getlist("indikator")[: MAX_ROWS + 1],
        post.getlist("target")[: MAX_ROWS + 1],
        strict=False,
    )
    return [
        {"sasaran": s, "indikator": i, "target": t}
        for s, i, t in rows
        if (s or "").strip() or (i or "").strip() or (t or "").strip()
    ]


@region_view
@require_POST
def create(request, actor):
    try:
        agreement = planning.create_agreement(
            actor=actor,
            unit_id=request.POST.get("unit", ""),
            year=request.POST.get("year"),
            targets=target_rows(request.POST),
        )
    except ExecutionError as exc:
        return _list(request, actor, status=400, errors=_errors(exc), values=request.POST)
    messages.success(request, gettext("Perjanjian kinerja disusun. Periksa lalu tandatangani."))
    return redirect("pelaksanaan:agreement", pk=agreement.pk)


def _page(request, actor, pk, *, status=200, errors=None, where=""):
    page = ps.agreement_page(actor, pk)
    return render(
        request,
        "execution/agreement.html",
        _ctx(
            actor,
            p=page,
            a=page.agreement,
            errors=errors or [],
            where=where,
            forms=planning.FORMS,
            statuses=PerformanceAgreement.Status,
            rows=range(1, 6),
        ),
        status=status,
    )


@region_view
@require_GET
def agreement(request, actor, pk):
    return _page(request, actor, pk)


def _act(request, actor, pk, call, done: str, where: str):
    ps.get_agreement(actor, pk)  # outside the actor's reach: 404 before anything is said
    try:
        call()
    except ExecutionError as exc:
        return _page(request, actor, pk, status=400, errors=_errors(exc), where=where)
    messages.success(request, done)
    return redirect("pelaksanaan:agreement", pk=pk)


@region_view
@require_POST
def targets(request, actor, pk):
    return _act(
        request,
        actor,
        pk,
        lambda: planning.replace_targets(actor=actor, agreement_id=pk, targets=target_rows(request.POST)),
        gettext("Target diperbarui."),
        "targets",
    )


@region_view
@require_POST
def sign(request, actor, pk):
    return _act(
        request,
        actor,
        pk,
        lambda: planning.sign_agreement(actor=actor, agreement_id=pk),
        gettext("Perjanjian kinerja ditandatangani."),
        "sign",
    )


@region_view
@require_POST
def countersign(request, actor, pk):
    return _act(
        request,
        actor,
        pk,
        lambda: planning.countersign_agreement(actor=actor, agreement_id=pk),
        gettext("Perjanjian kinerja disetujui atasan; kini berlaku."),
        "sign",
    )


def _target_agreement(actor, target_pk) -> int:
    from django.http import Http404

    from sikerja.execution.models import PerformanceTarget

    found = (
        PerformanceTarget.objects.filter(agreement__region=actor.region, pk=target_pk)
        .values_list("agreement_id", flat=True)
        .first()
    )
    if found is None:
        raise Http404(gettext("Target kinerja tidak ditemukan."))
    return found


@region_view
@require_POST
def hand(request, actor, target_pk):
    pk = _target_agreement(actor, target_pk)
    return _act(
        request,
        actor,
        pk,
        lambda: planning.hand_target(
            actor=actor, target_id=target_pk, responsible_id=request.POST.get("responsible", "")
        ),
        gettext("Target diserahkan kepada penanggung jawabnya."),
        f"hand-{target_pk}",
    )


@region_view
@require_POST
def strategy(request, actor, target_pk):
    pk = _target_agreement(actor, target_pk)
    post = request.POST
    return _act(
        request,
        actor,
        pk,
        lambda: planning.record_strategy(
            actor=actor,
            target_id=target_pk,
            form=post.get("form", ""),
            needs_other_units=post.get("needs_other_units"),
            needs_ketua=post.get("needs_ketua"),
            description=post.get("description"),
        ),
        gettext("Strategi pelaksanaan dicatat. Usulkan penugasan dari strategi ini."),
        f"strategy-{target_pk}",
    )


@region_view
@require_POST
def link(request, actor, strategy_pk):
    from django.http import Http404

    from sikerja.execution.models import Strategy

    pk = (
        Strategy.objects.filter(target__agreement__region=actor.region, pk=strategy_pk)
        .values_list("target__agreement_id", flat=True)
        .first()
    )
    if pk is None:
        raise Http404(gettext("Strategi tidak ditemukan."))
    return _act(
        request,
        actor,
        pk,
        lambda: planning.link_work(actor=actor, strategy_id=strategy_pk, work_id=request.POST.get("work", "")),
        gettext("Penugasan dikaitkan dengan target ini."),
        f"link-{strategy_pk}",
    )
