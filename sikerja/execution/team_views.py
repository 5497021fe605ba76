"""Pages of one work beyond its reports: the activity and budget plan (PEL-6) and the team page
(tasks by competence, butir kegiatan/uraian tugas, coordination, problems, report requests,
member notes). Thin: each POST calls one service; an ``ExecutionError`` re-renders the page
with the message (400); a ``PermissionDenied`` is the 403 page; outside reach is a 404."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from sikerja.execution import selectors, team_selectors
from sikerja.execution.models import MemberNote, ProblemDecision, ReportRequest, Task
from sikerja.execution.services import plans, problems, teamwork
from sikerja.execution.services.common import ExecutionError
from sikerja.web.decorators import page_context, region_view

PLAN_ROWS = plans.MAX_ACTIVITIES * 3


def _ctx(actor, **extra) -> dict:
    return page_context(actor, "pelaksanaan", me=actor.employee, **extra)


def _errors(exc) -> list[str]:
    return [str(m) for m in exc.messages]


# --- PEL-6: the plan ------------------------------------------------------------------------
def _plan(request, actor, pk, *, status=200, errors=None):
    page = team_selectors.plan_page(actor, pk)
    blank = max(3, 8 - sum(1 + max(0, a.budget_lines.count() - 1) for a in page.activities))
    return render(
        request,
        "execution/plan.html",
        _ctx(actor, p=page, w=page.work, errors=errors or [], blank=range(blank)),
        status=status,
    )


@region_view
@require_GET
def plan(request, actor, pk):
    return _plan(request, actor, pk)


def plan_rows(post) -> list[dict]:
    """One row per budget line; a row whose activity name repeats the previous one's adds a line
    to that activity. A row without a budget is an activity without budget."""
    cols = ("name", "output", "starts_on", "ends_on", "b_desc", "b_amount", "b_code")
    rows = zip(*(post.getlist(c)[:PLAN_ROWS] for c in cols), strict=False)
    out: list[dict] = []
    for name, output, starts, ends, desc, amount, code in rows:
        if not any((v or "").strip() for v in (name, output, starts, ends, desc, amount, code)):
            continue
        line = {"description": desc, "amount": amount, "source_code": code}
        has_line = any((v or "").strip() for v in (desc, amount, code))
        if out and (name or "").strip() == out[-1]["name"].strip() and not (output or "").strip():
            if has_line:
                out[-1]["budget"].append(line)
            continue
        out.append(
            {"name": name, "output": output, "starts_on": starts, "ends_on": ends, "budget": [line] if has_line else []}
        )
    return out


def _plan_act(request, actor, pk, call, done):
    selectors.get_visible(actor, pk)
    try:
        call()
    except ExecutionError as exc:
        return _plan(request, actor, pk, status=400, errors=_errors(exc))
    messages.success(request, done)
    return redirect("pelaksanaan:plan", pk=pk)


@region_view
@require_POST
def plan_save(request, actor, pk):
    return _plan_act(
        request,
        actor,
        pk,
        lambda: plans.save_plan(actor=actor, work_id=pk, activities=plan_rows(request.POST)),
        gettext("Rencana disimpan."),
    )


@region_view
@require_POST
def plan_submit(request, actor, pk):
    return _plan_act(
        request, actor, pk, lambda: plans.submit_plan(actor=actor, work_id=pk), gettext("Rencana diajukan untuk disetujui.")
    )


@region_view
@require_POST
def plan_decide(request, actor, pk):
    decision = request.POST.get("decision", "")
    return _plan_act(
        request,
        actor,
        pk,
        lambda: plans.decide_plan(actor=actor, work_id=pk, decision=decision, notes=request.POST.get("notes", "")),
        gettext("Rencana disetujui; pelaksanaan dapat dimulai.")
        if decision == plans.APPROVE
        else gettext("Rencana dikembalikan dengan catatan Anda."),
    )


# --- the team page --------------------------------------------------------------------------
def _team(request, actor, pk, *, status=200, errors=None, where=""):
    page = team_selectors.team_page(actor, pk)
    return render(
        request,
        "execution/team.html",
        _ctx(actor, p=page, w=page.work, errors=errors or [], where=where, ratings=MemberNote.Rating.choices),
        status=status,
    )


@region_view
@require_GET
def team(request, actor, pk):
    return _team(request, actor, pk)


def _team_act(request, actor, pk, call, done, where):
    selectors.get_visible(actor, pk)
    try:
        call()
    except ExecutionError as exc:
        return _team(request, actor, pk, status=400, errors=_errors(exc), where=where)
    messages.success(request, done)
    return redirect("pelaksanaan:team", pk=pk)


@region_view
@require_POST
def task_add(request, actor, pk):
    post = request.POST
    return _team_act(
        request,
        actor,
        pk,
        lambda: teamwork.add_task(
            actor=actor,
            work_id=pk,
            title=post.get("title"),
            assignee_id=post.get("assignee", ""),
            due_on=post.get("due_on", ""),
            role=post.get("role", ""),
            competence=post.get("competence", ""),
            activity_id=post.get("activity", ""),
            duty_reference=post.get("duty_reference", ""),
        ),
        gettext("Rincian tugas ditambahkan."),
        "task",
    )


def _work_of(model, actor, pk, path="work_id"):
    found = (
        model.objects.filter(pk=pk, **{path.replace("_id", "__region"): actor.region})
        .values_list(path, flat=True)
        .first()
    )
    if found is None:
        raise Http404(gettext("Data tidak ditemukan."))
    return found


@region_view
@require_POST
def task_done(request, actor, task_pk):
    pk = _work_of(Task, actor, task_pk)
    done = request.POST.get("done") == "1"
    return _team_act(
        request,
        actor,
        pk,
        lambda: teamwork.mark_task(actor=actor, task_id=task_pk, done=done),
        gettext("Tugas diperbarui."),
        "task",
    )


@region_view
@require_POST
def duty(request, actor, pk):
    return _team_act(
        request,
        actor,
        pk,
        lambda: teamwork.set_duty_reference(actor=actor, work_id=pk, reference=request.POST.get("reference")),
        gettext("Keterkaitan dengan butir kegiatan/uraian tugas disimpan."),
        "duty",
    )


@region_view
@require_GET
def coordination_options(request, actor, pk):
    """The partners matching the words typed in the coordination form (htmx partial)."""
    found = team_selectors.coordination_options(actor, pk, request.GET.get("q", ""))
    return render(request, "execution/_coordination_options.html", {"found": found})


@region_view
@require_POST
def coordination(request, actor, pk):
    post = request.POST
    return _team_act(
        request,
        actor,
        pk,
        lambda: teamwork.record_coordination(
            actor=actor,
            work_id=pk,
            subject=post.get("subject"),
            notes=post.get("notes"),
            held_on=post.get("held_on", ""),
            other_work_id=post.get("other_work", ""),
            other_official_id=post.get("other_official", ""),
        ),
        gettext("Koordinasi dicatat; pihak lain dapat melihatnya."),
        "coordination",
    )


@region_view
@require_POST
def problem(request, actor, pk):
    post = request.POST
    return _team_act(
        request,
        actor,
        pk,
        lambda: problems.raise_problem(
            actor=actor,
            work_id=pk,
            title=post.get("title"),
            description=post.get("description"),
            recommendations=post.getlist("recommendation")[: problems.MAX_RECOMMENDATIONS + 1],
            several_must_act=post.get("several"),
        ),
        gettext("Kendala disampaikan kepada pimpinan unit untuk diputuskan."),
        "problem",
    )


@region_view
@require_POST
def problem_decide(request, actor, decision_pk):
    pk = (
        ProblemDecision.objects.filter(pk=decision_pk, problem__work__region=actor.region)
        .values_list("problem__work_id", flat=True)
        .first()
    )
    if pk is None:
        raise Http404(gettext("Keputusan kendala tidak ditemukan."))
    return _team_act(
        request,
        actor,
        pk,
        lambda: problems.decide_problem(
            actor=actor,
            decision_id=decision_pk,
            chosen=request.POST.get("chosen", ""),
            decision=request.POST.get("decision", ""),
        ),
        gettext("Keputusan dicatat; tim dapat melihatnya."),
        "decide",
    )


@region_view
@require_POST
def report_request(request, actor, pk):
    post = request.POST
    return _team_act(
        request,
        actor,
        pk,
        lambda: problems.request_report(
            actor=actor,
            work_id=pk,
            addressee_id=post.get("addressee", ""),
            note=post.get("note"),
            due_on=post.get("due_on", ""),
        ),
        gettext("Permintaan laporan dikirim."),
        "request",
    )


@region_view
@require_POST
def request_answer(request, actor, request_pk):
    pk = _work_of(ReportRequest, actor, request_pk)
    post = request.POST
    return _team_act(
        request,
        actor,
        pk,
        lambda: problems.answer_request(
            actor=actor,
            request_id=request_pk,
            progress=post.get("progress"),
            realisation=post.get("realisation"),
            budget_realised=post.get("budget_realised"),
            links=post.get("links", ""),
        ),
        gettext("Laporan yang diminta disampaikan."),
        f"answer-{request_pk}",
    )


@region_view
@require_POST
def member_note(request, actor, pk):
    post = request.POST
    return _team_act(
        request,
        actor,
        pk,
        lambda: teamwork.write_member_note(
            actor=actor,
            work_id=pk,
            member_id=post.get("member", ""),
            rating=post.get("rating", ""),
            contribution=post.get("contribution"),
        ),
        gettext("Catatan kinerja anggota disimpan; PPK anggota dapat membacanya."),
        "note",
    )
