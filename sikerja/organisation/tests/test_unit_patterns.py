"""PPU Lampiran B.1: the contents of every unit-type pattern, and what they decide (KED-7).

The expected table is read from the Lampiran text (regulations/perbup-penajam-paser-utara-
31-2024.txt), not from the profile: loosening or tightening any pattern turns these red.
"""

import pytest

from sikerja.organisation.rules.placement import UNIT_HEAD_JF, Holder, OrgFacts, Profile, judge
from sikerja.tenancy.services import builtin_profile_data

PPU = next(
    Profile(name=d["name"], settings=d["settings"]) for d in builtin_profile_data() if d["key"] == "penajam-paser-utara"
)
PATTERNS = PPU.value("unit_patterns")
MANDIRI = "fungsional_pimpinan_mandiri"

# PPK role -> the kinds it assesses, per Lampiran B.1 (huruf, angka of the "berperan sebagai PPK" points).
EXPECTED = {
    "setda": (
        "huruf a",
        {"administrator": {"pengawas", "fungsional", "pelaksana"}, "pengawas": {"pelaksana"}},
    ),  # 4), 5)
    "setwan": (
        "huruf b",
        {"administrator": {"pengawas", "fungsional", "pelaksana"}, "pengawas": {"pelaksana"}},
    ),  # 3), 4)
    "inspektorat": ("huruf c", {"administrator": {"pengawas", "fungsional", "pelaksana"}, "pengawas": {"pelaksana"}}),
    "dinas": (
        "huruf d",
        {"administrator": {"pengawas", "fungsional", "pelaksana"}, "pengawas": {"fungsional", "pelaksana"}},
    ),
    "badan": (
        "huruf d",
        {"administrator": {"pengawas", "fungsional", "pelaksana"}, "pengawas": {"fungsional", "pelaksana"}},
    ),
    "satpol_pp": (
        "huruf d",
        {"administrator": {"pengawas", "fungsional", "pelaksana"}, "pengawas": {"fungsional", "pelaksana"}},
    ),
    "dpmptsp": ("huruf e", {"administrator": {"fungsional", "pelaksana"}, "pengawas": {"pelaksana"}}),  # 3), 4)
    # huruf g angka 2)-4): Kepala Seksi/Sub Bagian are pejabat fungsional and PPK of JF and pelaksana.
    "rsud": (
        "huruf g",
        {"administrator": {"pengawas", "fungsional", "pelaksana"}, UNIT_HEAD_JF: {"fungsional", "pelaksana"}},
    ),
    # huruf h angka 3)-4): Sekretaris Camat assesses pengawas only; Kasubbag/Kasi assess JF and pelaksana.
    "kecamatan": ("huruf h", {"administrator": {"pengawas"}, "pengawas": {"fungsional", "pelaksana"}}),
    "upt_a": ("huruf i angka 1", {"pengawas": {"fungsional", "pelaksana"}}),
    "kelurahan": ("huruf i angka 2", {"pengawas": {"fungsional", "pelaksana"}}),
    "puskesmas": ("huruf j", {MANDIRI: {"fungsional", "pelaksana"}}),
    "sekolah": ("huruf j", {MANDIRI: {"fungsional", "pelaksana"}}),
}
SUBJECT_KINDS = ("fungsional", "pelaksana")
ROLES = ("jpt_pratama", "administrator", "pengawas", UNIT_HEAD_JF, MANDIRI)


@pytest.mark.req("KED-7")
def test_every_unit_type_pattern_says_who_is_ppk_of_whom_as_the_lampiran():
    assert set(PATTERNS) == set(EXPECTED)
    for key, (huruf, assessors) in EXPECTED.items():
        pattern = PATTERNS[key]
        assert huruf in pattern["article"], key
        assert {role: set(kinds) for role, kinds in pattern["assessors"].items()} == assessors, key
        assert pattern["sets_performance"], key


def _org(unit_type: str) -> OrgFacts:
    """Unit 1 (leader's unit) > unit 2 (section) of one type; both have a peta jabatan."""
    return OrgFacts(
        parent={1: None, 2: 1},
        unit_name={1: "Unit induk", 2: "Seksi"},
        has_pengawas=frozenset({1, 2}),
        pattern_key={1: unit_type, 2: unit_type},
        has_positions=frozenset({1, 2}),
    )


def _holder(role: str) -> Holder:
    if role == MANDIRI:
        return Holder(1, "Kepala unit mandiri", "fungsional", "ahli_muda", 2, leads_mandiri=True, leads_unit=True)
    if role == UNIT_HEAD_JF:
        return Holder(1, "Kepala seksi (JF)", "fungsional", "ahli_muda", 2, leads_unit=True)
    return Holder(1, f"Pejabat {role}", role, "", 2, leads_unit=True)


@pytest.mark.req("KED-7")
@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_each_pattern_decides_placements_by_its_contents(key):
    """For every unit type, every PPK role the pattern names and every JF/pelaksana: the
    placement is free of KED-7 findings exactly when the pattern lists that kind for that role."""
    org = _org(key)
    for role, kinds in EXPECTED[key][1].items():
        for kind in SUBJECT_KINDS:
            subject = Holder(50, "Pegawai", kind, "ahli_pertama" if kind == "fungsional" else "", 2)
            findings = judge(subject, _holder(role), org, PPU)
            ked7 = [f for f in findings if f.requirement == "KED-7"]
            if kind in kinds:
                assert findings == [], (key, role, kind, findings)
            else:
                assert ked7 and EXPECTED[key][0] in ked7[0].article, (key, role, kind)


@pytest.mark.req("KED-7")
def test_kecamatan_jf_and_pelaksana_sit_under_kasi_or_kasubbag_not_camat_or_sekcam():
    """PPU Lampiran B.1 huruf h: the Sekretaris Camat is PPK of pengawas only (angka 3)); JF and
    pelaksana are assessed by the Kepala Sub Bagian / Kepala Seksi (angka 4))."""
    org = _org("kecamatan")
    sekcam = Holder(1, "Sekretaris Camat", "administrator", "", 1, leads_unit=True)
    kasi = Holder(2, "Kepala Seksi", "pengawas", "", 2, leads_unit=True)
    jf = Holder(50, "Penyuluh", "fungsional", "ahli_pertama", 2)
    staff = Holder(51, "Pengadministrasi", "pelaksana", "", 2)
    for subject in (jf, staff):
        assert judge(subject, kasi, org, PPU) == []
        findings = judge(subject, sekcam, org, PPU)
        assert [f.requirement for f in findings] == ["KED-7"]
        assert "huruf h" in findings[0].article
    assert judge(kasi, sekcam, org, PPU) == []  # a pengawas is not judged as JF/pelaksana


@pytest.mark.req("KED-7", "KED-5")
def test_rsud_kepala_seksi_jf_is_ppk_but_a_jf_kasi_elsewhere_is_not():
    """PPU Lampiran B.1 huruf g angka 2) and 4): in an RSUD the Kepala Seksi/Sub Bagian is a
    pejabat fungsional acting as PPK for JF and pelaksana. The same placement in a Dinas
    breaks Ps 7(3)."""
    kasi_jf = _holder(UNIT_HEAD_JF)
    perawat = Holder(50, "Perawat", "fungsional", "terampil", 2)
    staff = Holder(51, "Pengadministrasi", "pelaksana", "", 2)
    for subject in (perawat, staff):
        assert judge(subject, kasi_jf, _org("rsud"), PPU) == []
        assert "KED-1" in {f.requirement for f in judge(subject, kasi_jf, _org("dinas"), PPU)}
    # the pattern gives the role, not every JF: a JF who leads nothing is still no PPK in an RSUD
    plain_jf = Holder(1, "Dokter", "fungsional", "ahli_muda", 2)
    assert "KED-1" in {f.requirement for f in judge(perawat, plain_jf, _org("rsud"), PPU)}
    # and only within the employee's line
    other = OrgFacts(
        parent={1: None, 2: 1, 3: 1},
        unit_name={1: "RSUD", 2: "Seksi A", 3: "Seksi B"},
        pattern_key={1: "rsud", 2: "rsud", 3: "rsud"},
        has_positions=frozenset({1, 2, 3}),
    )
    elsewhere = Holder(1, "Kasi B (JF)", "fungsional", "ahli_muda", 3, leads_unit=True)
    assert "KED-1" in {f.requirement for f in judge(perawat, elsewhere, other, PPU)}
