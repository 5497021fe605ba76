"""Issue 9 item 5 and PLT-4 in a real browser: the signer ends an issued assignment early on a
phone, the assignee sees the change on their home page; the home page by role at both sizes."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from sikerja.accounts.access import actor_for
from sikerja.assignments import services
from sikerja.assignments.models import Assignment
from sikerja.assignments.services import MemberInput
from sikerja.organisation.demo.builder import DEMO_PASSWORD
from sikerja.organisation.models import Employee, Unit

from .conftest import DEFAULT_TIMEOUT_MS

pytestmark = pytest.mark.browser
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


def _issued(builder) -> Assignment:
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
    assert a.status == Assignment.Status.DITERBITKAN
    return a


def test_the_signer_ends_early_on_a_phone_and_the_assignee_sees_it(browser, demo_live, live_server, shots):
    a = _issued(demo_live)
    new_end = dt.date.today() + dt.timedelta(days=30)
    context, signer = _page(browser, live_server, "kabid.aptika", PHONE)
    signer.goto(f"{live_server.url}/penugasan/{a.pk}/")
    change = signer.get_by_role("region", name="Ubah atau cabut penugasan")
    expect(change).to_be_visible()
    change.get_by_label(re.compile("Tanggal selesai yang baru")).fill(new_end.isoformat())
    change.get_by_label("Alasan perubahan").fill("Data sudah lengkap lebih cepat")
    change.get_by_role("button", name="Terbitkan naskah perubahan").click()
    expect(signer.get_by_text(re.compile(r"Diakhiri lebih awal sampai"))).to_be_visible()
    expect(signer.locator("#amendments")).to_contain_text("Data sudah lengkap lebih cepat")
    # Nothing sticks out sideways on a phone.
    assert signer.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
    shots(signer, "lifecycle-ended-phone")
    context.close()

    context, staff = _page(browser, live_server, "pegawai.kominfo", LAPTOP)
    mine = staff.locator("#home-mine")
    expect(mine).to_contain_text(a.title)
    expect(mine).to_contain_text("6 jam/minggu")
    shots(staff, "home-pegawai-laptop")
    context.close()


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1366", "390"])
def test_home_by_role_fits_both_sizes(browser, demo_live, live_server, shots, viewport):
    for username, present, absent in (
        ("kabid.aptika", ["#home-waiting", "#home-staff"], ["#home-quality"]),
        ("admin.bkpsdm", ["#home-quality"], []),
    ):
        context, page = _page(browser, live_server, username, viewport)
        for sel in present:
            expect(page.locator(sel)).to_be_visible()
        for sel in absent:
            expect(page.locator(sel)).to_have_count(0)
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"] + 1, username
        shots(page, f"home-{username}-{viewport['width']}")
        context.close()
