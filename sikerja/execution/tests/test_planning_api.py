"""Perencanaan, the plan, the team records and monitoring over the API: the same services as
the pages, refusals as {code, detail, messages}, 404 for another region, never a 500."""

import pytest

from sikerja.execution.tests.helpers import emp, individual, team, unit
from sikerja.execution.tests.test_api import client_of
from sikerja.execution.tests.test_planning import ROWS, _year

API = "/api/v1/pelaksanaan"


def post(client, url, data=None):
    return client.post(url, data or {}, content_type="application/json")


def put(client, url, data):
    return client.put(url, data, content_type="application/json")


@pytest.mark.req("MEK-1", "KIN-1", "TIK-1")
def test_agreement_to_linked_work_over_the_api(demo, other_demo):
    kadis, kabid = client_of("kadis.kominfo"), client_of("kabid.aptika")
    bad = post(
        kadis,
        f"{API}/perjanjian-kinerja",
        {"unit_id": unit(demo.region, "DISKOMINFO").pk, "year": 1999, "targets": ROWS},
    )
    assert bad.status_code == 400 and bad.json()["code"] == "refused" and "Tahun" in bad.json()["messages"][0]
    r = post(
        kadis,
        f"{API}/perjanjian-kinerja",
        {"unit_id": unit(demo.region, "DISKOMINFO").pk, "year": _year(), "targets": ROWS},
    )
    assert r.status_code == 201, r.content
    a = r.json()
    assert [t["indikator"] for t in a["targets"]] == [row["indikator"] for row in ROWS]
    assert post(kabid, f"{API}/perjanjian-kinerja/{a['id']}/tandatangani").status_code == 403
    signed = post(kadis, f"{API}/perjanjian-kinerja/{a['id']}/tandatangani").json()
    assert signed["status"] == "disetujui"
    again = post(kadis, f"{API}/perjanjian-kinerja/{a['id']}/tandatangani")
    assert again.status_code == 409 and again.json()["code"] == "already_decided"
    target = a["targets"][0]["id"]
    wrong = post(kadis, f"{API}/target/{target}/serahkan", {"responsible_id": emp("pegawai.kominfo").pk})
    assert wrong.status_code == 400 and "Lampiran huruf C angka 4" in wrong.json()["detail"]
    handed = post(kadis, f"{API}/target/{target}/serahkan", {"responsible_id": emp("kabid.aptika").pk}).json()
    assert handed["targets"][0]["responsible_id"] == emp("kabid.aptika").pk
    s = post(kabid, f"{API}/target/{target}/strategi", {"form": "individu", "description": "Satu orang"}).json()
    strategy = s["targets"][0]["strategies"][0]["id"]
    work = individual(demo.region).work
    linked = post(kabid, f"{API}/strategi/{strategy}/kaitkan", {"work_id": work.pk}).json()
    assert linked["targets"][0]["work_ids"] == [work.pk]
    s2 = post(kabid, f"{API}/target/{a['targets'][1]['id']}/strategi", {"form": "individu", "description": "x"})
    assert s2.status_code == 403  # target 2 is not yet handed to the Kabid
    start = work.starts_on.isoformat()
    proposal = {
        "form": "tim_kerja",
        "owning_unit_id": unit(demo.region, "DISKOMINFO.BID1").pk,
        "title": "Dari strategi",
        "purpose": "Uji",
        "target": "Uji",
        "starts_on": start,
        "ends_on": work.ends_on.isoformat(),
        "members": [{"employee_id": emp("pegawai.kominfo").pk}],
        "hours_per_week": 2,
    }
    wrong_form = post(kabid, f"{API}/strategi/{strategy}/penugasan", proposal)
    assert wrong_form.status_code == 400 and "individu" in wrong_form.json()["detail"]
    made = post(kabid, f"{API}/strategi/{strategy}/penugasan", {**proposal, "form": "individu"})
    assert made.status_code == 201, made.content
    from sikerja.execution.models import Work

    assert Work.objects.get(assignment_id=made.json()["id"]).target_id == a["targets"][0]["id"]
    assert client_of("lain.kadis.kominfo").get(f"{API}/perjanjian-kinerja/{a['id']}").status_code == 404
    assert client_of("pegawai.bappeda").get(f"{API}/perjanjian-kinerja/{a['id']}").status_code == 404


@pytest.mark.req("PEL-6", "MEK-1", "TIK-1")
def test_plan_over_the_api(demo):
    work = individual(demo.region, planned=False).work
    me, kabid = client_of("pegawai.kominfo"), client_of("kabid.aptika")
    assert me.get(f"{API}/{work.pk}/rencana").json()["status"] == "belum_disusun"
    day = work.starts_on.isoformat()
    activity = {
        "name": "Survei",
        "output": "Laporan",
        "starts_on": day,
        "ends_on": day,
        "budget": [{"description": "Transport", "amount": "-1", "source_code": "DPA"}],
    }
    bad = put(me, f"{API}/{work.pk}/rencana", {"activities": [activity]})
    assert bad.status_code == 400 and "negatif" in bad.json()["detail"]
    activity["budget"][0]["amount"] = "1.250.000"
    saved = put(me, f"{API}/{work.pk}/rencana", {"activities": [activity]})
    assert saved.status_code == 200 and saved.json()["total"] == 1250000
    assert post(me, f"{API}/{work.pk}/rencana/ajukan").json()["status"] == "diajukan"
    assert post(me, f"{API}/{work.pk}/rencana/putusan", {"decision": "setujui"}).status_code == 403
    ret = post(kabid, f"{API}/{work.pk}/rencana/putusan", {"decision": "kembalikan"})
    assert ret.status_code == 400 and "Catatan" in ret.json()["detail"]
    ok = post(kabid, f"{API}/{work.pk}/rencana/putusan", {"decision": "setujui"})
    assert ok.status_code == 200 and ok.json()["status"] == "disetujui"
    assert me.get(f"{API}/{work.pk}").json()["status"] == "pelaksanaan"


@pytest.mark.req("PEL-4", "PEL-5", "TJ-4", "KIN-5", "PEL-2", "TIK-1")
def test_team_records_over_the_api(demo):
    a, ketua, others = team(demo.region)
    work = a.work
    me, kabid = client_of("pegawai.kominfo"), client_of("kabid.aptika")
    day = work.starts_on.isoformat()
    t = post(
        me,
        f"{API}/{work.pk}/tugas",
        {"title": "Olah data", "assignee_id": others[0].pk, "due_on": day, "role": "Analis"},
    )
    assert t.status_code == 201 and t.json()["tasks"][0]["title"] == "Olah data"
    outsider = post(me, f"{API}/{work.pk}/tugas", {"title": "x", "assignee_id": emp("pegawai.ikp").pk, "due_on": day})
    assert outsider.status_code == 400
    p = post(
        me,
        f"{API}/{work.pk}/kendala",
        {"title": "Server", "description": "Penuh", "recommendations": ["Tambah", "Pindah"]},
    )
    assert p.status_code == 201
    decision = p.json()["problems"][0]["decisions"][0]["id"]
    assert (
        post(client_of("kabid.ikp"), f"{API}/kendala/{decision}/putusan", {"chosen": 1}).status_code == 404
    )  # outside the unit
    d = post(kabid, f"{API}/kendala/{decision}/putusan", {"chosen": 1})
    assert d.status_code == 200 and d.json()["problems"][0]["status"] == "diputuskan"
    assert post(kabid, f"{API}/kendala/{decision}/putusan", {"chosen": 1}).status_code == 409
    rq = post(kabid, f"{API}/{work.pk}/permintaan-laporan", {"addressee_id": ketua.pk, "note": "Posisi", "due_on": day})
    assert rq.status_code == 201
    req_id = rq.json()["requests"][0]["id"]
    ans = post(me, f"{API}/permintaan-laporan/{req_id}/jawaban", {"progress": 20, "realisation": "Berjalan"})
    assert ans.status_code == 201 and ans.json()["requests"][0]["answered_at"]
    note = post(
        me, f"{API}/{work.pk}/catatan-anggota", {"member_id": others[0].pk, "rating": "sesuai", "contribution": "Baik"}
    )
    assert note.status_code == 201 and note.json()["member_notes"][0]["rating"] == "sesuai"
    other = individual(demo.region).work
    co = post(
        me,
        f"{API}/{work.pk}/koordinasi",
        {"subject": "Data", "notes": "Sepakat", "held_on": day, "other_work_id": other.pk},
    )
    assert co.status_code == 201
    assert client_of("pegawai.kominfo").get(f"{API}/{other.pk}/tim").json()["coordinations"][0]["subject"] == "Data"
    assert client_of("lain.pegawai.kominfo").get(f"{API}/{work.pk}/tim").status_code == 404


@pytest.mark.req("PEL-4", "TJ-3")
def test_monitoring_over_the_api(demo):
    work = individual(demo.region).work
    rows = client_of("kabid.aptika").get(f"{API}/pemantauan").json()
    row = next(r for r in rows if r["id"] == work.pk)
    assert row["budget_planned"] == 1500000 and row["status"] == "pelaksanaan" and row["plan_status"] == "disetujui"
    assert all(r["id"] != work.pk for r in client_of("kabid.ikp").get(f"{API}/pemantauan").json())
    assert client_of("kabid.aptika").get(f"{API}/pemantauan?tahap=x").status_code == 422
