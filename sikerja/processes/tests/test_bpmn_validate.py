"""validate_bpmn: what the server accepts as a BPMN 2.0 map, and how it refuses (issue 14)."""

import time
from pathlib import Path

import pytest

from sikerja.processes.bpmn import (
    EMPTY_BPMN,
    MAX_BPMN_BYTES,
    BpmnError,
    make_large_bpmn,
    validate_bpmn,
)

FIXTURE = (Path(__file__).parent / "fixtures" / "cuti_camunda.bpmn").read_bytes()
pytestmark = pytest.mark.req("PB-5")


def refused(xml):
    with pytest.raises(BpmnError) as exc:
        validate_bpmn(xml)
    return exc.value.messages


def line_of(needle, xml=FIXTURE):
    return xml[: xml.index(needle)].count(b"\n") + 1


def test_camunda_modeler_file_is_read_into_lanes_nodes_and_flows():
    pm = validate_bpmn(FIXTURE)
    assert [(p.id, p.name) for p in pm.processes] == [("Process_Cuti", "Pelayanan cuti")]
    assert [(p.name, p.process_id) for p in pm.participants] == [
        ("Permohonan cuti tahunan", "Process_Cuti"),
        ("Pegawai pemohon", ""),
    ]
    assert [(lane.id, lane.name) for lane in pm.lanes] == [
        ("Lane_Subbag", "Subbagian Umum dan Kepegawaian"),
        ("Lane_Kepala", "Kepala Dinas"),
    ]
    nodes = {n.id: n for n in pm.flow_nodes}
    assert len(nodes) == 7
    assert (nodes["Activity_Periksa"].type, nodes["Activity_Periksa"].lane_id) == ("userTask", "Lane_Subbag")
    assert nodes["Activity_Terbitkan"].lane_id == "Lane_Kepala"
    assert nodes["Gateway_Lengkap"].type_label == "Percabangan eksklusif"
    assert {n.process_id for n in pm.flow_nodes} == {"Process_Cuti"}
    flows = {f.id: f for f in pm.flows}
    assert (flows["Flow_Ya"].name, flows["Flow_Ya"].source_id, flows["Flow_Ya"].target_id) == (
        "ya",
        "Gateway_Lengkap",
        "Activity_Terbitkan",
    )
    assert (flows["Flow_Pesan_Hasil"].type, flows["Flow_Pesan_Hasil"].target_id) == (
        "messageFlow",
        "Participant_Pegawai",
    )
    assert pm.elements["TextAnnotation_1q1"] == ("textAnnotation", "Paling lama 5 hari kerja")
    assert pm.lane_names() == ["Subbagian Umum dan Kepegawaian", "Kepala Dinas"]


def test_empty_new_map_and_text_input_are_accepted():
    pm = validate_bpmn(EMPTY_BPMN)
    assert [(n.id, n.type) for n in pm.flow_nodes] == [("StartEvent_1", "startEvent")]
    assert validate_bpmn(FIXTURE.decode()).processes[0].id == "Process_Cuti"
    assert validate_bpmn(b"\xef\xbb\xbf" + FIXTURE).processes  # a BOM is fine


def test_malformed_xml_says_where():
    broken = FIXTURE.replace(b"</bpmn:userTask>", b"</bpmn:task>", 1)
    (msg,) = refused(broken)
    assert msg.startswith(f"Baris {line_of(b'</bpmn:userTask>')}: ")
    assert "bukan XML yang sah" in msg and "tag pembuka dan penutup tidak cocok" in msg
    assert "kosong" in refused(b"  \n")[0]
    assert "terpotong" in refused(FIXTURE[:2000])[0]


def test_other_xml_is_not_bpmn():
    (msg,) = refused(b'<svg xmlns="http://www.w3.org/2000/svg"/>')
    assert "bukan BPMN 2.0" in msg and "bpmn:definitions" in msg
    # BPMN 1.x-era or misspelt namespace
    (msg,) = refused(FIXTURE.replace(b"BPMN/20100524/MODEL", b"BPMN/2009/MODEL", 1))
    assert "bukan BPMN 2.0" in msg


@pytest.mark.parametrize(
    ("old", "new", "needle", "expected"),
    [
        (
            b'sourceRef="Activity_Periksa" targetRef="Gateway_Lengkap"',
            b'sourceRef="Activity_Periksa" targetRef="Gateway_Hilang"',
            b"Gateway_Hilang",
            "alur urutan Flow_2 merujuk «Gateway_Hilang» (targetRef), yang tidak ada di peta.",
        ),
        (
            b"<bpmn:flowNodeRef>Event_Selesai</bpmn:flowNodeRef>",
            b"<bpmn:flowNodeRef>Event_Lain</bpmn:flowNodeRef>",
            b"Event_Lain",
            "lajur «Kepala Dinas» merujuk «Event_Lain» (flowNodeRef), yang tidak ada di peta.",
        ),
        (
            b'bpmnElement="Activity_Kembalikan"',
            b'bpmnElement="Activity_Dihapus"',
            b"Activity_Dihapus",
            "gambar Activity_Kembalikan_di pada diagram merujuk «Activity_Dihapus», yang tidak ada",
        ),
        (
            b'targetRef="Participant_Pegawai"',
            b'targetRef="Participant_Luar"',
            b"Participant_Luar",
            "alur pesan «Surat izin cuti» merujuk «Participant_Luar» (targetRef), yang tidak ada",
        ),
        (
            b'processRef="Process_Cuti"',
            b'processRef="Process_Lain"',
            b"Process_Lain",
            "kolam (pool) «Permohonan cuti tahunan» merujuk «Process_Lain» (processRef)",
        ),
        (
            b"<bpmn:incoming>Flow_5</bpmn:incoming>",
            b"<bpmn:incoming>Flow_9</bpmn:incoming>",
            b"Flow_9",
            "peristiwa akhir «Izin terbit» merujuk «Flow_9» (incoming), yang tidak ada di peta.",
        ),
        (
            b'default="Flow_Tidak"',
            b'default="Flow_Entah"',
            b"Flow_Entah",
            "percabangan eksklusif «Lengkap?» merujuk «Flow_Entah» (default)",
        ),
        # exists, but is the wrong kind of element
        (
            b'sourceRef="Activity_Kembalikan" targetRef="Event_Dikembalikan"',
            b'sourceRef="Activity_Kembalikan" targetRef="Lane_Kepala"',
            b'targetRef="Lane_Kepala"',
            "merujuk «Lane_Kepala» (targetRef), yang bukan kegiatan, peristiwa atau percabangan.",
        ),
        (
            b'processRef="Process_Cuti"',
            b'processRef="Activity_Periksa"',
            b'processRef="Activity_Periksa"',
            "merujuk «Activity_Periksa» (processRef), yang bukan proses.",
        ),
    ],
)
def test_dangling_references_are_refused_with_line_and_id(old, new, needle, expected):
    assert FIXTURE.count(old) == 1
    broken = FIXTURE.replace(old, new)
    messages = refused(broken)
    line = line_of(needle, broken)
    matching = [m for m in messages if expected.lower() in m.lower()]
    assert matching, messages
    assert matching[0].startswith(f"Baris {line}: ")


def test_qualified_references_resolve():
    # A QName reference with a prefix ("bpmn:Id") is legal BPMN; it resolves like a bare id.
    ok = FIXTURE.replace(b'processRef="Process_Cuti"', b'processRef="bpmn:Process_Cuti"')
    assert validate_bpmn(ok).participants[0].process_id == "Process_Cuti"


def test_schema_errors_are_in_indonesian_with_lines():
    broken = (
        FIXTURE.replace(b'<bpmn:task id="Activity_Kembalikan"', b'<bpmn:task warna="merah" id="Activity_Kembalikan"')
        .replace(b'<bpmn:sequenceFlow id="Flow_4" sourceRef="Activity_Kembalikan"', b'<bpmn:sequenceFlow id="Flow_4"')
        .replace(b'<dc:Bounds x="450" y="300"', b'<dc:Bounds x="empat" y="300"')
    )
    messages = refused(broken)
    assert f"Baris {line_of(b'warna=', broken)}: atribut warna tidak dikenal pada elemen bpmn:task." in messages
    flow4 = line_of(b'<bpmn:sequenceFlow id="Flow_4"', broken)
    assert f"Baris {flow4}: elemen bpmn:sequenceFlow wajib memiliki atribut sourceRef." in messages
    assert any("«empat» pada atribut x elemen dc:Bounds harus bilangan" in m for m in messages)
    assert not any("not expected" in m or "is required" in m or "{http" in m for m in messages)


def test_unknown_element_is_refused():
    broken = FIXTURE.replace(b"<bpmn:laneSet", b"<bpmn:kotak id='X1'/><bpmn:laneSet")
    messages = refused(broken)
    assert f"Baris {line_of(b'bpmn:kotak', broken)}: elemen bpmn:kotak tidak dikenal" in messages[0]


def test_duplicate_ids_are_reported_once_each():
    broken = FIXTURE.replace(b'<bpmn:task id="Activity_Kembalikan"', b'<bpmn:task id="Activity_Periksa"')
    messages = refused(broken)
    dup = [m for m in messages if "«Activity_Periksa» dipakai lebih dari sekali" in m]
    assert len(dup) == 1
    first = line_of(b'id="Activity_Periksa"')
    assert f"(juga di baris {first})" in dup[0]
    assert not any("tidak sah atau sudah dipakai" in m for m in messages)


def test_many_problems_are_capped():
    broken = (
        FIXTURE.replace(b"<bpmn:incoming>", b"<bpmn:incoming>X")
        .replace(b"<bpmn:outgoing>", b"<bpmn:outgoing>X")
        .replace(b"<bpmn:flowNodeRef>", b"<bpmn:flowNodeRef>X")
        .replace(b'bpmnElement="', b'bpmnElement="X')
    )
    messages = refused(broken)
    assert len(messages) == 21
    assert messages[-1].startswith("… dan ") and messages[-1].endswith(" masalah lain.")


def test_definitions_without_a_process_is_refused():
    xml = b'<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x"/>'
    assert refused(xml) == ["Berkas BPMN tidak memuat proses apa pun."]


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x">
  <bpmn:process id="P" name="&lol9;"/>
</bpmn:definitions>
"""


def test_billion_laughs_is_refused_at_once():
    started = time.perf_counter()
    (msg,) = refused(BILLION_LAUGHS)
    assert time.perf_counter() - started < 1
    assert msg.startswith("Baris 2: ") and "DOCTYPE/ENTITY" in msg and "tidak diterima" in msg


@pytest.mark.parametrize(
    "doctype",
    [
        b'<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        b'<!DOCTYPE d [<!ENTITY % p SYSTEM "http://127.0.0.1:9/evil.dtd"> %p;]>',
        b'<!DOCTYPE d SYSTEM "http://127.0.0.1:9/evil.dtd">',
        b"<!DOCTYPE d>",
    ],
)
def test_external_entities_and_any_dtd_are_refused(doctype):
    xml = FIXTURE.replace(b"<bpmn:definitions", doctype + b"\n<bpmn:definitions", 1)
    xml = xml.replace(b'name="Pelayanan cuti"', b'name="&xxe;"')
    (msg,) = refused(xml)
    assert "DOCTYPE" in msg and "root:" not in msg
    assert msg.startswith("Baris 2: ")


def test_undeclared_entity_is_a_syntax_error_not_a_lookup():
    (msg,) = refused(FIXTURE.replace(b'name="Pelayanan cuti"', b'name="&xxe;"'))
    assert "entitas yang tidak dikenal" in msg


def test_oversize_file_is_refused_before_parsing():
    just_over = FIXTURE + b" " * (MAX_BPMN_BYTES - len(FIXTURE) + 1)
    (msg,) = refused(just_over)
    assert msg == "Berkas BPMN terlalu besar (5,0 MB); paling besar 5,0 MB."
    assert validate_bpmn(FIXTURE + b" " * (MAX_BPMN_BYTES - len(FIXTURE)))  # the limit itself is fine
    upload = b"<" * (50 * 1024 * 1024)  # a 50 MB upload: refused without being read as XML
    started = time.perf_counter()
    (msg,) = refused(upload)
    assert time.perf_counter() - started < 1
    assert msg == "Berkas BPMN terlalu besar (50,0 MB); paling besar 5,0 MB."


def test_non_utf8_file_is_refused_clearly():
    utf16 = FIXTURE.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    (msg,) = refused(utf16)
    assert "harus memakai pengodean UTF-8" in msg
    latin1 = FIXTURE.replace(b"Kepala Dinas", "Kepala Dinas Pendidikan dan Kebudayaan é".encode("latin-1"))
    (msg,) = refused(latin1)
    assert msg.startswith(f"Baris {line_of(b'Kepala Dinas Pendidikan', latin1)}: ")


def test_non_bytes_input_is_refused():
    assert refused(None) == ["Berkas BPMN tidak dapat dibaca."]


def test_large_map_validates_in_reasonable_time():
    xml = make_large_bpmn(500)
    started = time.perf_counter()
    pm = validate_bpmn(xml)
    elapsed = time.perf_counter() - started
    assert len(pm.flow_nodes) == 500 and len(pm.flows) == 499 and len(pm.lanes) == 5
    assert sum(len(lane.flow_node_ids) for lane in pm.lanes) == 500
    assert pm.flow_nodes[7].type == "exclusiveGateway" and pm.flow_nodes[-1].type == "endEvent"
    assert pm.flow_nodes[3].name == "Langkah 3 <uji & ukur>"
    assert elapsed < 3, elapsed


def test_schema_location_hints_are_not_fetched():
    # xsi:schemaLocation may name any URL or file: the validator uses only the vendored XSDs.
    hinted = FIXTURE.replace(
        b"<bpmn:definitions ",
        b'<bpmn:definitions xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        b'xsi:schemaLocation="http://www.omg.org/spec/BPMN/20100524/MODEL http://127.0.0.1:9/x.xsd" ',
        1,
    )
    started = time.perf_counter()
    assert validate_bpmn(hinted).processes[0].id == "Process_Cuti"
    assert time.perf_counter() - started < 1


def test_bench_helper_times_each_step():
    from sikerja.processes.management.commands.bench_bpmn import bench

    runs, size = bench(n_elements=50, repeat=2)
    assert set(runs) == {"validasi BPMN", "sanitasi SVG", "total"}
    assert all(len(v) == 2 and all(ms > 0 for ms in v) for v in runs.values())
    assert size["elements"] == 50 + 49 + 5 + 1 + 1  # nodes, flows, lanes, pool, process


def test_sequence_flow_between_pools_is_refused():
    # Two pools, and a sequence flow of the first pointing into the second: BPMN wants a
    # message flow there.
    two = FIXTURE.replace(
        b'<bpmn:participant id="Participant_Pegawai" name="Pegawai pemohon" />',
        b'<bpmn:participant id="Participant_Pegawai" name="Pegawai pemohon" processRef="Process_Pegawai" />',
    ).replace(
        b"  <bpmndi:BPMNDiagram",
        b'  <bpmn:process id="Process_Pegawai"><bpmn:startEvent id="Event_Lain" /></bpmn:process>\n'
        b"  <bpmndi:BPMNDiagram",
    )
    assert len(validate_bpmn(two).processes) == 2
    broken = two.replace(
        b'sourceRef="Activity_Kembalikan" targetRef="Event_Dikembalikan"',
        b'sourceRef="Activity_Kembalikan" targetRef="Event_Lain"',
    )
    messages = refused(broken)
    line = line_of(b'targetRef="Event_Lain"', broken)
    assert messages == [
        f"Baris {line}: Alur urutan Flow_4 menghubungkan "
        "Peristiwa awal Event_Lain dari proses atau subproses lain; antarkolam gunakan alur pesan."
    ]


def test_lane_and_pool_links_to_the_organisation_are_read():
    linked = FIXTURE.replace(
        b"<bpmn:definitions ", b'<bpmn:definitions xmlns:sikerja="urn:sikerja:bpmn:1" ', 1
    ).replace(b'<bpmn:lane id="Lane_Kepala"', b'<bpmn:lane sikerja:ref="unit:12" id="Lane_Kepala"')
    pm = validate_bpmn(linked)
    assert [(lane.id, lane.ref) for lane in pm.lanes] == [("Lane_Subbag", ""), ("Lane_Kepala", "unit:12")]
