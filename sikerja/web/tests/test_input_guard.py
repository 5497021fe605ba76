"""The one input-cleaning layer (issue 9 item 14): a NUL byte or a lone surrogate anywhere a
client or a person can type answers 400, in the API as JSON ``{code, detail, messages}`` and on
pages as an Indonesian page, on SQLite as on PostgreSQL, and nothing is written.

Requirement: TIK-1 (one integrated application with an open API that other SPBE applications
can rely on); REQUIREMENTS.md has no requirement of its own for input safety, TIK-1 is the
closest. Placement and delegation places also name KED-6 / KED-5.
"""

import datetime as dt
import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from sikerja.accounts.models import ApiToken
from sikerja.api.tests.schema_check import assert_matches_schema, load_openapi
from sikerja.assignments.models import Assignment
from sikerja.audit.models import Event
from sikerja.letters.models import Document
from sikerja.organisation.models import Delegation, Employee, Placement

API = "/api/v1"
TODAY = dt.date.today()
NUL = "\x00"
SURROGATE = "\ud800"


def client_for(username: str) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def token_client(username: str) -> Client:
    _, raw = ApiToken.issue(user=get_user_model().objects.get(username=username), name="uji")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def post_json(client, url, data):
    # json.dumps writes a lone surrogate as the escape "\ud800", as a client's JSON library does.
    return client.post(url, data=json.dumps(data, default=str), content_type="application/json")


def written() -> tuple[int, ...]:
    return (
        Event.objects.count(),
        Placement.objects.count(),
        Delegation.objects.count(),
        Assignment.objects.count(),
        Document.objects.filter(status=Document.Status.REVOKED).count(),
    )


def assert_refused_json(response, *words):
    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["code"] == "bad_character"
    assert body["messages"] and body["detail"] == body["messages"][0]
    for word in words:
        assert word in body["detail"], body["detail"]


def _leaders(region):
    kabid = Employee.objects.get(region=region, unit__code="DISKOMINFO.BID1", position__is_leader=True)
    other = Employee.objects.get(region=region, unit__code="DISKOMINFO.BID2", position__is_leader=True)
    return kabid, other


# --- API: query parameters and paths -----------------------------------------------------------
QUERY_PLACES = [
    f"{API}/units?q=Dinas{NUL}",
    f"{API}/employees?q=1985{NUL}",
    f"{API}/documents?q=800{NUL}",
    f"{API}/penugasan/kandidat?q=a{NUL}",
    f"{API}/penugasan/kandidat?competences=Analisis{NUL}data",
    f"{API}/units?{NUL}=1",  # a parameter's name
    f"{API}/units?region=sungai{NUL}",  # the region switch every endpoint reads
    f"{API}/regions/sungai{NUL}lestari",  # a path parameter
    f"{API}/profiles/nasional{NUL}",
    f"{API}/employees?q=a%ED%A0%80",  # a surrogate's bytes reach Django as U+FFFD: harmless, answered
]


@pytest.mark.req("TIK-1")
@pytest.mark.parametrize("url", QUERY_PLACES)
def test_api_query_and_path_with_unstorable_characters_answer_400(demo, url):
    client = client_for("admin.bkpsdm")
    response = client.get(url)
    if "%ED" in url:
        # A URL is decoded with replacement characters; a lone surrogate can only come in a body.
        assert response.status_code == 200, response.content
        return
    assert_refused_json(response, "karakter NUL")
    assert_matches_schema(load_openapi(Client()), url.split("?")[0].replace(NUL, ""), response, 400)


@pytest.mark.req("TIK-1")
def test_public_verification_path_with_nul_answers_400(db):
    response = Client().get(f"{API}/verify/abc{NUL}def")
    assert_refused_json(response, "Alamat halaman")


# --- API: JSON bodies ------------------------------------------------------------------------------
@pytest.mark.req("KED-6", "TIK-1")
@pytest.mark.parametrize("bad", [NUL, SURROGATE])
def test_placement_basis_number_with_unstorable_character(demo, bad):
    employee = Employee.objects.filter(region=demo.region, position__kind="pelaksana").first()
    kabid, _ = _leaders(demo.region)
    before = written()
    response = post_json(
        token_client("admin.bkpsdm"),
        f"{API}/placements",
        {
            "employee_id": employee.pk,
            "assessor_id": kabid.pk,
            "basis_number": f"800/{bad}/1",
            "basis_date": TODAY,
            "effective_from": TODAY,
        },
    )
    assert_refused_json(response, "basis_number")
    assert written() == before


@pytest.mark.req("KED-5", "TIK-1")
@pytest.mark.parametrize("field", ["reason", "basis_number"])
def test_delegation_reason_and_basis_with_nul(demo, field):
    kabid, other = _leaders(demo.region)
    data = {
        "kind": "plh",
        "delegator_id": kabid.pk,
        "delegate_id": other.pk,
        "starts_on": TODAY,
        "ends_on": TODAY + dt.timedelta(days=3),
        "basis_number": "800/PLH/9",
        "basis_date": TODAY,
        "reason": "cuti",
    }
    before = written()
    response = post_json(client_for("admin.bkpsdm"), f"{API}/delegations", {**data, field: f"x{NUL}y"})
    assert_refused_json(response, f"'{field}'", "karakter NUL")
    assert written() == before


@pytest.mark.req("KED-5", "TIK-1")
def test_delegation_revoke_reason_with_lone_surrogate(demo):
    kabid, other = _leaders(demo.region)
    client = client_for("admin.bkpsdm")
    created = post_json(
        client,
        f"{API}/delegations",
        {
            "kind": "plh",
            "delegator_id": kabid.pk,
            "delegate_id": other.pk,
            "starts_on": TODAY,
            "ends_on": TODAY + dt.timedelta(days=3),
            "basis_number": "800/PLH/10",
            "basis_date": TODAY,
        },
    )
    assert created.status_code == 201, created.content
    before = written()
    response = post_json(client, f"{API}/delegations/{created.json()['id']}/revoke", {"reason": f"selesai {SURROGATE}"})
    assert_refused_json(response, "tidak utuh")
    assert written() == before
    assert Delegation.objects.get(pk=created.json()["id"]).revoked_at is None


def _proposal(demo) -> dict:
    unit = demo.units["DISKOMINFO.BID1"]
    member = Employee.objects.filter(unit=unit, position__is_leader=False).first()
    return {
        "form": "individu",
        "owning_unit_id": unit.pk,
        "title": "Pemutakhiran data",
        "purpose": "Data mutakhir",
        "target": "Data lengkap",
        "starts_on": TODAY,
        "ends_on": TODAY + dt.timedelta(days=30),
        "members": [{"employee_id": member.pk}],
    }


@pytest.mark.req("TIK-1")
@pytest.mark.parametrize("field", ["title", "purpose", "target"])
def test_penugasan_title_purpose_target_with_nul(demo, field):
    before = written()
    response = post_json(client_for("kabid.aptika"), f"{API}/penugasan", {**_proposal(demo), field: f"a{NUL}"})
    assert_refused_json(response, f"'{field}'")
    assert written() == before


@pytest.mark.req("TIK-1")
def test_nested_member_and_key_with_unstorable_characters(demo):
    data = _proposal(demo)
    data["members"] = [{"employee_id": None, "external_name": f"Budi{SURROGATE}", "external_org": "Universitas"}]
    assert_refused_json(post_json(client_for("kabid.aptika"), f"{API}/penugasan", data), "members.external_name")
    assert_refused_json(
        post_json(client_for("kabid.aptika"), f"{API}/penugasan", {**_proposal(demo), f"x{NUL}": 1}), "nama kolom"
    )


@pytest.mark.req("TIK-1")
def test_standing_team_basis_number_with_nul(demo):
    before = written()
    response = post_json(
        client_for("admin.bkpsdm"),
        f"{API}/penugasan/tim-tetap",
        {
            "kind": "tim_koordinasi_spbe",
            "title": "Tim Koordinasi SPBE",
            "basis_number": f"100{NUL}",
            "basis_date": TODAY,
            "starts_on": TODAY,
            "ends_on": TODAY + dt.timedelta(days=300),
            "members": [],
        },
    )
    assert_refused_json(response, "basis_number")
    assert written() == before


@pytest.mark.req("TIK-1")
def test_document_revoke_reason_with_nul(demo):
    before = written()
    response = post_json(client_for("admin.bkpsdm"), f"{API}/documents/1/revoke", {"reason": f"salah{NUL}"})
    assert_refused_json(response, "'reason'")
    assert written() == before


# --- API: what Django, not ninja, would answer ------------------------------------------------------
@pytest.mark.req("TIK-1")
def test_malformed_json_answers_400_with_messages(demo):
    response = client_for("admin.bkpsdm").post(f"{API}/delegations", data=b'{"kind": ', content_type="application/json")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "bad_body" and body["messages"] == [body["detail"]]


@pytest.mark.req("TIK-1")
def test_deeply_nested_json_answers_400_not_500(demo):
    response = client_for("admin.bkpsdm").post(
        f"{API}/delegations", data="[" * 100_000 + "]" * 100_000, content_type="application/json"
    )
    assert response.status_code == 400 and response.json()["code"] == "bad_body"


@pytest.mark.req("TIK-1")
def test_oversized_body_answers_413_json(demo, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    response = post_json(client_for("admin.bkpsdm"), f"{API}/delegations", {"reason": "x" * 2048})
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["code"] == "too_large" and "paling besar" in response.json()["messages"][0]


@pytest.mark.req("TIK-1")
def test_unknown_route_and_wrong_method_answer_json(demo):
    client = client_for("admin.bkpsdm")
    missing = client.get(f"{API}/tidak-ada")
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    wrong = client.delete(f"{API}/units")
    assert wrong.status_code == 405 and wrong.json()["code"] == "method_not_allowed"
    assert "GET" in wrong["Allow"]


@pytest.mark.req("TIK-1")
def test_unhandled_error_answers_json_500(demo, monkeypatch):
    from sikerja.api import organisation

    def boom(*args, **kwargs):
        raise RuntimeError("rusak")

    monkeypatch.setattr(organisation, "unit_detail", boom)
    client = client_for("admin.bkpsdm")
    response = client.get(f"{API}/units/{demo.units['DISKOMINFO'].pk}")
    assert response.status_code == 500
    body = response.json()
    assert body["code"] == "server_error" and "rusak" not in body["detail"] and body["messages"]


# --- pages ---------------------------------------------------------------------------------------------
def assert_refused_page(response, text):
    assert response.status_code == 400, response.status_code
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "Isian tidak dapat disimpan" in page and text in page, page[-800:]


@pytest.mark.req("TIK-1")
@pytest.mark.parametrize("url", [f"/pegawai/?q=a{NUL}", f"/penugasan/baru/calon/?q=a{NUL}", f"/surat/?q=800{NUL}"])
def test_page_searches_with_nul_answer_an_indonesian_400_page(demo, url):
    assert_refused_page(client_for("admin.bkpsdm").get(url), "Kotak pencarian memuat karakter NUL")


@pytest.mark.req("KED-6", "TIK-1")
def test_placement_page_basis_number_with_nul(demo):
    employee = Employee.objects.filter(region=demo.region, position__kind="pelaksana").first()
    kabid, _ = _leaders(demo.region)
    before = written()
    response = client_for("admin.bkpsdm").post(
        f"/kedudukan/pegawai/{employee.pk}/",
        {"assessor": kabid.pk, "basis_number": f"800{NUL}", "basis_date": TODAY, "effective_from": TODAY},
    )
    assert_refused_page(response, "Nomor keputusan memuat karakter NUL")
    assert "basis_number" not in response.content.decode()  # no internal names on pages
    assert written() == before


@pytest.mark.req("KED-5", "TIK-1")
def test_delegation_page_reason_with_nul(demo):
    kabid, other = _leaders(demo.region)
    before = written()
    response = client_for("admin.bkpsdm").post(
        "/kedudukan/pendelegasian/",
        {
            "kind": "plh",
            "delegator": kabid.nip,
            "delegate": other.nip,
            "starts_on": TODAY,
            "ends_on": TODAY,
            "basis_number": "800/1",
            "basis_date": TODAY,
            "reason": f"cuti{NUL}",
        },
    )
    assert_refused_page(response, "Alasan memuat karakter NUL")
    assert written() == before


@pytest.mark.req("TIK-1")
def test_login_with_nul_username_is_refused_not_crashed(db):
    response = Client().post("/masuk/", {"username": f"admin{NUL}", "password": "x"})
    assert_refused_page(response, "Nama pengguna memuat karakter NUL")


@pytest.mark.req("TIK-1")
def test_oversized_form_answers_413_page(demo, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    response = client_for("admin.bkpsdm").post("/kedudukan/pendelegasian/", {"reason": "x" * 4096})
    assert response.status_code == 413 and "Permintaan terlalu besar" in response.content.decode()
