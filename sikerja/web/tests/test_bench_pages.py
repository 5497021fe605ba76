"""Smoke test of the page benchmark (issue 15): a small region, one round, in process.

The real run (gunicorn, 50,000 employees) is ``make bench``; CI only proves here that the
harness still runs, that every page it lists answers 200 and that the JSON keeps its shape.
"""

import io
import json

import pytest
from django.core.management import call_command

PAGE_KEYS = {"name", "median_ms", "p95_ms", "queries", "ratio_to_floor"}


@pytest.mark.bench
def test_bench_pages_smoke_writes_the_json_and_every_page_answers(db, tmp_path):
    out = tmp_path / "pages.json"
    quiet = io.StringIO()
    call_command("bench_pages", employees=200, rounds=1, in_process=True, output=str(out), stdout=quiet, stderr=quiet)
    data = json.loads(out.read_text())
    assert data["floor_median_ms"] > 0
    names = [p["name"] for p in data["pages"]]
    assert {"beranda", "laporan kedudukan (daerah)", "API pegawai 500", "calon penugasan tanpa filter"} <= set(names)
    assert len(names) >= 18
    for page in data["pages"]:
        assert set(page) >= PAGE_KEYS, page
        assert page["status"] == 200, page
        assert page["queries"] > 0 and page["median_ms"] > 0 and page["ratio_to_floor"] > 0, page
    validation = data["validation"]
    assert validation["raw_sql_ms"] > 0 and validation["report_ms"] > 0
