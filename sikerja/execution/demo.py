"""Demo data of pelaksanaan (issue 12): the loop from the perjanjian kinerja to results under
review, in the Sekretariat Daerah so that the Setda chain shows (PPU Lampiran C angka 1).

Everything goes through the real services (their rules, events and notifications), with
logins for the officials on the way: the Asisten, the Kepala Bagian, a ketua and a pegawai.
The Sekda's agreement is in force; target 1 is a team under the Asisten (plan approved, tasks,
reports — one late, one missing — and an open problem); target 2 is handed on to the Kepala
Bagian, whose individual assignee's result waits at the Asisten's review. The agreement's signing
issued its naskah (perjanjian kinerja, PDF/DOCX); a third, smaller individual work has gone
through the whole chain and is accepted, so its final laporan pelaksanaan tugas can be downloaded."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from sikerja.accounts.access import actor_for
from sikerja.accounts.models import Role, RoleAssignment
from sikerja.assignments import services as penugasan
from sikerja.assignments.models import Step
from sikerja.assignments.services import MemberInput
from sikerja.execution.models import Plan, ReportDue, Review, Work
from sikerja.execution.services import planning, plans, problems, reports, reviews, teamwork
from sikerja.organisation.models import Employee, Unit

RECORDING = "Pencatatan kegiatan yang sudah berjalan sebelum aplikasi dipakai (data demo)."


def _login(employee, username, roles, region):
    from sikerja.organisation.demo.builder import DEMO_PASSWORD

    if employee.user_id is None:
        user = get_user_model().objects.create_user(
            username=username, password=DEMO_PASSWORD, first_name=employee.name[:150]
        )
        employee.user = user
        employee.save(update_fields=["user"])
        for role, unit in roles:
            RoleAssignment.objects.create(user=user, region=region, role=role, unit=unit)
    return actor_for(employee.user, region)


def _leader(region, code):
    return (
        Employee.objects.filter(region=region, position__unit__code=code, position__is_leader=True)
        .order_by("pk")
        .first()
    )


def _issue(region, assignment) -> None:
    """Walk the assignment's remaining steps (consents, then the letter) as their officials."""
    for _ in range(6):
        assignment.refresh_from_db()
        if assignment.status == "diterbitkan":
            return
        step = assignment.steps.filter(status="menunggu").select_related("official__user").first()
        if step is None or step.official is None:
            return
        act = _login(step.official, f"demo.{step.official.pk}", [(Role.PEGAWAI, None)], region)
        if step.kind == Step.Kind.TERBITKAN:
            penugasan.issue(actor=act, assignment_id=assignment.pk, step_id=step.pk)
        else:
            penugasan.decide(actor=act, assignment_id=assignment.pk, step_id=step.pk, approve=True)


def _plan(work, lead, approver, amount):
    rows = [
        {
            "name": "Persiapan dan koordinasi",
            "output": "Kerangka acuan kegiatan",
            "starts_on": work.starts_on,
            "ends_on": min(work.starts_on + dt.timedelta(days=20), work.ends_on),
            "budget": [{"description": "Rapat koordinasi", "amount": amount, "source_code": "4.01.01.2.01.0001"}],
        },
        {
            "name": "Pelaksanaan dan pelaporan",
            "output": "Laporan pelaksanaan",
            "starts_on": work.starts_on,
            "ends_on": work.ends_on,
            "budget": [{"description": "Penggandaan laporan", "amount": "750.000", "source_code": "4.01.01.2.01.0002"}],
        },
    ]
    plans.save_plan(actor=lead, work_id=work.pk, activities=rows)
    plans.submit_plan(actor=lead, work_id=work.pk)
    plans.decide_plan(actor=approver, work_id=work.pk, decision="setujui", notes="Sesuai DPA.")


def _accepted_work(region, kabag, owning_unit, candidates, common, login_name) -> str | None:
    """An individual work reported, submitted and accepted along the whole review chain, each
    stage decided by its own official (or the login the demo gives them). One hour a week, by
    the first candidate whose week still has room (PEN-14 refuses an overbooked one)."""
    from django.db import transaction

    from sikerja.assignments.actions.common import AssignmentError

    today = timezone.localdate()
    done = assignee = None
    for candidate in candidates:
        try:
            with transaction.atomic():
                done = penugasan.propose(
                    actor=kabag,
                    form="individu",
                    owning_unit_id=owning_unit.pk,
                    title="Penyusunan Rekapitulasi Batas Wilayah Desa",
                    target="Rekapitulasi batas wilayah seluruh desa tersusun",
                    starts_on=today - dt.timedelta(days=25),
                    ends_on=today + dt.timedelta(days=35),
                    members=[MemberInput(candidate.pk)],
                    **{**common, "hours_per_week": 1},
                )
        except AssignmentError:
            continue
        assignee = candidate
        break
    if done is None:
        return None
    pegawai = _login(assignee, login_name, [(Role.PEGAWAI, None)], region)
    _issue(region, done)
    work = Work.objects.filter(assignment=done).first()
    if work is None:
        return None
    if not Plan.objects.filter(work=work).exists():
        _plan(work, pegawai, kabag, "600.000")
    reports.submit_report(
        actor=pegawai,
        work_id=work.pk,
        progress=100,
        realisation="Rekapitulasi batas wilayah 30 desa tersusun dan diverifikasi bersama kecamatan.",
        budget_realised="1.250.000",
        links="https://drive.example.go.id/rekap-batas-desa",
    )
    reviews.submit_result(actor=pegawai, work_id=work.pk, summary="Rekapitulasi batas wilayah desa diserahkan.")
    for _ in range(5):
        waiting = Review.objects.filter(work=work, status=Review.Status.MENUNGGU).select_related("official").first()
        if waiting is None:
            break
        official = waiting.official
        act = _login(official, f"demo.{official.pk}", [(Role.PEGAWAI, None)], region)
        reviews.decide_review(actor=act, review_id=waiting.pk, decision=reviews.FORWARD, notes="Sesuai target.")
    return pegawai.user.username


def seed_execution(region, prefix: str = "") -> list[tuple[str, str]]:
    """Seed the demo loop; returns the extra logins (username, description)."""

    def name(n):
        return f"{prefix}.{n}" if prefix else n

    today = timezone.localdate()
    sekda_emp, asisten_emp, kabag_emp = (
        _leader(region, "SETDA"),
        _leader(region, "SETDA.AS1"),
        _leader(region, "SETDA.AS1.B1"),
    )
    subtree = Unit.objects.filter(region=region, code__startswith="SETDA.AS1")
    staff = list(
        Employee.objects.filter(
            region=region, unit__in=subtree, position__kind="fungsional", position__is_leader=False, user__isnull=True
        ).order_by("unit__code", "pk")
    )
    own = [e for e in staff if e.unit.code == "SETDA.AS1.B1"]
    team_staff = [e for e in staff if e not in own[:1]][:3]
    if not (sekda_emp and asisten_emp and kabag_emp and sekda_emp.user_id and own and len(team_staff) >= 2):
        return []
    units = {u.code: u for u in subtree}
    sekda = actor_for(sekda_emp.user, region)
    asisten = _login(asisten_emp, name("asisten.pemerintahan"), [(Role.PIMPINAN_UNIT, units["SETDA.AS1"])], region)
    kabag = _login(
        kabag_emp,
        name("kabag.pemerintahan"),
        [(Role.PIMPINAN_UNIT, units["SETDA.AS1.B1"]), (Role.PPK, units["SETDA.AS1.B1"])],
        region,
    )
    ketua = _login(team_staff[0], name("ketua.setda"), [(Role.PEGAWAI, None)], region)
    pegawai = _login(own[0], name("pegawai.setda"), [(Role.PEGAWAI, None)], region)

    agreement = planning.create_agreement(
        actor=sekda,
        unit_id=sekda_emp.position.unit_id,
        year=today.year,
        targets=[
            {
                "sasaran": "Meningkatnya kualitas tata kelola pemerintahan",
                "indikator": "Persentase rekomendasi evaluasi kelembagaan yang ditindaklanjuti",
                "target": "85%",
            },
            {
                "sasaran": "Meningkatnya kualitas layanan administrasi kewilayahan",
                "indikator": "Jumlah kecamatan dengan profil kewilayahan mutakhir",
                "target": "4 kecamatan",
            },
        ],
    )
    planning.sign_agreement(actor=sekda, agreement_id=agreement.pk)
    t1, t2 = list(agreement.targets.order_by("order"))
    planning.hand_target(actor=sekda, target_id=t1.pk, responsible_id=asisten_emp.pk)
    planning.hand_target(actor=sekda, target_id=t2.pk, responsible_id=asisten_emp.pk)
    planning.hand_target(actor=asisten, target_id=t2.pk, responsible_id=kabag_emp.pk)

    # Target 1: a team under the Asisten, started 40 days ago (one report late, one missing).
    s1 = planning.record_strategy(
        actor=asisten,
        target_id=t1.pk,
        form="tim_kerja",
        needs_ketua=True,
        description="Tim kerja lintas bagian dengan ketua dari pejabat fungsional analis kebijakan.",
    )
    start = today - dt.timedelta(days=40)
    common = dict(
        purpose="Menindaklanjuti rekomendasi evaluasi kelembagaan",
        competences=["Analisis kebijakan"],
        hours_per_week=4,
        recording_reason=RECORDING,
    )
    team = planning.propose_from_strategy(
        actor=asisten,
        strategy_id=s1.pk,
        owning_unit_id=units["SETDA.AS1"].pk,
        title="Tim Tindak Lanjut Evaluasi Kelembagaan",
        target=t1.target,
        starts_on=start,
        ends_on=today + dt.timedelta(days=50),
        members=[MemberInput(team_staff[0].pk, role="ketua")] + [MemberInput(e.pk) for e in team_staff[1:]],
        **common,
    )
    _issue(region, team)
    work = Work.objects.filter(assignment=team).first()
    if work is None:
        return []
    if not Plan.objects.filter(work=work).exists():  # drafted in every region, required under PPU
        _plan(work, ketua, asisten, "2.500.000")
    for member in team_staff[1:]:
        teamwork.add_task(
            actor=ketua,
            work_id=work.pk,
            title=f"Menyusun matriks tindak lanjut untuk {member.name}"[:300],
            assignee_id=member.pk,
            due_on=min(today + dt.timedelta(days=20), work.ends_on),
            role="Analis",
            competence="Analisis kebijakan",
        )
    first_due = ReportDue.objects.filter(work=work, owed_by=team_staff[0]).order_by("due_on").first()
    if first_due and first_due.period_start <= today:
        reports.submit_report(
            actor=ketua,
            work_id=work.pk,
            due_id=first_due.pk,
            progress=35,
            realisation="Inventarisasi rekomendasi selesai; matriks tindak lanjut disusun.",
            budget_realised="900.000",
            links="https://drive.example.go.id/evaluasi-kelembagaan",
        )
    problems.raise_problem(
        actor=ketua,
        work_id=work.pk,
        title="Data jabatan dari dua bagian belum lengkap",
        description="Dua bagian belum mengirim data jabatan sehingga analisis tertunda.",
        recommendations=["Surat permintaan data dari Asisten", "Rapat bersama kepala bagian terkait"],
    )

    # Target 2: individual work under the Kepala Bagian; its result waits at the Asisten's review.
    s2 = planning.record_strategy(
        actor=kabag,
        target_id=t2.pk,
        form="individu",
        description="Dikerjakan seorang pejabat fungsional sesuai butir kegiatannya.",
    )
    solo = planning.propose_from_strategy(
        actor=kabag,
        strategy_id=s2.pk,
        owning_unit_id=units["SETDA.AS1.B1"].pk,
        title="Pemutakhiran Profil Kewilayahan",
        target=t2.target,
        starts_on=today - dt.timedelta(days=20),
        ends_on=today + dt.timedelta(days=40),
        members=[MemberInput(own[0].pk)],
        **common,
    )
    _issue(region, solo)
    solo_work = Work.objects.filter(assignment=solo).first()
    if solo_work is not None:
        if not Plan.objects.filter(work=solo_work).exists():
            _plan(solo_work, pegawai, kabag, "1.200.000")
        teamwork.set_duty_reference(
            actor=pegawai, work_id=solo_work.pk, reference="Menyusun profil wilayah administrasi pemerintahan"
        )
        reports.submit_report(
            actor=pegawai, work_id=solo_work.pk, progress=100, realisation="Profil empat kecamatan dimutakhirkan."
        )
        reviews.submit_result(
            actor=pegawai, work_id=solo_work.pk, summary="Profil kewilayahan empat kecamatan telah dimutakhirkan."
        )
        first = Review.objects.filter(work=solo_work, status=Review.Status.MENUNGGU).select_related("official").first()
        if first is not None and first.official_id == kabag_emp.pk:
            reviews.decide_review(actor=kabag, review_id=first.pk, decision=reviews.FORWARD, notes="Sesuai target.")
    done_login = _accepted_work(region, kabag, units["SETDA.AS1.B1"], own, common, name("pelaksana.setda"))
    done = done_login and done_login != name("pegawai.setda")
    extra = [(done_login, "Pejabat fungsional, penugasan selesai (laporan akhir dapat diunduh)")] if done else []
    return [
        (name("asisten.pemerintahan"), "Asisten Pemerintahan (penanggung jawab target, strategi, reviu)"),
        (name("kabag.pemerintahan"), "Kepala Bagian Pemerintahan (penanggung jawab target, PPK)"),
        (name("ketua.setda"), "Ketua tim tindak lanjut evaluasi kelembagaan"),
        (name("pegawai.setda"), "Pejabat fungsional, penugasan individu menunggu reviu"),
        *extra,
    ]
