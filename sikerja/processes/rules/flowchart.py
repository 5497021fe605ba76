"""The vertical flowchart of an SOP AP drawn on the server as SVG (PB-6), pure.

Pelaksana are columns, steps are rows (one per step, in order); each step is drawn in its
pelaksana's column with its symbol. Only the five symbols of PermenPANRB 35/2012 appear:
terminator (capsule), process (box), decision (diamond), arrow, and the off-page connector
(pentagon) wherever an arrow crosses a page break — the arrow ends at a pentagon at the foot of
one page and resumes from a pentagon with the same letter at the head of the page it leads to.
Each page is a separate SVG of ``rows`` steps with a band above and below for connectors, so
the table around it can give each step row the same height (ROW) and the shapes line up with
the Kegiatan text."""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from sikerja.processes.rules.steps import links
from sikerja.processes.rules.symbols import DECISION, OFF_PAGE, PROCESS, TERMINATOR

COL = 90  # width of a pelaksana column (px = 1/96 in at print)
ROW = 52  # height of a step row
BAND = 30  # connector band above and below the steps of a page
SHAPE_W, SHAPE_H = 56, 26
STROKE = 'stroke="#000" stroke-width="1.3" fill="#fff"'


@dataclass
class Page:
    first: int  # step number of the first row
    numbers: list[int]
    svg: str = ""
    symbols: set[str] = field(default_factory=set)


def _shape(symbol: str, cx: float, cy: float) -> str:
    w, h = SHAPE_W, SHAPE_H
    if symbol == TERMINATOR:
        return f'<rect x="{cx - w / 2}" y="{cy - h / 2}" width="{w}" height="{h}" rx="{h / 2}" ry="{h / 2}" {STROKE} data-symbol="terminator"/>'
    if symbol == DECISION:
        pts = f"{cx},{cy - h / 2 - 4} {cx + w / 2},{cy} {cx},{cy + h / 2 + 4} {cx - w / 2},{cy}"
        return f'<polygon points="{pts}" {STROKE} data-symbol="keputusan"/>'
    return f'<rect x="{cx - w / 2}" y="{cy - h / 2}" width="{w}" height="{h}" {STROKE} data-symbol="proses"/>'


def _pentagon(cx: float, cy: float, label: str, pointing_down: bool = True) -> str:
    s = 11
    pts = f"{cx - s},{cy - s} {cx + s},{cy - s} {cx + s},{cy + s * 0.3} {cx},{cy + s} {cx - s},{cy + s * 0.3}"
    return (
        f'<polygon points="{pts}" {STROKE} data-symbol="penghubung"/>'
        f'<text x="{cx}" y="{cy + 3}" font-size="10" text-anchor="middle" font-family="sans-serif">{escape(label)}</text>'
    )


def _arrow(points: list[tuple[float, float]], label: str = "") -> str:
    d = " ".join(f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y) in enumerate(points))
    out = f'<path d="{d}" fill="none" stroke="#000" stroke-width="1.1" marker-end="url(#arrowhead)" data-symbol="panah"/>'
    if label:
        x, y = points[0]
        out += f'<text x="{x + 4:.1f}" y="{y + 10:.1f}" font-size="9" font-family="sans-serif">{escape(label)}</text>'
    return out


def _letters():
    n = 0
    while True:
        n += 1
        k, s = n, ""
        while k:
            k, r = divmod(k - 1, 26)
            s = chr(65 + r) + s
        yield s


def draw_pages(steps, n_actors: int, rows: int = 10) -> list[Page]:
    """``steps``: objects with no, actor (column index), symbol, yes_to, no_to; ``rows``: steps per page."""
    steps = sorted(steps, key=lambda s: s.no)
    by_no = {s.no: s for s in steps}
    pages = [Page(first=steps[i].no, numbers=[s.no for s in steps[i : i + rows]]) for i in range(0, len(steps), rows)]
    page_of = {no: p for p, page in enumerate(pages) for no in page.numbers}
    width = max(n_actors, 1) * COL
    height = BAND * 2 + rows * ROW
    parts: list[list[str]] = [[] for _ in pages]
    bottom_slots = [0] * len(pages)
    top_slots = [0] * len(pages)
    letters = _letters()

    def centre(no):
        s = by_no[no]
        row = page_of_index[no]
        return s.actor * COL + COL / 2, BAND + row * ROW + ROW / 2

    page_of_index = {no: i for page in pages for i, no in enumerate(page.numbers)}
    for src, dst, label in links(steps):
        if dst not in by_no:
            continue
        (x1, y1), (x2, y2) = centre(src), centre(dst)
        p1, p2 = page_of[src], page_of[dst]
        decision = by_no[src].symbol == DECISION
        start = (x1, y1 + SHAPE_H / 2 + (4 if decision else 0))
        if label == "Tidak" and decision:  # the "tidak" branch leaves from the right corner
            start = (x1 + SHAPE_W / 2, y1)
        if p1 == p2:
            if y2 > y1:
                if start[0] != x1:  # right corner: out, then down the column gutter
                    gx = x1 + COL * 0.45
                    pts = [start, (gx, y1), (gx, y2 - ROW / 2 + 6), (x2, y2 - ROW / 2 + 6), (x2, y2 - SHAPE_H / 2)]
                else:
                    mid = y1 + ROW / 2
                    pts = [start, (x1, mid), (x2, mid), (x2, y2 - SHAPE_H / 2)]
            else:  # back up to an earlier step: along the gutter to its right side
                gx = x1 + COL * 0.45 if start[0] != x1 else x1 + COL * 0.45
                pts = [start, (gx, start[1]), (gx, y2), (x2 + SHAPE_W / 2, y2)]
            parts[p1].append(_arrow(pts, label))
            continue
        letter = next(letters)
        # leave at the foot of the source page, in the source's column
        bx = min(x1 + 14 * bottom_slots[p1], width - 12)
        bottom_slots[p1] += 1
        by = BAND + rows * ROW + BAND / 2
        parts[p1].append(_arrow([start, (start[0], by - 18), (bx, by - 18), (bx, by - 11)], label))
        parts[p1].append(_pentagon(bx, by, letter))
        pages[p1].symbols.add(OFF_PAGE)
        # resume at the head of the target page, in the target's column
        tx = min(x2 - 14 * top_slots[p2], width - 12)
        top_slots[p2] += 1
        ty = BAND / 2
        parts[p2].append(_pentagon(tx, ty, letter))
        parts[p2].append(_arrow([(tx, ty + 11), (tx, y2 - SHAPE_H / 2 - 8), (x2, y2 - SHAPE_H / 2 - 8), (x2, y2 - SHAPE_H / 2)]))
        pages[p2].symbols.add(OFF_PAGE)
    for p, page in enumerate(pages):
        shapes = []
        for no in page.numbers:
            s = by_no[no]
            cx, cy = centre(no)
            shapes.append(_shape(s.symbol, cx, cy))
            page.symbols.add(s.symbol if s.symbol in (TERMINATOR, DECISION) else PROCESS)
        grid = "".join(
            f'<line x1="{i * COL}" y1="0" x2="{i * COL}" y2="{height}" stroke="#999" stroke-width="0.6"/>' for i in range(1, n_actors)
        )
        if parts[p]:
            page.symbols.add("panah")
        page.svg = (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
            f'role="img" aria-label="Diagram alir halaman {p + 1}">'
            '<defs><marker id="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
            'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#000"/></marker></defs>'
            f"{grid}{''.join(parts[p])}{''.join(shapes)}</svg>"
        )
    return pages
