"""Generated BPMN files: an empty map, and large ones for tests and the benchmark."""

from xml.sax.saxutils import quoteattr

NS_DECL = (
    'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
    'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" '
    'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" '
    'xmlns:di="http://www.omg.org/spec/DD/20100524/DI"'
)

# What "Peta baru" starts from (modeller.js carries the same text): one start event.
EMPTY_BPMN = f"""<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions {NS_DECL} id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="Process_1" isExecutable="false">
    <bpmn:startEvent id="StartEvent_1" name="Mulai" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Process_1">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
        <dc:Bounds x="180" y="160" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
""".encode()

_LANES = 5
_COLS = 20  # nodes per row inside a lane
_W, _H = 140, 110


def _layout(n_nodes):
    """Node i: its lane, and its (x, y, w, h). Tasks in rows of _COLS, lanes stacked."""
    per_lane = -(-n_nodes // _LANES)
    rows = -(-per_lane // _COLS)
    lane_h = rows * _H + 40
    out = []
    for i in range(n_nodes):
        lane, k = divmod(i, per_lane)
        row, col = divmod(k, _COLS)
        out.append((lane, 230 + col * _W, 100 + lane * lane_h + row * _H, lane_h))
    return out, lane_h


def make_large_bpmn(n_elements: int = 500) -> bytes:
    """A valid pool with 5 lanes and ``n_elements`` flow nodes in one chain, with diagram.

    Start event, tasks (every seventh an exclusive gateway), end event, joined by sequence
    flows; every node and flow has its BPMNShape/BPMNEdge, as a modeller writes them.
    """
    n = max(int(n_elements), 2)
    layout, lane_h = _layout(n)
    kinds = []
    for i in range(n):
        if i == 0:
            kinds.append("startEvent")
        elif i == n - 1:
            kinds.append("endEvent")
        elif i % 7 == 0:
            kinds.append("exclusiveGateway")
        else:
            kinds.append("task")
    sem, di, lanes = [], [], [[] for _ in range(_LANES)]
    for i, kind in enumerate(kinds):
        nid = f"Node_{i}"
        lanes[layout[i][0]].append(nid)
        inc = f"<bpmn:incoming>Flow_{i - 1}</bpmn:incoming>" if i else ""
        out = f"<bpmn:outgoing>Flow_{i}</bpmn:outgoing>" if i < n - 1 else ""
        name = quoteattr(f"Langkah {i} <uji & ukur>")
        sem.append(f'<bpmn:{kind} id="{nid}" name={name}>{inc}{out}</bpmn:{kind}>')
        _, x, y, _ = layout[i]
        w, h = (100, 80) if kind == "task" else (50, 50) if "Gateway" in kind else (36, 36)
        di.append(
            f'<bpmndi:BPMNShape id="{nid}_di" bpmnElement="{nid}">'
            f'<dc:Bounds x="{x}" y="{y}" width="{w}" height="{h}" /></bpmndi:BPMNShape>'
        )
    for i in range(n - 1):
        sem.append(f'<bpmn:sequenceFlow id="Flow_{i}" sourceRef="Node_{i}" targetRef="Node_{i + 1}" />')
        (_, x1, y1, _), (_, x2, y2, _) = layout[i], layout[i + 1]
        di.append(
            f'<bpmndi:BPMNEdge id="Flow_{i}_di" bpmnElement="Flow_{i}">'
            f'<di:waypoint x="{x1 + 100}" y="{y1 + 40}" />'
            f'<di:waypoint x="{x2}" y="{y2 + 40}" /></bpmndi:BPMNEdge>'
        )
    lane_xml, lane_di = [], []
    for k, members in enumerate(lanes):
        refs = "".join(f"<bpmn:flowNodeRef>{m}</bpmn:flowNodeRef>" for m in members)
        lane_xml.append(f'<bpmn:lane id="Lane_{k}" name="Unit {k + 1}">{refs}</bpmn:lane>')
        lane_di.append(
            f'<bpmndi:BPMNShape id="Lane_{k}_di" bpmnElement="Lane_{k}" isHorizontal="true">'
            f'<dc:Bounds x="190" y="{60 + k * lane_h}" width="{_COLS * _W + 80}" '
            f'height="{lane_h}" /></bpmndi:BPMNShape>'
        )
    total_h = _LANES * lane_h
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<bpmn:definitions {NS_DECL} id="Definitions_bench" '
        'targetNamespace="http://bpmn.io/schema/bpmn" exporter="SiKerja" exporterVersion="1">'
        '<bpmn:collaboration id="Collaboration_1">'
        '<bpmn:participant id="Participant_1" name="Peta uji" processRef="Process_1" />'
        "</bpmn:collaboration>"
        '<bpmn:process id="Process_1" name="Proses uji" isExecutable="false">'
        f'<bpmn:laneSet id="LaneSet_1">{"".join(lane_xml)}</bpmn:laneSet>'
        f"{''.join(sem)}</bpmn:process>"
        '<bpmndi:BPMNDiagram id="BPMNDiagram_1">'
        '<bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Collaboration_1">'
        '<bpmndi:BPMNShape id="Participant_1_di" bpmnElement="Participant_1" isHorizontal="true">'
        f'<dc:Bounds x="160" y="60" width="{_COLS * _W + 110}" height="{total_h}" />'
        "</bpmndi:BPMNShape>"
        f"{''.join(lane_di)}{''.join(di)}"
        "</bpmndi:BPMNPlane></bpmndi:BPMNDiagram></bpmn:definitions>\n"
    ).encode()


def make_large_svg(n_elements: int = 500) -> str:
    """An SVG shaped like bpmn-js's saveSVG output for a map of ``n_elements`` nodes."""
    n = max(int(n_elements), 2)
    layout, lane_h = _layout(n)
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n<!-- created with bpmn-js / http://bpmn.io -->\n'
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="{_COLS * _W + 300}" height="{_LANES * lane_h + 200}" version="1.1">'
        '<defs><marker id="sequenceflow-end" viewBox="0 0 20 20" refX="11" refY="10" '
        'markerWidth="10" markerHeight="10" orient="auto"><path d="M 1 5 L 11 10 L 1 15 Z" '
        'style="fill: black; stroke-width: 1px;"/></marker></defs>'
    ]
    for i, (_, x, y, _) in enumerate(layout):
        parts.append(
            f'<g class="djs-group"><g class="djs-element djs-shape" data-element-id="Node_{i}" '
            f'transform="matrix(1 0 0 1 {x} {y})"><g class="djs-visual">'
            '<rect x="0" y="0" width="100" height="80" rx="10" ry="10" '
            'style="stroke: #22242a; stroke-width: 2px; fill: white;"/>'
            '<text lineHeight="1.2" class="djs-label" style="font-family: Arial, sans-serif; '
            f'font-size: 12px;"><tspan x="12" y="43">Langkah {i} &lt;uji &amp; ukur&gt;</tspan>'
            "</text></g></g></g>"
        )
        if i:
            _, px, py, _ = layout[i - 1]
            parts.append(
                f'<g class="djs-group"><g class="djs-element djs-connection" '
                f'data-element-id="Flow_{i - 1}"><g class="djs-visual"><path '
                f'd="M{px + 100},{py + 40}L{x},{y + 40}" style="fill: none; stroke-width: 2px; '
                "stroke: #22242a; marker-end: url('#sequenceflow-end');\"/></g></g></g>"
            )
    parts.append("</svg>")
    return "".join(parts)
