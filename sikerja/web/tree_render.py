"""Render-ready rows for the unit tree and the org chart (issue 15 item 2).

A perangkat daerah can hold hundreds of units. Rendering them through one template include
and two ``{% url %}`` per node, and ``get_unit_type_display`` (which hashes every lazy choice
label on each call), cost most of the page. Here the URLs are built from a prefix reversed
once, the type labels are translated once, and the chart's nested tree becomes a flat list in
document order that one template loop renders.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext

from sikerja.organisation.choices import UnitType

_MARK = 987654321  # a placeholder pk, reversed once and replaced by each node's pk


def url_maker(name: str):
    """``pk -> URL`` of a one-pk route, reversing it once."""
    head, tail = reverse(name, args=[_MARK]).split(str(_MARK))
    return lambda pk: f"{head}{pk}{tail}"


def tree_nodes(units) -> list:
    """One level of the tree with ``detail_url``, ``children_url`` and ``type_label`` set."""
    detail, children = url_maker("web:unit_detail"), url_maker("web:unit_children")
    labels = {value: str(label) for value, label in UnitType.choices}
    nodes = list(units)
    for n in nodes:
        n.detail_url, n.children_url = detail(n.pk), children(n.pk)
        n.type_label = labels.get(n.unit_type, n.unit_type)
        n.show_type = n.type_label not in n.name
    return nodes


@dataclass
class ChartRow:
    """One box of the chart. After a box without children, its ``</li>`` and then ``closes``
    levels (``</ul></li>``) end the branches it was the last of."""

    pk: int
    name: str
    url: str
    leader: object
    staff_count: int
    children: int
    depth: int
    counts: str = ""  # "N pegawai · M unit"
    closes: range = range(0)

    @property
    def collapsed(self) -> bool:  # branches from the third level start closed
        return self.depth >= 2 and self.children > 0

    @property
    def folded(self) -> bool:
        return self.depth >= 2


def chart_rows(root: dict) -> list[ChartRow]:
    """The nested chart of ``selectors.org_chart`` in document order (pre-order)."""
    detail = url_maker("web:unit_detail")
    # The page's msgids, translated once instead of two {% blocktranslate %} per box.
    staff_words, unit_words = gettext("%(staff_count)s pegawai"), gettext("· %(children)s unit")
    rows: list[ChartRow] = []
    stack = [(root, 0, 0)]  # (node, depth, levels to close after it when it is a leaf)
    while stack:
        node, depth, closes = stack.pop()
        unit, kids = node["unit"], node["children"]
        counts = staff_words % {"staff_count": node["staff_count"]}
        if kids:
            counts += " " + unit_words % {"children": len(kids)}
        rows.append(
            ChartRow(unit.pk, unit.name, detail(unit.pk), node["leader"], node["staff_count"], len(kids), depth, counts)
        )
        if not kids:
            rows[-1].closes = range(closes)
            continue
        # The last child closes this node's list as well as whatever this node had to close.
        stack.append((kids[-1], depth + 1, closes + 1))
        stack.extend((child, depth + 1, 0) for child in reversed(kids[:-1]))
    return rows
