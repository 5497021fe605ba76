"""PLT-5: the import page explains its columns in the page's language; the column names and
the cell words (ya/tidak, choice values) stay as the file must hold them, and the downloaded
template's guide stays in Indonesian like its column names."""

import io

import openpyxl
import pytest
from django.conf import settings
from django.urls import reverse

from sikerja.organisation.tests.test_io_support import sheet_csv
from sikerja.organisation.tests.test_io_views import BAD_UNITS, post_file


def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.mark.req("PLT-5", "ORG-7")
def test_column_help_reads_in_english(demo, login):
    page = english(login("admin.organisasi")).get(reverse("io:index")).content.decode()
    assert "The unit&#x27;s unique code in this region (max. 40 characters)." in page
    assert "<code>kode_induk</code>" in page and "Code of the parent unit" in page
    assert "ya/tidak (yes/no): this unit is a regional agency." in page
    assert "Kind of position: jpt_madya" in page or "Kind of position: " in page
    assert "NIP of 18 digits" in page and "Organisational unit" in page
    assert "Kode unik unit" not in page and "Nama tanpa gelar" not in page


@pytest.mark.req("PLT-5", "ORG-7")
def test_column_help_stays_indonesian_by_default_and_in_the_file(demo, login):
    client = login("admin.organisasi")
    assert "Kode unik unit di daerah ini (maks. 40 karakter)." in client.get(reverse("io:index")).content.decode()
    english(client)
    data = client.get(reverse("io:export", args=["units", "xlsx"]) + "?templat=1").content
    guide = openpyxl.load_workbook(io.BytesIO(data))["Petunjuk"]
    rows = {r[0]: r[2] for r in guide.iter_rows(min_row=2, values_only=True)}
    assert rows["kode"] == "Kode unik unit di daerah ini (maks. 40 karakter)."


@pytest.mark.req("PLT-5", "ORG-7")
def test_preview_problems_read_in_english(demo, login):
    client = english(login("admin.bkpsdm"))
    page = client.get(post_file(client, "units", "unit.csv", sheet_csv("units", BAD_UNITS)).url).content.decode()
    assert "Unit code &#x27;BRIDA&#x27; is duplicated: already used in row 2." in page
    assert "ganda" not in page
