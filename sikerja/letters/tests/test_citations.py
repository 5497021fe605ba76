"""Dasar and Mengingat cite legal instruments (issue 10 item 3): the regulation by its real title
from the profile, the nota dinas permohonan and jawaban by number and date; the explanations
shown on screen never reach the letter."""

import pytest

from sikerja.assignments import services
from sikerja.assignments.models import Step
from sikerja.assignments.services import MemberInput
from sikerja.assignments.tests.people import END, START, actor, emp, unit
from sikerja.letters.citations import document_citation, regulation_citation
from sikerja.letters.models import Document
from sikerja.letters.rules import date_id
from sikerja.letters.tests.conftest import docx_text, pdf_text, squash
from sikerja.testing.factories import ProfileFactory

pytestmark = [pytest.mark.req("PEN-15", "PEN-6", "PEN-9"), pytest.mark.django_db]
PPU_TITLE = (
    "Peraturan Bupati Penajam Paser Utara Nomor 31 Tahun 2024 tentang Pedoman Sistem Kerja di Lingkungan "
    "Pemerintah Daerah"
)


def details(**kw):
    data = dict(title="Pengembangan aplikasi layanan", purpose="Membangun aplikasi layanan publik",
                target="Aplikasi berjalan di 3 OPD", starts_on=START, ends_on=END, competences=["Pemrograman"],
                hours_per_week=6)  # fmt: skip
    data.update(kw)
    return data


def cross_unit(form, members):
    """Proposed by kabid.aptika for staff of another bidang; kabid.ikp approves; the owning leader issues."""
    a = services.propose(actor=actor("kabid.aptika"), form=form, owning_unit_id=unit(emp("kabid.aptika").region,
                         "DISKOMINFO.BID1").pk, members=members, **details())  # fmt: skip
    request = a.steps.get(kind=Step.Kind.JAWAB_PERMOHONAN)
    services.decide(actor=actor("kabid.ikp"), assignment_id=a.pk, step_id=request.pk, approve=True)
    issue = a.steps.get(kind=Step.Kind.TERBITKAN)
    services.issue(actor=actor(issue.official.user.username), assignment_id=a.pk, step_id=issue.pk)
    a.refresh_from_db()
    request.refresh_from_db()
    return a, request


def texts(doc):
    # PDF text breaks long numbers after a slash ("800.1.11.1/001/ DISKOMINFO..."): join them again
    return squash(pdf_text(doc.pdf)).replace("/ ", "/"), squash(docx_text(doc.docx))


def test_regulation_is_cited_by_its_title_and_falls_back_to_its_number():
    assert regulation_citation(ProfileFactory(title=PPU_TITLE)) == PPU_TITLE
    assert regulation_citation(ProfileFactory(title="", legal_basis="Peraturan Bupati Uji Nomor 1 Tahun 2025")) == (
        "Peraturan Bupati Uji Nomor 1 Tahun 2025"
    )


def test_a_nota_dinas_is_cited_by_office_number_date_and_hal():
    import datetime as dt

    assert document_citation(kind="nota_dinas_jawaban", office="Kepala Bidang IKP", number="800/002/IKP/2026",
                             date=dt.date(2026, 12, 3), subject="Jawaban permohonan pelibatan.") == (
        "Nota Dinas Kepala Bidang IKP Nomor 800/002/IKP/2026 tanggal 3 Desember 2026 hal Jawaban permohonan pelibatan"
    )  # fmt: skip


def test_surat_of_a_cross_unit_assignment_cites_the_regulation_and_both_notes(demo):
    a, request = cross_unit("individu", [MemberInput(emp("pegawai.ikp").pk)])
    asked, answered = request.request_document, request.document
    assert asked.kind == "nota_dinas_permohonan" and answered.kind == "nota_dinas_jawaban"
    dasar = a.letter.payload["dasar"]
    assert dasar[0] == PPU_TITLE
    assert dasar[1:] == [
        f"Nota Dinas {d.signer_display} Nomor {d.number} tanggal {date_id(d.date)} hal {d.subject}"
        for d in (asked, answered)
    ]
    for text in texts(a.letter):
        assert "Pedoman Sistem Kerja di Lingkungan Pemerintah Daerah" in text
        assert "Sistem Kerja pada Pemerintah Daerah" not in text
        assert f"Nomor {asked.number} tanggal {date_id(asked.date)}" in text
        assert f"Nomor {answered.number} tanggal {date_id(answered.date)}" in text


def test_explanations_stay_on_screen_never_in_the_letter(demo):
    a, _ = cross_unit("individu", [MemberInput(emp("pegawai.ikp").pk)])
    assert a.decisions
    for text in texts(a.letter):
        for explanation in a.decisions:
            assert squash(explanation) not in text, explanation
        assert "tidak mengatur" not in text


def test_keputusan_mengingat_the_regulation_memperhatikan_the_notes(demo):
    members = [MemberInput(emp("pegawai.kominfo").pk, role="ketua"), MemberInput(emp("pegawai.ikp").pk)]
    a, request = cross_unit("tim_kerja", members)
    assert a.letter.kind == "keputusan"
    payload = a.letter.payload
    assert payload["mengingat"] == [PPU_TITLE]
    assert [n.split(" Nomor ")[1].split(" tanggal ")[0] for n in payload["memperhatikan"]] == [
        request.request_document.number, request.document.number
    ]  # fmt: skip
    for text in texts(a.letter):
        assert "Mengingat" in text and "Memperhatikan" in text and PPU_TITLE in text
        for explanation in a.decisions:
            assert squash(explanation) not in text


def test_a_letter_within_one_unit_cites_only_the_regulation(demo):
    a = services.propose(actor=actor("kabid.aptika"), form="individu", owning_unit_id=unit(demo.region, "DISKOMINFO.BID1").pk,
                         members=[MemberInput(emp("pegawai.kominfo").pk)], **details())  # fmt: skip
    a.refresh_from_db()
    assert a.letter.payload["dasar"] == [PPU_TITLE]
    assert not Document.objects.filter(kind__startswith="nota_dinas").exists()
