"""Kendala with alternative recommendations (PEL-5; PPU Lampiran B.3.1 b(3), B.3.2 d-e) and the
report on request (TJ-4; BU Ps 30(3)).

A problem goes to the pimpinan unit of the owning unit; when several leaders must act, to each
home unit's leader as well (``rules.problem_addressees``). Each leader (or their Plh/Plt)
decides once — one of the recommendations or another decision — under a row lock, so a
decision given twice at once ends in one. The problem is decided when every leader has."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from sikerja.accounts.access import Actor
from sikerja.assignments.actions.roles import nearest_leader
from sikerja.audit.services import record_event
from sikerja.execution import rules
from sikerja.execution.models import Evidence, Problem, ProblemDecision, Report, ReportRequest, Work
from sikerja.execution.services.common import (
    ExecutionError,
    acting_for,
    approved_members,
    check_running,
    employee_of,
    locked_work,
    profile_for,
    reporter_kind,
    text,
)
from sikerja.execution.services.evidence import check_links
from sikerja.execution.services.reports import KIND, _amount, _percent
from sikerja.notifications.services import notify
from sikerja.organisation.models import Unit

MAX_RECOMMENDATIONS = 5
REQUEST_DAYS_AHEAD = 90


def _url(work: Work) -> str:
    return reverse("pelaksanaan:detail", args=[work.pk])


@transaction.atomic
def raise_problem(*, actor: Actor, work_id, title, description, recommendations, several_must_act=False) -> Problem:
    work = locked_work(actor, work_id)
    me = employee_of(actor)
    if reporter_kind(work, me) is None:
        raise PermissionDenied(gettext("Kendala disampaikan oleh pegawai yang ditugaskan pada penugasan ini."))
    if work.status == Work.Status.SELESAI:
        raise ExecutionError(gettext("Penugasan ini sudah selesai."), code="wrong_state")
    check_running(work)
    recs = (
        [r for r in (recommendations or []) if str(r or "").strip()]
        if isinstance(recommendations, list | tuple)
        else []
    )
    if not recs:
        raise ExecutionError(gettext("Tuliskan paling sedikit satu alternatif rekomendasi."))
    if len(recs) > MAX_RECOMMENDATIONS:
        raise ExecutionError(gettext("Paling banyak %(MAX_RECOMMENDATIONS)s alternatif rekomendasi.") % {"MAX_RECOMMENDATIONS": MAX_RECOMMENDATIONS})
    recs = [text(r, f"Rekomendasi {n}", limit=500) for n, r in enumerate(recs, 1)]
    several = several_must_act in (True, "1", "on", "true", "ya")
    homes = [m.employee.unit_id for m in approved_members(work)]
    rule = rules.problem_addressees(
        profile_for(work), owning_unit_id=work.owning_unit_id, home_unit_ids=homes, several_must_act=several
    )
    problem = Problem.objects.create(
        work=work,
        title=text(title, "Kendala", limit=300),
        description=text(description, "Uraian kendala"),
        recommendations=recs,
        raised_by=me,
        article=rule.article,
    )
    units = Unit.objects.in_bulk(rule.unit_ids)
    seen: set[int] = set()
    for unit_id in rule.unit_ids:
        leader = nearest_leader(units[unit_id]) if unit_id in units else None
        if leader is None or leader.pk in seen:
            continue
        seen.add(leader.pk)
        ProblemDecision.objects.create(problem=problem, unit_id=unit_id, leader=leader)
        notify(
            leader,
            "work.problem_raised",
            work,
            title=f"Kendala perlu keputusan: {problem.title}"[:200],
            url=_url(work),
            region=actor.region,
        )
    if not seen:
        raise ExecutionError(gettext("Pimpinan unit yang memutus kendala ini belum ada; hubungi admin kepegawaian."))
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="work.problem_raised",
        obj=work,
        changes={"problem": problem.pk, "leaders": sorted(seen), "article": rule.article},
    )
    return problem


@transaction.atomic
def decide_problem(*, actor: Actor, decision_id, chosen, decision="") -> ProblemDecision:
    found = ProblemDecision.objects.filter(problem__work__region=actor.region, pk=decision_id).values_list(
        "problem__work_id", flat=True
    )
    work_id = found.first()
    if work_id is None:
        raise Http404(gettext("Keputusan kendala tidak ditemukan."))
    work = locked_work(actor, work_id)
    item = ProblemDecision.objects.select_for_update().select_related("problem").get(pk=decision_id)
    may, on_behalf_of = acting_for(actor, item.leader_id)
    if not may:
        raise PermissionDenied(gettext("Kendala ini diputus oleh pimpinan unit yang dituju (atau Plh./Plt.-nya)."))
    if item.decided_at:
        raise ExecutionError(gettext("Kendala ini sudah Anda putuskan."), code="already_decided")
    recs = item.problem.recommendations or []
    pick = int(chosen) if str(chosen).isdigit() and len(str(chosen)) < 4 else -1
    if not 0 <= pick <= len(recs):
        raise ExecutionError(gettext("Pilih salah satu rekomendasi atau 'keputusan lain'."))
    body = text(decision, "Keputusan", required=pick == 0)
    item.chosen, item.decision = pick, body or recs[pick - 1]
    item.decided_by, item.on_behalf_of, item.decided_at = actor.employee, on_behalf_of, timezone.now()
    item.save(update_fields=["chosen", "decision", "decided_by", "on_behalf_of", "decided_at"])
    if not item.problem.decisions.filter(decided_at__isnull=True).exists():
        Problem.objects.filter(pk=item.problem_id).update(status=Problem.Status.DIPUTUSKAN)
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="work.problem_decided",
        obj=work,
        on_behalf_of=on_behalf_of,
        changes={"problem": item.problem_id, "chosen": pick},
        reason=item.decision[:4000],
    )
    notify(
        work.lead,
        "work.problem_decided",
        work,
        title=f"Kendala diputuskan: {item.problem.title}"[:200],
        url=_url(work),
        region=actor.region,
    )
    return item


# --- TJ-4: report on request ------------------------------------------------------------------
def _date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()) if len(str(value).strip()) == 10 else None
    except ValueError:
        return None


@transaction.atomic
def request_report(*, actor: Actor, work_id, addressee_id, note, due_on) -> ReportRequest:
    work = locked_work(actor, work_id)
    employee_of(actor)
    leader = nearest_leader(work.owning_unit)
    may, on_behalf_of = acting_for(actor, leader.pk if leader else None)
    if not may:
        raise PermissionDenied(gettext("Laporan sewaktu-waktu diminta oleh pimpinan unit pemilik kinerja (atau Plh./Plt.-nya)."))
    if work.status == Work.Status.SELESAI:
        raise ExecutionError(gettext("Penugasan ini sudah selesai."), code="wrong_state")
    people = {m.employee_id: m.employee for m in approved_members(work)}
    target = int(addressee_id) if str(addressee_id).isdigit() and len(str(addressee_id)) < 18 else None
    if target not in people:
        raise ExecutionError(gettext("Laporan diminta kepada ketua atau anggota tim (atau pegawai yang ditugaskan)."))
    today, due = timezone.localdate(), _date(due_on)
    if due is None or not today <= due <= today + dt.timedelta(days=REQUEST_DAYS_AHEAD):
        raise ExecutionError(gettext("Tenggat laporan antara hari ini dan %(REQUEST_DAYS_AHEAD)s hari ke depan.") % {"REQUEST_DAYS_AHEAD": REQUEST_DAYS_AHEAD})
    rule = rules.report_on_request(profile_for(work))
    item = ReportRequest.objects.create(
        work=work,
        requested_by=leader,
        on_behalf_of=leader if on_behalf_of else None,
        addressee=people[target],
        note=text(note, "Yang diminta"),
        due_on=due,
        article=rule.article,
    )
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="work.report_requested",
        obj=work,
        on_behalf_of=on_behalf_of,
        changes={"request": item.pk, "addressee": target, "due_on": due.isoformat(), "article": rule.article},
    )
    notify(
        people[target],
        "work.report_requested",
        work,
        title=f"Laporan diminta: {work.assignment.title}"[:200],
        url=_url(work),
        region=actor.region,
    )
    return item


@transaction.atomic
def answer_request(*, actor: Actor, request_id, progress, realisation, budget_realised=None, links="") -> Report:
    item = (
        ReportRequest.objects.filter(work__region=actor.region, pk=request_id).values_list("work_id", flat=True).first()
    )
    if item is None:
        raise Http404(gettext("Permintaan laporan tidak ditemukan."))
    work = locked_work(actor, item)
    request = ReportRequest.objects.select_for_update().get(pk=request_id)
    me = employee_of(actor)
    if me.pk != request.addressee_id:
        raise PermissionDenied(gettext("Permintaan laporan ini dijawab oleh pegawai yang diminta."))
    if request.answered_at:
        raise ExecutionError(gettext("Permintaan laporan ini sudah dijawab."), code="already_decided")
    check_running(work)
    percent, body, amount = _percent(progress), text(realisation, "Isi laporan"), _amount(budget_realised)
    links = check_links(links)
    today = timezone.localdate()
    who = reporter_kind(work, me) or "individu"
    report = Report.objects.create(
        work=work,
        author=me,
        kind=KIND[who],
        recipients=[
            {
                "employee_id": request.requested_by_id,
                "name": request.requested_by.full_name,
                "roles": ["Pimpinan Unit Organisasi"],
            }
        ],
        article=request.article,
        period_start=min(request.created_at.date(), today),
        period_end=today,
        progress=percent,
        realisation=body,
        budget_realised=amount,
        request=request,
        is_late=today > request.due_on,
    )
    Evidence.objects.bulk_create([Evidence(report=report, url=link) for link in links])
    request.answered_at = timezone.now()
    request.save(update_fields=["answered_at"])
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="work.request_answered",
        obj=work,
        changes={"request": request.pk, "report": report.pk, "late": report.is_late},
    )
    notify(
        request.requested_by,
        "work.request_answered",
        work,
        title=f"Laporan yang Anda minta: {work.assignment.title}"[:200],
        url=_url(work),
        region=actor.region,
    )
    return report
