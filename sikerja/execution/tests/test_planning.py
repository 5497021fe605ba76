"""Perencanaan (MEK-1, KIN-1): the perjanjian kinerja signed by the leader and countersigned by
their superior, targets handed down the cascade of the unit type (PPU Lampiran C), the strategy
per target, works linked to it, and plan first under PPU Ps 5(1)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from sikerja.accounts.access import actor_for
from sikerja.accounts.models import RoleAssignment
from sikerja.execution.models import PerformanceAgreement, Work
from sikerja.execution.rules import planning as prules
from sikerja.execution.services import planning
from sikerja.execution.services.common import ExecutionError
from sikerja.execution.tests.helpers import actor, emp, individual, unit
from sikerja.organisation.models import Employee
from sikerja.organisation.rules.placement import Profile
from sikerja.tenancy.services import builtin_profile_data

ROWS = [
    {"sasaran": "Meningkatnya layanan digital", "indikator": "Persentase layanan daring", "target": "80%"},
    {"sasaran": "Tata kelola SPBE", "indikator": "Indeks SPBE", "target": "3,5"},
]


def _profile(key):
    data = next(p for p in builtin_profile_data() if p["key"] == key)
    return Profile(name=data["name"], settings=data["settings"])


def _leader(region, code):
    return Employee.objects.get(region=region, position__unit__code=code, position__is_leader=True)


def _actor_of(employee, region):
    from django.contrib.auth import get_user_model

    if employee.user_id is None:
        user = get_user_model().objects.create_user(f"uji.{employee.pk}", password="x")
        employee.user = user
        employee.save(update_fields=["user"])
        RoleAssignment.objects.create(user=user, region=region, role="pegawai")
    return actor_for(employee.user, region)


def _agreement_in_force(region, leader_login="kadis.kominfo", code="DISKOMINFO", year=None):
    a = planning.create_agreement(
        actor=actor(leader_login), unit_id=unit(region, code).pk, year=year or _year(), targets=ROWS
    )
    planning.sign_agreement(actor=actor(leader_login), agreement_id=a.pk)
    a.refresh_from_db()
    return a


def _year():
    from django.utils import timezone

    return timezone.localdate().year


@pytest.mark.req("MEK-1")
def test_plan_first_and_handover_rules_come_from_the_profile():
    ppu, bu = _profile("penajam-paser-utara"), _profile("barito-utara")
    assert prules.plan_first(ppu).required and "Pasal 5 ayat (1)" in prules.plan_first(ppu).article
    assert not prules.plan_first(bu).required
    setda = prules.handover_rule(ppu, ["setda"])
    assert setda.to_unit_types == ("asisten", "bagian") and "Lampiran huruf C angka 1" in setda.article
    dinas = prules.handover_rule(ppu, ["bidang", "dinas"])  # nearest listed type up the tree
    assert "bidang" in dinas.to_unit_types and "angka 4" in dinas.article
    assert not prules.handover_rule(bu, ["dinas"]).regulated
    refused = prules.check_handover(
        dinas,
        hander_id=1,
        responsible_id=2,
        in_subtree=True,
        responsible_leads_unit_type=None,
        responsible_kind="fungsional",
    )
    assert refused and "Sekretaris/Kepala Bidang" in refused and "Lampiran huruf C angka 4" in refused
    assert "di bawahnya" in prules.check_handover(
        dinas,
        hander_id=1,
        responsible_id=2,
        in_subtree=False,
        responsible_leads_unit_type="bidang",
        responsible_kind="",
    )


@pytest.mark.req("MEK-1", "KIN-1")
def test_leader_records_signs_and_superior_countersigns(demo):
    region = demo.region
    a = planning.create_agreement(
        actor=actor("kabid.aptika"), unit_id=unit(region, "DISKOMINFO.BID1").pk, year=_year(), targets=ROWS
    )
    assert a.status == "draf" and a.targets.count() == 2 and a.superior == emp("kadis.kominfo")
    with pytest.raises(PermissionDenied):
        planning.sign_agreement(actor=actor("kadis.kominfo"), agreement_id=a.pk)  # not pihak pertama
    planning.sign_agreement(actor=actor("kabid.aptika"), agreement_id=a.pk)
    with pytest.raises(PermissionDenied):
        planning.countersign_agreement(actor=actor("kabid.ikp"), agreement_id=a.pk)
    planning.countersign_agreement(actor=actor("kadis.kominfo"), agreement_id=a.pk)
    a.refresh_from_db()
    assert a.status == PerformanceAgreement.Status.DISETUJUI and a.superior_signed_by == emp("kadis.kominfo")
    with pytest.raises(ExecutionError, match="sudah ditandatangani"):
        planning.sign_agreement(actor=actor("kabid.aptika"), agreement_id=a.pk)
    with pytest.raises(ExecutionError, match="sudah ada"):
        planning.create_agreement(actor=actor("kabid.aptika"), unit_id=a.unit_id, year=a.year, targets=ROWS)


@pytest.mark.req("MEK-1")
@pytest.mark.parametrize(
    "rows,word",
    [
        ([], "paling sedikit satu"),
        ([{"sasaran": "x" * 501, "indikator": "a", "target": "b"}], "500"),
        ([{"sasaran": "a"}], "Indikator"),
    ],
)
def test_bad_targets_are_refused_and_nothing_is_written(demo, rows, word):
    with pytest.raises(ExecutionError, match=word):
        planning.create_agreement(
            actor=actor("kabid.aptika"), unit_id=unit(demo.region, "DISKOMINFO.BID1").pk, year=_year(), targets=rows
        )
    assert not PerformanceAgreement.objects.filter(region=demo.region, unit__code="DISKOMINFO.BID1").exists()


@pytest.mark.req("MEK-1")
def test_only_the_units_leader_records_its_agreement(demo, other_demo):
    with pytest.raises(PermissionDenied):
        planning.create_agreement(
            actor=actor("pegawai.kominfo"), unit_id=unit(demo.region, "DISKOMINFO.BID1").pk, year=_year(), targets=ROWS
        )
    with pytest.raises(PermissionDenied):  # another unit's leader
        planning.create_agreement(
            actor=actor("kabid.ikp"), unit_id=unit(demo.region, "DISKOMINFO.BID1").pk, year=_year(), targets=ROWS
        )
    with pytest.raises(Http404):  # another region's unit
        planning.create_agreement(
            actor=actor("kabid.aptika"),
            unit_id=unit(other_demo.region, "DISKOMINFO.BID1").pk,
            year=_year(),
            targets=ROWS,
        )


@pytest.mark.req("MEK-1", "KIN-1")
def test_dinas_targets_go_to_a_kepala_bidang_within_the_leaders_subtree(demo):
    a = _agreement_in_force(demo.region)
    assert a.status == "disetujui"  # a PD head signs with the kepala daerah, outside the system
    target = a.targets.first()
    with pytest.raises(ExecutionError, match="Lampiran huruf C angka 4"):
        planning.hand_target(
            actor=actor("kadis.kominfo"), target_id=target.pk, responsible_id=emp("pegawai.kominfo").pk
        )
    with pytest.raises(PermissionDenied):
        planning.hand_target(actor=actor("kabid.aptika"), target_id=target.pk, responsible_id=emp("kabid.aptika").pk)
    planning.hand_target(actor=actor("kadis.kominfo"), target_id=target.pk, responsible_id=emp("kabid.aptika").pk)
    target.refresh_from_db()
    assert target.responsible == emp("kabid.aptika") and target.handed_by == emp("kadis.kominfo")
    # the Kabid may not hand it to a leader of another bidang (outside their subtree)
    with pytest.raises(ExecutionError, match="di bawahnya"):
        planning.hand_target(actor=actor("kabid.aptika"), target_id=target.pk, responsible_id=emp("kabid.ikp").pk)


@pytest.mark.req("MEK-1", "KIN-1")
def test_setda_cascade_sekda_to_asisten_to_kepala_bagian(demo):
    region = demo.region
    a = _agreement_in_force(region, "sekda", "SETDA", year=_year() + 1)  # the demo holds this year's
    target = a.targets.first()
    asisten, kabag = _leader(region, "SETDA.AS1"), _leader(region, "SETDA.AS1.B1")
    planning.hand_target(actor=actor("sekda"), target_id=target.pk, responsible_id=asisten.pk)
    planning.hand_target(actor=_actor_of(asisten, region), target_id=target.pk, responsible_id=kabag.pk)
    target.refresh_from_db()
    assert target.responsible == kabag and target.handed_by == asisten
    staff = Employee.objects.filter(region=region, unit__code="SETDA.AS1.B1", position__is_leader=False).first()
    with pytest.raises(ExecutionError, match="Lampiran huruf C angka 1"):
        planning.hand_target(actor=_actor_of(kabag, region), target_id=target.pk, responsible_id=staff.pk)


@pytest.mark.req("MEK-1", "KIN-1", "PEL-3")
def test_strategy_and_linked_work_know_their_target(demo):
    a = _agreement_in_force(demo.region)
    target = a.targets.first()
    planning.hand_target(actor=actor("kadis.kominfo"), target_id=target.pk, responsible_id=emp("kabid.aptika").pk)
    with pytest.raises(PermissionDenied):
        planning.record_strategy(actor=actor("kadis.kominfo"), target_id=target.pk, form="individu", description="x")
    with pytest.raises(ExecutionError, match="Ketua tim hanya"):
        planning.record_strategy(
            actor=actor("kabid.aptika"), target_id=target.pk, form="individu", needs_ketua="1", description="x"
        )
    strategy = planning.record_strategy(
        actor=actor("kabid.aptika"),
        target_id=target.pk,
        form="individu",
        needs_other_units="",
        description="Satu pranata komputer",
    )
    work = individual(demo.region).work
    planning.link_work(actor=actor("kabid.aptika"), strategy_id=strategy.pk, work_id=work.pk)
    work.refresh_from_db()
    assert work.target == target and work.strategy == strategy
    other = a.targets.last()
    planning.hand_target(actor=actor("kadis.kominfo"), target_id=other.pk, responsible_id=emp("kabid.aptika").pk)
    s2 = planning.record_strategy(actor=actor("kabid.aptika"), target_id=other.pk, form="tim_kerja", description="Tim")
    with pytest.raises(ExecutionError, match="target lain"):
        planning.link_work(actor=actor("kabid.aptika"), strategy_id=s2.pk, work_id=work.pk)
    with pytest.raises(ExecutionError, match="penanggung jawabnya tidak diubah"):
        planning.hand_target(actor=actor("kabid.aptika"), target_id=target.pk, responsible_id=emp("pegawai.kominfo").pk)


@pytest.mark.req("MEK-1", "KIN-1")
def test_an_assignment_proposed_from_a_strategy_serves_its_target(demo):
    from sikerja.assignments.services import MemberInput
    from sikerja.execution.tests.helpers import base

    a = _agreement_in_force(demo.region)
    target = a.targets.first()
    planning.hand_target(actor=actor("kadis.kominfo"), target_id=target.pk, responsible_id=emp("kabid.aptika").pk)
    strategy = planning.record_strategy(
        actor=actor("kabid.aptika"), target_id=target.pk, form="individu", description="x"
    )
    assignment = planning.propose_from_strategy(
        actor=actor("kabid.aptika"),
        strategy_id=strategy.pk,
        owning_unit_id=unit(demo.region, "DISKOMINFO.BID1").pk,
        members=[MemberInput(emp("pegawai.kominfo").pk)],
        **base(),
    )
    work = Work.objects.get(assignment=assignment)
    assert work.target == target and work.strategy == strategy
    assert work.status == "perencanaan"  # PPU Ps 5(1): the plan comes first


@pytest.mark.req("MEK-1", "KIN-1", "MEK-5")
def test_agreement_pages_sign_hand_and_show_the_cascade(demo, other_demo, login):
    kadis = login("kadis.kominfo")
    page = kadis.get("/pelaksanaan/perjanjian-kinerja/")
    assert page.status_code == 200 and "Susun perjanjian kinerja unit" in page.content.decode()
    bad = kadis.post(
        "/pelaksanaan/perjanjian-kinerja/baru/", {"unit": unit(demo.region, "DISKOMINFO").pk, "year": "1999"}
    )
    assert bad.status_code == 400 and "Tahun perjanjian kinerja" in bad.content.decode()
    data = {
        "unit": unit(demo.region, "DISKOMINFO").pk,
        "year": _year(),
        "sasaran": [r["sasaran"] for r in ROWS] + [""],
        "indikator": [r["indikator"] for r in ROWS] + [""],
        "target": [r["target"] for r in ROWS] + [""],
    }
    created = kadis.post("/pelaksanaan/perjanjian-kinerja/baru/", data)
    a = PerformanceAgreement.objects.get(unit__code="DISKOMINFO", region=demo.region)
    assert created.status_code == 302 and a.targets.count() == 2
    assert kadis.post(f"/pelaksanaan/perjanjian-kinerja/{a.pk}/tandatangani/").status_code == 302
    target = a.targets.first()
    wrong = kadis.post(f"/pelaksanaan/target/{target.pk}/serahkan/", {"responsible": emp("pegawai.kominfo").pk})
    assert wrong.status_code == 400 and "Lampiran huruf C angka 4" in wrong.content.decode()
    assert (
        kadis.post(f"/pelaksanaan/target/{target.pk}/serahkan/", {"responsible": emp("kabid.aptika").pk}).status_code
        == 302
    )
    kabid = login("kabid.aptika")
    body = kabid.get(f"/pelaksanaan/perjanjian-kinerja/{a.pk}/").content.decode()
    assert "Rumuskan strategi pelaksanaan" in body and "Persentase layanan daring" in body
    assert (
        kabid.post(
            f"/pelaksanaan/target/{target.pk}/strategi/",
            {"form": "tim_kerja", "needs_ketua": "1", "description": "Tim portal"},
        ).status_code
        == 302
    )
    final = kabid.get(f"/pelaksanaan/perjanjian-kinerja/{a.pk}/").content.decode()
    assert "perlu ketua tim" in final and "Target diserahkan" in final and "Ditandatangani pihak pertama" in final
    # outside the cascade (another PD's staff) and another region: 404
    assert login("pegawai.bappeda").get(f"/pelaksanaan/perjanjian-kinerja/{a.pk}/").status_code == 404
    assert login("lain.kadis.kominfo").get(f"/pelaksanaan/perjanjian-kinerja/{a.pk}/").status_code == 404
    assert (
        login("pegawai.bappeda").post(f"/pelaksanaan/target/{target.pk}/serahkan/", {"responsible": "1"}).status_code
        == 404
    )
