"""The peta relasi (PB-5): which units and outside parties take part in which process,
generated from the participation links — a matrix and a simple two-column diagram."""

from __future__ import annotations

from xml.sax.saxutils import escape


def matrix(processes, participations) -> tuple[list[str], list[tuple[object, list[bool]]]]:
    """Columns (participant labels, owning units first) and a row of ticks per process."""
    columns: list[str] = []
    seen: set[str] = set()
    by_process: dict[int, set[str]] = {}
    for p in processes:
        by_process.setdefault(p.pk, set()).add(p.owning_unit.name)
        if p.owning_unit.name not in seen:
            seen.add(p.owning_unit.name)
            columns.append(p.owning_unit.name)
    for part in participations:
        label = part.label
        by_process.setdefault(part.process_id, set()).add(label)
        if label not in seen:
            seen.add(label)
            columns.append(label)
    rows = [(p, [c in by_process.get(p.pk, set()) for c in columns]) for p in processes]
    return columns, rows


def _clip(text: str, n: int = 38) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def diagram(columns: list[str], rows) -> str:
    """Processes on the left, participants on the right, a line for each link."""
    gap, width = 26, 760
    height = max(len(rows), len(columns), 1) * gap + 20
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="Diagram peta relasi" style="max-width:{width}px;font-family:sans-serif;font-size:11px">'
    ]
    lx, rx = 250, 510
    for i, (_process, ticks) in enumerate(rows):
        y = 20 + i * gap
        for j, tick in enumerate(ticks):
            if tick:
                out.append(
                    f'<line x1="{lx}" y1="{y}" x2="{rx}" y2="{20 + j * gap}" stroke="#5b7f95" stroke-width="1"/>'
                )
    for i, (process, _) in enumerate(rows):
        y = 20 + i * gap
        out.append(f'<rect x="4" y="{y - 10}" width="{lx - 4}" height="20" rx="4" fill="#e8f1f6" stroke="#5b7f95"/>')
        out.append(f'<text x="10" y="{y + 4}">{escape(_clip(process.code + " " + process.name))}</text>')
    for j, col in enumerate(columns):
        y = 20 + j * gap
        out.append(
            f'<rect x="{rx}" y="{y - 10}" width="{width - rx - 4}" height="20" rx="4" fill="#f4f1e6" stroke="#9a8a4a"/>'
        )
        out.append(f'<text x="{rx + 6}" y="{y + 4}">{escape(_clip(col))}</text>')
    out.append("</svg>")
    return "".join(out)
