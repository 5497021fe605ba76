"""Issue 10 item 10: the main pages, the forms and the public verification page fit a 390 px
phone and a 1366 px laptop without horizontal overflow (tables scroll inside their own frame),
and no form field overlaps the next column."""

import datetime as dt

import pytest
from django.urls import reverse

from sikerja.accounts.access import actor_for
from sikerja.assignments import services
from sikerja.assignments.models import Assignment
from sikerja.assignments.services import MemberInput
from sikerja.organisation.demo.builder import DEMO_PASSWORD
from sikerja.organisation.models import Employee, Unit

from .conftest import DEFAULT_TIMEOUT_MS

pytestmark = pytest.mark.browser
SIZES = {"390": {"width": 390, "height": 844}, "1366": {"width": 1366, "height": 768}}

# Overflow outside a scrolling table frame, and form fields that stick out of their card.
OVERFLOW_JS = """() => {
  const W = document.documentElement.clientWidth, out = [];
  for (const el of document.querySelectorAll('main *')) {
    if (el.closest('.table-wrap') || el.closest('[data-scrolls]')) continue;
    const r = el.getBoundingClientRect();
    if (r.width && r.right > W + 1) out.push(el.tagName + (el.id ? '#' + el.id : '') + ' ' + Math.round(r.right));
  }
  for (const f of document.querySelectorAll('main input, main select, main textarea')) {
    const card = f.closest('.card, form');
    if (!card || f.type === 'hidden' || f.type === 'checkbox' || f.type === 'radio') continue;
    const a = f.getBoundingClientRect(), b = card.getBoundingClientRect();
    if (a.width && a.right > b.right + 1) out.push('field ' + (f.name || f.id) + ' sticks out of its card');
  }
  return out.slice(0, 10);
}"""


def _issued(builder) -> Assignment:
    kabid = Employee.objects.get(user__username="kabid.aptika")
    today = dt.date.today()
    a = services.propose(
        actor=actor_for(kabid.user, builder.region), form="individu",
        owning_unit_id=Unit.objects.get(region=builder.region, code="DISKOMINFO.BID1").pk,
        members=[MemberInput(Employee.objects.get(user__username="pegawai.kominfo").pk)],
        title="Penyusunan buku data sektoral kabupaten", purpose="Menyusun data sektoral", target="Buku data",
        starts_on=today, ends_on=today + dt.timedelta(days=60), competences=["Statistik"], hours_per_week=4,
    )  # fmt: skip
    a.refresh_from_db()
    return a


@pytest.mark.parametrize("size", SIZES, ids=[f"{k}px" for k in SIZES])
def test_main_pages_fit(browser, demo_live, live_server, size, shots):
    a = _issued(demo_live)
    unit = Unit.objects.get(region=demo_live.region, code="DISKOMINFO")
    employee = Employee.objects.get(user__username="pegawai.kominfo")
    pages = {
        "kabid.aptika": [
            reverse("web:home"), reverse("web:unit_tree"), reverse("web:unit_detail", args=[unit.pk]),
            reverse("web:employee_list"), reverse("web:employee_detail", args=[employee.pk]),
            reverse("penugasan:inbox"), reverse("penugasan:propose"), reverse("penugasan:detail", args=[a.pk]),
            reverse("letters:list"), reverse("letters:detail", args=[a.letter_id]), reverse("web:profile"),
        ],
        "pegawai.kominfo": [reverse("penugasan:apply"), reverse("accounts:mine")],
        "admin.bkpsdm": [
            reverse("ked:report"), reverse("ked:delegations"), reverse("audit:log"),
            reverse("web:employee_manage", args=[employee.pk]), reverse("accounts:admin"),
        ],
    }  # fmt: skip
    problems = {}
    for username, urls in pages.items():
        context = browser.new_context(viewport=SIZES[size], locale="id-ID")
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        page = context.new_page()
        page.goto(f"{live_server.url}/masuk/")
        page.locator("#id_username").fill(username)
        page.locator("#id_password").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Masuk").click()
        page.wait_for_url(f"{live_server.url}/")
        for url in urls:
            page.goto(f"{live_server.url}{url}")
            found = page.evaluate(OVERFLOW_JS)
            if found:
                problems[f"{username} {url}"] = found
                shots(page, f"overflow-{size}-{url.strip('/').replace('/', '-') or 'home'}")
        context.close()
    # The public verification page, where a QR scan lands (no login).
    context = browser.new_context(viewport=SIZES[size], locale="id-ID")
    page = context.new_page()
    page.goto(f"{live_server.url}{reverse('verify:detail', args=[a.letter.verification_code])}")
    assert "SAH" in page.content()
    found = page.evaluate(OVERFLOW_JS.replace("'main *'", "'body *'"))
    if found:
        problems["verifikasi"] = found
        shots(page, f"overflow-{size}-verifikasi")
    context.close()
    assert not problems, problems


def test_skp_behaviour_table_stacks_on_a_phone(browser, demo_live, live_server):
    """On 390 px the BerAKHLAK table of an SKP shows every column in full, one card per value,
    instead of cutting the leader's expectations off behind a sideways scroll."""
    from sikerja.performance.models import Skp

    skp = Skp.objects.filter(employee__user__username="pegawai.kominfo").order_by("-year").first()
    assert skp is not None, "the demo carries an SKP for pegawai.kominfo"
    context = browser.new_context(viewport=SIZES["390"], locale="id-ID")
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    page = context.new_page()
    page.goto(f"{live_server.url}/masuk/")
    page.locator("#id_username").fill("pegawai.kominfo")
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}{reverse('kinerja:skp', args=[skp.pk])}")
    table = page.locator("table.stack")
    assert table.count() == 1
    widest = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('table.stack td')].map(td => td.getBoundingClientRect().right))"
    )
    assert widest <= 390, widest
    assert page.locator("table.stack td[data-label='Ekspektasi khusus pimpinan']").first.is_visible()
    context.close()
