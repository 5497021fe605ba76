import io

import pytest
from django.test import Client
from django.utils import timezone

from sikerja.letters.models import Document, LetterTemplate
from sikerja.letters.tests.conftest import leader, pdf_text, squash, staff

pytestmark = [pytest.mark.req("PEN-15"), pytest.mark.django_db]


def pegawai(demo):
    return next(p.employee for p in demo.people if p.unit_code == "DISKOMINFO.BID1" and p.role == "staff")


@pytest.fixture
def bkpsdm_letter(demo, issue):
    """A letter of BKPSDM naming BKPSDM staff only: not pegawai.kominfo's, not kadis.kominfo's business."""
    return issue(unit_code="BKPSDM", persons=staff(demo, "BKPSDM"))


@pytest.fixture
def kominfo_letter(demo, issue):
    return issue(unit_code="DISKOMINFO", persons=[pegawai(demo)] + staff(demo, "DISKOMINFO.BID2", 1))


# --- reading -------------------------------------------------------------------------------
def test_party_reads_list_detail_and_downloads(demo, login, kominfo_letter, bkpsdm_letter):
    c = login("pegawai.kominfo")
    listing = c.get("/surat/")
    assert listing.status_code == 200
    assert kominfo_letter.number in listing.content.decode() and bkpsdm_letter.number not in listing.content.decode()
    assert c.get(f"/surat/{kominfo_letter.pk}/").status_code == 200
    pdf = c.get(f"/surat/{kominfo_letter.pk}/pdf/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf" and pdf.content[:5] == b"%PDF-"
    docx = c.get(f"/surat/{kominfo_letter.pk}/docx/")
    assert docx.status_code == 200 and docx.content[:2] == b"PK" and "attachment" in docx["Content-Disposition"]


def test_not_a_party_gets_404_on_detail_and_download(login, bkpsdm_letter):
    c = login("pegawai.kominfo")
    for suffix in ("", "pdf/", "docx/"):
        assert c.get(f"/surat/{bkpsdm_letter.pk}/{suffix}").status_code == 404


def test_superior_reads_letters_naming_their_staff(login, kominfo_letter, bkpsdm_letter):
    for user in ("kabid.aptika", "kadis.kominfo"):
        c = login(user)
        assert c.get(f"/surat/{kominfo_letter.pk}/").status_code == 200
        assert c.get(f"/surat/{bkpsdm_letter.pk}/").status_code == 404
    assert login("sekda").get(f"/surat/{bkpsdm_letter.pk}/").status_code == 200  # region-wide


@pytest.mark.req("PRF-3")
def test_other_region_gets_404(other_demo, login, kominfo_letter):
    c = login("lain.admin.bkpsdm")
    for suffix in ("", "pdf/", "docx/"):
        assert c.get(f"/surat/{kominfo_letter.pk}/{suffix}").status_code == 404
    assert kominfo_letter.number not in c.get("/surat/").content.decode()
    assert c.post(f"/surat/{kominfo_letter.pk}/cabut/", {"reason": "x"}).status_code == 404


def test_anonymous_is_sent_to_login(kominfo_letter):
    r = Client().get(f"/surat/{kominfo_letter.pk}/pdf/")
    assert r.status_code == 302 and "/masuk/" in r["Location"]


# --- revoking --------------------------------------------------------------------------------
def test_only_org_admins_revoke(login, kominfo_letter):
    assert login("kadis.kominfo").post(f"/surat/{kominfo_letter.pk}/cabut/", {"reason": "x"}).status_code == 403
    assert login("pegawai.kominfo").post(f"/surat/{kominfo_letter.pk}/cabut/", {"reason": "x"}).status_code == 403
    c = login("admin.bkpsdm")
    r = c.post(f"/surat/{kominfo_letter.pk}/cabut/", {"reason": ""}, follow=True)
    assert "Alasan pencabutan wajib diisi" in r.content.decode()
    r = c.post(f"/surat/{kominfo_letter.pk}/cabut/", {"reason": "Nama pegawai keliru"}, follow=True)
    assert r.status_code == 200 and "DICABUT" in r.content.decode()
    assert Document.objects.get(pk=kominfo_letter.pk).is_revoked


# --- public verification ---------------------------------------------------------------------
def test_verify_issued_shows_public_summary_only(demo, kominfo_letter):
    r = Client().get(f"/verifikasi/{kominfo_letter.verification_code}/")
    html = r.content.decode()
    assert r.status_code == 200
    assert kominfo_letter.number in html and kominfo_letter.sha256 in html and "berlaku" in html
    assert leader(demo, "DISKOMINFO").full_name in html
    for employee in kominfo_letter.parties.all():
        assert employee.nip not in html  # no NIP, not even the signer's
    assert "Untuk" not in html and "Dasar" not in html


def test_verify_revoked_says_dicabut(login, kominfo_letter):
    login("admin.bkpsdm").post(f"/surat/{kominfo_letter.pk}/cabut/", {"reason": "Diterbitkan ganda"})
    html = Client().get(f"/verifikasi/{kominfo_letter.verification_code.lower()}/").content.decode()
    assert "DICABUT" in html and "Diterbitkan ganda" in html


def test_verify_unknown_code_is_404_in_indonesian(db):
    for code in ("ZZZZZZZZZZ", "bukan-kode", "x" * 300):
        r = Client().get(f"/verifikasi/{code}/")
        assert r.status_code == 404 and "tidak ditemukan" in r.content.decode().lower()


def test_verify_form_redirects_to_code(kominfo_letter):
    c = Client()
    assert c.get("/verifikasi/").status_code == 200
    r = c.get("/verifikasi/", {"kode": kominfo_letter.verification_code.lower()})
    assert r.status_code == 302 and r["Location"].endswith(f"/verifikasi/{kominfo_letter.verification_code}/")
    assert c.get("/verifikasi/", {"kode": "??"}).status_code == 400


def test_pdf_qr_points_to_the_verification_page(kominfo_letter):
    text = "".join(pdf_text(kominfo_letter.pdf).split())  # the URL may wrap
    assert f"http://localhost:8000/verifikasi/{kominfo_letter.verification_code}/" in text


# --- administration --------------------------------------------------------------------------
def png(size=(60, 60)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def upload(name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def test_admin_pages_are_for_org_admins(login):
    assert login("kadis.kominfo").get("/surat/pengaturan/").status_code == 403
    assert login("admin.organisasi").get("/surat/pengaturan/").status_code == 200


def test_letterhead_upload_validates_logo_and_is_used(demo, login, issue):
    c = login("admin.bkpsdm")
    bad = c.post("/surat/pengaturan/kop/", {"government_name": "Pemerintah Kabupaten Sungai Lestari", "logo": upload("x.png", b"not an image")})
    assert bad.status_code == 400 and "PNG atau JPEG" in bad.content.decode()
    big = c.post("/surat/pengaturan/kop/", {"government_name": "Pemkab", "logo": upload("x.png", b"0" * (1024 * 1024 + 1))})
    assert big.status_code == 400 and "1 MB" in big.content.decode()
    ok = c.post("/surat/pengaturan/kop/", {"government_name": "Pemerintah Kabupaten Sungai Lestari", "address": "Jalan Uji Kop No. 9",
                                           "logo": upload("logo.png", png())})
    assert ok.status_code == 302
    doc = issue()
    assert "Jalan Uji Kop No. 9" in squash(pdf_text(doc.pdf))


HTML_V = '{% extends "letters/naskah_base.html" %}{% block body %}<p>VERSI {{ v }} {{ number }}</p>{% endblock %}'


def test_template_upload_preview_and_rollback(demo, login, issue):
    c = login("admin.bkpsdm")
    for v in (1, 2):
        r = c.post("/surat/pengaturan/templat/", {"kind": "surat_tugas", "engine": "html", "content": HTML_V.replace("{{ v }}", f"V{v}"), "note": f"v{v}"})
        assert r.status_code == 302, r.content.decode()[:500]
    v1, v2 = LetterTemplate.objects.filter(kind="surat_tugas").order_by("version")
    assert v2.is_active and not v1.is_active
    assert "VERSI V2" in squash(pdf_text(issue("surat_tugas").pdf))
    preview = c.get("/surat/pengaturan/templat/pratinjau/", {"jenis": "surat_tugas", "versi": v1.pk})
    assert preview.status_code == 200 and "VERSI V1" in squash(pdf_text(preview.content))
    assert c.post(f"/surat/pengaturan/templat/{v1.pk}/aktifkan/").status_code == 302
    assert "VERSI V1" in squash(pdf_text(issue("surat_tugas").pdf))
    assert LetterTemplate.objects.filter(kind="surat_tugas").count() == 2  # history kept
    page = c.get("/surat/pengaturan/").content.decode()
    assert "Aktifkan (kembalikan)" in page
    c.post("/surat/pengaturan/templat/bawaan/", {"kind": "surat_tugas", "engine": "html"})
    assert "SURAT TUGAS" in squash(pdf_text(issue("surat_tugas").pdf))


@pytest.mark.parametrize("content,message", [
    ('{% load static %}x', "load"),
    ('{% include "/etc/passwd" %}', "letters/"),
    ('{% if %}', "tidak dapat dibaca"),
])
def test_unsafe_or_broken_html_templates_are_refused(login, content, message):
    r = login("admin.bkpsdm").post("/surat/pengaturan/templat/", {"kind": "surat_tugas", "engine": "html", "content": content})
    assert r.status_code == 400 and message in r.content.decode()
    assert not LetterTemplate.objects.exists()


def test_html_template_cannot_fetch_files(login, issue):
    c = login("admin.bkpsdm")
    c.post("/surat/pengaturan/templat/", {"kind": "surat_tugas", "engine": "html",
                                          "content": '<html><body><img src="file:///etc/hostname">OK {{ number }}</body></html>'})
    doc = issue("surat_tugas")
    assert "OK" in pdf_text(doc.pdf)  # rendered, the file simply not fetched


def test_docx_template_upload_and_preview(login):
    from sikerja.letters.docx_default import default_docx_template

    c = login("admin.bkpsdm")
    assert c.get("/surat/pengaturan/templat/docx-bawaan/keputusan/").content[:2] == b"PK"
    bad = c.post("/surat/pengaturan/templat/", {"kind": "keputusan", "engine": "docx", "file": upload("t.docx", b"no zip")})
    assert bad.status_code == 400 and "DOCX" in bad.content.decode()
    good = c.post("/surat/pengaturan/templat/", {"kind": "keputusan", "engine": "docx", "file": upload("t.docx", default_docx_template("keputusan"))})
    assert good.status_code == 302
    r = c.get("/surat/pengaturan/templat/pratinjau/", {"jenis": "keputusan", "mesin": "docx"})
    assert r.status_code == 200 and r.content[:2] == b"PK"
    assert c.get("/surat/pengaturan/templat/pratinjau/", {"jenis": "nope"}).status_code == 404
    assert c.get("/surat/pengaturan/templat/pratinjau/", {"jenis": "keputusan", "versi": "9" * 30}).status_code == 404


def test_bad_query_params_never_500(login, kominfo_letter):
    c = login("admin.bkpsdm")
    for q in ("?page=abc", "?page=99999", "?jenis=zzz&status=zzz", "?q=" + "x" * 500):
        assert c.get("/surat/" + q).status_code == 200
    assert c.get("/surat/99999999999999999999/").status_code == 404


@pytest.mark.req("PEN-15")
def test_the_numbering_is_shown_as_an_example_number_not_a_format_string(login):
    page = login("admin.organisasi").get("/surat/pengaturan/").content.decode()
    assert "{urut" not in page and "{klasifikasi" not in page and "{tahun" not in page
    import re

    year = str(timezone.localdate().year)
    assert re.search(r"Contoh nomor naskah ketujuh tahun ini: <strong>[^<]*007[^<]*" + year, page)
