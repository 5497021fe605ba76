"""PLT-5 in a browser: the footer switch changes the language without any inline script, the
English pages fit a 390 px phone and a 1366 px laptop, the choice follows the person to their
next login, and switching back gives Bahasa Indonesia again."""

import pytest
from django.urls import reverse

from sikerja.organisation.demo.builder import DEMO_PASSWORD

from .conftest import DEFAULT_TIMEOUT_MS
from .test_layout_sizes import OVERFLOW_JS, SIZES

pytestmark = pytest.mark.browser


def _sign_in(browser, live_server, size, username, button):
    context = browser.new_context(viewport=SIZES[size], locale="en-US")  # an English browser
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    page = context.new_page()
    page.goto(f"{live_server.url}/masuk/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name=button).click()
    page.wait_for_url(f"{live_server.url}/")
    return context, page


@pytest.mark.req("PLT-5")
@pytest.mark.parametrize("size", SIZES, ids=[f"{k}px" for k in SIZES])
def test_switch_to_english_fits_and_is_remembered(browser, demo_live, live_server, size, shots):
    context, page = _sign_in(browser, live_server, size, "kabid.aptika", "Masuk")
    # An English browser still gets Bahasa Indonesia until the person chooses.
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.get_by_role("button", name="Keluar").is_visible()
    page.locator("#lang-select").select_option("en")  # sikerja.js submits the form on change
    page.wait_for_function("document.documentElement.lang === 'en'")
    assert page.get_by_role("button", name="Sign out").is_visible()
    assert "Display language changed." in page.content()
    problems = {}
    for url in (
        reverse("web:home"), reverse("penugasan:inbox"), reverse("penugasan:propose"),
        reverse("web:employee_list"), reverse("letters:list"), reverse("web:profile"), reverse("guide:index"),
    ):  # fmt: skip
        page.goto(f"{live_server.url}{url}")
        assert page.locator("html").get_attribute("lang") == "en", url
        found = page.evaluate(OVERFLOW_JS.replace("'main *'", "'body *'"))
        if found:
            problems[url] = found
            shots(page, f"overflow-en-{size}-{url.strip('/').replace('/', '-') or 'home'}")
    assert not problems, problems
    context.close()
    # Another device, no cookie: the stored choice comes back with the login.
    context, page = _sign_in(browser, live_server, size, "kabid.aptika", "Masuk")
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator("#lang-select").select_option("id")
    page.wait_for_function("document.documentElement.lang === 'id'")
    assert page.get_by_role("button", name="Keluar").is_visible()
    context.close()
