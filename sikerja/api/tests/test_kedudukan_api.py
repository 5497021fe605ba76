"""Kedudukan endpoints: the same rules, permissions and errors as the pages (KED-1..8)."""

import datetime as dt
import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from sikerja.api.tests.schema_check import assert_matches_schema, load_openapi
from sikerja.organisation import placement_checks
from sikerja.organisation.models import Delegation, Employee, Placement

TODAY = dt.date.today()


def client_for(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def post(client, url, data):
    return client.post(url, data=json.dumps(data, default=str), content_type="application/json")


def pelaksana_with_kasi(region):
    p = Placement.objects.filter(
        region=region, effective_until__isnull=True, employee__position__kind="pelaksana", assessor__position__kind="pengawas"
    ).select_related("assessor__unit").order_by("pk").first()
    admin = Employee.objects.get(unit_id=p.assessor.unit.parent_id, position__is_leader=True)
    return p.employee, p.assessor, admin


@pytest.mark.req("KED-6", "TIK-1")
def test_place_through_the_api_and_see_it_listed(demo):
    employee, _, admin = pelaksana_with_kasi(demo.region)
    client = client_for("admin.bkpsdm")
    doc = load_openapi(client)
    response = post(client, "/api/v1/placements", {"employee_id": employee.pk, "assessor_id": admin.pk,
                    "basis_number": "800/API/1", "basis_date": TODAY, "effective_from": TODAY})
    assert response.status_code == 201, response.content
    assert response.json()["assessor_id"] == admin.pk
    listing = client.get(f"/api/v1/placements?employee_id={employee.pk}&current=false")
    assert_matches_schema(doc, "/api/v1/placements", listing)
    assert [p["assessor_id"] for p in listing.json()["items"]][0] in {admin.pk, Placement.objects.filter(employee=employee).first().assessor_id}
    assert listing.json()["count"] == 2


@pytest.mark.req("KED-3")
def test_violating_placement_is_refused_with_findings(other_demo):
    madya = Employee.objects.filter(region=other_demo.region, position__jf_level="ahli_madya", unit__code="DINSOS").first()
    kabid = Employee.objects.get(region=other_demo.region, unit__code="DINSOS.BID1", position__is_leader=True)
    response = post(client_for("lain.admin.bkpsdm"), "/api/v1/placements", {
        "employee_id": madya.pk, "assessor_id": kabid.pk, "basis_number": "1", "basis_date": TODAY,
        "effective_from": TODAY + dt.timedelta(days=1)})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "violates_profile"
    by_req = {f["requirement"]: f for f in body["findings"]}
    assert set(by_req) == {"KED-1", "KED-3"}  # not in the line, and below the level pattern
    assert "Pasal 17 ayat (3)" in by_req["KED-3"]["article"]


@pytest.mark.req("KED-6", "PRF-3")
def test_placement_permissions(demo, other_demo):
    employee, kasi, admin = pelaksana_with_kasi(demo.region)
    data = {"employee_id": employee.pk, "assessor_id": admin.pk, "basis_number": "1", "basis_date": TODAY, "effective_from": TODAY}
    assert post(client_for("kadis.kominfo"), "/api/v1/placements", data).status_code == 403
    assert post(client_for("pegawai.kominfo"), "/api/v1/placements", data).status_code == 403
    other = post(client_for("lain.admin.bkpsdm"), "/api/v1/placements", data)
    assert other.status_code == 404 and other.json()["code"] == "not_found"
    assert post(Client(), "/api/v1/placements", data).status_code == 401
    assert client_for("lain.admin.bkpsdm").get(f"/api/v1/placements/candidates/{employee.pk}").status_code == 404
    assert client_for("lain.admin.bkpsdm").get(f"/api/v1/placements?employee_id={employee.pk}").json()["count"] == 0
    bad = post(client_for("admin.bkpsdm"), "/api/v1/placements", {**data, "basis_date": "kemarin"})
    assert bad.status_code == 422


@pytest.mark.req("KED-3", "TIK-1")
def test_candidates_explain_exclusions(other_demo):
    jf = Employee.objects.filter(region=other_demo.region, unit__code="DINSOS.BID1.S1", position__jf_level="ahli_pertama").first()
    client = client_for("lain.admin.bkpsdm")
    response = client.get(f"/api/v1/placements/candidates/{jf.pk}")
    assert_matches_schema(load_openapi(client), f"/api/v1/placements/candidates/{jf.pk}", response)
    rows = response.json()
    assert any(r["allowed"] for r in rows)
    excluded = [r for r in rows if not r["allowed"]]
    assert excluded and all(f["article"] for r in excluded for f in r["findings"])


@pytest.mark.req("KED-8", "TIK-1")
def test_report_endpoint(other_demo):
    madya = Employee.objects.filter(region=other_demo.region, position__jf_level="ahli_madya", unit__code="DINSOS").first()
    kabid = Employee.objects.get(region=other_demo.region, unit__code="DINSOS.BID1", position__is_leader=True)
    Placement.objects.filter(employee=madya, effective_until__isnull=True).update(assessor=kabid)
    placement_checks.refresh(other_demo.region, [madya.pk])  # written past the services: repair as the command would
    client = client_for("lain.admin.bkpsdm")
    response = client.get("/api/v1/placement-report")
    assert_matches_schema(load_openapi(client), "/api/v1/placement-report", response)
    body = response.json()
    assert body["violations"] == 1 and body["by_requirement"] == {"KED-1": 1, "KED-3": 1}
    assert body["rows"][0]["nip"] == madya.nip and body["rows"][0]["assessor_span"] >= 1
    assert client_for("lain.pegawai.kominfo").get("/api/v1/placement-report").status_code == 403


@pytest.mark.req("KED-5")
def test_delegations_endpoints(demo):
    kabid = Employee.objects.get(region=demo.region, unit__code="DISKOMINFO.BID1", position__is_leader=True)
    plh = Employee.objects.get(region=demo.region, unit__code="DISKOMINFO.BID2", position__is_leader=True)
    client = client_for("admin.bkpsdm")
    data = {"kind": "plh", "delegator_id": kabid.pk, "delegate_id": plh.pk, "starts_on": TODAY,
            "ends_on": TODAY + dt.timedelta(days=5), "basis_number": "800/PLH/1", "basis_date": TODAY}
    created = post(client, "/api/v1/delegations", data)
    assert created.status_code == 201, created.content
    assert post(client, "/api/v1/delegations", data).status_code == 409
    assert post(client, "/api/v1/delegations", {**data, "kind": "bupati"}).status_code == 422
    assert post(client_for("kadis.kominfo"), "/api/v1/delegations", data).status_code == 403
    listing = client.get("/api/v1/delegations")
    assert_matches_schema(load_openapi(client), "/api/v1/delegations", listing)
    assert listing.json()["count"] == 1
    did = created.json()["id"]
    assert post(client, f"/api/v1/delegations/{did}/revoke", {"reason": ""}).status_code == 422
    assert post(client, f"/api/v1/delegations/{did}/revoke", {"reason": "kembali"}).json()["revoked"] is True
    assert post(client, f"/api/v1/delegations/{did}/revoke", {"reason": "lagi"}).status_code == 409
    assert client_for("lain.admin.bkpsdm").get("/api/v1/delegations").json()["count"] == Delegation.objects.filter(region__slug="teluk-damai").count()
