"""Issue 11, "Done means": a newcomer's first day, in a real browser. The HR administrator
creates a login for an employee, the employee logs in with the printed password and changes
it, gets the e-mail (sent by the background worker) when an assignment is given to them, sees
it on the home page, and switches to English and back."""

import datetime as dt

import pytest
from django.core import mail
from playwright.sync_api import expect

from sikerja.accounts.access import actor_for
from sikerja.assignments import services
from sikerja.assignments.services import MemberInput
from sikerja.organisation.demo.builder import DEMO_PASSWORD
from sikerja.organisation.models import Employee, Unit
from sikerja.testing.worker import run_worker_once

from .conftest import DEFAULT_TIMEOUT_MS

pytestmark = [pytest.mark.browser, pytest.mark.req("PLT-1", "PLT-3", "PLT-4", "PLT-5")]
NEW_PASSWORD = "Lahan-Sawah-2026!"


def _context(browser, viewport=None):
    context = browser.new_context(viewport=viewport or {"width": 1366, "height": 768}, locale="id-ID")
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    return context, context.new_page()


def _sign_in(page, live_server, username, password):
    page.goto(f"{live_server.url}/masuk/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Masuk").click()
    expect(page).to_have_url(f"{live_server.url}/")


def test_a_newcomers_first_day(browser, demo_live, live_server, shots):
    region = demo_live.region
    newcomer = (
        Employee.objects.filter(region=region, unit__code__startswith="DISKOMINFO.BID1", user__isnull=True, is_active=True,
                                position__kind__in=["fungsional", "pelaksana"])  # fmt: skip
        .order_by("pk")
        .first()
    )
    newcomer.email = "pegawai.baru@contoh.go.id"
    newcomer.save(update_fields=["email"])

    # The HR administrator creates the login and prints the first password.
    context, admin = _context(browser)
    _sign_in(admin, live_server, "admin.bkpsdm", DEMO_PASSWORD)
    admin.goto(f"{live_server.url}/akun/kelola/?q={newcomer.nip}")
    admin.locator(f'button[data-nip="{newcomer.nip}"]').click()
    expect(admin.locator("h1")).to_have_text("Akun dibuat")
    username = admin.locator(".issued-username").first.inner_text().strip()
    first_password = admin.locator(".issued-password").first.inner_text().strip()
    context.close()

    # The employee logs in on a phone and changes the password.
    context, me = _context(browser, {"width": 390, "height": 844})
    _sign_in(me, live_server, username, first_password)
    me.goto(f"{live_server.url}/akun/sandi/")
    me.locator("#id_old_password").fill(first_password)
    me.locator("#id_new_password1").fill(NEW_PASSWORD)
    me.locator("#id_new_password2").fill(NEW_PASSWORD)
    me.get_by_role("button", name="Simpan kata sandi baru").click()
    expect(me.locator("main")).to_contain_text("diganti")

    # Their leader gives them an assignment; the worker sends the e-mail.
    kabid = Employee.objects.get(region=region, user__username="kabid.aptika")
    today = dt.date.today()
    services.propose(
        actor=actor_for(kabid.user, region), form="individu",
        owning_unit_id=Unit.objects.get(region=region, code="DISKOMINFO.BID1").pk,
        members=[MemberInput(newcomer.pk)], title="Pemutakhiran data lahan pertanian", purpose="Memutakhirkan data",
        target="Data lahan mutakhir", starts_on=today, ends_on=today + dt.timedelta(days=60),
        competences=["Statistik"], hours_per_week=4,
    )  # fmt: skip
    run_worker_once()
    to_me = [m for m in mail.outbox if m.to == ["pegawai.baru@contoh.go.id"]]
    assert to_me and any("Pemutakhiran data lahan pertanian" in (m.subject + m.body) for m in to_me)

    # It is on their home page; the bell counts it.
    me.goto(f"{live_server.url}/")
    expect(me.locator("main")).to_contain_text("Pemutakhiran data lahan pertanian")
    shots(me, "newcomer-home-390")

    # English and back.
    me.locator("#lang-select").select_option("en")
    me.wait_for_function("document.documentElement.lang === 'en'")
    expect(me.get_by_role("button", name="Sign out")).to_be_visible()
    expect(me.locator("main")).to_contain_text("Pemutakhiran data lahan pertanian")  # the data stays as written
    me.locator("#lang-select").select_option("id")
    me.wait_for_function("document.documentElement.lang === 'id'")
    expect(me.get_by_role("button", name="Keluar")).to_be_visible()
    context.close()

    # The old password no longer works; the new one does.
    context, again = _context(browser)
    _sign_in(again, live_server, username, NEW_PASSWORD)
    context.close()
