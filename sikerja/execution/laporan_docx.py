"""The laporan pelaksanaan tugas as DOCX (python-docx), saying what the PDF says: the page,
fonts and helpers of the letters' default DOCX, the unit's letterhead, then the same sections."""

from __future__ import annotations

import io

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from sikerja.execution.laporan import Laporan
from sikerja.execution.rules import format_rupiah
from sikerja.i18n import in_indonesian
from sikerja.letters.docx_default import _Builder
from sikerja.letters.render import Kop


def _kop(b: _Builder, kop: Kop) -> None:
    table = b.doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = (Cm(2.6), Cm(13.9))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    logo, names = table.rows[0].cells
    logo.width, names.width = widths
    if kop.logo:
        logo.paragraphs[0].add_run().add_picture(io.BytesIO(kop.logo), height=Mm(20))
    lines = [(kop.government_name.upper(), 14, True), (kop.pd_name.upper(), 16, True), (kop.address, 9.5, False),
             (kop.contact_line, 9.5, False)]  # fmt: skip
    first = True
    for text, size, bold in lines:
        if not text:
            continue
        p = names.paragraphs[0] if first else names.add_paragraph()
        first = False
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(text)
        run.bold, run.font.size = bold, Pt(size)
    line = b.para("", space_after=6)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, val in (("w:val", "thinThickSmallGap"), ("w:sz", "18"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), val)
    borders.append(bottom)
    line._p.get_or_add_pPr().append(borders)


def _table(b: _Builder, headers: list[str], rows: list[list[str]], widths: list[float], *, bold_last: int = 0) -> None:
    table = b.doc.add_table(rows=1 + len(rows), cols=len(headers))
    table.style = "Table Grid"
    table.autofit = False
    for i, column in enumerate(table.columns):
        column.width = Cm(widths[i])
    for r, values in enumerate([headers, *rows]):
        for c, value in enumerate(values):
            cell = table.rows[r].cells[c]
            cell.width = Cm(widths[c])
            for i, line in enumerate(str(value).split("\n")):
                p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
                run = p.add_run(line)
                run.font.size, run.bold = Pt(9.5), r == 0 or r > len(rows) - bold_last


def _heading(b: _Builder, text: str) -> None:
    p = b.para(text, bold=True, space_after=3)
    p.paragraph_format.space_before = Pt(10)
    p.paragraph_format.keep_with_next = True


@in_indonesian
def render_docx(laporan: Laporan, *, kop: Kop, place: str) -> bytes:
    lap, w = laporan, laporan.work
    b = _Builder()
    _kop(b, kop)
    b.para(lap.title, bold=True, center=True)
    b.para(w.assignment.title.upper(), bold=True, center=True)
    b.para(lap.period_text, center=True, space_after=8)
    for label, value in lap.fields:
        b.para(f"{label}\t:\t{value}", tabs=(Cm(4.6), Cm(5.0)), indent=Cm(5.0), hanging=Cm(5.0))

    _heading(b, "A. Pelaksana")
    headers = ["No.", "Nama / NIP", "Jabatan"] + (["Kedudukan dalam tim"] if w.is_team else [])
    rows = [[f"{i}.", f"{m.name}\nNIP. {m.nip}", m.jabatan] + ([m.role] if w.is_team else [])
            for i, m in enumerate(lap.members, 1)]  # fmt: skip
    _table(b, headers, rows, [1.0, 6.5, 5.5, 3.5] if w.is_team else [1.0, 8.0, 7.5])

    _heading(b, "B. Realisasi terhadap rencana")
    if lap.activities:
        b.para("Rencana pelaksanaan kegiatan:")
        _table(b, ["No.", "Kegiatan", "Keluaran", "Jadwal"],
               [[f"{i}.", a.name, a.output, f"{a.starts_on:%d-%m-%Y} s.d. {a.ends_on:%d-%m-%Y}"]
                for i, a in enumerate(lap.activities, 1)], [1.0, 6.0, 5.5, 4.0])  # fmt: skip
    else:
        b.para("Rencana pelaksanaan kegiatan tidak disusun.")
    b.para("Laporan kemajuan:").paragraph_format.space_before = Pt(6)
    if lap.reports:
        _table(b, ["No.", "Periode / disampaikan", "Penyusun", "Kemajuan", "Realisasi terhadap rencana"],
               [[f"{i}.", f"{r.span_text}\ndisampaikan {r.submitted_text}" + (" (terlambat)" if r.is_late else ""),
                 f"{r.author.full_name}\n{r.kind_words}", f"{r.progress}%", r.realisation]
                for i, r in enumerate(lap.reports, 1)], [1.0, 4.0, 3.5, 2.1, 5.9])  # fmt: skip
    else:
        b.para("Belum ada laporan kemajuan pada periode ini.")

    _heading(b, "C. Realisasi anggaran")
    budget = [[f"{a.name} — {bl.description}", bl.source_code, format_rupiah(bl.amount)]
              for a in lap.activities for bl in a.budget_lines.all()]  # fmt: skip
    budget.append(["Jumlah rencana anggaran", "", lap.planned])
    budget.append(["Realisasi anggaran" + ("" if lap.final else " s.d. periode ini"), "", lap.realised])
    _table(b, ["Kegiatan / uraian", "Sumber/kode DPA", "Rencana"], budget, [8.5, 4.5, 3.5], bold_last=2)

    _heading(b, "D. Bukti dukung")
    if lap.evidence:
        _table(b, ["No.", "Periode laporan", "Jenis", "Nama berkas / tautan"],
               [[f"{i}.", period, kind, name] for i, (period, name, kind) in enumerate(lap.evidence, 1)], [1.0, 5.0, 2.0, 8.5])  # fmt: skip
    else:
        b.para("Tidak ada bukti dukung yang dilampirkan.")

    _heading(b, "E. Umpan balik")
    if lap.feedback:
        _table(b, ["No.", "Tanggal", "Pemberi umpan balik", "Umpan balik"],
               [[f"{i}.", when, f"{who}\n{cap}", text] for i, (when, who, cap, text) in enumerate(lap.feedback, 1)],
               [1.0, 3.0, 4.5, 8.0])  # fmt: skip
    else:
        b.para("Tidak ada umpan balik yang dicatat.")

    _heading(b, "F. Kendala dan keputusan")
    if lap.problems:
        rows = []
        for i, p in enumerate(lap.problems, 1):
            recs = "\n".join(f"{n}. {r}" for n, r in enumerate(p.recommendations, 1))
            decisions = "\n".join(f"{d.text} ({d.who_text}, {d.when_text})" for d in p.decisions.all()) or "-"
            rows.append(
                [f"{i}.", f"{p.title}\n{p.description}\n{p.raised_by.full_name}, {p.when_text}", recs, decisions]
            )
        _table(b, ["No.", "Kendala", "Alternatif rekomendasi", "Keputusan"], rows, [1.0, 5.5, 5.0, 5.0])
    else:
        b.para("Tidak ada kendala yang disampaikan.")

    if lap.final:
        _heading(b, "G. Hasil pelaksanaan dan penerimaan")
        b.para(w.result_summary or "-", space_after=4)
        _table(b, ["Pengajuan", "Tahap reviu", "Peninjau", "Keputusan", "Oleh / tanggal", "Catatan"],
               [[str(r["round"]), r["label"], r["official"], r["status"], f"{r['who']}\n{r['when']}", r["notes"]]
                for r in lap.reviews], [2.3, 3.0, 2.9, 2.4, 3.0, 2.9])  # fmt: skip
        if lap.accepted_by:
            b.para(
                f"Hasil pelaksanaan diterima sesuai target oleh {lap.accepted_by}."
            ).paragraph_format.space_before = Pt(6)

    b.para("", space_after=10)
    for i, (text, bold) in enumerate(
        [
            (f"{place}, {lap.printed}", False),
            (f"{lap.lead.role},", False),
            ("", False),
            (lap.lead.name, True),
            (lap.lead.pangkat, False),
            (f"NIP. {lap.lead.nip}", False),
        ]
    ):
        p = b.para(text, bold=bold, indent=Cm(9))
        p.paragraph_format.keep_with_next = i < 5
        if i == 2:
            p.paragraph_format.space_after = Pt(24)
    note = b.para(
        "Laporan ini disusun oleh SiKerja dari catatan pelaksanaan penugasan: setiap laporan kemajuan, umpan balik, "
        "keputusan atas kendala dan keputusan reviu tercatat atas nama pejabat yang memberikannya pada tanggal yang "
        "tertera. Laporan ini bukan naskah dinas bernomor."
    )
    note.paragraph_format.space_before = Pt(14)
    note.runs[0].font.size = Pt(8.5)
    return b.bytes()
