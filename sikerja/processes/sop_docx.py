"""The SOP AP as DOCX (PB-6), with the PDF's layout: the identity block beside the kop, the six
fields in pairs, then per page the standard table — No narrow, Kegiatan wide, one column per
pelaksana holding the flowchart picture, the three mutu baku columns, Keterangan taking the rest.

Word reads a table's widths from its cells; LibreOffice lays it out from the table grid
(``w:tblGrid``) and the table width, and spreads the columns evenly when those say nothing. So
every table here states all three — grid, every cell's ``w:tcW`` and ``w:tblW`` — in twips, with
the fixed layout (``autofit = False``), and both programs show the same columns."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt

from sikerja.processes.rules import flowchart

EMU_PER_PX = 914400 // 96  # a CSS px (the PDF's unit) is 1/96 in
TWIPS_PER_PX = 15
MARGIN_MM = 12
HEAD_FILL = "EEEEEE"


def px(n: float) -> Emu:
    return Emu(int(round(n * EMU_PER_PX)))


def content_width(landscape: bool) -> int:
    """Width between the margins, in CSS px (A4, 12 mm margins)."""
    page_mm = 297 if landscape else 210
    return int((page_mm - 2 * MARGIN_MM) / 25.4 * 96)


# The order the schema gives the children of a table's and a cell's properties: Word refuses a
# file whose elements are out of it ("unreadable content").
TBL_PR = [
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
    "tblPrChange",
]
TC_PR = [
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
    "headers",
    "cellIns",
    "cellDel",
    "cellMerge",
    "tcPrChange",
]
CELL_MAR = ["top", "start", "left", "bottom", "end", "right"]


def _set(parent, tag: str, order: list[str], **attrs):
    """The child ``w:<tag>`` of ``parent`` (made, in schema order, if missing) with ``attrs``."""
    el = parent.find(qn(f"w:{tag}"))
    if el is None:
        el = OxmlElement(f"w:{tag}")
        later = {qn(f"w:{t}") for t in order[order.index(tag) + 1 :]}
        successor = next((child for child in parent if child.tag in later), None)
        if successor is None:
            parent.append(el)
        else:
            successor.addprevious(el)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), str(value))
    return el


def fix_widths(table, widths: list[int]) -> None:
    """Grid, cells and table width in twips, fixed layout. Call before merging cells (a merged
    cell adds up the widths of the cells it swallows)."""
    table.autofit = False
    tbl = table._tbl
    for grid_col, w in zip(tbl.tblGrid.gridCol_lst, widths, strict=True):
        grid_col.w = px(w)
    for row in table.rows:
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = px(w)
    _set(tbl.tblPr, "tblW", TBL_PR, w=sum(widths) * TWIPS_PER_PX, type="dxa")


def cell_margins(table, *, left_pt: float, right_pt: float, top_pt: float = 0, bottom_pt: float = 0) -> None:
    """Cell padding, and the indent that puts the table's left border on the page margin (Word
    and LibreOffice indent a table so that the first cell's text, not its border, starts there)."""
    mar = _set(table._tbl.tblPr, "tblCellMar", TBL_PR)
    for side, value in (("top", top_pt), ("left", left_pt), ("bottom", bottom_pt), ("right", right_pt)):
        _set(mar, side, CELL_MAR, w=int(value * 20), type="dxa")
    _set(table._tbl.tblPr, "tblInd", TBL_PR, w=int(left_pt * 20), type="dxa")


def no_margins(cell) -> None:
    mar = _set(cell._tc.get_or_add_tcPr(), "tcMar", TC_PR)
    for side in ("top", "left", "bottom", "right"):
        _set(mar, side, CELL_MAR, w=0, type="dxa")


def shade(cell, fill: str = HEAD_FILL) -> None:
    _set(cell._tc.get_or_add_tcPr(), "shd", TC_PR, val="clear", color="auto", fill=fill)


def write_lines(cell, lines, *, bold=False, size=None, center=False) -> None:
    """One paragraph per line (LibreOffice and Word agree on paragraphs, less so on breaks)."""
    for extra in cell.paragraphs[1:]:
        extra._element.getparent().remove(extra._element)
    for run in cell.paragraphs[0].runs:  # a fresh cell may hold an empty run
        run._element.getparent().remove(run._element)
    for n, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(line)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _logo(kop):
    if kop is None or not getattr(kop, "logo", None) or kop.logo_mime not in ("image/png", "image/jpeg"):
        return None
    return io.BytesIO(bytes(kop.logo))


def _head_cell(cell, text: str) -> None:
    write_lines(cell, [text], bold=True, size=8, center=True)
    shade(cell)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def identity(doc, ctx, kop, width: int) -> None:
    """Kop (logo, government, PD) on the left over six rows; label and value on the right —
    45 %, 28 %, 27 % of the width, as in the PDF."""
    v, ap = ctx["v"], ctx["approver"]
    rows = (
        ("Nomor SOP", [v.nomor or "-"]),
        ("Tanggal Pembuatan", [ctx["dates"]["made"]]),
        ("Tanggal Revisi", [ctx["dates"]["revised"]]),
        ("Tanggal Efektif", [ctx["dates"]["effective"]]),
        ("Disahkan oleh", [ap["position"], "", "", "", ap["name"], f"NIP {ap['nip']}"]),
        ("Nama SOP", [ctx["sop"].name.upper()]),
    )
    table = doc.add_table(rows=len(rows), cols=3)
    table.style = "Table Grid"
    left, label = int(width * 0.45), int(width * 0.28)
    fix_widths(table, [left, label, width - left - label])
    cell_margins(table, left_pt=3, right_pt=3, top_pt=2, bottom_pt=2)
    for r, (name, value) in enumerate(rows):
        write_lines(table.cell(r, 1), [name], bold=True)
        write_lines(table.cell(r, 2), value, bold=name == "Nama SOP")
    kop_cell = table.cell(0, 0).merge(table.cell(len(rows) - 1, 0))
    kop_cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    lines = [kop.government_name, kop.pd_name] if kop is not None else [""]
    write_lines(kop_cell, lines, bold=True, size=10, center=True)
    logo = _logo(kop)
    if logo is not None:
        first = kop_cell.paragraphs[0].insert_paragraph_before()
        first.alignment = WD_ALIGN_PARAGRAPH.CENTER
        first.add_run().add_picture(logo, height=Mm(22))


def pairs(doc, v, width: int) -> None:
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    half = width // 2
    for left, right in (
        (("Dasar Hukum", v.dasar_hukum), ("Kualifikasi Pelaksana", v.kualifikasi)),
        (("Keterkaitan", v.keterkaitan), ("Peralatan/Perlengkapan", v.peralatan)),
        (("Peringatan", v.peringatan), ("Pencatatan dan Pendataan", v.pencatatan)),
    ):
        row = table.add_row()
        row.height, row.height_rule = Mm(22), WD_ROW_HEIGHT_RULE.AT_LEAST
        for cell, (label, value) in zip(row.cells, (left, right), strict=True):
            write_lines(cell, [label + ":", *((value or "-").splitlines() or ["-"])])
            cell.paragraphs[0].runs[0].bold = True
    fix_widths(table, [half, width - half])
    cell_margins(table, left_pt=3, right_pt=3, top_pt=2, bottom_pt=2)


def steps_table(doc, ctx, page, widths: list[int]) -> None:
    actors, n = ctx["actors"], max(len(ctx["actors"]), 1)
    k = len(page["steps"])
    table = doc.add_table(rows=2 + k + 2, cols=len(widths))
    table.style = "Table Grid"
    fix_widths(table, widths)
    cell_margins(table, left_pt=3, right_pt=3)  # the PDF's cell padding
    head, sub = table.rows[0].cells, table.rows[1].cells
    _head_cell(table.cell(0, 0).merge(table.cell(1, 0)), "No")
    _head_cell(table.cell(0, 1).merge(table.cell(1, 1)), "Kegiatan")
    _head_cell(head[2] if n == 1 else head[2].merge(head[1 + n]), "Pelaksana")
    _head_cell(head[2 + n].merge(head[4 + n]), "Mutu Baku")
    _head_cell(table.cell(0, 5 + n).merge(table.cell(1, 5 + n)), "Keterangan")
    for i, a in enumerate(actors):
        _head_cell(sub[2 + i], a.position.name)
    for c, name in enumerate(("Kelengkapan", "Waktu", "Output")):
        _head_cell(sub[2 + n + c], name)
    # Rows of exactly the flowchart's geometry (a connector band, one row per step, a band) so
    # the picture, one cell spanning them all, lines its shapes up with the steps.
    for r, h in enumerate([flowchart.BAND] + [flowchart.ROW] * k + [flowchart.BAND], 2):
        table.rows[r].height = px(h)
        table.rows[r].height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
    for j, step in enumerate(page["steps"]):
        cells = table.rows[3 + j].cells
        values = [str(step.no), step.kegiatan, step.kelengkapan, step.waktu, step.output, step.keterangan]
        for c, value in zip([0, 1, 2 + n, 3 + n, 4 + n, 5 + n], values, strict=True):
            write_lines(cells[c], [value or ""], size=7.5, center=c == 0)
    pic = table.cell(2, 2).merge(table.cell(3 + k, 1 + n))
    no_margins(pic)
    for extra in pic.paragraphs[1:]:
        extra._element.getparent().remove(extra._element)
    paragraph = pic.paragraphs[0]
    paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = Pt(0)
    paragraph.add_run().add_picture(
        io.BytesIO(flowchart.to_png(page["page"])),
        width=px(min(page["page"].width, n * ctx["layout"].col)),
    )


def build(ctx: dict, kop=None) -> bytes:
    doc = Document()
    section = doc.sections[0]
    landscape = ctx["layout"].landscape
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Arial", Pt(8.5)
    style.paragraph_format.space_after = Pt(0)
    width = content_width(landscape)
    identity(doc, ctx, kop, width)
    doc.add_paragraph()
    pairs(doc, ctx["v"], width)
    widths = ctx["layout"].widths(max(len(ctx["actors"]), 1), width)
    for page in ctx["pages"]:
        doc.add_page_break()
        steps_table(doc, ctx, page, widths)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
