"""Reads of pelaksanaan with fixed query counts: the works an actor may see, "Pelaksanaan saya"
with the next due and late reports, the reviews waiting for the actor, and one work's page.

Who sees a work: whoever sees its assignment (initiator, members, officials of its steps,
superiors of the owning unit or a member's unit, region-wide roles), its reviewers (and their
Plh/Plt) and the PPK of its lead. Another region's work is never visible (404)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Exists, Min, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext

from sikerja.accounts.access import Actor
from sikerja.assignments import officials
from sikerja.assignments.selectors import visible_assignments
from sikerja.audit.models import Event
from sikerja.execution.models import Evidence, Feedback, Report, ReportDue, Review, Work
from sikerja.execution.services.common import approved_members, reporter_kind
from sikerja.execution.services.reports import CAPACITY_WORDS, feedback_capacity
from sikerja.execution.services.reviews import planned_chain
from sikerja.organisation.models import Employee, Placement


def _ids(actor: Actor) -> list[int]:
    me = actor.employee
    return ([me.pk] if me else []) + officials.delegator_ids(me)


def visible_works(actor: Actor) -> QuerySet[Work]:
    qs = Work.objects.filter(region=actor.region)
    if actor.region_wide:
        return qs
    ids = _ids(actor)
    reviewer = Exists(
        Review.objects.filter(work=OuterRef("pk")).filter(Q(official_id__in=ids) | Q(decided_by_id__in=ids))
    )
    ppk = Exists(Placement.objects.current().filter(employee=OuterRef("lead_id"), assessor_id__in=ids))
    return qs.filter(Q(assignment__in=visible_assignments(actor).values("pk")) | reviewer | ppk)


def get_visible(actor: Actor, work_id) -> Work:
    work = (
        visible_works(actor)
        .select_related("assignment__letter", "owning_unit", "lead__position", "lead__unit", "target")
        .filter(pk=work_id)
        .first()
    )
    if work is None:
        raise Http404(gettext("Pelaksanaan penugasan tidak ditemukan atau di luar cakupan Anda."))
    return work


# --- "Pelaksanaan saya" --------------------------------------------------------------------------
def my_works(actor: Actor, *, today: dt.date | None = None) -> list[Work]:
    """Works the actor leads or is a member of, with ``next_due`` (their earliest unreported
    due), ``late_count`` (their dues past the date without a report) and ``team_late`` (for
    the ketua: the team's). One query."""
    me = actor.employee
    if me is None:
        return []
    today = today or timezone.localdate()
    mine_open = Q(dues__owed_by=me, dues__report__isnull=True)
    return list(
        Work.objects.filter(region=actor.region)
        .filter(Q(lead=me) | Q(assignment__members__employee=me, assignment__members__status="disetujui"))
        .distinct()
        .select_related("assignment", "owning_unit", "lead")
        .annotate(
            next_due=Min("dues__due_on", filter=mine_open),
            late_count=Count("dues", filter=mine_open & Q(dues__due_on__lt=today), distinct=True),
            # For the ketua: every member's late report too (TJ-3: visible to the ketua).
            team_late=Count(
                "dues", filter=Q(dues__report__isnull=True, dues__due_on__lt=today, lead=me), distinct=True
            ),
        )
        .order_by("status", "ends_on", "pk")
    )


def waiting_reviews(actor: Actor) -> list[Review]:
    ids = _ids(actor)
    if not ids:
        return []
    return list(
        Review.objects.filter(work__region=actor.region, status=Review.Status.MENUNGGU, official_id__in=ids)
        .select_related("work__assignment", "work__lead", "work__owning_unit", "official")
        .order_by("work__ends_on", "pk")
    )


def waiting_count(actor: Actor) -> int:
    ids = _ids(actor)
    return Review.objects.filter(work__region=actor.region, status=Review.Status.MENUNGGU, official_id__in=ids).count()


# --- one work ------------------------------------------------------------------------------------
@dataclass
class DueRow:
    due: ReportDue
    state: str  # dilaporkan | terlambat_dilaporkan | terlambat | terbuka | akan_datang
    label: str


@dataclass
class WorkPage:
    work: Work
    members: list
    reports: list[Report]
    dues: list[DueRow]
    reviews: list[Review]
    events: list[Event]
    reporter: str | None = None  # my role: individu | ketua | anggota
    my_open_dues: list[ReportDue] = field(default_factory=list)
    may_submit: bool = False
    may_set_period: bool = False
    my_review: Review | None = None
    my_review_on_behalf_of: object = None
    planned: list = field(default_factory=list)  # the stages a submission would create


DUE_WORDS = {
    "dilaporkan": "Dilaporkan",
    "terlambat_dilaporkan": "Dilaporkan terlambat",
    "terlambat": "Terlambat, belum dilaporkan",
    "terbuka": "Periode berjalan",
    "akan_datang": "Belum jatuh tempo",
}


def _due_state(due: ReportDue, today: dt.date) -> str:
    if due.report_id:
        return "terlambat_dilaporkan" if due.report.is_late else "dilaporkan"
    if due.due_on < today:
        return "terlambat"
    return "terbuka" if due.period_start <= today else "akan_datang"


def work_page(actor: Actor, work_id, *, today: dt.date | None = None) -> WorkPage:
    today = today or timezone.localdate()
    work = get_visible(actor, work_id)
    reports = list(
        work.reports.select_related("author__position")
        .prefetch_related(
            Prefetch("evidence", queryset=Evidence.objects.defer("data")),
            Prefetch("feedback", queryset=Feedback.objects.select_related("author")),
        )
        .order_by("-submitted_at", "-pk")
    )
    dues = [
        DueRow(d, s, DUE_WORDS[s])
        for d in work.dues.select_related("owed_by", "report").order_by("due_on", "owed_by__name")
        for s in [_due_state(d, today)]
    ]
    reviews = list(
        work.reviews.select_related("official__position", "decided_by", "on_behalf_of").order_by("-round", "order")
    )
    events = list(
        Event.objects.filter(object_type="execution.work", object_id=str(work.pk))
        .select_related("actor", "on_behalf_of")
        .order_by("at", "pk")
    )
    page = WorkPage(work, list(approved_members(work)), reports, dues, reviews, events)
    me = actor.employee
    if me is None:
        return page
    page.reporter = reporter_kind(work, me)
    if page.reporter and work.status == Work.Status.PELAKSANAAN:
        page.my_open_dues = [
            r.due for r in dues if r.due.owed_by_id == me.pk and not r.due.report_id and r.due.period_start <= today
        ]
    page.may_submit = me.pk == work.lead_id and work.status == Work.Status.PELAKSANAAN
    if page.may_submit:
        resolved = planned_chain(work)[1]
        people = Employee.objects.in_bulk([r.official_id for r in resolved])
        page.planned = [
            {
                "label": r.stage.label,
                "article": r.stage.article,
                "accepts": r.stage.accepts,
                "official": people.get(r.official_id),
            }
            for r in resolved
        ]
    page.may_set_period = me.pk == work.lead_id and work.status == Work.Status.PELAKSANAAN and not reports
    ids = _ids(actor)
    page.my_review = next((r for r in reviews if r.status == Review.Status.MENUNGGU and r.official_id in ids), None)
    if page.my_review and page.my_review.official_id != me.pk:
        page.my_review_on_behalf_of = page.my_review.official
    capacities: dict[int, str | None] = {}
    for report in reports:
        if report.author_id not in capacities:
            capacities[report.author_id] = feedback_capacity(actor, work, report)
        report.my_capacity = capacities[report.author_id]
        for fb in report.feedback.all():
            fb.capacity_label = CAPACITY_WORDS.get(fb.capacity, fb.capacity)
    return page
