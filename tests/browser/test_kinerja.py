"""Issue 13 in a real browser: one employee from an SKP draft to a final annual predikat, the
PPK approving and evaluating, and the curve warning shown to the unit's leader after the
Kepala Dinas sets the unit's predikat — at 1366 px, and the SKP and curve pages at 390 px."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from sikerja.accounts.access import actor_for
from sikerja.accounts.models import Role, RoleAssignment
from sikerja.organisation.demo.builder import DEMO_PASSWORD
from sikerja.organisation.models import Employee
from sikerja.performance import services
from sikerja.performance.models import Evaluation, Period, Skp
from sikerja.performance.services.common import placement_of

from .conftest import DEFAULT_TIMEOUT_MS

pytestmark = pytest.mark.browser
YEAR = 2030


def _login(browser, live_server, username, width=1366):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="id-ID")
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    page = context.new_page()
    page.goto(f"{live_server.url}/masuk/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    expect(page).to_have_url(f"{live_server.url}/")
    return context, page


def _fits(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), "halaman melebar"


@pytest.mark.req("KIN-1", "KIN-3", "KIN-6", "KIN-8", "KIN-9")
def test_employee_from_draft_to_final_annual_predikat_with_a_curve_warning(browser, demo_live, live_server, shots):
    region = demo_live.region
    me = Employee.objects.get(user__username="pegawai.kominfo")
    assessor = placement_of(me).assessor
    if assessor.user is None:  # the PPK may have no demo login: give them one
        user = get_user_model().objects.create_user(username="ppk.kinerja", password=DEMO_PASSWORD)
        assessor.user = user
        assessor.save(update_fields=["user"])
        RoleAssignment.objects.create(user=user, region=region, role=Role.PPK, unit=assessor.unit)
    admin = actor_for(get_user_model().objects.get(username="admin.bkpsdm"), region)
    services.open_year(admin, year=YEAR)
    annual = Period.objects.get(region=region, year=YEAR, kind="tahunan")
    opened = []
    try:
        ctx, page = _login(browser, live_server, "pegawai.kominfo")
        opened.append(ctx)
        page.goto(f"{live_server.url}/kinerja/")
        page.locator("#id_year").fill(str(YEAR))
        page.get_by_role("button", name="Buat draf SKP").click()
        expect(page.locator("#skp-status")).to_have_text("Draf")
        page.locator("#id_text").fill("Aplikasi layanan perizinan berjalan")
        page.locator("#id_aspek").select_option("kuantitas")
        page.locator("#id_indikator").fill("Jumlah aplikasi yang berjalan")
        page.locator("#id_target").fill("3 aplikasi")
        page.get_by_role("button", name="Tambah RHK").click()
        expect(page.locator(".kin-rhk")).to_contain_text("3 aplikasi")
        page.locator("#submit-skp").click()
        expect(page.locator("#skp-status")).to_have_text("Diajukan")
        skp = Skp.objects.get(employee=me, year=YEAR)

        ctx, ppk = _login(browser, live_server, assessor.user.username)
        opened.append(ctx)
        ppk.goto(f"{live_server.url}/kinerja/penilaian/?periode={annual.pk}")
        expect(ppk.locator("#inbox")).to_contain_text(me.name)
        ppk.goto(f"{live_server.url}/kinerja/skp/{skp.pk}/")
        ppk.get_by_role("button", name="Setujui").click()
        expect(ppk.locator("#skp-status")).to_have_text("Disetujui")
        ppk.locator("#ev-period").select_option(str(annual.pk))
        ppk.locator("#ev-hasil").select_option("di_atas")
        ppk.locator("#ev-perilaku").select_option("sesuai")
        ppk.locator("input[name^=realisasi_]").first.fill("3 aplikasi berjalan")
        ppk.get_by_role("button", name="Simpan evaluasi").click()
        expect(ppk.locator(".predikat").first).to_have_text("Baik")
        ppk.locator("button.finalise").first.click()
        expect(ppk.locator("#errors")).to_have_count(0)
        assert Evaluation.objects.get(skp=skp, period=annual).status == "final"

        ctx, kadis = _login(browser, live_server, "kadis.kominfo")
        opened.append(ctx)
        kadis.goto(f"{live_server.url}/kinerja/kurva/?unit={me.unit_id}&periode={annual.pk}")
        kadis.locator("#id_rating").select_option("sesuai")
        kadis.locator("#id_predikat").select_option("baik")
        kadis.get_by_role("button", name="Tetapkan").click()
        expect(kadis.locator("#org-predikat")).to_have_text("Baik")

        ctx, leader = _login(browser, live_server, "kabid.aptika")
        opened.append(ctx)
        leader.goto(f"{live_server.url}/kinerja/kurva/?unit={me.unit_id}&periode={annual.pk}")
        expect(leader.locator("#curve-warning")).to_contain_text("paling sedikit 1 orang Butuh Perbaikan")
        shots(leader, "kinerja-kurva-1366")

        ctx, phone = _login(browser, live_server, "pegawai.kominfo", width=390)
        opened.append(ctx)
        phone.goto(f"{live_server.url}/kinerja/skp/{skp.pk}/")
        expect(phone.locator(".predikat").first).to_have_text("Baik")
        _fits(phone)
        shots(phone, "kinerja-skp-390")
        ctx, phone_leader = _login(browser, live_server, "kabid.aptika", width=390)
        opened.append(ctx)
        phone_leader.goto(f"{live_server.url}/kinerja/kurva/?unit={me.unit_id}&periode={annual.pk}")
        _fits(phone_leader)
    finally:
        for ctx in opened:
            ctx.close()
