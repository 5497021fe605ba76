"""Benchmark of pengelolaan kinerja (issue 13, Performance): opening a year (periods, SKP drafts
for every employee and every MPH cell of the year turned into an RHK of its person's draft), the
PPK's evaluation page, the curve check of the largest PD and the month-end burst — as bulk rows
for every employee, and through the real services (one evidence item, one evaluation) for a
sample of employees, with ms per employee and queries per call.

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
from sikerja.performance import selectors, services
from sikerja.performance.benchdata import sample_actors, seed_mph
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
        parser.add_argument("--sample", type=int, default=500, help="pegawai yang menyimpan lewat layanan")

    def _t(self, label, call, n=None):
        connection.queries_log.clear()  # the log keeps 9,000 queries; a full one would count 0
        with CaptureQueriesContext(connection) as q:
            started, cpu = time.perf_counter(), time.process_time()
            result = call()
            ms, self.cpu_ms = (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000
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
        works = seed_mph(region, year)
        self.stdout.write(f"\n{region.name}: {region.employees.count()} pegawai, {works} tim MPH — {connection.vendor}")
        _, ms_periods = self._t("buka tahun (periode)", lambda: open_year(admin, year=year))
        cpu = self.cpu_ms
        made, ms_drafts = self._t("draf SKP + RHK dari MPH untuk semua", lambda: generate_drafts(admin, year=year))
        cpu += self.cpu_ms
        rhks = Rhk.objects.filter(skp__region=region, skp__year=year).count()
        made = made or 1
        per = (ms_periods + ms_drafts) / made
        self.stdout.write(
            f"  buka tahun lengkap: {made} draf SKP, {rhks} RHK dari MPH, {ms_periods + ms_drafts:.0f} ms = "
            f"{per:.3f} ms/pegawai; Frappe HRMS ≈ {FRAPPE_MS_PER_EMPLOYEE} ms/pegawai → "
            f"{FRAPPE_MS_PER_EMPLOYEE / max(per, 1e-6):.0f}× lebih cepat (sasaran ≥ 100×)"
        )
        # On a shared machine the wall clock includes waiting for a core; the process's CPU time
        # does not (it holds SQLite's work too, not a PostgreSQL server's).
        self.stdout.write(
            f"  waktu CPU proses ini: {cpu:.0f} ms = {cpu / made:.3f} ms/pegawai → "
            f"{FRAPPE_MS_PER_EMPLOYEE / max(cpu / made, 1e-6):.0f}×"
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

        self._t("beban akhir bulan, baris massal (semua)", burst, n=len(skps))
        self._services_burst(region, year, prefix, opts["sample"])
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

    def _services_burst(self, region, year, prefix, size):
        """The month-end load as the pages cause it: each sampled employee saves one evidence
        item through the evidence service and their PPK one evaluation through the evaluation
        service (triwulan II, so the bulk rows above do not collide). Leaders of a unit are left
        out: their rating hasil follows the unit's predikat, set first."""
        tw2 = Period.objects.get(region=region, year=year, kind="tw2")
        picked = list(
            Skp.objects.filter(region=region, year=year, is_current=True, employee__position__is_leader=False)
            .filter(rhks__target__isnull=False)
            .distinct()
            .order_by("pk")
            .values_list("pk", "employee_id", "assessor_id")[:size]
        )
        Skp.objects.filter(pk__in=[s for s, _, _ in picked]).update(status=Skp.Status.DISETUJUI)
        actors = sample_actors(region, picked, prefix)
        rhk_of = dict(
            Rhk.objects.filter(skp_id__in=[s for s, _, _ in picked], target__isnull=False).values_list("skp_id", "pk")
        )
        for label, call in (
            ("bukti dukung lewat layanan", lambda s, e, a: services.add_evidence(actors[e], rhk_of[s], title="Bukti")),
            (
                "evaluasi lewat layanan",
                lambda s, e, a: services.evaluate(
                    actors[a], s, period_id=tw2.pk, rating_hasil="sesuai", rating_perilaku="sesuai"
                ),
            ),
        ):
            counts, started = set(), time.perf_counter()
            for s, e, a in picked:
                connection.queries_log.clear()
                with CaptureQueriesContext(connection) as q:
                    call(s, e, a)
                counts.add(len(q))
            ms = (time.perf_counter() - started) * 1000
            spread = f"{min(counts)}" if len(counts) == 1 else f"{min(counts)}–{max(counts)}"
            self.stdout.write(
                f"{label:44} {ms:10.1f} ms · {len(picked)} pegawai · {ms / max(len(picked), 1):.2f} ms/pegawai · "
                f"{spread} kueri per panggilan"
            )
