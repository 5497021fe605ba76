import json

import pytest
from django.test import Client

from sikerja.accounts.models import ApiToken
from sikerja.api.tests.schema_check import assert_matches_schema, load_openapi
from sikerja.letters.models import Document
from sikerja.letters.tests.conftest import staff

pytestmark = [pytest.mark.req("PEN-15"), pytest.mark.django_db]
API = "/api/v1"


def body(r):
    return json.loads(r.content)


def token_client(username):
    from django.contrib.auth import get_user_model

    _, raw = ApiToken.issue(user=get_user_model().objects.get(username=username), name="uji")
    c = Client()
    c.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    return c


@pytest.fixture
def letters(demo, issue):
    pegawai = next(p.employee for p in demo.people if p.unit_code == "DISKOMINFO.BID1" and p.role == "staff")
    return {
        "kominfo": issue(unit_code="DISKOMINFO", persons=[pegawai]),
        "bkpsdm": issue(unit_code="BKPSDM", persons=staff(demo, "BKPSDM")),
    }


def test_schema_has_the_document_endpoints(db):
    doc = load_openapi(Client())
    for path in ("/documents", "/documents/{document_id}", "/documents/{document_id}/pdf", "/documents/{document_id}/docx",
                 "/documents/{document_id}/revoke", "/verify/{code}"):
        assert f"{API}{path}" in doc["paths"], path
    assert doc["paths"][f"{API}/verify/{{code}}"]["get"].get("security") in (None, [], [{}])


def test_list_and_detail_match_schema_and_scope(letters):
    doc = load_openapi(Client())
    c = token_client("pegawai.kominfo")
    r = c.get(f"{API}/documents")
    assert r.status_code == 200
    assert_matches_schema(doc, f"{API}/documents", r)
    assert [i["number"] for i in body(r)["items"]] == [letters["kominfo"].number]
    url = f"{API}/documents/{letters['kominfo'].pk}"
    r = c.get(url)
    assert r.status_code == 200
    assert_matches_schema(doc, url, r)
    assert body(r)["payload"]["persons"][0]["nip"]
    assert c.get(f"{API}/documents/{letters['bkpsdm'].pk}").status_code == 404


def test_files_are_served_to_parties_only(letters):
    c = token_client("pegawai.kominfo")
    pdf = c.get(f"{API}/documents/{letters['kominfo'].pk}/pdf")
    assert pdf.status_code == 200 and pdf.content[:5] == b"%PDF-"
    docx = c.get(f"{API}/documents/{letters['kominfo'].pk}/docx")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    for fmt in ("pdf", "docx"):
        r = c.get(f"{API}/documents/{letters['bkpsdm'].pk}/{fmt}")
        assert r.status_code == 404 and body(r)["code"] == "not_found"


@pytest.mark.req("PRF-3")
def test_other_region_sees_nothing(other_demo, letters):
    c = token_client("lain.admin.bkpsdm")
    assert body(c.get(f"{API}/documents"))["count"] == 0
    for suffix in ("", "/pdf", "/docx"):
        assert c.get(f"{API}/documents/{letters['kominfo'].pk}{suffix}").status_code == 404
    r = c.post(f"{API}/documents/{letters['kominfo'].pk}/revoke", {"reason": "x"}, content_type="application/json")
    assert r.status_code == 404


def test_revoke_is_for_org_admins(letters):
    pk = letters["kominfo"].pk
    url = f"{API}/documents/{pk}/revoke"
    r = token_client("kadis.kominfo").post(url, {"reason": "x"}, content_type="application/json")
    assert r.status_code == 403 and body(r)["detail"]
    admin = token_client("admin.organisasi")
    r = admin.post(url, {"reason": ""}, content_type="application/json")
    assert r.status_code == 422 and "reason" in body(r)["detail"]
    r = admin.post(url, {"reason": "Salah nama"}, content_type="application/json")
    assert r.status_code == 200 and body(r)["status"] == "revoked" and body(r)["revoke_reason"] == "Salah nama"
    r = admin.post(url, {"reason": "lagi"}, content_type="application/json")
    assert r.status_code == 409 and "sudah dicabut" in body(r)["detail"]
    assert Document.objects.get(pk=pk).is_revoked


def test_public_verify_shows_no_nip(demo, letters):
    doc_ = letters["kominfo"]
    c = Client()
    r = c.get(f"{API}/verify/{doc_.verification_code}")
    assert r.status_code == 200
    assert_matches_schema(load_openapi(c), f"{API}/verify/{doc_.verification_code}", r)
    data = body(r)
    assert data["number"] == doc_.number and data["sha256"] == doc_.sha256 and data["status"] == "issued"
    text = r.content.decode()
    for employee in doc_.parties.all():
        assert employee.nip not in text
    r = c.get(f"{API}/verify/ZZZZZZZZZZ")
    assert r.status_code == 404 and "tidak ditemukan" in body(r)["detail"]
    assert c.get(f"{API}/verify/{'x' * 100}").status_code in (404, 422)


@pytest.mark.parametrize("url", [
    "/documents/0", "/documents/abc", "/documents/99999999999999999999999", "/documents?kind=nope",
    "/documents?status=x", "/documents?page=0", "/documents?tidakada=1", "/documents/1/pdf?x=1",
])
def test_bad_input_is_4xx_with_indonesian_message(letters, url):
    r = token_client("admin.bkpsdm").get(f"{API}{url}")
    assert 400 <= r.status_code < 500, (url, r.status_code)
    assert body(r)["detail"]


def test_bad_revoke_bodies(letters):
    url = f"{API}/documents/{letters['kominfo'].pk}/revoke"
    admin = token_client("admin.bkpsdm")
    for payload in ("not json", json.dumps({"reason": 5}), json.dumps({}), json.dumps({"reason": "x" * 2000})):
        r = admin.post(url, payload, content_type="application/json")
        assert 400 <= r.status_code < 500, (payload[:20], r.status_code)
        assert body(r)["detail"]


def test_unauthenticated_is_401(letters):
    r = Client().get(f"{API}/documents")
    assert r.status_code == 401
