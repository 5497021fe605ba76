"""Benchmark every main page beside a one-query floor view (issue 15, "The benchmark").

``python manage.py bench_pages --employees 50000`` builds (or reuses) the region
``bench-pages-<n>`` with the demo builder, runs ANALYZE, serves the app under gunicorn on a
loopback port and requests every page interleaved with the floor view. It prints median, p95,
queries and the ratio to the floor, the kedudukan report's time beside the raw SQL of its
queries, and writes ``var/bench/pages.json``. ``--in-process`` uses the test client instead of
gunicorn (the smoke test). Run it on a throw-away database: it writes a region and sessions.
"""

from __future__ import annotations

import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import connection
from django.test.utils import override_settings

from sikerja.organisation.db_stats import analyse
from sikerja.organisation.demo.builder import DEMO_PASSWORD, build_demo_region
from sikerja.tenancy.models import Region
from sikerja.web.bench import runner
from sikerja.web.bench.pages import USERS, bench_pages


class Command(BaseCommand):
    help = "Ukur halaman utama dan daftar API terhadap tampilan dasar satu kueri (lantai)."

    def add_arguments(self, parser):
        parser.add_argument("--employees", type=int, default=5000)
        parser.add_argument(
            "--rounds", "--repeat", dest="rounds", type=int, default=15, help="putaran pengukuran (bawaan 15)"
        )
        parser.add_argument("--in-process", action="store_true", help="klien uji Django, tanpa gunicorn")
        parser.add_argument("--workers", type=int, default=1, help="jumlah worker gunicorn")
        parser.add_argument(
            "--neighbours", type=int, default=0,
            help="bangun juga N daerah lain sebesar itu di basis data yang sama (mis. 19: 20 daerah)",
        )  # fmt: skip
        parser.add_argument("--only", default="", help="hanya halaman yang namanya memuat teks ini")
        parser.add_argument("--output", default=str(Path(settings.BASE_DIR) / "var" / "bench" / "pages.json"))

    def handle(self, *args, **opts):
        # The region user is an administrator; the benchmark does not type TOTP codes.
        with override_settings(SIKERJA_REQUIRE_SECOND_FACTOR=False):
            self._run(opts)

    def _run(self, opts):
        n = opts["employees"]
        slug, prefix = f"bench-pages-{n}", f"bp{n}"
        build_s = None
        if not Region.objects.filter(slug=slug).exists():
            started = time.perf_counter()
            build_demo_region(n_employees=n, seed=15, slug=slug, name=f"Kabupaten Benchmark {n}", user_prefix=prefix)
            build_s = round(time.perf_counter() - started, 1)
            self.stdout.write(f"daerah {n} pegawai dibangun: {build_s} dtk")
        self._build_neighbours(n, opts["neighbours"])
        analyse()
        region = Region.objects.get(slug=slug)
        pages = [p for p in bench_pages(region) if opts["only"].lower() in p.name.lower()]
        sessions = runner.login_sessions(prefix, DEMO_PASSWORD)
        counts = runner.count_queries(pages, sessions)

        from sikerja.accounts.access import actor_for

        user = get_user_model().objects.get(username=f"{prefix}.{USERS['region']}")
        validation = runner.validation_timing(actor_for(user, region))

        mode = "in-process" if opts["in_process"] else f"gunicorn x{opts['workers']}"
        self.stdout.write(
            f"\n{region.name}: {n} pegawai, {Region.objects.count()} daerah di basis data — "
            f"{connection.vendor}, {mode}, {opts['rounds']} putaran"
        )
        transport = (
            runner.ClientTransport(sessions)
            if opts["in_process"]
            else runner.HttpTransport(sessions, workers=opts["workers"])
        )
        with transport:
            results, floor = runner.measure(transport, pages, counts, opts["rounds"], self.stderr.write)

        self.stdout.write(f"{'halaman':34} {'median ms':>10} {'p95 ms':>9} {'kueri':>6} {'× lantai':>9}")
        self.stdout.write(f"{'(lantai: satu kueri)':34} {floor:10.2f}")
        for r in results:
            note = "" if r.status == 200 else f"  (HTTP {r.status})"
            self.stdout.write(
                f"{r.name:34} {r.median_ms:10.1f} {r.p95_ms:9.1f} {r.queries:6d} {r.ratio_to_floor:9.1f}{note}"
            )
        self.stdout.write(
            f"\nvalidasi kedudukan se-daerah: {validation['report_ms']:.1f} ms dalam Python+SQL, "
            f"SQL mentah {validation['raw_sql_ms']:.1f} ms ({validation['queries']} kueri) — "
            f"{validation['ratio_to_sql']:.1f}× SQL-nya"
        )
        extra = {
            "employees": n,
            "vendor": connection.vendor,
            "mode": mode,
            "rounds": opts["rounds"],
            "validation": validation,
            "build_s": build_s,
            "regions": Region.objects.count(),
        }
        path = Path(opts["output"])
        runner.write_json(path, results, floor, extra)
        self.stdout.write(f"ditulis: {path}")

    def _build_neighbours(self, n: int, count: int) -> None:
        """Other regions of the same size beside the measured one (issue 15, "Many regions in one
        database"): a page of one region must cost the same whether it is alone or one of 20."""
        for i in range(1, count + 1):
            slug = f"bench-pages-{n}-tetangga-{i}"
            if Region.objects.filter(slug=slug).exists():
                continue
            started = time.perf_counter()
            build_demo_region(
                n_employees=n, seed=100 + i, slug=slug, name=f"Kabupaten Tetangga {i}", user_prefix=f"bt{i}x{n}",
                with_users=False,
            )
            self.stdout.write(f"daerah tetangga {i}: {time.perf_counter() - started:.1f} dtk")
