"""The kinerja documents as DOCX, built with python-docx from the same context as the PDF
(documents.skp_context, penetapan.penetapan_context): kop, title, the people, the tables and
the signature blocks. Column widths are set on the grid and on every cell, so Word and
LibreOffice both keep the tables inside the A4 page."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

FONT = "Arial"
PAGE_W, MARGIN_L, MARGIN_R = 21.0, 2.2, 1.8
CONTENT_W = PAGE_W - MARGIN_L - MARGIN_R  # 17 cm


class Builder:
    def __init__(self, size: float = 9.5) -> None:
        self.doc = Document()
        s = self.doc.sections[0]
        s.page_width, s.page_height = Cm(PAGE_W), Cm(29.7)
        s.left_margin, s.right_margin = Cm(MARGIN_L), Cm(MARGIN_R)
        s.top_margin, s.bottom_margin = Cm(1.5), Cm(1.6)
        style = self.doc.styles["Normal"]
        style.font.name, style.font.size = FONT, Pt(size)
        style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
        pf = style.paragraph_format
        pf.space_before, pf.space_after, pf.line_spacing = Pt(0), Pt(0), 1.0

    def para(self, text="", *, bold=False, center=False, size=None, before=0, after=0):
        p = self.doc.add_paragraph()
        if text:
            run = p.add_run(text)
            run.bold = bold
            if size:
                run.font.size = Pt(size)
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_before, p.paragraph_format.space_after = Pt(before), Pt(after)
        return p

    def kop(self, kop) -> None:
        """The unit's letterhead: logo beside the government and PD names, then the double rule."""
        t = self.doc.add_table(rows=1, cols=2)
        widths(t, [2.4, CONTENT_W - 2.4])
        logo, names = t.rows[0].cells
        if kop.logo and kop.logo_mime in ("image/png", "image/jpeg"):  # Word shows no SVG logo
            logo.paragraphs[0].add_run().add_picture(io.BytesIO(kop.logo), height=Cm(2))
        for i, (value, size) in enumerate(((kop.government_name, 12), (kop.pd_name, 14), (kop.address, 8))):
            p = names.paragraphs[0] if i == 0 else names.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = p.add_run(value)
            run.font.size, run.bold = Pt(size), size > 8
        rule = self.para(after=6)
        border(rule, "bottom", 18)

    def title(self, title: str, sub: str = "") -> None:
        self.para(title, bold=True, center=True, size=11.5, before=2)
        if sub:
            self.para(sub, center=True, after=6)

    def heading(self, text: str) -> None:
        self.para(text, bold=True, before=6, after=2)

    def grid(self, header: list[str], rows: list[list[str]], cms: list[float], *, size=None):
        """A bordered table; cells whose value is None are merged into the cell above."""
        t = self.doc.add_table(rows=1 + len(rows), cols=len(header))
        t.style = "Table Grid"
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        for c, value in enumerate(header):
            cell = t.cell(0, c)
            shade(cell, "EEEEEE")
            if value is None:  # a heading spanning the column on its left too
                t.cell(0, c - 1).merge(cell)
            else:
                write(cell, value, bold=True, size=size)
        for r, row in enumerate(rows, 1):
            for c, value in enumerate(row):
                if value is None:
                    above = t.cell(r - 1, c)
                    above.merge(t.cell(r, c))
                else:
                    write(t.cell(r, c), value, size=size)
        widths(t, cms)
        return t

    def pairs(self, rows: list[tuple[str, str]], label_w: float = 5.0):
        t = self.doc.add_table(rows=len(rows), cols=2)
        t.style = "Table Grid"
        for (label, value), row in zip(rows, t.rows, strict=True):
            write(row.cells[0], label, bold=True)
            write(row.cells[1], value)
        widths(t, [label_w, CONTENT_W - label_w])
        return t

    def signatures(self, place: str, date_text: str, signers: list[dict | None]) -> None:
        """Signature blocks side by side (no borders): place and date above the last one; a
        None leaves its column empty (a single signer on the right)."""
        self.para(after=6)
        # Two rows (who signs / the name) so the names line up however the positions wrap.
        t = self.doc.add_table(rows=2, cols=len(signers))
        for row in t.rows:
            keep_together(row)
        for i, s in enumerate(signers):
            if s is None:
                continue
            # The date line stays (empty) on the left so the blocks line up.
            top = [f"{place}, {date_text}" if i == len(signers) - 1 else ""]
            top += [x for x in (s["title"], s["position"]) if x]
            bottom = ["", "", "", s["name"], s.get("pangkat", ""), f"NIP. {s['nip']}"]
            for r, lines in ((0, top), (1, bottom)):
                cell = t.cell(r, i)
                for j, line in enumerate(lines):
                    p = cell.paragraphs[0] if j == 0 else cell.add_paragraph()
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    p.paragraph_format.keep_with_next = r == 0  # never a page between role and name
                    run = p.add_run(line)
                    if r == 1 and line == s["name"]:
                        run.bold = run.underline = True
        widths(t, [CONTENT_W / len(signers)] * len(signers))

    def bytes(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


def write(cell, value: str, *, bold=False, size=None) -> None:
    lines = str(value).split("\n") if value else ["–"]
    for i, line in enumerate(lines):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        run = p.add_run(line)
        run.bold = bold
        if size:
            run.font.size = Pt(size)


def widths(table, cms: list[float]) -> None:
    """Fixed column widths: on the grid (LibreOffice reads it) and on each cell (Word does)."""
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), cms, strict=True):
        col.set(qn("w:w"), str(int(Cm(w).twips)))
    for row in table.rows:
        for cell, w in zip(row.cells, cms, strict=False):
            cell.width = Cm(w)


def keep_together(row) -> None:
    """The row moves whole to the next page rather than split (a signature block)."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))


def shade(cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def border(paragraph, side: str, size: int) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    edge = OxmlElement(f"w:{side}")
    edge.set(qn("w:val"), "thickThinSmallGap")
    edge.set(qn("w:sz"), str(size))
    edge.set(qn("w:space"), "1")
    edge.set(qn("w:color"), "000000")
    bdr.append(edge)
    p_pr.append(bdr)


def _sub(ctx) -> str:
    period, skp = ctx["period"], ctx["skp"]
    if period is not None:
        return f"Periode {period} ({ctx['period_dates']})"
    return f"Tahun {skp.year} · versi {skp.version} · {skp.get_status_display()}"


def _work_rows(ctx) -> tuple[list[str], list[list[str | None]], list[float]]:
    skp, evaluation = ctx["skp"], ctx["evaluation"]
    ja = skp.form == "ja_jf"
    header = ["No", "RHK atasan yang diintervensi" if ja else "Perspektif", "Rencana hasil kerja", "Aspek",
              "Indikator kinerja individu", "Target"]  # fmt: skip
    cms = [0.8, 3.0, 3.6, 1.7, 5.0, 2.9]
    if evaluation:
        header += ["Realisasi berdasarkan bukti dukung", "Umpan balik berkelanjutan"]
        cms = [0.8, 2.2, 2.4, 1.8, 2.5, 1.7, 2.8, 2.8]
    rows: list[list[str | None]] = []
    for n, r in enumerate(ctx["rhks"], 1):
        left = r.intervened.text if (ja and r.intervened_id) else ("" if ja else r.get_perspektif_display())
        for k, i in enumerate(r.ikis.all()):
            first = k == 0
            row = [str(n) if first else None, (left or "–") if first else None,
                   f"{r.text} ({r.get_kind_display().lower()})" if first else None,
                   i.get_aspek_display() or "–", i.indikator, i.target]  # fmt: skip
            if evaluation:
                row += [getattr(i, "realised", "") or "–", "\n".join(r.feedback_texts) or "–" if first else None]
            rows.append(row)
    return header, rows, cms


def skp_document(ctx: dict) -> bytes:
    """The SKP (KIN-6) or, with an evaluation in the context, the dokumen evaluasi (KIN-11)."""
    b = Builder()
    b.kop(ctx["kop"])
    b.title(ctx["title"], _sub(ctx))
    rows = [[str(n), label, a, str(n), label, c] for n, (label, a, c) in enumerate(ctx["people"], 1)]
    b.grid(["No", "Pegawai yang dinilai", None, "No", "Pejabat penilai kinerja", None], rows,
           [0.9, 2.5, 5.1, 0.9, 2.5, 5.1])  # fmt: skip
    b.heading("Hasil kerja")
    header, work, cms = _work_rows(ctx)
    b.grid(header, work, cms, size=8.5)
    b.heading("Perilaku kerja")
    behaviour = [
        [str(n), str(e.get_value_display()), "; ".join(guides), e.text or "–"]
        for n, (e, guides) in enumerate(ctx["expectations"], 1)
    ]
    b.grid(["No", "Nilai", "Panduan perilaku", "Ekspektasi khusus pimpinan"], behaviour, [0.8, 3.2, 8.0, 5.0], size=8.5)
    evaluation, curve = ctx["evaluation"], ctx["curve"]
    if evaluation:
        b.heading("Hasil evaluasi")
        b.pairs(evaluation_rows(evaluation, curve))
    else:
        b.heading("Lampiran")
        skp = ctx["skp"]
        b.pairs([
            ("Dukungan sumber daya", skp.dukungan_sumber_daya or "–"),
            ("Skema pertanggungjawaban", skp.skema_pertanggungjawaban or "–"),
            ("Konsekuensi", skp.konsekuensi or "–"),
        ])  # fmt: skip
    b.signatures(ctx["place"], ctx["date_text"], ctx["signers"])
    return b.bytes()


def evaluation_rows(evaluation, curve) -> list[tuple[str, str]]:
    """The summary of a dokumen evaluasi, as the PDF shows it."""
    hasil = str(evaluation.get_rating_hasil_display())
    if evaluation.hasil_from_unit:
        hasil += " (capaian kinerja unit)"
    setting = curve.setting if curve else None
    if setting:
        org = f"{setting.get_rating_display()} — predikat {setting.get_predikat_display()}"
        bars = "; ".join(f"{b.label} {b.count}" for b in curve.bars)
        if curve.breaches:
            pola = f"{bars} — belum sesuai pola: " + " ".join(x.message for x in curve.breaches)
        else:
            pola = f"{bars} — sesuai pola"
    else:
        org, pola = "belum ditetapkan", "–"
    return [
        ("Rating hasil kerja", hasil),
        ("Rating perilaku kerja", str(evaluation.get_rating_perilaku_display())),
        ("Capaian kinerja organisasi", org),
        ("Pola distribusi", pola),
        (
            "Predikat kinerja pegawai",
            f"{evaluation.get_predikat_display()} ({evaluation.get_status_display().lower()})",
        ),
    ]
