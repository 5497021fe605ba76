"""Kinerja over the API: my SKP, evaluations, the curve check; refusals as {code, detail,
messages}; out of reach is a 404; the endpoints are in the OpenAPI schema."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from sikerja.accounts.models import ApiToken
from sikerja.performance import services
from sikerja.performance.models import Evaluation
from sikerja.performance.tests.helpers import actor, approved_skp, emp, open_year


def client_of(user):
    user = user if not isinstance(user, str) else get_user_model().objects.get(username=user)
    _, raw = ApiToken.issue(user=user, name="uji")
    client = Client()
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    return client


def items(body):
    return body if isinstance(body, list) else body["items"]


@pytest.mark.req("KIN-6", "KIN-11")
def test_my_skp_list_and_detail(demo):
    skp, rhk, _, ppk = approved_skp("pegawai.kominfo")
    me = client_of("pegawai.kominfo")
    listed = items(me.get("/api/v1/kinerja/skp").json())
    assert (skp.pk, "disetujui", 1) in [(s["id"], s["status"], s["version"]) for s in listed]
    assert {s["employee_id"] for s in listed} == {skp.employee_id}  # only my own
    detail = me.get(f"/api/v1/kinerja/skp/{skp.pk}").json()
    assert detail["rhks"][0]["ikis"][0]["target"] == "3 aplikasi"
    assert [e["label"] for e in detail["expectations"]][0] == "Berorientasi Pelayanan"
    assert len(detail["expectations"][6]["guides"]) == 3
    assert client_of("pegawai.ikp").get(f"/api/v1/kinerja/skp/{skp.pk}").status_code == 404
    everyone = items(client_of(ppk.user).get("/api/v1/kinerja/skp?mine=false").json())
    assert skp.pk in [s["id"] for s in everyone]  # the PPK sees the people they assess


@pytest.mark.req("KIN-3", "KIN-8")
def test_evaluation_over_the_api_and_its_refusals(demo):
    skp, rhk, _, ppk = approved_skp("pegawai.kominfo")
    periods = open_year(demo.region)
    c = client_of(ppk.user)
    url = f"/api/v1/kinerja/skp/{skp.pk}/evaluasi"
    bad = c.post(
        url,
        {"period_id": periods["tw1"].pk, "rating_hasil": "hebat", "rating_perilaku": "sesuai"},
        content_type="application/json",
    )
    assert bad.status_code == 422 and bad.json()["code"] == "invalid_input"
    stray = c.post(
        url,
        {
            "period_id": periods["tw1"].pk,
            "rating_hasil": "sesuai",
            "rating_perilaku": "sesuai",
            "realisations": {"999999": "x"},
        },
        content_type="application/json",
    )
    body = stray.json()
    assert stray.status_code == 400 and body["code"] == "refused" and "bukan bagian dari SKP" in body["messages"][0]
    assert not Evaluation.objects.filter(skp=skp).exists()
    ok = c.post(
        url,
        {
            "period_id": periods["tw1"].pk,
            "rating_hasil": "sesuai",
            "rating_perilaku": "di_atas",
            "realisations": {str(rhk.ikis.get().pk): "3"},
        },
        content_type="application/json",
    )
    assert ok.status_code == 200 and ok.json()["predikat"] == "baik"
    services.finalise(ppk, ok.json()["id"])
    again = c.post(
        url,
        {"period_id": periods["tw1"].pk, "rating_hasil": "sesuai", "rating_perilaku": "sesuai"},
        content_type="application/json",
    )
    assert again.status_code == 409 and again.json()["code"] == "already_decided"
    other = client_of("kabid.ikp").post(
        url,
        {"period_id": periods["tw1"].pk, "rating_hasil": "sesuai", "rating_perilaku": "sesuai"},
        content_type="application/json",
    )
    assert other.status_code == 404
    mine = items(client_of("pegawai.kominfo").get(f"/api/v1/kinerja/evaluasi?period_id={periods['tw1'].pk}").json())
    assert [(e["predikat"], e["status"]) for e in mine] == [("baik", "final")]


@pytest.mark.req("KIN-9")
def test_curve_check_over_the_api(demo, other_demo):
    periods = open_year(demo.region)
    tw1 = periods["tw1"]
    unit = emp("kabid.aptika").unit
    skp, _, _, ppk = approved_skp("pegawai.kominfo")
    services.evaluate(ppk, skp.pk, period_id=tw1.pk, rating_hasil="sesuai", rating_perilaku="sesuai")
    services.set_unit_predikat(
        actor("kadis.kominfo"), unit_id=unit.pk, period_id=tw1.pk, rating="sesuai", predikat_value="baik"
    )
    r = client_of("kadis.kominfo").get(f"/api/v1/kinerja/kurva?unit_id={unit.pk}&period_id={tw1.pk}").json()
    assert (r["org_predikat"], r["n"], r["counts"]["baik"], r["fits"]) == ("baik", 1, 1, False)
    assert {b["rule"]: b["people"] for b in r["breaches"]} == {"baik_paling_banyak_70": 1, "baik_ada_di_bawah": 1}
    assert (
        client_of("lain.admin.bkpsdm").get(f"/api/v1/kinerja/kurva?unit_id={unit.pk}&period_id={tw1.pk}").status_code
        == 404
    )
    assert client_of("kadis.kominfo").get(
        f"/api/v1/kinerja/kurva?unit_id={unit.pk}&period_id={tw1.pk}&x=1"
    ).status_code in (400, 422)


@pytest.mark.req("KIN-3")
def test_the_kinerja_endpoints_are_in_the_openapi_schema(demo):
    doc = Client().get("/api/v1/openapi.json").json()
    for path in (
        "/api/v1/kinerja/skp",
        "/api/v1/kinerja/skp/{skp_id}",
        "/api/v1/kinerja/evaluasi",
        "/api/v1/kinerja/skp/{skp_id}/evaluasi",
        "/api/v1/kinerja/kurva",
    ):
        assert path in doc["paths"], path
