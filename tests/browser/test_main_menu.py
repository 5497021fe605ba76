"""The main menu (PLT-5 admin pages, issue 11): on a 1366 px laptop it stays on one line, the
secondary entries grouped under "Lainnya"; on a 390 px phone every entry can be reached and
opened, the bell and the language switch stay in place."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from sikerja.organisation.demo.builder import DEMO_PASSWORD

from .conftest import DEFAULT_TIMEOUT_MS

pytestmark = pytest.mark.browser

PRIMARY = ["Organisasi", "Pegawai", "Kedudukan", "Surat", "Penugasan", "Pelaksanaan", "Kinerja"]
SECONDARY = ["Proses bisnis", "Profil regulasi", "Impor/Ekspor", "Log peristiwa", "Kelola akun"]


def _open(browser, live_server, username, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="id-ID")
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    page = context.new_page()
    page.goto(f"{live_server.url}/masuk/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{live_server.url}/")
    return context, page


def _link(nav, name):
    # "Penugasan" carries a badge with its count of waiting steps
    return nav.get_by_role("link", name=name, exact=name != "Penugasan").first


@pytest.mark.req("PLT-5", "PLT-6")
@pytest.mark.parametrize("username", ["admin.bkpsdm", "kabid.aptika"])
def test_menu_is_one_line_at_1366(browser, demo_live, live_server, username, shots):
    context, page = _open(browser, live_server, username, 1366, 768)
    nav = page.get_by_role("navigation", name="Menu utama")
    link = _link(nav, "Organisasi").bounding_box()
    box = nav.bounding_box()
    bar = page.locator("header.topbar").bounding_box()
    shots(page, f"menu-1366-{username}")
    assert box["height"] < 2 * link["height"], (box, link)
    assert bar["height"] < 3 * link["height"], (bar, link)  # brand, menu and user menu on one row
    for name in PRIMARY:
        expect(_link(nav, name)).to_be_visible()
    # the secondary entries wait behind "Lainnya" and open over the page, not in the bar
    expect(nav.get_by_role("link", name="Profil regulasi", exact=True)).to_be_hidden()
    nav.locator("summary", has_text="Lainnya").click()
    expect(nav.get_by_role("link", name="Profil regulasi", exact=True)).to_be_visible()
    assert nav.bounding_box()["height"] == box["height"]
    shots(page, f"menu-1366-{username}-open")
    page.keyboard.press("Escape")
    expect(nav.get_by_role("link", name="Profil regulasi", exact=True)).to_be_hidden()
    expect(page.locator("a.bell")).to_be_visible()
    expect(page.locator("#lang-select")).to_be_attached()
    context.close()


@pytest.mark.req("PLT-5")
def test_english_menu_is_one_line_at_1366(browser, demo_live, live_server, shots):
    """English words are longer; the bar still holds one line."""
    context, page = _open(browser, live_server, "admin.bkpsdm", 1366, 768)
    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": live_server.url}])
    page.reload()
    nav = page.get_by_role("navigation", name="Main menu")
    link = nav.locator("a").first.bounding_box()
    shots(page, "menu-1366-en")
    assert nav.bounding_box()["height"] < 2 * link["height"]
    assert page.locator("header.topbar").bounding_box()["height"] < 3 * link["height"]
    nav.locator("summary", has_text="More").click()
    expect(nav.get_by_role("link", name="Event log", exact=True)).to_be_visible()
    context.close()


@pytest.mark.req("PLT-5", "PLT-6")
def test_every_entry_is_reachable_at_390(browser, demo_live, live_server, shots):
    context, page = _open(browser, live_server, "admin.bkpsdm", 390, 844)
    nav = page.get_by_role("navigation", name="Menu utama")
    width = page.evaluate("document.documentElement.clientWidth")
    for name in PRIMARY:
        box = _link(nav, name).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, name
    nav.locator("summary", has_text="Lainnya").click()
    for name in SECONDARY:
        entry = nav.get_by_role("link", name=name, exact=True)
        expect(entry).to_be_visible()
        box = entry.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, name
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    shots(page, "menu-390-open")
    expect(page.locator("a.bell")).to_be_visible()
    nav.get_by_role("link", name="Log peristiwa", exact=True).click()
    page.wait_for_url("**/log/**")
    nav = page.get_by_role("navigation", name="Menu utama")
    expect(nav.locator("summary.current")).to_have_text("Lainnya")  # the group says where you are
    shots(page, "menu-390-log")
    context.close()
