"""Benchmark: the candidate search (PEN-14) and the ketua ranking (PEN-11) on a large region.

Run on a throw-away database (``make bench`` uses var/bench.sqlite3), e.g.
``DATABASE_URL=sqlite:///var/bench.sqlite3 python manage.py bench_assignments --employees 50000``.
The region (slug ``bench-penugasan-<n>``) and its issued assignments are built once and reused.
"""

import datetime as dt
import random
import statistics
import time
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sikerja.accounts.access import Actor
from sikerja.accounts.models import Role
from sikerja.assignments.candidates import ketua_ranking, search_candidates
from sikerja.assignments.models import Assignment, Form, Member, Scope
from sikerja.organisation.demo.builder import build_demo_region
from sikerja.organisation.models import Competence, Employee, EmployeeCompetence, Position, Unit
from sikerja.tenancy.models import Region

START, END = dt.date(2026, 12, 1), dt.date(2027, 2, 26)


class Command(BaseCommand):
    help = "Ukur waktu dan jumlah kueri pencarian calon penugasan dan peringkat ketua pada daerah besar."

    def add_arguments(self, parser):
        parser.add_argument("--employees", type=int, default=50000)
        parser.add_argument("--assignments", type=int, default=400, help="penugasan terbit yang dibuat (default 400)")
        parser.add_argument("--repeat", type=int, default=5)

    def handle(self, *args, **opts):
        n = opts["employees"]
        slug = f"bench-penugasan-{n}"
        if not Region.objects.filter(slug=slug).exists():
            started = time.perf_counter()
            build_demo_region(
                n_employees=n, seed=77, slug=slug, name=f"Kabupaten Benchmark Penugasan {n}", with_users=False
            )
            self.stdout.write(f"seed_demo {n} pegawai: {time.perf_counter() - started:.1f} dtk")
        region = Region.objects.select_related("profile").get(slug=slug)
        if not Assignment.objects.filter(region=region).exists():
            started = time.perf_counter()
            made, members = self._assignments(region, opts["assignments"])
            self.stdout.write(f"{made} penugasan terbit, {members} anggota: {time.perf_counter() - started:.1f} dtk")

        self._analyze()

        actor = Actor(user=AnonymousUser(), region=region, roles={Role.SEKDA})
        unit = {
            u.code: u.pk
            for u in Unit.objects.filter(region=region, code__in=["DISDIK", "DISKOMINFO", "DISKOMINFO.BID1"])
        }
        sample = Employee.objects.filter(region=region, position__kind="fungsional").order_by("pk")[100]
        period = {"starts_on": START, "ends_on": END}
        searches = {
            "1 kompetensi se-daerah": {"competences": ["Pengembangan Aplikasi"]},
            "3 kompetensi umum se-daerah": {"competences": ["Pelayanan Publik", "Pengolahan Data", "Kearsipan"]},
            "tanpa filter se-daerah": {},
            "subpohon Disdik": {"unit_id": unit["DISDIK"]},
            "subpohon Diskominfo + kompetensi": {"unit_id": unit["DISKOMINFO"], "competences": ["Keamanan Informasi"]},
            "teks nama 'siti'": {"q": "siti"},
            f"teks NIP '{sample.nip[:8]}'": {"q": sample.nip[:8]},
            "halaman ke-11 (offset 200)": {"competences": ["Pelayanan Publik"], "offset": 200},
            "100 baris, 12 jam/minggu": {"competences": ["Pelayanan Publik"], "limit": 100, "hours_per_week": 12},
        }
        issued = Assignment.objects.filter(region=region, status=Assignment.Status.DITERBITKAN).count()
        self.stdout.write(
            f"\n{region.name}: {region.employees.count()} pegawai, {region.units.count()} unit, {issued} penugasan terbit "
            f"— {connection.vendor}; periode {START:%d-%m-%Y} s.d. {END:%d-%m-%Y}"
        )
        self.stdout.write(
            f"{'pencarian calon (PEN-14)':36} {'median ms':>10} {'maks ms':>9} {'kueri':>6} {'total':>7} {'baris':>6} {'lebih':>6}"
        )
        for name, params in searches.items():
            times, queries, page = self._time(opts["repeat"], lambda p=params: search_candidates(actor, **period, **p))
            over = sum(r.overbooked for r in page.rows)
            self.stdout.write(
                f"{name:36} {statistics.median(times):10.1f} {max(times):9.1f} {queries:6d} {page.total:7d} "
                f"{len(page.rows):6d} {over:6d}"
            )

        people = list(
            Employee.objects.filter(region=region, is_active=True, unit__perangkat_daerah_id=unit["DISKOMINFO"])
            .order_by("pk")
            .values_list("pk", flat=True)[:10]
        )
        times, queries, ranking = self._time(
            opts["repeat"], lambda: ketua_ranking(actor, people, unit["DISKOMINFO.BID1"])
        )
        self.stdout.write(
            f"\nperingkat ketua (PEN-11), {len(people)} orang: median {statistics.median(times):.1f} ms, "
            f"maks {max(times):.1f} ms, {queries} kueri — {len(ranking.ranked)} diperingkat, {len(ranking.excluded)} dikecualikan"
        )

    @staticmethod
    def _analyze():
        """Planner statistics for the tables just filled in bulk, as autovacuum (PostgreSQL) or a
        maintained database would have them; without them PostgreSQL plans for empty tables."""
        models = (Unit, Position, Employee, Competence, EmployeeCompetence, Assignment, Member)
        with connection.cursor() as cursor:
            for model in models:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")

    @staticmethod
    def _time(repeat, fn):
        times = []
        for _ in range(max(1, repeat)):
            with CaptureQueriesContext(connection) as ctx:
                t0 = time.perf_counter()
                result = fn()
                times.append((time.perf_counter() - t0) * 1000)
        return times, len(ctx.captured_queries), result

    @transaction.atomic
    def _assignments(self, region, count: int) -> tuple[int, int]:
        """Issued assignments, created in bulk (no steps or letters: only their commitments
        matter here). Members are drawn from a pool of a few thousand JF/pelaksana so that some
        people carry several overlapping assignments."""
        rng = random.Random(77)
        staff = list(
            Employee.objects.filter(region=region, is_active=True, position__kind__in=["fungsional", "pelaksana"])
            .order_by("pk")
            .values_list("pk", "unit_id")
        )
        pool = rng.sample(staff, k=min(len(staff), 3000))
        leaders = list(
            Employee.objects.filter(region=region, is_active=True, position__is_leader=True).values_list(
                "pk", "position__unit_id"
            )
        )
        now = timezone.now()
        assignments, crews = [], []
        for i in range(count):
            initiator, owning = rng.choice(leaders)
            team = rng.random() < 0.4
            start = dt.date(2026, 6, 1) + dt.timedelta(days=rng.randint(0, 360))
            end = start + dt.timedelta(days=rng.randint(20, 270))
            hours = Decimal(rng.choice([2, 4, 6, 8, 10]))
            assignments.append(
                Assignment(
                    region=region,
                    form=Form.TIM_KERJA if team else Form.INDIVIDU,
                    scope=Scope.LINTAS_PD if team else Scope.DALAM_UNIT,
                    title=f"Penugasan uji beban {i + 1}",
                    owning_unit_id=owning,
                    purpose="Uji beban pencarian calon",
                    target="Angka pengukuran",
                    competences=["Pelayanan Publik"],
                    starts_on=start,
                    ends_on=end,
                    hours_per_week=hours,
                    status=Assignment.Status.DITERBITKAN,
                    initiated_by_id=initiator,
                    instrument="surat_perintah",
                    closed_at=now,
                )  # fmt: skip
            )
            crews.append(rng.sample(pool, k=rng.randint(3, 8) if team else 1))
        Assignment.objects.bulk_create(assignments, batch_size=500)
        members = []
        for a, crew in zip(assignments, crews, strict=True):
            for j, (emp_id, unit_id) in enumerate(crew):
                members.append(
                    Member(
                        assignment=a,
                        employee_id=emp_id,
                        home_unit_id=unit_id,
                        status=Member.Status.DISETUJUI,
                        role=Member.Role.KETUA if a.form == Form.TIM_KERJA and j == 0 else Member.Role.ANGGOTA,
                        hours_per_week=a.hours_per_week,
                    )  # fmt: skip
                )
        Member.objects.bulk_create(members, batch_size=1000)
        return len(assignments), len(members)
