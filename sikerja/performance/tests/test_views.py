"""The kinerja pages: drafting and submitting, the PPK's decision and evaluation, refusals shown
on the page with status 400, the curve warning, and 404 for what is out of reach."""

import pytest
from django.test import Client

from sikerja.performance import services
from sikerja.performance.models import Evaluation, Rhk, Skp
from sikerja.performance.tests.helpers import actor, actor_of, approved_skp, emp, open_year, ppk_of


def client_for(employee):
    actor_of(employee)  # makes sure a login and a role exist
    c = Client()
    c.force_login(employee.user)
    return c


@pytest.mark.req("KIN-1", "KIN-6")
def test_employee_drafts_adds_an_rhk_and_submits_on_the_pages(demo, login):
    c = login("pegawai.kominfo")
    page = c.get("/kinerja/")
    assert page.status_code == 200 and "Susun SKP" in page.content.decode()
    r = c.post("/kinerja/skp/baru/", {"year": 2031, "form": ""})
    skp = Skp.objects.get(employee=emp("pegawai.kominfo"), year=2031)
    assert r.status_code == 302 and r["Location"] == f"/kinerja/skp/{skp.pk}/"
    bad = c.post(
        f"/kinerja/skp/{skp.pk}/rhk/",
        {
            "text": "Aplikasi",
            "kind": "utama",
            "approach": "kuantitatif",
            "aspek": "",
            "indikator": "Jumlah",
            "target": "3",
        },
    )
    assert bad.status_code == 400 and "aspek" in bad.content.decode() and not Rhk.objects.filter(skp=skp).exists()
    ok = c.post(
        f"/kinerja/skp/{skp.pk}/rhk/",
        {
            "text": "Aplikasi",
            "kind": "utama",
            "approach": "kuantitatif",
            "aspek": "kuantitas",
            "indikator": "Jumlah",
            "target": "3",
        },
    )
    assert ok.status_code == 302
    assert c.post(f"/kinerja/skp/{skp.pk}/ajukan/").status_code == 302
    skp.refresh_from_db()
    assert skp.status == "diajukan"
    body = c.get(f"/kinerja/skp/{skp.pk}/").content.decode()
    assert "Diajukan" in body and "Berorientasi Pelayanan" in body and "Bertindak proaktif" in body


@pytest.mark.req("KIN-3", "KIN-5", "KIN-8")
def test_ppk_approves_and_evaluates_and_a_bad_rating_is_a_400(demo):
    e = emp("pegawai.kominfo")
    a = actor_of(e)
    skp = services.draft_skp(a, year=2031)
    services.add_rhk(a, skp.pk, text_value="Aplikasi", ikis=[("kuantitas", "Jumlah", "3")])
    services.submit(a, skp.pk)
    _, assessor = ppk_of(e)
    c = client_for(assessor)
    periods = open_year(demo.region)
    inbox = c.get(f"/kinerja/penilaian/?periode={periods['tw1'].pk}").content.decode()
    assert e.name in inbox and "menunggu persetujuan" in inbox
    assert c.post(f"/kinerja/skp/{skp.pk}/putuskan/", {"decision": "kembalikan", "notes": ""}).status_code == 400
    assert c.post(f"/kinerja/skp/{skp.pk}/putuskan/", {"decision": "setujui", "notes": ""}).status_code == 302
    page = c.get(f"/kinerja/skp/{skp.pk}/").content.decode()
    assert "Catatan ketua tim" in page and "Evaluasi periode" in page
    bad = c.post(
        f"/kinerja/skp/{skp.pk}/evaluasi/",
        {"period": periods["tw1"].pk, "rating_hasil": "luar_biasa", "rating_perilaku": "sesuai"},
    )
    assert bad.status_code == 400 and "Rating hasil kerja" in bad.content.decode()
    assert not Evaluation.objects.filter(skp=skp).exists()
    iki = skp.rhks.get().ikis.get()
    ok = c.post(
        f"/kinerja/skp/{skp.pk}/evaluasi/",
        {
            "period": periods["tw1"].pk,
            "rating_hasil": "di_atas",
            "rating_perilaku": "di_atas",
            f"realisasi_{iki.pk}": "3",
        },
    )
    assert ok.status_code == 302
    assert Evaluation.objects.get(skp=skp).predikat == "sangat_baik"


@pytest.mark.req("KIN-9")
def test_curve_page_shows_the_broken_rule_and_how_many_people(demo, login):
    periods = open_year(demo.region)
    tw1 = periods["tw1"]
    unit = emp("kabid.aptika").unit
    skp, _, _, ppk = approved_skp("pegawai.kominfo")
    services.evaluate(ppk, skp.pk, period_id=tw1.pk, rating_hasil="di_atas", rating_perilaku="di_atas")
    c = login("kadis.kominfo")
    r = c.post("/kinerja/kurva/", {"unit": unit.pk, "periode": tw1.pk, "rating": "sesuai", "predikat": "baik"})
    assert r.status_code == 302
    body = c.get(f"/kinerja/kurva/?unit={unit.pk}&periode={tw1.pk}").content.decode()
    assert "Distribusi predikat belum sesuai pola" in body
    assert "paling sedikit 1 orang Butuh Perbaikan atau Kurang/Misconduct" in body and "kurang 1 orang" in body
    xlsx = c.get(f"/kinerja/kurva/ekspor.xlsx?unit={unit.pk}&periode={tw1.pk}")
    from io import BytesIO

    from openpyxl import load_workbook

    book = load_workbook(BytesIO(xlsx.content))
    assert [r[7] for r in book["Evaluasi kinerja"].iter_rows(min_row=2, values_only=True)] == ["Sangat Baik"]
    assert any("kurang 1 orang" in str(r[1]) for r in book["Pola distribusi"].iter_rows(values_only=True))
    assert login("kabid.ikp").get(f"/kinerja/kurva/ekspor.xlsx?unit={unit.pk}&periode={tw1.pk}").status_code == 404
    refused = login("kabid.aptika").post(
        "/kinerja/kurva/", {"unit": unit.pk, "periode": tw1.pk, "rating": "sesuai", "predikat": "baik"}
    )
    assert refused.status_code == 403


@pytest.mark.req("KIN-3")
def test_pages_out_of_reach_are_not_found(demo, other_demo, login):
    skp, _, _, _ = approved_skp("pegawai.kominfo")
    assert login("pegawai.ikp").get(f"/kinerja/skp/{skp.pk}/").status_code == 404
    assert login("kabid.ikp").get(f"/kinerja/skp/{skp.pk}/").status_code == 404
    assert login("lain.admin.bkpsdm").get(f"/kinerja/skp/{skp.pk}/").status_code == 404
    assert login("lain.admin.bkpsdm").post(f"/kinerja/skp/{skp.pk}/bimbingan/", {"text": "x"}).status_code == 404


@pytest.mark.req("KIN-7")
def test_mph_page_turns_a_cell_into_an_rhk_draft(demo, login):
    from sikerja.execution import services as pelaksanaan
    from sikerja.execution.models import PerformanceAgreement, PerformanceTarget
    from sikerja.execution.tests.helpers import team

    assignment, ketua, others = team(demo.region)
    work = pelaksanaan.work_for(assignment)
    agreement = PerformanceAgreement.objects.create(
        region=demo.region, unit=work.owning_unit, year=2031, leader=emp("kabid.aptika")
    )
    target = PerformanceTarget.objects.create(
        agreement=agreement, sasaran="Portal data", indikator="Dataset terbit", target="50"
    )
    work.target = target
    work.save(update_fields=["target"])
    c = login("kabid.aptika")
    body = c.get(f"/kinerja/mph/?unit={work.owning_unit_id}&tahun=2031").content.decode()
    assert "Ketua tim: Tim Portal Data" in body and "Anggota tim: Tim Portal Data" in body
    member = others[0]
    r = c.post(
        "/kinerja/mph/",
        {"unit": work.owning_unit_id, "tahun": 2031, "target": target.pk, "employee": member.pk, "work": work.pk},
    )
    assert r.status_code == 302
    rhk = Rhk.objects.get(skp__employee=member, target=target)
    assert (rhk.role, rhk.skp.status) == ("anggota", "draf")
    again = c.post(
        "/kinerja/mph/",
        {"unit": work.owning_unit_id, "tahun": 2031, "target": target.pk, "employee": member.pk, "work": work.pk},
    )
    assert again.status_code == 400 and "sudah menjadi RHK" in again.content.decode()


@pytest.mark.req("KIN-3")
def test_hr_admin_opens_a_year_and_others_may_not(demo, login):
    r = login("admin.bkpsdm").post("/kinerja/periode/", {"year": 2031})
    assert r.status_code == 302
    body = login("admin.bkpsdm").get("/kinerja/periode/").content.decode()
    assert "Triwulan IV 2031" in body and "Tahunan (akhir) 2031" in body
    assert login("kabid.aptika").post("/kinerja/periode/", {"year": 2027}).status_code == 403
    assert login("admin.bkpsdm").post("/kinerja/periode/", {"year": 99999}).status_code == 400
    assert actor("admin.bkpsdm")  # the admin keeps working


@pytest.mark.req("KIN-6", "KIN-7")
def test_hr_admin_prepares_every_draft_skp_on_the_periods_page(demo, login):
    admin = login("admin.bkpsdm")
    assert 'id="prepare-drafts"' in admin.get("/kinerja/periode/").content.decode()
    r = admin.post("/kinerja/periode/draf-skp/", {"year": 2032}, follow=True)
    made = Skp.objects.filter(region=demo.region, year=2032)
    assert made.count() > 100 and "Draf SKP tahun 2032 disiapkan untuk" in r.content.decode()
    skp = made.select_related("employee").first()
    assert skp.assessor_id == skp.employee.placements.current().get().assessor_id  # from the kedudukan
    again = admin.post("/kinerja/periode/draf-skp/", {"year": 2032}, follow=True).content.decode()
    assert "untuk 0 pegawai" in again and made.count() == Skp.objects.filter(region=demo.region, year=2032).count()
    assert "Tahun" in admin.post("/kinerja/periode/draf-skp/", {"year": 1}, follow=True).content.decode()
    assert login("kabid.aptika").post("/kinerja/periode/draf-skp/", {"year": 2033}).status_code == 403
    assert 'id="prepare-drafts"' not in login("kabid.aptika").get("/kinerja/periode/").content.decode()
    assert not Skp.objects.filter(year=2033).exists()


@pytest.mark.req("KIN-6", "KIN-11")
def test_skp_and_evaluation_documents_as_pdf(demo, login):
    skp, _, a, ppk = approved_skp("pegawai.kominfo")
    periods = open_year(demo.region)
    ev = services.evaluate(ppk, skp.pk, period_id=periods["tw1"].pk, rating_hasil="sesuai", rating_perilaku="sesuai")
    c = login("pegawai.kominfo")
    r = c.get(f"/kinerja/skp/{skp.pk}/skp.pdf")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf" and r.content.startswith(b"%PDF")
    r = c.get(f"/kinerja/skp/{skp.pk}/evaluasi/{ev.pk}.pdf")
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    assert login("pegawai.ikp").get(f"/kinerja/skp/{skp.pk}/skp.pdf").status_code == 404
    assert c.get(f"/kinerja/skp/{skp.pk}/evaluasi/999999.pdf").status_code == 404


@pytest.mark.req("KIN-9")
def test_unit_curve_and_mph_links_only_for_those_who_may_open_them(demo, login):
    """A plain employee sees no link that leads to a refusal; a unit leader sees both and they open."""
    plain = login("pegawai.kominfo").get("/kinerja/").content.decode()
    assert "/kinerja/kurva/" not in plain and "/kinerja/mph/" not in plain
    leader = login("kabid.aptika")
    page = leader.get("/kinerja/").content.decode()
    assert "/kinerja/kurva/" in page and "/kinerja/mph/" in page
    assert leader.get("/kinerja/kurva/").status_code == 200 and leader.get("/kinerja/mph/").status_code == 200


@pytest.mark.req("KIN-6")
def test_draft_form_offers_the_first_year_without_an_skp(demo, login):
    """One SKP in force per person and year: the form must not offer a year that is taken."""
    from django.utils import timezone

    c = login("pegawai.kominfo")
    me = emp("pegawai.kominfo")
    this_year = timezone.localdate().year

    def offered() -> int:
        return c.get("/kinerja/").context["form"].initial["year"]

    taken = set(Skp.objects.filter(employee=me, is_current=True).values_list("year", flat=True))
    first = offered()
    assert first >= this_year and first not in taken
    assert all(y in taken for y in range(this_year, first))
    services.draft_skp(actor_of(me), year=first, form=None, dialog_on=None)
    assert offered() == first + 1
