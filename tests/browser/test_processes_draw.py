"""Issue 14 "Done means" on the real pages: the owning unit's leader draws a small map in the
modeller, saves it (validated, SVG sanitised, stored on the draft version), reopens it, imports
a .bpmn file made in Camunda Modeler, saves again, and downloads the stored .bpmn."""

from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from sikerja.processes import services
from sikerja.processes.bpmn import validate_bpmn
from sikerja.processes.models import MapKind, MapVersion, Process
from sikerja.processes.tests.helpers import org_admin

from .test_bpmn_modeller import DRAW, FIXTURE

pytestmark = [pytest.mark.browser, pytest.mark.req("PB-5", "PB-4")]


def test_draw_save_reopen_import_and_download_on_the_map_pages(page, demo_live, live_server, login_as, shots):
    region = demo_live.region
    process = Process.objects.get(region=region, code="PB.1.2")
    draft = services.create_map(
        actor=org_admin(region), process=process, kind=MapKind.PETA_LINTAS_FUNGSI, title="Lintas fungsi digambar"
    )
    login_as("kadis.kominfo")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}{reverse('proses:map_version', args=[draft.pk])}")
    page.locator("#draw-link").click()
    expect(page.locator("[data-bpmn-modeller][data-bpmn-ready]")).to_have_count(1)
    expect(page.locator(".bjs-powered-by")).to_be_visible()
    task_id, end_id = page.evaluate(DRAW)
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Simpan peta").click()
    expect(page).to_have_url(f"{live_server.url}{reverse('proses:map_version', args=[draft.pk])}")
    draft.refresh_from_db()
    nodes = {n.id: n for n in validate_bpmn(draft.bpmn_xml.encode()).flow_nodes}
    assert nodes[task_id].name.startswith("Periksa berkas") and nodes[end_id].type == "endEvent"
    assert "Periksa berkas" in draft.svg and "<script" not in draft.svg
    expect(page.locator("#map-svg svg")).to_be_visible()
    assert page.evaluate("() => document.querySelectorAll('#map-svg script').length") == 0

    # reopen, import a Camunda Modeler file, save again
    page.locator("#draw-link").click()
    expect(page.locator("[data-bpmn-modeller][data-bpmn-ready]")).to_have_count(1)
    page.locator("[data-bpmn-import]").set_input_files(str(FIXTURE))
    expect(page.locator("[data-bpmn-status]")).to_contain_text("cuti_camunda.bpmn")
    page.get_by_role("button", name="Simpan peta").click()
    expect(page.locator("#map-svg svg")).to_be_visible()
    draft.refresh_from_db()
    assert {lane.id for lane in validate_bpmn(draft.bpmn_xml.encode()).lanes} == {"Lane_Subbag", "Lane_Kepala"}
    shots(page, "proses-peta-tersimpan")

    # download the stored .bpmn from the map page
    with page.expect_download() as dl:
        page.locator("#bpmn-download").click()
    exported = Path(dl.value.path()).read_bytes()
    assert exported == draft.bpmn_xml.encode()
    assert MapVersion.objects.get(pk=draft.pk).is_draft
