import pytest

from sikerja.assignments.rules import needs_request, rejection_needs_reason, request_content_missing, voluntary_steps

from .profiles import BT, BU, KEYS, KL, MU, NAS, PPU, PROFILES, SCOPES

REQUEST_ARTICLE = {
    BU: "Pasal 20 ayat (3)",
    BT: "Pasal 10 ayat (3)",
    PPU: "Pasal 11 ayat (1) huruf a",
    NAS: "",
}
FULL = {"purpose": "Menyusun dokumen", "competences": ["analisis data"], "target": "1 dokumen", "duration": "3 bulan"}


@pytest.mark.req("PEN-6", "PEN-9")
@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("scope", SCOPES)
def test_needs_request(key, scope):
    profile = PROFILES[key]
    decision = needs_request(profile, scope)
    assert decision.article.startswith(profile.name)
    if key == MU and scope == "lintas_instansi":
        assert not decision.allowed and not decision.required
        return
    expected = key in REQUEST_ARTICLE and scope in ("lintas_unit", "lintas_pd")
    assert decision.required is expected
    if expected:
        assert decision.article == f"{profile.name} {REQUEST_ARTICLE[key]}".strip()
        assert "permohonan" in decision.message
    if key in (MU, KL) and scope != "dalam_unit":
        assert decision.silent and "tidak diwajibkan tetapi dapat dipakai" in decision.message
    if scope == "lintas_instansi" and key not in (MU, KL):
        assert decision.silent and "lintas instansi" in decision.message


@pytest.mark.req("PEN-6")
@pytest.mark.parametrize("key", KEYS)
def test_request_content_missing(key):
    profile = PROFILES[key]
    complete = request_content_missing(profile, FULL)
    assert complete.complete and complete.missing == ()
    partial = request_content_missing(profile, {"purpose": "Menyusun dokumen", "competences": [], "target": "  "})
    assert [m.field for m in partial.missing] == ["competences", "target", "duration"]
    assert partial.missing[0].label == "kompetensi, keahlian, dan/atau keterampilan yang dibutuhkan"
    if key in REQUEST_ARTICLE:
        assert partial.binding and not partial.complete
        assert all(m.article == f"{profile.name} {REQUEST_ARTICLE[key]}".strip() for m in partial.missing)
        assert partial.message.startswith("Permohonan belum memuat: kompetensi")
    else:  # MU, KL: silent — advice from the baseline, never a refusal
        assert not partial.binding and partial.complete
        assert partial.article == "PermenPANRB 7/2022"
        assert "tidak diwajibkan" in partial.message


@pytest.mark.req("PEN-9")
@pytest.mark.parametrize("key", KEYS)
def test_rejection_needs_reason(key):
    profile = PROFILES[key]
    decision = rejection_needs_reason(profile)
    assert decision.required is (key == PPU)
    if key == PPU:
        assert decision.article == "Perbup Penajam Paser Utara 31/2024 Pasal 11 ayat (1) huruf d"
    elif key == BU:
        assert decision.article == "Perbup Barito Utara 18/2024 Pasal 21 ayat (3)" and not decision.silent
    elif key == BT:
        assert decision.article == "Perbup Belitung Timur 18/2023 Pasal 11 ayat (3)"
    else:
        assert decision.silent


def _roles(flow):
    return [s.actor for s in flow.steps]


@pytest.mark.req("PEN-12")
@pytest.mark.parametrize("key", [BU, BT])
@pytest.mark.parametrize("scope", ["lintas_unit", "lintas_pd"])
def test_bu_bt_voluntary_across_units_needs_the_superior_first(key, scope):
    profile = PROFILES[key]
    flow = voluntary_steps(profile, scope)
    signer = {"lintas_unit": "kepala_pd", "lintas_pd": "sekretaris_daerah"}[scope]
    assert _roles(flow) == ["pegawai", "atasan_langsung_ppk", signer]
    article = {BU: "Pasal 23 ayat (4)", BT: "Pasal 13 ayat (4)"}[key]
    assert flow.steps[1].article == f"{profile.name} {article}"
    assert [s.order for s in flow.steps] == [1, 2, 3]


@pytest.mark.req("PEN-12")
@pytest.mark.parametrize("key", [BU, BT])
def test_bu_bt_voluntary_within_a_unit_has_no_superior_step(key):
    flow = voluntary_steps(PROFILES[key], "dalam_unit")
    assert _roles(flow) == ["pegawai", "ppk"]
    assert flow.flow == "umum"


@pytest.mark.req("PEN-12")
def test_ppu_voluntary_within_a_unit_follows_ps_11_2():
    flow = voluntary_steps(PROFILES[PPU], "dalam_unit")
    assert flow.flow == "ppu_ps11_2"
    assert _roles(flow) == ["pegawai", "pimpinan_unit"]
    assert [s.article for s in flow.steps] == [
        "Perbup Penajam Paser Utara 31/2024 Pasal 11 ayat (2) huruf a",
        "Perbup Penajam Paser Utara 31/2024 Pasal 11 ayat (2) huruf b",
    ]


@pytest.mark.req("PEN-12")
@pytest.mark.parametrize("scope", ["lintas_unit", "lintas_pd"])
def test_ppu_voluntary_across_units_follows_ps_11_3_a_to_f(scope):
    flow = voluntary_steps(PROFILES[PPU], scope)
    assert flow.flow == "ppu_ps11_3"
    assert [s.article.rsplit(" ", 1)[-1] for s in flow.steps] == ["a", "b", "b", "c", "d", "e", "f"]
    assert all(s.article.startswith("Perbup Penajam Paser Utara 31/2024 Pasal 11 ayat (3) huruf") for s in flow.steps)
    # The official's own leader issues the surat penugasan (huruf e), not the owning leader.
    issue = flow.steps[5]
    assert issue.actor == "pimpinan_unit" and "surat penugasan" in issue.action
    assert "atasan_langsung_ppk" not in _roles(flow)
    assert "tafsiran 15" in flow.steps[1].note


@pytest.mark.req("PEN-12")
def test_ppu_voluntary_across_governments_falls_back_to_the_general_flow():
    flow = voluntary_steps(PROFILES[PPU], "lintas_instansi")
    assert flow.flow == "umum"
    assert "tidak mengatur tata cara pengajuan sukarela lintas instansi" in flow.message


@pytest.mark.req("PEN-12")
@pytest.mark.parametrize("key", [MU, KL, NAS])
@pytest.mark.parametrize("scope", SCOPES)
def test_general_voluntary_flow_adds_no_approval_step(key, scope):
    profile = PROFILES[key]
    flow = voluntary_steps(profile, scope)
    if key == MU and scope == "lintas_instansi":
        assert not flow.allowed and flow.steps == ()
        assert "tidak mengatur penugasan lintas instansi" in flow.message
        return
    assert flow.flow == "umum"
    assert _roles(flow) == ["pegawai", "ppk"]
    assert flow.steps[-1].alternatives == ("ppk", "pimpinan_unit")
    assert all(s.article.startswith(profile.name) for s in flow.steps)
    if scope != "dalam_unit":
        assert "tidak mensyaratkan persetujuan atasan" in flow.message
