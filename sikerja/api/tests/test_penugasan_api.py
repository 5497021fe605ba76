"""Penugasan over the API (issue 5, TIK-1): every flow through the same services as the pages,
every response as the OpenAPI document describes it, and the permission model per transition:
not your unit (403), not your region (404), not the signer (403)."""

import datetime as dt
import json

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from jsonschema import Draft202012Validator, FormatChecker

from sikerja.accounts.access import actor_for
from sikerja.api.tests.helpers import API
from sikerja.api.tests.schema_check import load_openapi, operation_for, response_schema
from sikerja.assignments import services
from sikerja.assignments.models import Assignment, Member, Step
from sikerja.assignments.services import MemberInput
from sikerja.audit.models import Event
from sikerja.letters.models import Document
from sikerja.organisation.models import Employee, EmployeeCompetence, Unit

START, END = "2026-12-01", "2027-02-26"
PEN = f"{API}/penugasan"
PATHS = {
    ("get", "/api/v1/penugasan"),
    ("post", "/api/v1/penugasan"),
    ("get", "/api/v1/penugasan/kotak-masuk"),
    ("get", "/api/v1/penugasan/kandidat"),
    ("post", "/api/v1/penugasan/calon-ketua"),
    ("post", "/api/v1/penugasan/pengajuan"),
    ("post", "/api/v1/penugasan/tim-tetap"),
    ("get", "/api/v1/penugasan/{assignment_id}"),
    ("post", "/api/v1/penugasan/{assignment_id}/langkah/{step_id}/putuskan"),
    ("post", "/api/v1/penugasan/{assignment_id}/langkah/{step_id}/terbitkan"),
    ("post", "/api/v1/penugasan/{assignment_id}/batal"),
    ("post", "/api/v1/penugasan/{assignment_id}/ubah"),
    ("post", "/api/v1/penugasan/{assignment_id}/cabut"),
    ("post", "/api/v1/penugasan/{assignment_id}/proses-bisnis"),
}


# --- helpers ----------------------------------------------------------------------------------
class Api:
    """A logged-in client that checks every answer against the OpenAPI document."""

    def __init__(self, username: str | None, schema: dict, client: Client | None = None):
        self.client = client or Client()
        if username and client is None:
            self.client.force_login(get_user_model().objects.get(username=username))
        self.schema = schema
        self.covered: set[tuple[str, str]] = set()

    def _check(self, method: str, url: str, response):
        template, _ = operation_for(self.schema, url, method)
        self.covered.add((method, template))
        data = json.loads(response.content)
        validator = Draft202012Validator(
            response_schema(self.schema, url, response.status_code, method=method), format_checker=FormatChecker()
        )
        errors = [
            f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in validator.iter_errors(data)
        ]
        assert not errors, f"{method.upper()} {url} ({response.status_code}) does not match its schema:\n" + "\n".join(
            errors[:20]
        )
        return response

    def get(self, url: str):
        return self._check("get", url, self.client.get(url))

    def post(self, url: str, data: dict | None):
        raw = "" if data is None else json.dumps(data, default=str)  # None: an empty body
        response = self.client.post(url, data=raw, content_type="application/json")
        return self._check("post", url, response)


@pytest.fixture
def api(db):
    schema = load_openapi(Client())
    made: list[Api] = []

    def _api(username: str | None = None, client: Client | None = None) -> Api:
        made.append(Api(username, schema, client))
        return made[-1]

    _api.covered = lambda: set().union(*(a.covered for a in made))
    return _api


def services_actor(username: str):
    user = get_user_model().objects.get(username=username)
    return actor_for(user, user.employee.region)


def emp(username: str) -> Employee:
    return get_user_model().objects.get(username=username).employee


def unit_id(region, code: str) -> int:
    return Unit.objects.get(region=region, code=code).pk


def individual(region, employee: Employee, **extra) -> dict:
    data = {
        "form": "individu",
        "owning_unit_id": unit_id(region, "DISKOMINFO.BID1"),
        "title": "Pengembangan aplikasi layanan",
        "purpose": "Membangun aplikasi layanan publik",
        "target": "Aplikasi berjalan di 3 OPD",
        "starts_on": START,
        "ends_on": END,
        "competences": ["Pemrograman"],
        "hours_per_week": 6,
        "members": [{"employee_id": employee.pk}],
    }
    data.update(extra)
    return data


def cross_unit(api, demo):
    """kabid.aptika proposes pegawai.ikp (another bidang of Kominfo): a permohonan to kabid.ikp,
    then the letter by kabid.aptika (PPU Ps 11(1))."""
    response = api("kabid.aptika").post(PEN, individual(demo.region, emp("pegawai.ikp")))
    assert response.status_code == 201, response.content
    data = response.json()
    request = next(s for s in data["steps"] if s["kind"] == "jawab_permohonan")
    issue = next(s for s in data["steps"] if s["kind"] == "terbitkan")
    return data, request, issue


def counts() -> tuple[int, int, int, int, int]:
    return (
        Assignment.objects.count(),
        Member.objects.count(),
        Step.objects.count(),
        Document.objects.count(),
        Event.objects.filter(object_type="assignments.assignment").count(),
    )


# --- the document ---------------------------------------------------------------------------
@pytest.mark.req("TIK-1")
def test_every_penugasan_endpoint_is_documented(db):
    schema = load_openapi(Client())
    documented = {(m, p) for p, ops in schema["paths"].items() if p.startswith("/api/v1/penugasan") for m in ops}
    assert documented == PATHS
    for method, path in PATHS:
        op = schema["paths"][path][method]
        assert op["tags"] == ["Penugasan"], path
        assert op["summary"] and op["description"], path  # Indonesian summary and description
        assert op["security"], path  # token and session, as every other router
        assert {"401", "403", "404", "422"} <= set(op["responses"]), path
        for param in op.get("parameters", []):
            assert param.get("description"), (path, param["name"])
    for path in (
        "/api/v1/penugasan/{assignment_id}/langkah/{step_id}/putuskan",
        "/api/v1/penugasan/{assignment_id}/batal",
    ):
        assert {"200", "400", "409"} <= set(schema["paths"][path]["post"]["responses"])
    assert {"201", "400"} <= set(schema["paths"]["/api/v1/penugasan"]["post"]["responses"])
    # the refusal has its own component: no clash with another router's schema of the same name
    refusal = schema["paths"]["/api/v1/penugasan"]["post"]["responses"]["400"]["content"]["application/json"]["schema"]
    name = refusal["$ref"].rsplit("/", 1)[-1]
    assert set(schema["components"]["schemas"][name]["properties"]) == {"code", "detail", "messages"}


# --- flows ------------------------------------------------------------------------------------
@pytest.mark.req("PEN-6", "PEN-7", "PEN-9", "TIK-1")
def test_cross_unit_flow_through_the_api(demo, api, token_for):
    aptika = api("kabid.aptika")
    data, request, issue = cross_unit(api, demo)
    assert data["scope"] == "lintas_unit" and data["status"] == "proses" and data["mode"] == "penunjukan"
    assert request["official_id"] == emp("kabid.ikp").pk and request["is_current"]
    assert request["request_document_number"]  # the nota dinas permohonan (PEN-6)
    assert "Pasal 11 ayat (1)" in request["article"]
    assert issue["official_id"] == emp("kabid.aptika").pk and not issue["is_current"]
    assert data["current_step_ids"] == [request["id"]]
    assert [m["employee_id"] for m in data["members"]] == [emp("pegawai.ikp").pk]
    assert [e["verb"] for e in data["events"]] == ["assignment.proposed"]
    assert data["events"][0]["actor"] == "kabid.aptika"

    # kabid.ikp finds it in the inbox, over a token this time
    token_client, _ = token_for(get_user_model().objects.get(username="kabid.ikp"))
    ikp = api(client=token_client)
    box = ikp.get(f"{PEN}/kotak-masuk").json()
    assert [s["id"] for s in box["to_act"]] == [request["id"]] and box["count"] == 1
    assert box["to_act"][0]["assignment"]["id"] == data["id"] and not box["to_act"][0]["acting_for"]

    url = f"{PEN}/{data['id']}"
    decided = ikp.post(f"{url}/langkah/{request['id']}/putuskan", {"approve": True, "reason": "Silakan"})
    assert decided.status_code == 200, decided.content
    step = next(s for s in decided.json()["steps"] if s["id"] == request["id"])
    assert step["status"] == "disetujui" and step["decided_by_id"] == emp("kabid.ikp").pk and step["decided_at"]
    assert step["reason"] == "Silakan" and step["document_number"]  # the nota dinas jawaban
    assert decided.json()["current_step_ids"] == [issue["id"]]

    issued = aptika.post(f"{url}/langkah/{issue['id']}/terbitkan", {})
    assert issued.status_code == 200, issued.content
    final = issued.json()
    assert final["status"] == "diterbitkan" and final["letter_id"] and final["letter_number"]
    assert final["current_step_ids"] == []
    assert [e["verb"] for e in final["events"]] == [
        "assignment.proposed",
        "assignment.step_decided",
        "assignment.issued",
    ]
    assert [e["actor"] for e in final["events"]] == ["kabid.aptika", "kabid.ikp", "kabid.aptika"]
    assert final["events"][1]["changes"]["status"] == "disetujui"

    pegawai = api("pegawai.ikp")
    received = pegawai.get(f"{PEN}/kotak-masuk").json()["received"]
    assert [r["assignment"]["id"] for r in received] == [data["id"]]
    assert received[0]["letter_number"] == final["letter_number"]
    assert pegawai.get(url).json()["status"] == "diterbitkan"
    listing = pegawai.get(f"{PEN}?status=diterbitkan").json()
    assert [a["id"] for a in listing["items"]] == [data["id"]] and listing["items"][0]["member_count"] == 1
    assert aptika.get(f"{PEN}?status=proses").json()["count"] == 0
    assert aptika.get(f"{PEN}?form=individu&scope=lintas_unit&mode=penunjukan").json()["count"] == 1


@pytest.mark.req("PEN-1", "PEN-5", "TIK-1")
def test_individual_within_unit_is_issued_at_once(demo, api):
    response = api("kabid.aptika").post(
        PEN, individual(demo.region, emp("pegawai.kominfo"), other_arrangements="Rapat mingguan")
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["status"] == "diterbitkan" and data["scope"] == "dalam_unit" and data["letter_number"]
    assert data["other_arrangements"] == "Rapat mingguan" and data["instrument"]
    assert [r["assignment"]["id"] for r in api("pegawai.kominfo").get(f"{PEN}/kotak-masuk").json()["received"]] == [
        data["id"]
    ]


@pytest.mark.req("PEN-9", "PEN-10", "PEN-8")
def test_cross_pd_team_with_partial_approval(demo, api):
    region = demo.region
    moved = (
        Employee.objects.filter(
            region=region, unit__code="BAPPEDA.BID2", position__kind__in=["fungsional", "pelaksana"]
        )
        .order_by("pk")
        .first()
    )
    moved.unit = Unit.objects.get(region=region, code="BAPPEDA.BID3")
    moved.save(update_fields=["unit"])
    riset = [emp("pegawai.bappeda"), moved]
    members = [{"employee_id": emp("pegawai.kominfo").pk, "role": "ketua"}, {"employee_id": emp("pegawai.ikp").pk}]
    members += [{"employee_id": e.pk} for e in riset]
    response = api("kabid.aptika").post(
        PEN, individual(region, emp("pegawai.kominfo"), form="tim_kerja", title="Tim Satu Data", members=members)
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["scope"] == "lintas_pd" and data["member_count"] == 4
    requests = {s["official_id"]: s for s in data["steps"] if s["kind"] == "jawab_permohonan"}
    assert set(requests) == {emp("kabid.ikp").pk, emp("kabid.riset").pk}
    url = f"{PEN}/{data['id']}"
    assert (
        api("kabid.ikp")
        .post(f"{url}/langkah/{requests[emp('kabid.ikp').pk]['id']}/putuskan", {"approve": True})
        .status_code
        == 200
    )
    partial = api("kabid.riset").post(
        f"{url}/langkah/{requests[emp('kabid.riset').pk]['id']}/putuskan",
        {"approve": True, "approved_member_ids": [riset[0].pk], "reason": "Sedang menyusun RKPD"},
    )
    assert partial.status_code == 200, partial.content
    by_employee = {m["employee_id"]: m for m in partial.json()["members"]}
    assert (
        by_employee[riset[1].pk]["status"] == "ditolak"
        and by_employee[riset[1].pk]["decision_reason"] == "Sedang menyusun RKPD"
    )
    assert next(s for s in partial.json()["steps"] if s["official_id"] == emp("kabid.riset").pk)["status"] == "sebagian"
    issue = next(s for s in partial.json()["steps"] if s["kind"] == "terbitkan")
    issued = api("kabid.aptika").post(f"{url}/langkah/{issue['id']}/terbitkan", {})
    assert issued.status_code == 200 and issued.json()["status"] == "diterbitkan", issued.content
    assert Document.objects.get(pk=issued.json()["letter_id"]).kind == "keputusan"  # PPU Ps 10(4)


@pytest.mark.req("PEN-12", "PEN-3")
def test_voluntary_application_through_the_api(demo, api):
    body = {
        "owning_unit_id": unit_id(demo.region, "DISKOMINFO.BID1"),
        "title": "Pengembangan aplikasi layanan",
        "purpose": "Ikut membangun aplikasi",
        "target": "Modul pengaduan selesai",
        "starts_on": START,
        "ends_on": END,
        "competences": ["Pemrograman"],
        "hours_per_week": 4,
    }
    response = api("pegawai.ikp").post(f"{PEN}/pengajuan", body)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["mode"] == "pengajuan_sukarela" and data["initiated_by_id"] == emp("pegawai.ikp").pk
    roles = [s["role"] for s in data["steps"]]
    assert roles == [
        "pegawai",
        "pimpinan_unit_pemilik_kinerja",
        "pegawai",
        "pimpinan_unit_pemilik_kinerja",
        "pegawai",
        "pimpinan_unit",
    ]  # PPU Ps 11(3)
    who = {"pegawai": "pegawai.ikp", "pimpinan_unit_pemilik_kinerja": "kabid.aptika", "pimpinan_unit": "kabid.ikp"}
    url = f"{PEN}/{data['id']}"
    for step in data["steps"][1:-1]:
        answer = api(who[step["role"]]).post(f"{url}/langkah/{step['id']}/putuskan", {"approve": True})
        assert answer.status_code == 200, (step, answer.content)
    issued = api("kabid.ikp").post(f"{url}/langkah/{data['steps'][-1]['id']}/terbitkan", {})
    assert issued.status_code == 200 and issued.json()["status"] == "diterbitkan", issued.content

    # a head of unit is not a JF or pelaksana: refused with the reason (PEN-3)
    refused = api("kabid.aptika").post(f"{PEN}/pengajuan", body)
    assert refused.status_code == 400 and "fungsional atau pelaksana" in refused.json()["detail"] and "PEN-" not in refused.json()["detail"]


@pytest.mark.req("PEN-12")
def test_cancel_by_the_applicant(demo, api):
    body = {
        "owning_unit_id": unit_id(demo.region, "DISKOMINFO.BID1"),
        "title": "Ikut kegiatan",
        "purpose": "Belajar",
        "target": "Laporan",
        "starts_on": START,
        "ends_on": END,
    }
    data = api("pegawai.ikp").post(f"{PEN}/pengajuan", body).json()
    url = f"{PEN}/{data['id']}/batal"
    assert api("kabid.aptika").post(url, {"reason": "Tidak perlu"}).status_code == 403  # a party, not the applicant
    missing = api("pegawai.ikp").post(url, {})
    assert missing.status_code == 422 and missing.json()["errors"][0]["field"] == "data.reason"
    cancelled = api("pegawai.ikp").post(url, {"reason": "Jadwal bentrok"})
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "dibatalkan"
    assert all(s["status"] in ("selesai", "dibatalkan") for s in cancelled.json()["steps"])
    again = api("pegawai.ikp").post(url, {"reason": "Sekali lagi"})
    assert again.status_code == 409 and again.json()["code"] == "already_closed"


@pytest.mark.req("PEN-4", "PEN-15")
def test_the_signer_changes_and_revokes_an_issued_assignment(demo, api):
    data = api("kabid.aptika").post(PEN, individual(demo.region, emp("pegawai.kominfo"))).json()
    url = f"{PEN}/{data['id']}"
    change = {"new_ends_on": "2027-01-29", "reason": "Data sudah lengkap"}
    assert api("pegawai.kominfo").post(f"{url}/ubah", change).status_code == 403  # the assignee is not the signer
    assert api("admin.organisasi").post(f"{url}/cabut", {"reason": "x"}).status_code == 403
    past = api("kabid.aptika").post(f"{url}/ubah", {"new_ends_on": "2026-01-01", "reason": "x"})
    assert past.status_code == 400 and "paling awal" in past.json()["detail"]
    ended = api("kabid.aptika").post(f"{url}/ubah", change)
    assert ended.status_code == 200, ended.content
    body = ended.json()
    assert body["ends_on"] == "2027-01-29" and body["status"] == "diterbitkan"
    [amendment] = body["amendments"]
    assert amendment["kind"] == "diakhiri" and amendment["previous_ends_on"] == END and amendment["document_number"]
    revoked = api("kabid.aptika").post(f"{url}/cabut", {"reason": "Kegiatan dibatalkan"})
    assert revoked.status_code == 200 and revoked.json()["status"] == "dicabut"
    assert revoked.json()["amendments"][0]["status"] == "dicabut"
    again = api("kabid.aptika").post(f"{url}/cabut", {"reason": "Lagi"})
    assert again.status_code == 409 and again.json()["code"] == "not_issued"


# --- permissions per transition ---------------------------------------------------------------
@pytest.mark.req("PEN-9", "PEN-7", "PRF-3")
def test_not_your_unit_not_your_region_not_the_signer(demo, other_demo, api):
    data, request, issue = cross_unit(api, demo)
    url = f"{PEN}/{data['id']}"
    before = counts()

    # not your unit: the head of another bidang answering kabid.ikp's request
    riset = api("kabid.riset").post(f"{url}/langkah/{request['id']}/putuskan", {"approve": True})
    assert riset.status_code == 403 and riset.json()["code"] == "permission_denied"
    # a party who is not the addressee: the service's own refusal, naming whose step it is
    aptika = api("kabid.aptika").post(f"{url}/langkah/{request['id']}/putuskan", {"approve": True})
    assert aptika.status_code == 403 and "bukan Anda" in aptika.json()["detail"]
    # not your region: the same ids from the other region are not found
    other = api("lain.kabid.aptika")
    for response in (
        other.post(f"{url}/langkah/{request['id']}/putuskan", {"approve": True}),
        other.post(f"{url}/langkah/{issue['id']}/terbitkan", {}),
        other.post(f"{url}/batal", {"reason": "x"}),
        other.get(url),
    ):
        assert response.status_code == 404 and response.json()["code"] == "not_found"
    assert data["id"] not in {a["id"] for a in other.get(PEN).json()["items"]}
    # not visible within the region either: 404 on reading (nothing leaks)
    assert api("kabid.riset").get(url).status_code == 404
    # a step of another assignment, or an unknown step
    assert api("kabid.ikp").post(f"{PEN}/{data['id']}/langkah/999999999/putuskan", {"approve": True}).status_code == 404
    assert counts() == before and Step.objects.get(pk=request["id"]).status == "menunggu"

    # the issuing step before its turn: a state conflict, not a permission
    early = api("kabid.aptika").post(f"{url}/langkah/{issue['id']}/terbitkan", {})
    assert early.status_code == 409 and early.json()["code"] == "step_not_current"
    assert api("kabid.ikp").post(f"{url}/langkah/{request['id']}/putuskan", {"approve": True}).status_code == 200
    # not the signer
    ikp = api("kabid.ikp").post(f"{url}/langkah/{issue['id']}/terbitkan", {})
    assert ikp.status_code == 403 and ikp.json()["code"] == "permission_denied"
    assert Step.objects.get(pk=issue["id"]).status == "menunggu"
    assert not Assignment.objects.get(pk=data["id"]).letter_id
    # an issuing step is not decided by approval
    wrong = api("kabid.aptika").post(f"{url}/langkah/{issue['id']}/putuskan", {"approve": True})
    assert wrong.status_code == 400 and wrong.json()["code"] == "refused"
    # only the proposer cancels
    assert api("pegawai.ikp").post(f"{url}/batal", {"reason": "Tidak mau"}).status_code == 403
    # nobody signed in
    anonymous = api(client=Client())
    assert anonymous.get(url).status_code == 401
    assert anonymous.post(f"{url}/batal", {"reason": "x"}).status_code == 401
    assert anonymous.get(PEN).status_code == 401


@pytest.mark.req("PEN-9")
def test_the_same_answer_twice_is_recorded_once(demo, api):
    data, request, _ = cross_unit(api, demo)
    url = f"{PEN}/{data['id']}/langkah/{request['id']}/putuskan"
    ikp = api("kabid.ikp")
    first = ikp.post(url, {"approve": True})
    second = ikp.post(url, {"approve": False, "reason": "Berubah pikiran"})
    assert first.status_code == 200
    assert second.status_code == 409, second.content
    assert second.json()["code"] == "already_decided" and "sudah diputus" in second.json()["detail"]
    assert Event.objects.filter(object_id=str(data["id"]), verb="assignment.step_decided").count() == 1
    assert Document.objects.filter(kind="nota_dinas_jawaban").count() == 1
    assert Step.objects.get(pk=request["id"]).status == "disetujui"
    assert Member.objects.get(assignment_id=data["id"]).status == "disetujui"


@pytest.mark.req("PEN-9")
def test_rejection_needs_a_reason(demo, api):
    data, request, _ = cross_unit(api, demo)
    url = f"{PEN}/{data['id']}/langkah/{request['id']}/putuskan"
    refused = api("kabid.ikp").post(url, {"approve": False})
    assert refused.status_code == 400 and "alasan" in refused.json()["detail"].lower()  # PPU Ps 11(1) huruf d
    rejected = api("kabid.ikp").post(url, {"approve": False, "reason": "Beban kerja penuh"})
    assert rejected.status_code == 200 and rejected.json()["status"] == "ditolak"


# --- bad input --------------------------------------------------------------------------------
@pytest.mark.req("PEN-4", "TIK-1")
def test_bad_input_is_refused_and_writes_nothing(demo, other_demo, api):
    aptika = api("kabid.aptika")
    pegawai = emp("pegawai.kominfo")
    good = individual(demo.region, pegawai)
    before = counts()

    reversed_dates = aptika.post(PEN, {**good, "starts_on": END, "ends_on": START})
    assert reversed_dates.status_code == 400
    assert reversed_dates.json()["code"] == "refused" and "mendahului" in reversed_dates.json()["detail"]
    assert reversed_dates.json()["messages"]

    missing = aptika.post(PEN, {k: v for k, v in good.items() if k not in ("target", "members")})
    assert missing.status_code == 422 and missing.json()["code"] == "invalid_input"
    assert {e["field"] for e in missing.json()["errors"]} == {
        "data.target",
        "data.members",
    }  # errors.py names body fields by argument
    assert "wajib diisi" in missing.json()["detail"]

    blank = aptika.post(PEN, {**good, "target": "  "})
    assert blank.status_code == 400 and "target" in blank.json()["detail"]

    unknown = aptika.post(PEN, {**good, "members": [{"employee_id": 999_999_999}]})
    assert unknown.status_code == 400 and "tidak ditemukan" in unknown.json()["detail"]
    other_region = Employee.objects.filter(region=other_demo.region).first()
    assert aptika.post(PEN, {**good, "members": [{"employee_id": other_region.pk}]}).status_code == 400

    for bad in (
        {**good, "form": "kelompok"},
        {**good, "members": []},
        {**good, "members": [{"employee_id": pegawai.pk, "role": "bos"}]},
        {**good, "starts_on": "besok"},
        {**good, "owning_unit_id": 2**70},
        {**good, "hours_per_week": 0},
    ):
        response = aptika.post(PEN, bad)
        assert response.status_code == 422, (bad, response.content)
    assert (
        aptika.post(PEN, {**good, "owning_unit_id": unit_id(other_demo.region, "DISKOMINFO.BID1")}).status_code == 400
    )
    assert aptika.post(f"{PEN}/pengajuan", {"owning_unit_id": good["owning_unit_id"]}).status_code == 422
    # not allowed to propose: a staff member appointing a colleague
    assert api("pegawai.kominfo").post(PEN, individual(demo.region, emp("pegawai.ikp"))).status_code == 403
    assert counts() == before

    assert aptika.get(f"{PEN}?status=selesai").status_code == 422
    assert aptika.get(f"{PEN}?unknown=1").status_code == 422
    assert aptika.get(f"{PEN}/abc").status_code == 422
    assert aptika.get(f"{PEN}?page=99").status_code == 404


@pytest.mark.req("PEN-14")
def test_overbooking_needs_a_reason_through_the_api(demo, api):
    aptika = api("kabid.aptika")
    pegawai = emp("pegawai.kominfo")
    refused = aptika.post(PEN, individual(demo.region, pegawai, hours_per_week=30))
    assert refused.status_code == 400 and "kapasitas" in refused.json()["detail"]
    with_reason = aptika.post(
        PEN,
        individual(
            demo.region,
            pegawai,
            hours_per_week=30,
            members=[{"employee_id": pegawai.pk, "overbooking_reason": "Prioritas bupati"}],
        ),
    )
    assert (
        with_reason.status_code == 201 and with_reason.json()["members"][0]["overbooking_reason"] == "Prioritas bupati"
    )


# --- candidates and ketua ---------------------------------------------------------------------
@pytest.mark.req("PEN-14", "TIK-1")
def test_candidate_search(demo, api):
    ikp = emp("pegawai.ikp")
    held = EmployeeCompetence.objects.filter(employee=ikp, level__gt=0).select_related("competence").first()
    aptika = api("kabid.aptika")
    url = f"{PEN}/kandidat?competences={held.competence.name},Tidak Ada&starts_on={START}&ends_on={END}&hours_per_week=6&limit=50"
    response = aptika.get(url)
    assert response.status_code == 200, response.content
    page = response.json()
    assert page["total"] >= 1 and page["limit"] == 50 and page["offset"] == 0
    row = next(r for r in page["items"] if r["employee_id"] == ikp.pk)  # across units: PEN-14 is region-wide
    assert row["match"]["matched"] == [held.competence.name] and row["match"]["missing"] == ["Tidak Ada"]
    assert row["availability"]["message"] and row["overbooked"] is False
    assert {r["position_kind"] for r in page["items"]} <= {"fungsional", "pelaksana"}

    narrowed = aptika.get(f"{PEN}/kandidat?unit_id={unit_id(demo.region, 'DISKOMINFO.BID2')}&q={ikp.name}").json()
    assert ikp.pk in {r["employee_id"] for r in narrowed["items"]}
    assert aptika.get(f"{PEN}/kandidat?limit=1&offset=1").json()["offset"] == 1
    assert aptika.get(f"{PEN}/kandidat").status_code == 200  # period defaults to the next 90 days

    reversed_dates = aptika.get(f"{PEN}/kandidat?starts_on={END}&ends_on={START}")
    assert reversed_dates.status_code == 400 and "mendahului" in reversed_dates.json()["detail"]
    assert aptika.get(f"{PEN}/kandidat?kinds=raja").status_code == 422
    assert aptika.get(f"{PEN}/kandidat?limit=0").status_code == 422
    assert aptika.get(f"{PEN}/kandidat?competence=x").status_code == 422  # a typo is not ignored
    assert aptika.get(f"{PEN}/kandidat?unit_id=999999999").status_code == 400

    denied = api("pegawai.kominfo").get(f"{PEN}/kandidat")
    assert denied.status_code == 403 and denied.json()["code"] == "permission_denied"


@pytest.mark.req("PEN-11", "PEN-10")
def test_ketua_ranking_explains_and_excludes(demo, other_demo, api):
    region = demo.region
    people = [emp("pegawai.kominfo"), emp("pegawai.ikp"), emp("pegawai.bappeda"), emp("kabid.ikp")]
    aptika = api("kabid.aptika")
    response = aptika.post(
        f"{PEN}/calon-ketua",
        {"employee_ids": [p.pk for p in people], "owning_unit_id": unit_id(region, "DISKOMINFO.BID1")},
    )
    assert response.status_code == 200, response.content
    ranking = response.json()
    ranked = {r["employee_id"]: r for r in ranking["ranked"]}
    excluded = {x["employee_id"]: x for x in ranking["excluded"]}
    assert set(ranked) | set(excluded) == {p.pk for p in people}
    assert emp("kabid.ikp").pk in excluded and excluded[emp("kabid.ikp").pk]["article"]  # an administrator (PEN-10)
    assert [r["position"] for r in ranking["ranked"]] == list(range(1, len(ranked) + 1))
    assert all(r["explanation"] for r in ranking["ranked"]) and ranking["criteria"] and ranking["message"]
    assert ranking["ranked"][0]["employee_id"] == emp("pegawai.kominfo").pk  # from the owning unit (PPU Ps 10(5))

    assert api("pegawai.kominfo").post(f"{PEN}/calon-ketua", {"employee_ids": [people[0].pk]}).status_code == 403
    other = Employee.objects.filter(region=other_demo.region).first()
    unknown = aptika.post(f"{PEN}/calon-ketua", {"employee_ids": [people[0].pk, other.pk]})
    assert unknown.status_code == 400 and unknown.json()["code"] == "refused"
    assert aptika.post(f"{PEN}/calon-ketua", {"employee_ids": []}).status_code == 422


# --- every endpoint against the schema, and a constant number of queries ----------------------
@pytest.mark.req("TIK-1")
def test_every_endpoint_answers_as_documented(demo, api):
    """One pass over every operation, each answer validated by the strict checker."""
    data, request, issue = cross_unit(api, demo)
    url = f"{PEN}/{data['id']}"
    aptika, ikp = api("kabid.aptika"), api("kabid.ikp")
    aptika.get(PEN)
    aptika.get(url)
    ikp.get(f"{PEN}/kotak-masuk")
    aptika.get(f"{PEN}/kandidat?limit=5")
    aptika.post(f"{PEN}/calon-ketua", {"employee_ids": [emp("pegawai.kominfo").pk]})
    ikp.post(f"{url}/langkah/{request['id']}/putuskan", {"approve": True})
    assert aptika.post(f"{url}/langkah/{issue['id']}/terbitkan", None).status_code == 200  # the body is optional
    applied = api("pegawai.ikp").post(
        f"{PEN}/pengajuan",
        {
            "owning_unit_id": unit_id(demo.region, "DISKOMINFO.BID1"),
            "title": "Ikut",
            "purpose": "Belajar",
            "target": "Laporan",
            "starts_on": START,
            "ends_on": END,
        },
    )
    api("pegawai.ikp").post(f"{PEN}/{applied.json()['id']}/batal", {"reason": "Batal"})
    from sikerja.api.tests.test_standing_api import body as standing_body

    assert (
        api("kadis.kominfo")
        .post(f"{PEN}/tim-tetap", json.loads(standing_body(demo.region, "DISKOMINFO", [])))
        .status_code
        == 403
    )
    from sikerja.processes.models import Process

    process = Process.objects.get(region=demo.region, code="PB.1.2")
    named = aptika.post(f"{url}/proses-bisnis", {"process_id": process.pk})
    assert named.status_code == 200 and named.json()["process_id"] == process.pk  # issued: it may still name it
    assert aptika.post(f"{url}/ubah", {"new_ends_on": "2027-01-29", "reason": "Selesai lebih cepat"}).status_code == 200
    assert aptika.post(f"{url}/cabut", {"reason": "Dibatalkan"}).status_code == 200
    assert api.covered() == PATHS


@pytest.mark.req("TIK-1")
def test_list_query_count_does_not_grow(demo, api):
    region = demo.region
    aptika = services_actor("kabid.aptika")
    bid1 = unit_id(region, "DISKOMINFO.BID1")
    pegawai, ikp = emp("pegawai.kominfo"), emp("pegawai.ikp")

    def make(n: int) -> None:
        for i in range(n):
            member = pegawai if i % 2 else ikp  # issued at once, or waiting for kabid.ikp
            services.propose(
                actor=aptika,
                form="individu",
                owning_unit_id=bid1,
                title=f"Kegiatan {i}",
                purpose="Uji",
                target="Uji",
                starts_on=dt.date(2026, 12, 1),
                ends_on=dt.date(2027, 2, 26),
                hours_per_week=1,
                competences=["Pemrograman"],
                members=[MemberInput(member.pk, overbooking_reason="uji")],
            )

    client = api("kabid.aptika")
    make(2)
    client.get(PEN)  # warm caches (session, content types)
    with CaptureQueriesContext(connection) as few:
        assert client.get(PEN).json()["count"] == 2
    make(8)
    with CaptureQueriesContext(connection) as many:
        listing = client.get(PEN).json()
    assert listing["count"] == 10
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]
    with CaptureQueriesContext(connection) as inbox_few:
        client.get(f"{PEN}/kotak-masuk")
    make(4)
    with CaptureQueriesContext(connection) as inbox_many:
        assert len(client.get(f"{PEN}/kotak-masuk").json()["proposed"]) == 7
    assert len(inbox_many) == len(inbox_few)


@pytest.mark.req("TIK-2")
def test_a_proposal_cannot_record_a_standing_team_around_its_composition_check(demo, api):
    """Issue 9 item 7: standing teams go through the one service that checks their composition."""
    before = counts()
    data = individual(demo.region, emp("pegawai.kominfo"), form="tim_kerja", standing_kind="tim_koordinasi_spbe")
    data["members"] = [{"employee_id": emp("pegawai.kominfo").pk, "role": "ketua"}]
    response = api("kabid.aptika").post(PEN, data)
    assert response.status_code == 400, response.content
    assert "pencatatan tim tetap" in response.json()["detail"]
    assert counts() == before
