import datetime as dt

import pytest

from sikerja.assignments.rules import availability as _availability
from sikerja.assignments.rules import availability_rule
from sikerja.assignments.rules import competence_match as _competence_match

from .profiles import KEYS, NAS, PPU, PROFILES

pytestmark = pytest.mark.req("PEN-14")
D = dt.date
ART = "Perbup Penajam Paser Utara 31/2024 Lampiran huruf B angka 2 huruf b) angka 1)-2)"
RULE = availability_rule(PROFILES[PPU])  # the one regulation that spells the check out


def availability(*args):
    return _availability(*args, RULE)


def competence_match(required, held):
    return _competence_match(required, held, RULE)


def test_free_week_is_available():
    decision = availability(20, [], D(2025, 3, 3), D(2025, 3, 14), 10)
    assert [w.label for w in decision.weeks] == ["2025-W10", "2025-W11"]
    assert not decision.overbooked
    assert decision.load_percent == 80.0
    assert decision.weeks[0].free_hours == 17.5
    assert decision.article == ART and decision.override_allowed_with_reason
    assert "Tersedia" in decision.message


def test_overbooking_names_the_worst_week_and_needs_a_reason():
    committed = [(D(2025, 3, 10), D(2025, 3, 14), 15)]  # only week 11
    decision = availability(25, committed, D(2025, 3, 3), D(2025, 3, 21), 5)
    assert decision.overbooked
    assert decision.overbooked_weeks == ("2025-W11",)
    assert decision.worst_week.label == "2025-W11"
    assert decision.load_percent == round(45 / 37.5 * 100, 1)
    assert decision.worst_week.free_hours == 0.0  # never negative
    assert decision.override_allowed_with_reason
    assert "alasan" in decision.message and ART in decision.message


def test_partial_weeks_count_by_working_days():
    # Requested from Wednesday: 3 of 5 working days of week 10 -> 60% of the weekly hours.
    decision = availability(0, [(D(2025, 3, 1), D(2025, 3, 3), 10)], D(2025, 3, 5), D(2025, 3, 7), 10)
    (week,) = decision.weeks
    assert week.requested_hours == 6.0
    assert week.committed_hours == 2.0  # one working day (Monday 3 March) of a 10 h/week commitment


def test_exactly_full_is_not_overbooked():
    assert not availability(30, [], D(2025, 1, 6), D(2025, 1, 10), 7.5).overbooked
    assert availability(30, [], D(2025, 1, 6), D(2025, 1, 10), 7.6).overbooked


def test_a_period_across_the_year_boundary_uses_iso_weeks():
    decision = availability(0, [], D(2024, 12, 30), D(2025, 1, 10), 1)
    assert [w.label for w in decision.weeks] == ["2025-W01", "2025-W02"]


@pytest.mark.parametrize(
    "args",
    [
        (0, [], D(2025, 1, 10), D(2025, 1, 6), 1),
        (-1, [], D(2025, 1, 6), D(2025, 1, 10), 1),
        (0, [(D(2025, 1, 6), D(2025, 1, 10), -2)], D(2025, 1, 6), D(2025, 1, 10), 1),
    ],
)
def test_invalid_input_is_refused(args):
    with pytest.raises(ValueError):
        availability(*args)


def test_competence_match():
    match = competence_match({"Analisis Data", "penulisan laporan", "GIS"}, {"analisis  data": "mahir", "gis": None})
    assert match.score == 33
    assert match.matched == ("analisis data",)
    assert match.missing == ("gis", "penulisan laporan")
    assert "angka 3)" in match.article and "33%" in match.message


def test_competence_match_with_nothing_required_is_full():
    assert competence_match(set(), {}).score == 100
    assert competence_match({"a"}, {"a": 1}).score == 100


@pytest.mark.req("PEN-14")
def test_the_message_speaks_indonesian_numbers_and_weeks():
    committed = [(D(2025, 3, 10), D(2025, 3, 14), 20.5)]
    decision = availability(25, committed, D(2025, 3, 3), D(2025, 3, 21), 5)
    assert decision.overbooked and decision.worst_week.label == "2025-W11"  # the key stays ISO
    assert "kapasitas 37,5 jam/minggu" in decision.message
    assert "pekan 10 Maret 2025" in decision.message and "W11" not in decision.message
    assert "134,7%" in decision.message and "diminta 5 jam" in decision.message


@pytest.mark.parametrize("key", KEYS)
def test_each_region_cites_its_own_regulation_or_the_national_baseline(key):
    """Issue 9 item 8: only PPU's perbup spells the check out; every other region cites the
    national baseline, never another kabupaten's perbup."""
    rule = availability_rule(PROFILES[key])
    decision = _availability(30, [], D(2025, 1, 6), D(2025, 1, 10), 10, rule)
    match = _competence_match({"GIS"}, {}, rule)
    assert rule.capacity_hours_per_week == 37.5 and decision.overbooked
    if key == PPU:
        assert not rule.from_baseline
        assert decision.article == ART and ART in decision.message
        assert match.article.endswith("Lampiran huruf B angka 2 huruf b) angka 3)")
    else:
        assert rule.from_baseline == (key != NAS) and decision.article == "PermenPANRB 7/2022"
        assert "(PermenPANRB 7/2022)" in decision.message and "PermenPANRB 7/2022" in match.message
        assert "Penajam" not in decision.message + match.message


def test_a_region_whose_capacity_differs_is_weighed_by_its_own_number():
    from sikerja.assignments.rules import Profile

    settings = dict(PROFILES[PPU].settings)
    settings["assignment_availability"] = {
        "value": {"capacity_hours_per_week": 40}, "article": "Pasal 99",
    }  # fmt: skip
    rule = availability_rule(Profile(name="Perbup Contoh 1/2030", settings=settings))
    assert rule.capacity_hours_per_week == 40 and rule.article == "Perbup Contoh 1/2030 Pasal 99"
    assert not _availability(30, [], D(2025, 1, 6), D(2025, 1, 10), 10, rule).overbooked
