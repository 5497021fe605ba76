"""No forged samples (issue 10 item 1): a sample is a preview — CONTOH across every page, no
number, a code that never verifies, fictitious people, never stored — and only in demo mode."""

import io
import re
import zipfile

import pytest
from django.test import Client

from sikerja.letters.models import Document, DocumentKind, NumberSequence
from sikerja.letters.rules import SAMPLE_CODE
from sikerja.letters.samples import SAMPLE_PERSONS, SAMPLE_SIGNER, sample_context, sample_file
from sikerja.letters.tests.conftest import docx_text, leader, pdf_text, squash

pytestmark = [pytest.mark.req("PEN-15"), pytest.mark.django_db]
NUMBER = re.compile(r"\d{3}\.\d+(\.\d+)*/\d{3}/")  # how the region's scheme numbers a letter


@pytest.fixture
def demo_mode(settings):
    settings.SIKERJA_DEMO = True
    return settings


def docx_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return "".join(
            zf.read(n).decode("utf-8") for n in zf.namelist() if n.startswith("word/") and n.endswith(".xml")
        )


def counts(region):
    return Document.objects.count(), list(
        NumberSequence.objects.filter(region=region).values_list("unit_id", "last_number")
    )


def test_sample_is_off_outside_demo_mode(demo, login, settings):
    settings.SIKERJA_DEMO = False
    c = login("admin.bkpsdm")
    page = c.get("/surat/").content.decode()
    assert "contoh surat" not in page.lower() and "/surat/contoh/" not in page
    assert c.get("/surat/contoh/").status_code == 404
    assert c.get("/surat/contoh/?berkas=docx").status_code == 404
    assert c.post("/surat/contoh/").status_code in (404, 405)


def test_demo_mode_offers_pdf_and_docx_previews_and_stores_nothing(demo, login, demo_mode, issue):
    before_doc = issue()  # a real letter exists, so its number sequence is there to compare
    before = counts(demo.region)
    c = login("admin.bkpsdm")
    assert "Lihat contoh surat perintah" in c.get("/surat/").content.decode()
    pdf = c.get("/surat/contoh/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf" and pdf.content[:5] == b"%PDF-"
    docx = c.get("/surat/contoh/?berkas=docx")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    # nothing issued, no number consumed: the next real letter takes the next number
    assert counts(demo.region) == before
    after_doc = issue()
    assert after_doc.sequence == before_doc.sequence + 1
    assert login("pegawai.kominfo").get("/surat/contoh/").status_code == 403


def test_the_sample_says_contoh_has_no_number_and_names_nobody_real(demo, demo_mode):
    pdf = squash(pdf_text(sample_file(demo.region, DocumentKind.SURAT_PERINTAH, "html")))
    docx = sample_file(demo.region, DocumentKind.SURAT_PERINTAH, "docx")
    body = squash(docx_text(docx))
    kadis = leader(demo, "DISKOMINFO")
    for text in (pdf, body):
        assert "CONTOH" in text and "tidak dapat diverifikasi" in text
        assert "NOMOR ........" in text and not NUMBER.search(text)
        assert SAMPLE_SIGNER.name in text and SAMPLE_PERSONS[0].name in text
        assert kadis.full_name not in text and kadis.nip not in text
    # the DOCX carries Word's own watermark (a WordArt shape in the header of every page)
    assert 'string="CONTOH"' in docx_xml(docx)


@pytest.mark.parametrize("kind", DocumentKind.values)
def test_every_kind_of_sample_is_watermarked(demo, kind):
    assert "CONTOH" in squash(pdf_text(sample_file(demo.region, kind, "html")))
    assert 'string="CONTOH"' in docx_xml(sample_file(demo.region, kind, "docx"))


def test_an_uploaded_template_cannot_drop_the_watermark(demo, login):
    c = login("admin.bkpsdm")
    bare = "<html><body><p>{{ title }} NOMOR {{ number }} {{ verify_url }}</p></body></html>"
    assert (
        c.post("/surat/pengaturan/templat/", {"kind": "surat_tugas", "engine": "html", "content": bare}).status_code
        == 302
    )
    r = c.get("/surat/pengaturan/templat/pratinjau/", {"jenis": "surat_tugas"})
    text = squash(pdf_text(r.content))
    assert "CONTOH" in text and "NOMOR ........" in text and f"/verifikasi/{SAMPLE_CODE}/" in text


def test_verification_of_the_sample_code_is_never_sah(demo, demo_mode):
    context = sample_context(demo.region, DocumentKind.SURAT_PERINTAH)
    assert context["code"] == SAMPLE_CODE and context["verify_url"].endswith(f"/verifikasi/{SAMPLE_CODE}/")
    c = Client()
    path = context["verify_url"].split("//", 1)[1].split("/", 1)[1]
    for url in (f"/{path}", "/verifikasi/contoh/", "/verifikasi/C0NT0H/"):
        r = c.get(url)
        page = r.content.decode()
        assert r.status_code == 404, url
        assert "SAH" not in page.replace("TIDAK BERLAKU", "") and "terdaftar dan berlaku" not in page
        assert "Naskah contoh" in page
    assert c.get("/verifikasi/", {"kode": "contoh"}).status_code == 302
    api = c.get(f"/api/v1/verify/{SAMPLE_CODE}")
    assert api.status_code == 404 and api.json()["code"] == "not_found" and "contoh" in api.json()["detail"]
    # the old sample code (CONTOH0000) names no document either
    assert c.get("/verifikasi/CONTOH0000/").status_code == 404
