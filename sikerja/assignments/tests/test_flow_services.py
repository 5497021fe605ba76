"""Transition services of every flow (issue 5) on the demo region (PPU profile) and the other
region (Barito Utara): who may act, what steps follow from the profile, which letter results."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied

from sikerja.accounts.access import actor_for
from sikerja.assignments import services
from sikerja.assignments.models import Assignment, Member, Step
from sikerja.assignments.selectors import assignment_detail, inbox
from sikerja.assignments.services import AssignmentError, MemberInput
from sikerja.assignments.tests.people import END, START, actor, emp, unit
from sikerja.audit.models import Event
from sikerja.letters.models import Document
from sikerja.organisation.models import Employee


def staff(region, code, n=1, exclude=()):
    return list(
        Employee.objects.filter(region=region, unit__code=code, position__kind__in=["fungsional", "pelaksana"])
        .exclude(pk__in=exclude).order_by("pk")[:n]
    )


def base(**kw):
    data = dict(title="Pengembangan aplikasi layanan", purpose="Membangun aplikasi layanan publik",
                target="Aplikasi berjalan di 3 OPD", starts_on=START, ends_on=END, competences=["Pemrograman"],
                hours_per_week=6)
    data.update(kw)
    return data


@pytest.mark.req("PEN-1", "PEN-4", "PEN-5", "PEN-15")
def test_individual_within_unit_is_issued_at_once_and_reaches_the_inbox(demo):
    region = demo.region
    kabid, pegawai = actor("kabid.aptika"), emp("pegawai.kominfo")
    a = services.propose(actor=kabid, form="individu", owning_unit_id=unit(region, "DISKOMINFO.BID1").pk,
                         members=[MemberInput(pegawai.pk)], other_arrangements="Rapat mingguan", **base())
    a.refresh_from_db()
    assert a.status == Assignment.Status.DITERBITKAN and a.scope == "dalam_unit"
    assert a.letter.kind == "surat_tugas"  # PPU Ps 9(4): surat perintah tugas
    text = str(a.letter.payload)
    assert pegawai.nip in text and "Rapat mingguan" in text and "1 Desember 2026 s.d. 26 Februari 2027" in text  # dates in words (issue 10 item 4)
    assert "-12-2026" not in text
    box = inbox(actor("pegawai.kominfo"))
    assert [m.assignment_id for m in box.received] == [a.pk]
    assert Event.objects.filter(object_id=str(a.pk), verb="assignment.issued").exists()


@pytest.mark.req("PEN-4")
def test_period_and_contents_are_required(demo):
    kabid, pegawai = actor("kabid.aptika"), emp("pegawai.kominfo")
    bid1 = unit(demo.region, "DISKOMINFO.BID1").pk
    with pytest.raises(AssignmentError, match="mendahului"):
        services.propose(actor=kabid, form="individu", owning_unit_id=bid1, members=[MemberInput(pegawai.pk)],
                         **base(starts_on=END, ends_on=START))
    with pytest.raises(AssignmentError, match="target"):
        services.propose(actor=kabid, form="individu", owning_unit_id=bid1, members=[MemberInput(pegawai.pk)], **base(target=" "))
    assert not Assignment.objects.exists()


@pytest.mark.req("PEN-6", "PEN-7", "PEN-9")
def test_cross_unit_individual_request_approval_then_owning_leader_issues(demo):
    region = demo.region
    ikp_staff = emp("pegawai.ikp")
    a = services.propose(actor=actor("kabid.aptika"), form="individu", owning_unit_id=unit(region, "DISKOMINFO.BID1").pk,
                         members=[MemberInput(ikp_staff.pk)], **base())
    assert a.scope == "lintas_unit" and a.status == Assignment.Status.PROSES
    request = a.steps.get(kind=Step.Kind.JAWAB_PERMOHONAN)
    assert request.official == emp("kabid.ikp") and request.request_document.kind == "nota_dinas_permohonan"
    assert "Pasal 11 ayat (1)" in request.article
    # not the addressee: refused; the addressee sees it in the inbox
    with pytest.raises(PermissionDenied):
        services.decide(actor=actor("kabid.aptika"), assignment_id=a.pk, step_id=request.pk, approve=True)
    assert [s.pk for s in inbox(actor("kabid.ikp")).to_act] == [request.pk]
    # PPU Ps 11(1) huruf d: a rejection needs reasons
    with pytest.raises(AssignmentError, match="alasan"):
        services.decide(actor=actor("kabid.ikp"), assignment_id=a.pk, step_id=request.pk, approve=False)
    services.decide(actor=actor("kabid.ikp"), assignment_id=a.pk, step_id=request.pk, approve=True)
    issue_step = a.steps.get(kind=Step.Kind.TERBITKAN)
    assert issue_step.official == emp("kabid.aptika")  # PPU Ps 11(1) huruf c
    with pytest.raises(AssignmentError, match="sudah diputus"):
        services.decide(actor=actor("kabid.ikp"), assignment_id=a.pk, step_id=request.pk, approve=False, reason="x")
    services.issue(actor=actor("kabid.aptika"), assignment_id=a.pk, step_id=issue_step.pk)
    a.refresh_from_db()
    assert a.status == Assignment.Status.DITERBITKAN and ikp_staff.nip in str(a.letter.payload)
    view = assignment_detail(actor("pegawai.ikp"), a.pk)
    assert [e.verb for e in view.events] == ["assignment.proposed", "assignment.step_decided", "assignment.issued"]
    answer = Document.objects.get(kind="nota_dinas_jawaban")
    from sikerja.letters.selectors import readable_documents

    # the addressees read the notes: the requester its answer, the home leader the request
    assert readable_documents(actor("kabid.aptika")).filter(pk=answer.pk).exists()
    assert readable_documents(actor("kabid.ikp")).filter(pk=request.request_document_id).exists()


@pytest.mark.req("PEN-9", "PEN-10", "PEN-8")
def test_cross_pd_team_partial_approval_and_keputusan(demo):
    region = demo.region
    home = "BAPPEDA.BID3"
    moved = staff(region, "BAPPEDA.BID2", 1)[0]  # the small demo has one JF per unit: bring a second
    moved.unit = unit(region, home)
    moved.save(update_fields=["unit"])
    riset = [emp("pegawai.bappeda"), moved]
    ikp = emp("pegawai.ikp")
    ketua = emp("pegawai.kominfo")
    members = [MemberInput(ketua.pk, role="ketua"), MemberInput(ikp.pk)] + [MemberInput(e.pk) for e in riset]
    a = services.propose(actor=actor("kabid.aptika"), form="tim_kerja", owning_unit_id=unit(region, "DISKOMINFO.BID1").pk,
                         members=members, **base(title="Tim Satu Data"))
    assert a.scope == "lintas_pd"
    requests = {s.official_id: s for s in a.steps.filter(kind="jawab_permohonan")}
    bappeda_leader = emp("kabid.riset")
    assert set(requests) == {emp("kabid.ikp").pk, bappeda_leader.pk}
    services.decide(actor=actor("kabid.ikp"), assignment_id=a.pk, step_id=requests[emp("kabid.ikp").pk].pk, approve=True)
    services.decide(actor=actor("kabid.riset"), assignment_id=a.pk,
                    step_id=requests[bappeda_leader.pk].pk, approve=True, approved_member_ids=[riset[0].pk],
                    reason="Sedang menyusun RKPD")
    assert Member.objects.get(assignment=a, employee=riset[1]).status == "ditolak"
    step = a.steps.get(kind="terbitkan")
    services.issue(actor=actor("kabid.aptika"), assignment_id=a.pk, step_id=step.pk)
    a.refresh_from_db()
    assert a.letter.kind == "keputusan"  # PPU Ps 10(4)
    names = [m["person"]["name"] for m in a.letter.payload["team"]]
    assert riset[1].full_name not in names and names[0] == ketua.full_name


@pytest.mark.req("PEN-12")
def test_ppu_voluntary_cross_unit_five_steps(demo):
    region = demo.region
    a = services.apply_voluntarily(actor=actor("pegawai.ikp"), owning_unit_id=unit(region, "DISKOMINFO.BID1").pk, **base())
    steps = list(a.steps.order_by("order"))
    assert [s.role for s in steps] == ["pegawai", "pimpinan_unit_pemilik_kinerja", "pegawai", "pimpinan_unit_pemilik_kinerja",
                                       "pegawai", "pimpinan_unit"]
    who = {"pegawai": "pegawai.ikp", "pimpinan_unit_pemilik_kinerja": "kabid.aptika", "pimpinan_unit": "kabid.ikp"}
    for s in steps[1:-1]:
        services.decide(actor=actor(who[s.role]), assignment_id=a.pk, step_id=s.pk, approve=True)
    services.issue(actor=actor("kabid.ikp"), assignment_id=a.pk, step_id=steps[-1].pk)
    a.refresh_from_db()
    assert a.status == "diterbitkan" and a.letter.kind == "surat_penugasan"


@pytest.mark.req("PEN-7", "PEN-12")
def test_barito_utara_cross_pd_signed_by_sekda_and_voluntary_needs_superior(other_demo):
    region = other_demo.region
    kadis = actor("lain.kadis.kominfo")
    bappeda = staff(region, "BAPPEDA.BID1", 1)[0]
    a = services.propose(actor=kadis, form="individu", owning_unit_id=unit(region, "DISKOMINFO").pk,
                         members=[MemberInput(bappeda.pk)], **base())
    issue_step = a.steps.get(kind="terbitkan")
    assert issue_step.role == "sekretaris_daerah" and issue_step.official == emp("lain.sekda")
    v = services.apply_voluntarily(actor=actor("lain.pegawai.kominfo"), owning_unit_id=unit(region, "BAPPEDA.BID1").pk, **base())
    roles = [s.role for s in v.steps.order_by("order")]
    assert roles[1] == "atasan_langsung_ppk" and "Pasal 23 ayat (4)" in v.steps.get(order=2).article


@pytest.mark.req("PEN-2", "PEN-13", "PRF-2")
def test_flows_the_profile_does_not_provide_are_refused_naming_it(demo, profiles):
    from sikerja.tenancy.models import Region

    region = Region.objects.get(pk=demo.region.pk)  # a copy: the shared session object keeps its profile
    region.profile = profiles["mahakam-ulu"]
    region.save(update_fields=["profile"])
    bid1 = unit(region, "DISKOMINFO.BID1").pk
    external = MemberInput(external_name="Ir. Budi", external_org="Pemerintah Provinsi Kalimantan Timur")
    with pytest.raises(AssignmentError, match="Perbup Mahakam Ulu 44/2024 tidak mengatur penugasan lintas instansi"):
        services.propose(actor=actor("kabid.aptika", region), form="tim_kerja", owning_unit_id=bid1,
                         members=[MemberInput(emp("pegawai.kominfo").pk, role="ketua"), external], **base())
    with pytest.raises(AssignmentError, match="Perbup Mahakam Ulu 44/2024 tidak mengatur tugas insidental"):
        services.propose(actor=actor("kabid.aptika", region), form="individu", owning_unit_id=bid1,
                         members=[MemberInput(emp("pegawai.kominfo").pk)], nature="insidental", **base())
    assert not Assignment.objects.filter(region=region).exists()


@pytest.mark.req("PEN-13")
def test_penugasan_tambahan_under_ppu(demo):
    a = services.propose(actor=actor("kabid.aptika"), form="individu", owning_unit_id=unit(demo.region, "DISKOMINFO.BID1").pk,
                         members=[MemberInput(emp("pegawai.kominfo").pk)], nature="insidental", **base())
    assert a.status == "diterbitkan" and any("penugasan tambahan" in d for d in a.decisions)


@pytest.mark.req("PEN-14")
def test_overbooking_needs_a_reason(demo):
    kabid, pegawai = actor("kabid.aptika"), emp("pegawai.kominfo")
    bid1 = unit(demo.region, "DISKOMINFO.BID1").pk
    with pytest.raises(AssignmentError, match="kapasitas"):
        services.propose(actor=kabid, form="individu", owning_unit_id=bid1, members=[MemberInput(pegawai.pk)], **base(hours_per_week=30))
    a = services.propose(actor=kabid, form="individu", owning_unit_id=bid1,
                         members=[MemberInput(pegawai.pk, overbooking_reason="Prioritas bupati")], **base(hours_per_week=30))
    assert a.status == "diterbitkan"


def test_other_region_cannot_act(demo, other_demo):
    a = services.propose(actor=actor("kabid.aptika"), form="individu", owning_unit_id=unit(demo.region, "DISKOMINFO.BID1").pk,
                         members=[MemberInput(emp("pegawai.ikp").pk)], **base())
    step = a.steps.get(kind="jawab_permohonan")
    with pytest.raises(AssignmentError, match="tidak ditemukan"):
        services.decide(actor=actor("lain.kabid.aptika"), assignment_id=a.pk, step_id=step.pk, approve=True)


@pytest.mark.req("PEN-7", "PEN-8", "PEN-10")
def test_barito_utara_cross_pd_team_is_signed_by_sekda(other_demo):
    region = other_demo.region
    ketua, bappeda = emp("lain.pegawai.kominfo"), staff(region, "BAPPEDA.BID1", 1)[0]
    a = services.propose(actor=actor("lain.kadis.kominfo"), form="tim_kerja", owning_unit_id=unit(region, "DISKOMINFO").pk,
                         members=[MemberInput(ketua.pk, role="ketua"), MemberInput(bappeda.pk)], **base(title="Tim SPBE"))
    assert a.scope == "lintas_pd"
    for step in a.steps.filter(kind="jawab_permohonan"):
        leader = step.official
        if leader.user is None:
            from sikerja.accounts.models import RoleAssignment

            leader.user = get_user_model().objects.create_user(f"lain.pimpinan.{leader.pk}", password="x")
            leader.save(update_fields=["user"])
            RoleAssignment.objects.create(user=leader.user, region=region, role="pimpinan_unit", unit=leader.position.unit)
        services.decide(actor=actor_for(leader.user, region), assignment_id=a.pk, step_id=step.pk, approve=True)
    issue_step = a.steps.get(kind="terbitkan")
    assert issue_step.official == emp("lain.sekda") and "Pasal 21" in issue_step.article  # BU Ps 21(4)
    with pytest.raises(PermissionDenied):
        services.issue(actor=actor("lain.kadis.kominfo"), assignment_id=a.pk, step_id=issue_step.pk)
    services.issue(actor=actor("lain.sekda"), assignment_id=a.pk, step_id=issue_step.pk)
    a.refresh_from_db()
    assert a.letter.kind == "surat_perintah" and a.letter.signer == emp("lain.sekda")


@pytest.mark.req("PEN-9", "MEK-5")
def test_plh_answers_on_behalf_and_the_record_says_so(demo):
    from sikerja.organisation.models import Delegation

    region = demo.region
    a = services.propose(actor=actor("kabid.aptika"), form="individu", owning_unit_id=unit(region, "DISKOMINFO.BID1").pk,
                         members=[MemberInput(emp("pegawai.ikp").pk)], **base())
    Delegation.objects.create(
        region=region, kind=Delegation.Kind.PLH, delegator=emp("kabid.ikp"), delegate=emp("kadis.kominfo"),
        starts_on=dt.date(2020, 1, 1), ends_on=dt.date(2099, 1, 1), basis_number="800/PLH/7", basis_date=dt.date(2020, 1, 1),
    )
    step = a.steps.get(kind="jawab_permohonan")
    assert [s.pk for s in inbox(actor("kadis.kominfo")).to_act] == [step.pk]
    services.decide(actor=actor("kadis.kominfo"), assignment_id=a.pk, step_id=step.pk, approve=True)
    step.refresh_from_db()
    assert step.decided_by == emp("kadis.kominfo") and step.on_behalf_of == emp("kabid.ikp")
    assert step.document.signer_capacity == "plh" and step.document.signer_display.startswith("Plh.")
    event = Event.objects.get(verb="assignment.step_decided", object_id=str(a.pk))
    assert event.on_behalf_of == emp("kabid.ikp")


@pytest.mark.req("MEK-5")
def test_cancel_by_initiator_only(demo):
    a = services.propose(actor=actor("kabid.aptika"), form="individu", owning_unit_id=unit(demo.region, "DISKOMINFO.BID1").pk,
                         members=[MemberInput(emp("pegawai.ikp").pk)], **base())
    with pytest.raises(PermissionDenied):
        services.cancel(actor=actor("kabid.ikp"), assignment_id=a.pk, reason="x")
    services.cancel(actor=actor("kabid.aptika"), assignment_id=a.pk, reason="Kegiatan ditunda")
    a.refresh_from_db()
    assert a.status == "dibatalkan" and not inbox(actor("kabid.ikp")).to_act


@pytest.mark.req("PEN-8", "PEN-10")
def test_team_within_unit_is_set_by_keputusan_of_the_unit_leader_at_once(demo):
    region = demo.region
    ketua = emp("pegawai.kominfo")
    other = list(
        Employee.objects.filter(region=region, unit__code__startswith="DISKOMINFO.BID1.", position__kind="fungsional")[:2]
    )  # staff of the sub-units: within the owning unit
    assert other
    members = [MemberInput(ketua.pk, role="ketua")] + [MemberInput(e.pk) for e in other]
    a = services.propose(actor=actor("kabid.aptika"), form="tim_kerja", owning_unit_id=unit(region, "DISKOMINFO.BID1").pk,
                         members=members, **base(title="Tim Portal"))
    a.refresh_from_db()
    assert a.scope == "dalam_unit" and a.status == "diterbitkan" and a.letter.kind == "keputusan"  # PPU Ps 10(1), (4)
    assert not a.steps.filter(kind="jawab_permohonan").exists()
    assert a.letter.payload["team"][0]["role"] == "Ketua" and a.letter.payload["dictums"]


@pytest.mark.req("PEN-2", "PEN-9")
def test_member_from_another_government_is_an_external_member_without_a_request(demo):
    region = demo.region
    external = MemberInput(external_name="Ir. Budi Santoso", external_org="Pemerintah Provinsi Kalimantan Timur",
                           external_nip="198001012005011001")
    a = services.propose(actor=actor("kabid.aptika"), form="tim_kerja", owning_unit_id=unit(region, "DISKOMINFO.BID1").pk,
                         members=[MemberInput(emp("pegawai.kominfo").pk, role="ketua"), external], **base())
    a.refresh_from_db()
    assert a.scope == "lintas_instansi" and a.status == "diterbitkan"
    outside = a.members.get(employee__isnull=True)
    assert outside.is_external and outside.status == "disetujui"
    # The outside member only adds that member: the instrument and signer follow the region's own
    # members (all within one unit: a Keputusan of the unit's leader, PPU Ps 10(4)).
    assert a.letter.kind == "keputusan"
    persons = {p["person"]["name"]: p["person"]["unit"] for p in a.letter.payload["team"]}
    assert persons["Ir. Budi Santoso"] == "Pemerintah Provinsi Kalimantan Timur"
