"""Issue 14: the proses bisnis and SOP pages fit a 390 px phone and a 1366 px laptop without
horizontal overflow (tables and diagrams scroll inside their own frame)."""

import pytest
from django.urls import reverse

from sikerja.organisation.demo.builder import DEMO_PASSWORD
from sikerja.processes import services
from sikerja.processes.models import MapKind, MapVersion, Monitoring, Process, SopVersion, VersionStatus
from sikerja.processes.tests.helpers import org_admin

from .conftest import DEFAULT_TIMEOUT_MS
from .test_layout_sizes import OVERFLOW_JS, SIZES

pytestmark = [pytest.mark.browser, pytest.mark.req("PB-5", "PB-6")]


@pytest.mark.parametrize("size", SIZES, ids=[f"{k}px" for k in SIZES])
def test_process_pages_fit(browser, demo_live, live_server, size, shots):
    region = demo_live.region
    p = Process.objects.get(region=region, code="PB.1.2")
    sipoc = MapVersion.objects.get(
        map__process__code="PB.0", map__process__region=region, map__kind=MapKind.PETA_PROSES
    )
    drawn = MapVersion.objects.get(map__process=p, number=2)
    sop = SopVersion.objects.get(
        sop__region=region, sop__name="Pembangunan Aplikasi Layanan Publik", status=VersionStatus.APPROVED
    )
    overdue = Monitoring.objects.get(region=region, sop_version=sop, done_on__isnull=True)
    admin = org_admin(region)
    sipoc_draft = services.new_map_version(actor=admin, version=sipoc)  # editors of a draft
    sop_draft = services.new_sop_version(actor=admin, version=sop)
    urls = [
        reverse("proses:index"), reverse("proses:process", args=[p.pk]), reverse("proses:relasi"),
        reverse("proses:map_version", args=[sipoc.pk]), reverse("proses:map_version", args=[drawn.pk]),
        reverse("proses:map_diff", args=[MapVersion.objects.get(map=drawn.map, number=1).pk, drawn.pk]),
        reverse("proses:map_version", args=[sipoc_draft.pk]), reverse("proses:sop_version", args=[sop_draft.pk]),
        reverse("proses:sop_version", args=[sop.pk]), reverse("proses:monitoring", args=[overdue.pk]),
        reverse("web:unit_detail", args=[p.owning_unit_id]),
    ]  # fmt: skip
    problems = {}
    context = browser.new_context(viewport=SIZES[size], locale="id-ID")
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    page = context.new_page()
    page.goto(f"{live_server.url}/masuk/")
    page.locator("#id_username").fill("kadis.kominfo")
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{live_server.url}/")
    for url in urls:
        page.goto(f"{live_server.url}{url}")
        page.wait_for_load_state("networkidle")
        shots(page, f"proses-{size}-{url.strip('/').replace('/', '-')}")
        found = page.evaluate(OVERFLOW_JS)
        if found:
            problems[url] = found
    context.close()
    assert not problems, problems
