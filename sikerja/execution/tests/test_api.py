"""Pelaksanaan over the API: the same services and checks as the pages, refusals in the shape
{code, detail, messages}, never a 500."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from sikerja.accounts.models import ApiToken
from sikerja.execution.models import Evidence, Report
from sikerja.execution.tests.helpers import emp, individual


def client_of(username):
    _, raw = ApiToken.issue(user=get_user_model().objects.get(username=username), name="uji")
    client = Client()
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    return client


@pytest.mark.req("TJ-1", "PEL-3", "PEL-4", "MEK-3", "MEK-4", "TIK-1")
def test_the_whole_loop_over_the_api(demo):
    a = individual(demo.region)
    me, kabid, kadis = client_of("pegawai.kominfo"), client_of("kabid.aptika"), client_of("kadis.kominfo")
    mine = me.get("/api/v1/pelaksanaan").json()
    work_id = mine[0]["id"] if isinstance(mine, list) else mine["items"][0]["id"]
    assert me.post(f"/api/v1/pelaksanaan/dari-penugasan/{a.pk}").json()["id"] == work_id
    weekly = me.post(f"/api/v1/pelaksanaan/{work_id}/periode", {"period": "mingguan"}, content_type="application/json")
    assert weekly.status_code == 200 and len(weekly.json()["dues"]) > 3
    pdf = SimpleUploadedFile("bukti.pdf", b"%PDF-1.7 isi", content_type="application/pdf")
    r = me.post(
        f"/api/v1/pelaksanaan/{work_id}/laporan",
        {
            "progress": 60,
            "realisation": "Uji coba",
            "budget_realised": "750.000",
            "links": "https://contoh.go.id/a",
            "files": [pdf],
        },
    )
    assert r.status_code == 201, r.content
    body = r.json()
    assert body["article"].endswith("Pasal 12 ayat (3)") and body["budget_realised"] == 750000
    assert {e["filename"] or e["url"] for e in body["evidence"]} == {"bukti.pdf", "https://contoh.go.id/a"}
    fb = kabid.post(
        f"/api/v1/pelaksanaan/laporan/{body['id']}/umpan-balik", {"text": "Bagus"}, content_type="application/json"
    )
    assert fb.status_code == 201 and fb.json()["capacity"] == "ppk"
    detail = me.post(
        f"/api/v1/pelaksanaan/{work_id}/hasil", {"summary": "Selesai"}, content_type="application/json"
    ).json()
    first, second = sorted(detail["reviews"], key=lambda x: x["order"])
    assert first["official_id"] == emp("kabid.aptika").pk and second["accepts"]
    assert [x["id"] for x in kabid.get("/api/v1/pelaksanaan/menunggu-reviu").json()] == [first["id"]]
    ok = kabid.post(
        f"/api/v1/pelaksanaan/reviu/{first['id']}/putusan", {"decision": "teruskan"}, content_type="application/json"
    )
    assert ok.status_code == 200
    again = kabid.post(
        f"/api/v1/pelaksanaan/reviu/{first['id']}/putusan", {"decision": "teruskan"}, content_type="application/json"
    )
    assert again.status_code == 409 and again.json()["code"] == "already_decided"
    done = kadis.post(
        f"/api/v1/pelaksanaan/reviu/{second['id']}/putusan", {"decision": "teruskan"}, content_type="application/json"
    )
    assert done.json()["status"] == "selesai" and done.json()["accepted_at"]


@pytest.mark.req("PEL-3", "PEL-4", "PRF-3")
def test_refusals_are_json_with_messages_and_outsiders_get_404_or_403(demo, other_demo):
    work = individual(demo.region).work
    me = client_of("pegawai.kominfo")
    big = SimpleUploadedFile("besar.pdf", b"%PDF" + b"0" * (5 * 1024 * 1024), content_type="application/pdf")
    r = me.post(f"/api/v1/pelaksanaan/{work.pk}/laporan", {"progress": 10, "realisation": "x", "files": [big]})
    assert r.status_code == 400 and r.json()["code"] == "refused" and "5 MB" in r.json()["messages"][0]
    r = me.post(f"/api/v1/pelaksanaan/{work.pk}/laporan", {"progress": 10, "realisation": "x", "budget_realised": "-1"})
    assert r.status_code == 400 and "negatif" in r.json()["detail"]
    r = me.post(f"/api/v1/pelaksanaan/{work.pk}/laporan", {"progress": 101, "realisation": "x"})
    assert r.status_code == 422
    assert not Report.objects.filter(work=work).exists() and not Evidence.objects.filter(report__work=work).exists()
    assert client_of("lain.pegawai.kominfo").get(f"/api/v1/pelaksanaan/{work.pk}").status_code == 404
    assert client_of("kabid.riset").get(f"/api/v1/pelaksanaan/{work.pk}").status_code == 404
    r = client_of("kadis.kominfo").post(f"/api/v1/pelaksanaan/{work.pk}/laporan", {"progress": 10, "realisation": "x"})
    assert r.status_code == 403 and r.json()["code"] == "permission_denied"
    r = me.post(f"/api/v1/pelaksanaan/{work.pk}/hasil", {"summary": " "}, content_type="application/json")
    assert r.status_code == 400 and r.json()["messages"]
    assert me.get("/api/v1/pelaksanaan/99999999999999999999").status_code in (404, 422)
