"""Issue 9 items 1, 2, 4: outside members do not skip home leaders, answers are explicit, past
periods need a recorded reason."""

import datetime as dt

import pytest
from django.utils import timezone

from sikerja.assignments import services
from sikerja.assignments.models import Answer, Assignment, Step
from sikerja.assignments.services import AssignmentError, MemberInput
from sikerja.assignments.tests.people import END, START, actor, emp, unit
from sikerja.letters.models import Document


def base(**kw):
    data = dict(title="Tim data", purpose="Menyusun data", target="Data terbit", starts_on=START, ends_on=END,
                competences=["Statistik"], hours_per_week=4)
    data.update(kw)
    return data


OUTSIDER = MemberInput(external_name="Ir. Budi", external_org="Pemprov Kaltim")


@pytest.mark.req("PEN-2", "PEN-6", "PEN-9")
def test_outside_member_does_not_skip_the_home_leader(demo):
    region = demo.region
    a = services.propose(actor=actor("kabid.aptika"), form="tim_kerja", owning_unit_id=unit(region, "DISKOMINFO.BID1").pk,
                         members=[MemberInput(emp("pegawai.kominfo").pk, role="ketua"), MemberInput(emp("pegawai.ikp").pk),
                                  OUTSIDER], **base())
    a.refresh_from_db()
    assert a.scope == "lintas_instansi" and a.status == Assignment.Status.PROSES
    request = a.steps.get(kind=Step.Kind.JAWAB_PERMOHONAN)
    assert request.official == emp("kabid.ikp") and request.request_document_id
    assert a.members.get(employee=emp("pegawai.ikp")).status == "diusulkan"
    issue = a.steps.get(kind=Step.Kind.TERBITKAN)
    assert issue.official == emp("kabid.aptika")  # lintas unit: the owning leader (PPU Ps 11(1) huruf c)


def _cross_unit(region):
    return services.propose(actor=actor("kabid.aptika"), form="individu",
                            owning_unit_id=unit(region, "DISKOMINFO.BID1").pk,
                            members=[MemberInput(emp("pegawai.ikp").pk)], **base(title="Individu"))


@pytest.mark.req("PEN-9")
def test_approve_some_with_nobody_is_refused_and_note_reaches_the_answer(demo):
    a = _cross_unit(demo.region)
    step = a.steps.get(kind=Step.Kind.JAWAB_PERMOHONAN)
    with pytest.raises(AssignmentError, match="paling sedikit satu"):
        services.decide(actor=actor("kabid.ikp"), assignment_id=a.pk, step_id=step.pk, answer=Answer.APPROVE_SOME,
                        approved_member_ids=[])
    with pytest.raises(AssignmentError, match="paling sedikit satu"):
        services.decide(actor=actor("kabid.ikp"), assignment_id=a.pk, step_id=step.pk, approve=True,
                        approved_member_ids=[])
    step.refresh_from_db()
    assert step.status == Step.Status.MENUNGGU
    services.decide(actor=actor("kabid.ikp"), assignment_id=a.pk, step_id=step.pk, answer=Answer.APPROVE_ALL,
                    reason="Mohon laporan bulanan")
    answer = Document.objects.get(kind="nota_dinas_jawaban")
    assert "Catatan: Mohon laporan bulanan" in answer.payload["body"]
    assert Assignment.objects.get(pk=a.pk).members.get().status == "disetujui"


@pytest.mark.req("PEN-4")
def test_whole_period_in_the_past_needs_a_recorded_reason(demo):
    today = timezone.localdate()
    past = dict(starts_on=today - dt.timedelta(days=60), ends_on=today - dt.timedelta(days=30))
    owning = unit(demo.region, "DISKOMINFO.BID1").pk
    with pytest.raises(AssignmentError, match="sudah lewat"):
        services.propose(actor=actor("kabid.aptika"), form="individu", owning_unit_id=owning,
                         members=[MemberInput(emp("pegawai.kominfo").pk)], **base(**past))
    assert not Assignment.objects.exists()
    a = services.propose(actor=actor("kabid.aptika"), form="individu", owning_unit_id=owning,
                         members=[MemberInput(emp("pegawai.kominfo").pk)],
                         recording_reason="Tugas darurat banjir, dicatat setelah selesai", **base(**past))
    a.refresh_from_db()
    assert a.status == "diterbitkan" and a.recording_reason
    assert any("Tugas darurat banjir" in line for line in a.letter.payload["untuk"])


@pytest.mark.req("PEN-12")
def test_ppu_ps11_3_steps_produce_the_letters_the_rule_names(demo):
    region = demo.region
    me = emp("pegawai.ikp")
    a = services.apply_voluntarily(actor=actor("pegawai.ikp"), owning_unit_id=unit(region, "DISKOMINFO.BID1").pk,
                                   **base(title="Ikut tim aplikasi"))
    steps = list(a.steps.order_by("order"))
    assert [s.kind for s in steps] == ["persetujuan", "persetujuan", "konfirmasi", "persetujuan", "konfirmasi",
                                       "terbitkan"]
    own_leader, owning_leader = emp("kabid.ikp"), emp("kabid.aptika")
    services.decide(actor=actor("kabid.aptika"), assignment_id=a.pk, step_id=steps[1].pk, answer=Answer.APPROVE_ALL)
    # huruf b: the applicant's own surat permohonan to the owning leader, copied to their own leader
    services.decide(actor=actor("pegawai.ikp"), assignment_id=a.pk, step_id=steps[2].pk, answer=Answer.APPROVE_ALL)
    letter = Document.objects.get(pk=Step.objects.get(pk=steps[2].pk).document_id)
    assert letter.kind == "nota_dinas_permohonan" and letter.signer == me
    assert letter.payload["kepada"] == owning_leader.position.name
    assert letter.payload["tembusan"] == [own_leader.position.name]
    # huruf c: the owning leader's answer to the applicant
    services.decide(actor=actor("kabid.aptika"), assignment_id=a.pk, step_id=steps[3].pk, answer=Answer.APPROVE_ALL)
    answer = Document.objects.get(pk=Step.objects.get(pk=steps[3].pk).document_id)
    assert answer.kind == "nota_dinas_jawaban" and answer.signer == owning_leader
    # huruf d: forwarding, no new numbered letter
    before = Document.objects.count()
    services.decide(actor=actor("pegawai.ikp"), assignment_id=a.pk, step_id=steps[4].pk, answer=Answer.APPROVE_ALL)
    assert Document.objects.count() == before
    assert Step.objects.get(pk=steps[4].pk).document_id == answer.pk
    assert answer.parties.filter(pk=own_leader.pk).exists()
    assert not Document.objects.filter(kind="nota_dinas_jawaban", signer=me).exists()
