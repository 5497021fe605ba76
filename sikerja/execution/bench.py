"""Load for the pelaksanaan benchmark (issue 12, Performance) and its query-count test: running
assignments with approved plans, reporting dues and reports, created in bulk on a demo region.

Bulk rows skip the services on purpose — only the shape of the data matters to the reads being
measured (the monitoring page, a ketua's team page, the late-report count) and to one report
submission through the real service. One team, led by a demo login, is the measured team.

Used by ``manage.py bench_execution`` and ``tests/test_bench_queries.py``; never by a page."""

from __future__ import annotations

import datetime as dt
import random
import time
from decimal import Decimal

from django.conf import settings
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sikerja.assignments.models import Assignment, Form, Member, Scope
from sikerja.execution import rules
from sikerja.execution.models import Activity, BudgetLine, Plan, Problem, Report, ReportDue, Review, Task, Work
from sikerja.organisation.models import Employee

TITLE = "Pelaksanaan uji beban"
TEAM_TITLE = "Tim uji beban pelaksanaan"
ARTICLE = "Pasal uji beban"
BATCH = 2000


def _staff_by_pd(region):
    by_pd: dict[int, list[tuple[int, int]]] = {}
    rows = (
        Employee.objects.filter(region=region, is_active=True, position__kind__in=["fungsional", "pelaksana"])
        .order_by("pk")
        .values_list("pk", "unit_id", "unit__perangkat_daerah_id")
    )
    for pk, unit_id, pd_id in rows:
        by_pd.setdefault(pd_id, []).append((pk, unit_id))
    return by_pd


def _assignment(region, i, *, team, owning, initiator, start, end, now, title=None):
    return Assignment(
        region=region,
        form=Form.TIM_KERJA if team else Form.INDIVIDU,
        scope=Scope.LINTAS_UNIT if team else Scope.DALAM_UNIT,
        title=title or f"{TITLE} {i + 1}",
        owning_unit_id=owning,
        purpose="Uji beban pelaksanaan",
        target="Angka pengukuran",
        competences=["Pelayanan Publik"],
        starts_on=start,
        ends_on=end,
        hours_per_week=Decimal(4),
        status=Assignment.Status.DITERBITKAN,
        initiated_by_id=initiator,
        instrument="surat_perintah",
        closed_at=now,
    )


def _members(assignment, crew):
    return [
        Member(
            assignment=assignment,
            employee_id=emp_id,
            home_unit_id=unit_id,
            status=Member.Status.DISETUJUI,
            role=Member.Role.KETUA if assignment.form == Form.TIM_KERJA and j == 0 else Member.Role.ANGGOTA,
            hours_per_week=assignment.hours_per_week,
        )
        for j, (emp_id, unit_id) in enumerate(crew)
    ]


def _work(region, a, lead, period, status=Work.Status.PELAKSANAAN):
    return Work(
        region=region,
        assignment=a,
        owning_unit_id=a.owning_unit_id,
        lead_id=lead,
        is_team=a.form == Form.TIM_KERJA,
        period=period,
        status=status,
        progress=30,
        budget_planned=Decimal(2_500_000),
        budget_realised=Decimal(900_000),
        starts_on=a.starts_on,
        ends_on=a.ends_on,
    )


def _plans(works, leader_of):
    Plan.objects.bulk_create(
        [
            Plan(work=w, status=Plan.Status.DISETUJUI, decided_by_id=leader_of[w.pk], decided_at=timezone.now())
            for w in works
        ],
        batch_size=BATCH,
    )
    plans = list(
        Plan.objects.filter(work__in=[w.pk for w in works]).values_list("pk", "work__starts_on", "work__ends_on")
    )
    acts = [
        Activity(plan_id=pk, order=1, name="Pelaksanaan kegiatan", output="Laporan", starts_on=s, ends_on=e)
        for pk, s, e in plans
    ]
    Activity.objects.bulk_create(acts, batch_size=BATCH)
    BudgetLine.objects.bulk_create(
        [BudgetLine(activity=a, description="Rapat", amount=Decimal(2_500_000), source_code="5.1.02") for a in acts],
        batch_size=BATCH,
    )


def _dues_and_reports(works_crews, reports: int, rng, today) -> tuple[int, int]:
    """Every period's due for every owner; ``reports`` of the past dues answered (the rest late)."""
    dues, past = [], []
    for w, owners in works_crews:
        for start, end in rules.periods(w.starts_on, w.ends_on, w.period):
            for owner in owners:
                dues.append(ReportDue(work=w, owed_by_id=owner, period_start=start, period_end=end, due_on=end))
                if end < today:
                    past.append(len(dues) - 1)
    answered = rng.sample(past, k=min(reports, len(past)))
    made = []
    for idx in answered:
        d = dues[idx]
        made.append(
            Report(
                work=d.work,
                author_id=d.owed_by_id,
                kind=Report.Kind.KETUA if d.work.is_team and d.owed_by_id == d.work.lead_id else (
                    Report.Kind.ANGGOTA if d.work.is_team else Report.Kind.INDIVIDU
                ),
                recipients=[],
                article=ARTICLE,
                period_start=d.period_start,
                period_end=d.period_end,
                progress=rng.randint(0, 100),
                realisation="Kegiatan berjalan sesuai rencana.",
                budget_realised=Decimal(rng.randint(0, 20) * 100_000),
                is_late=rng.random() < 0.1,
            )
        )  # fmt: skip
    Report.objects.bulk_create(made, batch_size=BATCH)
    for idx, report in zip(answered, made, strict=True):
        dues[idx].report = report
    ReportDue.objects.bulk_create(dues, batch_size=BATCH)
    return len(dues), len(made)


@transaction.atomic
def build_load(region, *, assignments: int, reports: int, seed: int = 12, today: dt.date | None = None) -> dict:
    """``assignments`` running works (40% teams, weekly or monthly reporting) with approved
    plans, their dues, ``reports`` answered, a few open problems and waiting reviews."""
    rng = random.Random(seed + Work.objects.filter(region=region).count())
    today = today or timezone.localdate()
    now = timezone.now()
    by_pd = _staff_by_pd(region)
    everyone = [s for rows in by_pd.values() for s in rows]
    leaders = list(
        Employee.objects.filter(region=region, is_active=True, position__is_leader=True)
        .order_by("pk")  # the same load on every database
        .values_list("pk", "position__unit_id", "position__unit__perangkat_daerah_id")
    )
    rows, crews = [], []
    for i in range(assignments):
        initiator, owning, pd = rng.choice(leaders)
        team = rng.random() < 0.4
        start = today - dt.timedelta(days=rng.randint(28, 330))
        end = today + dt.timedelta(days=rng.randint(14, 180))
        pool = by_pd.get(pd) or everyone
        crew = rng.sample(pool, k=min(len(pool), rng.randint(3, 6) if team else 1))
        rows.append(
            (
                _assignment(region, i, team=team, owning=owning, initiator=initiator, start=start, end=end, now=now),
                initiator,
            )
        )
        crews.append(crew)
    Assignment.objects.bulk_create([a for a, _ in rows], batch_size=BATCH)
    Member.objects.bulk_create(
        [m for (a, _), crew in zip(rows, crews, strict=True) for m in _members(a, crew)], batch_size=BATCH
    )
    works = []
    for (a, _), crew in zip(rows, crews, strict=True):
        period = (
            rng.choice(["mingguan", "bulanan"]) if a.form == Form.TIM_KERJA else rng.choice(["dua_mingguan", "bulanan"])
        )
        status = Work.Status.EVALUASI if rng.random() < 0.05 else Work.Status.PELAKSANAAN
        works.append(_work(region, a, crew[0][0], period, status))
    Work.objects.bulk_create(works, batch_size=BATCH)
    leader_of = {w.pk: initiator for w, (_, initiator) in zip(works, rows, strict=True)}
    _plans(works, leader_of)
    Problem.objects.bulk_create(
        [
            Problem(work=w, title="Kendala uji", description="Data belum lengkap", recommendations=["A", "B"], raised_by_id=w.lead_id, article=ARTICLE)
            for w in works if rng.random() < 0.05
        ],
        batch_size=BATCH,
    )  # fmt: skip
    Review.objects.bulk_create(
        [
            Review(work=w, order=1, label="Pejabat Penilai Kinerja", article=ARTICLE, official_id=leader_of[w.pk], status=Review.Status.MENUNGGU)
            for w in works if w.status == Work.Status.EVALUASI
        ],
        batch_size=BATCH,
    )  # fmt: skip
    n_dues, n_reports = _dues_and_reports(
        [(w, [emp for emp, _ in crew]) for w, crew in zip(works, crews, strict=True)], reports, rng, today
    )
    return {"assignments": len(works), "dues": n_dues, "reports": n_reports}


@transaction.atomic
def measured_team(region, ketua: Employee, *, today: dt.date | None = None) -> Work:
    """The team the benchmark opens: led by a demo login, in their unit, weekly reports for ten
    weeks (two of them late, the current week open), tasks for every member, an open problem."""
    found = Work.objects.filter(region=region, assignment__title=TEAM_TITLE).first()
    if found:
        return found
    today = today or timezone.localdate()
    leader = (
        Employee.objects.filter(region=region, position__is_leader=True, position__unit=ketua.unit_id).first()
        or Employee.objects.filter(region=region, position__is_leader=True).first()
    )
    others = list(
        Employee.objects.filter(region=region, is_active=True, unit__perangkat_daerah_id=ketua.unit.perangkat_daerah_id)
        .filter(position__kind__in=["fungsional", "pelaksana"])
        .exclude(pk=ketua.pk)
        .order_by("pk")
        .values_list("pk", "unit_id")[:3]
    )
    start, end = today - dt.timedelta(days=70), today + dt.timedelta(days=50)
    a = _assignment(
        region,
        0,
        team=True,
        owning=ketua.unit_id,
        initiator=leader.pk,
        start=start,
        end=end,
        now=timezone.now(),
        title=TEAM_TITLE,
    )
    a.save()
    Member.objects.bulk_create(_members(a, [(ketua.pk, ketua.unit_id), *others]))
    work = _work(region, a, ketua.pk, "mingguan")
    work.save()
    _plans([work], {work.pk: leader.pk})
    Task.objects.bulk_create(
        [
            Task(work=work, title=f"Tugas {n}", assignee_id=pk, due_on=end, created_by=ketua)
            for n, (pk, _) in enumerate(others, 1)
        ]
    )
    grow_team(work, 1)  # an open problem and an own task, as a running team has
    owners = [ketua.pk] + [pk for pk, _ in others]
    spans = rules.periods(start, end, "mingguan")
    past = sum(1 for _, e in spans if e < today) * len(owners)
    _dues_and_reports([(work, owners)], past - 2, random.Random(3), today)
    return work


def grow_team(work: Work, n: int) -> None:
    """More of the measured team's own rows (tasks, problems), for the query-count test."""
    Task.objects.bulk_create(
        [Task(work=work, title=f"Tugas tambahan {i}", assignee_id=work.lead_id, due_on=work.ends_on, created_by_id=work.lead_id) for i in range(n)]
    )  # fmt: skip
    Problem.objects.bulk_create(
        [Problem(work=work, title=f"Kendala {i}", description="Uji", recommendations=["A"], raised_by_id=work.lead_id, article=ARTICLE) for i in range(n)]
    )  # fmt: skip


# --- the four measured operations ---------------------------------------------------------------
def _client(username: str, password: str) -> Client:
    host = (settings.ALLOWED_HOSTS or ["127.0.0.1"])[0].lstrip(".") or "127.0.0.1"
    client = Client(HTTP_HOST=host)
    assert client.login(username=username, password=password), username
    return client


def operations(
    *, leader_login: str, ketua_login: str, password: str, work: Work, region, admin_login: str | None = None
) -> dict:
    """name -> a call returning something to check (a status code or a number)."""
    from django.contrib.auth import get_user_model

    from sikerja.accounts.access import actor_for
    from sikerja.execution import planning_selectors
    from sikerja.execution.services import reports as report_service

    users = get_user_model().objects
    leader_client, ketua_client = _client(leader_login, password), _client(ketua_login, password)
    leader = actor_for(users.get(username=leader_login), region)

    def submit():
        ketua = actor_for(users.get(username=ketua_login), region)
        with transaction.atomic():  # rolled back, so every repeat submits the same open week
            report = report_service.submit_report(
                actor=ketua, work_id=work.pk, progress=60, realisation="Uji beban", links=["https://contoh.go.id/bukti"]
            )
            transaction.set_rollback(True)
        return report.progress

    ops = {
        "halaman pemantauan pimpinan": lambda: leader_client.get("/pelaksanaan/pemantauan/").status_code,
        "halaman tim (ketua)": lambda: ketua_client.get(f"/pelaksanaan/{work.pk}/tim/").status_code,
        "penyampaian laporan (layanan)": submit,
        "kueri laporan terlambat": lambda: planning_selectors.late_reports_count(leader),
    }
    if admin_login:  # the worst case: a region-wide role sees every work (500 on the page)
        admin = actor_for(users.get(username=admin_login), region)
        ops["pemantauan se-daerah (selektor)"] = lambda: len(planning_selectors.monitoring(admin).works)
    return ops


def measure(fn, repeat: int = 1) -> tuple[list[float], int, object]:
    """(times in ms, queries of the last run, result of the last run)."""
    times, queries, result = [], 0, None
    for _ in range(max(1, repeat)):
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            result = fn()
            times.append((time.perf_counter() - started) * 1000)
        queries = len(ctx.captured_queries)
    return times, queries, result
