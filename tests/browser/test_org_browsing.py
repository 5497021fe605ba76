"""Issue 2: browsing the organisation in a real browser (Chromium through Playwright).

The demo region is the real generator's output (300 employees, seed 11); expected values
are read back through the ORM, never hard-coded from a particular seed's random names.
"""

import re

import pytest
from playwright.sync_api import expect

from sikerja.organisation import selectors
from sikerja.organisation.demo.builder import DEMO_PASSWORD, build_demo_region
from sikerja.organisation.models import Employee, Position, Unit
from sikerja.organisation.rules.golongan import pangkat_label

pytestmark = pytest.mark.browser

LOGIN_ERROR = "Nama pengguna atau kata sandi salah."


def _unit(builder, code):
    return Unit.objects.get(region=builder.region, code=code)


@pytest.mark.req("ORG-1", "ORG-2", "ORG-3", "ORG-5", "ORG-6", "KED-1")
def test_kepala_pd_browses_tree_unit_and_employee(page, demo_live, live_server, login_as, shots):
    """kadis.kominfo: login → Organisasi → expand a PD → search → unit → employee."""
    diskominfo = _unit(demo_live, "DISKOMINFO")
    aptika = _unit(demo_live, "DISKOMINFO.BID1")
    leader = selectors.unit_leader(aptika)
    assert leader is not None
    kinds = set(Position.objects.filter(unit=aptika).values_list("kind", flat=True))
    kind_labels = {str(dict(Position._meta.get_field("kind").choices)[k]) for k in kinds}
    # a staff member who is not the leader (the login 'pegawai.kominfo' works there)
    employee = Employee.objects.select_related("position", "unit").get(user__username="pegawai.kominfo")
    assert employee.unit_id == aptika.pk
    placement = selectors.current_placement(employee)
    assert placement is not None

    # -- login through the form
    login_as("kadis.kominfo")
    expect(page).to_have_url(f"{live_server.url}/")
    nav = page.get_by_role("navigation", name="Menu utama")
    expect(nav).to_be_visible()
    shots(page, "01-home")

    # -- open "Organisasi" from the top nav
    nav.get_by_role("link", name="Organisasi", exact=True).click()
    expect(page).to_have_url(f"{live_server.url}/organisasi/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Pohon organisasi")
    tree = page.locator("#unit-tree")
    node = tree.locator(f"li[data-unit='{diskominfo.pk}']")
    expect(node).to_be_visible()
    shots(page, "02-tree")

    # -- expand a perangkat daerah: htmx loads its children into the nested <ul>
    children = node.locator(":scope > ul > li[data-unit]")
    expect(children).to_have_count(0)
    toggle = node.locator(":scope > .node > button.toggle")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.click()
    expected_children = list(Unit.objects.filter(parent=diskominfo, is_active=True).values_list("name", flat=True))
    expect(children).to_have_count(len(expected_children))
    expect(node.locator(":scope > ul")).to_contain_text("Bidang Aplikasi Informatika")
    expect(node.locator(f"li[data-unit='{aptika.pk}'] > .node a")).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    shots(page, "03-tree-expanded")
    # a second click folds it again without another request
    toggle.click()
    expect(node.locator(":scope > ul")).to_be_hidden()
    expect(toggle).to_have_attribute("aria-expanded", "false")

    # -- search for the unit and open it
    page.get_by_role("searchbox", name="Cari unit").fill("Aplikasi Informatika")
    page.get_by_role("button", name="Cari").click()
    results = page.locator("#search-results")
    expect(results).to_be_visible()
    expect(results.get_by_role("link", name="Bidang Aplikasi Informatika", exact=True)).to_be_visible()
    shots(page, "04-search")
    results.get_by_role("link", name="Bidang Aplikasi Informatika", exact=True).click()

    # -- unit page: leader, peta jabatan (positions + kinds), staff
    expect(page).to_have_url(f"{live_server.url}/organisasi/unit/{aptika.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bidang Aplikasi Informatika")
    leader_card = page.locator(".card").filter(has=page.get_by_role("heading", name="Pimpinan unit"))
    expect(leader_card).to_contain_text(leader.full_name)
    expect(leader_card).to_contain_text(leader.position.name)

    peta = page.locator("table#peta-jabatan")
    expect(peta.locator("thead")).to_contain_text("Jabatan")
    expect(peta.locator("thead")).to_contain_text("Jenis")
    expect(peta.locator("tbody tr")).to_have_count(Position.objects.filter(unit=aptika).count())
    expect(peta.locator("tbody tr").first).to_contain_text(leader.position.name)
    expect(peta.locator("tbody tr").first).to_contain_text("pimpinan")
    kind_cells = peta.locator("tbody tr td:nth-child(2)")
    for label in kind_labels:
        expect(kind_cells.filter(has_text=label).first).to_be_visible()

    staff = page.locator("table#staff")
    expect(staff).to_be_visible()
    n_staff = Employee.objects.filter(unit=aptika, is_active=True).count()
    expect(staff.locator("tbody tr")).to_have_count(min(n_staff, 50))
    expect(staff.locator("tbody tr").first).to_contain_text(leader.full_name)
    shots(page, "05-unit")

    # -- click an employee
    row = staff.locator("tbody tr").filter(has_text=employee.nip)
    expect(row).to_have_count(1)
    row.get_by_role("link").click()
    expect(page).to_have_url(f"{live_server.url}/pegawai/{employee.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(employee.full_name)

    facts = page.locator("dl#employee-facts")

    def fact(dl, label):
        return dl.locator("dt", has_text=re.compile(rf"^{re.escape(label)}$")).locator("xpath=following-sibling::dd[1]")

    expect(fact(facts, "NIP")).to_have_text(re.compile(r"^\d{18}$"))
    expect(fact(facts, "NIP")).to_have_text(employee.nip)
    expect(fact(facts, "Status")).to_have_text(employee.get_status_display())
    expect(fact(facts, "Pangkat/golongan")).to_have_text(pangkat_label(employee.status, employee.golongan))
    expect(fact(facts, "Pangkat/golongan")).not_to_have_text("")

    jabatan = page.locator(".card").filter(has=page.get_by_role("heading", name="Jabatan", exact=True)).locator("dl")
    expect(fact(jabatan, "Jabatan")).to_have_text(employee.position.name)
    expect(fact(jabatan, "Unit")).to_have_text(aptika.name)
    expect(fact(jabatan, "Perangkat daerah")).to_have_text(diskominfo.name)
    assessor = page.locator("#assessor")
    expect(assessor).to_contain_text(placement.assessor.full_name)
    expect(assessor).to_contain_text(placement.assessor.position.name)
    expect(assessor).not_to_contain_text("Belum ditetapkan")
    shots(page, "06-employee")


@pytest.mark.req("ORG-1")
def test_org_chart_collapse_expand(page, demo_live, live_server, login_as, shots):
    diskominfo = _unit(demo_live, "DISKOMINFO")
    aptika = _unit(demo_live, "DISKOMINFO.BID1")
    units = (
        Unit.objects.filter(region=demo_live.region).descendants(diskominfo, include_self=True).filter(is_active=True)
    )
    n_units = units.count()
    n_branches = units.filter(children__is_active=True).distinct().count()
    seksi = Unit.objects.filter(parent=aptika, is_active=True).order_by("order", "name").first()
    assert seksi is not None and n_branches >= 2
    collapsed_cls = re.compile(r"\bcollapsed\b")

    login_as("kadis.kominfo")
    expect(page.get_by_role("navigation", name="Menu utama")).to_be_visible()
    page.goto(f"{live_server.url}/organisasi/unit/{diskominfo.pk}/bagan/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Bagan organisasi {diskominfo.name}")
    chart = page.locator("#orgchart")
    expect(chart.locator("li[data-unit]")).to_have_count(n_units)
    root = chart.locator(f"li[data-unit='{diskominfo.pk}']")
    expect(root.locator(":scope > .orgnode a.t")).to_have_text(diskominfo.name)
    shots(page, "07-chart")

    # collapse one branch (a bidang with seksi under it), then open it again
    branch = chart.locator(f"li[data-unit='{aptika.pk}']")
    branch_toggle = branch.locator(":scope > .orgnode [data-toggle]")
    seksi_box = chart.locator(f"li[data-unit='{seksi.pk}'] > .orgnode")
    expect(branch).not_to_have_class(collapsed_cls)
    expect(seksi_box).to_be_visible()
    branch_toggle.click()
    expect(branch).to_have_class(collapsed_cls)
    expect(branch.locator(":scope > .orgnode")).to_have_class(collapsed_cls)
    expect(branch_toggle).to_have_attribute("aria-expanded", "false")
    expect(seksi_box).to_be_hidden()
    expect(root).not_to_have_class(collapsed_cls)  # only that branch folds
    shots(page, "08-chart-branch-collapsed")
    branch_toggle.click()
    expect(branch).not_to_have_class(collapsed_cls)
    expect(branch_toggle).to_have_attribute("aria-expanded", "true")
    expect(seksi_box).to_be_visible()

    # fold the branch and the root, then "Buka semua" opens every branch
    branch_toggle.click()
    root.locator(":scope > .orgnode [data-toggle]").click()
    expect(chart.locator("li.collapsed")).to_have_count(2)
    expect(branch.locator(":scope > .orgnode")).to_be_hidden()
    page.locator("[data-chart=expand]").click()
    expect(chart.locator("li.collapsed")).to_have_count(0)
    expect(chart.locator("[data-toggle][aria-expanded=false]")).to_have_count(0)
    expect(seksi_box).to_be_visible()
    shots(page, "09-chart-expanded")

    # and "Tutup semua" folds them all
    page.locator("[data-chart=collapse]").click()
    expect(chart.locator("li.collapsed")).to_have_count(n_branches)
    expect(branch.locator(":scope > .orgnode")).to_be_hidden()


@pytest.mark.req("PRF-3")
def test_pegawai_scope_and_other_region(page, demo_live, live_server, login_as, shots):
    bkpsdm = _unit(demo_live, "BKPSDM")
    _, _, other = build_demo_region(
        n_employees=120, seed=12, slug="lain", name="Kabupaten Lain", profile="barito-utara", user_prefix="lain"
    )
    foreign = Unit.objects.filter(region=other.region).order_by("pk").first()

    login_as("pegawai.kominfo")
    expect(page.get_by_role("navigation", name="Menu utama")).to_be_visible()

    page.goto(f"{live_server.url}/organisasi/unit/{bkpsdm.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(bkpsdm.name)
    expect(page.get_by_text("Data pegawai unit ini berada di luar cakupan Anda.")).to_be_visible()
    expect(page.locator("table#staff")).to_have_count(0)
    # the unit's structure is public inside the region, its people are not linked
    expect(page.locator("table#peta-jabatan")).to_be_visible()
    expect(page.locator("#main a[href^='/pegawai/']")).to_have_count(0)
    shots(page, "10-unit-out-of-scope")

    response = page.goto(f"{live_server.url}/organisasi/unit/{foreign.pk}/")
    assert response.status == 404
    expect(page.get_by_text(foreign.name)).to_have_count(0)
    expect(page.locator("body")).to_contain_text(re.compile("not found|tidak ditemukan", re.I))
    shots(page, "11-other-region-404")


# Login is infrastructure, not a catalogue requirement: no req marker on purpose.
def test_wrong_password_shows_indonesian_error(page, transactional_db, django_user_model, live_server, login_as, shots):
    # the account exists: it is the password that is wrong (no demo region needed)
    django_user_model.objects.create_user(username="kadis.kominfo", password=DEMO_PASSWORD)
    login_as("kadis.kominfo", password="salah-sandi")
    expect(page).to_have_url(re.compile(r"/masuk/"))
    expect(page.get_by_role("alert")).to_have_text(LOGIN_ERROR)
    expect(page.get_by_role("navigation", name="Menu utama")).to_have_count(0)
    shots(page, "12-login-error")
