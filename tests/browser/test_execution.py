"""Issue 12 in a real browser (Chromium through Playwright), on the demo region (PPU profile):
one individual assignment from its issued letter to an accepted result — the activity and
budget plan approved first (PPU Ps 5(1)), a progress report
with a link as evidence, the result submitted, reviewed up the Dinas chain (PPK, then the
Kepala Dinas accepts, PPU Lampiran huruf C angka 4) — at 1366 px, and the work's page at 390 px.

Names are read back through the ORM, never hard-coded from a particular seed."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from sikerja.assignments import services as penugasan
from sikerja.assignments.services import MemberInput
from sikerja.execution.models import Work
from sikerja.organisation.demo.builder import DEMO_PASSWORD
from sikerja.organisation.models import Employee, Unit

from .conftest import DEFAULT_TIMEOUT_MS

pytestmark = pytest.mark.browser
LINK = "https://drive.example.go.id/laporan-bulan-1"


@pytest.fixture
def as_user(browser, demo_live, live_server):
    contexts, pages = [], {}

    def _as(username, width=1366):
        key = (username, width)
        if key not in pages:
            context = browser.new_context(viewport={"width": width, "height": 900}, locale="id-ID")
            context.set_default_timeout(DEFAULT_TIMEOUT_MS)
            contexts.append(context)
            page = context.new_page()
            page.goto(f"{live_server.url}/masuk/")
            page.locator("#id_username").fill(username)
            page.locator("#id_password").fill(DEMO_PASSWORD)
            page.get_by_role("button", name="Masuk").click()
            expect(page).to_have_url(f"{live_server.url}/")
            pages[key] = page
        return pages[key]

    yield _as
    for context in contexts:
        context.close()


def employee(username):
    return Employee.objects.get(user__username=username)


def _no_horizontal_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), "halaman melebar"


@pytest.mark.req("TJ-1", "PEL-3", "PEL-4", "MEK-2", "MEK-3", "MEK-4", "MEK-5")
def test_individual_assignment_from_issued_to_accepted(as_user, demo_live, live_server, shots):
    region = demo_live.region
    start = dt.date.today()
    a = penugasan.propose(
        actor=_actor("kabid.aptika", region),
        form="individu",
        owning_unit_id=Unit.objects.get(region=region, code="DISKOMINFO.BID1").pk,
        members=[MemberInput(employee("pegawai.kominfo").pk)],
        title="Aplikasi antrean puskesmas",
        purpose="Antrean daring",
        target="Dipakai di 5 puskesmas",
        competences=["Pemrograman"],
        starts_on=start,
        ends_on=start + dt.timedelta(days=60),
        hours_per_week=4,
    )
    assert a.status == "diterbitkan"
    work = Work.objects.get(assignment=a)

    # The assignee: "Pelaksanaan saya" → the work → a report with a link.
    me = as_user("pegawai.kominfo")
    me.get_by_role("link", name="Pelaksanaan", exact=True).click()
    expect(me.get_by_role("heading", name="Pelaksanaan saya")).to_be_visible()
    row = me.locator(f"tr[data-work='{work.pk}']")
    expect(row).to_contain_text("Pegawai yang ditugaskan")
    row.get_by_role("link", name="Aplikasi antrean puskesmas").click()
    # PPU Ps 5(1): the activity and budget plan first (PEL-6), approved by the PPK.
    expect(me.locator("#plan-first-note")).to_be_visible()
    me.get_by_role("link", name="Rencana kegiatan dan anggaran").first.click()
    plan_row = me.locator("#plan-form tbody tr").first
    plan_row.locator("input[name=name]").fill("Rancang dan bangun aplikasi")
    plan_row.locator("input[name=output]").fill("Aplikasi antrean")
    plan_row.locator("input[name=starts_on]").fill(start.isoformat())
    plan_row.locator("input[name=ends_on]").fill((start + dt.timedelta(days=60)).isoformat())
    plan_row.locator("input[name=b_desc]").fill("Sewa server")
    plan_row.locator("input[name=b_amount]").fill("2.000.000")
    plan_row.locator("input[name=b_code]").fill("2.16.02.2.02.0001")
    me.get_by_role("button", name="Simpan rencana").click()
    expect(me.locator("#plan-total")).to_have_text("Rp2.000.000")
    me.get_by_role("button", name="Ajukan rencana untuk disetujui").click()
    planner = as_user("kabid.aptika")
    planner.goto(f"{live_server.url}/pelaksanaan/{work.pk}/rencana/")
    planner.get_by_role("button", name="Setujui rencana").click()
    expect(planner.get_by_text("Rencana disetujui; pelaksanaan dapat dimulai.")).to_be_visible()
    me.goto(f"{live_server.url}/pelaksanaan/{work.pk}/")
    me.locator("#report-progress").fill("50")
    me.locator("#report-realisation").fill("Rancangan layar dan basis data selesai")
    me.locator("#report-budget").fill("1.250.000")
    me.locator("#report-links").fill(LINK)
    me.get_by_role("button", name="Sampaikan laporan").click()
    expect(me.get_by_text("Laporan kemajuan disampaikan.")).to_be_visible()
    report = me.locator("article[data-kind='individu']")
    expect(report).to_contain_text("Pasal 12 ayat (3)")
    expect(report).to_contain_text("Rp1.250.000")
    expect(report.get_by_role("link", name=LINK)).to_be_visible()
    kabid, kadis = employee("kabid.aptika"), employee("kadis.kominfo")
    expect(me.locator("#planned-chain")).to_contain_text(kabid.full_name)
    expect(me.locator("#planned-chain")).to_contain_text(kadis.full_name)
    me.locator("#submit-summary").fill("Aplikasi antrean berjalan di lima puskesmas")
    me.get_by_role("button", name="Sampaikan hasil").click()
    expect(me.get_by_text("Hasil pelaksanaan disampaikan untuk direviu.")).to_be_visible()
    shots(me, "pelaksanaan-diajukan")

    # The PPK (Kepala Bidang) reviews first and forwards with a note.
    ppk = as_user("kabid.aptika")
    ppk.goto(f"{live_server.url}/pelaksanaan/")
    ppk.locator("#reviews-link").click()
    ppk.locator("#waiting-reviews").get_by_role("link", name="Aplikasi antrean puskesmas").click()
    ppk.locator("#review-notes").fill("Sudah sesuai rencana")
    ppk.get_by_role("button", name="Teruskan ke tahap berikutnya").click()
    expect(ppk.get_by_text("Hasil diteruskan ke tahap reviu berikutnya.")).to_be_visible()

    # The Kepala Dinas accepts: the work is selesai.
    head = as_user("kadis.kominfo")
    head.goto(f"{live_server.url}/pelaksanaan/menunggu-reviu/")
    head.locator("#waiting-reviews").get_by_role("link", name="Aplikasi antrean puskesmas").click()
    expect(head.locator("#review-form")).to_contain_text("Lampiran huruf C angka 4")
    head.get_by_role("button", name="Terima, sesuai target").click()
    expect(head.get_by_text("Hasil diterima; penugasan selesai.")).to_be_visible()

    # The assignee sees who decided what, when and why (MEK-5), on a phone too.
    phone = as_user("pegawai.kominfo", width=390)
    phone.goto(f"{live_server.url}/pelaksanaan/{work.pk}/")
    expect(phone.locator("h1 .badge")).to_have_text("Selesai")
    chain = phone.locator("#review-chain")
    expect(chain).to_contain_text(kabid.full_name)
    expect(chain).to_contain_text("Sudah sesuai rencana")
    expect(chain).to_contain_text("Diterima, sesuai target")
    expect(phone.locator("#accepted-at")).to_be_visible()
    _no_horizontal_scroll(phone)
    shots(phone, "pelaksanaan-selesai-390")
    phone.goto(f"{live_server.url}/pelaksanaan/")
    expect(phone.locator(f"tr[data-work='{work.pk}']")).to_contain_text("Selesai")
    _no_horizontal_scroll(phone)
    work.refresh_from_db()
    assert work.status == "selesai" and work.accepted_at


def _actor(username, region):
    from django.contrib.auth import get_user_model

    from sikerja.accounts.access import actor_for

    return actor_for(get_user_model().objects.get(username=username), region)


@pytest.mark.req("MEK-1", "PEL-4", "PEL-6", "TJ-3")
@pytest.mark.parametrize("width", [1366, 390])
def test_planning_team_and_monitoring_pages_fit_the_screen(as_user, demo_live, live_server, shots, width):
    """The seeded Setda loop (execution.demo): the Asisten's monitoring, the Sekda's agreement,
    the team's page and its plan, with no page-wide scrolling at 1366 and 390 px."""
    from sikerja.execution.demo import seed_execution
    from sikerja.execution.models import PerformanceAgreement

    region = demo_live.region
    seed_execution(region)
    agreement = PerformanceAgreement.objects.get(region=region, unit__code="SETDA")
    team = Work.objects.get(region=region, target__agreement=agreement, is_team=True)
    page = as_user("asisten.pemerintahan", width=width)
    page.goto(f"{live_server.url}/pelaksanaan/pemantauan/")
    expect(page.locator("#monitor")).to_contain_text("Tim Tindak Lanjut Evaluasi Kelembagaan")
    expect(page.locator(f"#monitor tr[data-work='{team.pk}'] .badge.bad")).to_be_visible()
    _no_horizontal_scroll(page)
    shots(page, f"pemantauan-{width}")
    page.goto(f"{live_server.url}/pelaksanaan/perjanjian-kinerja/{agreement.pk}/")
    expect(page.locator("#targets")).to_contain_text("85%")
    _no_horizontal_scroll(page)
    page.goto(f"{live_server.url}/pelaksanaan/{team.pk}/tim/")
    expect(page.locator("#h-problems")).to_be_visible()
    expect(page.get_by_role("button", name="Putuskan")).to_have_count(1)  # the owning unit's leader decides (PEL-5)
    _no_horizontal_scroll(page)
    shots(page, f"tim-{width}")
    page.goto(f"{live_server.url}/pelaksanaan/{team.pk}/rencana/")
    expect(page.locator("#plan-status")).to_contain_text("Disetujui")
    _no_horizontal_scroll(page)
