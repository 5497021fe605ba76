"""Minimal valid BPMN 2.0 (with diagram interchange, so bpmn-js opens it) for the demo region
and tests: one pool, a lane per unit or position, a start event, tasks in order, an end event.
The SVG beside it is a plain drawing of the same lanes and tasks (no script, escaped text)."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

NS = (
    'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
    'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" '
    'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" '
    'xmlns:di="http://www.omg.org/spec/DD/20100524/DI"'
)
LANE_H, TASK_W, TASK_H, STEP_X = 120, 100, 60, 150


def simple_bpmn(title: str, lanes: list[str], tasks: list[tuple[int, str]]) -> tuple[str, str]:
    """``tasks``: (lane index, name) in order. Returns (bpmn_xml, svg)."""
    nodes = [("StartEvent_1", "startEvent", tasks[0][0] if tasks else 0, "Mulai")]
    nodes += [(f"Activity_{i}", "task", lane, name) for i, (lane, name) in enumerate(tasks, 1)]
    nodes.append(("EndEvent_1", "endEvent", tasks[-1][0] if tasks else 0, "Selesai"))
    flows = [(f"Flow_{i}", a[0], b[0]) for i, (a, b) in enumerate(zip(nodes, nodes[1:], strict=False), 1)]
    incoming = {t: f for f, _, t in flows}
    outgoing = {s: f for f, s, _ in flows}
    width = 100 + STEP_X * len(nodes)
    pos = {}
    for i, (nid, kind, lane, _) in enumerate(nodes):
        x = 90 + i * STEP_X
        y = 10 + lane * LANE_H + LANE_H // 2
        pos[nid] = (x, y, kind)
    lane_xml, node_xml, di = [], [], []
    for li, name in enumerate(lanes):
        refs = "".join(f"<bpmn:flowNodeRef>{n[0]}</bpmn:flowNodeRef>" for n in nodes if n[2] == li)
        lane_xml.append(f'<bpmn:lane id="Lane_{li + 1}" name={quoteattr(name)}>{refs}</bpmn:lane>')
        di.append(
            f'<bpmndi:BPMNShape id="Lane_{li + 1}_di" bpmnElement="Lane_{li + 1}" isHorizontal="true">'
            f'<dc:Bounds x="40" y="{10 + li * LANE_H}" width="{width}" height="{LANE_H}"/></bpmndi:BPMNShape>'
        )
    for nid, kind, _, name in nodes:
        inner = (f"<bpmn:incoming>{incoming[nid]}</bpmn:incoming>" if nid in incoming else "") + (
            f"<bpmn:outgoing>{outgoing[nid]}</bpmn:outgoing>" if nid in outgoing else ""
        )
        node_xml.append(f"<bpmn:{kind} id={quoteattr(nid)} name={quoteattr(name)}>{inner}</bpmn:{kind}>")
        x, y, _ = pos[nid]
        w, h = (TASK_W, TASK_H) if kind == "task" else (36, 36)
        di.append(
            f'<bpmndi:BPMNShape id="{nid}_di" bpmnElement="{nid}"><dc:Bounds x="{x - w // 2}" y="{y - h // 2}" '
            f'width="{w}" height="{h}"/></bpmndi:BPMNShape>'
        )
    for fid, s, t in flows:
        node_xml.append(f'<bpmn:sequenceFlow id="{fid}" sourceRef="{s}" targetRef="{t}"/>')
        (x1, y1, k1), (x2, y2, k2) = pos[s], pos[t]
        x1 += TASK_W // 2 if k1 == "task" else 18
        x2 -= TASK_W // 2 if k2 == "task" else 18
        di.append(
            f'<bpmndi:BPMNEdge id="{fid}_di" bpmnElement="{fid}"><di:waypoint x="{x1}" y="{y1}"/>'
            f'<di:waypoint x="{(x1 + x2) // 2}" y="{y1}"/><di:waypoint x="{(x1 + x2) // 2}" y="{y2}"/>'
            f'<di:waypoint x="{x2}" y="{y2}"/></bpmndi:BPMNEdge>'
        )
    height = LANE_H * max(len(lanes), 1)
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions {NS} id="Definitions_1" '
        'targetNamespace="http://bpmn.io/schema/bpmn" exporter="SiKerja" exporterVersion="1">'
        f'<bpmn:collaboration id="Collaboration_1"><bpmn:participant id="Participant_1" name={quoteattr(title)} '
        'processRef="Process_1"/></bpmn:collaboration>'
        f'<bpmn:process id="Process_1" isExecutable="false"><bpmn:laneSet id="LaneSet_1">{"".join(lane_xml)}</bpmn:laneSet>'
        f"{''.join(node_xml)}</bpmn:process>"
        '<bpmndi:BPMNDiagram id="BPMNDiagram_1"><bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Collaboration_1">'
        f'<bpmndi:BPMNShape id="Participant_1_di" bpmnElement="Participant_1" isHorizontal="true">'
        f'<dc:Bounds x="10" y="10" width="{width + 30}" height="{height}"/></bpmndi:BPMNShape>'
        f"{''.join(di)}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram></bpmn:definitions>"
    )
    svg = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width + 50} {height + 20}" width="{width + 50}" height="{height + 20}">'
    ]
    for li, name in enumerate(lanes):
        y = 10 + li * LANE_H
        svg.append(f'<rect x="10" y="{y}" width="{width + 30}" height="{LANE_H}" fill="#fff" stroke="#333"/>')
        svg.append(f'<text x="16" y="{y + 16}" font-size="11" font-family="sans-serif">{escape(name[:40])}</text>')
    for _, s, t in flows:
        (x1, y1, _), (x2, y2, _) = pos[s], pos[t]
        svg.append(
            f'<path d="M{x1},{y1} L{(x1 + x2) // 2},{y1} L{(x1 + x2) // 2},{y2} L{x2},{y2}" fill="none" stroke="#000"/>'
        )
    for nid, kind, _, name in nodes:
        x, y, _ = pos[nid]
        if kind == "task":
            svg.append(f'<rect x="{x - 50}" y="{y - 30}" width="100" height="60" rx="8" fill="#fff" stroke="#000"/>')
        else:
            svg.append(
                f'<circle cx="{x}" cy="{y}" r="18" fill="#fff" stroke="#000" stroke-width="{3 if kind == "endEvent" else 1.5}"/>'
            )
        svg.append(
            f'<text x="{x}" y="{y + (4 if kind == "task" else 34)}" font-size="10" text-anchor="middle" font-family="sans-serif">{escape(name[:24])}</text>'
        )
    svg.append("</svg>")
    return xml, "".join(svg)
