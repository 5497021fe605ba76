"""Every letter kind, issued in the demo region from realistic payloads, read as paper (issue 10
item 5): the PDF (WeasyPrint) and the DOCX converted by LibreOffice are counted page by page, a
one-page surat tugas stays on one page in both, and the signature block ("Ditetapkan di ...
pada tanggal ...", office, name, NIP) and the QR stand on one page. The page images are kept in
/tmp/sikerja-letters/ as the artefact a reviewer looks at."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from sikerja.letters.citations import document_citation, regulation_citation
from sikerja.letters.payloads import AssignmentPayload, KeputusanPayload, NotaDinasPayload, Person, TeamMember
from sikerja.letters.payloads import person_from_employee as person
from sikerja.letters.rules import date_id
from sikerja.letters.services import issue_document, upload_letterhead
from sikerja.letters.tests.conftest import actor_as, leader, squash, staff

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOPPM = shutil.which("pdftoppm")
ARTEFACTS = Path("/tmp/sikerja-letters")
pytestmark = [
    pytest.mark.req("PEN-15"),
    pytest.mark.django_db,
    pytest.mark.skipif(
        SOFFICE is None, reason="LibreOffice (soffice) not installed: apt-get install libreoffice-writer-nogui"
    ),
]


def _pages(pdf: bytes) -> list[str]:
    from pypdf import PdfReader

    return [squash(page.extract_text() or "") for page in PdfReader(io.BytesIO(pdf)).pages]


def _letters(demo, region, today):
    """(name, kind, payload, expected pages) — the wording of the flows' letters
    (``assignments.letter_content``) with the demo's real people."""
    kominfo = staff(demo, "DISKOMINFO", n=8)
    regulation = regulation_citation(region.profile)
    memo = document_citation(
        kind="nota_dinas_permohonan",
        office="Kepala Dinas Komunikasi dan Informatika",
        number="800.1.11.1/014/DISKOMINFO/2026",
        date=today,
        subject="Permohonan pelibatan dalam Pengembangan Aplikasi Layanan Kepegawaian",
    )
    answer = document_citation(
        kind="nota_dinas_jawaban",
        office="Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        number="800.1.11.1/021/BKPSDM/2026",
        date=today,
        subject="Jawaban permohonan pelibatan dalam Pengembangan Aplikasi Layanan Kepegawaian",
    )
    period = f"{date_id(today)} s.d. {date_id(today.replace(month=12, day=31))}"
    untuk = [
        "Pengembangan Aplikasi Layanan Kepegawaian: membangun modul usulan kenaikan pangkat dan integrasi data kepegawaian",
        "Ekspektasi/target kinerja: modul usulan kenaikan pangkat berjalan di seluruh perangkat daerah",
        f"Jangka waktu: {period}, dengan alokasi waktu 8 jam per minggu",
        "Melaporkan pelaksanaan tugas kepada Pejabat Pembina Kepegawaian dan/atau pimpinan unit.",
        "Melaksanakan tugas ini dengan penuh tanggung jawab.",
    ]
    team = [person(e) for e in kominfo[:6]]
    for p, role in zip(team, ["Ketua", "Sekretaris"] + ["Anggota"] * 4, strict=True):
        p.role = role
    external = Person(
        name="Dr. Rina Kartika, M.T.",
        jabatan="Dosen Teknik Informatika",
        unit="Universitas Mulawarman",
        role="Anggota",
        external=True,
    )
    return [
        (
            "surat-tugas",
            "surat_tugas",
            AssignmentPayload(
                subject="Pengembangan Aplikasi Layanan Kepegawaian",
                dasar=[regulation, memo, answer],
                persons=[person(e) for e in kominfo[:3]],
                untuk=untuk,
                tembusan=["Sekretaris Daerah"],
            ),
            1,
        ),
        (
            "surat-penugasan-sukarela",
            "surat_penugasan",
            AssignmentPayload(
                subject="Pengembangan Aplikasi Layanan Kepegawaian",
                dasar=[regulation, memo, answer],
                persons=[person(kominfo[0])],
                untuk=[
                    "Melaksanakan tugas pada Dinas Komunikasi dan Informatika dalam kegiatan Pengembangan Aplikasi Layanan Kepegawaian",
                    *untuk[1:],
                ],
            ),
            1,
        ),
        (
            "surat-perintah-tim",
            "surat_perintah",
            AssignmentPayload(
                subject="Tim Kerja Pengembangan Aplikasi Layanan Kepegawaian",
                dasar=[regulation, memo, answer],
                persons=[*team, external],
                untuk=[*untuk[:3], "Ketua tim: sebagaimana tercantum dalam daftar nama.", *untuk[3:]],
            ),
            2,
        ),
        (
            "keputusan-tim",
            "keputusan",
            KeputusanPayload(
                subject="Pembentukan Tim Kerja Transformasi Digital Layanan Kepegawaian",
                official="",
                menimbang=[
                    "bahwa untuk mencapai layanan kepegawaian digital di seluruh perangkat daerah perlu dibentuk tim kerja",
                    "bahwa berdasarkan pertimbangan tersebut perlu menetapkan keputusan tentang pembentukan tim kerja",
                ],
                mengingat=[regulation],
                memperhatikan=[memo, answer],
                dictums=[
                    "Membentuk Tim Kerja Transformasi Digital Layanan Kepegawaian dengan susunan keanggotaan sebagaimana "
                    "tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.",
                    "Tim Kerja bertugas menyusun rencana kerja, membangun layanan dan melaporkan hasilnya setiap bulan.",
                    f"Tim Kerja melaksanakan tugas dalam jangka waktu {period}.",
                    "Ketua Tim Kerja melaporkan pelaksanaan tugas kepada Kepala Dinas.",
                    "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
                ],
                team=[TeamMember(role=p.role, person=p) for p in [*team, external]],
                tembusan=["Sekretaris Daerah"],
            ),
            None,
        ),
        (
            "nota-dinas-permohonan",
            "nota_dinas_permohonan",
            NotaDinasPayload(
                subject="Permohonan pelibatan dalam Pengembangan Aplikasi Layanan Kepegawaian",
                kepada="Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
                tembusan=["Sekretaris Daerah"],
                body=[
                    "Dalam rangka Pengembangan Aplikasi Layanan Kepegawaian, kami mohon pelibatan pegawai berikut.",
                    "Maksud dan tujuan: membangun modul usulan kenaikan pangkat.",
                    "Kompetensi yang dibutuhkan: analisis data, pemrograman web",
                    f"Durasi: {period} (8 jam per minggu)",
                ],
                persons=[person(e) for e in kominfo[:2]],
            ),
            1,
        ),
        (
            "nota-dinas-jawaban",
            "nota_dinas_jawaban",
            NotaDinasPayload(
                subject="Jawaban permohonan pelibatan dalam Pengembangan Aplikasi Layanan Kepegawaian",
                kepada="Kepala Dinas Komunikasi dan Informatika",
                body=["Disetujui: " + ", ".join(e.full_name for e in kominfo[:2]) + "."],
                persons=[person(e) for e in kominfo[:2]],
                reference="800.1.11.1/014/DISKOMINFO/2026",
                reference_date=today,
                reference_subject="Permohonan pelibatan dalam Pengembangan Aplikasi Layanan Kepegawaian",
            ),
            1,
        ),
    ]


def _to_pdf_with_libreoffice(docs: dict[str, bytes], workdir: Path) -> dict[str, bytes]:
    for name, data in docs.items():
        (workdir / f"{name}.docx").write_bytes(data)
    result = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{workdir / 'lo-profile'}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(workdir),
            *[str(workdir / f"{n}.docx") for n in docs],
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return {name: (workdir / f"{name}.pdf").read_bytes() for name in docs}


def _images(name: str, pdf: bytes, workdir: Path) -> None:
    if PDFTOPPM is None:  # pragma: no cover - poppler-utils is installed where the artefact is wanted
        return
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTEFACTS.glob(f"{name}-*.png"):
        old.unlink()
    src = workdir / f"{name}.render.pdf"
    src.write_bytes(pdf)
    subprocess.run([PDFTOPPM, "-r", "60", "-png", str(src), str(ARTEFACTS / name)], check=True, timeout=120)


def _closing_words(doc) -> str:
    """The last words of the text the signature closes (the last Untuk item, the last dictum,
    the nota dinas's closing sentence)."""
    p = doc.payload
    last = (p.get("untuk") or p.get("dictums") or [""])[-1] if not doc.kind.startswith("nota") else "terima kasih."
    return " ".join(last.split()[-3:])


def _check_signature_page(label: str, pages: list[str], doc, *, dated: bool, last_words: str) -> None:
    """The signature block and the QR text stand on one page, with "Ditetapkan di ... pada
    tanggal ..." when the letter is dated there; the NIP is on that page unbroken."""
    signer = doc.payload["signer"]
    nip = f"{'NI PPPK' if signer.get('status') == 'pppk' else 'NIP'}. {signer['nip']}"
    heading = (
        f"pada tanggal {date_id(dt.date.fromisoformat(doc.payload['date']))}" if dated else signer["position"].upper()
    )
    with_heading = [i for i, text in enumerate(pages) if heading in text]
    assert with_heading, f"{label}: '{heading}' not found"
    first = with_heading[0]
    page = pages[first]
    assert f"Ditetapkan di {doc.payload['place']}" in page or not dated, f"{label}: Ditetapkan on another page"
    assert signer["name"] in page and nip in page, f"{label}: signer's name/NIP not on the page of '{heading}'"
    assert "Keaslian naskah ini" in page, f"{label}: the QR's text is not beside the signature"
    assert squash(last_words) in page, f"{label}: the signature stands apart from the text it closes"


def test_every_letter_kind_reads_on_paper(demo, actor_of, tmp_path):
    from django.utils import timezone

    region = demo.region
    admin = actor_of("admin.bkpsdm")
    upload_letterhead(
        actor=admin,
        government_name="Pemerintah Kabupaten Contoh",
        address="Jalan Jenderal Sudirman Nomor 1, Kota Contoh 76141",
        phone="(0542) 7211234",
        email="diskominfo@contohkab.go.id",
        website="diskominfo.contohkab.go.id",
        unit=demo.units["DISKOMINFO"],
    )
    signer = leader(demo, "DISKOMINFO")
    actor = actor_as(signer)
    today = timezone.localdate()
    issued = {}
    for name, kind, payload, pages in _letters(demo, region, today):
        doc = issue_document(
            actor=actor, kind=kind, issuing_unit=demo.units["DISKOMINFO"], payload=payload, official=signer
        )
        issued[name] = (doc, kind, pages)
    converted = _to_pdf_with_libreoffice({n: d.docx for n, (d, _, _) in issued.items()}, tmp_path)
    problems = []
    for name, (doc, kind, expected) in issued.items():
        dated = not kind.startswith("nota")
        for fmt, pdf in (("pdf", doc.pdf), ("docx", converted[name])):
            label = f"{name} ({fmt})"
            _images(f"{name}-{fmt}", pdf, tmp_path)
            pages = _pages(pdf)
            if expected is not None and len(pages) != expected:
                problems.append(f"{label}: {len(pages)} pages, expected {expected}")
            try:
                _check_signature_page(label, pages, doc, dated=dated, last_words=_closing_words(doc))
            except AssertionError as exc:
                problems.append(str(exc))
            text = " ".join(pages)
            if "Telepon (0542) 7211234" not in text or "diskominfo@contohkab.go.id" not in text:
                problems.append(f"{label}: kop without telephone/e-mail")
    assert problems == [], "\n".join(problems)
