"""Who may see and change proses bisnis on the pages: everyone of the region reads; the owning
unit's leader (or a leader above it) and the Bagian Organisasi write; another region is a 404."""

import pytest
from django.urls import reverse

from sikerja.processes import services
from sikerja.processes.models import MapKind, MapVersion, Monitoring, Process, SopVersion
from sikerja.processes.samples import simple_bpmn
from sikerja.processes.tests.helpers import org_admin

pytestmark = pytest.mark.req("PB-1")


def _objects(region):
    p = Process.objects.get(region=region, code="PB.1.2")
    return p, MapVersion.objects.filter(map__process=p).first(), SopVersion.objects.filter(sop__region=region).first()


def test_another_regions_pages_are_not_found(demo, other_demo, login):
    p, v, s = _objects(demo.region)
    m = Monitoring.objects.filter(region=demo.region).first()
    c = login("lain.kadis.kominfo")
    for url in (
        reverse("proses:process", args=[p.pk]),
        reverse("proses:map_version", args=[v.pk]),
        reverse("proses:map_bpmn", args=[v.pk]),
        reverse("proses:sop_version", args=[s.pk]),
        reverse("proses:sop_pdf", args=[s.pk]),
        reverse("proses:monitoring", args=[m.pk]),
        reverse("proses:unit_section", args=[p.owning_unit_id]),
        reverse("proses:position", args=[s.actors.first().position_id]),
    ):
        assert c.get(url).status_code == 404, url
    assert c.post(reverse("proses:participants", args=[p.pk]), {"outside": "X"}).status_code == 404
    assert c.post(reverse("proses:map_approve", args=[v.pk])).status_code == 404


def test_outside_the_owning_unit_one_reads_but_may_not_write(demo, login):
    p, v, s = _objects(demo.region)  # owned by DISKOMINFO
    c = login("kabid.riset")  # leads a unit of Bappeda
    assert c.get(reverse("proses:process", args=[p.pk])).status_code == 200
    html = c.get(reverse("proses:sop_version", args=[s.pk])).content.decode()
    assert 'id="review-form"' not in html
    assert c.post(reverse("proses:participants", args=[p.pk]), {"outside": "X"}).status_code == 403
    assert c.post(reverse("proses:map_review", args=[v.pk]), {"findings": "x", "decision": "tetap"}).status_code == 403
    assert p.participations.filter(outside_party="X").count() == 0


def test_the_owning_units_leader_draws_a_map_in_the_modeller_and_bad_bpmn_is_explained(demo, login):
    admin = org_admin(demo.region)
    p = Process.objects.get(region=demo.region, code="PB.1.2")
    draft = services.create_map(actor=admin, process=p, kind=MapKind.PETA_SUBPROSES, title="Subproses gambar")
    c = login("kadis.kominfo")  # leads DISKOMINFO, the owning unit
    url = reverse("proses:map_draw", args=[draft.pk])
    html = c.get(url).content.decode()
    assert "data-bpmn-modeller" in html and p.owning_unit.name in html  # lanes offered from the organisation
    r = c.post(url, {"bpmn_xml": "<bpmn:definitions", "svg": ""})
    assert r.status_code == 400 and "BPMN tidak dapat disimpan" in r.content.decode()
    xml, svg = simple_bpmn("Gambar", [p.owning_unit.name], [(0, "Menerima usulan")])
    r = c.post(url, {"bpmn_xml": xml, "svg": svg.replace("<svg ", '<svg onload="alert(1)" ')})
    assert r.status_code == 302
    draft.refresh_from_db()
    assert "Menerima usulan" in draft.bpmn_xml and "onload" not in draft.svg
    assert c.post(reverse("proses:map_approve", args=[draft.pk])).status_code == 302
    assert c.get(url).status_code == 302  # an approved version opens read-only


@pytest.mark.req("PB-6")
def test_steps_typed_on_the_page_and_a_sixth_symbol_refused_on_the_page(demo, login):
    admin = org_admin(demo.region)
    v = services.create_sop(actor=admin, name="SOP halaman", owning_unit_id=demo.region.units.get(code="DISKOMINFO").pk)
    pos = list(demo.region.positions.filter(unit__code="DISKOMINFO.BID1").order_by("pk")[:2])
    c = login("admin.organisasi")
    data = {
        "step-1-kegiatan": "Mulai",
        "step-1-position": pos[0].pk,
        "step-1-symbol": "terminator",
        "step-2-kegiatan": "Memeriksa",
        "step-2-position": pos[1].pk,
        "step-2-symbol": "keputusan",
        "step-2-yes": "3",
        "step-2-no": "1",
        "step-3-kegiatan": "",
        "step-3-position": "",
        "step-4-kegiatan": "Selesai",
        "step-4-position": pos[0].pk,
        "step-4-symbol": "terminator",
    }
    r = c.post(reverse("proses:sop_steps", args=[v.pk]), data)
    assert r.status_code == 302, r.content.decode()[:3000]
    assert list(v.steps.values_list("no", "symbol")) == [(1, "terminator"), (2, "keputusan"), (3, "terminator")]
    data["step-2-symbol"] = "dokumen"
    r = c.post(reverse("proses:sop_steps", args=[v.pk]), data)
    assert r.status_code == 400 and "lima simbol" in r.content.decode()
    assert v.steps.get(no=2).symbol == "keputusan"


def test_the_new_process_form_offers_only_units_one_may_write(demo, login):
    assert 'id="process-form"' not in login("pegawai.kominfo").get(reverse("proses:index")).content.decode()
    html = login("kabid.aptika").get(reverse("proses:index")).content.decode()
    form = html[html.index('id="process-form"') :]
    units = form[form.index('id="p-unit"') : form.index("</select>", form.index('id="p-unit"'))]
    assert (
        "Bidang Aplikasi Informatika" in units
        and "Badan Perencanaan" not in units
        and "Bidang Informasi dan Komunikasi Publik" not in units
    )
    r = login("kabid.aptika").post(
        reverse("proses:process_new"),
        {"code": "X-1", "name": "Proses lain", "kind": "inti", "owning_unit": demo.region.units.get(code="BAPPEDA").pk},
    )
    assert r.status_code == 403 and not Process.objects.filter(region=demo.region, code="X-1").exists()
