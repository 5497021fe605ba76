"""What the letters say (issue 10 item 4): numbers labelled NIP or NI PPPK, a team's roles and an
external member's agency, tembusan on any letter, the nota dinas's reference and closing, dates
in words and hours as "8 jam", a kop with telephone, e-mail and website, and the surat
penugasan of a voluntary application naming the receiving unit and the work."""

import datetime as dt
import re
from decimal import Decimal

import pytest

from sikerja.assignments import services
from sikerja.assignments.letter_content import hours_words
from sikerja.assignments.tests.people import actor, unit
from sikerja.letters.payloads import AssignmentPayload, NotaDinasPayload, Person, Signer
from sikerja.letters.render import Kop, build_context, render_html
from sikerja.letters.tests.conftest import pdf_text, squash

SIGNER = Signer(
    "Rudi Ramadhan, S.AP.", "197206012023011069", "Pembina Utama Madya (IV/d)", "Kepala Dinas", status="pns"
)
KOP = Kop(
    "PEMERINTAH KABUPATEN CONTOH",
    "DINAS",
    "Jalan Satu",
    "",
    b"",
    "",
    phone="(0542) 1",
    email="a@b.go.id",
    website="b.go.id",
)
DATE = dt.date(2026, 12, 2)


def _text(kind, payload) -> str:
    payload.date, payload.place, payload.signer = DATE, "Sungai Lestari", SIGNER
    html = render_html(
        build_context(kind=kind, payload=payload, number="800/001/X/2026", code="ABCDEFGHJK", kop=KOP, unit_name="X")
    )
    return squash(re.sub(r"<[^>]+>", " ", html))


@pytest.mark.req("PEN-15")
def test_numbers_roles_agency_and_tembusan_in_an_assignment_letter():
    persons = [
        Person("Budi", "198703152010011002", "Penata (III/c)", "Analis", "Bidang A", status="pns", role="Ketua"),
        Person(
            "Nur", "199009132022212632", "PPPK golongan IX", "Pranata", "Bidang A", status="pppk", role="Sekretaris"
        ),
        Person("Dr. Rina", "", "", "Dosen Teknik Informatika", "Universitas Mulawarman", role="Anggota", external=True),
    ]
    text = _text(
        "surat_perintah",
        AssignmentPayload(
            subject="Tim", dasar=["Peraturan"], persons=persons, untuk=["Bekerja"], tembusan=["Sekretaris Daerah"]
        ),
    )
    assert "NIP : 198703152010011002" in text and "NI PPPK : 199009132022212632" in text
    assert "NIP : 199009132022212632" not in text
    assert "Kedudukan dalam tim : Ketua" in text and "Kedudukan dalam tim : Sekretaris" in text
    assert "Instansi : Universitas Mulawarman" in text and "Jabatan : Dosen Teknik Informatika" in text
    assert "Tembusan: Sekretaris Daerah" in text
    assert "pada tanggal 2 Desember 2026" in text and "02-12-2026" not in text
    assert "NIP. 197206012023011069" in text  # the signer, a PNS
    assert "Telepon (0542) 1" in text and "Pos-el a@b.go.id" in text and "Laman b.go.id" in text


@pytest.mark.req("PEN-9")
def test_nota_dinas_names_the_letter_it_answers_and_closes():
    text = _text(
        "nota_dinas_jawaban",
        NotaDinasPayload(
            subject="Jawaban permohonan",
            kepada="Kepala Dinas",
            body=["Disetujui: Budi."],
            reference="800/014/Y/2026",
            reference_date=dt.date(2026, 11, 30),
            reference_subject="Permohonan pelibatan dalam Tim A",
        ),
    )
    assert (
        "Menindaklanjuti Nota Dinas Nomor 800/014/Y/2026 tanggal 30 November 2026 hal Permohonan pelibatan dalam Tim A"
    ) in text
    assert "Hal : Jawaban permohonan" in text and "Tanggal : 2 Desember 2026" in text
    assert "Demikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih." in text


def test_hours_in_words():
    assert hours_words(Decimal("8.0")) == "8 jam" and hours_words(Decimal("7.5")) == "7,5 jam"


@pytest.mark.req("PEN-12", "PEN-15")
def test_voluntary_surat_penugasan_names_the_receiving_unit_and_the_work(demo):
    """PPU: the applicant's permohonan is copied to their own leader (Ps 11(3) huruf b); the
    answer names it by number, date and hal; the surat penugasan says where and what the
    applicant works on, not the applicant's own sentence, and its Untuk cites no article."""
    region = demo.region
    bid1 = unit(region, "DISKOMINFO.BID1")
    a = services.apply_voluntarily(
        actor=actor("pegawai.ikp"),
        owning_unit_id=bid1.pk,
        title="Pengembangan aplikasi layanan",
        purpose="Saya ingin membantu membangun aplikasi",
        target="Aplikasi berjalan di 3 OPD",
        starts_on=dt.date(2026, 12, 1),
        ends_on=dt.date(2027, 2, 26),
        competences=["Pemrograman"],
        hours_per_week=8,
    )
    steps = list(a.steps.order_by("order"))
    who = {"pegawai": "pegawai.ikp", "pimpinan_unit_pemilik_kinerja": "kabid.aptika", "pimpinan_unit": "kabid.ikp"}
    for s in steps[1:-1]:
        services.decide(actor=actor(who[s.role]), assignment_id=a.pk, step_id=s.pk, approve=True)
    services.issue(actor=actor("kabid.ikp"), assignment_id=a.pk, step_id=steps[-1].pk)
    a.refresh_from_db()
    untuk = a.letter.payload["untuk"]
    assert untuk[0] == f"Melaksanakan tugas pada {bid1.name} dalam kegiatan Pengembangan aplikasi layanan"
    assert not any("Saya ingin" in u for u in untuk)
    assert not any(re.search(r"\((?:[^)]*Pasal|[^)]*Ps )", u) for u in untuk), untuk
    assert any("1 Desember 2026 s.d. 26 Februari 2027" in u and "8 jam per minggu" in u for u in untuk)
    memos = [
        s.document
        for s in a.steps.filter(document__isnull=False).select_related("document")
        if s.document.kind.startswith("nota")
    ]
    copied = [m for m in memos if m.payload.get("tembusan")]
    assert copied, "the applicant's permohonan carries its tembusan"
    assert "Tembusan" in squash(pdf_text(copied[0].pdf))
    answers = [m for m in memos if m.kind == "nota_dinas_jawaban" and m.payload.get("reference")]
    assert answers, "the owning leader answers the permohonan by its number"
    for answer in answers:
        assert answer.payload["reference_date"] and answer.payload["reference_subject"]


@pytest.mark.req("PEN-15")
def test_the_administrator_sets_the_kop_contacts_per_unit(demo, login, issue):
    c = login("admin.bkpsdm")
    page = c.get("/surat/pengaturan/").content.decode()
    assert 'name="phone"' in page and 'name="email"' in page and 'name="website"' in page
    from sikerja.letters.models import Letterhead

    before = Letterhead.objects.count()
    bad = c.post(
        "/surat/pengaturan/kop/", {"government_name": "Pemerintah Kabupaten Sungai Lestari", "email": "bukan surel"}
    )
    assert bad.status_code == 400 and Letterhead.objects.count() == before
    kominfo = demo.units["DISKOMINFO"]
    ok = c.post(
        "/surat/pengaturan/kop/",
        {
            "unit": kominfo.pk,
            "government_name": "Pemerintah Kabupaten Sungai Lestari",
            "address": "Jalan Kop Nomor 2",
            "phone": "(0542) 765432",
            "email": "diskominfo@sungailestari.go.id",
            "website": "diskominfo.sungailestari.go.id",
        },
    )
    assert ok.status_code == 302
    text = squash(pdf_text(issue("surat_tugas").pdf))
    assert "Telepon (0542) 765432" in text and "diskominfo@sungailestari.go.id" in text
    assert "diskominfo.sungailestari.go.id" in text
    other = squash(pdf_text(issue("surat_tugas", unit_code="BKPSDM").pdf))
    assert "765432" not in other  # set per unit: another PD keeps its own kop
