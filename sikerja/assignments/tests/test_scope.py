import pytest

from sikerja.assignments.rules import assignment_scope, scope_allowed

from .profiles import BU, KEYS, MU, PROFILES, SCOPES

pytestmark = pytest.mark.req("PEN-2")

# PD 1: 1 <- 10 <- 100 (seksi under bidang); 1 <- 11. PD 2: 2 <- 20.
CHAINS = {1: [1], 10: [10, 1], 100: [100, 10, 1], 11: [11, 1], 2: [2], 20: [20, 2]}


@pytest.mark.parametrize(
    ("home", "owning", "home_region", "owning_region", "expected"),
    [
        (10, 10, "r", "r", "dalam_unit"),
        (100, 10, "r", "r", "dalam_unit"),  # sits in a seksi inside the owning bidang
        (100, 1, "r", "r", "dalam_unit"),  # the whole PD owns the work
        (11, 10, "r", "r", "lintas_unit"),
        (10, 100, "r", "r", "lintas_unit"),  # the owning seksi is below the employee's unit
        (1, 10, "r", "r", "lintas_unit"),
        (20, 10, "r", "r", "lintas_pd"),
        (2, 1, "r", "r", "lintas_pd"),
        (10, 10, "r", "other", "lintas_instansi"),
        (20, 10, "r", "other", "lintas_instansi"),
    ],
)
def test_scope_from_unit_chains(home, owning, home_region, owning_region, expected):
    decision = assignment_scope(CHAINS[home], CHAINS[owning], home_region, owning_region)
    assert decision.scope == expected
    assert str(decision) == expected
    assert decision.message


def test_scope_cites_the_profile_when_given():
    decision = assignment_scope([20, 2], [10, 1], 1, 1, profile=PROFILES[BU])
    assert decision.scope == "lintas_pd"
    assert decision.article == "Perbup Barito Utara 18/2024 Pasal 19 ayat (2)"


def test_empty_chain_is_an_error():
    with pytest.raises(ValueError):
        assignment_scope([], [1], 1, 1)


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("scope", SCOPES)
def test_scope_allowed_for_every_profile(key, scope):
    profile = PROFILES[key]
    decision = scope_allowed(profile, scope)
    expected = not (key == MU and scope == "lintas_instansi")
    assert decision.allowed is expected
    assert decision.article.startswith(profile.name)


def test_mahakam_ulu_refuses_lintas_instansi_naming_the_profile():
    decision = scope_allowed(PROFILES[MU], "lintas_instansi")
    assert not decision.allowed
    assert decision.message.startswith("Perbup Mahakam Ulu 44/2024 tidak mengatur penugasan lintas instansi")
    assert "Pasal 12 ayat (2) jo. Pasal 1 angka 13" in decision.message


def test_scope_allowed_accepts_a_scope_decision_and_rejects_unknown_scopes():
    decision = assignment_scope([10, 1], [10, 1], 1, 2)
    assert not scope_allowed(PROFILES[MU], decision).allowed
    with pytest.raises(ValueError):
        scope_allowed(PROFILES[MU], "lintas_planet")
