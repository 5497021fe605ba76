"""The leader's monitoring with its XLSX export, late reports on the home page (PEL-4 pimpinan
unit e, TJ-3), and the demo loop seeded in both demo regions (MEK-1..3)."""

from io import BytesIO

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from openpyxl import load_workbook

from sikerja.execution.models import PerformanceAgreement, Problem, Review, Work
from sikerja.execution.planning_selectors import late_reports_count, monitoring
from sikerja.execution.tests.helpers import actor


def client_for(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


@pytest.mark.req("MEK-1", "MEK-2", "MEK-4", "KIN-1")
def test_demo_seeds_the_loop_along_the_setda_chain(seeded, demo, other_demo):
    for region, prefix in ((demo.region, ""), (other_demo.region, "lain.")):
        agreement = PerformanceAgreement.objects.get(region=region, unit__code="SETDA")
        assert agreement.status == "disetujui"
        t1, t2 = agreement.targets.order_by("order")
        assert t2.responsible.user.username == prefix + "kabag.pemerintahan" and t2.handed_by == t1.responsible
        team = Work.objects.get(region=region, target=t1)
        assert team.is_team and team.plan.status == "disetujui" and team.tasks.exists()
        assert Problem.objects.filter(work=team, status="menunggu").exists()
        assert team.dues.filter(report__isnull=True, due_on__lt=team.starts_on.__class__.today()).exists()
        solo = Work.objects.get(region=region, target=t2)
        # PPU: Kepala Bagian forwarded, the Asisten reviews next; BU: the chain is PPK then pimpinan
        # unit, both the Kepala Bagian, so their decision accepts it
        assert solo.status == ("evaluasi" if not prefix else "selesai") and solo.duty_reference
    waiting = Review.objects.get(work__region=demo.region, work__target__order=2, status="menunggu")
    assert waiting.label == "Asisten Daerah" and "Lampiran huruf C angka 1" in waiting.article


@pytest.mark.req("PEL-4", "TJ-3")
def test_leader_monitors_the_units_works_and_exports_them(seeded, demo, login):
    asisten = client_for("asisten.pemerintahan")
    page = asisten.get("/pelaksanaan/pemantauan/")
    body = page.content.decode()
    assert page.status_code == 200 and "Tim Tindak Lanjut Evaluasi Kelembagaan" in body
    assert "Pemutakhiran Profil Kewilayahan" in body and "Unduh XLSX" in body
    late = asisten.get("/pelaksanaan/pemantauan/?terlambat=1").content.decode()
    assert "Tim Tindak Lanjut Evaluasi Kelembagaan" in late and "Pemutakhiran Profil Kewilayahan" not in late
    xlsx = asisten.get("/pelaksanaan/pemantauan.xlsx")
    assert xlsx.status_code == 200 and "spreadsheetml" in xlsx["Content-Type"]
    sheet = load_workbook(BytesIO(xlsx.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Penugasan" and {r[0] for r in rows[1:]} >= {"Tim Tindak Lanjut Evaluasi Kelembagaan"}
    team = next(r for r in rows[1:] if r[0] == "Tim Tindak Lanjut Evaluasi Kelembagaan")
    assert team[9] == 3250000 and team[11] >= 1  # planned budget, late reports
    # outside the unit: another leader sees none of it; another region's leader neither
    other = login("kabid.aptika").get("/pelaksanaan/pemantauan/").content.decode()
    assert "Tim Tindak Lanjut Evaluasi Kelembagaan" not in other
    assert "Tim Tindak Lanjut" not in login("lain.kabid.aptika").get("/pelaksanaan/pemantauan/").content.decode()
    assert len(monitoring(actor("kabid.aptika")).works) == 0 or all(
        w.owning_unit.code.startswith("DISKOMINFO.BID1") for w in monitoring(actor("kabid.aptika")).works
    )


@pytest.mark.req("TJ-3")
def test_late_reports_show_on_the_home_page_of_ketua_and_leader(seeded, demo, login):
    assert late_reports_count(actor("ketua.setda")) >= 1
    home = client_for("asisten.pemerintahan").get("/").content.decode()
    assert "laporan pelaksanaan lewat jatuh tempo" in home
    assert "laporan pelaksanaan lewat jatuh tempo" not in login("kabid.riset").get("/").content.decode()


@pytest.mark.req("PEL-4")
def test_monitoring_costs_the_same_queries_with_more_works(demo):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sikerja.execution.tests.helpers import individual

    with CaptureQueriesContext(connection) as first:
        monitoring(actor("kabid.aptika"))
    individual(demo.region)
    individual(demo.region)
    with CaptureQueriesContext(connection) as second:
        result = monitoring(actor("kabid.aptika"))
    assert len(result.works) >= 2 and len(first.captured_queries) == len(second.captured_queries)
