"""After the letter (issue 9 item 5): the signer ends early, extends or revokes an issued
assignment; a revoked letter ends the assignment and frees its hours wherever it was revoked."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from sikerja.assignments import services
from sikerja.assignments.models import Amendment, Assignment, Step
from sikerja.assignments.selectors import availability_for, inbox
from sikerja.assignments.services import AssignmentError, MemberInput
from sikerja.assignments.tests.people import END, START, actor, emp, unit
from sikerja.letters.models import Document
from sikerja.letters.rules import date_id
from sikerja.letters.services import revoke_document
from sikerja.organisation.models import Delegation

TODAY = dt.date(2026, 12, 3)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    """The period rules compare with today; pin it so the tests read the same every day."""
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)


def issued_within_unit(title="Penyusunan data statistik sektoral", hours=10):
    """kabid.aptika assigns their own staff: the surat perintah tugas is issued at once."""
    a = services.propose(
        actor=actor("kabid.aptika"),
        form="individu",
        owning_unit_id=unit(emp("kabid.aptika").region, "DISKOMINFO.BID1").pk,
        members=[MemberInput(emp("pegawai.kominfo").pk)],
        title=title,
        purpose="Menyusun data statistik sektoral",
        target="Buku data sektoral",
        starts_on=START,
        ends_on=END,
        competences=["Statistik"],
        hours_per_week=hours,
    )
    a.refresh_from_db()
    assert a.status == Assignment.Status.DITERBITKAN
    return a


def committed_hours(employee, on):
    """Hours of issued assignments in the week of ``on``."""
    return availability_for([employee.pk], on, on, {}, region=employee.region)[employee.pk].worst_week.committed_hours


@pytest.mark.req("PEN-4", "PEN-15")
def test_the_signer_ends_early_with_a_letter_that_refers_to_the_first(demo):
    a = issued_within_unit()
    first = a.letter
    new_end = dt.date(2027, 1, 15)
    change = services.amend(actor=actor("kabid.aptika"), assignment_id=a.pk, new_ends_on=new_end, reason="Data lengkap")
    a.refresh_from_db()
    assert a.ends_on == new_end and a.status == Assignment.Status.DITERBITKAN
    assert change.kind == Amendment.Kind.DIAKHIRI and change.previous_ends_on == END
    letter = change.document
    assert letter.kind == first.kind and letter.number != first.number and not letter.is_revoked
    text = str(letter.payload)
    # The new letter names the first one by number and date, and the new end date.
    assert first.number in text and date_id(first.date) in text and "15 Januari 2027" in text
    assert "Data lengkap" in text and letter.signer == emp("kabid.aptika")
    # The assignee can read the new letter; their hours after the new end are free again.
    pegawai = emp("pegawai.kominfo")
    assert letter.parties.filter(pk=pegawai.pk).exists()
    assert committed_hours(pegawai, dt.date(2027, 1, 14)) >= 10
    assert committed_hours(pegawai, dt.date(2027, 2, 1)) == committed_hours(pegawai, dt.date(2027, 3, 1))


@pytest.mark.req("PEN-4")
def test_ending_cannot_reach_back_before_today_nor_equal_the_present_end(demo):
    a = issued_within_unit()
    with pytest.raises(AssignmentError, match="paling awal"):
        services.amend(actor=actor("kabid.aptika"), assignment_id=a.pk, new_ends_on=dt.date(2026, 12, 2), reason="x")
    with pytest.raises(AssignmentError, match="sama dengan"):
        services.amend(actor=actor("kabid.aptika"), assignment_id=a.pk, new_ends_on=END, reason="x")
    with pytest.raises(AssignmentError, match="Alasan perubahan"):
        services.amend(actor=actor("kabid.aptika"), assignment_id=a.pk, new_ends_on=dt.date(2027, 1, 1), reason=" ")
    a.refresh_from_db()
    assert a.ends_on == END and not a.amendments.exists()


@pytest.mark.req("PEN-4", "PEN-14")
def test_an_extension_rechecks_the_hours_of_the_added_weeks(demo):
    a = issued_within_unit(hours=12)
    pegawai = emp("pegawai.kominfo")
    later = END + dt.timedelta(days=3)
    # Another letter fills the weeks after the present end (the two do not overlap today).
    services.propose(
        actor=actor("kabid.aptika"),
        form="individu",
        owning_unit_id=a.owning_unit_id,
        members=[MemberInput(pegawai.pk)],
        title="Pekerjaan berikutnya",
        purpose="Lanjutan",
        target="Laporan",
        starts_on=later,
        ends_on=later + dt.timedelta(days=60),
        competences=[],
        hours_per_week=float(37.5 - float(pegawai.position.workload_hours or 0) - 6),
    )
    with pytest.raises(AssignmentError) as refused:
        services.amend(
            actor=actor("kabid.aptika"), assignment_id=a.pk, new_ends_on=later + dt.timedelta(days=30), reason="Tambah"
        )
    assert pegawai.full_name in " ".join(refused.value.messages)
    a.refresh_from_db()
    assert a.ends_on == END and not a.amendments.exists()
    # Up to the day before the other letter starts there is room: the extension goes through.
    change = services.amend(
        actor=actor("kabid.aptika"), assignment_id=a.pk, new_ends_on=later - dt.timedelta(days=1), reason="Tambah"
    )
    a.refresh_from_db()
    assert change.kind == Amendment.Kind.DIPERPANJANG and a.ends_on == later - dt.timedelta(days=1)


@pytest.mark.req("PEN-4")
def test_only_the_signer_or_their_plh_changes_an_issued_assignment(demo, other_demo):
    a = issued_within_unit()
    for who in ("pegawai.kominfo", "kabid.ikp", "admin.bkpsdm"):
        with pytest.raises(PermissionDenied):
            services.amend(actor=actor(who), assignment_id=a.pk, new_ends_on=dt.date(2027, 1, 31), reason="x")
        with pytest.raises(PermissionDenied):
            services.revoke(actor=actor(who), assignment_id=a.pk, reason="x")
    # Another region does not even find it.
    with pytest.raises(AssignmentError, match="tidak ditemukan"):
        services.revoke(actor=actor("lain.kadis.kominfo"), assignment_id=a.pk, reason="x")
    Delegation.objects.create(
        region=demo.region, kind=Delegation.Kind.PLH, delegator=emp("kabid.aptika"), delegate=emp("kabid.ikp"),
        starts_on=TODAY, ends_on=TODAY + dt.timedelta(days=5), basis_number="800/PLH/9", basis_date=TODAY,
    )  # fmt: skip
    change = services.amend(
        actor=actor("kabid.ikp"), assignment_id=a.pk, new_ends_on=dt.date(2027, 3, 31), reason="Lanjut"
    )
    assert change.kind == Amendment.Kind.DIPERPANJANG and change.on_behalf_of == emp("kabid.aptika")
    assert change.document.signer_display.startswith("Plh.")
    a.refresh_from_db()
    assert a.ends_on == dt.date(2027, 3, 31)


@pytest.mark.req("PEN-4", "PEN-15")
def test_revoking_ends_the_assignment_frees_the_hours_and_shows_everywhere(demo, login):
    a = issued_within_unit(hours=10)
    pegawai = emp("pegawai.kominfo")
    before = committed_hours(pegawai, dt.date(2027, 1, 5))
    extension = services.amend(
        actor=actor("kabid.aptika"), assignment_id=a.pk, new_ends_on=dt.date(2027, 3, 31), reason="Lanjut"
    )
    services.revoke(actor=actor("kabid.aptika"), assignment_id=a.pk, reason="Kegiatan dibatalkan anggaran")
    a.refresh_from_db()
    assert a.status == Assignment.Status.DICABUT and a.revoke_reason == "Kegiatan dibatalkan anggaran"
    assert a.letter.is_revoked
    extension.refresh_from_db()
    assert extension.status == Amendment.Status.DICABUT and extension.document.is_revoked
    assert committed_hours(pegawai, dt.date(2027, 1, 5)) == before - 10
    # The assignee sees the change in their inbox, on the detail page and on the verification page.
    box = inbox(actor("pegawai.kominfo"))
    assert [m.assignment.status for m in box.received if m.assignment_id == a.pk] == ["dicabut"]
    client = login("pegawai.kominfo")
    inbox_page = client.get(reverse("penugasan:inbox")).content.decode()
    assert "dicabut" in inbox_page
    page = client.get(reverse("penugasan:detail", args=[a.pk])).content.decode()
    assert "Naskah penugasan ini dicabut" in page and "Kegiatan dibatalkan anggaran" in page
    verify = client.get(reverse("verify:detail", args=[a.letter.verification_code])).content.decode()
    assert "DICABUT" in verify
    with pytest.raises(AssignmentError, match="sudah diterbitkan") as again:
        services.revoke(actor=actor("kabid.aptika"), assignment_id=a.pk, reason="lagi")
    assert again.value.code == "not_issued"


@pytest.mark.req("PEN-15")
def test_an_administrator_revoking_the_letter_on_the_letters_page_ends_the_assignment(demo):
    a = issued_within_unit()
    revoke_document(actor=actor("admin.organisasi"), document_id=a.letter_id, reason="Salah terbit")
    a.refresh_from_db()
    assert a.status == Assignment.Status.DICABUT and a.revoke_reason == "Salah terbit"


@pytest.mark.req("PEN-4")
def test_revoking_an_extension_restores_the_end_it_replaced(demo):
    a = issued_within_unit()
    change = services.amend(
        actor=actor("kabid.aptika"), assignment_id=a.pk, new_ends_on=dt.date(2027, 3, 31), reason="x"
    )
    revoke_document(actor=actor("kabid.aptika"), document_id=change.document_id, reason="Perpanjangan keliru")
    a.refresh_from_db()
    change.refresh_from_db()
    assert a.ends_on == END and a.status == Assignment.Status.DITERBITKAN
    assert change.status == Amendment.Status.DICABUT


@pytest.mark.req("PEN-6", "PEN-9")
def test_revoking_the_request_memo_stops_the_flow(demo):
    a = services.propose(
        actor=actor("kabid.aptika"),
        form="individu",
        owning_unit_id=unit(demo.region, "DISKOMINFO.BID1").pk,
        members=[MemberInput(emp("pegawai.ikp").pk)],
        title="Survei",
        purpose="Mengukur",
        target="Laporan",
        starts_on=START,
        ends_on=END,
        competences=["Statistik"],
        hours_per_week=4,
    )
    request = a.steps.get(kind=Step.Kind.JAWAB_PERMOHONAN)
    revoke_document(actor=actor("kabid.aptika"), document_id=request.request_document_id, reason="Salah alamat")
    a.refresh_from_db()
    assert a.status == Assignment.Status.DIBATALKAN
    assert not inbox(actor("kabid.ikp")).to_act
    with pytest.raises(AssignmentError):
        services.decide(actor=actor("kabid.ikp"), assignment_id=a.pk, step_id=request.pk, answer="setujui_semua")
    assert Document.objects.get(pk=request.request_document_id).is_revoked


@pytest.mark.req("PEN-4")
def test_the_detail_page_offers_the_changes_to_the_signer_only(demo, login):
    a = issued_within_unit()
    url = reverse("penugasan:detail", args=[a.pk])
    signer = login("kabid.aptika")
    assert 'id="change"' in signer.get(url).content.decode()
    assert 'id="change"' not in login("pegawai.kominfo").get(url).content.decode()
    # A refused change answers on the page, in words, and changes nothing.
    refused = signer.post(reverse("penugasan:amend", args=[a.pk]), {"new_ends_on": "2026-11-01", "reason": "x"})
    assert refused.status_code == 400 and "paling awal" in refused.content.decode()
    missing = signer.post(reverse("penugasan:revoke", args=[a.pk]), {"reason": ""})
    assert missing.status_code == 400 and "Alasan pencabutan wajib diisi" in missing.content.decode()
    done = signer.post(
        reverse("penugasan:amend", args=[a.pk]), {"new_ends_on": "2027-01-29", "reason": "Selesai cepat"}
    )
    assert done.status_code == 302
    page = signer.get(url).content.decode()
    assert 'id="amendments"' in page and "29 Januari 2027" in page and "Selesai cepat" in page
    # The assignee cannot post a change either.
    assert login("pegawai.kominfo").post(reverse("penugasan:revoke", args=[a.pk]), {"reason": "x"}).status_code == 403
    a.refresh_from_db()
    assert a.status == Assignment.Status.DITERBITKAN
