import pytest

from sikerja.assignments.rules import Profile, individual_reports_to, ketua_reports_to, member_reports_to

from .profiles import BT, BU, KEYS, KL, MU, NAS, PPU, PROFILES

INDIVIDUAL = {
    MU: (("pimpinan_unit",), "Pasal 16"),
    KL: (("pimpinan_unit",), "Pasal 9"),
    BU: (("ppk",), "Pasal 29"),
    BT: (("ppk",), "Pasal 17"),
    PPU: (("ppk", "pimpinan_unit"), "Pasal 12 ayat (3)"),
    NAS: (("pimpinan_unit",), ""),
}
MEMBER = {
    MU: "Pasal 17 ayat (1)",
    KL: "Pasal 10 ayat (1)",
    BU: "Pasal 30 ayat (1)",
    BT: "Pasal 18 ayat (1)",
    PPU: "Lampiran huruf B angka 4 huruf b angka 1)",
    NAS: "",
}
KETUA = {
    MU: (("pimpinan_unit",), "Pasal 17 ayat (2)"),
    KL: (("pimpinan_unit",), "Pasal 10 ayat (2)"),
    BU: (("pimpinan_unit", "pimpinan_pd"), "Pasal 30 ayat (2)"),
    BT: (("pimpinan_unit", "pimpinan_pd"), "Pasal 18 ayat (2)"),
    PPU: (("ppk", "pimpinan_unit"), "Pasal 12 ayat (4)"),
    NAS: (("pimpinan_unit",), ""),
}


def _art(profile, suffix):
    return f"{profile.name} {suffix}".strip()


@pytest.mark.req("TJ-1")
@pytest.mark.parametrize("key", KEYS)
def test_individual_reports_to(key):
    profile = PROFILES[key]
    decision = individual_reports_to(profile)
    roles, suffix = INDIVIDUAL[key]
    assert (decision.roles, decision.article, decision.requirement) == (roles, _art(profile, suffix), "TJ-1")
    assert not decision.fallback


@pytest.mark.req("TJ-2")
@pytest.mark.parametrize("key", KEYS)
def test_member_reports_to_the_ketua(key):
    profile = PROFILES[key]
    decision = member_reports_to(profile)
    assert decision.roles == ("ketua",)
    assert decision.article == _art(profile, MEMBER[key])
    assert "ketua tim" in decision.message


@pytest.mark.req("TJ-3")
@pytest.mark.parametrize("key", KEYS)
def test_ketua_reports_to(key):
    profile = PROFILES[key]
    decision = ketua_reports_to(profile)
    roles, suffix = KETUA[key]
    assert (decision.roles, decision.article) == (roles, _art(profile, suffix))
    if len(roles) > 1:
        assert "dan/atau" in decision.message


@pytest.mark.req("TJ-1")
def test_a_silent_profile_reports_via_the_national_baseline_and_says_so():
    decision = individual_reports_to(Profile("Perbup Uji 1/2025", {}))
    assert decision.roles == ("pimpinan_unit",)
    assert decision.fallback and decision.article == "PermenPANRB 7/2022"
    assert decision.message.startswith("Perbup Uji 1/2025 tidak mengatur; dipakai baseline nasional")
