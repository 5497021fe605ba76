"""Shared fixtures. A small demo region (the real generator, not a fixture file) is the
common ground of view, API and query-count tests."""

import pytest
from django.test import Client

from sikerja.organisation.demo.builder import DEMO_PASSWORD, build_demo_region
from sikerja.tenancy.services import sync_builtin_profiles


@pytest.fixture
def profiles(db):
    return {p.key: p for p in sync_builtin_profiles()}


@pytest.fixture
def demo(db):
    """A 300-employee region with the demo logins (admin.bkpsdm, kadis.kominfo, ...)."""
    region, logins, builder = build_demo_region(n_employees=300, seed=11)
    builder.logins = logins
    return builder


@pytest.fixture
def other_demo(db, demo):
    """A second region under another profile, with logins prefixed 'lain.'."""
    region, logins, builder = build_demo_region(
        n_employees=120, seed=12, slug="teluk-damai", name="Kabupaten Teluk Damai", profile="barito-utara", user_prefix="lain"
    )
    return builder


@pytest.fixture
def login():
    """login('kadis.kominfo') -> a Client logged in as that demo user."""

    def _login(username):
        client = Client()
        assert client.login(username=username, password=DEMO_PASSWORD), username
        return client

    return _login
