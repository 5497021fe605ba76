"""Pages cost the same number of queries in a region ten times larger (DESIGN: no N+1)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sikerja.organisation.demo.builder import DEMO_PASSWORD, build_demo_region
from sikerja.organisation.models import Employee, Unit


def urls_for(region):
    pd = Unit.objects.get(region=region, code="DINKES")
    bidang = Unit.objects.get(region=region, code="DISKOMINFO.BID1")
    emp = Employee.objects.filter(unit=bidang, position__is_leader=False).order_by("pk").first()
    return {
        "home": reverse("web:home"),
        "tree": reverse("web:unit_tree"),
        "tree_search": reverse("web:unit_tree") + "?q=seksi",
        "children": reverse("web:unit_children", args=[pd.pk]),
        "unit": reverse("web:unit_detail", args=[pd.pk]),
        "bidang": reverse("web:unit_detail", args=[bidang.pk]),
        "chart": reverse("web:org_chart", args=[pd.pk]),
        "employees": reverse("web:employee_list"),
        "employee": reverse("web:employee_detail", args=[emp.pk]),
        "profile": reverse("web:profile"),
    }


def count_queries(username, urls):
    client = Client()
    assert client.login(username=username, password=DEMO_PASSWORD)
    counts = {}
    for name, url in urls.items():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200, url
        counts[name] = len(ctx.captured_queries)
    return counts


@pytest.mark.parametrize("role", ["admin.bkpsdm", "kadis.kominfo", "kabid.aptika"])
def test_query_counts_do_not_grow_with_the_region(db, role):
    build_demo_region(n_employees=400, seed=1, slug="kecil", user_prefix="kecil")
    build_demo_region(n_employees=4000, seed=2, slug="besar", user_prefix="besar")
    small = count_queries(f"kecil.{role}", urls_for(Unit.objects.get(code="SETDA", region__slug="kecil").region))
    large = count_queries(f"besar.{role}", urls_for(Unit.objects.get(code="SETDA", region__slug="besar").region))
    assert (
        Employee.objects.filter(region__slug="besar").count()
        >= 9 * Employee.objects.filter(region__slug="kecil").count()
    )
    assert small == large
