"""What a validated BPMN map contains, as plain data (no Django)."""

from dataclasses import dataclass, field

BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI_NS = "http://www.omg.org/spec/BPMN/20100524/DI"
DC_NS = "http://www.omg.org/spec/DD/20100524/DC"
DI_NS = "http://www.omg.org/spec/DD/20100524/DI"
# SiKerja's own extension attribute: sikerja:ref on a lane or pool names the unit or position
# of the region it stands for (set by the modeller's lane-name list; XSD-valid as ##other).
SIKERJA_NS = "urn:sikerja:bpmn:1"
PREFIXES = {BPMN_NS: "bpmn", BPMNDI_NS: "bpmndi", DC_NS: "dc", DI_NS: "di"}

# BPMN types shown to users, in Bahasa Indonesia (the map pages and the "what changed" page).
TYPE_LABELS = {
    "process": "Proses",
    "participant": "Kolam (pool)",
    "lane": "Lajur",
    "task": "Kegiatan",
    "userTask": "Kegiatan pengguna",
    "manualTask": "Kegiatan manual",
    "serviceTask": "Kegiatan layanan sistem",
    "sendTask": "Kegiatan kirim",
    "receiveTask": "Kegiatan terima",
    "scriptTask": "Kegiatan skrip",
    "businessRuleTask": "Kegiatan aturan bisnis",
    "callActivity": "Panggilan proses lain",
    "subProcess": "Subproses",
    "transaction": "Transaksi",
    "adHocSubProcess": "Subproses ad hoc",
    "startEvent": "Peristiwa awal",
    "endEvent": "Peristiwa akhir",
    "intermediateCatchEvent": "Peristiwa antara (tangkap)",
    "intermediateThrowEvent": "Peristiwa antara (lempar)",
    "boundaryEvent": "Peristiwa batas",
    "exclusiveGateway": "Percabangan eksklusif",
    "inclusiveGateway": "Percabangan inklusif",
    "parallelGateway": "Percabangan paralel",
    "complexGateway": "Percabangan kompleks",
    "eventBasedGateway": "Percabangan berbasis peristiwa",
    "sequenceFlow": "Alur urutan",
    "messageFlow": "Alur pesan",
    "dataObjectReference": "Objek data",
    "dataStoreReference": "Penyimpanan data",
    "textAnnotation": "Catatan",
    "association": "Asosiasi",
    "group": "Kelompok",
}

FLOW_NODE_TYPES = frozenset(
    {
        "task",
        "userTask",
        "manualTask",
        "serviceTask",
        "sendTask",
        "receiveTask",
        "scriptTask",
        "businessRuleTask",
        "callActivity",
        "subProcess",
        "transaction",
        "adHocSubProcess",
        "startEvent",
        "endEvent",
        "intermediateCatchEvent",
        "intermediateThrowEvent",
        "boundaryEvent",
        "exclusiveGateway",
        "inclusiveGateway",
        "parallelGateway",
        "complexGateway",
        "eventBasedGateway",
    }
)


def type_label(kind):
    """The Indonesian name of a BPMN element type (the type itself when unknown)."""
    return TYPE_LABELS.get(kind, kind)


@dataclass(frozen=True)
class Process:
    id: str
    name: str


@dataclass(frozen=True)
class Participant:
    id: str
    name: str
    process_id: str  # "" for a black-box pool (an outside party)
    ref: str = ""  # sikerja:ref, as on Lane


@dataclass(frozen=True)
class Lane:
    id: str
    name: str
    process_id: str
    flow_node_ids: tuple = ()
    ref: str = ""  # sikerja:ref — the id of the unit/position offered in the modeller, if chosen


@dataclass(frozen=True)
class FlowNode:
    id: str
    name: str
    type: str
    process_id: str
    lane_id: str = ""  # the innermost lane naming it, "" when none

    @property
    def type_label(self):
        return type_label(self.type)


@dataclass(frozen=True)
class Flow:
    id: str
    name: str
    type: str  # "sequenceFlow" or "messageFlow"
    source_id: str
    target_id: str


@dataclass
class ParsedMap:
    """A validated map: its processes, pools, lanes, flow nodes and flows, in file order."""

    processes: list = field(default_factory=list)
    participants: list = field(default_factory=list)
    lanes: list = field(default_factory=list)
    flow_nodes: list = field(default_factory=list)
    flows: list = field(default_factory=list)
    # Every named or diagrammed element by id: {id: (type, name)} — what diff_maps compares.
    elements: dict = field(default_factory=dict)

    @property
    def element_count(self):
        return len(self.elements)

    def lane_names(self):
        return [lane.name for lane in self.lanes if lane.name]
