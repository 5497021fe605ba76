"""Property-based tests of the kedudukan rules over random organisation trees (issue 3)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sikerja.organisation.rules.placement import Holder, OrgFacts, Profile, judge
from sikerja.tenancy.services import builtin_profile_data

PROFILES = [Profile(name=d["name"], settings=d["settings"]) for d in builtin_profile_data()]
KINDS = ["jpt_pratama", "administrator", "pengawas", "fungsional", "pelaksana"]
LEVELS = ["ahli_utama", "ahli_madya", "ahli_muda", "ahli_pertama", "penyelia", "mahir", "terampil", "pemula"]
PATTERN_KEYS = ["setda", "dinas", "kecamatan", "kelurahan", "puskesmas", "rsud", "upt_b", "bidang"]


@st.composite
def trees(draw, max_units=25):
    n = draw(st.integers(min_value=1, max_value=max_units))
    parent = {0: None}
    for i in range(1, n):
        parent[i] = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=i - 1)))
    has_pengawas = frozenset(draw(st.sets(st.sampled_from(range(n)))))
    keys = {u: draw(st.sampled_from(PATTERN_KEYS)) for u in range(n)}
    return OrgFacts(parent=parent, unit_name={u: f"Unit {u}" for u in range(n)}, has_pengawas=has_pengawas, pattern_key=keys)


@st.composite
def holders(draw, n_units, pk):
    kind = draw(st.sampled_from(KINDS))
    level = draw(st.sampled_from(LEVELS)) if kind == "fungsional" else ""
    return Holder(pk, f"P{pk}", kind, level, draw(st.integers(min_value=0, max_value=n_units - 1)), leads_mandiri=kind == "fungsional" and draw(st.booleans()))


@st.composite
def cases(draw):
    org = draw(trees())
    n = len(org.parent)
    subject = draw(holders(n, 1))
    assessor = draw(st.one_of(st.none(), holders(n, 2)))
    return org, subject, assessor, draw(st.sampled_from(PROFILES)), draw(st.booleans())


@pytest.mark.req("KED-8")
@settings(max_examples=300, deadline=None)
@given(cases())
def test_the_validator_never_crashes_and_every_finding_names_an_article(case):
    org, subject, assessor, profile, delegated = case
    findings = judge(subject, assessor, org, profile, delegated=delegated)
    for finding in findings:
        assert finding.requirement in {"KED-1", "KED-3", "KED-4", "KED-5", "KED-7"}
        assert finding.article.startswith(profile.name) and finding.article != profile.name
        assert finding.message
    if subject.kind not in ("fungsional", "pelaksana"):
        assert findings == []


@pytest.mark.req("KED-8")
@settings(max_examples=200, deadline=None)
@given(cases(), st.integers(min_value=1, max_value=10), st.data())
def test_a_placement_does_not_change_when_unrelated_units_change(case, extra, data):
    org, subject, assessor, profile, delegated = case
    before = judge(subject, assessor, org, profile, delegated=delegated)
    related = set(org.chain(subject.unit_id)) | ({assessor.unit_id} if assessor else set())
    n = len(org.parent)
    parent = dict(org.parent)
    names = dict(org.unit_name)
    keys = dict(org.pattern_key)
    pengawas = set(org.has_pengawas)
    # Add new units hanging anywhere, and rename, re-type or re-staff units outside the line.
    for i in range(n, n + extra):
        parent[i] = data.draw(st.one_of(st.none(), st.integers(min_value=0, max_value=i - 1)))
        names[i] = f"Baru {i}"
        keys[i] = data.draw(st.sampled_from(PATTERN_KEYS))
    for unit in set(range(n)) - related:
        names[unit] = f"Diubah {unit}"
        keys[unit] = data.draw(st.sampled_from(PATTERN_KEYS))
        if data.draw(st.booleans()):
            pengawas ^= {unit}
    changed = OrgFacts(parent=parent, unit_name=names, has_pengawas=frozenset(pengawas), pattern_key=keys)
    after = judge(subject, assessor, changed, profile, delegated=delegated)
    assert [f.requirement for f in after] == [f.requirement for f in before]
    assert (after == []) == (before == [])


@settings(max_examples=100, deadline=None)
@given(trees())
def test_chains_end_even_if_data_holds_a_cycle(org):
    parent = dict(org.parent)
    parent[0] = max(parent)  # a corrupt row pointing back into the tree
    looped = OrgFacts(parent=parent)
    for unit in parent:
        assert len(looped.chain(unit)) <= len(parent)
