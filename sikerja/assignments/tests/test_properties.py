"""Property-based tests of the ketua ranking and the availability check."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sikerja.assignments.rules import Candidate, availability, rank_ketua

from .profiles import KEYS, PROFILES

KINDS = ["fungsional", "pelaksana", "administrator", "jpt_pratama", "pengawas"]
LEVELS = ["ahli_utama", "ahli_madya", "ahli_muda", "ahli_pertama", "penyelia", "mahir", "terampil", "pemula"]
PNS = ["II/a", "II/c", "III/a", "III/b", "III/d", "IV/a"]
PPPK = ["V", "VII", "IX"]


@st.composite
def candidate_lists(draw):
    ids = draw(st.lists(st.integers(min_value=1, max_value=10_000), min_size=0, max_size=15, unique=True))
    out = []
    for pk in ids:
        kind = draw(st.sampled_from(KINDS))
        status = draw(st.sampled_from(["pns", "pppk"]))
        out.append(
            Candidate(
                employee_id=pk,
                name=draw(st.sampled_from(["Ani", "Budi", "Citra", "Dodi", "Eka"])),
                kind=kind,
                jf_level=draw(st.sampled_from(LEVELS)) if kind == "fungsional" else "",
                has_managerial_experience=draw(st.booleans()),
                status=status,
                golongan=draw(st.sampled_from(PNS if status == "pns" else PPPK)),
                unit_id=draw(st.integers(min_value=1, max_value=4)),
            )
        )
    return out


def _order(ranking):
    return [r.candidate.employee_id for r in ranking.ranked]


@pytest.mark.req("PEN-10", "PEN-11")
@settings(max_examples=200, deadline=None)
@given(st.sampled_from(KEYS), candidate_lists(), st.sets(st.integers(min_value=1, max_value=4)), st.randoms())
def test_ranking_is_a_total_order_stable_under_shuffling_and_drops_no_eligible_candidate(key, people, owning, rnd):
    profile = PROFILES[key]
    ranking = rank_ketua(profile, people, owning)
    # Total order: positions 1..n, scores non-increasing, ties ordered by (name, id).
    assert [r.position for r in ranking.ranked] == list(range(1, len(ranking.ranked) + 1))
    for a, b in zip(ranking.ranked, ranking.ranked[1:], strict=False):
        assert a.score >= b.score
        if a.score == b.score:
            assert (a.candidate.name, a.candidate.employee_id) < (b.candidate.name, b.candidate.employee_id)
            assert b.tied_with_previous
    # Stable under shuffling the input.
    shuffled = list(people)
    rnd.shuffle(shuffled)
    assert _order(rank_ketua(profile, shuffled, owning)) == _order(ranking)
    # Nobody eligible is dropped; everyone else is excluded with a reason.
    eligible = profile.value("ketua_eligible_kinds")
    assert {r.candidate.employee_id for r in ranking.ranked} == {p.employee_id for p in people if p.kind in eligible}
    assert {e.candidate.employee_id for e in ranking.excluded} == {
        p.employee_id for p in people if p.kind not in eligible
    }
    for r in ranking.ranked:
        assert all(profile.name in line for line in r.explanation if "(" in line)


dates = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2026, 12, 31))
hours = st.floats(min_value=0, max_value=40, allow_nan=False)


@st.composite
def periods(draw):
    start = draw(dates)
    return start, start + dt.timedelta(days=draw(st.integers(min_value=0, max_value=120)))


commitment = st.tuples(periods(), hours).map(lambda t: (t[0][0], t[0][1], t[1]))


@pytest.mark.req("PEN-14")
@settings(max_examples=300, deadline=None)
@given(hours, st.lists(commitment, max_size=6), periods(), hours, commitment)
def test_availability_never_reports_negative_time_and_is_monotonic(own, committed, period, requested, extra):
    start, end = period
    before = availability(own, committed, start, end, requested)
    for week in before.weeks:
        assert week.free_hours >= 0
        assert week.free_hours <= week.capacity_hours
        total = week.own_hours + week.committed_hours + week.requested_hours
        if not week.overbooked:
            assert week.requested_hours <= week.free_hours + 0.01  # what is called available fits
        assert week.overbooked == (total > week.capacity_hours + 0.01) or abs(total - week.capacity_hours) <= 0.01
    assert before.override_allowed_with_reason
    assert before.overbooked == any(w.overbooked for w in before.weeks)
    assert before.load_percent == max(w.load_percent for w in before.weeks)

    after = availability(own, [*committed, extra], start, end, requested)
    assert [w.label for w in after.weeks] == [w.label for w in before.weeks]
    for b, a in zip(before.weeks, after.weeks, strict=True):
        assert a.committed_hours >= b.committed_hours
        assert a.free_hours <= b.free_hours
        assert a.load_percent >= b.load_percent
        assert a.overbooked or not b.overbooked
    assert after.load_percent >= before.load_percent
    assert after.overbooked or not before.overbooked
