"""Export → import gives no errors and no changes, for each sheet and format (ORG-7)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sikerja.audit.models import Event
from sikerja.organisation.io.exporters import export_sheet, rows
from sikerja.organisation.io.readers import read_table
from sikerja.organisation.io.services import apply_import, preview_import
from sikerja.organisation.io.sheets import SHEETS
from sikerja.organisation.models import ImportBatch
from sikerja.organisation.tests.test_io_support import actor, snapshot

pytestmark = pytest.mark.req("ORG-7")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("sheet", ["units", "positions", "employees"])
def test_export_reimports_without_errors_or_changes(demo, sheet, fmt):
    admin = actor(demo)
    content = export_sheet(actor=admin, sheet=sheet, fmt=fmt)
    table = read_table(f"x.{fmt}", content, SHEETS[sheet])
    assert table.headers == SHEETS[sheet].headers
    before = snapshot(demo.region)

    batch = preview_import(actor=admin, sheet=sheet, filename=f"ekspor.{fmt}", content=content)

    report = batch.report
    assert report["errors"] == []
    assert report["rows"] == len(table.rows) > 0
    assert (report["creates"], report["updates"], report["unchanged"]) == (0, 0, report["rows"])
    apply_import(actor=admin, batch_id=batch.pk)
    assert snapshot(demo.region) == before
    assert Event.objects.filter(verb="import.applied", object_id=str(batch.pk)).exists()


def test_export_counts_match_region(demo):
    admin = actor(demo)
    n_emp = demo.region.employees.count()
    table = read_table("x.xlsx", export_sheet(actor=admin, sheet="employees", fmt="xlsx"), SHEETS["employees"])
    assert len(table.rows) == n_emp
    nips = {r["values"]["nip"] for r in table.rows}
    assert len(nips) == n_emp and all(len(n) == 18 for n in nips)


def test_export_template_has_headers_only(demo):
    admin = actor(demo)
    content = export_sheet(actor=admin, sheet="positions", fmt="csv", template=True)
    assert content.decode("utf-8-sig").strip() == ",".join(SHEETS["positions"].headers)


@pytest.mark.parametrize("sheet", ["units", "positions", "employees"])
def test_export_query_count_does_not_grow_with_rows(demo, sheet):
    with CaptureQueriesContext(connection) as ctx:
        n = sum(1 for _ in rows(demo.region, sheet))
    assert n > 20
    assert len(ctx.captured_queries) <= 3


def test_export_of_other_region_admin_holds_only_its_own_data(demo, other_demo):
    mine = {u.code for u in demo.region.units.all()}
    theirs_nips = set(other_demo.region.employees.values_list("nip", flat=True))
    other_admin = actor(other_demo, "lain.admin.bkpsdm")
    table = read_table("x.csv", export_sheet(actor=other_admin, sheet="employees", fmt="csv"), SHEETS["employees"])
    assert {r["values"]["nip"] for r in table.rows} == theirs_nips
    assert not (
        {r["values"]["kode_unit"] for r in table.rows} - set(other_demo.region.units.values_list("code", flat=True))
    )
    assert mine  # same codes may exist in both regions; the NIP set proves the scope
    assert ImportBatch.objects.count() == 0


@pytest.mark.req("ORG-7")
def test_exports_never_carry_live_formulas_and_still_round_trip(demo):
    import io as _io

    from openpyxl import load_workbook

    from sikerja.organisation.io.exporters import export_sheet
    from sikerja.organisation.io.services import preview_import
    from sikerja.organisation.models import Unit
    from sikerja.organisation.tests.test_io_support import actor

    Unit.objects.filter(region=demo.region, code="SETWAN").update(name='=HYPERLINK("http://x","klik")')
    admin = actor(demo, "admin.organisasi")
    csv_bytes = export_sheet(actor=admin, sheet="units", fmt="csv")
    assert b"'=HYPERLINK" in csv_bytes
    xlsx_bytes = export_sheet(actor=admin, sheet="units", fmt="xlsx")
    ws = load_workbook(_io.BytesIO(xlsx_bytes)).worksheets[0]
    cell = next(c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value)
    assert cell.data_type == "s"
    for fmt, content in (("csv", csv_bytes), ("xlsx", xlsx_bytes)):
        batch = preview_import(actor=admin, sheet="units", filename=f"unit.{fmt}", content=content)
        assert batch.report["errors"] == [] and batch.report["updates"] == 0, (fmt, batch.report)
