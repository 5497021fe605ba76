"""Every kind of bad row is reported with its row number, column and reason (ORG-7)."""

import pytest

from sikerja.organisation.io.services import preview_import
from sikerja.organisation.models import Employee, ImportBatch
from sikerja.organisation.tests.test_io_support import actor, sheet_csv, snapshot

pytestmark = pytest.mark.req("ORG-7")

GOOD_NIP = "199001152015031002"
GOOD_NIP_2 = "199203212016032004"


def preview(builder, sheet, rows, **kw):
    return preview_import(
        actor=actor(builder), sheet=sheet, filename="berkas.csv", content=sheet_csv(sheet, rows, **kw)
    ).report


def errors_at(report, row):
    return [(e["column"], e["message"]) for e in report["errors"] if e["row"] == row]


def assert_error(report, row, column, fragment):
    found = errors_at(report, row)
    assert any(c == column and fragment.lower() in m.lower() for c, m in found), (
        row,
        column,
        fragment,
        report["errors"],
    )


# --- units --------------------------------------------------------------------------------
def unit(**kw):
    return {"kode": "BARU", "nama": "Badan Baru", "jenis": "badan", "kode_induk": "", "perangkat_daerah": "ya",
            "unit_kerja_mandiri": "tidak", "alamat": ""} | kw  # fmt: skip


def test_unit_rows_each_reported_with_reason(demo):
    report = preview(
        demo,
        "units",
        [
            unit(),  # row 2: fine, new
            unit(kode="BARU", nama="Lagi"),  # 3: duplicate code in the file
            unit(kode="U4", jenis="kementerian"),  # 4: unknown type
            unit(kode="U5", kode_induk="TIDAKADA", perangkat_daerah="tidak"),  # 5: unknown parent
            unit(kode="U6", nama=""),  # 6: required name
            unit(kode="U7", kode_induk="U7"),  # 7: own parent
            unit(kode="U8", unit_kerja_mandiri="ya"),  # 8: a badan cannot be mandiri
            unit(kode="U9", perangkat_daerah="mungkin"),  # 9: not ya/tidak
            unit(kode="", nama="Tanpa kode"),  # 10: required code
        ],
    )
    assert report["rows"] == 9
    assert_error(report, 3, "kode", "ganda")
    assert_error(report, 3, "kode", "baris 2")
    assert_error(report, 4, "jenis", "tidak dikenal")
    assert_error(report, 5, "kode_induk", "TIDAKADA")
    assert_error(report, 6, "nama", "wajib")
    assert_error(report, 7, "kode_induk", "dirinya sendiri")
    assert_error(report, 8, "unit_kerja_mandiri", "Puskesmas")
    assert_error(report, 9, "perangkat_daerah", "ya")
    assert_error(report, 10, "kode", "wajib")
    assert errors_at(report, 2) == []
    assert report["valid"] == 1 and report["creates"] == 1


def test_unit_parent_cycle_is_reported(demo):
    # DISKOMINFO under its own bidang, which is under DISKOMINFO: a loop.
    report = preview(
        demo,
        "units",
        [
            unit(kode="A1", kode_induk="A2", perangkat_daerah="tidak", jenis="bidang"),
            unit(kode="A2", kode_induk="A1", perangkat_daerah="tidak", jenis="bidang"),
            unit(kode="DISKOMINFO", nama="Dinas Kominfo", jenis="dinas", kode_induk="DISKOMINFO.BID1"),
        ],
    )
    assert_error(report, 2, "kode_induk", "lingkaran")
    assert_error(report, 3, "kode_induk", "lingkaran")
    assert_error(report, 4, "kode_induk", "DISKOMINFO → DISKOMINFO.BID1 → DISKOMINFO")


def test_unit_labels_and_forward_parent_accepted(demo):
    report = preview(
        demo,
        "units",
        [
            unit(kode="B.BID", nama="Bidang Satu", jenis="Bidang", kode_induk="B", perangkat_daerah="Tidak"),
            unit(kode="B", nama="Badan B", jenis="BADAN", perangkat_daerah="Ya"),
            unit(
                kode="PKM.X",
                nama="Puskesmas X",
                jenis="puskesmas",
                kode_induk="DINKES",
                perangkat_daerah="tidak",
                unit_kerja_mandiri="ya",
            ),
        ],
    )
    assert report["errors"] == [] and report["creates"] == 3


# --- positions ------------------------------------------------------------------------------
def position(**kw):
    return {"kode": "P.NEW", "nama": "Analis", "kode_unit": "DISKOMINFO.BID1", "jenis": "fungsional", "kategori_jf": "",
            "jenjang_jf": "ahli_muda", "kelas_jabatan": "10", "pimpinan_unit": "tidak", "kebutuhan": "2"} | kw  # fmt: skip


def test_position_rows_each_reported_with_reason(demo):
    report = preview(
        demo,
        "positions",
        [
            position(),  # 2: fine
            position(kode="P3", kode_unit="NOWHERE"),  # 3: unknown unit
            position(kode="P4", jenis="menteri"),  # 4: unknown kind
            position(kode="P5", jenjang_jf=""),  # 5: JF without level
            position(kode="P6", jenis="pelaksana"),  # 6: level on a pelaksana
            position(kode="P7", kategori_jf="keterampilan"),  # 7: ahli muda is keahlian
            position(kode="P8", jenjang_jf="ahli_super"),  # 8: unknown level
            position(kode="P9", jenis="administrator", jenjang_jf="", pimpinan_unit="ya"),  # 9: unit has a leader
            position(kode="P10", kelas_jabatan="sepuluh"),  # 10: not a number
            position(kode="P.NEW"),  # 11: duplicate code
            position(
                kode="P12", jenis="pelaksana", jenjang_jf="", kategori_jf="keahlian"
            ),  # 12: category on a pelaksana
            position(
                kode="P13", jenis="pelaksana", jenjang_jf="", kode_unit="DISKOMINFO.BID2", pimpinan_unit="ya"
            ),  # 13: pelaksana leads
        ],
    )
    assert errors_at(report, 2) == []
    assert_error(report, 3, "kode_unit", "NOWHERE")
    assert_error(report, 4, "jenis", "tidak dikenal")
    assert_error(report, 5, "jenjang_jf", "wajib mempunyai jenjang")
    assert_error(report, 6, "jenjang_jf", "Hanya jabatan fungsional")
    assert_error(report, 7, "kategori_jf", "bukan kategori")
    assert_error(report, 8, "jenjang_jf", "tidak dikenal")
    assert_error(report, 9, "pimpinan_unit", "DISKOMINFO.BID1.J01")
    assert_error(report, 10, "kelas_jabatan", "angka")
    assert_error(report, 11, "kode", "ganda")
    assert_error(report, 12, "kategori_jf", "Hanya jabatan fungsional")
    assert_error(report, 13, "pimpinan_unit", "JPT, administrator atau pengawas")


def test_two_leaders_in_one_file_for_one_unit(demo):
    # Moving the leadership: the old leader position is in the file as non-leader, so one new
    # leader is fine; a second in the same file is not.
    report = preview(
        demo,
        "positions",
        [
            position(
                kode="DISKOMINFO.BID1.J01",
                nama="Kepala Bidang",
                jenis="administrator",
                jenjang_jf="",
                pimpinan_unit="tidak",
            ),
            position(kode="L1", jenis="administrator", jenjang_jf="", pimpinan_unit="ya"),
            position(kode="L2", jenis="pengawas", jenjang_jf="", pimpinan_unit="ya"),
        ],
    )
    assert errors_at(report, 2) == [] and errors_at(report, 3) == []
    assert_error(report, 4, "pimpinan_unit", "baris 3")


def test_position_labels_accepted(demo):
    report = preview(demo, "positions", [position(jenis="Fungsional", jenjang_jf="Ahli Muda", kategori_jf="Keahlian")])
    assert report["errors"] == []


# --- employees ------------------------------------------------------------------------------
def employee(**kw):
    return {"nip": GOOD_NIP, "nama": "Budi Santoso", "gelar_depan": "", "gelar_belakang": "S.Kom.", "status": "PNS",
            "golongan": "III/a", "kode_unit": "DISKOMINFO.BID1", "kode_jabatan": "DISKOMINFO.BID1.J03",
            "email": "budi@example.go.id", "kompetensi": "Pengembangan Aplikasi; Keamanan Informasi"} | kw  # fmt: skip


@pytest.mark.req("ORG-5")
def test_employee_rows_each_reported_with_reason(demo):
    existing = Employee.objects.filter(region=demo.region).first()
    report = preview(
        demo,
        "employees",
        [
            employee(),  # 2: fine, new
            employee(nip="12345"),  # 3: short NIP
            employee(nip="199013152015031002"),  # 4: month 13 in the birth date
            employee(nip=GOOD_NIP),  # 5: duplicate in the file
            employee(nip=GOOD_NIP_2, kode_unit="NOWHERE"),  # 6: unknown unit
            employee(nip="199203212016032005", kode_jabatan="NOPE"),  # 7: unknown position
            employee(nip="199203212016032006", kode_jabatan="DISKOMINFO.J02"),  # 8: position of another unit
            employee(nip="199203212016032007", golongan="V/z"),  # 9: unknown golongan
            employee(nip="199203212016032008", status="PPPK", golongan="III/a"),  # 10: PNS golongan for PPPK
            employee(nip="199203212016032009", status="honorer"),  # 11: unknown status
            employee(nip="199203212016032010", nama=""),  # 12: name required
            employee(nip="199203212016032011", email="bukan-surel"),  # 13: bad e-mail
            employee(nip="1.99203212016032E+17"),  # 14: Excel turned it into a number
            employee(nip=existing.nip, nama="Nama Baru"),  # 15: same region: an update, not a duplicate
        ],
    )
    assert errors_at(report, 2) == []
    assert_error(report, 3, "nip", "18 angka")
    assert_error(report, 4, "nip", "Tanggal lahir")
    assert_error(report, 5, "nip", "ganda")
    assert_error(report, 6, "kode_unit", "NOWHERE")
    assert_error(report, 7, "kode_jabatan", "NOPE")
    assert_error(report, 8, "kode_jabatan", "bukan jabatan pada unit")
    assert_error(report, 9, "golongan", "tidak dikenal untuk PNS")
    assert_error(report, 10, "golongan", "tidak dikenal untuk PPPK")
    assert_error(report, 11, "status", "tidak dikenal")
    assert_error(report, 12, "nama", "wajib")
    assert_error(report, 13, "email", "tidak valid")
    assert_error(report, 14, "nip", "Teks")
    assert errors_at(report, 15) == []
    assert report["creates"] == 1 and report["updates"] == 1
    bad = report["errors"][0]
    assert set(bad) == {"row", "column", "value", "message"} and bad["value"] == "12345"


@pytest.mark.req("ORG-5", "PRF-3")
def test_nip_active_in_another_region_is_reported_without_naming_it(demo, other_demo):
    theirs = other_demo.region.employees.first()
    report = preview(demo, "employees", [employee(nip=theirs.nip)])
    assert_error(report, 2, "nip", "pemerintah daerah lain")
    assert other_demo.region.name not in report["errors"][0]["message"]


def test_employee_unit_follows_position_and_golongan_is_normalised(demo):
    report = preview(demo, "employees", [employee(kode_unit="", golongan="iii/A", status="pns")])
    assert report["errors"] == [] and report["creates"] == 1


@pytest.mark.parametrize("sheet", ["units", "positions", "employees"])
def test_dry_run_writes_nothing(demo, sheet):
    before = snapshot(demo.region)
    rows = {"units": [unit()], "positions": [position()], "employees": [employee()]}[sheet]
    report = preview(demo, sheet, rows)
    assert report["errors"] == [] and report["creates"] == 1
    assert snapshot(demo.region) == before
    assert ImportBatch.objects.get().status == ImportBatch.Status.PREVIEWED


@pytest.mark.req("ORG-5", "ORG-7")
def test_real_ni_pppk_import_for_pppk_only(demo):
    """Issue 9 item 13: an NI PPPK carries 21 in digits 13-14 (198505122022211001). Accepted for
    a PPPK, with the year of appointment; refused for a PNS, saying why."""
    report = preview(
        demo,
        "employees",
        [
            employee(nip="198505122022211001", status="PPPK", golongan="IX"),  # 2: NI PPPK of a PPPK
            employee(nip="198505122022211002", status="PNS"),  # 3: the same layout for a PNS
            employee(nip="198505122015211003", status="PPPK", golongan="IX"),  # 4: before the first PPPK (2019)
        ],
    )
    assert errors_at(report, 2) == []
    assert_error(report, 3, "nip", "hanya dipakai pada Nomor Induk PPPK")
    assert_error(report, 4, "nip", "2019")
    assert report["creates"] == 1
