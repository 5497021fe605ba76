"""Issue 5: penugasan in a real browser (Chromium through Playwright), on the demo region
(PPU profile). Each person works in their own browser context, logged in once, so a flow that
passes between several officials needs no logging out and in again.

Expected values (names, units, articles) are read back through the ORM, never hard-coded from
a particular seed's random names."""

import re

import pytest
from playwright.sync_api import expect

from sikerja.assignments.models import Assignment, Member, Step
from sikerja.organisation.demo.builder import DEMO_PASSWORD
from sikerja.organisation.models import Employee, Unit

from .conftest import DEFAULT_TIMEOUT_MS

pytestmark = pytest.mark.browser

PPU = "Perbup Penajam Paser Utara 31/2024"


@pytest.fixture
def as_user(browser, demo_live, live_server):
    """as_user('kabid.aptika') -> a page of that user, logged in through the form (once)."""
    contexts, pages = [], {}

    def _as(username):
        if username not in pages:
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
            context.set_default_timeout(DEFAULT_TIMEOUT_MS)
            contexts.append(context)
            page = context.new_page()
            page.goto(f"{live_server.url}/masuk/")
            page.locator("#id_username").fill(username)
            page.locator("#id_password").fill(DEMO_PASSWORD)
            page.get_by_role("button", name="Masuk").click()
            expect(page).to_have_url(f"{live_server.url}/")
            pages[username] = page
        return pages[username]

    yield _as
    for context in contexts:
        context.close()


def employee(username):
    return Employee.objects.select_related("unit", "position").get(user__username=username)


def _unit(builder, code):
    return Unit.objects.get(region=builder.region, code=code)


def fill_work(page, title, competences="Analisis Data dan Statistik"):
    page.locator("#id_title").fill(title)
    page.locator("#id_purpose").fill("Membangun aplikasi layanan perizinan terpadu")
    page.locator("#id_target").fill("Aplikasi dipakai di tiga perangkat daerah")
    page.locator("#id_competences").fill(competences)
    page.locator("#id_starts_on").fill("2026-12-01")
    page.locator("#id_ends_on").fill("2027-02-26")
    page.locator("#id_hours_per_week").fill("6")


def add_candidate(page, person):
    """Find a person with the candidate panel and add them to the form."""
    panel = page.locator("#candidate-panel")
    panel.get_by_role("searchbox", name="Nama atau NIP").fill(person.name)
    panel.get_by_role("button", name="Cari calon").click()
    row = page.locator(f"#candidate-table tr[data-employee='{person.pk}']")
    expect(row).to_be_visible()
    expect(row).to_contain_text("%")  # load of the worst week
    expect(row).to_contain_text("Beban jabatan")
    row.get_by_role("button", name=f"Tambahkan {person.full_name}").click()
    expect(page.locator(f"#member-rows tr[data-employee='{person.pk}']")).to_be_visible()
    expect(row.get_by_role("button")).to_have_text("Ditambahkan")


def open_waiting(page, live_server, assignment):
    """From the menu to the inbox, then to the assignment waiting for this user."""
    page.goto(f"{live_server.url}/")
    nav = page.get_by_role("navigation", name="Menu utama")
    expect(nav.locator("#penugasan-badge")).to_be_visible()
    nav.get_by_role("link", name=re.compile(r"^Penugasan")).click()
    expect(page).to_have_url(f"{live_server.url}/penugasan/")
    waiting = page.locator("table#to-act")
    waiting.get_by_role("link", name=assignment.title).first.click()
    expect(page).to_have_url(f"{live_server.url}/penugasan/{assignment.pk}/")


@pytest.mark.req("PEN-6", "PEN-7", "PEN-9", "PEN-14", "PEN-15")
def test_cross_unit_individual_assignment_end_to_end(demo_live, live_server, as_user, shots):
    """kabid.aptika proposes pegawai.ikp → kabid.ikp approves → kabid.aptika issues → the
    letter reaches pegawai.ikp."""
    ikp = employee("pegawai.ikp")
    aptika = _unit(demo_live, "DISKOMINFO.BID1")

    # -- kabid.aptika: Penugasan → Penunjukan baru; the unit they lead is preselected
    leader = as_user("kabid.aptika")
    leader.get_by_role("navigation", name="Menu utama").get_by_role("link", name=re.compile(r"^Penugasan")).click()
    leader.get_by_role("link", name="Penunjukan baru").click()
    expect(leader.get_by_role("heading", level=1)).to_have_text("Penunjukan")
    expect(leader.locator("#id_owning_unit")).to_have_value(str(aptika.pk))
    fill_work(leader, "Aplikasi perizinan terpadu")
    add_candidate(leader, ikp)
    shots(leader, "pen-01-propose")
    leader.get_by_role("button", name="Kirim penunjukan").click()
    assignment = Assignment.objects.get(title="Aplikasi perizinan terpadu")
    expect(leader).to_have_url(f"{live_server.url}/penugasan/{assignment.pk}/")
    expect(leader.locator(".messages")).to_contain_text("Usulan penugasan dikirim")
    request = assignment.steps.get(kind=Step.Kind.JAWAB_PERMOHONAN)
    expect(leader.locator(f"#steps tr[data-step='{request.pk}']")).to_contain_text(f"{PPU} Pasal 11 ayat (1) huruf a")

    # -- kabid.ikp: the badge, the inbox, the answer
    home_leader = as_user("kabid.ikp")
    open_waiting(home_leader, live_server, assignment)
    action = home_leader.locator(f"#action-{request.pk}")
    expect(action.get_by_role("checkbox", name=re.compile(re.escape(ikp.full_name)))).to_be_checked()
    shots(home_leader, "pen-02-answer")
    action.get_by_role("button", name="Setujui yang dicentang").click()
    expect(home_leader.locator(".messages")).to_contain_text("Keputusan Anda dicatat.")
    expect(home_leader.locator(f"#steps tr[data-step='{request.pk}']")).to_contain_text("Disetujui")

    # -- kabid.aptika issues the letter
    leader.reload()
    leader.get_by_role("button", name="Terbitkan naskah").click()
    expect(leader.locator(".messages")).to_contain_text("Naskah penugasan diterbitkan dengan nomor")
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.DITERBITKAN
    expect(leader.locator("#letter")).to_contain_text(assignment.letter.number)

    # -- pegawai.ikp: "Penugasan yang Anda terima", and the letter opens
    staff = as_user("pegawai.ikp")
    staff.goto(f"{live_server.url}/penugasan/")
    received = staff.locator("table#received")
    expect(received).to_contain_text(assignment.title)
    shots(staff, "pen-03-received")
    received.get_by_role("link", name=assignment.letter.number).click()
    expect(staff).to_have_url(f"{live_server.url}/surat/{assignment.letter_id}/")
    expect(staff.get_by_role("heading", level=1)).to_contain_text(assignment.letter.number)
    pdf = staff.request.get(f"{live_server.url}/surat/{assignment.letter_id}/pdf/")
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"


@pytest.mark.req("PEN-8", "PEN-9", "PEN-10", "PEN-11", "MEK-5")
def test_cross_unit_team_with_one_rejection(demo_live, live_server, as_user, shots):
    """A team of pegawai.kominfo (ketua), pegawai.ikp and pegawai.bappeda: kabid.ikp approves,
    kabid.riset refuses with a reason; the letter names the rest, the page shows the reason."""
    ketua, ikp, bappeda = employee("pegawai.kominfo"), employee("pegawai.ikp"), employee("pegawai.bappeda")
    reason = "Sedang menyusun RKPD sampai Maret"

    leader = as_user("kabid.aptika")
    leader.goto(f"{live_server.url}/penugasan/baru/")
    leader.get_by_label("Tim kerja").check()
    expect(leader.get_by_role("button", name="Urutkan calon ketua")).to_be_visible()
    fill_work(leader, "Tim Satu Data", competences="Analisis Data dan Statistik, Penyusunan Kebijakan")
    for person in (ketua, ikp, bappeda):
        add_candidate(leader, person)
    leader.locator(f"#role_{ketua.pk}").select_option("ketua")
    leader.get_by_role("button", name="Urutkan calon ketua").click()
    ranking = leader.locator("#ketua-ranking")
    expect(ranking.locator("ol.ketua-ranked > li")).to_have_count(3)
    expect(ranking).to_contain_text(f"{PPU} Pasal 10")
    shots(leader, "pen-04-team")
    leader.get_by_role("button", name="Kirim penunjukan").click()
    team = Assignment.objects.get(title="Tim Satu Data")
    expect(leader).to_have_url(f"{live_server.url}/penugasan/{team.pk}/")
    assert team.scope == "lintas_pd" and team.members.get(role=Member.Role.KETUA).employee_id == ketua.pk

    # kabid.ikp approves
    page = as_user("kabid.ikp")
    open_waiting(page, live_server, team)
    page.get_by_role("button", name="Setujui yang dicentang").click()
    expect(page.locator(".messages")).to_contain_text("Keputusan Anda dicatat.")

    # kabid.riset refuses; first without a reason (PPU Ps 11(1) huruf d)
    page = as_user("kabid.riset")
    open_waiting(page, live_server, team)
    page.get_by_role("button", name="Tolak semua").click()
    expect(page.locator("[role=alert]").first).to_contain_text("Penolakan wajib disertai alasan")
    page.get_by_label(re.compile(r"^Alasan/catatan")).fill(reason)
    page.get_by_role("button", name="Tolak semua").click()
    expect(page.locator(".messages")).to_contain_text("Penolakan Anda dicatat")

    # kabid.aptika issues the keputusan (PPU Ps 10(4))
    leader.goto(f"{live_server.url}/penugasan/{team.pk}/")
    leader.get_by_role("button", name="Terbitkan naskah").click()
    expect(leader.locator(".messages")).to_contain_text("Naskah penugasan diterbitkan")
    team.refresh_from_db()
    assert team.status == Assignment.Status.DITERBITKAN and team.letter.kind == "keputusan"
    names = [m["person"]["name"] for m in team.letter.payload["team"]]
    assert bappeda.full_name not in names and names[0] == ketua.full_name
    rejected = leader.locator(f"#members tr[data-member='{team.members.get(employee=bappeda).pk}']")
    expect(rejected).to_contain_text("Ditolak")
    expect(rejected).to_contain_text(reason)
    riset_step = team.steps.get(official__user__username="kabid.riset")
    expect(leader.locator(f"#steps tr[data-step='{riset_step.pk}']")).to_contain_text(reason)
    expect(leader.locator("#history")).to_contain_text(reason)
    shots(leader, "pen-05-team-issued")


@pytest.mark.req("PEN-3", "PEN-12", "MEK-5")
def test_voluntary_application_ppu_steps(demo_live, live_server, as_user, shots):
    """pegawai.ikp applies to DISKOMINFO.BID1 work; the steps of PPU Ps 11(3) are taken in turn
    by pegawai.ikp, kabid.aptika and kabid.ikp; the surat penugasan is issued."""
    aptika = _unit(demo_live, "DISKOMINFO.BID1")
    applicant = as_user("pegawai.ikp")
    applicant.goto(f"{live_server.url}/penugasan/")
    applicant.get_by_role("link", name="Pengajuan sukarela").click()
    applicant.locator("#id_owning_unit").select_option(str(aptika.pk))
    preview = applicant.locator("#voluntary-steps")
    expect(preview).to_contain_text(f"{PPU} Pasal 11 ayat (3)")
    expect(preview.locator("ol > li")).to_have_count(7)
    fill_work(applicant, "Modul data perizinan")
    shots(applicant, "pen-06-apply")
    applicant.get_by_role("button", name="Sampaikan pengajuan").click()
    application = Assignment.objects.get(title="Modul data perizinan")
    expect(applicant).to_have_url(f"{live_server.url}/penugasan/{application.pk}/")

    who = {"pegawai": "pegawai.ikp", "pimpinan_unit_pemilik_kinerja": "kabid.aptika", "pimpinan_unit": "kabid.ikp"}
    for s in application.steps.filter(status=Step.Status.MENUNGGU).order_by("order"):
        page = as_user(who[s.role])
        page.goto(f"{live_server.url}/penugasan/{application.pk}/")
        action = page.locator(f"#action-{s.pk}")
        expect(action).to_contain_text(s.article)
        button = {"terbitkan": "Terbitkan naskah", "konfirmasi": "Kirim", "persetujuan": "Setujui"}[s.kind]
        action.get_by_role("button", name=button, exact=True).click()
        expect(page.locator(".messages")).to_be_visible()
        expect(page.locator(f"#steps tr[data-step='{s.pk}']")).not_to_contain_text("Menunggu")
    application.refresh_from_db()
    assert application.status == Assignment.Status.DITERBITKAN and application.letter.kind == "surat_penugasan"
    applicant.goto(f"{live_server.url}/penugasan/")
    expect(applicant.locator("table#received")).to_contain_text(application.letter.number)
    applicant.goto(f"{live_server.url}/penugasan/{application.pk}/")
    expect(applicant.locator("#history tbody tr")).to_have_count(application.steps.exclude(order=1).count() + 1)
    shots(applicant, "pen-07-voluntary-issued")
