"""Every document kind renders to a PDF and a DOCX that say the same thing."""

import pytest

from sikerja.letters.models import DocumentKind
from sikerja.letters.tests.conftest import docx_text, leader, pdf_text, squash, staff
from sikerja.letters.tests.factories import DelegationFactory

pytestmark = [pytest.mark.req("PEN-15"), pytest.mark.django_db]


@pytest.mark.parametrize("kind", DocumentKind.values)
def test_every_kind_renders_number_names_nips(kind, demo, issue):
    people = staff(demo, "DISKOMINFO")
    doc = issue(kind, persons=people)
    pdf, docx = squash(pdf_text(doc.pdf)), squash(docx_text(doc.docx))
    signer = leader(demo, "DISKOMINFO")
    assert doc.pdf[:5] == b"%PDF-" and doc.docx[:2] == b"PK"
    for text in (pdf, docx):
        assert doc.number in text
        assert signer.full_name in text and f"NIP. {signer.nip}" in text
        assert "PEMERINTAH KABUPATEN SUNGAI LESTARI" in text
        assert demo.units["DISKOMINFO"].name.upper() in text.upper()
        assert doc.verification_code in text
        named = people if kind != DocumentKind.NOTA_DINAS_PERMOHONAN and kind != DocumentKind.NOTA_DINAS_JAWABAN else people[:2]
        if kind == DocumentKind.PERJANJIAN_KINERJA:
            named = people[:1]  # the only other party: pihak kedua
        for person in named:
            assert person.full_name in text, (kind, person.full_name)
            assert person.nip in text, (kind, person.nip)


@pytest.mark.parametrize("kind,title", [("surat_perintah", "SURAT PERINTAH"), ("surat_tugas", "SURAT TUGAS"), ("surat_penugasan", "SURAT PENUGASAN")])
def test_assignment_letters_have_dasar_untuk_and_pangkat(kind, title, demo, issue):
    doc = issue(kind)
    for text in (squash(pdf_text(doc.pdf)), squash(docx_text(doc.docx))):
        assert title in text
        assert "Dasar" in text and "Untuk" in text and "Kepada" in text
        assert ("MEMERINTAHKAN" if kind == "surat_perintah" else "MENUGASKAN") in text
        assert "Ditetapkan di Sungai Lestari" in text
        assert "Pangkat/Golongan" in text
        assert "Melaksanakan perintah ini dengan penuh tanggung jawab." in text


def test_keputusan_has_menimbang_mengingat_dictums_and_team_lampiran(demo, issue):
    people = staff(demo, "DISKOMINFO")
    doc = issue("keputusan", persons=people)
    for text in (squash(pdf_text(doc.pdf)), squash(docx_text(doc.docx))):
        assert f"KEPUTUSAN {leader(demo, 'DISKOMINFO').position.name.upper()}" in text
        assert "TENTANG" in text and "PEMBENTUKAN TIM KERJA" in text
        for word in ("Menimbang", "Mengingat", "MEMUTUSKAN", "Menetapkan", "KESATU", "KEDUA", "KETIGA"):
            assert word in text, word
        assert "KEEMPAT" not in text
        assert "SUSUNAN KEANGGOTAAN" in text and "Ketua" in text and "Anggota" in text
        assert people[0].unit.name in text


def test_plh_signer_block(demo, issue):
    kadis = leader(demo, "DISKOMINFO")
    kabid = leader(demo, "DISKOMINFO.BID1")
    DelegationFactory(delegator=kadis, delegate=kabid, kind="plh")
    doc = issue("surat_tugas", signer=kabid, official=kadis)
    assert doc.signer_display.startswith("Plh. ")
    for text in (squash(pdf_text(doc.pdf)), squash(docx_text(doc.docx))):
        assert f"Plh. {kadis.position.name.upper()}" in text
        assert kabid.full_name in text and kabid.nip in text


def test_plt_signer_block(demo, issue):
    kadis = leader(demo, "DISKOMINFO")
    kabid = leader(demo, "DISKOMINFO.BID1")
    DelegationFactory(delegator=kadis, delegate=kabid, kind="plt")
    doc = issue("keputusan", signer=kabid, official=kadis)
    assert "Plt. " in squash(pdf_text(doc.pdf)) and "Plt. " in squash(docx_text(doc.docx))


def test_many_persons_go_to_a_lampiran(demo, issue):
    people = staff(demo, "DISKOMINFO", n=8)
    doc = issue("surat_perintah", persons=people)
    text = squash(pdf_text(doc.pdf))
    assert "sebagaimana tercantum dalam lampiran" in text and "DAFTAR NAMA PEGAWAI" in text
    assert all(p.nip in text for p in people)


def test_nota_dinas_jawaban_refers_to_the_request(demo, issue):
    doc = issue("nota_dinas_jawaban")
    for text in (squash(pdf_text(doc.pdf)), squash(docx_text(doc.docx))):
        assert "NOTA DINAS" in text and "Menindaklanjuti Nota Dinas Nomor" in text and "Hal" in text
