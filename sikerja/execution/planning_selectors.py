"""Reads of perencanaan and of the leader's monitoring (MEK-1, PEL-4 pimpinan unit e).

Who sees an agreement: region-wide roles; the leaders of its unit and of the units above it
(the superior signs it); whoever holds or handed one of its targets; and the leaders of units
under it (the cascade reaches them). Anything else of the region is a 404, another region's
always. Monitoring covers the works owned by the units the actor leads (or stands in for)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext

from sikerja.accounts.access import Actor
from sikerja.assignments import officials
from sikerja.assignments.actions.roles import subtree_ids
from sikerja.execution.models import (
    PerformanceAgreement,
    PerformanceTarget,
    Plan,
    Problem,
    ReportDue,
    Review,
    Strategy,
    StrategyAssignment,
    Work,
)
from sikerja.execution.rules import planning as prules
from sikerja.execution.services.planning import _home_unit, hander_of
from sikerja.organisation.models import Employee, Unit


def acting_ids(actor: Actor) -> list[int]:
    me = actor.employee
    return ([me.pk] if me else []) + officials.delegator_ids(me)


def led_units(actor: Actor) -> list[Unit]:
    """Units the actor leads, in their own name or as Plh/Plt of their leader."""
    ids = acting_ids(actor)
    return list(
        Unit.objects.filter(
            region=actor.region,
            positions__is_leader=True,
            positions__holders__pk__in=ids,
            positions__holders__is_active=True,
        ).distinct()
    )


def _subtree(units) -> set[int]:
    out: set[int] = set()
    for unit in units:
        out.update(subtree_ids(unit))
    return out


def visible_agreements(actor: Actor) -> QuerySet[PerformanceAgreement]:
    qs = PerformanceAgreement.objects.filter(region=actor.region)
    if actor.region_wide:
        return qs
    ids = acting_ids(actor)
    led = led_units(actor)
    above: set[int] = set()
    for unit in led:
        above.update(u.pk for u in unit.ancestors(include_self=True))
    holds = Exists(
        PerformanceTarget.objects.filter(agreement=OuterRef("pk")).filter(
            Q(responsible_id__in=ids) | Q(handed_by_id__in=ids)
        )
    )
    return qs.filter(Q(unit_id__in=_subtree(led) | above) | Q(leader_id__in=ids) | Q(superior_id__in=ids) | holds)


def get_agreement(actor: Actor, pk) -> PerformanceAgreement:
    found = (
        visible_agreements(actor).select_related("unit", "leader__position", "superior__position", "document").filter(pk=pk).first()
    )
    if found is None:
        raise Http404(gettext("Perjanjian kinerja tidak ditemukan atau di luar cakupan Anda."))
    return found


@dataclass
class TargetRow:
    target: PerformanceTarget
    may_hand: bool = False
    candidates: list = field(default_factory=list)
    may_strategy: bool = False
    linkable: list = field(default_factory=list)


@dataclass
class AgreementPage:
    agreement: PerformanceAgreement
    rows: list[TargetRow]
    may_edit: bool = False
    may_sign: bool = False
    may_countersign: bool = False
    rule: prules.HandoverRule | None = None
    events: list = field(default_factory=list)  # who did what, when, on whose behalf (MEK-5)


def _candidates(hander: Employee, rule: prules.HandoverRule) -> list[Employee]:
    home = _home_unit(hander)
    if home is None:
        return []
    ids = subtree_ids(home)
    leaders = Q(position__is_leader=True, position__unit_id__in=ids)
    if rule.regulated:
        leaders &= Q(position__unit__unit_type__in=rule.to_unit_types)
    who = leaders
    if rule.to_staff or not rule.regulated:
        who |= Q(unit_id__in=ids, position__kind__in=prules.STAFF_KINDS, position__is_leader=False)
    return list(
        Employee.objects.filter(region_id=hander.region_id, is_active=True)
        .filter(who)
        .exclude(pk=hander.pk)
        .select_related("position__unit")
        .order_by("position__unit__order", "name")[:200]
    )


def agreement_page(actor: Actor, pk) -> AgreementPage:
    agreement = get_agreement(actor, pk)
    targets = list(
        agreement.targets.select_related("responsible__position__unit", "responsible__unit", "handed_by")
        .prefetch_related(
            Prefetch(
                "strategies",
                queryset=Strategy.objects.select_related("decided_by")
                .prefetch_related(
                    # The assignments proposed from each strategy, with their work once issued.
                    Prefetch(
                        "proposed",
                        queryset=StrategyAssignment.objects.select_related("assignment__work").order_by("pk"),
                    )
                )
                .order_by("pk"),
            ),
            Prefetch("works", queryset=Work.objects.select_related("assignment", "lead").order_by("pk")),
        )
        .order_by("order", "pk")
    )
    ids = set(acting_ids(actor))
    draft = agreement.status == PerformanceAgreement.Status.DRAF
    leader_of = officials.leader_of(agreement.unit)
    page = AgreementPage(
        agreement,
        [],
        may_edit=draft and bool(leader_of and leader_of.pk in ids),
        may_sign=draft and agreement.leader_id in ids,
        may_countersign=agreement.status == PerformanceAgreement.Status.DITANDATANGANI and agreement.superior_id in ids,
    )
    from sikerja.audit.models import Event

    page.events = list(
        Event.objects.filter(object_type="execution.performanceagreement", object_id=str(agreement.pk))
        .select_related("actor", "on_behalf_of")
        .order_by("at", "pk")
    )
    unit_types_up = [u.unit_type for u in reversed(list(agreement.unit.ancestors(include_self=True)))]
    page.rule = prules.handover_rule(officials.profile_of(actor.region), unit_types_up)
    in_force = agreement.status == PerformanceAgreement.Status.DISETUJUI
    for target in targets:
        row = TargetRow(target)
        works = list(target.works.all())
        if in_force and hander_of(target) in ids and not works:
            row.may_hand = True
            row.candidates = _candidates(
                Employee.objects.select_related("position__unit", "unit").get(pk=hander_of(target)), page.rule
            )
        if in_force and target.responsible_id in ids:
            row.may_strategy = True
            home = _home_unit(target.responsible)
            if home is not None and target.strategies.all():
                row.linkable = list(
                    Work.objects.filter(region=actor.region, owning_unit_id__in=subtree_ids(home), target__isnull=True)
                    .exclude(status=Work.Status.SELESAI)
                    .select_related("assignment")
                    .order_by("-pk")[:100]
                )
        page.rows.append(row)
    return page


# --- the leader's monitoring ------------------------------------------------------------------
MONITOR_LIMIT = 500


@dataclass
class Monitor:
    units: list[Unit]
    works: list[Work]
    truncated: bool


def monitoring(actor: Actor, *, status: str = "", late_only: bool = False, today: dt.date | None = None) -> Monitor:
    """Every team and individual work owned by the units the actor leads, with progress against
    plan, budget, late reports, open problems and waiting reviews. A fixed number of queries."""
    today = today or timezone.localdate()
    units = led_units(actor)
    if actor.region_wide and not units:
        scope = Q(region=actor.region)
    else:
        scope = Q(region=actor.region, owning_unit_id__in=_subtree(units))
    qs = (
        Work.objects.filter(scope)
        .select_related("assignment", "owning_unit", "lead", "target", "plan")
        .annotate(
            # Correlated counts, not joined ones: joining dues, problems and reviews at once
            # multiplies the rows before grouping (bench_execution: 0.5 s for 500 works at
            # 5,000 employees, 12 s at 50,000; now 0.1 s).
            late_count=_count_of(ReportDue.objects.filter(due_on__lt=today), only=Q(report__isnull=True)),
            open_problems=_count_of(Problem.objects.filter(status=Problem.Status.MENUNGGU)),
            waiting_reviews=_count_of(Review.objects.filter(status=Review.Status.MENUNGGU)),
        )
        .order_by("status", "ends_on", "pk")
    )
    if status in Work.Status.values:
        qs = qs.filter(status=status)
    if late_only:
        qs = qs.filter(late_count__gt=0)
    works = list(qs[: MONITOR_LIMIT + 1])
    for w in works:
        w.expected = expected_progress(w, today)
        w.plan_status = getattr(getattr(w, "plan", None), "status", "") if _has_plan(w) else ""
    return Monitor(units, works[:MONITOR_LIMIT], len(works) > MONITOR_LIMIT)


def _count_of(rows: QuerySet, only: Q | None = None):
    """The number of ``rows`` of the outer work (those matching ``only``; 0 when none), as a
    subquery. ``only`` is a filter of the count, not of the rows: "report IS NULL" in WHERE
    leads SQLite to the unique index on report_id (every open due of the region, per work)
    instead of the work's own rows."""
    counted = (
        rows.filter(work=OuterRef("pk")).order_by().values("work").annotate(n=Count("pk", filter=only)).values("n")[:1]
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _has_plan(work: Work) -> bool:
    try:
        return work.plan is not None
    except Plan.DoesNotExist:
        return False


def expected_progress(work: Work, today: dt.date) -> int:
    """Share of the assignment's period that has passed: the progress the plan expects today."""
    span = (work.ends_on - work.starts_on).days + 1
    passed = min(max((today - work.starts_on).days + 1, 0), span)
    return round(100 * passed / span) if span > 0 else 100


def late_reports_count(actor: Actor, today: dt.date | None = None) -> int:
    """Late reports owed to the actor or owed by them (home page, TJ-3): dues past the date
    without a report in works the actor leads as ketua, owns as pimpinan unit, or owes."""
    me = actor.employee
    if me is None:
        return 0
    today = today or timezone.localdate()
    units = _subtree(led_units(actor))
    works = list(
        Work.objects.filter(region=actor.region)
        .filter(Q(lead=me) | Q(owning_unit_id__in=units))
        .values_list("pk", flat=True)
    )
    # Two index lookups (my dues; the dues of those works), with "no report" as the count's
    # filter: a subquery in the OR, or "report IS NULL" in WHERE, scans every due of the region
    # (bench_execution at 50,000 employees: 100 ms on SQLite, 50 ms on PostgreSQL; now 2-4 ms).
    # ``me`` is an employee of this region, so are the works of their dues.
    found = (
        ReportDue.objects.filter(Q(owed_by=me) | Q(work_id__in=works), due_on__lt=today)
        .order_by()
        .aggregate(n=Count("pk", filter=Q(report__isnull=True)))
    )
    return found["n"] or 0
