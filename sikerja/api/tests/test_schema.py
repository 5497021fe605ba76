"""The OpenAPI document is valid and every response matches it (TIK-1: an open API)."""

import json

import pytest
from django.test import Client
from jsonschema import Draft202012Validator

from sikerja.api.tests.helpers import API, first_staff
from sikerja.api.tests.schema_check import (
    assert_matches_schema,
    load_openapi,
    operation_for,
    unresolved_refs,
    validation_errors,
)

EXPECTED_PATHS = {
    "/api/v1/regions",
    "/api/v1/regions/{slug}",
    "/api/v1/profiles",
    "/api/v1/profiles/{key}",
    "/api/v1/units",
    "/api/v1/units/{unit_id}",
    "/api/v1/units/{unit_id}/children",
    "/api/v1/positions",
    "/api/v1/positions/{position_id}",
    "/api/v1/employees",
    "/api/v1/employees/{employee_id}",
}


@pytest.mark.req("TIK-1")
def test_openapi_document_is_valid(db):
    doc = load_openapi(Client())  # the schema itself is public
    assert doc["openapi"].startswith("3.")
    assert doc["info"]["title"] == "SiKerja API"
    assert set(doc["paths"]) >= EXPECTED_PATHS
    assert unresolved_refs(doc) == []
    for schema in doc["components"]["schemas"].values():
        Draft202012Validator.check_schema(schema)  # raises SchemaError naming the fault
    schemes = doc["components"]["securitySchemes"]
    assert {s["type"] for s in schemes.values()} == {"http", "apiKey"}
    for path in EXPECTED_PATHS:
        op = doc["paths"][path]["get"]
        assert op["security"], path
        assert {"200", "401", "403", "404", "422"} <= set(op["responses"]), path
        for param in op.get("parameters", []):
            assert param.get("description"), (path, param["name"])  # documented in Indonesian
    assert json.dumps(doc)  # serialisable as it stands


def _urls(builder) -> list[str]:
    kominfo = builder.units["DISKOMINFO"]
    employee = first_staff(builder, "DISKOMINFO.BID1")
    return [
        f"{API}/regions",
        f"{API}/regions/{builder.region.slug}",
        f"{API}/profiles",
        *[f"{API}/profiles/{key}" for key in ("nasional", "klungkung", "barito-utara", "penajam-paser-utara")],
        f"{API}/units",
        f"{API}/units?subtree_of={kominfo.pk}&page_size=200",
        f"{API}/units/{kominfo.pk}",
        f"{API}/units/{builder.units['DISKOMINFO.BID1'].pk}",
        f"{API}/units/{kominfo.pk}/children",
        f"{API}/positions?page_size=200",
        f"{API}/positions/{employee.position_id}",
        f"{API}/employees?page_size=200",
        f"{API}/employees/{employee.pk}",
        f"{API}/employees/{builder.people[0].employee.pk}",  # the sekda: no assessor of their own
    ]


@pytest.mark.req("TIK-1")
def test_every_list_and_detail_response_matches_its_schema(demo, login):
    doc = load_openapi(Client())
    client = login("admin.bkpsdm")
    covered = set()
    for url in _urls(demo):
        response = client.get(url)
        assert response.status_code == 200, (url, response.content)
        assert_matches_schema(doc, url, response)
        covered.add(operation_for(doc, url)[0])
    assert covered == EXPECTED_PATHS


@pytest.mark.req("TIK-1")
def test_error_responses_match_their_schema(demo, login):
    doc = load_openapi(Client())
    unauthenticated = Client().get(f"{API}/units")
    assert_matches_schema(doc, f"{API}/units", unauthenticated, 401)
    client = login("pegawai.kominfo")
    for url, status in (
        (f"{API}/units?parent_id=abc", 422),
        (f"{API}/employees?status=xyz", 422),
        (f"{API}/employees?page=999999", 404),
        (f"{API}/units/999999999", 404),
        (f"{API}/units?region=tidak-ada", 403),
    ):
        response = client.get(url)
        assert response.status_code == status, url
        assert_matches_schema(doc, url, response)


@pytest.mark.req("TIK-1")
def test_schema_check_catches_undocumented_fields(demo, login):
    """The checker is strict: a field the code returns but the schema omits is an error."""
    doc = load_openapi(Client())
    url = f"{API}/units/{demo.units['DISKOMINFO'].pk}"
    data = json.loads(login("pegawai.kominfo").get(url).content)
    assert validation_errors(doc, url, data) == []
    assert validation_errors(doc, url, {**data, "secret": 1})
    assert validation_errors(doc, url, {**data, "unit_type": "kastil"})
