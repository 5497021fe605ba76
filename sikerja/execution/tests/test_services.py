"""Pelaksanaan services on the demo region (PPU profile) and the other region (Barito Utara):
a work per issued assignment, reports with evidence to whom the profile names, feedback, the
review chain up to acceptance, and who may do each."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from sikerja.audit.models import Event
from sikerja.execution import services
from sikerja.execution.models import Evidence, Report, ReportDue, Review, Work
from sikerja.execution.services import ExecutionError
from sikerja.execution.tests.helpers import Upload, actor, emp, individual, pdf_upload, team
from sikerja.organisation.models import Delegation

LINK = "https://drive.example.go.id/laporan-minggu-1"


def report(who, work, **kw):
    data = dict(progress=40, realisation="Rancangan basis data selesai", budget_realised="1.500.000", links=[LINK])
    data.update(kw)
    return services.submit_report(actor=actor(who), work_id=work.pk, **data)


@pytest.mark.req("MEK-2", "TJ-3")
def test_issuing_an_assignment_creates_its_work_and_monthly_dues(demo):
    a = individual(demo.region)
    work = Work.objects.get(assignment=a)
    assert work.lead == emp("pegawai.kominfo") and not work.is_team and work.status == "pelaksanaan"
    dues = list(work.dues.order_by("due_on"))
    assert len(dues) == 3 and dues[0].period_start == a.starts_on and dues[-1].due_on == a.ends_on
    assert {d.owed_by_id for d in dues} == {work.lead_id}
    assert Event.objects.filter(verb="work.created", object_id=str(work.pk)).exists()
    assert services.work_for(a) == work  # the lazy path finds the same row


@pytest.mark.req("TJ-2", "TJ-3", "PEL-4")
def test_team_work_is_led_by_the_ketua_and_members_owe_reports_to_the_ketua(demo):
    a, ketua, others = team(demo.region)
    work = a.work
    assert work.is_team and work.lead == ketua
    assert {d.owed_by_id for d in work.dues.all()} == {ketua.pk, *(o.pk for o in others)}
    member = others[0]
    member.user = member.user or _login_for(member, demo.region)
    r = services.submit_report(
        actor=_actor_of(member, demo.region),
        work_id=work.pk,
        progress=30,
        realisation="Pengumpulan data selesai",
        links=[LINK],
    )
    assert r.kind == Report.Kind.ANGGOTA and [x["employee_id"] for x in r.recipients] == [ketua.pk]
    assert r.article == "Perbup Penajam Paser Utara 31/2024 Lampiran huruf B angka 4 huruf b angka 1)"
    k = report("pegawai.kominfo", work)
    assert k.kind == Report.Kind.KETUA and "Pasal 12 ayat (4)" in k.article
    assert emp("kabid.aptika").pk in [x["employee_id"] for x in k.recipients]
    work.refresh_from_db()
    assert work.progress == 40 and work.budget_realised == 1500000  # the ketua's report, not the member's


def _login_for(employee, region):
    from django.contrib.auth import get_user_model

    from sikerja.accounts.models import RoleAssignment

    user = get_user_model().objects.create_user(f"uji.{employee.pk}", password="x")
    employee.user = user
    employee.save(update_fields=["user"])
    RoleAssignment.objects.create(user=user, region=region, role="pegawai")
    return user


def _actor_of(employee, region):
    from sikerja.accounts.access import actor_for

    return actor_for(employee.user, region)


@pytest.mark.req("TJ-1", "PEL-3")
def test_individual_report_goes_to_ppk_and_pimpinan_unit_under_ppu_with_link_evidence(demo):
    work = individual(demo.region).work
    r = report("pegawai.kominfo", work, files=[pdf_upload()])
    assert r.kind == Report.Kind.INDIVIDU
    assert r.article == "Perbup Penajam Paser Utara 31/2024 Pasal 12 ayat (3)"
    kabid = emp("kabid.aptika")
    assert r.recipients[0]["employee_id"] == kabid.pk  # PPK and pimpinan unit are one person: one entry
    assert len(r.recipients[0]["roles"]) == 2
    assert [e.url for e in r.evidence.filter(url__gt="")] == [LINK]
    assert r.evidence.get(filename="bukti.pdf").data.startswith(b"%PDF")
    assert r.due.period_start == work.starts_on and not r.is_late
    assert r.budget_realised == 1500000


@pytest.mark.req("TJ-1")
def test_barito_utara_individual_reports_to_the_ppk_only(other_demo):
    work = individual(other_demo.region, prefix="lain.").work
    r = report("lain.pegawai.kominfo", work)
    assert r.article == "Perbup Barito Utara 18/2024 Pasal 29" and len(r.recipients) == 1
    assert r.recipients[0]["roles"] == ["Pejabat Penilai Kinerja"]


@pytest.mark.req("TJ-3")
def test_a_report_after_its_due_date_is_flagged_late_and_a_future_period_cannot_be_reported(demo):
    work = individual(demo.region).work
    first = work.dues.order_by("due_on").first()
    yesterday = first.period_start - dt.timedelta(days=1)
    ReportDue.objects.filter(pk=first.pk).update(
        period_start=yesterday - dt.timedelta(days=30), period_end=yesterday, due_on=yesterday
    )
    r = report("pegawai.kominfo", work)
    assert r.is_late and r.due.pk == first.pk and r.period_end == yesterday
    with pytest.raises(ExecutionError, match="belum dimulai"):
        report("pegawai.kominfo", work)


@pytest.mark.req("PEL-3")
def test_bad_evidence_is_refused_whole_and_nothing_is_stored(demo):
    work = individual(demo.region).work
    big = pdf_upload("besar.pdf", size=5 * 1024 * 1024 + 1)
    with pytest.raises(ExecutionError, match="melebihi batas 5 MB"):
        report("pegawai.kominfo", work, files=[pdf_upload(), big])
    with pytest.raises(ExecutionError, match="jenis berkas tidak diterima"):
        report("pegawai.kominfo", work, files=[Upload("skrip.exe", b"MZ...")])
    with pytest.raises(ExecutionError, match="bukan PNG"):
        report("pegawai.kominfo", work, files=[Upload("foto.png", b"%PDF-1.4 pretending")])
    with pytest.raises(ExecutionError, match="bukan alamat web"):
        report("pegawai.kominfo", work, links=["javascript:alert(1)"])
    with pytest.raises(ExecutionError, match="tidak boleh negatif"):
        report("pegawai.kominfo", work, budget_realised="-5")
    with pytest.raises(ExecutionError, match="0 sampai 100"):
        report("pegawai.kominfo", work, progress="120")
    assert not Report.objects.filter(work=work).exists() and not Evidence.objects.filter(report__work=work).exists()
    assert not work.dues.filter(report__isnull=False).exists()


@pytest.mark.req("PEL-4", "TJ-2")
def test_only_assignees_report_and_only_the_ketua_or_ppk_give_feedback(demo):
    a, ketua, others = team(demo.region)
    work = a.work
    with pytest.raises(PermissionDenied):
        report("kabid.aptika", work)  # the leader is not a member
    member = others[0]
    _login_for(member, demo.region)
    r = services.submit_report(
        actor=_actor_of(member, demo.region), work_id=work.pk, progress=10, realisation="Mulai", links=[LINK]
    )
    fb = services.give_feedback(actor=actor("pegawai.kominfo"), report_id=r.pk, text_value="Lengkapi lampirannya")
    assert fb.capacity == "ketua"
    with pytest.raises(PermissionDenied):  # outside my unit: a leader of another bidang
        services.give_feedback(actor=actor("kabid.ikp"), report_id=r.pk, text_value="Catatan")
    with pytest.raises(PermissionDenied):  # not on one's own report
        services.give_feedback(actor=_actor_of(member, demo.region), report_id=r.pk, text_value="Saya")
    k = report("pegawai.kominfo", work)
    assert services.give_feedback(actor=actor("kabid.aptika"), report_id=k.pk, text_value="Baik").capacity == "ppk"
    assert Event.objects.filter(verb="work.feedback_given", object_id=str(work.pk)).count() == 2


@pytest.mark.req("PRF-3", "PEL-4")
def test_another_regions_work_is_not_found(demo, other_demo):
    work = individual(demo.region).work
    with pytest.raises(Http404):
        report("lain.pegawai.kominfo", work)
    with pytest.raises(Http404):
        services.submit_result(actor=actor("lain.pegawai.kominfo"), work_id=work.pk, summary="x")
    r = report("pegawai.kominfo", work)
    with pytest.raises(Http404):
        services.give_feedback(actor=actor("lain.kabid.aptika"), report_id=r.pk, text_value="x")


@pytest.mark.req("MEK-3", "MEK-4", "MEK-5")
def test_result_goes_up_the_dinas_chain_and_is_accepted_by_the_kepala_dinas(demo):
    work = individual(demo.region).work
    report("pegawai.kominfo", work)
    with pytest.raises(PermissionDenied):
        services.submit_result(actor=actor("kabid.aptika"), work_id=work.pk, summary="Bukan pelaksana")
    reviews = services.submit_result(actor=actor("pegawai.kominfo"), work_id=work.pk, summary="Aplikasi selesai")
    assert [(r.official, r.accepts, r.status) for r in reviews] == [
        (emp("kabid.aptika"), False, "menunggu"),
        (emp("kadis.kominfo"), True, "antre"),
    ]
    assert "Lampiran huruf C angka 4 huruf c angka 1)" in reviews[0].article
    work.refresh_from_db()
    assert work.status == "evaluasi"
    with pytest.raises(ExecutionError, match="tahap evaluasi"):
        report("pegawai.kominfo", work)
    with pytest.raises(PermissionDenied):  # not yet the kepala dinas' turn, and not their stage
        services.decide_review(actor=actor("kadis.kominfo"), review_id=reviews[0].pk, decision="teruskan")
    with pytest.raises(ExecutionError, match="Catatan reviu"):
        services.decide_review(actor=actor("kabid.aptika"), review_id=reviews[0].pk, decision="kembalikan")
    services.decide_review(actor=actor("kabid.aptika"), review_id=reviews[0].pk, decision="teruskan", notes="Lengkap")
    final = services.decide_review(actor=actor("kadis.kominfo"), review_id=reviews[1].pk, decision="teruskan")
    assert final.status == "diterima" and final.decided_by == emp("kadis.kominfo")
    work.refresh_from_db()
    assert work.status == "selesai" and work.accepted_at is not None
    with pytest.raises(ExecutionError, match="sudah"):
        services.decide_review(actor=actor("kadis.kominfo"), review_id=reviews[1].pk, decision="teruskan")


@pytest.mark.req("MEK-3", "MEK-5")
def test_a_returned_result_goes_back_to_pelaksanaan_and_is_resubmitted_as_a_new_round(demo):
    work = individual(demo.region).work
    first = services.submit_result(actor=actor("pegawai.kominfo"), work_id=work.pk, summary="Versi 1")
    services.decide_review(
        actor=actor("kabid.aptika"), review_id=first[0].pk, decision="kembalikan", notes="Uji coba belum dilakukan"
    )
    work.refresh_from_db()
    assert work.status == "pelaksanaan"
    assert Review.objects.get(pk=first[1].pk).status == "batal"
    report("pegawai.kominfo", work)  # reporting is open again
    second = services.submit_result(actor=actor("pegawai.kominfo"), work_id=work.pk, summary="Versi 2")
    assert {r.round for r in second} == {2} and second[0].status == "menunggu"
    returned = Event.objects.get(verb="work.review_dikembalikan", object_id=str(work.pk))
    assert returned.reason == "Uji coba belum dilakukan"


@pytest.mark.req("MEK-4", "KED-5")
def test_the_plh_of_a_reviewer_decides_on_their_behalf(demo):
    work = individual(demo.region).work
    reviews = services.submit_result(actor=actor("pegawai.kominfo"), work_id=work.pk, summary="Selesai")
    Delegation.objects.create(
        region=demo.region,
        kind=Delegation.Kind.PLH,
        delegator=emp("kabid.aptika"),
        delegate=emp("kabid.ikp"),
        starts_on=dt.date(2020, 1, 1),
        ends_on=dt.date(2099, 1, 1),
        basis_number="800/PLH/9",
        basis_date=dt.date(2020, 1, 1),
    )
    done = services.decide_review(actor=actor("kabid.ikp"), review_id=reviews[0].pk, decision="teruskan")
    assert done.decided_by == emp("kabid.ikp") and done.on_behalf_of == emp("kabid.aptika")
    with pytest.raises(PermissionDenied):  # outside my unit, no delegation: refused
        services.decide_review(actor=actor("kaban.bappeda"), review_id=reviews[1].pk, decision="teruskan")


@pytest.mark.req("MEK-2")
def test_a_revoked_assignment_takes_no_more_reports_or_results(demo):
    work = individual(demo.region).work
    work.assignment.status = "dicabut"
    work.assignment.save(update_fields=["status"])
    with pytest.raises(ExecutionError, match="dicabut"):
        report("pegawai.kominfo", work)
    with pytest.raises(ExecutionError, match="dicabut"):
        services.submit_result(actor=actor("pegawai.kominfo"), work_id=work.pk, summary="Selesai")


@pytest.mark.req("MEK-2")
def test_a_failing_receiver_never_undoes_the_issued_letter(demo, monkeypatch):
    from sikerja.execution.services import works

    def broken(*args, **kwargs):
        raise RuntimeError("rusak")

    monkeypatch.setattr(works, "create_dues", broken)
    a = individual(demo.region)  # issued at once; the receiver fails inside its savepoint
    assert a.status == "diterbitkan" and not Work.objects.filter(assignment=a).exists()
    monkeypatch.undo()
    assert services.work_for(a).dues.count() == 3  # the lazy path creates it when first opened
