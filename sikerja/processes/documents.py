"""The SOP AP document (PB-6) as PDF and DOCX, drawn on the server (no browser).

The PDF goes through the letters engine's HTML → WeasyPrint path (``html_to_pdf``: only
``data:`` URIs are fetched) with the region's kop (logo, government and PD names); the DOCX is
built with python-docx from the same layout (``sop_docx``). The page is landscape when the pelaksana columns
do not fit a portrait page; the steps are split into pages of ``rows_per_page`` rows with
off-page connectors (rules.flowchart) wherever the flow crosses a page."""

from __future__ import annotations

from dataclasses import dataclass

from django.template.loader import render_to_string

from sikerja.i18n import in_indonesian
from sikerja.letters.render import html_to_pdf
from sikerja.letters.rules import date_id
from sikerja.processes.rules import flowchart

# Page geometry in CSS px (96 per inch): A4 minus 12 mm margins.
PORTRAIT_W, LANDSCAPE_W = 702, 1032
PORTRAIT_ROWS, LANDSCAPE_ROWS = 15, 9
MIN_COL = 62  # a pelaksana column still holds the flowchart's shapes (56 px wide)
# The columns around the pelaksana: No, Kegiatan, the three mutu baku, Keterangan.
FIXED = (28, 190, 78, 78, 78, 100)
FIXED_COLUMNS = sum(FIXED)


@dataclass
class Layout:
    landscape: bool
    col: int
    rows: int
    fixed: tuple[int, ...] = FIXED  # No, Kegiatan, Kelengkapan, Waktu, Output, Keterangan (at least)

    def widths(self, n_actors: int, total: int) -> list[int]:
        """Every column of the steps table in px; Keterangan takes what is left of ``total``."""
        no, kegiatan, *mutu, keterangan = self.fixed
        used = no + kegiatan + sum(mutu) + n_actors * self.col
        return [no, kegiatan, *([self.col] * n_actors), *mutu, max(keterangan, total - used)]


def layout_for(n_actors: int) -> Layout:
    n = max(n_actors, 1)
    if FIXED_COLUMNS + n * flowchart.COL <= PORTRAIT_W:
        return Layout(False, flowchart.COL, PORTRAIT_ROWS)
    col = min(flowchart.COL, max(MIN_COL, (LANDSCAPE_W - FIXED_COLUMNS) // n))
    room = LANDSCAPE_W - n * col
    return Layout(True, col, LANDSCAPE_ROWS, FIXED if room >= FIXED_COLUMNS else _squeezed(room))


def _squeezed(room: int) -> tuple[int, ...]:
    """Many pelaksana (up to twelve): the text columns share what the flowchart leaves, in their
    usual proportions (No keeps its width), so the table stays on the landscape page."""
    scale = (room - FIXED[0]) / (FIXED_COLUMNS - FIXED[0])
    return (FIXED[0], *(int(w * scale) for w in FIXED[1:]))


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


@in_indonesian
def sop_docx(version, kop=None) -> bytes:
    """The same layout as the PDF, in python-docx (``sop_docx``: widths LibreOffice keeps too)."""
    from sikerja.processes.sop_docx import build

    return build(sop_context(version, kop), kop)


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
