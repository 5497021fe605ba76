"""How a letter cites its basis (issue 10 item 3): Dasar / Mengingat name legal instruments, as
tata naskah dinas does — the regulation by its full title (from the regulation profile), and the
nota dinas that asked and answered by kind, office, number, date and hal. The explanations the
system shows on screen ("Perbup ... tidak mengatur penanda tangan khusus ...") never go here.
"""

from __future__ import annotations

from sikerja.letters.models import Document, DocumentKind
from sikerja.letters.payloads import NOTA_KINDS
from sikerja.letters.rules import date_id


def regulation_citation(profile) -> str:
    """The regulation by its real title, e.g. "Peraturan Bupati Penajam Paser Utara Nomor 31 Tahun
    2024 tentang Pedoman Sistem Kerja di Lingkungan Pemerintah Daerah"; the legal basis (number
    and year) when a profile has no title yet."""
    title = (getattr(profile, "title", "") or "").strip()
    return title or (getattr(profile, "legal_basis", "") or getattr(profile, "name", "")).strip()


# The instrument that sets the form of a perjanjian kinerja, by its real title.
PERMENPANRB_53_2014 = (
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang "
    "Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah"
)


def agreement_basis(profile) -> list[str]:
    """What a perjanjian kinerja is drawn up under: PermenPANRB 53/2014 and the region's own
    regulation (PPU Lampiran huruf A angka 1 huruf a: penyusunan dan penetapan perjanjian kinerja)."""
    own = regulation_citation(profile)
    return [PERMENPANRB_53_2014] + ([own] if own else [])


def document_citation(*, kind: str, office: str, number: str, date, subject: str) -> str:
    """'Nota Dinas Kepala Bidang ... Nomor 800/001/X/2026 tanggal 3 Desember 2026 hal ...'."""
    name = "Nota Dinas" if kind in {k.value for k in NOTA_KINDS} else DocumentKind(kind).label
    office = f" {office.strip()}" if office and office.strip() else ""
    hal = f" hal {subject.strip().rstrip('.')}" if subject and subject.strip() else ""
    return f"{name}{office} Nomor {number} tanggal {date_id(date)}{hal}"


def cite(doc: Document) -> str:
    return document_citation(
        kind=doc.kind, office=doc.signer_display, number=doc.number, date=doc.date, subject=doc.subject
    )


def assignment_memos(assignment) -> list[Document]:
    """The nota dinas (permohonan, jawaban) exchanged on the way to an assignment's letter, in
    the order they were issued; revoked ones are not a basis."""
    ids: set[int] = set()
    for request_id, document_id in assignment.steps.values_list("request_document_id", "document_id"):
        ids.update(i for i in (request_id, document_id) if i)
    return list(
        Document.objects.filter(pk__in=ids, kind__in=[k.value for k in NOTA_KINDS], status=Document.Status.ISSUED)
        .defer("payload")
        .order_by("date", "created_at", "pk")
    )


def assignment_basis(assignment) -> tuple[list[str], list[str]]:
    """(regulations, memos) an assignment's letter cites: the region's regulation, and the nota
    dinas permohonan and jawaban by number and date."""
    return [regulation_citation(assignment.region.profile)], [cite(d) for d in assignment_memos(assignment)]
