"""Rincian pelaksanaan (PEL-4), butir kegiatan/uraian tugas (PEL-1), coordination (PEL-2),
problems and decisions (PEL-5), report on request (TJ-4) and the ketua's member notes (KIN-5)."""

import pytest
from django.core.exceptions import PermissionDenied

from sikerja.execution.models import MemberNote, Problem, ReportRequest, Task
from sikerja.execution.services import problems, teamwork
from sikerja.execution.services.common import ExecutionError
from sikerja.execution.tests.helpers import actor, emp, individual, team
from sikerja.execution.tests.test_planning import _actor_of
from sikerja.organisation.models import Competence, EmployeeCompetence


def _team(demo):
    a, ketua, others = team(demo.region)
    return a.work, ketua, others


@pytest.mark.req("PEL-4")
def test_ketua_breaks_down_tasks_by_competence_and_members_keep_their_own_plan(demo, login):
    work, ketua, others = _team(demo)
    comp = Competence.objects.create(region=demo.region, name="Analisis data")
    EmployeeCompetence.objects.create(employee=others[0], competence=comp)
    day = work.starts_on.isoformat()
    task = teamwork.add_task(
        actor=actor("pegawai.kominfo"),
        work_id=work.pk,
        title="Olah data",
        assignee_id=others[0].pk,
        due_on=day,
        role="Analis",
        competence="Analisis data",
    )
    assert task.kind == Task.Kind.RINCIAN and task.assignee == others[0]
    with pytest.raises(ExecutionError, match="anggota tim"):
        teamwork.add_task(
            actor=actor("pegawai.kominfo"), work_id=work.pk, title="x", assignee_id=emp("pegawai.ikp").pk, due_on=day
        )
    with pytest.raises(ExecutionError, match="masa penugasan"):
        teamwork.add_task(
            actor=actor("pegawai.kominfo"), work_id=work.pk, title="x", assignee_id=others[0].pk, due_on="2001-01-01"
        )
    member = _actor_of(others[0], demo.region)
    own = teamwork.add_task(actor=member, work_id=work.pk, title="Rencana saya", assignee_id=others[0].pk, due_on=day)
    assert own.kind == Task.Kind.RENCANA_INDIVIDU
    with pytest.raises(PermissionDenied):
        teamwork.add_task(actor=member, work_id=work.pk, title="x", assignee_id=ketua.pk, due_on=day)
    with pytest.raises(PermissionDenied):
        teamwork.add_task(actor=actor("pegawai.ikp"), work_id=work.pk, title="x", assignee_id=others[0].pk, due_on=day)
    teamwork.mark_task(actor=member, task_id=task.pk, done=True)
    body = login("pegawai.kominfo").get(f"/pelaksanaan/{work.pk}/tim/").content.decode()
    assert "Analisis data (" in body and "Olah data" in body and "Bagikan tugas kepada anggota" in body
    assert login("lain.pegawai.kominfo").get(f"/pelaksanaan/{work.pk}/tim/").status_code == 404


@pytest.mark.req("PEL-1")
def test_individual_assignee_links_work_to_butir_kegiatan(demo, login):
    work = individual(demo.region).work
    me = login("pegawai.kominfo")
    page = me.get(f"/pelaksanaan/{work.pk}/tim/").content.decode()
    label = teamwork.duty_kind(emp("pegawai.kominfo"))
    assert label in page and emp("pegawai.kominfo").position.name in page
    assert me.post(f"/pelaksanaan/{work.pk}/tim/butir/", {"reference": "x" * 501}).status_code == 400
    assert (
        me.post(f"/pelaksanaan/{work.pk}/tim/butir/", {"reference": "Melakukan pengembangan aplikasi"}).status_code
        == 302
    )
    work.refresh_from_db()
    assert work.duty_reference == "Melakukan pengembangan aplikasi"
    with pytest.raises(PermissionDenied):
        teamwork.set_duty_reference(actor=actor("kabid.aptika"), work_id=work.pk, reference="x")


@pytest.mark.req("PEL-2")
def test_coordination_is_visible_to_both_teams(demo, login):
    work, ketua, others = _team(demo)
    other = individual(demo.region).work
    teamwork.record_coordination(
        actor=actor("pegawai.kominfo"),
        work_id=work.pk,
        subject="Sinkronisasi data",
        notes="Sepakat format",
        held_on=work.starts_on.isoformat(),
        other_work_id=other.pk,
    )
    page = login("pegawai.kominfo").get(f"/pelaksanaan/{other.pk}/tim/").content.decode()
    assert "Sinkronisasi data" in page and "dicatat oleh tim" in page
    with pytest.raises(ExecutionError, match="Pilih tim lain"):
        teamwork.record_coordination(
            actor=actor("pegawai.kominfo"), work_id=work.pk, subject="x", notes="y", held_on=work.starts_on
        )


@pytest.mark.req("PEL-2")
def test_coordination_partner_is_found_by_name_not_typed_as_a_number(demo, login):
    work, ketua, others = _team(demo)
    other = individual(demo.region).work
    client = login("pegawai.kominfo")
    team_page = client.get(f"/pelaksanaan/{work.pk}/tim/").content.decode()
    assert 'name="other_work" id="co-work"' not in team_page and "(nomor)" not in team_page
    # A title of its own: the helpers' works all share one, and only ten are shown.
    other.assignment.title = "Sinkronisasi data kependudukan lintas perangkat daerah"
    other.assignment.save(update_fields=["title"])
    found = client.get(f"/pelaksanaan/{work.pk}/tim/koordinasi/mitra/", {"q": "data kependudukan"}).content.decode()
    assert f'name="other_work" value="{other.pk}"' in found and other.owning_unit.name in found
    assert f'name="other_work" value="{work.pk}"' not in found  # not with itself
    person = emp("kabid.ikp")
    found = client.get(f"/pelaksanaan/{work.pk}/tim/koordinasi/mitra/", {"q": person.name}).content.decode()
    assert f'name="other_official" value="{person.pk}"' in found and person.nip not in found
    assert "dua huruf" in client.get(f"/pelaksanaan/{work.pk}/tim/koordinasi/mitra/", {"q": "a"}).content.decode()
    response = client.post(
        f"/pelaksanaan/{work.pk}/tim/koordinasi/",
        {"other_work": other.pk, "held_on": work.starts_on.isoformat(), "subject": "Tukar data", "notes": "Sepakat"},
    )
    assert response.status_code == 302
    assert "Tukar data" in client.get(f"/pelaksanaan/{other.pk}/tim/").content.decode()


@pytest.mark.req("PEL-2")
def test_coordination_partners_stay_in_the_region_and_the_work_must_be_visible(demo, other_demo, login):
    work, ketua, others = _team(demo)
    far_work = individual(other_demo.region, prefix="lain.").work
    found = login("pegawai.kominfo").get(
        f"/pelaksanaan/{work.pk}/tim/koordinasi/mitra/", {"q": far_work.assignment.title.split()[0]}
    ).content.decode()
    assert f'name="other_work" value="{far_work.pk}"' not in found
    outsider = login("lain.pegawai.kominfo")
    assert outsider.get(f"/pelaksanaan/{work.pk}/tim/koordinasi/mitra/", {"q": "data"}).status_code == 404


@pytest.mark.req("PEL-5", "PEL-3")
def test_problem_goes_to_the_owning_leader_who_decides_once(demo, login):
    work, ketua, others = _team(demo)
    problem = problems.raise_problem(
        actor=actor("pegawai.kominfo"),
        work_id=work.pk,
        title="Server penuh",
        description="Kapasitas habis",
        recommendations=["Tambah kapasitas", "Pindah ke pusat data"],
    )
    decision = problem.decisions.get()
    assert decision.leader == emp("kabid.aptika") and "Lampiran huruf B angka 3" in problem.article
    with pytest.raises(PermissionDenied):
        problems.decide_problem(actor=actor("kabid.ikp"), decision_id=decision.pk, chosen=1)
    with pytest.raises(ExecutionError, match="Keputusan"):
        problems.decide_problem(actor=actor("kabid.aptika"), decision_id=decision.pk, chosen=0, decision="")
    problems.decide_problem(actor=actor("kabid.aptika"), decision_id=decision.pk, chosen=2)
    problem.refresh_from_db()
    assert problem.status == Problem.Status.DIPUTUSKAN and problem.decisions.get().decision == "Pindah ke pusat data"
    with pytest.raises(ExecutionError, match="sudah"):
        problems.decide_problem(actor=actor("kabid.aptika"), decision_id=decision.pk, chosen=1)
    page = login("pegawai.kominfo").get(f"/pelaksanaan/{work.pk}/tim/").content.decode()
    assert "Pindah ke pusat data" in page
    with pytest.raises(ExecutionError, match="rekomendasi"):
        problems.raise_problem(
            actor=actor("pegawai.kominfo"), work_id=work.pk, title="x", description="y", recommendations=[]
        )


@pytest.mark.req("PEL-5")
def test_problem_needing_several_leaders_goes_to_each_home_leader(demo):
    from sikerja.assignments import services as penugasan
    from sikerja.assignments.services import MemberInput
    from sikerja.execution.tests.helpers import approve_plan, base, staff, unit

    guest = staff(demo.region, "DISKOMINFO.BID2")[0]
    a = penugasan.propose(
        actor=actor("kabid.aptika"),
        form="tim_kerja",
        owning_unit_id=unit(demo.region, "DISKOMINFO.BID1").pk,
        members=[MemberInput(emp("pegawai.kominfo").pk, role="ketua"), MemberInput(guest.pk)],
        **base(title="Tim lintas"),
    )
    from sikerja.assignments.models import Step

    for step in a.steps.filter(kind=Step.Kind.JAWAB_PERMOHONAN):  # the home leader consents (PEN-9)
        penugasan.decide(actor=actor("kabid.ikp"), assignment_id=a.pk, step_id=step.pk, approve=True)
    a.refresh_from_db()
    if a.status != "diterbitkan":
        for step in a.steps.filter(status="menunggu"):
            official = step.official.user.username if step.official and step.official.user_id else "kabid.aptika"
            if step.kind == Step.Kind.TERBITKAN:
                penugasan.issue(actor=actor(official), assignment_id=a.pk, step_id=step.pk)
            else:
                penugasan.decide(actor=actor(official), assignment_id=a.pk, step_id=step.pk, approve=True)
        a.refresh_from_db()
    assert a.status == "diterbitkan", a.status
    approve_plan(a, lead="pegawai.kominfo")
    problem = problems.raise_problem(
        actor=actor("pegawai.kominfo"),
        work_id=a.work.pk,
        title="Jadwal bentrok",
        description="x",
        recommendations=["Atur ulang jadwal"],
        several_must_act="1",
    )
    assert {d.leader for d in problem.decisions.all()} == {emp("kabid.aptika"), emp("kabid.ikp")}


@pytest.mark.req("TJ-4")
def test_pimpinan_unit_requests_a_report_and_the_answer_is_kept(demo, login):
    work, ketua, others = _team(demo)
    today = work.starts_on.isoformat()
    with pytest.raises(PermissionDenied):
        problems.request_report(
            actor=actor("kabid.ikp"), work_id=work.pk, addressee_id=ketua.pk, note="x", due_on=today
        )
    with pytest.raises(ExecutionError, match="Tenggat"):
        problems.request_report(
            actor=actor("kabid.aptika"), work_id=work.pk, addressee_id=ketua.pk, note="x", due_on="2001-01-01"
        )
    req = problems.request_report(
        actor=actor("kabid.aptika"), work_id=work.pk, addressee_id=ketua.pk, note="Posisi anggaran", due_on=today
    )
    assert req.requested_by == emp("kabid.aptika") and req.article
    with pytest.raises(PermissionDenied):
        problems.answer_request(actor=actor("kabid.aptika"), request_id=req.pk, progress=10, realisation="x")
    me = login("pegawai.kominfo")
    assert "Jawab permintaan laporan" in me.get(f"/pelaksanaan/{work.pk}/tim/").content.decode()
    bad = me.post(f"/pelaksanaan/permintaan/{req.pk}/jawab/", {"progress": "150", "realisation": "x"})
    assert bad.status_code == 400 and "0 sampai 100" in bad.content.decode()
    ok = me.post(f"/pelaksanaan/permintaan/{req.pk}/jawab/", {"progress": "30", "realisation": "Anggaran terserap 30%"})
    assert ok.status_code == 302
    req.refresh_from_db()
    assert req.answered_at and req.answers.get().realisation == "Anggaran terserap 30%"
    with pytest.raises(ExecutionError, match="sudah dijawab"):
        problems.answer_request(actor=actor("pegawai.kominfo"), request_id=req.pk, progress=10, realisation="x")
    assert ReportRequest.objects.filter(work=work).count() == 1


@pytest.mark.req("KIN-5", "PEL-4")
def test_ketua_notes_each_members_performance_for_their_ppk(demo, login):
    work, ketua, others = _team(demo)
    with pytest.raises(PermissionDenied):
        teamwork.write_member_note(
            actor=actor("kabid.aptika"), work_id=work.pk, member_id=others[0].pk, rating="sesuai", contribution="x"
        )
    with pytest.raises(ExecutionError, match="penilaian"):
        teamwork.write_member_note(
            actor=actor("pegawai.kominfo"), work_id=work.pk, member_id=others[0].pk, rating="hebat", contribution="x"
        )
    note = teamwork.write_member_note(
        actor=actor("pegawai.kominfo"),
        work_id=work.pk,
        member_id=others[0].pk,
        rating="di_atas",
        contribution="Menyelesaikan modul data",
    )
    again = teamwork.write_member_note(
        actor=actor("pegawai.kominfo"),
        work_id=work.pk,
        member_id=others[0].pk,
        rating="sesuai",
        contribution="Diperbarui",
    )
    assert note.pk == again.pk and MemberNote.objects.get(pk=note.pk).rating == "sesuai"
    assert again.ppk is not None
    # the member sees their own note, the pimpinan unit sees all; another member would see none
    assert "Diperbarui" in _page_as(others[0], demo, work)
    if len(others) > 1:
        assert "Diperbarui" not in _page_as(others[1], demo, work)
    assert "Diperbarui" in login("kabid.aptika").get(f"/pelaksanaan/{work.pk}/tim/").content.decode()


def _page_as(employee, demo, work):
    from django.test import Client

    _actor_of(employee, demo.region)
    client = Client()
    client.force_login(employee.user)
    return client.get(f"/pelaksanaan/{work.pk}/tim/").content.decode()
