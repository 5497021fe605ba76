"""The vertical flowchart of an SOP AP drawn on the server (PB-6), pure.

Pelaksana are columns, steps are rows (one per step, in order); each step is drawn in its
pelaksana's column with its symbol. Only the five symbols of PermenPANRB 35/2012 appear:
terminator (capsule), process (box), decision (diamond), arrow, and the off-page connector
(pentagon) wherever an arrow crosses a page break — the arrow ends at a pentagon at the foot of
one page and resumes from a pentagon with the same letter at the head of the page it leads to.

Each page is a list of primitives, written out as SVG (the PDF and the page) or as a PNG (the
DOCX, which cannot hold SVG) from the same geometry. A page has a band above and below its steps
for connectors, so the table around it gives each step row the same height (ROW) and the shapes
line up with the Kegiatan text."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from sikerja.processes.rules.steps import links
from sikerja.processes.rules.symbols import ARROW, DECISION, OFF_PAGE, PROCESS, TERMINATOR

COL = 90  # width of a pelaksana column (CSS px, 1/96 in)
ROW = 52  # height of a step row
BAND = 30  # connector band above and below the steps of a page
SHAPE_W, SHAPE_H = 56, 26


@dataclass
class Shape:
    symbol: str  # one of the five
    points: list[tuple[float, float]]  # polygon/polyline; a capsule or box: two corners
    label: str = ""
    label_at: tuple[float, float] | None = None


@dataclass
class Page:
    numbers: list[int]
    width: int
    height: int
    shapes: list[Shape] = field(default_factory=list)
    columns: int = 1
    col: int = COL
    index: int = 0  # page number, keeps the arrow marker's id unique in one document

    @property
    def symbols(self) -> set[str]:
        return {s.symbol for s in self.shapes}

    @property
    def svg(self) -> str:
        return to_svg(self)


def _letters():
    n = 0
    while True:
        n += 1
        k, s = n, ""
        while k:
            k, r = divmod(k - 1, 26)
            s = chr(65 + r) + s
        yield s


def _step_shape(symbol: str, cx: float, cy: float) -> Shape:
    w, h = SHAPE_W / 2, SHAPE_H / 2
    if symbol == DECISION:
        return Shape(DECISION, [(cx, cy - h - 4), (cx + w, cy), (cx, cy + h + 4), (cx - w, cy)])
    return Shape(symbol if symbol == TERMINATOR else PROCESS, [(cx - w, cy - h), (cx + w, cy + h)])


def _pentagon(cx: float, cy: float, label: str) -> Shape:
    s = 11
    pts = [(cx - s, cy - s), (cx + s, cy - s), (cx + s, cy + s * 0.3), (cx, cy + s), (cx - s, cy + s * 0.3)]
    return Shape(OFF_PAGE, pts, label, (cx, cy + 3))


def _arrow(points, label: str = "", side: bool = False) -> Shape:
    x, y = points[0]
    if not label:
        return Shape(ARROW, list(points))
    # "Ya" under the diamond; "Tidak" above the line leaving its right corner, kept in the column
    return Shape(ARROW, list(points), label, (x + 4, y - 6) if side else (x + 4, y + 10))


def draw_pages(steps, n_actors: int, rows: int = 10, col: int = COL) -> list[Page]:
    """``steps``: objects with no, actor (column index), symbol, yes_to, no_to; ``rows``: steps per page."""
    steps = sorted(steps, key=lambda s: s.no)
    if not steps:
        return []
    by_no = {s.no: s for s in steps}
    n_actors = max(n_actors, 1)
    width = n_actors * col
    pages = []
    for i in range(0, len(steps), rows):
        numbers = [s.no for s in steps[i : i + rows]]
        pages.append(
            Page(
                numbers=numbers,
                width=width,
                height=BAND * 2 + len(numbers) * ROW,
                columns=n_actors,
                col=col,
                index=len(pages),
            )
        )
    page_of = {no: p for p, page in enumerate(pages) for no in page.numbers}
    row_of = {no: i for page in pages for i, no in enumerate(page.numbers)}
    arrows: list[list[Shape]] = [[] for _ in pages]
    out_slots, in_slots = [0] * len(pages), [0] * len(pages)
    letters = _letters()

    def centre(no):
        return by_no[no].actor * col + col / 2, BAND + row_of[no] * ROW + ROW / 2

    gutter = col * 0.45
    for src, dst, label in links(steps):
        if dst not in by_no:
            continue
        (x1, y1), (x2, y2) = centre(src), centre(dst)
        p1, p2 = page_of[src], page_of[dst]
        decision = by_no[src].symbol == DECISION
        side = decision and label == "Tidak"  # "tidak" leaves from the right corner
        start = (x1 + SHAPE_W / 2, y1) if side else (x1, y1 + SHAPE_H / 2 + (4 if decision else 0))
        top2 = y2 - SHAPE_H / 2 - (4 if by_no[dst].symbol == DECISION else 0)
        if p1 == p2:
            if y2 > y1 and not side:
                mid = y1 + ROW / 2
                pts = [start, (x1, mid), (x2, mid), (x2, top2)]
            elif y2 > y1:
                gx = x1 + gutter
                pts = [start, (gx, y1), (gx, y2 - ROW / 2 + 6), (x2, y2 - ROW / 2 + 6), (x2, top2)]
            else:  # back up to an earlier step: along the gutter, into its right side
                gx = x1 + gutter
                pts = [start, (gx, start[1]), (gx, y2), (x2 + SHAPE_W / 2, y2)]
            arrows[p1].append(_arrow(pts, label, side))
            continue
        letter = next(letters)
        page1 = pages[p1]
        # leave at the foot of the source page, in the source's column
        bx = min(x1 + 24 * out_slots[p1], width - 12)
        out_slots[p1] += 1
        by = page1.height - BAND / 2
        sx = start[0] if not side else x1 + gutter
        pts = [start] + ([(sx, y1)] if side else []) + [(sx, by - 18), (bx, by - 18), (bx, by - 11)]
        arrows[p1].append(_arrow(pts, label, side))
        arrows[p1].append(_pentagon(bx, by, letter))
        # resume at the head of the target page, in the target's column
        tx = max(min(x2 - 24 * in_slots[p2], width - 12), 12)
        in_slots[p2] += 1
        ty = BAND / 2
        arrows[p2].append(_pentagon(tx, ty, letter))
        if row_of[dst] == 0:
            arrows[p2].append(_arrow([(tx, ty + 11), (tx, top2 - 6), (x2, top2 - 6), (x2, top2)]))
        else:  # deeper in the page: down the gutter, into the step's right side, past the others
            gx = x2 + gutter
            arrows[p2].append(_arrow([(tx, ty + 11), (tx, ty + 15), (gx, ty + 15), (gx, y2), (x2 + SHAPE_W / 2, y2)]))
    for p, page in enumerate(pages):
        page.shapes = arrows[p] + [_step_shape(by_no[no].symbol, *centre(no)) for no in page.numbers]
    return pages


# --- output ------------------------------------------------------------------------------------
STROKE = 'stroke="#000" stroke-width="1.3" fill="#fff"'


def _svg_shape(s: Shape, marker: str) -> str:
    if s.symbol in (TERMINATOR, PROCESS):
        (x0, y0), (x1, y1) = s.points
        r = (y1 - y0) / 2 if s.symbol == TERMINATOR else 0
        return f'<rect x="{x0:.1f}" y="{y0:.1f}" width="{x1 - x0:.1f}" height="{y1 - y0:.1f}" rx="{r:.1f}" {STROKE} data-symbol="{s.symbol}"/>'
    pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in s.points)
    if s.symbol == ARROW:
        d = " ".join(f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y) in enumerate(s.points))
        out = f'<path d="{d}" fill="none" stroke="#000" stroke-width="1.1" marker-end="url(#{marker})" data-symbol="panah"/>'
    else:
        out = f'<polygon points="{pts}" {STROKE} data-symbol="{s.symbol}"/>'
    if s.label and s.label_at:
        x, y = s.label_at
        anchor = "start" if s.symbol == ARROW and s.label != "Tidak" else "middle"
        out += f'<text x="{x:.1f}" y="{y:.1f}" font-size="9" text-anchor="{anchor}" font-family="sans-serif">{escape(s.label)}</text>'
    return out


def to_svg(page: Page) -> str:
    grid = "".join(
        f'<line x1="{i * page.col}" y1="0" x2="{i * page.col}" y2="{page.height}" stroke="#999" stroke-width="0.6"/>'
        for i in range(1, page.columns)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{page.width}" height="{page.height}" '
        f'viewBox="0 0 {page.width} {page.height}" role="img" aria-label="Diagram alir">'
        f'<defs><marker id="ah{page.index}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#000"/></marker></defs>'
        f"{grid}{''.join(_svg_shape(s, f'ah{page.index}') for s in page.shapes)}</svg>"
    )


def to_png(page: Page, scale: float = 2.0) -> bytes:
    """The same page as a PNG (for DOCX)."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (int(page.width * scale), int(page.height * scale)), "white")
    d = ImageDraw.Draw(img)
    z = lambda pts: [(x * scale, y * scale) for x, y in pts]  # noqa: E731
    for i in range(1, page.columns):
        d.line(z([(i * page.col, 0), (i * page.col, page.height)]), fill=(150, 150, 150), width=1)
    for s in page.shapes:
        if s.symbol == ARROW:
            pts = z(s.points)
            d.line(pts, fill="black", width=int(1.1 * scale))
            (xa, ya), (xb, yb) = pts[-2], pts[-1]
            ux, uy = (xb - xa), (yb - ya)
            n = max((ux * ux + uy * uy) ** 0.5, 1)
            ux, uy = ux / n * 6 * scale, uy / n * 6 * scale
            d.polygon(
                [(xb, yb), (xb - ux - uy / 2, yb - uy + ux / 2), (xb - ux + uy / 2, yb - uy - ux / 2)], fill="black"
            )
        elif s.symbol in (TERMINATOR, PROCESS):
            (x0, y0), (x1, y1) = z(s.points)
            r = (y1 - y0) / 2 if s.symbol == TERMINATOR else 0
            d.rounded_rectangle([x0, y0, x1, y1], radius=r, outline="black", fill="white", width=int(1.3 * scale))
        else:
            d.polygon(z(s.points), outline="black", fill="white", width=int(1.3 * scale))
        if s.label and s.label_at:
            x, y = s.label_at
            d.text((x * scale - (4 * scale if s.symbol == OFF_PAGE else 0), (y - 9) * scale), s.label, fill="black")
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()
