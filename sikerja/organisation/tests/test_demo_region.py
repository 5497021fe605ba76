"""The demo generator builds a region that looks like a real kabupaten (issue 2)."""

import pytest
from django.core.management import call_command

from sikerja.organisation.choices import JF_LEVEL_CATEGORY, PositionKind, UnitType
from sikerja.organisation.demo.blueprint import plan_region, scale_staff
from sikerja.organisation.models import Employee, Placement, Position, Unit
from sikerja.organisation.rules.golongan import golongan_error
from sikerja.organisation.rules.nip import parse_nip

ORG1_TYPES = {
    UnitType.SETDA, UnitType.SETWAN, UnitType.INSPEKTORAT, UnitType.DINAS, UnitType.BADAN, UnitType.SATPOL_PP,
    UnitType.DPMPTSP, UnitType.RSUD, UnitType.KECAMATAN, UnitType.KELURAHAN, UnitType.UPT_A, UnitType.UPT_B,
    UnitType.PUSKESMAS, UnitType.SEKOLAH,
}  # fmt: skip


@pytest.mark.req("ORG-1")
def test_every_unit_type_of_org1_is_present(demo):
    present = set(Unit.objects.filter(region=demo.region).values_list("unit_type", flat=True))
    assert present >= ORG1_TYPES


@pytest.mark.req("ORG-1")
def test_tree_is_consistent(demo):
    units = {u.pk: u for u in Unit.objects.filter(region=demo.region)}
    for unit in units.values():
        assert unit.perangkat_daerah_id is not None
        pd = units[unit.perangkat_daerah_id]
        assert pd.is_perangkat_daerah
        # walking up from any unit reaches its perangkat daerah
        node = unit
        while not node.is_perangkat_daerah:
            node = units[node.parent_id]
        assert node.pk == pd.pk
    kelurahan = Unit.objects.filter(region=demo.region, unit_type=UnitType.KELURAHAN).select_related("parent").first()
    assert kelurahan.parent.unit_type == UnitType.KECAMATAN  # PPU Lamp B.1 h–i


@pytest.mark.req("ORG-2")
def test_every_unit_has_one_leader_and_mandiri_units_are_led_by_a_jf(demo):
    units = Unit.objects.filter(region=demo.region)
    leaders = Position.objects.filter(unit__in=units, is_leader=True)
    assert leaders.count() == units.count()
    for pos in leaders.filter(unit__is_mandiri=True):
        assert pos.kind == PositionKind.FUNGSIONAL
    kinds = set(leaders.values_list("kind", flat=True))
    assert {PositionKind.JPT_PRATAMA, PositionKind.ADMINISTRATOR, PositionKind.PENGAWAS, PositionKind.FUNGSIONAL} <= kinds


@pytest.mark.req("ORG-3", "ORG-4", "ORG-6")
def test_peta_jabatan_holds_all_kinds_and_jf_levels(demo):
    positions = Position.objects.filter(region=demo.region)
    kinds = set(positions.values_list("kind", flat=True))
    assert {"jpt_pratama", "administrator", "pengawas", "fungsional", "pelaksana"} <= kinds
    levels = set(positions.exclude(jf_level="").values_list("jf_level", flat=True))
    assert {"ahli_madya", "ahli_muda", "ahli_pertama", "penyelia", "mahir", "terampil"} <= levels
    for pos in positions.filter(kind="fungsional"):
        assert JF_LEVEL_CATEGORY[pos.jf_level] == pos.jf_category


@pytest.mark.req("ORG-5")
def test_employees_have_valid_nip_golongan_and_competences(demo):
    employees = list(Employee.objects.filter(region=demo.region))
    assert len(employees) >= 300  # the structure needs ~420 people at least (a leader per unit)
    statuses = {e.status for e in employees}
    assert statuses == {"pns", "pppk"}
    for e in employees:
        info = parse_nip(e.nip)
        assert (info.birth_date, info.appointed_on, info.gender) == (e.birth_date, e.appointed_on, e.gender)
        assert golongan_error(e.status, e.golongan) is None
        assert e.unit_id == e.position.unit_id
    with_competence = Employee.objects.filter(region=demo.region, competence_links__isnull=False).distinct().count()
    assert with_competence == len(employees)


def test_every_jf_and_pelaksana_has_an_assessor_who_is_not_themself(demo):
    staff = Employee.objects.filter(region=demo.region, position__kind__in=["fungsional", "pelaksana"])
    placed = Placement.objects.filter(employee__in=staff, effective_until__isnull=True)
    assert placed.count() == staff.count()
    assert not placed.filter(assessor_id=models_F("employee_id")).exists()


def models_F(name):
    from django.db.models import F

    return F(name)


def test_generator_is_deterministic_and_scales():
    first = plan_region(5000)
    again = plan_region(5000)
    assert [u.code for u in first] == [u.code for u in again]
    big = plan_region(50000)
    scale_staff(big, 50000)
    total = sum((1 if u.leader else 0) + len(u.managers) + sum(c for _, c in u.staff) for u in big)
    assert abs(total - 50000) < 500
    assert len(big) > len(first)


def test_same_seed_same_people(db):
    from sikerja.organisation.demo.builder import build_demo_region

    build_demo_region(n_employees=100, seed=3, slug="a", with_users=False)
    build_demo_region(n_employees=100, seed=3, slug="b", with_users=False)
    a = list(Employee.objects.filter(region__slug="a").order_by("nip").values_list("nip", "name", "golongan"))
    b = list(Employee.objects.filter(region__slug="b").order_by("nip").values_list("nip", "name", "golongan"))
    assert a == b


def test_seed_command_refuses_a_second_run_and_skips_with_if_missing(db, capsys):
    call_command("seed_demo", "--employees", "100", "--slug", "cmd", "--no-users")
    call_command("seed_demo", "--employees", "100", "--slug", "cmd", "--if-missing")
    assert "sudah ada" in capsys.readouterr().out
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("seed_demo", "--employees", "100", "--slug", "cmd")


@pytest.mark.req("ORG-5")
def test_demo_pppk_carry_real_ni_pppk_numbers_from_2019_on(demo):
    """Issue 9 item 13: the demo's PPPK have NI PPPK (21 in digits 13-14), appointed 2019 or later;
    PNS keep the month layout."""
    pppk = list(Employee.objects.filter(region=demo.region, status="pppk"))
    assert pppk
    for e in pppk:
        assert e.nip[12:14] == "21" and int(e.nip[8:12]) >= 2019 and e.appointed_on.year >= 2019, e.nip
        assert parse_nip(e.nip, "pppk").appointed_on == e.appointed_on
    for e in Employee.objects.filter(region=demo.region, status="pns"):
        parse_nip(e.nip, "pns")
