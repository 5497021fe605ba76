"""Benchmark of pelaksanaan (issue 12, Performance): on a large region with thousands of running
assignments (approved plans, reporting dues) and a hundred thousand reports, the time and query
count of the leader's monitoring page, a ketua's team page, a report submission (the service)
and the late-report count.

Run on a throw-away database (``make bench`` uses var/bench.sqlite3), e.g.
``DATABASE_URL=sqlite:///var/bench.sqlite3 python manage.py bench_execution --employees 50000``
(5,000 assignments and 100,000 reports by default at that size: one assignment per ten
employees, two reports per employee). The region ``bench-<n>`` is shared with bench_org and
bench_kinerja; the load is built once and reused."""

import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection

from sikerja.execution import bench
from sikerja.execution.models import Report, ReportDue, Work
from sikerja.organisation.db_stats import analyse
from sikerja.organisation.demo.builder import DEMO_PASSWORD, build_demo_region
from sikerja.organisation.models import Employee
from sikerja.tenancy.models import Region

LOAD_MODELS = (
    "assignments.Assignment",
    "assignments.Member",
    "execution.Work",
    "execution.Plan",
    "execution.ReportDue",
    "execution.Report",
    "execution.Problem",
    "execution.Review",
)


class Command(BaseCommand):
    help = "Ukur waktu dan jumlah kueri pemantauan, halaman tim, penyampaian laporan dan laporan terlambat."

    def add_arguments(self, parser):
        parser.add_argument("--employees", type=int, default=50000)
        parser.add_argument("--assignments", type=int, default=None, help="penugasan berjalan (default pegawai/10)")
        parser.add_argument("--reports", type=int, default=None, help="laporan kemajuan (default 2 × pegawai)")
        parser.add_argument("--repeat", type=int, default=5)

    def handle(self, *args, **opts):
        n = opts["employees"]
        assignments = opts["assignments"] if opts["assignments"] is not None else max(n // 10, 1)
        reports = opts["reports"] if opts["reports"] is not None else 2 * n
        slug, prefix = f"bench-{n}", f"b{n}"
        if not Region.objects.filter(slug=slug).exists():
            started = time.perf_counter()
            build_demo_region(n_employees=n, seed=99, slug=slug, name=f"Kabupaten Benchmark {n}", user_prefix=prefix)
            analyse()
            self.stdout.write(f"seed_demo {n} pegawai: {time.perf_counter() - started:.1f} dtk")
        region = Region.objects.get(slug=slug)
        if not Work.objects.filter(region=region, assignment__title__startswith=bench.TITLE).exists():
            started = time.perf_counter()
            made = bench.build_load(region, assignments=assignments, reports=reports)
            analyse(LOAD_MODELS)
            self.stdout.write(
                f"{made['assignments']} penugasan berjalan, {made['dues']} jadwal laporan, {made['reports']} laporan: "
                f"{time.perf_counter() - started:.1f} dtk"
            )
        ketua_login, leader_login = f"{prefix}.pegawai.kominfo", f"{prefix}.kadis.kominfo"
        work = bench.measured_team(region, Employee.objects.get(user__username=ketua_login))
        self.stdout.write(
            f"\n{region.name}: {region.employees.count()} pegawai, "
            f"{Work.objects.filter(region=region).count()} penugasan dilaksanakan, "
            f"{ReportDue.objects.filter(work__region=region).count()} jadwal laporan, "
            f"{Report.objects.filter(work__region=region).count()} laporan — {connection.vendor}"
        )
        self.stdout.write(f"{'operasi':34} {'median ms':>10} {'maks ms':>9} {'kueri':>6}  hasil")
        ops = bench.operations(
            leader_login=leader_login,
            ketua_login=ketua_login,
            password=DEMO_PASSWORD,
            work=work,
            region=region,
            admin_login=f"{prefix}.admin.bkpsdm",
        )
        for name, fn in ops.items():
            times, queries, result = bench.measure(fn, opts["repeat"])
            self.stdout.write(f"{name:34} {statistics.median(times):10.1f} {max(times):9.1f} {queries:6d}  {result}")
