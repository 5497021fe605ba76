"""Every read of a region's data says which region (issue 15, "Scale past one machine").

The SQL of the main pages and API calls is captured (test client, the demo region) and every
statement that reads a *tenant table* — a table with a ``region_id`` column — must be limited
to one region. That is what keeps one region's page as cheap with twenty regions in the
database as with one, and what lets the data be sharded by region later.

The heuristic, per statement (the SQL text as the database receives it):

1. **Region predicate**: ``"region_id" = <n>`` or ``"region_id" IN (...)`` appears. A join or
   subquery through a region-filtered table is covered by this too: the statement as a whole is
   anchored to one region. A recursive CTE (``WITH RECURSIVE``) must carry the predicate
   *inside* its body, since the CTE otherwise walks every region's tree before the outer filter.
2. **Keyed read**: the statement is limited by literal primary or foreign keys
   (``"id" = 5``, ``"employee_id" IN (3, 4)``): those keys were read earlier by a
   region-filtered statement of the same request (two steps instead of one join).
3. **Allow-list** (``ALLOWED``): statements that are region-wide on purpose, each with why.

A statement that reads a tenant table and meets none of these fails the test with its SQL.
"""

from __future__ import annotations

import re

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sikerja.organisation.models import Employee, Unit

REGION_PREDICATE = re.compile(r'"region_id"\s*(=|IN\s*\()', re.IGNORECASE)
CTE_END = re.compile(r"\)\s*SELECT\b", re.IGNORECASE)  # the CTE's closing parenthesis, then the outer query
KEYED = re.compile(r'"(id|[a-z_]+_id)"\s*(=\s*\d+|IN\s*\(\s*\d)', re.IGNORECASE)

# (substring of the statement, why it may read without a region predicate)
ALLOWED: list[tuple[str, str]] = [
    # The session's user and their role assignments are read before any region is chosen:
    # they decide which region the request is for (roles are keyed by user_id).
    ('FROM "accounts_roleassignment"', "the user's roles choose the region (keyed by user)"),
]


def tenant_tables() -> set[str]:
    return {
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if any(f.column == "region_id" for f in model._meta.concrete_fields)
    }


def _reads(sql: str, tables: set[str]) -> set[str]:
    return {t for t in tables if re.search(rf'(FROM|JOIN)\s+"{t}"', sql, re.IGNORECASE)}


def violation(sql: str, tables: set[str]) -> bool:
    if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
        return False  # writes are checked by their services' tests, not here
    if not _reads(sql, tables):
        return False
    if any(marker in sql for marker, _ in ALLOWED):
        return False
    if sql.lstrip().upper().startswith("WITH RECURSIVE"):
        ends = [m.start() for m in CTE_END.finditer(sql)]
        body = sql[: ends[-1]] if ends else sql
        return not REGION_PREDICATE.search(body)
    return not (REGION_PREDICATE.search(sql) or KEYED.search(sql))


def test_the_heuristic_itself():
    tables = {"organisation_employee", "organisation_unit"}
    assert violation(
        'SELECT "organisation_employee"."id" FROM "organisation_employee" WHERE "organisation_employee"."is_active"',
        tables,
    )
    assert not violation('SELECT * FROM "organisation_employee" WHERE "organisation_employee"."region_id" = 3', tables)
    assert not violation('SELECT * FROM "organisation_unit" WHERE "organisation_unit"."id" IN (4, 5)', tables)
    assert not violation('SELECT * FROM "auth_user" WHERE "auth_user"."id" = 1', tables)
    unfiltered_cte = (
        'WITH RECURSIVE __tree AS (SELECT * FROM "organisation_unit" WHERE "parent_id" IS NULL) '
        'SELECT * FROM "organisation_unit", "__tree" WHERE "organisation_unit"."region_id" = 3'
    )
    assert violation(unfiltered_cte, tables)
    assert not violation(unfiltered_cte.replace("IS NULL)", 'IS NULL AND "region_id" = 3)', 1), tables)


def _urls(demo):
    region = demo.region
    pd = Unit.objects.get(region=region, code="DINKES")
    bidang = Unit.objects.get(region=region, code="DISKOMINFO.BID1")
    emp = Employee.objects.filter(unit=bidang, position__is_leader=False).order_by("pk").first()
    return [
        reverse("web:home"),
        reverse("web:unit_tree"),
        reverse("web:unit_tree") + "?q=seksi",
        reverse("web:unit_children", args=[pd.pk]),
        reverse("web:unit_detail", args=[pd.pk]),
        reverse("web:org_chart", args=[pd.pk]),
        reverse("web:org_chart", args=[bidang.pk]),
        reverse("web:employee_list") + "?q=a",
        reverse("web:employee_detail", args=[emp.pk]),
        reverse("ked:report"),
        reverse("penugasan:inbox"),
        reverse("penugasan:candidates") + "?starts_on=2026-12-01&ends_on=2027-02-26&competences=Pelayanan+Publik",
        reverse("penugasan:candidates") + f"?starts_on=2026-12-01&ends_on=2027-02-26&unit_filter={bidang.pk}",
        reverse("letters:list"),
        reverse("pelaksanaan:mine"),
        "/api/v1/units",
        f"/api/v1/units/{pd.pk}",
        "/api/v1/positions",
        "/api/v1/employees?page_size=100",
        f"/api/v1/employees?subtree_of={pd.pk}",
        f"/api/v1/employees/{emp.pk}",
        "/api/v1/penugasan",
    ]


@pytest.mark.parametrize("who", ["admin.bkpsdm", "kadis.kominfo", "kabid.aptika"])
def test_every_tenant_read_of_the_main_pages_names_the_region(demo, other_demo, login, who):
    tables = tenant_tables()
    assert {"organisation_employee", "organisation_unit", "organisation_placement"} <= tables
    client = login(who)
    bad = []
    for url in _urls(demo):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        bad += [(url, q["sql"]) for q in ctx.captured_queries if violation(q["sql"], tables)]
    assert not bad, "\n\n".join(f"{url}\n{sql}" for url, sql in bad)
