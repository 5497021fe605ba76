"""Benchmark of pengelolaan kinerja (issue 13, Performance): opening a year with SKP drafts for
every employee, the PPK's evaluation page, the curve check of the largest PD and the month-end
burst (every employee saving one evidence item and one evaluation), with query counts.

Reference: Frappe HRMS's appraisal cycle, ≈ 30 s for 2,000 employees (14 ms each) on this
machine kind; the aim is at least 100× faster per employee. Run on a throw-away database, e.g.
``DATABASE_URL=sqlite:///var/bench.sqlite3 python manage.py bench_kinerja --employees 15000``.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from sikerja.accounts.access import actor_for
from sikerja.organisation.demo.builder import DEMO_PASSWORD, build_demo_region
from sikerja.organisation.models import Unit
from sikerja.performance import selectors
from sikerja.performance.models import Evaluation, Period, Rhk, Skp, SkpEvidence
from sikerja.performance.services.periods import generate_drafts, open_year
from sikerja.tenancy.models import Region

FRAPPE_MS_PER_EMPLOYEE = 14.0


class Command(BaseCommand):
    help = "Ukur waktu pembukaan tahun penilaian, halaman penilaian, kurva dan beban akhir bulan."

    def add_arguments(self, parser):
        parser.add_argument("--employees", type=int, default=15000)
        parser.add_argument("--year", type=int, default=2029)
        parser.add_argument("--repeat", type=int, default=1)  # accepted with the other benches' BENCH_ARGS

    def _t(self, label, call, n=None):
        with CaptureQueriesContext(connection) as q:
            started = time.perf_counter()
            result = call()
            ms = (time.perf_counter() - started) * 1000
        per = f" · {ms / n:.3f} ms/pegawai" if n else ""
        self.stdout.write(f"{label:44} {ms:10.1f} ms {len(q):7} kueri{per}")
        return result, ms

    def handle(self, *args, **opts):
        n, year = opts["employees"], opts["year"]
        slug, prefix = f"bench-{n}", f"b{n}"
        if not Region.objects.filter(slug=slug).exists():
            build_demo_region(n_employees=n, seed=99, slug=slug, name=f"Kabupaten Benchmark {n}", user_prefix=prefix)
        region = Region.objects.get(slug=slug)
        from django.contrib.auth import get_user_model

        admin = actor_for(get_user_model().objects.get(username=f"{prefix}.admin.bkpsdm"), region)
        Evaluation.objects.filter(region=region, period__year=year).delete()  # a re-run starts clean
        Skp.objects.filter(region=region, year=year).delete()
        Period.objects.filter(region=region, year=year).delete()
        self.stdout.write(f"\n{region.name}: {region.employees.count()} pegawai — {connection.vendor}")
        self._t("buka tahun (periode)", lambda: open_year(admin, year=year))
        made, ms = self._t("draf SKP untuk semua pegawai", lambda: generate_drafts(admin, year=year))
        made = made or 1
        self.stdout.write(
            f"  {ms / made:.3f} ms/pegawai; Frappe HRMS ≈ {FRAPPE_MS_PER_EMPLOYEE} ms/pegawai → "
            f"{FRAPPE_MS_PER_EMPLOYEE / max(ms / made, 1e-6):.0f}× lebih cepat"
        )
        tw1 = Period.objects.get(region=region, year=year, kind="tw1")
        # month-end burst: every employee's draft gets an RHK, an evidence item and an evaluation
        skps = list(
            Skp.objects.filter(region=region, year=year).values_list("pk", "employee_id", "assessor_id", "unit_id")
        )

        def burst():
            with transaction.atomic():
                Rhk.objects.bulk_create([Rhk(skp_id=s, text="Hasil kerja", order=1) for s, *_ in skps], batch_size=2000)
                rhks = dict(Rhk.objects.filter(skp__region=region, skp__year=year).values_list("skp_id", "pk"))
                SkpEvidence.objects.bulk_create(
                    [
                        SkpEvidence(rhk_id=rhks[s], title="Bukti", happened_on=tw1.ends_on, added_by_id=e)
                        for s, e, *_ in skps
                    ],
                    batch_size=2000,
                )
                Evaluation.objects.bulk_create(
                    [
                        Evaluation(region=region, skp_id=s, employee_id=e, unit_id=u, period=tw1, assessor_id=a,
                                   rating_hasil="sesuai", rating_perilaku="sesuai", predikat="baik")
                        for s, e, a, u in skps
                    ],
                    batch_size=2000,
                )  # fmt: skip

        self._t("beban akhir bulan (bukti + evaluasi semua)", burst, n=len(skps))
        pd = max(
            Unit.objects.filter(region=region, is_perangkat_daerah=True),
            key=lambda u: Evaluation.objects.filter(period=tw1, unit__perangkat_daerah=u).count(),
        )
        sekda = actor_for(get_user_model().objects.get(username=f"{prefix}.sekda"), region)
        view, _ = self._t(f"kurva {pd.name[:30]}", lambda: selectors.unit_curve(sekda, pd.pk, tw1.pk))
        self.stdout.write(f"  {view.n} pegawai diperiksa")
        host = (settings.ALLOWED_HOSTS or ["127.0.0.1"])[0]
        client = Client(HTTP_HOST=host.lstrip(".") or "127.0.0.1")
        client.login(username=f"{prefix}.kabid.aptika", password=DEMO_PASSWORD)
        self._t("halaman penilaian PPK", lambda: client.get(f"/kinerja/penilaian/?periode={tw1.pk}"))
        skp = Skp.objects.filter(region=region, year=year, assessor__user__username=f"{prefix}.kabid.aptika").first()
        if skp:
            self._t("halaman SKP (oleh PPK)", lambda: client.get(f"/kinerja/skp/{skp.pk}/"))
