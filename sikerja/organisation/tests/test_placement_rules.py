"""The kedudukan rules, pure, against every shipped profile."""

import pytest

from sikerja.organisation.rules.placement import Holder, OrgFacts, Profile, judge, pattern_key_for
from sikerja.tenancy.services import builtin_profile_data

PROFILES = {d["key"]: Profile(name=d["name"], settings=d["settings"]) for d in builtin_profile_data()}

# A small tree: Dinas (1) > Bidang (2) > Seksi (3); Sekretariat Daerah (10) > Bagian (11) > Subbag (12);
# Puskesmas (20) under the Dinas; another Dinas (30).
ORG = OrgFacts(
    parent={1: None, 2: 1, 3: 2, 10: None, 11: 10, 12: 11, 20: 1, 30: None},
    unit_name={1: "Dinas A", 2: "Bidang A", 3: "Seksi A", 10: "Setda", 11: "Bagian X", 12: "Subbag X", 20: "Puskesmas", 30: "Dinas B"},
    has_pengawas=frozenset({3, 2, 1, 12, 11, 10}),
    pattern_key={1: "dinas", 2: "dinas", 3: "dinas", 10: "setda", 11: "setda", 12: "setda", 20: "puskesmas", 30: "dinas"},
)
JPT = Holder(1, "Kadis", "jpt_pratama", "", 1)
ADM = Holder(2, "Kabid", "administrator", "", 2)
PGW = Holder(3, "Kasi", "pengawas", "", 3)
KABAG = Holder(11, "Kabag", "administrator", "", 11)
KASUBBAG = Holder(12, "Kasubbag", "pengawas", "", 12)
KAPUS = Holder(20, "Kapus", "fungsional", "ahli_muda", 20, leads_mandiri=True)
OTHER_PGW = Holder(30, "Kasi lain", "pengawas", "", 30)
JF_MADYA = Holder(100, "Madya", "fungsional", "ahli_madya", 2)
JF_MUDA = Holder(101, "Muda", "fungsional", "ahli_muda", 3)
JF_PERTAMA = Holder(102, "Pertama", "fungsional", "ahli_pertama", 3)
PELAKSANA_BIDANG = Holder(103, "Staf bidang", "pelaksana", "", 2)
PELAKSANA_SEKSI = Holder(104, "Staf seksi", "pelaksana", "", 3)
PERAWAT = Holder(105, "Perawat", "fungsional", "terampil", 20)
JF_SUBBAG = Holder(106, "Arsiparis", "fungsional", "terampil", 12)


def reqs(findings):
    return sorted({f.requirement for f in findings})


@pytest.mark.req("KED-1")
@pytest.mark.parametrize("key", sorted(PROFILES))
def test_every_profile_requires_a_superior_in_the_line(key):
    profile = PROFILES[key]
    assert reqs(judge(PELAKSANA_SEKSI, None, ORG, profile)) == ["KED-1"]
    outside = judge(PELAKSANA_SEKSI, OTHER_PGW, ORG, profile)
    assert "KED-1" in reqs(outside)
    assert any("atasan langsung dalam struktur" in f.message for f in outside)
    assert judge(PELAKSANA_SEKSI, PGW, ORG, profile) == []
    # a pejabat fungsional that leads nothing cannot be anyone's superior
    assert "KED-1" in reqs(judge(PELAKSANA_SEKSI, Holder(9, "JF biasa", "fungsional", "ahli_muda", 3), ORG, profile))


@pytest.mark.req("KED-1")
@pytest.mark.parametrize("key", sorted(PROFILES))
def test_managers_are_not_judged_as_jf_or_pelaksana(key):
    assert judge(PGW, ADM, ORG, PROFILES[key]) == []


@pytest.mark.req("KED-3")
@pytest.mark.parametrize("key", ["barito-utara", "belitung-timur"])
def test_level_patterns_of_bu_and_bt(key):
    profile = PROFILES[key]
    assert judge(JF_MADYA, JPT, ORG, profile) == []
    madya_under_adm = judge(JF_MADYA, ADM, ORG, profile)
    assert reqs(madya_under_adm) == ["KED-3"]
    assert "ahli madya" in madya_under_adm[0].message
    article = "Pasal 17 ayat (3)" if key == "barito-utara" else "Pasal 8 ayat (3)"
    assert article in madya_under_adm[0].article and profile.name in madya_under_adm[0].article
    assert judge(JF_MUDA, ADM, ORG, profile) == [] and judge(JF_MUDA, JPT, ORG, profile) == []
    assert reqs(judge(JF_MUDA, PGW, ORG, profile)) == ["KED-3"]
    assert judge(JF_PERTAMA, PGW, ORG, profile) == [] and judge(JF_PERTAMA, ADM, ORG, profile) == []
    assert reqs(judge(JF_PERTAMA, JPT, ORG, profile)) == ["KED-3"]


@pytest.mark.req("KED-3")
@pytest.mark.parametrize("key", ["mahakam-ulu", "klungkung", "penajam-paser-utara", "nasional"])
def test_profiles_silent_on_levels_add_no_level_constraint(key):
    assert "KED-3" not in reqs(judge(JF_MADYA, ADM, ORG, PROFILES[key]))
    assert "KED-3" not in reqs(judge(JF_PERTAMA, JPT, ORG, PROFILES[key]))


@pytest.mark.req("KED-4")
@pytest.mark.parametrize("key", ["barito-utara", "belitung-timur"])
def test_pelaksana_under_pengawas_or_administrator_without_pengawas(key):
    profile = PROFILES[key]
    assert judge(PELAKSANA_SEKSI, PGW, ORG, profile) == []
    with_pengawas = judge(PELAKSANA_BIDANG, ADM, ORG, profile)
    assert reqs(with_pengawas) == ["KED-4"] and "ada pejabat pengawas" in with_pengawas[0].message
    no_pengawas = OrgFacts(parent=ORG.parent, unit_name=ORG.unit_name, has_pengawas=frozenset(), pattern_key={})
    assert judge(PELAKSANA_BIDANG, ADM, no_pengawas, profile) == []
    assert reqs(judge(PELAKSANA_BIDANG, JPT, no_pengawas, profile)) == ["KED-4"]


@pytest.mark.req("KED-2", "KED-5")
def test_unit_kerja_mandiri_head_per_profile():
    # KL Ps 1 angka 17 and PPU Lamp B.1 j: the head of a unit kerja mandiri is a PPK by office.
    for key in ("klungkung", "penajam-paser-utara"):
        assert judge(PERAWAT, KAPUS, ORG, PROFILES[key]) == [], key
    # MU, BU, BT: the head supervises (KED-2) but is PPK only with delegated authority (KED-5).
    for key in ("mahakam-ulu", "barito-utara", "belitung-timur"):
        findings = judge(PERAWAT, KAPUS, ORG, PROFILES[key])
        assert reqs(findings) == ["KED-5"], key
        assert "pendelegasian" in findings[0].message
        assert judge(PERAWAT, KAPUS, ORG, PROFILES[key], delegated=True) == [], key


@pytest.mark.req("KED-5")
@pytest.mark.parametrize("key", sorted(PROFILES))
def test_assessor_below_pengawas_needs_delegation(key):
    profile = PROFILES[key]
    senior_jf = Holder(7, "JF senior", "fungsional", "ahli_madya", 3)
    refused = judge(PELAKSANA_SEKSI, senior_jf, ORG, profile)
    assert refused and all(f.article for f in refused)
    if profile.value("assessor_delegation_allowed"):
        assert judge(PELAKSANA_SEKSI, senior_jf, ORG, profile, delegated=True) == []


@pytest.mark.req("KED-7")
def test_ppu_unit_patterns():
    ppu = PROFILES["penajam-paser-utara"]
    # Setda (Lamp B.1 a): a kepala sub bagian assesses pelaksana only.
    findings = judge(JF_SUBBAG, KASUBBAG, ORG, ppu)
    assert reqs(findings) == ["KED-7"] and "huruf a" in findings[0].article
    assert judge(JF_SUBBAG, KABAG, ORG, ppu) == []
    assert judge(Holder(8, "Staf", "pelaksana", "", 12), KASUBBAG, ORG, ppu) == []
    # Dinas (huruf d): a kepala seksi assesses JF and pelaksana.
    assert judge(JF_PERTAMA, PGW, ORG, ppu) == []
    # The same placements are fine where the profile has no unit patterns.
    assert judge(JF_SUBBAG, KASUBBAG, ORG, PROFILES["klungkung"]) == []


@pytest.mark.req("KED-7")
def test_every_ppu_unit_type_of_lampiran_b1_has_a_pattern():
    patterns = PROFILES["penajam-paser-utara"].value("unit_patterns")
    expected = {"setda", "setwan", "inspektorat", "dinas", "badan", "satpol_pp", "dpmptsp", "rsud", "kecamatan", "upt_a", "kelurahan", "puskesmas", "sekolah"}
    assert expected <= set(patterns)
    for key, pattern in patterns.items():
        assert pattern["article"].startswith("Lampiran huruf B angka 1"), key
        assert pattern["sets_performance"] and pattern["assessors"], key
    assert "Koordinator Ketua Tim" in patterns["dpmptsp"]["sets_performance"]
    assert pattern_key_for(["seksi", "bidang", "rsud", "dinas"], patterns) == "rsud"
    assert pattern_key_for(["kelurahan", "kecamatan"], patterns) == "kelurahan"
    assert pattern_key_for(["bidang", "dinas"], None) is None


@pytest.mark.req("ORG-6", "KED-1")
def test_without_a_peta_jabatan_ppu_follows_the_chart_and_silent_profiles_check_the_line():
    """PPU Ps 7(4): an employee whose unit has no positions sits under a head of a unit in their
    line; a profile silent on it checks the line and the PPK's position only. Either way the
    limitation is stated, never a silent pass."""
    from sikerja.organisation.rules.placement import UNKNOWN, limitation

    org = OrgFacts(
        parent={1: None, 2: 1, 3: 2, 4: 2}, unit_name={1: "Dinas", 2: "Bidang", 3: "Seksi", 4: "Seksi Baru"},
        has_positions=frozenset({1, 2, 3}),
    )
    newcomer = Holder(50, "Baru", UNKNOWN, "", 4)
    kabid = Holder(2, "Kabid", "administrator", "", 2, leads_unit=True)
    pengawas_staff = Holder(3, "Pengawas tanpa unit", "pengawas", "", 2)  # a pengawas who heads no unit
    ppu, bu = PROFILES["penajam-paser-utara"], PROFILES["barito-utara"]
    assert judge(newcomer, kabid, org, ppu) == [] and judge(newcomer, kabid, org, bu) == []
    chart = judge(newcomer, pengawas_staff, org, ppu)
    assert [f.requirement for f in chart] == ["KED-1"] and "Pasal 7 ayat (4)" in chart[0].article
    assert judge(newcomer, pengawas_staff, org, bu) == []
    assert reqs(judge(newcomer, Holder(5, "Kasi lain", "pengawas", "", 3, leads_unit=True), org, ppu)) == ["KED-1"]
    assert reqs(judge(newcomer, None, org, bu)) == ["KED-1"]
    assert "bagan organisasi" in limitation(newcomer, org, ppu) and "Pasal 7 ayat (4)" in limitation(newcomer, org, ppu)
    assert "belum mempunyai peta jabatan" in limitation(newcomer, org, bu)
    assert "peta jabatan Seksi" in limitation(Holder(51, "Belum dipetakan", UNKNOWN, "", 3), org, ppu)
    assert "unit organisasi mana pun" in limitation(Holder(52, "Tanpa unit", UNKNOWN, "", None), org, ppu)
    assert limitation(Holder(53, "Staf", "pelaksana", "", 3), org, ppu) is None
