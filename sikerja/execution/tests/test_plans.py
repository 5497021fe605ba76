"""Rencana pelaksanaan kegiatan dan anggaran (PEL-6) and plan first under PPU Ps 5(1) (MEK-1)."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from sikerja.execution.models import BudgetLine, Plan, Report
from sikerja.execution.services import plans, submit_report, submit_result
from sikerja.execution.services.common import ExecutionError
from sikerja.execution.tests.helpers import activities, actor, individual, team


@pytest.mark.req("PEL-6", "MEK-1")
def test_plan_first_then_approval_opens_execution(demo):
    work = individual(demo.region, planned=False).work
    assert work.status == "perencanaan"
    with pytest.raises(ExecutionError, match="Pasal 5 ayat \\(1\\)"):
        submit_report(actor=actor("pegawai.kominfo"), work_id=work.pk, progress=10, realisation="x")
    with pytest.raises(ExecutionError, match="Pasal 5 ayat \\(1\\)"):
        submit_result(actor=actor("pegawai.kominfo"), work_id=work.pk, summary="x")
    rows = activities(work, "2.500.000")
    rows[0]["budget"].append(
        {"description": "Honor narasumber", "amount": "Rp 1.000.000", "source_code": "DPA 2.16.02"}
    )
    plans.save_plan(actor=actor("pegawai.kominfo"), work_id=work.pk, activities=rows)
    with pytest.raises(PermissionDenied):
        plans.submit_plan(actor=actor("kabid.aptika"), work_id=work.pk)
    plans.submit_plan(actor=actor("pegawai.kominfo"), work_id=work.pk)
    with pytest.raises(ExecutionError, match="tidak dapat diubah"):
        plans.save_plan(actor=actor("pegawai.kominfo"), work_id=work.pk, activities=rows)
    with pytest.raises(PermissionDenied):
        plans.decide_plan(actor=actor("kabid.ikp"), work_id=work.pk, decision="setujui")
    with pytest.raises(ExecutionError, match="Catatan"):
        plans.decide_plan(actor=actor("kabid.aptika"), work_id=work.pk, decision="kembalikan", notes="")
    plans.decide_plan(actor=actor("kabid.aptika"), work_id=work.pk, decision="kembalikan", notes="Rinci honor")
    assert Plan.objects.get(work=work).status == "dikembalikan"
    plans.save_plan(actor=actor("pegawai.kominfo"), work_id=work.pk, activities=rows)
    plans.submit_plan(actor=actor("pegawai.kominfo"), work_id=work.pk)
    plans.decide_plan(actor=actor("kabid.aptika"), work_id=work.pk, decision="setujui")
    work.refresh_from_db()
    assert work.status == "pelaksanaan" and work.budget_planned == 3500000
    with pytest.raises(ExecutionError, match="sudah"):
        plans.decide_plan(actor=actor("kabid.aptika"), work_id=work.pk, decision="setujui")
    submit_report(actor=actor("pegawai.kominfo"), work_id=work.pk, progress=10, realisation="Mulai")
    assert Report.objects.filter(work=work).count() == 1


@pytest.mark.req("PEL-6")
def test_plan_is_optional_where_the_regulation_does_not_order_it(other_demo):
    work = individual(other_demo.region, prefix="lain.").work
    assert work.status == "pelaksanaan"  # Barito Utara: no plan-first rule


@pytest.mark.req("PEL-6")
@pytest.mark.parametrize(
    "change,word",
    [
        ({"budget": [{"description": "a", "amount": "-5", "source_code": "x"}]}, "negatif"),
        ({"budget": [{"description": "a", "amount": "abc", "source_code": "x"}]}, "angka rupiah"),
        ({"budget": [{"description": "a", "amount": "100", "source_code": ""}]}, "DPA"),
        ({"starts_on": "2001-01-01"}, "masa penugasan"),
        ({"ends_on": "bukan-tgl"}, "tanggal"),
        ({"name": "x" * 301}, "300"),
    ],
)
def test_bad_plans_are_refused_and_nothing_is_written(demo, change, word):
    work = individual(demo.region, planned=False).work
    rows = activities(work)
    rows[0].update(change)
    with pytest.raises(ExecutionError, match=word):
        plans.save_plan(actor=actor("pegawai.kominfo"), work_id=work.pk, activities=rows)
    assert not BudgetLine.objects.filter(activity__plan__work=work).exists()


@pytest.mark.req("PEL-6", "PEL-4")
def test_plan_pages_draft_submit_approve(demo, other_demo, login):
    work = individual(demo.region, planned=False).work
    me = login("pegawai.kominfo")
    page = me.get(f"/pelaksanaan/{work.pk}/rencana/")
    assert page.status_code == 200 and "Susun rencana" in page.content.decode()
    assert "Tahap perencanaan" in me.get(f"/pelaksanaan/{work.pk}/").content.decode()
    day = work.starts_on.isoformat()
    data = {
        "name": ["Survei", "Survei", ""],
        "output": ["Laporan survei", "", ""],
        "starts_on": [day, day, ""],
        "ends_on": [day, day, ""],
        "b_desc": ["Transport", "Konsumsi", ""],
        "b_amount": ["1.000.000", "500.000", ""],
        "b_code": ["DPA-1", "DPA-2", ""],
    }
    bad = me.post(f"/pelaksanaan/{work.pk}/rencana/simpan/", {**data, "b_amount": ["-1", "500.000", ""]})
    assert bad.status_code == 400 and "tidak boleh negatif" in bad.content.decode()
    assert me.post(f"/pelaksanaan/{work.pk}/rencana/simpan/", data).status_code == 302
    plan = Plan.objects.get(work=work)
    assert plan.activities.count() == 1 and plan.activities.get().budget_lines.count() == 2
    assert me.post(f"/pelaksanaan/{work.pk}/rencana/ajukan/").status_code == 302
    kabid = login("kabid.aptika")
    body = kabid.get(f"/pelaksanaan/{work.pk}/rencana/").content.decode()
    assert "Setujui rencana" in body and "Rp1.500.000" in body
    assert login("pegawai.ikp").post(
        f"/pelaksanaan/{work.pk}/rencana/putuskan/", {"decision": "setujui"}
    ).status_code in (403, 404)
    assert kabid.post(f"/pelaksanaan/{work.pk}/rencana/putuskan/", {"decision": "setujui"}).status_code == 302
    work.refresh_from_db()
    assert work.status == "pelaksanaan" and work.budget_planned == 1500000
    assert login("lain.kabid.aptika").get(f"/pelaksanaan/{work.pk}/rencana/").status_code == 404


@pytest.mark.req("PEL-6", "PEL-4")
def test_team_members_draft_with_the_ketua(demo):
    a, ketua, others = team(demo.region, planned=False)
    work = a.work
    from sikerja.execution.tests.helpers import actor as act

    member_login = others[0].user.username if others[0].user_id else None
    if member_login:
        plans.save_plan(actor=act(member_login), work_id=work.pk, activities=activities(work))
    else:
        plans.save_plan(actor=act("pegawai.kominfo"), work_id=work.pk, activities=activities(work))
    plans.submit_plan(actor=act("pegawai.kominfo"), work_id=work.pk)
    assert Plan.objects.get(work=work).status == "diajukan"
    assert dt.date.today() <= work.ends_on
