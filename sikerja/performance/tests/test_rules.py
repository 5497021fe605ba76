"""The nine predikat cells (KIN-8), the distribution rules (KIN-9) and BerAKHLAK (KIN-11)."""

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sikerja.performance.rules import berakhlak, curve
from sikerja.performance.rules.curve import CurveSettings, check
from sikerja.performance.rules.predikat import MATRIX, RATINGS, RuleError, predikat

A, S, B = "di_atas", "sesuai", "di_bawah"


@pytest.mark.req("KIN-8")
def test_atas_atas_is_sangat_baik():
    assert predikat(A, A) == "sangat_baik"


@pytest.mark.req("KIN-8")
def test_atas_sesuai_is_baik():
    assert predikat(A, S) == "baik"


@pytest.mark.req("KIN-8")
def test_sesuai_atas_is_baik():
    assert predikat(S, A) == "baik"


@pytest.mark.req("KIN-8")
def test_sesuai_sesuai_is_baik():
    assert predikat(S, S) == "baik"


@pytest.mark.req("KIN-8")
def test_bawah_atas_is_butuh_perbaikan():
    assert predikat(B, A) == "butuh_perbaikan"


@pytest.mark.req("KIN-8")
def test_bawah_sesuai_is_butuh_perbaikan():
    assert predikat(B, S) == "butuh_perbaikan"


@pytest.mark.req("KIN-8")
def test_atas_bawah_is_kurang_misconduct():
    assert predikat(A, B) == "kurang"


@pytest.mark.req("KIN-8")
def test_sesuai_bawah_is_kurang_misconduct():
    assert predikat(S, B) == "kurang"


@pytest.mark.req("KIN-8")
def test_bawah_bawah_is_sangat_kurang():
    assert predikat(B, B) == "sangat_kurang"


@pytest.mark.req("KIN-8")
def test_the_matrix_has_exactly_nine_cells_of_three_ratings():
    assert set(MATRIX) == {(h, p) for h in RATINGS for p in RATINGS}


@pytest.mark.req("KIN-8")
@pytest.mark.parametrize("bad", ["baik", "", None, 3, "DI_ATAS", "sangat_baik"])
def test_a_rating_outside_the_three_values_is_refused(bad):
    with pytest.raises(RuleError, match="Di Atas Ekspektasi, Sesuai Ekspektasi, Di Bawah Ekspektasi"):
        predikat(bad, S)
    with pytest.raises(RuleError):
        predikat(S, bad)


def c(sb=0, b=0, bp=0, k=0, sk=0):
    return {"sangat_baik": sb, "baik": b, "butuh_perbaikan": bp, "kurang": k, "sangat_kurang": sk}


def broken(org, counts, s=None):
    return {x.rule: x.people for x in check(org, counts, s)}


# --- Istimewa ------------------------------------------------------------------------------------
@pytest.mark.req("KIN-9")
def test_istimewa_needs_most_people_sangat_baik():
    assert broken("istimewa", c(sb=6, b=4)) == {}
    # 5 of 10 is not "more than half": one more person must be Sangat Baik
    assert broken("istimewa", c(sb=5, b=5)) == {"istimewa_sebagian_besar": 1}


@pytest.mark.req("KIN-9")
def test_istimewa_caps_sangat_baik_at_70_percent():
    assert broken("istimewa", c(sb=7, b=3)) == {}
    assert broken("istimewa", c(sb=9, b=1)) == {"istimewa_paling_banyak_70": 2}


# --- Baik ----------------------------------------------------------------------------------------
@pytest.mark.req("KIN-9")
def test_baik_needs_most_people_baik():
    assert broken("baik", c(sb=4, b=4, bp=2)) == {"baik_sebagian_besar": 2}


@pytest.mark.req("KIN-9")
def test_baik_caps_baik_at_70_percent():
    assert broken("baik", c(sb=1, b=8, bp=1)) == {"baik_paling_banyak_70": 1}


@pytest.mark.req("KIN-9")
def test_baik_needs_at_least_one_butuh_perbaikan_or_kurang():
    assert broken("baik", c(sb=3, b=7)) == {"baik_ada_di_bawah": 1}
    assert broken("baik", c(sb=3, b=6, k=1)) == {}
    # Sangat Kurang does not count as the one below
    assert broken("baik", c(sb=3, b=6, sk=1)) == {"baik_ada_di_bawah": 1}


# --- Butuh Perbaikan -------------------------------------------------------------------------------
@pytest.mark.req("KIN-9")
def test_butuh_perbaikan_needs_60_percent_butuh_perbaikan():
    assert broken("butuh_perbaikan", c(b=5, bp=5)) == {"bp_paling_sedikit_60": 1}
    assert broken("butuh_perbaikan", c(b=4, bp=6)) == {}


@pytest.mark.req("KIN-9")
def test_butuh_perbaikan_caps_sangat_baik_at_10_percent():
    assert broken("butuh_perbaikan", c(sb=3, bp=7)) == {"bp_sb_paling_banyak_10": 2}


# --- Kurang --------------------------------------------------------------------------------------
@pytest.mark.req("KIN-9")
def test_kurang_needs_60_percent_kurang():
    assert broken("kurang", c(b=4, bp=1, k=5)) == {"kurang_paling_sedikit_60": 1}


@pytest.mark.req("KIN-9")
def test_kurang_needs_10_percent_butuh_perbaikan():
    assert broken("kurang", c(b=3, k=7)) == {"kurang_bp_paling_sedikit_10": 1}


@pytest.mark.req("KIN-9")
def test_kurang_caps_sangat_baik_at_10_percent():
    assert broken("kurang", c(sb=2, bp=1, k=7)) == {"kurang_sb_paling_banyak_10": 1}


# --- Sangat Kurang -------------------------------------------------------------------------------
@pytest.mark.req("KIN-9")
def test_sangat_kurang_needs_60_percent_sangat_kurang():
    assert broken("sangat_kurang", c(b=4, k=1, sk=5)) == {"sk_paling_sedikit_60": 1}


@pytest.mark.req("KIN-9")
def test_sangat_kurang_needs_10_percent_kurang_and_or_butuh_perbaikan():
    assert broken("sangat_kurang", c(b=3, sk=7)) == {"sk_kurang_bp_paling_sedikit_10": 1}
    assert broken("sangat_kurang", c(b=2, bp=1, sk=7)) == {}


@pytest.mark.req("KIN-9")
def test_sangat_kurang_allows_no_sangat_baik():
    assert broken("sangat_kurang", c(sb=1, k=2, sk=7)) == {"sk_tanpa_sb": 1}


@pytest.mark.req("KIN-9")
def test_breach_message_names_the_rule_and_the_people():
    (b,) = check("butuh_perbaikan", c(sb=3, bp=7))
    assert b.message == (
        "Aturan 'Sangat Baik paling banyak 10%' tidak terpenuhi: ada 3 orang, paling banyak 1; lebih 2 orang."
    )


@pytest.mark.req("KIN-9")
def test_rounding_for_small_units_is_a_setting():
    # 7 people, Kurang: 10 % Butuh Perbaikan = 0.7 persons
    counts = c(b=2, k=5)
    assert broken("kurang", counts, CurveSettings(rounding="tegas")) == {"kurang_bp_paling_sedikit_10": 1}
    assert broken("kurang", counts, CurveSettings(rounding="terdekat")) == {"kurang_bp_paling_sedikit_10": 1}
    # 4 people: 10 % = 0.4 persons: exact reading needs 1, nearest rounding needs none
    counts = c(b=1, k=3)
    assert "kurang_bp_paling_sedikit_10" in broken("kurang", counts, CurveSettings(rounding="tegas"))
    assert "kurang_bp_paling_sedikit_10" not in broken("kurang", counts, CurveSettings(rounding="terdekat"))


@pytest.mark.req("KIN-9")
def test_the_share_that_counts_as_most_is_a_setting():
    counts = c(sb=6, b=4)
    assert broken("istimewa", counts, CurveSettings(most_share=Fraction(1, 2))) == {}
    assert broken("istimewa", counts, CurveSettings(most_share=Fraction(6, 10))) == {"istimewa_sebagian_besar": 1}


@pytest.mark.req("KIN-9")
def test_profile_settings_feed_the_curve_and_cite_their_article(profiles):
    s = curve.settings_from_profile(profiles["penajam-paser-utara"])
    assert s == CurveSettings(
        most_share=Fraction(1, 2), rounding="tegas", scope="unit", articles=("Pasal 13 jo. SE MenPANRB 3/2023",)
    )
    for p in profiles.values():
        for key in ("kinerja_curve_most_share", "kinerja_curve_rounding", "kinerja_curve_scope"):
            assert "SE MenPANRB 3/2023" in p.setting(key)["article"], (p.key, key)


@pytest.mark.req("KIN-9")
def test_unknown_org_predikat_or_negative_count_is_refused():
    with pytest.raises(RuleError):
        check("luar_biasa", c(b=1))
    with pytest.raises(RuleError):
        check("baik", c(b=-1))


# --- property: the rules against a brute-force reading of the circular ---------------------------
def _holds(rule, have, n, s):
    """The circular read literally: shares of people compared as exact fractions, or (terdekat)
    against the head count rounded half up, found by walking every head count."""
    if rule.share is None:
        return have >= rule.count if rule.kind == "min" else have <= rule.count
    share = s.most_share if rule.share == curve.MOST else rule.share
    if not rule.inclusive:
        return Fraction(have, n) > share
    if s.rounding == "terdekat":
        people = next(k for k in range(n + 2) if Fraction(k) + Fraction(1, 2) > share * n)
        return have >= people if rule.kind == "min" else have <= people
    return Fraction(have, n) >= share if rule.kind == "min" else Fraction(have, n) <= share


def _brute(org, counts, s):
    n = sum(counts.values())
    out = {}
    for rule in curve.rules_for(org):
        have = sum(counts[p] for p in rule.predikats)
        if _holds(rule, have, n, s):
            continue
        step = 1 if rule.kind == "min" else -1
        k = next(k for k in range(1, n + 2) if _holds(rule, have + step * k, n, s))
        out[rule.key] = k
    return out


@pytest.mark.req("KIN-9")
@settings(max_examples=400, deadline=None)
@given(
    org=st.sampled_from(curve.ORG_PREDIKATS),
    parts=st.lists(st.integers(0, 40), min_size=5, max_size=5).filter(lambda x: sum(x) > 0),
    most=st.sampled_from([Fraction(1, 2), Fraction(55, 100), Fraction(6, 10), Fraction(2, 3)]),
    rounding=st.sampled_from(curve.ROUNDINGS),
)
def test_curve_rules_agree_with_a_brute_force_reading(org, parts, most, rounding):
    counts = c(*parts)
    s = CurveSettings(most_share=most, rounding=rounding)
    assert broken(org, counts, s) == _brute(org, counts, s)
    # the chart's band agrees with the single-predikat rules
    n = sum(parts)
    for p, (lo, hi) in curve.pattern(org, n, s).items():
        # a band fits when that predikat's count alone breaks none of its own rules
        assert lo >= 0 and hi <= n
        single = {r.key for r in curve.rules_for(org) if r.predikats == (p,)}
        fits = not (single & set(_brute(org, counts, s)))
        assert fits == (lo <= counts[p] <= hi), (p, counts[p], lo, hi)


@pytest.mark.req("KIN-11")
def test_berakhlak_has_seven_values_with_three_guides_each():
    assert [label for _, label, _ in berakhlak.VALUES] == [
        "Berorientasi Pelayanan",
        "Akuntabel",
        "Kompeten",
        "Harmonis",
        "Loyal",
        "Adaptif",
        "Kolaboratif",
    ]
    assert all(len(g) == 3 for _, _, g in berakhlak.VALUES)
    assert berakhlak.GUIDES["akuntabel"][2] == "Tidak menyalahgunakan kewenangan jabatan"
    assert berakhlak.GUIDES["adaptif"][2] == "Bertindak proaktif"
