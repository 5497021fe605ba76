"""PLT-7 in a real browser: on a phone, the signer opens Bantuan from the penugasan page title
and reads the guide for that page, citing the region's own regulation, without sideways scrolling."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from sikerja.accounts.access import actor_for
from sikerja.assignments import services
from sikerja.assignments.services import MemberInput
from sikerja.organisation.demo.builder import DEMO_PASSWORD
from sikerja.organisation.models import Employee, Unit

from .conftest import DEFAULT_TIMEOUT_MS

pytestmark = [pytest.mark.browser, pytest.mark.req("PLT-7")]
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}


def _page(browser, live_server, username, viewport):
    context = browser.new_context(viewport=viewport, locale="id-ID")
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    page = context.new_page()
    page.goto(f"{live_server.url}/masuk/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    expect(page).to_have_url(f"{live_server.url}/")
    return context, page


def _issued(builder):
    """An individual assignment inside one unit: issued at once, kabid.aptika signs it."""
    kabid = Employee.objects.get(user__username="kabid.aptika")
    today = dt.date.today()
    a = services.propose(
        actor=actor_for(kabid.user, builder.region),
        form="individu",
        owning_unit_id=Unit.objects.get(region=builder.region, code="DISKOMINFO.BID1").pk,
        members=[MemberInput(Employee.objects.get(user__username="pegawai.kominfo").pk)],
        title="Penyusunan buku data sektoral",
        purpose="Menyusun data sektoral",
        target="Buku data sektoral terbit",
        starts_on=today,
        ends_on=today + dt.timedelta(days=90),
        competences=["Statistik"],
        hours_per_week=6,
    )
    a.refresh_from_db()
    return a


NO_OVERFLOW = "document.documentElement.scrollWidth"


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["390", "1366"])
def test_bantuan_from_the_penugasan_page(browser, demo_live, live_server, shots, viewport):
    a = _issued(demo_live)
    profile = demo_live.region.profile
    context, page = _page(browser, live_server, "kabid.aptika", viewport)
    try:
        page.goto(f"{live_server.url}/penugasan/{a.pk}/")
        expect(page.get_by_role("heading", level=1)).to_contain_text(a.title)
        help_link = page.get_by_role("link", name="Bantuan", exact=True)
        expect(help_link).to_be_visible()
        help_link.click()
        expect(page).to_have_url(re.compile(r"/bantuan/ubah-cabut/$"), timeout=DEFAULT_TIMEOUT_MS)
        expect(page.get_by_role("heading", level=1)).to_have_text("Mengakhiri, memperpanjang atau mencabut penugasan")
        expect(page.locator("#steps")).to_contain_text("Terbitkan naskah perubahan")
        expect(page.locator("#citations")).to_contain_text(profile.name)
        assert page.evaluate(NO_OVERFLOW) <= viewport["width"] + 1
        shots(page, f"guide-ubah-cabut-{viewport['width']}")
        page.locator(".crumbs").get_by_role("link", name="Bantuan").click()
        expect(page).to_have_url(re.compile(r"/bantuan/$"))
        expect(page.locator("#guides-flows")).to_contain_text("Pengajuan sukarela")
        assert page.evaluate(NO_OVERFLOW) <= viewport["width"] + 1
        shots(page, f"guide-index-{viewport['width']}")
    finally:
        context.close()
