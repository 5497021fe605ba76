"""Import/export pages: the flow, bad uploads, and who may do what (ORG-7, PRF-3)."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from sikerja.organisation.io import forms as io_forms
from sikerja.organisation.io.readers import read_table
from sikerja.organisation.io.sheets import SHEETS
from sikerja.organisation.models import ImportBatch, Unit
from sikerja.organisation.tests.test_io_support import sheet_csv, xlsx_bytes

pytestmark = pytest.mark.req("ORG-7")

GOOD_UNITS = [{"kode": "BRIDA", "nama": "Badan Riset dan Inovasi Daerah", "jenis": "badan", "perangkat_daerah": "ya"}]
BAD_UNITS = GOOD_UNITS + [{"kode": "BRIDA", "nama": "Ganda", "jenis": "planet"}]


def post_file(client, sheet, name, content):
    return client.post(reverse("io:upload"), {"sheet": sheet, "file": SimpleUploadedFile(name, content)})


def test_full_flow_preview_then_apply(demo, login):
    client = login("admin.organisasi")
    page = client.get(reverse("io:index"))
    assert page.status_code == 200
    for key in SHEETS:
        assert reverse("io:export", args=[key, "xlsx"]) in page.content.decode()

    resp = post_file(client, "units", "unit.csv", sheet_csv("units", GOOD_UNITS))
    batch = ImportBatch.objects.get()
    assert resp.status_code == 302 and resp.url == reverse("io:batch", args=[batch.pk])
    preview = client.get(resp.url).content.decode()
    assert "Impor sekarang" in preview and not Unit.objects.filter(code="BRIDA").exists()

    resp = client.post(reverse("io:apply", args=[batch.pk]), follow=True)
    assert resp.status_code == 200
    assert "Impor unit organisasi selesai: 1 baru" in resp.content.decode()
    assert Unit.objects.get(region=demo.region, code="BRIDA").perangkat_daerah.code == "BRIDA"
    assert "Impor sekarang" not in resp.content.decode()

    again = client.post(reverse("io:apply", args=[batch.pk]), follow=True)
    assert again.status_code == 200 and "sudah diimpor" in again.content.decode()
    assert Unit.objects.filter(code="BRIDA").count() == 1


def test_preview_lists_every_bad_row_and_offers_no_import(demo, login):
    client = login("admin.bkpsdm")
    resp = post_file(client, "units", "unit.csv", sheet_csv("units", BAD_UNITS))
    page = client.get(resp.url).content.decode()
    assert "Impor sekarang" not in page
    assert "<td>3</td><td><code>kode</code></td><td>BRIDA</td>" in page
    assert "<td>3</td><td><code>jenis</code></td><td>planet</td>" in page
    batch = ImportBatch.objects.get()
    assert client.post(reverse("io:apply", args=[batch.pk])).status_code == 302
    assert not Unit.objects.filter(code="BRIDA").exists()
    errors_csv = client.get(reverse("io:batch_errors", args=[batch.pk])).content.decode("utf-8-sig")
    assert errors_csv.splitlines()[0] == "baris,kolom,isi,alasan" and len(errors_csv.splitlines()) == 3


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"sheet": "units"}, "Pilih berkas"),
        ({"sheet": "units", "file": SimpleUploadedFile("unit.pdf", b"%PDF-1.4")}, "tidak didukung"),
        ({"sheet": "planet", "file": SimpleUploadedFile("unit.csv", b"kode")}, "Jenis lembar tidak dikenal"),
        ({"sheet": "units", "file": SimpleUploadedFile("unit.csv", b"kode,nama\r\nA,B\r\n")}, "Kolom wajib tidak ada"),
        ({"sheet": "units", "file": SimpleUploadedFile("unit.xlsx", b"rusak")}, "XLSX tidak dapat dibaca"),
        ({"sheet": "units", "file": SimpleUploadedFile("unit.csv", b"")}, "kosong"),
    ],
)
def test_bad_upload_shows_the_form_again_with_400(demo, login, data, message):
    resp = login("admin.bkpsdm").post(reverse("io:upload"), data)
    assert resp.status_code == 400
    assert message in resp.content.decode()
    assert ImportBatch.objects.count() == 0


def test_too_big_upload_is_refused(demo, login, monkeypatch):
    monkeypatch.setattr(io_forms, "MAX_UPLOAD_BYTES", 10)
    resp = post_file(login("admin.bkpsdm"), "units", "unit.csv", sheet_csv("units", GOOD_UNITS))
    assert resp.status_code == 400 and "terlalu besar" in resp.content.decode()


def test_xlsx_upload(demo, login):
    content = xlsx_bytes(SHEETS["units"].headers, [["BRIDA", "Badan Riset", "Badan", None, "ya", "tidak", None]])
    resp = post_file(login("admin.bkpsdm"), "units", "unit.xlsx", content)
    assert resp.status_code == 302
    assert ImportBatch.objects.get().report["creates"] == 1


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_downloads(demo, login, fmt):
    resp = login("admin.bkpsdm").get(reverse("io:export", args=["employees", fmt]))
    assert resp.status_code == 200
    assert "attachment" in resp["Content-Disposition"] and resp["Content-Disposition"].endswith(f'.{fmt}"')
    table = read_table(f"x.{fmt}", resp.content, SHEETS["employees"])
    assert len(table.rows) == demo.region.employees.count()


def test_unknown_export_is_404(demo, login):
    assert login("admin.bkpsdm").get("/data/ekspor/planet.csv").status_code == 404
    assert login("admin.bkpsdm").get("/data/ekspor/units.pdf").status_code == 404


@pytest.mark.parametrize("username", ["pegawai.kominfo", "kadis.kominfo"])
def test_non_admins_get_403_everywhere(demo, login, username):
    admin = login("admin.bkpsdm")
    post_file(admin, "units", "unit.csv", sheet_csv("units", GOOD_UNITS))
    batch = ImportBatch.objects.get()
    client = login(username)
    assert client.get(reverse("io:index")).status_code == 403
    assert client.get(reverse("io:export", args=["employees", "csv"])).status_code == 403
    assert client.get(reverse("io:export", args=["units", "xlsx"]) + "?templat=1").status_code == 403
    assert client.get(reverse("io:batch", args=[batch.pk])).status_code == 403
    assert client.get(reverse("io:batch_errors", args=[batch.pk])).status_code == 403
    assert post_file(client, "units", "unit.csv", sheet_csv("units", GOOD_UNITS)).status_code == 403
    assert client.post(reverse("io:apply", args=[batch.pk])).status_code == 403
    assert ImportBatch.objects.count() == 1 and not Unit.objects.filter(code="BRIDA").exists()


def test_anonymous_is_sent_to_login(db):
    resp = Client().get(reverse("io:index"))
    assert resp.status_code == 302 and resp.url.startswith(reverse(settings.LOGIN_URL))


@pytest.mark.req("ORG-7", "PRF-3")
def test_other_region_admin_cannot_reach_a_batch_and_exports_only_own_data(demo, other_demo, login):
    post_file(login("admin.bkpsdm"), "units", "unit.csv", sheet_csv("units", GOOD_UNITS))
    batch = ImportBatch.objects.get()
    other = login("lain.admin.bkpsdm")
    assert other.get(reverse("io:batch", args=[batch.pk])).status_code == 404
    assert other.get(reverse("io:batch_errors", args=[batch.pk])).status_code == 404
    assert other.post(reverse("io:apply", args=[batch.pk])).status_code == 404
    assert not Unit.objects.filter(code="BRIDA").exists()
    assert batch.filename not in other.get(reverse("io:index")).content.decode()

    resp = other.get(reverse("io:export", args=["employees", "csv"]))
    nips = {r["values"]["nip"] for r in read_table("x.csv", resp.content, SHEETS["employees"]).rows}
    assert nips == set(other_demo.region.employees.values_list("nip", flat=True))
    assert not nips & set(demo.region.employees.values_list("nip", flat=True))
    units = {
        r["values"]["kode"]
        for r in read_table(
            "x.csv", other.get(reverse("io:export", args=["units", "csv"])).content, SHEETS["units"]
        ).rows
    }
    assert units == set(other_demo.region.units.values_list("code", flat=True))
