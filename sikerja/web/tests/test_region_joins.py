"""A page of one region costs the same with twenty regions in the database (issue 15): where the
home page and the candidate search join the positions table over a whole region's employees, the
join carries the region too. Without it PostgreSQL builds a hash of every region's positions
(measured with 20 regions of 10,000: 33,360 positions read for one region's 1,668)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

JOIN_POSITION = re.compile(r'(INNER|LEFT OUTER) JOIN "organisation_position" ON', re.IGNORECASE)
POSITION_REGION = re.compile(r'"organisation_position"\."region_id"\s*=', re.IGNORECASE)
REGION_WIDE = re.compile(
    r'FROM "organisation_employee" .*"organisation_employee"\."region_id" = \d+', re.IGNORECASE | re.S
)


def _unanchored_position_joins(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return [
        q["sql"]
        for q in ctx.captured_queries
        if JOIN_POSITION.search(q["sql"]) and REGION_WIDE.search(q["sql"]) and not POSITION_REGION.search(q["sql"])
        and "LIMIT" not in q["sql"]  # a page of rows: the join is per row shown, not region-wide
    ]  # fmt: skip


@pytest.mark.req("PLT-4")
def test_home_counts_employees_by_post_kind_without_reading_other_regions_posts(demo, other_demo, login):
    assert _unanchored_position_joins(login("admin.bkpsdm"), reverse("web:home")) == []


@pytest.mark.req("PEN-14")
def test_candidate_search_joins_only_its_regions_posts(demo, other_demo, login):
    client = login("kabid.aptika")
    assert _unanchored_position_joins(client, reverse("penugasan:candidates")) == []
    assert _unanchored_position_joins(client, reverse("penugasan:candidates") + "?q=a") == []
