"""Issue 14 "Done means": in a real browser, the BPMN modeller (bpmn-js, vendored) draws a
small map, saves it (the server validates the XML and sanitises the SVG it receives), reopens
it, exports it as a .bpmn download, and imports a .bpmn file made elsewhere (Camunda Modeler).

The pages of the processes app are built on another branch, so this test serves the modeller
partial from a test-only URLconf (this module's ``urlpatterns``) with a tiny view.
"""

import time
from pathlib import Path

import pytest
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template import engines
from django.urls import path
from playwright.sync_api import expect

from sikerja.processes.bpmn import BpmnError, make_large_bpmn, sanitize_svg, validate_bpmn

FIXTURE = Path(__file__).resolve().parents[2] / "sikerja/processes/tests/fixtures/cuti_camunda.bpmn"
pytestmark = [pytest.mark.browser, pytest.mark.urls(__name__), pytest.mark.req("PB-5", "PB-1")]
LANES = [
    {"id": "u-aptika", "name": "Bidang Aplikasi Informatika"},
    {"id": "u-sekretariat", "name": "Sekretariat Dinas Komunikasi dan Informatika"},
]
STORE = {}

PAGE = engines["django"].from_string(
    """{% load static %}<!doctype html><html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Peta uji</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="{% static 'web/sikerja.css' %}"></head>
<body><main id="main"><h1>Peta lintas fungsi</h1>
{% if errors %}<ul class="errorlist">{% for e in errors %}<li>{{ e }}</li>{% endfor %}</ul>{% endif %}
<div class="card">{% include "processes/modeller.html" %}</div>
{% if svg %}<div class="card" id="saved-picture" data-scrolls>{{ svg|safe }}</div>{% endif %}
</main></body></html>"""
)


def map_page(request):
    context = {
        "bpmn_xml": STORE.get("xml", ""),
        "save_url": "/peta/simpan/",
        "cancel_url": "/peta/",
        "lanes": LANES,
        "svg": STORE.get("svg", ""),
        "errors": STORE.pop("errors", []),
    }
    return HttpResponse(PAGE.render(context, request))


def save_map(request):
    xml, svg = request.POST.get("bpmn_xml", ""), request.POST.get("svg", "")
    try:
        parsed = validate_bpmn(xml.encode())
        clean = sanitize_svg(svg)
    except BpmnError as exc:
        STORE["errors"] = exc.messages
        return render(request, "processes/modeller.html", {"bpmn_xml": xml}, status=400)
    STORE.update(xml=xml, svg=clean, parsed=parsed, saves=STORE.get("saves", 0) + 1)
    return HttpResponseRedirect("/peta/")


urlpatterns = [path("peta/", map_page), path("peta/simpan/", save_map)]


@pytest.fixture
def modeller_app(settings, transactional_db):
    """The processes app installed (for its template and static files) whether or not this
    branch registers it yet; an empty store."""
    if "sikerja.processes" not in settings.INSTALLED_APPS:
        settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "sikerja.processes"]
    STORE.clear()
    yield STORE
    STORE.clear()


def open_map(page, url):
    csp = []
    page.on("console", lambda m: csp.append(m.text) if "Content Security Policy" in m.text else None)
    response = page.goto(url)
    # the site's strict policy is in force: no inline script, no eval
    assert "script-src 'self'" in response.headers["content-security-policy"]
    expect(page.locator("[data-bpmn-modeller][data-bpmn-ready]")).to_have_count(1)
    return csp


def names(page):
    return page.evaluate(
        """() => window.sikerjaModeller.get('elementRegistry').getAll()
              .filter(e => e.businessObject && e.businessObject.name && !e.labelTarget)
              .map(e => e.businessObject.name)"""
    )


DRAW = """() => {
  const m = window.sikerjaModeller, reg = m.get('elementRegistry'), modeling = m.get('modeling');
  const start = reg.get('StartEvent_1');
  const task = modeling.appendShape(start, {type: 'bpmn:UserTask'}, {x: 330, y: 178});
  modeling.updateLabel(task, 'Periksa berkas <script>alert(1)</script>');
  const end = modeling.appendShape(task, {type: 'bpmn:EndEvent'}, {x: 480, y: 178});
  modeling.updateLabel(end, 'Selesai');
  return [task.id, end.id];
}"""


def test_draw_save_reopen_export_and_import(page, live_server, modeller_app, tmp_path, shots):
    csp = open_map(page, f"{live_server.url}/peta/")
    expect(page.locator("[data-bpmn-status]")).to_contain_text("Peta baru")
    # bpmn.io's watermark stays visible (its licence condition)
    expect(page.locator(".bjs-powered-by")).to_be_visible()

    # Draw: one task from the palette, then a user task and an end event by the modelling API.
    page.locator(".djs-palette [data-action='create.task']").click()
    box = page.locator("[data-bpmn-modeller]").bounding_box()
    page.mouse.move(box["x"] + 400, box["y"] + 330)
    page.mouse.move(box["x"] + 420, box["y"] + 340)
    page.mouse.click(box["x"] + 420, box["y"] + 340)
    palette_tasks = page.evaluate(
        "() => window.sikerjaModeller.get('elementRegistry').filter(e => e.type === 'bpmn:Task').length"
    )
    assert palette_tasks == 1
    task_id, end_id = page.evaluate(DRAW)
    page.keyboard.press("Escape")

    page.get_by_role("button", name="Simpan peta").click()
    expect(page).to_have_url(f"{live_server.url}/peta/")
    expect(page.locator("[data-bpmn-modeller][data-bpmn-ready]")).to_have_count(1)
    assert modeller_app["saves"] == 1
    parsed = validate_bpmn(modeller_app["xml"].encode())  # what the browser posted validates
    nodes = {n.id: n for n in parsed.flow_nodes}
    assert nodes[task_id].name == "Periksa berkas <script>alert(1)</script>"
    assert (nodes[task_id].type, nodes[end_id].type) == ("userTask", "endEvent")
    assert {(f.source_id, f.target_id) for f in parsed.flows} == {("StartEvent_1", task_id), (task_id, end_id)}
    assert sum(n.type == "task" for n in parsed.flow_nodes) == 1
    # the stored picture is the sanitised SVG: the label is text, not a script
    assert "Periksa berkas" in modeller_app["svg"] and "<script" not in modeller_app["svg"]
    picture = page.locator("#saved-picture svg")
    expect(picture).to_be_visible()
    assert page.evaluate("() => document.querySelectorAll('#saved-picture script').length") == 0

    # Reopened: the same map is in the modeller.
    assert {"Periksa berkas <script>alert(1)</script>", "Selesai"} <= set(names(page))
    shots(page, "bpmn-modeller-saved")

    # Export: a .bpmn download that validates and holds the drawn map.
    with page.expect_download() as dl:
        page.get_by_role("button", name="Unduh .bpmn").click()
    download = dl.value
    assert download.suggested_filename == "peta-proses.bpmn"
    exported = Path(download.path()).read_bytes()
    assert {n.name for n in validate_bpmn(exported).flow_nodes} >= {"Selesai", "Mulai"}
    expect(page.locator("[data-bpmn-status]")).to_have_text("Berkas .bpmn diunduh.")

    # Import a file made in Camunda Modeler, name a lane from the organisation, save.
    page.locator("[data-bpmn-import]").set_input_files(str(FIXTURE))
    expect(page.locator("[data-bpmn-status]")).to_contain_text("Berkas cuti_camunda.bpmn dibuka")
    assert "Periksa kelengkapan berkas" in names(page)
    page.get_by_role("button", name="Bidang Aplikasi Informatika").click()
    expect(page.locator("[data-bpmn-status]")).to_have_text("Pilih satu lajur atau kolam di peta lebih dulu.")
    page.evaluate(
        "() => { const m = window.sikerjaModeller; m.get('selection').select(m.get('elementRegistry').get('Lane_Kepala')); }"
    )
    page.get_by_role("button", name="Bidang Aplikasi Informatika").click()
    expect(page.locator("[data-bpmn-status]")).to_contain_text("Nama lajur diganti")
    page.get_by_role("button", name="Simpan peta").click()
    expect(page.locator("[data-bpmn-modeller][data-bpmn-ready]")).to_have_count(1)
    assert modeller_app["saves"] == 2
    parsed = validate_bpmn(modeller_app["xml"].encode())
    assert [(lane.id, lane.name, lane.ref) for lane in parsed.lanes] == [
        ("Lane_Subbag", "Subbagian Umum dan Kepegawaian", ""),
        ("Lane_Kepala", "Bidang Aplikasi Informatika", "u-aptika"),
    ]
    assert [p.name for p in parsed.participants] == ["Permohonan cuti tahunan", "Pegawai pemohon"]
    assert {n.id for n in parsed.flow_nodes} == {n.id for n in validate_bpmn(FIXTURE.read_bytes()).flow_nodes}
    # Camunda's own attributes survive the round trip through bpmn-js
    assert 'camunda:assignee="subbag"' in modeller_app["xml"]
    # a lane renamed by hand loses its link to the unit
    page.evaluate(
        "() => { const m = window.sikerjaModeller;"
        " m.get('modeling').updateLabel(m.get('elementRegistry').get('Lane_Kepala'), 'Kepala Dinas'); }"
    )
    page.get_by_role("button", name="Simpan peta").click()
    expect(page.locator("[data-bpmn-modeller][data-bpmn-ready]")).to_have_count(1)
    assert modeller_app["saves"] == 3
    assert [(lane.name, lane.ref) for lane in validate_bpmn(modeller_app["xml"].encode()).lanes][1] == (
        "Kepala Dinas",
        "",
    )
    assert csp == [], csp


def test_bad_file_and_new_map(page, live_server, modeller_app, tmp_path):
    open_map(page, f"{live_server.url}/peta/")
    bad = tmp_path / "rusak.bpmn"
    bad.write_text("<bpmn:definitions xmlns:bpmn='x'><tidak-selesai")
    page.locator("[data-bpmn-import]").set_input_files(str(bad))
    expect(page.locator("[data-bpmn-status]")).to_contain_text("tidak dapat dibuka sebagai peta BPMN 2.0")
    page.locator("[data-bpmn-import]").set_input_files(str(FIXTURE))
    expect(page.locator("[data-bpmn-status]")).to_contain_text("dibuka")
    page.on("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Peta baru").click()
    expect(page.locator("[data-bpmn-status]")).to_have_text("Peta baru dibuat.")
    assert names(page) == ["Mulai"]


def test_fits_a_phone(browser, live_server, modeller_app):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="id-ID")
    page = context.new_page()
    try:
        open_map(page, f"{live_server.url}/peta/")
        overflow = page.evaluate(
            """() => { const W = document.documentElement.clientWidth, out = [];
              for (const el of document.querySelectorAll('main *')) {
                if (el.closest('[data-scrolls]')) continue;
                const r = el.getBoundingClientRect();
                if (r.width && r.right > W + 1) out.push(el.tagName + ' ' + el.className + ' ' + Math.round(r.right));
              } return out.slice(0, 10); }"""
        )
        assert overflow == []
        for name in ("Simpan peta", "Unduh .bpmn", "Peta baru"):
            expect(page.get_by_role("button", name=name)).to_be_visible()
        # the canvas keeps a drawable width and scrolls inside its frame
        frame = page.locator(".bpmn-scroll").bounding_box()
        assert frame["width"] <= 390
        assert page.evaluate("() => document.querySelector('.bpmn-scroll').scrollWidth") >= 560
    finally:
        context.close()


def test_large_map_imports_and_saves(page, live_server, modeller_app, tmp_path):
    """A 500-element file from disk opens in the modeller and is stored whole (issue 14,
    Performance): the browser's own SVG of it passes the server's size limit and sanitiser."""
    big = tmp_path / "besar.bpmn"
    big.write_bytes(make_large_bpmn(500))
    open_map(page, f"{live_server.url}/peta/")
    started = time.perf_counter()
    page.locator("[data-bpmn-import]").set_input_files(str(big))
    expect(page.locator("[data-bpmn-status]")).to_contain_text("Berkas besar.bpmn dibuka", timeout=30_000)
    opened = time.perf_counter() - started
    page.get_by_role("button", name="Simpan peta").click()
    expect(page.locator("[data-bpmn-modeller][data-bpmn-ready]")).to_have_count(1, timeout=30_000)
    assert modeller_app.get("saves") == 1, modeller_app.get("errors")
    parsed = modeller_app["parsed"]
    assert len(parsed.flow_nodes) == 500 and len(parsed.lanes) == 5
    assert modeller_app["svg"].count('data-element-id="Node_') >= 500
    print(f"\n500 simpul: dibuka {opened:.1f} dtk, SVG {len(modeller_app['svg']) / 1024:.0f} KB")
    assert opened < 20
