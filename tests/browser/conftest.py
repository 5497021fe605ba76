"""Fixtures for the Playwright browser tests (issue 2).

Playwright's sync API runs an asyncio event loop in the test thread; while it runs, Django's
ORM refuses to work there (SynchronousOnlyOperation), in fixtures and tests alike. The ORM
calls here are plain synchronous calls from that one thread, so the guard is switched off
(DJANGO_ALLOW_ASYNC_UNSAFE) for exactly as long as the Playwright loop exists: from the start
of the session-scoped ``browser`` fixture to its end, and restored afterwards.
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import sync_playwright

from sikerja.organisation.demo.builder import DEMO_PASSWORD, build_demo_region

ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
CHROMIUM = os.environ.get("SIKERJA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SHOTS = Path(os.environ.get("SIKERJA_SHOTS", "/tmp/sikerja-shots"))
DEFAULT_TIMEOUT_MS = 10_000


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    previous = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop(ASYNC_UNSAFE, None)
        else:
            os.environ[ASYNC_UNSAFE] = previous


@pytest.fixture
def page(browser):
    """A fresh page in its own context (no cookies shared between tests)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="id-ID")
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def demo_live(transactional_db, live_server):
    """The 300-employee demo region (with its logins), committed so the live server sees it."""
    # The session's shared demo data may still be in the database before the first
    # transactional test; start from an empty database as transactional tests expect.
    call_command("flush", interactive=False, verbosity=0)
    region, logins, builder = build_demo_region(n_employees=300, seed=11)
    builder.logins = logins
    builder.live_url = live_server.url
    return builder


@pytest.fixture
def shots():
    """shots(page, name) saves a full-page screenshot outside the repository."""
    SHOTS.mkdir(parents=True, exist_ok=True)

    def _shot(page, name):
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

    return _shot


@pytest.fixture
def login_as(page, live_server):
    """login_as('kadis.kominfo') logs in through the form at /masuk/."""

    def _login(username, password=DEMO_PASSWORD):
        page.goto(f"{live_server.url}/masuk/")
        page.locator("#id_username").fill(username)
        page.locator("#id_password").fill(password)
        page.get_by_role("button", name="Masuk").click()
        return page

    return _login
