"""Reads of pelaksanaan: query counts that do not grow with data, and late reports visible to
the one who owes them and to the ketua (TJ-3)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sikerja.execution import selectors, services
from sikerja.execution.models import ReportDue
from sikerja.execution.tests.helpers import actor, individual, team

LINK = "https://contoh.go.id/bukti"


def _count(fn):
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


@pytest.mark.req("TJ-3", "PEL-4")
def test_query_counts_stay_fixed_as_works_and_reports_grow(demo):
    me = actor("pegawai.kominfo")
    work = individual(demo.region).work
    services.submit_report(actor=me, work_id=work.pk, progress=10, realisation="a", links=[LINK])
    one_work, one_page = _count(lambda: selectors.my_works(me)), _count(lambda: selectors.work_page(me, work.pk))
    for _ in range(2):
        individual(demo.region)
    ReportDue.objects.filter(work=work).update(period_start=work.starts_on)  # open every period of the first
    for _ in range(2):
        services.submit_report(actor=me, work_id=work.pk, progress=20, realisation="b", links=[LINK])
    me = actor("pegawai.kominfo")
    assert _count(lambda: selectors.my_works(me)) == one_work
    assert _count(lambda: selectors.work_page(me, work.pk)) == one_page
    assert len(selectors.work_page(me, work.pk).reports) == 3


@pytest.mark.req("TJ-3")
def test_late_reports_show_for_the_member_and_for_the_ketua(demo, login):
    a, ketua, others = team(demo.region)
    past = dt.date.today() - dt.timedelta(days=1)
    member_due = a.work.dues.filter(owed_by=others[0]).order_by("due_on").first()
    ReportDue.objects.filter(pk=member_due.pk).update(due_on=past)
    rows = {w.pk: w for w in selectors.my_works(actor("pegawai.kominfo"))}
    assert rows[a.work.pk].late_count == 0 and rows[a.work.pk].team_late == 1
    html = login("pegawai.kominfo").get("/pelaksanaan/").content.decode()
    assert "Seluruh tim:" in html and "1 terlambat" in html
    page = login("pegawai.kominfo").get(f"/pelaksanaan/{a.work.pk}/").content.decode()
    assert "Terlambat, belum dilaporkan" in page
