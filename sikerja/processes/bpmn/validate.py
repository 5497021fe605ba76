"""validate_bpmn: the server's check of a BPMN 2.0 map before it is stored.

Order: safe parse (size, no DTD/entities, well-formed) -> the root is bpmn:definitions ->
the OMG XSD -> references resolve (the XSD types most references as QName, so a dangling one
passes the schema; bpmn-js then fails to open the file, hence these checks) -> ParsedMap.
"""

from .errors import BpmnError
from .model import (
    BPMN_NS,
    BPMNDI_NS,
    FLOW_NODE_TYPES,
    SIKERJA_NS,
    Flow,
    FlowNode,
    Lane,
    ParsedMap,
    Participant,
    Process,
    type_label,
)
from .safexml import MAX_BPMN_BYTES, parse_untrusted
from .schema import schema_messages

MAX_MESSAGES = 20
WHAT = "Berkas BPMN"

# (element local name, attribute) -> what the referenced element must be:
# "node" a flow node, "flow" a sequence flow, "process", "pool_or_node", or "any".
_ATTR_REFS = {
    ("sequenceFlow", "sourceRef"): "node",
    ("sequenceFlow", "targetRef"): "node",
    ("messageFlow", "sourceRef"): "pool_or_node",
    ("messageFlow", "targetRef"): "pool_or_node",
    ("association", "sourceRef"): "any",
    ("association", "targetRef"): "any",
    ("participant", "processRef"): "process",
    ("boundaryEvent", "attachedToRef"): "node",
    ("dataObjectReference", "dataObjectRef"): "any",
    ("dataStoreReference", "dataStoreRef"): "any",
}
_DEFAULT_HOLDERS = {"exclusiveGateway", "inclusiveGateway", "complexGateway"} | {
    t for t in FLOW_NODE_TYPES if t.endswith("Task") or t in {"task", "subProcess", "callActivity"}
}
_DEFINITION_REFS = ("messageRef", "signalRef", "errorRef", "escalationRef")
# Child elements whose text is a reference: (child local name) -> kind.
_TEXT_REFS = {"flowNodeRef": "node", "incoming": "flow", "outgoing": "flow"}
_DI_REF = {"BPMNShape", "BPMNEdge", "BPMNPlane"}
_CONTAINERS = {"process", "subProcess", "transaction", "adHocSubProcess"}
_KIND_WORDS = {
    "node": "kegiatan, peristiwa atau percabangan",
    "flow": "alur urutan",
    "process": "proses",
    "pool_or_node": "kolam, kegiatan, peristiwa atau percabangan",
}


def _local(el):
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _ns(el):
    tag = el.tag
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""


def _ref_id(value):
    # References are QNames ("bpmn:Task_1" is legal); ids themselves never contain ":".
    return (value or "").strip().rsplit(":", 1)[-1]


def _name(el):
    return " ".join((el.get("name") or "").split())


def _describe(el):
    kind = type_label(_local(el))
    name = _name(el)
    return f"{kind} «{name}»" if name else f"{kind} {el.get('id', '')}".rstrip()


def _fits(target, kind):
    t = _local(target)
    if _ns(target) != BPMN_NS:
        return False
    if kind == "any":
        return True
    if kind == "node":
        return t in FLOW_NODE_TYPES
    if kind == "flow":
        return t == "sequenceFlow"
    if kind == "process":
        return t == "process"
    return t in FLOW_NODE_TYPES or t == "participant"


def _check_ref(el, attr, value, kind, ids, out, owner=None):
    ref = _ref_id(value)
    if not ref:
        return
    target = ids.get(ref)
    # A reference written as a child element (<bpmn:incoming>) is described by its owner.
    where = f"Baris {el.sourceline}: {_describe(owner if owner is not None else el)}"
    if target is None:
        out.append(f"{where} merujuk «{ref}» ({attr}), yang tidak ada di peta.")
    elif not _fits(target, kind):
        out.append(f"{where} merujuk «{ref}» ({attr}), yang bukan {_KIND_WORDS.get(kind, 'elemen BPMN')}.")


def _collect_ids(root, out):
    ids, dupes = {}, set()
    for el in root.iter():
        i = el.get("id") if isinstance(el.tag, str) else None
        if i is None:
            continue
        if i in ids:
            dupes.add(i)
            out.append(
                f"Baris {el.sourceline}: id «{i}» dipakai lebih dari sekali (juga di baris {ids[i].sourceline})."
            )
        else:
            ids[i] = el
    return ids, dupes


def reference_messages(root):
    out = []
    ids, dupes = _collect_ids(root, out)
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        local, ns = _local(el), _ns(el)
        if ns == BPMN_NS:
            for (owner, attr), kind in _ATTR_REFS.items():
                if local == owner and el.get(attr) is not None:
                    _check_ref(el, attr, el.get(attr), kind, ids, out)
            if local in _DEFAULT_HOLDERS and el.get("default"):
                _check_ref(el, "default", el.get("default"), "flow", ids, out)
            if local.endswith("EventDefinition"):
                for attr in _DEFINITION_REFS:
                    if el.get(attr):
                        _check_ref(el, attr, el.get(attr), "any", ids, out)
            kind = _TEXT_REFS.get(local)
            if kind:
                _check_ref(el, local, el.text, kind, ids, out, owner=el.getparent())
            if local in {"sourceRef", "targetRef"} and _local(el.getparent()).startswith("data"):
                _check_ref(el, local, el.text, "any", ids, out, owner=el.getparent())
        elif ns == BPMNDI_NS and local in _DI_REF:
            value = el.get("bpmnElement")
            if value is not None and _ref_id(value) not in ids:
                out.append(
                    f"Baris {el.sourceline}: gambar {el.get('id', '')} pada diagram merujuk "
                    f"«{_ref_id(value)}», yang tidak ada di peta."
                )
    return out + flow_container_messages(root, ids), dupes


def _sikerja_ref(el):
    return " ".join((el.get(f"{{{SIKERJA_NS}}}ref") or "").split())[:100]


def _container(el):
    """The process or subprocess an element is drawn in (its nearest such ancestor)."""
    parent = el.getparent()
    while parent is not None and _local(parent) not in _CONTAINERS:
        parent = parent.getparent()
    return parent


def flow_container_messages(root, ids):
    """A sequence flow joins two nodes of its own process or subprocess; between pools, BPMN
    uses a message flow (bpmn-js enforces it; a hand-edited file may not)."""
    out = []
    for flow in root.iter(f"{{{BPMN_NS}}}sequenceFlow"):
        home = _container(flow)
        for attr in ("sourceRef", "targetRef"):
            target = ids.get(_ref_id(flow.get(attr)))
            if target is not None and _local(target) in FLOW_NODE_TYPES and _container(target) is not home:
                out.append(
                    f"Baris {flow.sourceline}: {_describe(flow)} menghubungkan {_describe(target)} "
                    "dari proses atau subproses lain; antarkolam gunakan alur pesan."
                )
    return out


def _enclosing_process(el):
    parent = el.getparent()
    while parent is not None:
        if _local(parent) == "process" and _ns(parent) == BPMN_NS:
            return parent.get("id", "")
        parent = parent.getparent()
    return ""


def build_map(root):
    pm = ParsedMap()
    lane_of = {}
    for el in root.iter():
        if not isinstance(el.tag, str) or _ns(el) != BPMN_NS:
            continue
        local, i, name = _local(el), el.get("id", ""), _name(el)
        if local == "process":
            pm.processes.append(Process(i, name))
        elif local == "participant":
            pm.participants.append(Participant(i, name, _ref_id(el.get("processRef")), _sikerja_ref(el)))
        elif local == "lane":
            refs = tuple(_ref_id(r.text) for r in el if _local(r) == "flowNodeRef" and r.text)
            pm.lanes.append(Lane(i, name, _enclosing_process(el), refs, _sikerja_ref(el)))
            for r in refs:
                lane_of[r] = i  # document order: a child lane comes after its parent
        elif local in FLOW_NODE_TYPES:
            pm.flow_nodes.append(FlowNode(i, name, local, _enclosing_process(el)))
        elif local in {"sequenceFlow", "messageFlow"}:
            pm.flows.append(Flow(i, name, local, _ref_id(el.get("sourceRef")), _ref_id(el.get("targetRef"))))
        elif local == "textAnnotation":
            text = next((c.text for c in el if _local(c) == "text"), "") or ""
            pm.elements[i] = (local, " ".join(text.split()))
            continue
        elif local in {"dataObjectReference", "dataStoreReference", "group"}:
            pm.elements[i] = (local, name)
            continue
        else:
            continue
        pm.elements[i] = (local, name)
    pm.flow_nodes = [FlowNode(n.id, n.name, n.type, n.process_id, lane_of.get(n.id, "")) for n in pm.flow_nodes]
    return pm


def _capped(messages):
    if len(messages) <= MAX_MESSAGES:
        return messages
    rest = len(messages) - MAX_MESSAGES
    return messages[:MAX_MESSAGES] + [f"… dan {rest} masalah lain."]


def validate_bpmn(xml: bytes | str) -> ParsedMap:
    """Check a BPMN 2.0 file (bytes) and return its ParsedMap; raise BpmnError otherwise."""
    root = parse_untrusted(xml, limit=MAX_BPMN_BYTES, what=WHAT)
    if _local(root) != "definitions" or _ns(root) != BPMN_NS:
        raise BpmnError(
            f"Baris {root.sourceline}: {WHAT} bukan BPMN 2.0: elemen akarnya harus "
            "bpmn:definitions dengan namespace BPMN 2.0 dari OMG."
        )
    refs, dupes = reference_messages(root)
    messages = schema_messages(root, skip_ids=dupes) + refs
    if messages:
        raise BpmnError(_capped(sorted(set(messages), key=_line_key)))
    pm = build_map(root)
    if not pm.processes and not pm.participants:
        raise BpmnError(f"{WHAT} tidak memuat proses apa pun.")
    return pm


def _line_key(message):
    # Messages start with "Baris N:"; keep them in file order.
    head = message.split(":", 1)[0]
    digits = "".join(c for c in head if c.isdigit())
    return (int(digits) if digits else 0, message)
