"""Proses bisnis over the API: catalogue, process detail, versions, SOPs, BPMN as a file."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from sikerja.accounts.models import ApiToken
from sikerja.processes import services
from sikerja.processes.models import MapKind, MapVersion, Process, SopVersion, VersionStatus
from sikerja.processes.samples import simple_bpmn
from sikerja.processes.tests.helpers import org_admin

API = "/api/v1/proses-bisnis"


def client_for(username):
    _, raw = ApiToken.issue(user=get_user_model().objects.get(username=username), name="uji")
    c = Client()
    c.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    return c


@pytest.mark.req("PB-5", "PB-1")
def test_catalogue_and_detail(demo):
    c = client_for("pegawai.kominfo")
    data = c.get(API, {"kind": "pendukung"}).json()
    assert [p["code"] for p in data] == ["PB.1.3"] and data[0]["level"] == 1
    p = Process.objects.get(region=demo.region, code="PB.1.2")
    d = c.get(f"{API}/{p.pk}").json()
    assert d["owning_unit"] == p.owning_unit.name
    assert {"name": "Masyarakat", "outside": True, "unit_id": None} in d["participants"]
    assert [v["number"] for v in d["maps"][0]["versions"]] == [2, 1]
    assert d["sops"][0]["versions"][0]["status"] == "disahkan"
    assert c.get(API, {"kind": "lain"}).status_code == 422
    assert c.get(API, {"bogus": "1"}).status_code == 422
    rel = c.get(f"{API}/relasi").json()
    assert "DPRD" in rel["columns"] and any("DPRD" in r["participants"] for r in rel["rows"])


@pytest.mark.req("PB-4", "PB-5")
def test_map_version_and_bpmn_file_resource(demo):
    c = client_for("pegawai.kominfo")
    v = MapVersion.objects.filter(
        map__process__region=demo.region, map__kind=MapKind.PETA_LINTAS_FUNGSI, number=2
    ).first()
    d = c.get(f"{API}/peta/{v.pk}").json()
    assert d["status"] == "disahkan" and d["has_drawing"] and d["bpmn_url"] == f"{API}/peta/{v.pk}/bpmn"
    r = c.get(d["bpmn_url"])
    assert r.status_code == 200 and r["Content-Type"].startswith("application/xml") and r.content == v.bpmn_xml.encode()


@pytest.mark.req("PB-5", "PB-4")
def test_uploading_a_bpmn_file_to_a_draft_validates_it(demo):
    from django.core.files.uploadedfile import SimpleUploadedFile

    admin = org_admin(demo.region)
    p = Process.objects.get(region=demo.region, code="PB.1.2")
    draft = services.create_map(actor=admin, process=p, kind=MapKind.PETA_SUBPROSES, title="Subproses API")
    c = client_for("admin.organisasi")
    xml, svg = simple_bpmn("API", ["A", "B"], [(0, "x"), (1, "y")])
    r = c.post(f"{API}/peta/{draft.pk}/bpmn", {"file": SimpleUploadedFile("a.bpmn", xml.encode()), "svg": svg})
    assert r.status_code == 200, r.content
    assert r.json()["has_drawing"]
    bad = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "a"><!ENTITY b "&a;&a;">]><x>&b;</x>'
    r = c.post(f"{API}/peta/{draft.pk}/bpmn", {"file": SimpleUploadedFile("b.bpmn", bad), "svg": ""})
    assert r.status_code == 400 and r.json()["code"] == "refused" and len(r.json()["messages"]) >= 2
    draft.refresh_from_db()
    assert draft.bpmn_xml == xml  # the good one stays
    approved = MapVersion.objects.get(map__process=p, number=2)
    r = c.post(f"{API}/peta/{approved.pk}/bpmn", {"file": SimpleUploadedFile("a.bpmn", xml.encode()), "svg": svg})
    assert r.status_code == 409 and r.json()["code"] == "wrong_state"
    r = client_for("pegawai.kominfo").post(
        f"{API}/peta/{draft.pk}/bpmn", {"file": SimpleUploadedFile("a.bpmn", xml.encode()), "svg": svg}
    )
    assert r.status_code == 403


@pytest.mark.req("PB-6")
def test_sop_version_lists_identity_and_steps_and_exports(demo):
    c = client_for("pegawai.kominfo")
    v = SopVersion.objects.get(
        sop__region=demo.region, sop__name="Pembangunan Aplikasi Layanan Publik", status=VersionStatus.APPROVED
    )
    d = c.get(f"{API}/sop/{v.pk}").json()
    assert d["nomor"] == v.nomor and d["approver_nip"] == v.approver_nip
    assert [s["symbol"] for s in d["steps"]][:3] == ["terminator", "proses", "keputusan"]
    assert d["steps"][2]["yes_to"] == 4 and d["steps"][2]["no_to"] == 2
    assert c.get(f"{API}/sop/{v.pk}/pdf").content.startswith(b"%PDF")
    assert c.get(f"{API}/sop/{v.pk}/docx").content[:2] == b"PK"
    assert len(c.get(f"{API}/sop").json()) == 2


@pytest.mark.req("PB-1")
def test_another_regions_objects_are_not_found(demo, other_demo):
    c = client_for("lain.pegawai.kominfo")
    mine = Process.objects.get(region=demo.region, code="PB.1.2")
    v = MapVersion.objects.filter(map__process=mine).first()
    s = SopVersion.objects.filter(sop__region=demo.region).first()
    for url in (
        f"{API}/{mine.pk}",
        f"{API}/peta/{v.pk}",
        f"{API}/peta/{v.pk}/bpmn",
        f"{API}/sop/{s.pk}",
        f"{API}/sop/{s.pk}/pdf",
    ):
        r = c.get(url)
        assert r.status_code == 404, url
    assert "PB.1.2" in {p["code"] for p in c.get(API).json()}  # their own demo catalogue
    assert mine.pk not in {p["id"] for p in c.get(API).json()}


@pytest.mark.req("PB-6")
def test_openapi_documents_the_bpmn_file_and_the_step_symbols(db):
    doc = Client().get("/api/v1/openapi.json").json()
    bpmn = doc["paths"]["/api/v1/proses-bisnis/peta/{version_id}/bpmn"]
    assert "application/xml" in bpmn["get"]["responses"]["200"]["content"]
    assert "multipart/form-data" in bpmn["post"]["requestBody"]["content"]
    symbol = doc["components"]["schemas"]["SopStepOut"]["properties"]["symbol"]
    assert symbol["enum"] == ["terminator", "proses", "keputusan"]
