"""What the kinerja pages show: one SKP with everything hanging from it, and the PPK's inbox."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.utils import timezone

from sikerja.accounts.access import Actor
from sikerja.assignments.models import Member
from sikerja.execution.models import MemberNote, Report
from sikerja.organisation.models import Employee, Placement
from sikerja.performance.models import Evaluation, Expectation, Iki, Period, Rhk, Skp, SkpEvidence, SkpFeedback
from sikerja.performance.rules import berakhlak
from sikerja.performance.selectors.access import get_skp, visible_evaluations


@dataclass
class SkpPage:
    skp: Skp
    rhks: list[Rhk]
    expectations: list[tuple[Expectation, tuple[str, str, str]]]
    coaching: list
    evaluations: list[Evaluation]
    superior_rhks: list[Rhk]
    versions: list[Skp]
    ketua_notes: list[MemberNote] = field(default_factory=list)
    ketua_reports: list[Report] = field(default_factory=list)
    open_periods: list[Period] = field(default_factory=list)
    is_owner: bool = False
    is_ppk: bool = False


def team_inputs(employee_id: int) -> tuple[list[MemberNote], list[Report]]:
    """KIN-5: the ketua's notes on this employee from every team they served in, and the ketua's
    latest reports of those teams (BU Ps 28(4) huruf e)."""
    notes = list(
        MemberNote.objects.filter(member_id=employee_id)
        .select_related("work__assignment", "written_by")
        .order_by("-created_at")[:50]
    )
    team_assignments = Member.objects.filter(
        employee_id=employee_id, status=Member.Status.DISETUJUI, assignment__work__is_team=True
    ).values("assignment_id")
    reports = list(
        Report.objects.filter(kind=Report.Kind.KETUA, work__assignment_id__in=team_assignments)
        .exclude(author_id=employee_id)
        .select_related("work__assignment", "author")
        .order_by("-submitted_at")[:20]
    )
    return notes, reports


def skp_page(actor: Actor, skp_id) -> SkpPage:
    from sikerja.organisation.placement_selectors import ppk_authority

    skp = get_skp(actor, skp_id)
    feedback = SkpFeedback.objects.select_related("author", "on_behalf_of")
    evidence = SkpEvidence.objects.prefetch_related(Prefetch("feedback", queryset=feedback)).select_related("iki")
    rhks = list(
        skp.rhks.select_related("intervened__skp__employee", "target", "work__assignment").prefetch_related(
            Prefetch("ikis", queryset=Iki.objects.order_by("pk")), Prefetch("evidence", queryset=evidence)
        )
    )
    # The seven values are data; a row exists only where an ekspektasi khusus was written.
    texts = {e.value: e.text for e in skp.expectations.all()}
    expectations = [(Expectation(skp=skp, value=k, text=texts.get(k, "")), g) for k, _, g in berakhlak.VALUES]
    superior = list(
        Rhk.objects.filter(skp__employee_id=skp.assessor_id, skp__year=skp.year, skp__is_current=True).order_by(
            "kind", "order"
        )
    )
    versions = list(Skp.objects.filter(employee_id=skp.employee_id, year=skp.year).order_by("-version"))
    evaluations = list(
        visible_evaluations(actor)
        .filter(skp__employee_id=skp.employee_id, period__year=skp.year)
        .select_related("period", "assessor")
        .prefetch_related("realisations", "follow_ups")
    )
    me = actor.employee
    is_owner = bool(me and me.pk == skp.employee_id)
    is_ppk = bool(me and ppk_authority(me, skp.employee)[0])
    page = SkpPage(
        skp,
        rhks,
        expectations,
        list(skp.coaching.select_related("author")),
        evaluations,
        superior,
        versions,
        is_owner=is_owner,
        is_ppk=is_ppk,
    )
    if is_ppk:
        page.ketua_notes, page.ketua_reports = team_inputs(skp.employee_id)
        page.open_periods = list(
            Period.objects.filter(region=actor.region, year=skp.year, status=Period.Status.TERBUKA)
        )
    return page


@dataclass
class InboxRow:
    employee: Employee
    skp: Skp | None
    evaluation: Evaluation | None


def ppk_inbox(actor: Actor, year: int | None = None, period: Period | None = None) -> list[InboxRow]:
    """The people the actor assesses today (own placements and as Plh/Plt), each with the SKP of
    the year and the evaluation of the chosen period: a constant number of queries."""
    me = actor.employee
    if me is None:
        return []
    year = year or timezone.localdate().year
    people = list(
        Employee.objects.filter(
            Q(pk__in=Placement.objects.filter(assessor=me).current().values("employee_id"))
            | Q(pk__in=list(actor.acting_report_ids)),
            region=actor.region,
        )
        .select_related("unit", "position")
        .order_by("name")
    )
    ids = [p.pk for p in people]
    skps = {s.employee_id: s for s in Skp.objects.filter(employee_id__in=ids, year=year, is_current=True)}
    evals = {}
    if period is not None:
        evals = {e.employee_id: e for e in Evaluation.objects.filter(employee_id__in=ids, period=period)}
    return [InboxRow(p, skps.get(p.pk), evals.get(p.pk)) for p in people]
