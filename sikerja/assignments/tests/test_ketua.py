import pytest

from sikerja.assignments.rules import Candidate, rank_ketua

from .profiles import BT, BU, KEYS, KL, MU, NAS, PPU, PROFILES

PPU_ART = "Perbup Penajam Paser Utara 31/2024 Pasal 10 ayat (3)"
OWN = 1

ahli_muda = Candidate(1, "Budi", "fungsional", "keahlian", "ahli_muda", unit_id=2)
ahli_madya = Candidate(2, "Citra", "fungsional", "keahlian", "ahli_madya", unit_id=2)
penyelia_manajerial = Candidate(3, "Dewi", "fungsional", "keterampilan", "penyelia", True, unit_id=2)
mahir = Candidate(4, "Eko", "fungsional", "", "mahir", unit_id=2)  # category from the level
pelaksana_iiic = Candidate(5, "Fajar", "pelaksana", status="pns", golongan="III/c", unit_id=2)
pelaksana_iia = Candidate(6, "Gita", "pelaksana", status="pns", golongan="II/a", unit_id=2)
pelaksana_own = Candidate(7, "Hadi", "pelaksana", status="pns", golongan="II/b", unit_id=OWN)
administrator = Candidate(8, "Indra", "administrator", unit_id=OWN)
pengawas = Candidate(9, "Joko", "pengawas", unit_id=2)
jpt = Candidate(10, "Kartika", "jpt_pratama", unit_id=2)
ALL = [pelaksana_iia, jpt, mahir, ahli_muda, pengawas, pelaksana_iiic, administrator, ahli_madya, penyelia_manajerial, pelaksana_own]  # fmt: skip


def _names(ranking):
    return [r.candidate.name for r in ranking.ranked]


@pytest.mark.req("PEN-11")
def test_ppu_priority_within_a_unit():
    ranking = rank_ketua(PROFILES[PPU], ALL)
    # a: JF keahlian (madya above muda by c); b: managerial; c: JF level; d: pangkat.
    assert _names(ranking) == ["Citra", "Budi", "Dewi", "Eko", "Fajar", "Hadi", "Gita"]
    assert ranking.criteria == ("jf_keahlian", "managerial_experience", "highest_jf_level", "highest_pangkat_pelaksana")
    first = ranking.ranked[0]
    assert first.position == 1
    assert f"JF kategori keahlian ({PPU_ART} huruf a)" in first.explanation
    assert f"Jenjang JF Ahli Madya ({PPU_ART} huruf c)" in first.explanation
    dewi = ranking.ranked[2]
    assert f"Memiliki pengalaman dan/atau kompetensi manajerial ({PPU_ART} huruf b)" in dewi.explanation
    fajar = ranking.ranked[4]
    assert f"Pelaksana, pangkat Penata (III/c) ({PPU_ART} huruf d)" in fajar.explanation
    assert ranking.article == PPU_ART


@pytest.mark.req("PEN-11")
def test_ppu_managerial_experience_counts_for_a_pelaksana_too():
    """Huruf b names "JF dan Pelaksana" with managerial experience: a pelaksana II/a who has it
    ranks above a JF keterampilan and a pelaksana III/c who do not (mutation: JF only)."""
    manajerial = Candidate(11, "Lina", "pelaksana", status="pns", golongan="II/a", has_managerial_experience=True, unit_id=2)
    ranking = rank_ketua(PROFILES[PPU], [pelaksana_iiic, mahir, manajerial])
    assert _names(ranking) == ["Lina", "Eko", "Fajar"]
    assert f"Memiliki pengalaman dan/atau kompetensi manajerial ({PPU_ART} huruf b)" in ranking.ranked[0].explanation


@pytest.mark.req("PEN-10", "PEN-11")
def test_ppu_owning_unit_comes_first_in_a_cross_unit_team():
    ranking = rank_ketua(PROFILES[PPU], ALL, owning_unit_ids={OWN})
    assert _names(ranking)[0] == "Hadi"
    assert (
        "Berasal dari unit pemilik kinerja (Perbup Penajam Paser Utara 31/2024 Pasal 10 ayat (5))"
        in ranking.ranked[0].explanation
    )
    assert _names(ranking)[1:] == ["Citra", "Budi", "Dewi", "Eko", "Fajar", "Gita"]
    other = rank_ketua(PROFILES[PPU], ALL, owning_unit_ids={OWN}, owning_unit_first=False)
    assert _names(other) == ["Citra", "Budi", "Dewi", "Eko", "Fajar", "Hadi", "Gita"]


@pytest.mark.req("PEN-10")
@pytest.mark.parametrize("key", KEYS)
def test_eligible_kinds_per_profile(key):
    profile = PROFILES[key]
    ranking = rank_ketua(profile, ALL)
    excluded = {e.candidate.name for e in ranking.excluded}
    if key in (BU, BT):  # BU Ps 22(2), BT Ps 12(2): JPT pratama, administrator, JF, pelaksana — not pengawas
        assert excluded == {"Joko"}
        assert ranking.excluded[0].article.endswith({BU: "Pasal 22 ayat (2)", BT: "Pasal 12 ayat (2)"}[key])
    else:
        assert excluded == {"Joko", "Indra", "Kartika"}
    for e in ranking.excluded:
        assert "ketua tim dapat berasal dari" in e.reason and e.article.startswith(profile.name)
    assert len(ranking.ranked) + len(ranking.excluded) == len(ALL)


@pytest.mark.req("PEN-10")
@pytest.mark.parametrize("key", [MU, KL, BU, BT, NAS])
def test_profiles_without_priority_rank_by_owning_unit_then_name(key):
    profile = PROFILES[key]
    ranking = rank_ketua(profile, ALL, owning_unit_ids=[OWN])
    names = _names(ranking)
    own_first = [c.name for c in sorted(ALL, key=lambda c: (c.unit_id != OWN, c.name)) if c.name in names]
    assert names == own_first
    assert "tidak mengatur urutan prioritas ketua tim" in ranking.message
    assert ranking.article.startswith(profile.name)
    assert ranking.ranked[0].explanation[0].startswith("Berasal dari unit pemilik kinerja")
    assert ranking.ranked[-1].tied_with_previous  # equal on every regulatory criterion


@pytest.mark.req("PEN-11")
def test_ties_are_broken_by_name_then_id():
    a = Candidate(30, "Sari", "pelaksana", golongan="II/a")
    b = Candidate(20, "Sari", "pelaksana", golongan="II/a")
    c = Candidate(10, "Rina", "pelaksana", golongan="II/a")
    ranking = rank_ketua(PROFILES[PPU], [a, b, c])
    assert [r.candidate.employee_id for r in ranking.ranked] == [10, 20, 30]
    assert [r.tied_with_previous for r in ranking.ranked] == [False, True, True]
