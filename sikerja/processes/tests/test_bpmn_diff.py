"""diff_maps: what changed between two versions of a map (issue 14, versions and reviews)."""

from pathlib import Path

import pytest

from sikerja.processes.bpmn import BpmnError, diff_maps
from sikerja.processes.bpmn.diff import diff_elements

FIXTURE = (Path(__file__).parent / "fixtures" / "cuti_camunda.bpmn").read_bytes()
pytestmark = pytest.mark.req("PB-4", "PB-3")

NEW_TASK = b"""    <bpmn:task id="Activity_Arsip" name="Arsipkan surat">
      <bpmn:incoming>Flow_5</bpmn:incoming>
      <bpmn:outgoing>Flow_6</bpmn:outgoing>
    </bpmn:task>
    <bpmn:sequenceFlow id="Flow_6" sourceRef="Activity_Arsip" targetRef="Event_Selesai" />
"""


def revised():
    """Version 2 of the fixture: a task renamed and made manual, one step added, one removed."""
    x = FIXTURE
    x = x.replace(b'name="Periksa kelengkapan berkas"', b'name="Periksa berkas permohonan"')
    x = x.replace(b'<bpmn:task id="Activity_Kembalikan"', b'<bpmn:manualTask id="Activity_Kembalikan"')
    x = x.replace(
        b"<bpmn:outgoing>Flow_4</bpmn:outgoing>\n    </bpmn:task>",
        b"<bpmn:outgoing>Flow_4</bpmn:outgoing>\n    </bpmn:manualTask>",
    )
    # the signed letter now goes to the archive before the end
    x = x.replace(
        b'<bpmn:sequenceFlow id="Flow_5" sourceRef="Activity_Terbitkan" targetRef="Event_Selesai" />',
        b'<bpmn:sequenceFlow id="Flow_5" sourceRef="Activity_Terbitkan" targetRef="Activity_Arsip" />\n' + NEW_TASK,
    )
    x = x.replace(
        b"<bpmn:flowNodeRef>Event_Selesai</bpmn:flowNodeRef>",
        b"<bpmn:flowNodeRef>Activity_Arsip</bpmn:flowNodeRef><bpmn:flowNodeRef>Event_Selesai</bpmn:flowNodeRef>",
    )
    x = x.replace(
        b'<bpmn:endEvent id="Event_Selesai" name="Izin terbit">\n      <bpmn:incoming>Flow_5</bpmn:incoming>',
        b'<bpmn:endEvent id="Event_Selesai" name="Izin terbit">\n      <bpmn:incoming>Flow_6</bpmn:incoming>',
    )
    # the text annotation and its association are gone
    start = x.index(b"<bpmn:textAnnotation")
    tail = b'targetRef="TextAnnotation_1q1" />'
    end = x.index(tail) + len(tail)
    x = x[:start] + x[end:]
    start = x.index(b'<bpmndi:BPMNShape id="TextAnnotation_1q1_di"')
    x = x[:start] + x[x.index(b"</bpmndi:BPMNShape>", start) + 19 :]
    start = x.index(b'<bpmndi:BPMNEdge id="Association_0a8_di"')
    x = x[:start] + x[x.index(b"</bpmndi:BPMNEdge>", start) + 18 :]
    # lane renamed to the unit's new name
    x = x.replace(b'name="Kepala Dinas"', b'name="Kepala Dinas Pendidikan"')
    return x


def test_added_removed_renamed_and_retyped_elements():
    d = diff_maps(FIXTURE, revised())
    assert [(c.id, c.type, c.name) for c in d.added] == [
        ("Activity_Arsip", "task", "Arsipkan surat"),
        ("Flow_6", "sequenceFlow", ""),
    ]
    # (associations are lines without a name of their own: not compared)
    assert [(c.id, c.type_label, c.name) for c in d.removed] == [
        ("TextAnnotation_1q1", "Catatan", "Paling lama 5 hari kerja"),
    ]
    assert [(c.id, c.old_name, c.name) for c in d.renamed] == [
        ("Lane_Kepala", "Kepala Dinas", "Kepala Dinas Pendidikan"),
        ("Activity_Periksa", "Periksa kelengkapan berkas", "Periksa berkas permohonan"),
    ]
    assert [(c.id, c.old_type_label, c.type_label) for c in d.retyped] == [
        ("Activity_Kembalikan", "Kegiatan", "Kegiatan manual")
    ]
    assert not d.is_empty


def test_same_map_has_no_changes():
    d = diff_maps(FIXTURE, FIXTURE)
    assert d.is_empty and (d.added, d.removed, d.renamed, d.retyped) == ([], [], [], [])


def test_layout_only_change_is_no_change():
    moved = FIXTURE.replace(b'<dc:Bounds x="320" y="120"', b'<dc:Bounds x="340" y="125"')
    assert diff_maps(FIXTURE, moved).is_empty


def test_a_refused_version_cannot_be_compared():
    with pytest.raises(BpmnError) as exc:
        diff_maps(FIXTURE, b"<bukan-xml")
    assert "bukan XML yang sah" in exc.value.messages[0]


def test_diff_of_element_tables():
    d = diff_elements({"a": ("task", "A"), "b": ("task", "B")}, {"a": ("task", "A2"), "c": ("endEvent", "")})
    assert [(c.id, c.old_name, c.name) for c in d.renamed] == [("a", "A", "A2")]
    assert [c.id for c in d.added] == ["c"] and [c.id for c in d.removed] == ["b"]
