"""Reads of one work's plan and team page (PEL-1, PEL-2, PEL-4, PEL-5, PEL-6, TJ-4): the plan
with its activities and budget, tasks, members with their competences, coordination (recorded
by either side), problems with each leader's decision, report requests, and the ketua's member
notes (seen by the ketua, the member, the member's PPK and the pimpinan unit). Fixed queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q

from sikerja.accounts.access import Actor
from sikerja.assignments.actions.roles import nearest_leader
from sikerja.execution import selectors
from sikerja.execution.models import (
    Activity,
    BudgetLine,
    Coordination,
    MemberNote,
    Plan,
    Problem,
    ProblemDecision,
    ReportRequest,
    Task,
    Work,
)
from sikerja.execution.planning_selectors import acting_ids
from sikerja.execution.rules import format_rupiah
from sikerja.execution.services.common import approved_members, reporter_kind
from sikerja.execution.services.plans import approver_capacity, approvers
from sikerja.execution.services.teamwork import duty_kind
from sikerja.organisation.models import EmployeeCompetence


@dataclass
class PlanPage:
    work: Work
    plan: Plan | None
    activities: list
    total: str
    approvers: list
    may_edit: bool = False
    may_submit: bool = False
    may_decide: bool = False
    on_behalf_of: object = None


def plan_page(actor: Actor, work_id) -> PlanPage:
    work = selectors.get_visible(actor, work_id)
    plan = Plan.objects.filter(work=work).select_related("decided_by", "on_behalf_of").first()
    activities = (
        list(
            Activity.objects.filter(plan=plan)
            .prefetch_related(Prefetch("budget_lines", queryset=BudgetLine.objects.order_by("pk")))
            .order_by("order", "pk")
        )
        if plan
        else []
    )
    total = sum((b.amount for a in activities for b in a.budget_lines.all()), 0)
    page = PlanPage(work, plan, activities, format_rupiah(total), approvers(work))
    me = actor.employee
    if me is None:
        return page
    editable = plan is None or plan.status in (Plan.Status.DRAF, Plan.Status.DIKEMBALIKAN)
    open_work = work.status in (Work.Status.PERENCANAAN, Work.Status.PELAKSANAAN)
    page.may_edit = editable and open_work and reporter_kind(work, me) is not None
    page.may_submit = editable and open_work and bool(activities) and me.pk == work.lead_id
    if plan and plan.status == Plan.Status.DIAJUKAN:
        page.may_decide, page.on_behalf_of = approver_capacity(actor, work)
    return page


@dataclass
class TeamPage:
    work: Work
    members: list
    tasks: list
    activities: list
    coordinations: list
    problems: list
    requests: list
    notes: list
    role: str | None = None
    is_leader: bool = False
    duty_label: str = ""
    my_decisions: dict = field(default_factory=dict)  # problem id -> my open ProblemDecision
    my_requests: list = field(default_factory=list)


def team_page(actor: Actor, work_id) -> TeamPage:
    work = selectors.get_visible(actor, work_id)
    members = list(approved_members(work))
    competences: dict[int, list[str]] = {}
    for link in EmployeeCompetence.objects.filter(employee_id__in=[m.employee_id for m in members]).select_related(
        "competence"
    ):
        competences.setdefault(link.employee_id, []).append(f"{link.competence.name} ({link.get_level_display()})")
    for m in members:
        m.competence_list = competences.get(m.employee_id, [])
    tasks = list(work.tasks.select_related("assignee", "activity").order_by("due_on", "pk"))
    activities = list(Activity.objects.filter(plan__work=work).order_by("order", "pk"))
    coordinations = list(
        Coordination.objects.filter(Q(work=work) | Q(other_work=work))
        .select_related("work__assignment", "other_work__assignment", "other_official", "recorded_by")
        .order_by("-held_on", "-pk")
    )
    problems = list(
        work.problems.select_related("raised_by")
        .prefetch_related(
            Prefetch(
                "decisions",
                queryset=ProblemDecision.objects.select_related("leader", "unit", "decided_by", "on_behalf_of"),
            )
        )
        .order_by("-created_at", "-pk")
    )
    requests = list(
        work.requests.select_related("requested_by", "addressee", "on_behalf_of").order_by("-created_at", "-pk")
    )
    ids = set(acting_ids(actor))
    me = actor.employee
    leader = nearest_leader(work.owning_unit)
    is_leader = bool(leader and leader.pk in ids)
    notes_qs = MemberNote.objects.filter(work=work).select_related("member", "ppk", "written_by")
    if not (actor.region_wide or is_leader or (me and me.pk == work.lead_id)):
        notes_qs = notes_qs.filter(Q(member_id__in=ids) | Q(ppk_id__in=ids))
    for p in problems:
        for d in p.decisions.all():
            d.chosen_text = p.recommendations[d.chosen - 1] if d.chosen and d.chosen <= len(p.recommendations) else ""
    page = TeamPage(work, members, tasks, activities, coordinations, problems, requests, list(notes_qs))
    page.is_leader = is_leader
    if me is not None:
        page.role = reporter_kind(work, me)
        page.duty_label = duty_kind(me)
        page.my_decisions = {
            d.problem_id: d for p in problems for d in p.decisions.all() if d.leader_id in ids and not d.decided_at
        }
        page.my_requests = [r for r in requests if r.addressee_id == me.pk and not r.answered_at]
    return page


__all__ = ["plan_page", "team_page", "Task", "Problem", "ReportRequest"]


# --- coordination partners (PEL-2) ------------------------------------------------------------
COORDINATION_OPTIONS = 10


@dataclass
class CoordinationOptions:
    query: str
    works: list = field(default_factory=list)
    officials: list = field(default_factory=list)


def coordination_options(actor: Actor, work_id, query: str) -> CoordinationOptions:
    """Teams and officials of the region a team may record coordination with, found by words of
    the assignment's title or unit, or of the official's name or position — a person picks a
    name, never types a record number. Titles, names and positions are what the region's letters
    already show; no NIP or birth date is listed. At most ten of each, so the answer stays small."""
    from sikerja.execution.models import Work
    from sikerja.organisation.models import Employee

    work = selectors.get_visible(actor, work_id)
    q = " ".join((query or "").split())[:100]
    found = CoordinationOptions(query=q)
    if len(q) < 2:
        return found
    found.works = list(
        Work.objects.filter(region=actor.region)
        .exclude(pk=work.pk)
        .exclude(status__in=[Work.Status.SELESAI])
        .filter(Q(assignment__title__icontains=q) | Q(owning_unit__name__icontains=q))
        .select_related("assignment", "owning_unit")
        .order_by("assignment__title", "pk")[:COORDINATION_OPTIONS]
    )
    found.officials = list(
        Employee.objects.filter(region=actor.region, is_active=True)
        .filter(Q(name__icontains=q) | Q(position__name__icontains=q))
        .select_related("position", "unit")
        .order_by("name", "pk")[:COORDINATION_OPTIONS]
    )
    return found
