import pytest

from sikerja.assignments.rules import Profile, letter_signer

from .profiles import BT, BU, KEYS, KL, MU, NAS, PPU, PROFILES, SCOPES

GENERAL = ("ppk", "pimpinan_unit")
# (profile, scope) -> (signers, article suffix, source, instrument)
INDIVIDUAL = {
    (BU, "dalam_unit"): (("ppk",), "Pasal 23 ayat (5)", "profil", "surat_perintah"),
    (BU, "lintas_unit"): (("kepala_pd",), "Pasal 20 ayat (4)", "profil", "surat_perintah"),
    (BU, "lintas_pd"): (("sekretaris_daerah",), "Pasal 20 ayat (4)", "profil", "surat_perintah"),
    (BU, "lintas_instansi"): (("ppk",), "Pasal 23 ayat (5)", "aturan_umum", "surat_perintah"),
    (BT, "dalam_unit"): (("ppk",), "Pasal 13 ayat (5)", "profil", "surat_perintah"),
    (BT, "lintas_unit"): (("kepala_pd",), "Pasal 10 ayat (4)", "profil", "surat_perintah"),
    (BT, "lintas_pd"): (("sekretaris_daerah",), "Pasal 10 ayat (4)", "profil", "surat_perintah"),
    (BT, "lintas_instansi"): (("ppk",), "Pasal 13 ayat (5)", "aturan_umum", "surat_perintah"),
    (PPU, "dalam_unit"): (("pimpinan_unit",), "Pasal 9 ayat (4)", "profil", "surat_perintah_tugas"),
    (PPU, "lintas_unit"): (("pimpinan_unit_pemilik_kinerja",), "Pasal 11 ayat (1) huruf c", "profil", "surat_perintah_tugas"),
    (PPU, "lintas_pd"): (("pimpinan_unit_pemilik_kinerja",), "Pasal 11 ayat (1) huruf c", "profil", "surat_perintah_tugas"),
    (PPU, "lintas_instansi"): (("pimpinan_unit",), "Pasal 9 ayat (4)", "aturan_umum", "surat_perintah_tugas"),
    **{(MU, s): (GENERAL, "Pasal 13 ayat (4)", "aturan_umum", None) for s in SCOPES[:3]},
    **{(KL, s): (GENERAL, "Pasal 7 ayat (4)", "aturan_umum", None) for s in SCOPES},
    **{(NAS, s): (GENERAL, "", "aturan_umum", None) for s in SCOPES},
}  # fmt: skip
TEAM = {
    (BU, "dalam_unit"): (("ppk",), "Pasal 21 ayat (1) dan ayat (4)", "profil", "surat_perintah"),
    (BU, "lintas_unit"): (("ppk", "sekretaris_daerah"), "Pasal 21 ayat (1) dan ayat (4)", "aturan_umum", None),
    (BU, "lintas_pd"): (("sekretaris_daerah",), "Pasal 21 ayat (1) dan ayat (4)", "profil", "surat_perintah"),
    (BU, "lintas_instansi"): (("ppk", "sekretaris_daerah"), "Pasal 21 ayat (1) dan ayat (4)", "aturan_umum", None),
    (BT, "dalam_unit"): (("ppk",), "Pasal 11 ayat (1) dan ayat (4)", "profil", "surat_perintah"),
    (BT, "lintas_unit"): (("ppk", "sekretaris_daerah"), "Pasal 11 ayat (1) dan ayat (4)", "aturan_umum", None),
    (BT, "lintas_pd"): (("sekretaris_daerah",), "Pasal 11 ayat (1) dan ayat (4)", "profil", "surat_perintah"),
    (BT, "lintas_instansi"): (("ppk", "sekretaris_daerah"), "Pasal 11 ayat (1) dan ayat (4)", "aturan_umum", None),
    (PPU, "dalam_unit"): (("pimpinan_unit",), "Pasal 10 ayat (1)", "profil", "keputusan"),
    (PPU, "lintas_unit"): (("pimpinan_unit_pemilik_kinerja",), "Pasal 10 ayat (4)", "profil", "keputusan"),
    (PPU, "lintas_pd"): (("pimpinan_unit_pemilik_kinerja",), "Pasal 10 ayat (4)", "profil", "keputusan"),
    (PPU, "lintas_instansi"): (("pimpinan_unit",), "Pasal 10 ayat (1)", "aturan_umum", None),
    **{(MU, s): (GENERAL, "Pasal 13 ayat (4) jo. Pasal 12 ayat (2)", "aturan_umum", None) for s in SCOPES[:3]},
    **{(KL, s): (GENERAL, "Pasal 7 ayat (4) jo. Pasal 6 ayat (2)", "aturan_umum", None) for s in SCOPES},
    **{(NAS, s): (GENERAL, "", "aturan_umum", None) for s in SCOPES},
}  # fmt: skip


def _requirement(scope):
    return "PEN-5" if scope == "dalam_unit" else "PEN-7"


def _check(decision, profile, expected):
    signers, suffix, source, instrument = expected
    assert decision.allowed
    assert decision.signers == signers
    assert decision.signer_article == f"{profile.name} {suffix}".strip()
    assert decision.signer_source == source
    assert decision.instrument == instrument
    if instrument is None:
        assert set(decision.instrument_options) == {
            "surat_perintah",
            "surat_tugas",
            "surat_perintah_tugas",
            "keputusan",
        }
        assert decision.instrument_source == "tidak_diatur"
        assert any("tidak menentukan jenis naskah" in m for m in decision.messages)
    if source != "profil":
        assert decision.fallback
        assert any("sebagai pengganti dipakai aturan umum" in m for m in decision.messages)


@pytest.mark.parametrize(
    ("key", "scope"),
    [pytest.param(k, s, marks=pytest.mark.req(_requirement(s)), id=f"{s}-{k}") for s in SCOPES for k in KEYS],
)
def test_individual_letter_signer(key, scope):
    profile = PROFILES[key]
    decision = letter_signer(profile, scope, "individu")
    assert decision.requirement == _requirement(scope)
    if (key, scope) not in INDIVIDUAL:
        assert not decision.allowed and decision.signers == ()
        assert "tidak mengatur penugasan lintas instansi" in decision.messages[0]
        return
    _check(decision, profile, INDIVIDUAL[(key, scope)])


@pytest.mark.req("PEN-8")
@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("scope", SCOPES)
def test_team_letter_signer(key, scope):
    profile = PROFILES[key]
    decision = letter_signer(profile, scope, "tim_kerja")
    assert decision.requirement == "PEN-8"
    if (key, scope) not in TEAM:
        assert not decision.allowed
        return
    _check(decision, profile, TEAM[(key, scope)])


@pytest.mark.req("PEN-7")
def test_barito_utara_cross_pd_is_signed_by_the_sekretaris_daerah():
    decision = letter_signer(PROFILES[BU], "lintas_pd", "individu")
    assert decision.signer == "sekretaris_daerah"
    assert decision.article == "Perbup Barito Utara 18/2024 Pasal 20 ayat (4)"
    assert not decision.fallback
    assert "Sekretaris Daerah" in decision.messages[0]


@pytest.mark.req("PEN-7")
def test_a_silent_profile_falls_back_to_the_national_baseline_and_says_so():
    baseline = Profile(
        "Baseline uji",
        {
            "letter_signer": {"value": {"lintas_unit": "kepala_pd"}, "article": "Pasal 99"},
            "individual_letter_kind": {"value": "surat_tugas", "article": "Pasal 98"},
        },
    )
    decision = letter_signer(PROFILES[MU], "lintas_unit", "individu", baseline=baseline)
    assert decision.signers == ("kepala_pd",)
    assert decision.signer_source == "baseline_nasional"
    assert decision.signer_article == "Baseline uji Pasal 99"
    assert decision.instrument == "surat_tugas" and decision.instrument_source == "baseline_nasional"
    assert decision.fallback
    assert decision.messages[0].startswith("Perbup Mahakam Ulu 44/2024 tidak mengatur penanda tangan khusus")
    assert "baseline nasional" in decision.messages[0]
    # Where the profile speaks, the baseline is not consulted.
    own = letter_signer(PROFILES[BU], "lintas_unit", "individu", baseline=baseline)
    assert own.signers == ("kepala_pd",) and own.signer_source == "profil"
    assert own.instrument == "surat_perintah"


@pytest.mark.req("PEN-8")
@pytest.mark.parametrize("key", KEYS)
def test_a_decree_required_by_another_law_makes_the_team_instrument_a_keputusan(key):
    profile = PROFILES[key]
    decision = letter_signer(profile, "dalam_unit", "tim_kerja", law_requires_decree=True)
    assert decision.instrument == "keputusan"
    if key in (BU, BT):
        assert decision.instrument_article.endswith("ayat (5)")
        assert decision.instrument_source == "profil"
    else:
        assert decision.instrument_source == "tidak_diatur"
        assert "tidak menghalangi" in decision.messages[-1]


@pytest.mark.req("PEN-7")
def test_unknown_form_is_an_error():
    with pytest.raises(ValueError):
        letter_signer(PROFILES[BU], "dalam_unit", "kelompok")
