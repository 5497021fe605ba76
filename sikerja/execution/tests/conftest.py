import pytest


@pytest.fixture
def seeded(demo, other_demo):
    """The demo loop of ``execution.demo`` in both demo regions (rolled back after the test;
    ``make demo`` seeds it, the shared test regions do not)."""
    from sikerja.execution.demo import seed_execution

    assert seed_execution(demo.region)
    assert seed_execution(other_demo.region, "lain")
    return demo
