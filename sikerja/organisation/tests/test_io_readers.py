"""Reading CSV and XLSX uploads (ORG-7): delimiters, BOM, Excel quirks, clear errors."""

import pytest

from sikerja.organisation.io import readers
from sikerja.organisation.io.readers import ReadError, read_table
from sikerja.organisation.io.services import preview_import
from sikerja.organisation.io.sheets import SHEETS
from sikerja.organisation.tests.test_io_support import actor, csv_bytes, xlsx_bytes

pytestmark = pytest.mark.req("ORG-7")

UNITS = SHEETS["units"]
HEAD = ["kode", "nama", "jenis", "kode_induk"]


@pytest.mark.parametrize("bom", [False, True])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_delimiters_and_bom(delimiter, bom):
    content = csv_bytes(
        HEAD, [["A", "Dinas Ä; Satu", "dinas", ""], ["B", "Bidang, Dua", "bidang", "A"]], delimiter=delimiter, bom=bom
    )
    table = read_table("unit.CSV", content, UNITS)
    assert table.headers == HEAD
    assert [r["row"] for r in table.rows] == [2, 3]
    assert table.rows[0]["values"]["nama"] == "Dinas Ä; Satu"
    assert table.rows[1]["values"] == {"kode": "B", "nama": "Bidang, Dua", "jenis": "bidang", "kode_induk": "A"}


def test_windows_1252_csv_and_header_variants():
    content = "Kode;NAMA ;Jenis;Kode Induk;catatan\r\nA;Dinas Pendidikan é;dinas;;x\r\n;;;;\r\n".encode("cp1252")
    table = read_table("u.csv", content, UNITS)
    assert table.rows == [
        {"row": 2, "values": {"kode": "A", "nama": "Dinas Pendidikan é", "jenis": "dinas", "kode_induk": ""}}
    ]
    assert table.ignored_columns == ["catatan"]


def test_xlsx_cells_become_text():
    content = xlsx_bytes(
        SHEETS["employees"].headers,
        [["198507122010011003", "Budi", None, None, "PNS", "III/a", 101, 12.0, None, True],
         [1.98507122010011e17, "Ani", None, None, "PNS", "III/a", "U1", "P1", None, None]],
    )  # fmt: skip
    table = read_table("p.xlsx", content, SHEETS["employees"])
    assert table.rows[0]["values"]["nip"] == "198507122010011003"
    assert table.rows[0]["values"]["gelar_depan"] == ""
    assert (table.rows[0]["values"]["kode_unit"], table.rows[0]["values"]["kode_jabatan"]) == ("101", "12")
    assert table.rows[0]["values"]["kompetensi"] == "ya"
    assert "E+17" in table.rows[1]["values"]["nip"]  # kept visibly wrong, never silently rounded


def test_xlsx_picks_the_sheet_named_like_the_sheet():
    from io import BytesIO

    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "Catatan"
    wb.active.append(["apa saja"])
    ws = wb.create_sheet("Unit organisasi")
    ws.append(HEAD)
    ws.append(["A", "Dinas A", "dinas", None])
    out = BytesIO()
    wb.save(out)
    assert read_table("u.xlsx", out.getvalue(), UNITS).rows[0]["values"]["kode"] == "A"


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("u.txt", b"kode,nama", "tidak didukung"),
        ("u.xls", b"\xd0\xcf\x11\xe0", ".xls"),
        ("u.csv", b"", "kosong"),
        ("u.csv", b"\r\n\r\n", "tidak ada baris judul"),
        ("u.csv", b"kode,nama,jenis,kode_induk\r\n", "tidak berisi baris data"),
        ("u.csv", b"kode,nama\r\nA,B\r\n", "Kolom wajib tidak ada: jenis, kode_induk"),
        ("u.csv", b"kode,nama,jenis,kode_induk,kode\r\nA,B,dinas,,A\r\n", "ganda"),
        ("u.xlsx", b"PK\x03\x04 not really a zip", "XLSX tidak dapat dibaca"),
        ("u.xlsx", b"kode,nama,jenis\r\n", "XLSX tidak dapat dibaca"),
        ("u.csv", b"PK\x03\x04\x00\x00binary", "biner"),
    ],
)
def test_unreadable_files_get_a_clear_error(filename, content, message):
    with pytest.raises(ReadError, match=message):
        read_table(filename, content, UNITS)


def test_row_limit(monkeypatch):
    monkeypatch.setattr(readers, "MAX_ROWS", 3)
    content = csv_bytes(HEAD, [[f"U{i}", "x", "dinas", ""] for i in range(4)])
    with pytest.raises(ReadError, match="lebih dari 3 baris"):
        read_table("u.csv", content, UNITS)
    assert len(read_table("u.csv", csv_bytes(HEAD, [["A", "x", "dinas", ""]] * 3), UNITS).rows) == 3


def test_semicolon_bom_csv_imports_end_to_end(demo):
    content = csv_bytes(
        UNITS.headers,
        [["BRIDA", "Badan Riset dan Inovasi Daerah", "Badan", "", "Ya", "Tidak", "Jl. Merdeka No. 1; Lt. 2"]],
        delimiter=";",
        bom=True,
    )
    batch = preview_import(actor=actor(demo), sheet="units", filename="unit-excel.csv", content=content)
    assert batch.report["errors"] == [] and batch.report["creates"] == 1
