"""The SOP AP document (PB-6) as PDF and DOCX, drawn on the server (no browser).

The PDF goes through the letters engine's HTML → WeasyPrint path (``html_to_pdf``: only
``data:`` URIs are fetched) with the region's kop (logo, government and PD names); the DOCX is
built with python-docx from the same layout. The page is landscape when the pelaksana columns
do not fit a portrait page; the steps are split into pages of ``rows_per_page`` rows with
off-page connectors (rules.flowchart) wherever the flow crosses a page."""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.template.loader import render_to_string

from sikerja.i18n import in_indonesian
from sikerja.letters.render import html_to_pdf
from sikerja.letters.rules import date_id
from sikerja.processes.rules import flowchart

# Page geometry in CSS px (96 per inch): A4 minus 12 mm margins.
PORTRAIT_W, LANDSCAPE_W = 702, 1032
PORTRAIT_ROWS, LANDSCAPE_ROWS = 15, 9
FIXED_COLUMNS = 28 + 190 + 3 * 78 + 100  # No, Kegiatan, three mutu baku, Keterangan


@dataclass
class Layout:
    landscape: bool
    col: int
    rows: int


def layout_for(n_actors: int) -> Layout:
    n = max(n_actors, 1)
    if FIXED_COLUMNS + n * flowchart.COL <= PORTRAIT_W:
        return Layout(False, flowchart.COL, PORTRAIT_ROWS)
    col = min(flowchart.COL, max(62, (LANDSCAPE_W - FIXED_COLUMNS) // n))
    return Layout(True, col, LANDSCAPE_ROWS)


def sop_context(version, kop=None) -> dict:
    actors = list(version.actors.all())
    index = {a.pk: i for i, a in enumerate(actors)}
    steps = list(version.steps.all())
    for s in steps:
        s.column = index[s.actor_id]
    layout = layout_for(len(actors))
    pages = flowchart.draw_pages(
        [_Step(s.no, s.column, s.symbol, s.yes_to, s.no_to) for s in steps],
        len(actors),
        rows=layout.rows,
        col=layout.col,
    )
    by_no = {s.no: s for s in steps}
    return {
        "v": version,
        "sop": version.sop,
        "kop": kop,
        "actors": actors,
        "layout": layout,
        "row_h": flowchart.ROW,
        "band_h": flowchart.BAND,
        "pages": [
            {
                "page": p,
                "svg": p.svg,
                "steps": [by_no[n] for n in p.numbers],
                "first": p.numbers[0],
                "last": p.numbers[-1],
            }
            for p in pages
        ],
        "dates": {
            "made": date_id(version.made_on) if version.made_on else "-",
            "revised": date_id(version.revised_on) if version.revised_on else "-",
            "effective": date_id(version.effective_on) if version.effective_on else "-",
        },
        "approver": _approver(version),
    }


@dataclass
class _Step:
    no: int
    actor: int
    symbol: str
    yes_to: int | None
    no_to: int | None


def _approver(version) -> dict:
    if version.approver_name:  # as printed when approved
        return {"position": version.approver_position, "name": version.approver_name, "nip": version.approver_nip}
    a = version.approver
    if a is None:
        return {"position": "", "name": "", "nip": ""}
    return {"position": a.position.name if a.position_id else "", "name": a.full_name, "nip": a.nip}


def sop_html(context: dict) -> str:
    return render_to_string("processes/sop_document.html", context)


@in_indonesian  # the SOP is an official document: Bahasa Indonesia whatever the page (PLT-5)
def sop_pdf(version, kop=None) -> bytes:
    return html_to_pdf(sop_html(sop_context(version, kop)))


def _span(cells, a: int, b: int):
    return cells[a] if a == b else cells[a].merge(cells[b])


@in_indonesian
def sop_docx(version, kop=None) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.shared import Mm, Pt

    ctx = sop_context(version, kop)
    doc = Document()
    section = doc.sections[0]
    if ctx["layout"].landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    else:
        section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(12))
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Arial", Pt(9)
    v, ap = version, ctx["approver"]
    if kop is not None:
        doc.add_paragraph(f"{kop.government_name}\n{kop.pd_name}").runs[0].bold = True
    ident = doc.add_table(rows=0, cols=2)
    ident.style = "Table Grid"
    for label, value in (
        ("Nomor SOP", v.nomor or "-"),
        ("Tanggal Pembuatan", ctx["dates"]["made"]),
        ("Tanggal Revisi", ctx["dates"]["revised"]),
        ("Tanggal Efektif", ctx["dates"]["effective"]),
        ("Disahkan oleh", f"{ap['position']}\n\n\n{ap['name']}\nNIP {ap['nip']}"),
        ("Nama SOP", v.sop.name),
    ):
        cells = ident.add_row().cells
        cells[0].text, cells[1].text = label, value
    doc.add_paragraph()
    pairs = doc.add_table(rows=0, cols=2)
    pairs.style = "Table Grid"
    for left, right in (
        (("Dasar Hukum", v.dasar_hukum), ("Kualifikasi Pelaksana", v.kualifikasi)),
        (("Keterkaitan", v.keterkaitan), ("Peralatan/Perlengkapan", v.peralatan)),
        (("Peringatan", v.peringatan), ("Pencatatan dan Pendataan", v.pencatatan)),
    ):
        cells = pairs.add_row().cells
        for cell, (label, value) in zip(cells, (left, right), strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(label + ":").bold = True
            cell.add_paragraph(value or "-")
    actors = ctx["actors"]
    n = max(len(actors), 1)
    col = ctx["layout"].col
    widths = [28, 190] + [col] * n + [78, 78, 78, 100]
    for page in ctx["pages"]:
        doc.add_page_break()
        k = len(page["steps"])
        table = doc.add_table(rows=2 + k + 2, cols=len(widths))
        table.style = "Table Grid"
        table.autofit = False
        for row in table.rows:
            for cell, w in zip(row.cells, widths, strict=True):
                cell.width = Pt(w * 0.75)
        head, sub = table.rows[0].cells, table.rows[1].cells
        head[0].text, head[1].text = "No", "Kegiatan"
        _span(head, 2, 1 + n).text = "Pelaksana"
        _span(head, 2 + n, 4 + n).text = "Mutu Baku"
        head[5 + n].text = "Keterangan"
        for i, a in enumerate(actors):
            sub[2 + i].text = a.position.name
        sub[2 + n].text, sub[3 + n].text, sub[4 + n].text = "Kelengkapan", "Waktu", "Output"
        # Rows of exactly the flowchart's geometry (a connector band, one row per step, a band)
        # so the picture, one cell spanning them all, lines its shapes up with the steps.
        heights = [flowchart.BAND] + [flowchart.ROW] * k + [flowchart.BAND]
        for r, h in enumerate(heights, 2):
            table.rows[r].height = Pt(h * 0.75)
            table.rows[r].height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
        pic = table.cell(2, 2).merge(table.cell(3 + k, 1 + n))
        for extra in pic.paragraphs[1:]:
            extra._element.getparent().remove(extra._element)
        paragraph = pic.paragraphs[0]
        paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = Pt(0)
        paragraph.add_run().add_picture(io.BytesIO(flowchart.to_png(page["page"])), width=Pt(page["page"].width * 0.75))
        for j, step in enumerate(page["steps"]):
            cells = table.rows[3 + j].cells
            values = (
                [str(step.no), step.kegiatan] + [""] * n + [step.kelengkapan, step.waktu, step.output, step.keterangan]
            )
            for c, value in enumerate(values):
                if 2 <= c < 2 + n:
                    continue
                cells[c].text = value
                for par in cells[c].paragraphs:
                    for run in par.runs:
                        run.font.size = Pt(7.5)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# --- benchmark (issue 14: an SOP of 60 steps renders its PDF in a benchmarked time) -------------
class _Rows(list):
    def all(self):
        return self


def sample_version(n_steps: int = 60, n_actors: int = 5):
    """An unsaved SOP version of ``n_steps`` steps over ``n_actors`` pelaksana, with decisions
    looping back every ninth step: the benchmark renders it without a database."""
    from types import SimpleNamespace

    from sikerja.processes.models import SopVersion

    actors = _Rows(
        SimpleNamespace(pk=i + 1, position=SimpleNamespace(name=f"Jabatan pelaksana {i + 1}"), position_id=i + 1)
        for i in range(n_actors)
    )
    steps = _Rows()
    for no in range(1, n_steps + 1):
        symbol = "terminator" if no in (1, n_steps) else "keputusan" if no % 9 == 0 else "proses"
        steps.append(
            SimpleNamespace(
                no=no,
                kegiatan=f"Langkah {no}: mengolah berkas permohonan dan mencatatnya",
                actor_id=(no % n_actors) + 1,
                symbol=symbol,
                kelengkapan="Berkas",
                waktu="1 jam",
                output="Berkas olahan",
                keterangan="",
                yes_to=no + 1 if symbol == "keputusan" else None,
                no_to=max(2, no - 3) if symbol == "keputusan" else None,
            )
        )
    version = SopVersion(
        nomor="800/000/BENCH/2026",
        dasar_hukum="PermenPANRB 35/2012",
        approver_name="Pejabat Uji",
        approver_nip="197001012000031001",
    )
    sop = SimpleNamespace(name=f"SOP {n_steps} langkah", owning_unit_id=None)
    fields = {f.name: getattr(version, f.name) for f in SopVersion._meta.concrete_fields if not f.is_relation}
    return SimpleNamespace(**fields, sop=sop, approver=None, actors=actors, steps=steps)


def bench_pdf(n_steps: int = 60, n_actors: int = 5) -> tuple[float, int, int]:
    """(seconds, pages, bytes) of rendering the sample SOP's PDF."""
    import time

    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    version = sample_version(n_steps, n_actors)
    t0 = time.perf_counter()
    html = sop_html(sop_context(version))
    doc = HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).render()
    pdf = doc.write_pdf()
    return time.perf_counter() - t0, len(doc.pages), len(pdf)
