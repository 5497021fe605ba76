"""Reads of proses bisnis take a constant number of queries, however much there is."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sikerja.processes.models import Process, SopVersion, VersionStatus
from sikerja.processes.tests.helpers import long_sop

pytestmark = pytest.mark.req("PB-1", "PB-6")


def _count(client, url):
    client.get(url)  # warm the session and the caches
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_pages_read_in_constant_queries(demo, login):
    c = login("kadis.kominfo")
    p = Process.objects.get(region=demo.region, code="PB.1.2")
    v = SopVersion.objects.get(
        sop__region=demo.region, sop__name="Pembangunan Aplikasi Layanan Publik", status=VersionStatus.APPROVED
    )
    urls = [reverse("proses:index"), reverse("proses:process", args=[p.pk]), reverse("proses:sop_version", args=[v.pk]),
            reverse("proses:unit_section", args=[p.owning_unit_id]), reverse("proses:relasi")]  # fmt: skip
    before = {u: _count(c, u) for u in urls}
    long_sop(demo.region, 30)  # more SOPs, steps and monitorings
    long_sop(demo.region, 12)
    after = {u: _count(c, u) for u in urls}
    assert after == before
    big = SopVersion.objects.get(sop__name="SOP uji 30 langkah")
    small = SopVersion.objects.get(sop__name="SOP uji 12 langkah")
    assert _count(c, reverse("proses:sop_version", args=[big.pk])) == _count(
        c, reverse("proses:sop_version", args=[small.pk])
    )
