"""PLT-6: the region's administrators read the event log with filters; nobody else does, and
no other region's events appear."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from sikerja.assignments import services
from sikerja.assignments.services import MemberInput
from sikerja.assignments.tests.people import END, START, actor, emp, unit
from sikerja.audit.models import Event
from sikerja.audit.services import record_event

URL = reverse("audit:log")


def propose(title, hours=4):
    return services.propose(
        actor=actor("kabid.aptika"),
        form="individu",
        owning_unit_id=unit(emp("kabid.aptika").region, "DISKOMINFO.BID1").pk,
        members=[MemberInput(emp("pegawai.kominfo").pk)],
        title=title,
        purpose="Menyusun data",
        target="Buku data",
        starts_on=START,
        ends_on=END,
        competences=[],
        hours_per_week=hours,
    )


@pytest.mark.req("PLT-6")
def test_administrators_read_the_log_in_words_and_only_their_region(demo, other_demo, login):
    a = propose("Buku data sektoral")
    record_event(
        region=other_demo.region, actor=None, verb="unit.checked", obj=other_demo.region, reason="Rahasia daerah lain"
    )
    page = login("admin.bkpsdm").get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Naskah penugasan diterbitkan" in html and "Buku data sektoral" in html
    assert reverse("penugasan:detail", args=[a.pk]) in html  # the object links to its page
    assert "assignment.issued" not in html  # words, not codes
    assert "Rahasia daerah lain" not in html
    # Staff, unit leaders and the other region's administrators do not read it.
    for who in ("pegawai.kominfo", "kabid.aptika"):
        assert login(who).get(URL).status_code == 403


@pytest.mark.req("PLT-6")
def test_filters_who_what_when_and_object(demo, login):
    a = propose("Buku data sektoral")
    propose("Survei kepuasan")
    client = login("admin.organisasi")
    events = Event.objects.filter(region=demo.region)

    def shown(**params):
        response = client.get(URL, params)
        assert response.status_code == 200, response.content.decode()[:500]
        return response.context["page"].paginator.count

    assert shown() == events.count()
    assert shown(topic="assignment") == events.filter(verb__startswith="assignment.").count() > 0
    assert (
        shown(object_type="assignments.assignment", object_id=str(a.pk))
        == events.filter(object_type="assignments.assignment", object_id=str(a.pk)).count()
    )
    kabid = emp("kabid.aptika").user
    assert shown(who=kabid.username) == events.filter(actor=kabid).count() > 0
    today = timezone.localdate()
    assert shown(date_from=today.isoformat(), date_to=today.isoformat()) == events.count()
    assert shown(date_to=(today - dt.timedelta(days=1)).isoformat()) == events.filter(at__date__lt=today).count()
    # A range that ends before it starts is refused in words, not answered with nothing.
    bad = client.get(URL, {"date_from": "2026-12-10", "date_to": "2026-12-01"})
    assert bad.status_code == 400 and "Tanggal akhir mendahului tanggal awal" in bad.content.decode()
    assert client.get(URL, {"date_from": "kemarin"}).status_code == 400


@pytest.mark.req("PLT-6")
def test_the_log_page_costs_the_same_queries_with_more_events(demo, login):
    client = login("admin.bkpsdm")
    propose("Satu", hours=0.2)

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(URL).status_code == 200
        return len(ctx.captured_queries)

    queries()  # the first request of a session also records the session's activity
    few = queries()
    for i in range(8):
        propose(f"Penugasan {i}", hours=0.2)
    assert queries() == few
