"""Shared fixtures. A small demo region (the real generator, not a fixture file) is the
common ground of view, API and query-count tests."""

import pytest
from django.test import Client

from sikerja.organisation.demo.builder import DEMO_PASSWORD, build_demo_region
from sikerja.tenancy.services import sync_builtin_profiles


@pytest.fixture
def profiles(db):
    return {p.key: p for p in sync_builtin_profiles()}


_SESSION = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the two demo regions once per test session, after the test database exists.

    Each test then runs inside a transaction that is rolled back, so what a test changes never
    reaches the next one. Transactional tests (live server, concurrency) run last and flush the
    database; they build their own data.
    """
    with django_db_blocker.unblock():
        _, logins, builder = build_demo_region(n_employees=300, seed=11)
        builder.logins = logins
        _SESSION["demo"] = builder
        _, logins, other = build_demo_region(
            n_employees=120, seed=12, slug="teluk-damai", name="Kabupaten Teluk Damai", profile="barito-utara", user_prefix="lain"
        )
        other.logins = logins
        _SESSION["other_demo"] = other


@pytest.fixture
def demo(db):
    """A small region (about 420 people) with the demo logins (admin.bkpsdm, kadis.kominfo, ...)."""
    return _SESSION["demo"]


@pytest.fixture
def other_demo(db, demo):
    """A second region under the Barito Utara profile, with logins prefixed 'lain.'."""
    return _SESSION["other_demo"]


@pytest.fixture
def login():
    """login('kadis.kominfo') -> a Client logged in as that demo user."""

    def _login(username):
        client = Client()
        assert client.login(username=username, password=DEMO_PASSWORD), username
        return client

    return _login


@pytest.fixture(autouse=True)
def _second_factor_relaxed(settings):
    """The demo logins have no TOTP device: the suite runs with the second factor not enforced,
    as `make demo` does (SIKERJA_DEMO=1). sikerja/accounts/tests/test_second_factor.py switches it on."""
    settings.SIKERJA_REQUIRE_SECOND_FACTOR = False


@pytest.fixture(autouse=True)
def _indonesian_by_default():
    """Each test starts in Bahasa Indonesia: a request made in English leaves English active in
    the test thread (LocaleMiddleware does not reset it), and messages are translated (PLT-5)."""
    from django.utils import translation

    translation.activate("id")
    yield
    translation.deactivate()
