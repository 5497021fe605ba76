"""The pelaksanaan pages: what each person sees and can do, in Indonesian, with the permission
checks of the services (404 for another region, 403 for the wrong person)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sikerja.execution.models import Evidence, Report, Work
from sikerja.execution.tests.helpers import emp, individual

LINK = "https://drive.example.go.id/bukti"


def _post_report(client, work, **extra):
    due = work.dues.order_by("due_on").first()
    data = {
        "due": due.pk,
        "progress": "50",
        "realisation": "Modul login selesai",
        "budget_realised": "Rp 2.000.000",
        "links": LINK,
    }
    data.update(extra)
    return client.post(f"/pelaksanaan/{work.pk}/laporan/", data)


@pytest.mark.req("TJ-1", "PEL-3", "MEK-5")
def test_assignee_reports_with_a_file_and_a_link_and_the_ppk_sees_and_answers_it(demo, login):
    work = individual(demo.region).work
    me = login("pegawai.kominfo")
    page = me.get("/pelaksanaan/")
    assert page.status_code == 200 and work.assignment.title in page.content.decode()
    detail = me.get(f"/pelaksanaan/{work.pk}/").content.decode()
    assert "Sampaikan laporan kemajuan" in detail and "Sampaikan hasil untuk direviu" in detail
    assert "Kepala Dinas" in detail  # the planned chain is shown before submitting
    pdf = SimpleUploadedFile("notulen.pdf", b"%PDF-1.4 isi", content_type="application/pdf")
    response = _post_report(me, work, files=pdf)
    assert response.status_code == 302
    report = Report.objects.get(work=work)
    assert report.budget_realised == 2000000 and report.evidence.count() == 2
    ppk = login("kabid.aptika")
    html = ppk.get(f"/pelaksanaan/{work.pk}/").content.decode()
    assert "Pasal 12 ayat (3)" in html and LINK in html and "notulen.pdf" in html and "Rp2.000.000" in html
    file_id = report.evidence.get(filename="notulen.pdf").pk
    assert ppk.get(f"/pelaksanaan/bukti/{file_id}/").content == b"%PDF-1.4 isi"
    assert ppk.post(f"/pelaksanaan/laporan/{report.pk}/umpan-balik/", {"text": "Tambahkan foto"}).status_code == 302
    assert "Tambahkan foto" in me.get(f"/pelaksanaan/{work.pk}/").content.decode()  # the author sees it


@pytest.mark.req("PEL-3")
def test_a_bad_file_is_refused_with_a_clear_message_and_nothing_is_stored(demo, login):
    work = individual(demo.region).work
    me = login("pegawai.kominfo")
    bad = SimpleUploadedFile("virus.exe", b"MZ", content_type="application/octet-stream")
    response = _post_report(me, work, files=bad)
    assert response.status_code == 400
    assert "jenis berkas tidak diterima" in response.content.decode()
    assert "Modul login selesai" in response.content.decode()  # what was typed is kept
    assert not Report.objects.filter(work=work).exists() and not Evidence.objects.filter(report__work=work).exists()


@pytest.mark.req("PEL-4", "PRF-3")
def test_outsiders_get_not_found_and_the_wrong_person_is_refused(demo, other_demo, login):
    work = individual(demo.region).work
    assert login("lain.kadis.kominfo").get(f"/pelaksanaan/{work.pk}/").status_code == 404  # other region
    assert login("kabid.riset").get(f"/pelaksanaan/{work.pk}/").status_code == 404  # outside my unit
    kadis = login("kadis.kominfo")
    assert kadis.get(f"/pelaksanaan/{work.pk}/").status_code == 200  # the superior of the owning unit
    assert _post_report(kadis, work).status_code == 403  # sees it, but is not an assignee


@pytest.mark.req("MEK-3", "MEK-4", "MEK-5")
def test_submit_review_and_accept_through_the_pages(demo, login):
    work = individual(demo.region).work
    me = login("pegawai.kominfo")
    assert me.post(f"/pelaksanaan/{work.pk}/hasil/", {"summary": ""}).status_code == 400
    assert me.post(f"/pelaksanaan/{work.pk}/hasil/", {"summary": "Aplikasi berjalan"}).status_code == 302
    kabid, kadis = login("kabid.aptika"), login("kadis.kominfo")
    waiting = kabid.get("/pelaksanaan/menunggu-reviu/").content.decode()
    assert work.assignment.title in waiting
    first, second = work.reviews.order_by("order")
    assert kadis.post(f"/pelaksanaan/reviu/{first.pk}/putuskan/", {"decision": "teruskan"}).status_code == 403
    response = kabid.post(f"/pelaksanaan/reviu/{first.pk}/putuskan/", {"decision": "teruskan", "notes": "Lengkap"})
    assert response.status_code == 302
    assert kadis.post(f"/pelaksanaan/reviu/{second.pk}/putuskan/", {"decision": "teruskan"}).status_code == 302
    work.refresh_from_db()
    assert work.status == Work.Status.SELESAI
    html = me.get(f"/pelaksanaan/{work.pk}/").content.decode()
    assert "Diterima, sesuai target" in html and emp("kadis.kominfo").full_name in html
    assert "Lengkap" in html and "Hasil diterima; penugasan selesai" in html
    assert "work.review" not in html and ">diterima<" not in html  # labels, never internal codes


@pytest.mark.req("MEK-2")
def test_the_lazy_path_from_an_assignment_opens_its_work(demo, login):
    a = individual(demo.region)
    Work.objects.filter(assignment=a).delete()
    response = login("pegawai.kominfo").get(f"/pelaksanaan/penugasan/{a.pk}/")
    assert response.status_code == 302 and Work.objects.filter(assignment=a).exists()


@pytest.mark.req("TJ-3")
def test_the_lead_sets_the_reporting_period_before_the_first_report(demo, login):
    work = individual(demo.region).work
    assert login("kabid.riset").post(f"/pelaksanaan/{work.pk}/periode/", {"period": "mingguan"}).status_code == 404
    assert login("kadis.kominfo").post(f"/pelaksanaan/{work.pk}/periode/", {"period": "mingguan"}).status_code == 403
    me = login("pegawai.kominfo")
    assert me.post(f"/pelaksanaan/{work.pk}/periode/", {"period": "mingguan"}).status_code == 302
    work.refresh_from_db()
    assert work.period == "mingguan" and work.dues.count() == 13  # 90 days: 12 full weeks and a part
    assert me.post(f"/pelaksanaan/{work.pk}/periode/", {"period": "tahunan"}).status_code == 400
    _post_report(me, work)
    response = me.post(f"/pelaksanaan/{work.pk}/periode/", {"period": "bulanan"})
    assert response.status_code == 400 and "sebelum laporan pertama" in response.content.decode()
