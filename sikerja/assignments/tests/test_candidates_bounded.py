"""Issue 15 item 3: the candidate search computes the load estimate for a bounded set only, and
its pages are exactly those of the full order (every match ranked by the correlated estimate)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sikerja.assignments import candidates, services
from sikerja.assignments.candidates import (
    DEFAULT_KINDS,
    candidate_queryset,
    resolve_competences,
    search_candidates,
    wanted_competences,
)
from sikerja.assignments.services import MemberInput
from sikerja.assignments.tests.people import END, START, actor, unit
from sikerja.organisation.models import Employee, Unit

PERIOD = {"starts_on": START, "ends_on": END}


def _issue(leader, unit_id, employee, hours):
    a = services.propose(
        actor=leader,
        form="individu",
        owning_unit_id=unit_id,
        members=[MemberInput(employee.pk)],
        title=f"Tugas {employee.pk}",
        purpose="Menyusun bahan layanan",
        target="Bahan tersusun",
        starts_on=START,
        ends_on=END,
        hours_per_week=hours,
    )
    a.refresh_from_db()
    assert a.status == "diterbitkan"


def _reference(who, competences, offset, limit):
    """The order before the fix: the whole match set ranked with the estimate, then cut."""
    names = resolve_competences(who.region, competences)
    wanted = wanted_competences(who.region, names) if names else None
    _, ordered = candidate_queryset(
        who, wanted=wanted, unit_ids=None, q="", kinds=list(DEFAULT_KINDS), starts_on=START, ends_on=END
    )
    return list(ordered.values_list("pk", flat=True)[offset : offset + limit])


@pytest.mark.req("PEN-14")
@pytest.mark.parametrize("competences", [[], ["Pelayanan Publik"], ["Pengolahan Data", "Kearsipan"]])
def test_bounded_search_pages_equal_the_full_order(demo, competences, monkeypatch):
    # The bounded plan is PostgreSQL's; force it here so SQLite proves the same rows too.
    monkeypatch.setattr(candidates, "BOUNDED_VENDORS", frozenset({connection.vendor}))
    leader = actor("kadis.kominfo")
    bid1 = unit(demo.region, "DISKOMINFO").pk
    below = Unit.objects.descendants(Unit(pk=bid1), include_self=True).values("pk")
    staff = list(Employee.objects.filter(unit__in=below, position__is_leader=False).order_by("pk")[:3])
    # Busy people with 1, 12 and 2 hours: light loads stay near the top, the heavy one sinks.
    assert len(staff) == 3
    for employee, hours in zip(staff, (1, 12, 2), strict=True):
        _issue(leader, bid1, employee, hours)
    full = _reference(leader, competences, 0, 10_000)
    around_busy = [(max(full.index(e.pk) - 3, 0), 7) for e in staff if e.pk in full]
    for offset, limit in ((0, 20), (0, 7), (13, 9), (40, 20), *around_busy):
        page = search_candidates(leader, competences=competences, offset=offset, limit=limit, **PERIOD)
        got = [row.employee.pk for row in page.rows]
        assert got == full[offset : offset + limit], (competences, offset, limit)
    if not competences:
        assert len(around_busy) == 3


@pytest.mark.req("PEN-14")
def test_bounded_search_keeps_its_query_count(demo):
    leader = actor("kabid.aptika")
    search_candidates(leader, **PERIOD)  # scope and profile read once per actor
    with CaptureQueriesContext(connection) as ctx:
        search_candidates(leader, competences=["Pelayanan Publik"], **PERIOD)
    # competences (resolve, ids), count, page, commitments of the page, competences of the page
    assert len(ctx.captured_queries) <= 7
