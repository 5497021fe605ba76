"""Issue 12, Performance: the four operations of ``bench_execution`` — the leader's monitoring
page, a ketua's team page, a report submission and the late-report count — take the same number
of queries when the region holds three times the running assignments and reports."""

import pytest

from sikerja.assignments.tests.people import emp
from sikerja.execution import bench
from sikerja.execution.models import Report, Work
from sikerja.organisation.demo.builder import DEMO_PASSWORD


def _counts(region, work):
    ops = bench.operations(
        leader_login="kadis.kominfo",
        ketua_login="pegawai.kominfo",
        password=DEMO_PASSWORD,
        work=work,
        region=region,
        admin_login="admin.bkpsdm",
    )
    return {name: bench.measure(fn)[1:] for name, fn in ops.items()}


@pytest.mark.req("PEL-4", "TJ-3")
def test_query_counts_of_the_benchmarked_operations_do_not_grow(demo):
    region = demo.region
    first = bench.build_load(region, assignments=40, reports=400)
    work = bench.measured_team(region, emp("pegawai.kominfo"))
    small = _counts(region, work)
    assert first["reports"] == 400
    bench.build_load(region, assignments=80, reports=800)  # 3× the assignments and reports
    bench.grow_team(work, 6)
    large = _counts(region, work)

    assert Work.objects.filter(region=region, assignment__title__startswith=bench.TITLE).count() == 120
    assert Report.objects.filter(work__region=region, article=bench.ARTICLE).count() >= 1200
    for name in small:
        assert large[name][0] == small[name][0], (name, small[name][0], large[name][0])
    assert small["halaman pemantauan pimpinan"][1] == large["halaman tim (ketua)"][1] == 200
    assert large["pemantauan se-daerah (selektor)"][1] > small["pemantauan se-daerah (selektor)"][1] >= 41
    assert small["penyampaian laporan (layanan)"][1] == 60
    # More late reports are counted, in the same single query.
    assert large["kueri laporan terlambat"][1] >= small["kueri laporan terlambat"][1] > 0
