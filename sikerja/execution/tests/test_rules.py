"""The pure rules of pelaksanaan, read from the shipped profiles (no database)."""

import datetime as dt
from decimal import Decimal

import pytest

from sikerja.execution import rules
from sikerja.organisation.rules.placement import Profile
from sikerja.tenancy.services import builtin_profile_data

P = {d["key"]: Profile(name=d["name"], settings=d["settings"]) for d in builtin_profile_data()}
PPU, BU, BT, MU, KL = (
    P[k] for k in ("penajam-paser-utara", "barito-utara", "belitung-timur", "mahakam-ulu", "klungkung")
)


@pytest.mark.req("TJ-1")
def test_individual_reports_per_regulation():
    assert rules.reporting_line(PPU, "individu").roles == ("ppk", "pimpinan_unit")
    assert "Pasal 12 ayat (3)" in rules.reporting_line(PPU, "individu").article
    assert rules.reporting_line(BU, "individu").roles == ("ppk",)
    assert rules.reporting_line(BT, "individu").article.endswith("Pasal 17")
    assert rules.reporting_line(MU, "individu").roles == ("pimpinan_unit",)
    assert rules.reporting_line(KL, "individu").article.endswith("Pasal 9")


@pytest.mark.req("TJ-2", "TJ-3")
def test_member_and_ketua_lines():
    for profile in (PPU, BU, BT, MU, KL):
        assert rules.reporting_line(profile, "anggota").roles == ("ketua",)
    assert rules.reporting_line(BU, "ketua").roles == ("pimpinan_unit", "pimpinan_pd")
    assert "Pasal 30 ayat (2)" in rules.reporting_line(BU, "ketua").article
    assert rules.reporting_line(PPU, "ketua").roles == ("ppk", "pimpinan_unit")


@pytest.mark.req("TJ-1")
def test_silent_profile_uses_national_baseline():
    silent = Profile(name="Perbup X", settings={})
    line = rules.reporting_line(silent, "individu")
    assert line.fallback and line.roles == ("pimpinan_unit",) and "PermenPANRB" in line.article
    assert "baseline nasional" in line.message


@pytest.mark.req("TJ-4")
def test_report_on_request_rule():
    assert rules.report_on_request(BU).addressees == ("ketua", "anggota")
    assert rules.report_on_request(BU).article.endswith("Pasal 30 ayat (3)")
    ppu = rules.report_on_request(PPU)  # PPU is silent: the baseline answers and says so
    assert ppu.source == rules.FROM_BASELINE and "PermenPANRB" in ppu.article


@pytest.mark.req("MEK-4", "MEK-3")
def test_setda_chain_from_ppu_lampiran_c():
    chain = rules.review_chain(PPU, "setda")
    assert [s.role for s in chain.stages] == ["ppk", "ancestor", "pimpinan_pd"]
    assert chain.stages[1].unit_types == ("asisten",)
    assert chain.stages[-1].accepts and chain.stages[-1].label == "Sekretaris Daerah"
    assert "Lampiran huruf C angka 1 huruf c" in chain.stages[0].article
    assert rules.review_chain(PPU, "rsud").stages[-1].label == "Direktur"
    kel = rules.review_chain(PPU, "kelurahan")
    assert kel.stages[0].label.startswith("Sekretaris Kelurahan") and kel.stages[-1].label == "Lurah"


@pytest.mark.req("MEK-4", "MEK-3")
def test_region_without_chain_uses_ppk_then_pimpinan_unit():
    chain = rules.review_chain(BU, "setda")
    assert chain.source == rules.FROM_BASELINE
    assert [s.role for s in chain.stages] == ["ppk", "pimpinan_unit"] and chain.stages[-1].accepts


@pytest.mark.req("MEK-4")
def test_resolve_chain_skips_vacant_and_duplicate_officials():
    chain = rules.review_chain(PPU, "setda")
    resolved = rules.resolve_chain(chain, {"ppk": 5, ("ancestor", "asisten"): 7, "pimpinan_pd": 9})
    assert [r.official_id for r in resolved] == [5, 7, 9] and resolved[-1].stage.accepts
    same = rules.resolve_chain(chain, {"ppk": 7, ("ancestor", "asisten"): 7, "pimpinan_pd": 9})
    assert [r.official_id for r in same] == [7, 9]
    vacant = rules.resolve_chain(chain, {"ppk": 5, "pimpinan_pd": None, "pimpinan_unit": 3})
    assert vacant[-1].official_id == 3 and vacant[-1].stage.accepts


@pytest.mark.req("MEK-1")
def test_three_stage_mechanism_requires_plan_only_where_regulated():
    assert rules.three_stages(PPU).plan_required and "Pasal 5 ayat (1)" in rules.three_stages(PPU).article
    assert not rules.three_stages(BU).plan_required


@pytest.mark.req("PEL-5")
def test_problem_goes_to_owning_leader_and_each_home_leader_when_several_act():
    one = rules.problem_addressees(PPU, owning_unit_id=1, home_unit_ids=[2, 3], several_must_act=False)
    assert one.unit_ids == (1,) and "Lampiran huruf B angka 3" in one.article
    many = rules.problem_addressees(PPU, owning_unit_id=1, home_unit_ids=[2, 1, 3], several_must_act=True)
    assert many.unit_ids == (1, 2, 3)
    assert (
        rules.problem_addressees(BU, owning_unit_id=1, home_unit_ids=[], several_must_act=False).source
        == rules.FROM_BASELINE
    )


@pytest.mark.req("TJ-3")
def test_reporting_periods_cover_the_assignment():
    monthly = rules.periods(dt.date(2026, 1, 31), dt.date(2026, 4, 15), "bulanan")
    assert monthly[0] == (dt.date(2026, 1, 31), dt.date(2026, 2, 27))
    assert monthly[-1][1] == dt.date(2026, 4, 15)
    weekly = rules.periods(dt.date(2026, 12, 1), dt.date(2026, 12, 31), "mingguan")
    assert len(weekly) == 5 and weekly[0][1] == dt.date(2026, 12, 7)
    with pytest.raises(ValueError):
        rules.periods(dt.date(2026, 1, 1), dt.date(2026, 2, 1), "harian")


@pytest.mark.req("PEL-6")
@pytest.mark.parametrize(
    "raw,amount",
    [("1.500.000", 1500000), ("Rp 2.000.000", 2000000), (0, 0), ("750000", 750000), ("1.500.000,00", 1500000)],
)
def test_rupiah_accepts_indonesian_amounts(raw, amount):
    assert rules.rupiah(raw) == Decimal(amount)


@pytest.mark.req("PEL-6")
@pytest.mark.parametrize("raw", ["-5", "abc", "1,5", "NaN", "1e400", "", None])
def test_rupiah_refuses_bad_amounts(raw):
    with pytest.raises(ValueError):
        rules.rupiah(raw)
    assert rules.format_rupiah(1500000) == "Rp1.500.000"
