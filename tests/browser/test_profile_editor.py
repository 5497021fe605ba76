"""The region's administrator derives the region's own regulation profile, changes who signs a
cross-unit letter and sees the change in the version history, on a 390 px phone and a 1366 px
laptop without horizontal overflow (PLT-6)."""

import pytest

from sikerja.organisation.demo.builder import DEMO_PASSWORD
from sikerja.tenancy.models import Region

from .test_layout_sizes import OVERFLOW_JS, SIZES

pytestmark = pytest.mark.browser


@pytest.mark.req("PLT-6", "PRF-1")
@pytest.mark.parametrize("size", SIZES, ids=[f"{k}px" for k in SIZES])
def test_admin_derives_edits_and_reads_the_history(browser, demo_live, live_server, size, shots):
    context = browser.new_context(viewport=SIZES[size], locale="id-ID")
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(f"{live_server.url}/masuk/")
    page.locator("#id_username").fill("admin.organisasi")
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.goto(f"{live_server.url}/profil-regulasi/")
    page.get_by_role("link", name="Buat profil daerah sendiri").click()
    page.locator("#id_reason").fill("Perbup Sungai Lestari 12/2025 mengatur penanda tangan sendiri")
    page.get_by_role("button", name="Buat dan pakai profil daerah").click()
    page.locator("#s-letter_signer").get_by_role("link", name="Ubah").click()
    page.get_by_label("Lintas unit", exact=True).select_option("kepala_pd")
    page.locator("#id_article").fill("Pasal 20 ayat (4)")
    page.locator("#id_reason").fill("Lintas unit ditandatangani kepala PD")
    problems = page.evaluate(OVERFLOW_JS)
    shots(page, f"profil-ubah-{size}")
    assert not problems, problems
    page.get_by_role("button", name="Simpan sebagai versi baru").click()
    assert "lintas unit: kepala PD" in page.locator("#s-letter_signer").inner_text()
    assert not page.evaluate(OVERFLOW_JS)
    page.get_by_role("link", name="riwayat versi").click()
    diff = page.locator("#diff").inner_text()
    assert "Perubahan dari versi 1 ke versi 2" in diff and "Penanda tangan surat penugasan" in diff
    assert "kepala PD" in diff
    problems = page.evaluate(OVERFLOW_JS)
    shots(page, f"profil-versi-{size}")
    assert not problems, problems
    region = Region.objects.select_related("profile").get(pk=demo_live.region.pk)
    assert region.profile.settings["letter_signer"]["value"]["lintas_unit"] == "kepala_pd"
    context.close()
