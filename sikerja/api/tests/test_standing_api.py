"""Standing teams through the API (issue 9 item 7): the same service as the page decides, so a
composition the regulation forbids is refused here as it is on the form."""

import json

import pytest

from sikerja.assignments.models import Assignment
from sikerja.assignments.tests.test_standing import MU, MU_KOORDINASI, leader, use_profile, user


def body(region, ketua_code, anggota_codes, **kw):
    data = {
        "kind": "tim_koordinasi_spbe", "title": "Tim Koordinasi SPBE", "purpose": "Koordinasi SPBE",
        "basis_number": "100.3.3.2/077/2025", "basis_date": "2025-12-15", "starts_on": "2026-01-01",
        "ends_on": "2026-12-31", "hours_per_week": 2,
        "members": [{"employee_id": leader(region, ketua_code).pk, "role": "ketua"}]
        + [{"employee_id": leader(region, c).pk, "role": "anggota"} for c in anggota_codes],
    }
    data.update(kw)
    return json.dumps(data)


@pytest.mark.req("TIK-2")
def test_api_refuses_a_mahakam_ulu_tim_koordinasi_that_breaks_ps_24(demo, token_for):
    region = use_profile(demo.region, MU)
    client, _ = token_for(user("admin.organisasi"))
    bad = client.post("/api/v1/penugasan/tim-tetap", body(region, "DISKOMINFO", ["BAPPEDA"]), content_type="application/json")
    assert bad.status_code == 400, bad.content
    out = bad.json()
    assert out["code"] == "refused" and any("Pasal 24 ayat (4)" in m for m in out["messages"])
    assert not Assignment.objects.exclude(standing_kind="").exists()
    good = client.post("/api/v1/penugasan/tim-tetap", body(region, "SETDA", MU_KOORDINASI), content_type="application/json")
    assert good.status_code == 201, good.content
    again = client.post("/api/v1/penugasan/tim-tetap", body(region, "SETDA", MU_KOORDINASI), content_type="application/json")
    assert again.status_code == 400 and "sudah tercatat" in again.json()["detail"]
    assert Assignment.objects.exclude(standing_kind="").count() == 1


@pytest.mark.req("TIK-2")
def test_api_standing_team_is_for_recorders_only(demo, token_for):
    client, _ = token_for(user("kadis.kominfo"))
    response = client.post("/api/v1/penugasan/tim-tetap", body(demo.region, "DISKOMINFO", []), content_type="application/json")
    assert response.status_code == 403
    assert not Assignment.objects.exclude(standing_kind="").exists()
