"""Bounds everywhere (issue 9 item 15): dates inside the window a record may hold and texts with a
maximum length, through the API, the pages and the services; a refusal is a 4xx with an Indonesian
message and nothing is written, on SQLite as on PostgreSQL.

Requirements: KED-5 (a delegation has a period and a legal basis), KED-6 (a placement is recorded
with its basis and date), PEN-3 (penugasan period), PLT-6 (the audit log: its reasons are kept
forever, so they are bounded), TIK-1 (the API answers in its documented shape).
"""

import datetime as dt
import importlib
import json

import pytest
from django import forms
from django.contrib.auth import get_user_model
from django.test import Client

from sikerja import inputs
from sikerja.accounts.access import actor_for
from sikerja.api.tests.schema_check import load_openapi
from sikerja.assignments.models import Assignment
from sikerja.audit.models import Event
from sikerja.organisation.models import Delegation, Employee, Placement
from sikerja.organisation.placement_services import delegate_authority, revoke_delegation

API = "/api/v1"
TODAY = dt.date.today()


def client_for(username: str) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def post_json(client, url, data):
    return client.post(url, data=json.dumps(data, default=str), content_type="application/json")


def _leaders(region):
    return (
        Employee.objects.get(region=region, unit__code="DISKOMINFO.BID1", position__is_leader=True),
        Employee.objects.get(region=region, unit__code="DISKOMINFO.BID2", position__is_leader=True),
    )


def _delegation(region, **over) -> dict:
    kabid, other = _leaders(region)
    return {
        "kind": "plh",
        "delegator_id": kabid.pk,
        "delegate_id": other.pk,
        "starts_on": TODAY,
        "ends_on": TODAY + dt.timedelta(days=3),
        "basis_number": "800/PLH/77",
        "basis_date": TODAY,
        **over,
    }


def _placement(region, **over) -> dict:
    employee = Employee.objects.filter(region=region, unit__code="DISKOMINFO.BID1", position__is_leader=False).first()
    kabid, _ = _leaders(region)
    return {
        "employee_id": employee.pk,
        "assessor_id": kabid.pk,
        "basis_number": "800/KED/77",
        "basis_date": TODAY,
        "effective_from": TODAY,
        **over,
    }


def assert_out_of_range(response, *words):
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["code"] == "out_of_range"
    for word in words:
        assert any(word in m for m in body["messages"]), body["messages"]


# --- dates through the API -----------------------------------------------------------------------
@pytest.mark.req("KED-5", "TIK-1")
def test_delegation_from_year_0233_to_4444_is_refused(demo):
    before = Delegation.objects.count()
    client = client_for("admin.bkpsdm")
    response = post_json(
        client, f"{API}/delegations", _delegation(demo.region, starts_on="0233-01-01", ends_on="4444-12-31")
    )
    assert_out_of_range(response, "Tanggal mulai harus di antara", "Tanggal selesai harus di antara")
    assert len(response.json()["messages"]) == 2  # both dates named, each once
    assert Delegation.objects.count() == before
    # the window's edge is accepted: MAX_YEARS_AHEAD years ahead
    edge = inputs.add_years(TODAY, inputs.MAX_YEARS_AHEAD)
    assert post_json(client, f"{API}/delegations", _delegation(demo.region, ends_on=edge)).status_code == 201


@pytest.mark.req("KED-6", "TIK-1")
def test_placement_effective_9999_12_31_is_refused_with_a_clear_message(demo):
    before = Placement.objects.count()
    response = post_json(
        client_for("admin.bkpsdm"), f"{API}/placements", _placement(demo.region, effective_from="9999-12-31")
    )
    assert_out_of_range(response, "Tanggal berlaku harus di antara")
    assert Placement.objects.count() == before


@pytest.mark.req("KED-6", "TIK-1")
def test_placement_decree_dated_tomorrow_is_refused(demo):
    response = post_json(
        client_for("admin.bkpsdm"),
        f"{API}/placements",
        _placement(demo.region, basis_date=TODAY + dt.timedelta(days=1)),
    )
    assert_out_of_range(response, "Tanggal dasar penetapan tidak boleh setelah hari ini")


@pytest.mark.req("PEN-3", "TIK-1")
def test_penugasan_and_candidate_search_dates_are_bounded(demo):
    unit = demo.units["DISKOMINFO.BID1"]
    member = Employee.objects.filter(unit=unit, position__is_leader=False).first()
    before = Assignment.objects.count()
    client = client_for("kabid.aptika")
    response = post_json(
        client,
        f"{API}/penugasan",
        {
            "form": "individu",
            "owning_unit_id": unit.pk,
            "title": "T",
            "purpose": "P",
            "target": "S",
            "starts_on": "1850-01-01",
            "ends_on": "3000-01-01",
            "members": [{"employee_id": member.pk}],
        },
    )
    assert_out_of_range(response, "Tanggal mulai", "Tanggal selesai")
    assert Assignment.objects.count() == before
    assert_out_of_range(client.get(f"{API}/penugasan/kandidat?starts_on=0001-01-01"), "Tanggal mulai")


@pytest.mark.req("TIK-1")
def test_out_of_range_and_schema_errors_are_distinct_and_documented(demo):
    client = client_for("admin.bkpsdm")
    doc = load_openapi(client)
    op = doc["paths"][f"{API}/delegations"]["post"]
    assert {"400", "422"} <= set(op["responses"])
    wrong_type = post_json(client, f"{API}/delegations", _delegation(demo.region, starts_on="kemarin"))
    assert wrong_type.status_code == 422 and wrong_type.json()["errors"][0]["field"] == "data.starts_on"
    assert "YYYY-MM-DD" in wrong_type.json()["errors"][0]["message"]
    # a number is not a date (pydantic would read 0 as 1970-01-01)
    epoch = post_json(client, f"{API}/delegations", _delegation(demo.region, basis_date=0))
    assert epoch.status_code == 422 and "YYYY-MM-DD" in epoch.json()["detail"]


# --- dates through the pages -------------------------------------------------------------------------
@pytest.mark.req("KED-6")
def test_placement_page_refuses_9999_12_31_as_a_form_error(demo):
    data = _placement(demo.region)
    before = Placement.objects.count()
    response = client_for("admin.bkpsdm").post(
        f"/kedudukan/pegawai/{data['employee_id']}/",
        {"assessor": data["assessor_id"], "basis_number": "800/1", "basis_date": TODAY, "effective_from": "9999-12-31"},
    )
    assert response.status_code == 400
    assert "Berlaku mulai harus di antara" in response.content.decode()
    assert Placement.objects.count() == before


@pytest.mark.req("KED-5")
def test_delegation_page_refuses_year_0233(demo):
    kabid, other = _leaders(demo.region)
    before = Delegation.objects.count()
    response = client_for("admin.bkpsdm").post(
        "/kedudukan/pendelegasian/",
        {
            "kind": "plh",
            "delegator": kabid.nip,
            "delegate": other.nip,
            "starts_on": "0233-01-01",
            "ends_on": "4444-01-01",
            "basis_number": "800/1",
            "basis_date": TODAY,
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Tanggal mulai harus di antara" in page and "Tanggal sampai harus di antara" in page
    assert Delegation.objects.count() == before


# --- texts: reasons that go into the append-only audit log ---------------------------------------------
@pytest.mark.req("PLT-6", "KED-5", "TIK-1")
def test_a_one_megabyte_reason_is_refused_by_the_api(demo):
    client = client_for("admin.bkpsdm")
    created = post_json(client, f"{API}/delegations", _delegation(demo.region))
    assert created.status_code == 201, created.content
    events = Event.objects.count()
    response = post_json(client, f"{API}/delegations/{created.json()['id']}/revoke", {"reason": "x" * 1_000_000})
    assert response.status_code == 422
    assert f"paling panjang {inputs.LONG_TEXT} karakter" in response.json()["detail"]
    assert Event.objects.count() == events
    assert Delegation.objects.get(pk=created.json()["id"]).revoked_at is None
    too_long = post_json(client, f"{API}/delegations", _delegation(demo.region, basis_number="8" * 121))
    assert too_long.status_code == 422


@pytest.mark.req("PLT-6", "KED-5")
def test_the_service_refuses_an_overlong_audit_reason_and_writes_nothing(demo):
    """Whatever the caller, the service's transaction rolls back: no half-revoked delegation."""
    actor = actor_for(get_user_model().objects.get(username="admin.bkpsdm"), demo.region)
    kabid, other = _leaders(demo.region)
    delegation = delegate_authority(
        actor=actor,
        kind="plh",
        delegator_id=kabid.pk,
        delegate_id=other.pk,
        starts_on=TODAY,
        ends_on=TODAY,
        basis_number="800/9",
        basis_date=TODAY,
        reason="",
    )
    events = Event.objects.count()
    with pytest.raises(inputs.InputError, match=f"paling panjang {inputs.LONG_TEXT}"):
        revoke_delegation(actor=actor, delegation_id=delegation.pk, reason="x" * (inputs.LONG_TEXT + 1))
    delegation.refresh_from_db()
    assert delegation.revoked_at is None and Event.objects.count() == events


@pytest.mark.req("PLT-6", "KED-5")
def test_the_revoke_page_answers_an_overlong_reason_with_a_400_page(demo):
    actor = actor_for(get_user_model().objects.get(username="admin.bkpsdm"), demo.region)
    kabid, other = _leaders(demo.region)
    delegation = delegate_authority(
        actor=actor,
        kind="plh",
        delegator_id=kabid.pk,
        delegate_id=other.pk,
        starts_on=TODAY,
        ends_on=TODAY,
        basis_number="800/10",
        basis_date=TODAY,
        reason="",
    )
    response = client_for("admin.bkpsdm").post(
        f"/kedudukan/pendelegasian/{delegation.pk}/cabut/", {"reason": "x" * 100_000}
    )
    assert response.status_code == 400
    assert f"Alasan paling panjang {inputs.LONG_TEXT} karakter" in response.content.decode()
    delegation.refresh_from_db()
    assert delegation.revoked_at is None


# --- every text has a maximum length, every date a window --------------------------------------------
def _form_modules():
    """Every module of the application that may define a form: forms modules and views."""
    import pkgutil

    import sikerja

    for info in pkgutil.walk_packages(sikerja.__path__, "sikerja."):
        name = info.name
        if ".tests" in name or ".migrations" in name or ".management" in name:
            continue
        if name.rsplit(".", 1)[-1].endswith(("forms", "views")):
            yield name


def _forms():
    for name in _form_modules():
        module = importlib.import_module(name)
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, forms.Form) and value.__module__ == name:
                yield value


@pytest.mark.req("PLT-6", "TIK-1")
def test_every_form_text_has_a_maximum_length_and_every_date_a_window():
    checked = 0
    for form_class in _forms():
        for name, field in form_class().fields.items():  # as rendered: some set max_length in __init__
            if isinstance(field.widget, forms.PasswordInput):
                continue  # hashed, never stored as typed
            if isinstance(field, forms.CharField):
                assert field.max_length, f"{form_class.__name__}.{name} has no max_length"
                checked += 1
            if isinstance(field, forms.DateField):
                assert field.validators, f"{form_class.__name__}.{name} has no date window"
    assert checked >= 20


def _unbounded(doc, node, where, out):
    schemas = doc["components"]["schemas"]
    while "$ref" in node:
        node = schemas[node["$ref"].rsplit("/", 1)[-1]]
    for option in node.get("anyOf", []):
        _unbounded(doc, option, where, out)
    if node.get("type") == "string" and not ({"maxLength", "enum", "format"} & set(node)):
        out.append(where)
    if node.get("type") == "array":
        if "maxItems" not in node:
            out.append(where + "[]")
        _unbounded(doc, node.get("items", {}), where + "[]", out)
    for key, prop in (node.get("properties") or {}).items():
        _unbounded(doc, prop, f"{where}.{key}", out)


@pytest.mark.req("TIK-1")
def test_every_text_the_api_accepts_has_a_maximum_length(db):
    doc = load_openapi(Client())
    unbounded: list[str] = []
    for path, operations in doc["paths"].items():
        for method, op in operations.items():
            for param in op.get("parameters", []):
                _unbounded(doc, param["schema"], f"{method} {path} ?{param['name']}", unbounded)
            body = op.get("requestBody")
            for media, content in (body or {}).get("content", {}).items():  # JSON, or a form with files
                _unbounded(doc, content["schema"], f"{method} {path} body ({media})", unbounded)
    assert unbounded == []
