"""Services of proses bisnis: catalogue, versions that never change once approved, reviews,
SOP steps with only five symbols, XLSX import, drawings validated before storage, monitoring."""

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from sikerja.audit.models import Event
from sikerja.processes import services
from sikerja.processes.models import (
    ImmutableVersion,
    MapKind,
    MapVersion,
    Monitoring,
    Process,
    SipocRow,
    SopStep,
    SopVersion,
    VersionStatus,
)
from sikerja.processes.rules.monitoring import add_months
from sikerja.processes.rules.steps import StepInput
from sikerja.processes.samples import simple_bpmn
from sikerja.processes.tests.helpers import actor, long_sop, org_admin, unit

SIPOC = [{"supplier": "PD", "input": "Usulan", "process": "Menelaah", "output": "Telaahan", "customer": "Kepala"}]


def _process(region, a=None, code="T-1"):
    a = a or org_admin(region)
    return services.create_process(
        actor=a, code=code, name="Proses uji", kind="inti", owning_unit_id=unit(region, "DISKOMINFO.BID1").pk
    )


@pytest.mark.req("PB-5")
def test_levels_follow_the_tree_and_kind_is_one_of_three(demo):
    a = org_admin(demo.region)
    root = services.create_process(
        actor=a, code="T-0", name="Akar", kind="inti", owning_unit_id=unit(demo.region, "SETDA").pk
    )
    child = services.create_process(
        actor=a,
        code="T-0.1",
        name="Anak",
        kind="pendukung",
        owning_unit_id=unit(demo.region, "BKPSDM").pk,
        parent_id=root.pk,
    )
    grandchild = services.create_process(
        actor=a,
        code="T-0.1.1",
        name="Cucu",
        kind="manajemen",
        owning_unit_id=unit(demo.region, "BKPSDM").pk,
        parent_id=child.pk,
    )
    assert (root.level, child.level, grandchild.level) == (0, 1, 2)
    with pytest.raises(services.ProcessError, match="inti, manajemen atau pendukung"):
        services.create_process(actor=a, code="T-9", name="X", kind="lain", owning_unit_id=root.owning_unit_id)
    with pytest.raises(services.ProcessError, match="sudah dipakai"):
        services.create_process(actor=a, code="T-0", name="X", kind="inti", owning_unit_id=root.owning_unit_id)


@pytest.mark.req("PB-1")
def test_participants_are_real_units_of_the_region_or_named_outside_parties(demo, other_demo):
    a = org_admin(demo.region)
    p = _process(demo.region, a)
    services.set_participants(
        actor=a, process=p, unit_ids=[unit(demo.region, "BAPPEDA").pk], outside=["DPRD", "", "DPRD"]
    )
    assert sorted(x.label for x in p.participations.select_related("unit")) == sorted(
        [unit(demo.region, "BAPPEDA").name, "DPRD"]
    )
    with pytest.raises(services.ProcessError, match="tidak ditemukan"):
        services.set_participants(actor=a, process=p, unit_ids=[unit(other_demo.region, "BAPPEDA").pk], outside=[])
    assert p.participations.count() == 2  # nothing half-written


@pytest.mark.req("PB-4")
def test_an_approved_map_version_never_changes(demo):
    a = org_admin(demo.region)
    v = services.create_map(actor=a, process=_process(demo.region, a), kind=MapKind.PETA_PROSES, title="SIPOC uji")
    services.save_sipoc(actor=a, version=v, rows=SIPOC)
    services.approve_map_version(actor=a, version=v)
    with pytest.raises(services.ProcessError, match="tidak dapat diubah"):
        services.save_sipoc(actor=a, version=v, rows=[])
    v.refresh_from_db()
    v.note = "diubah diam-diam"
    with pytest.raises(ImmutableVersion):
        v.save()
    row = v.sipoc_rows.get()
    row.process = "lain"
    with pytest.raises(ImmutableVersion):
        row.save()
    with pytest.raises(ImmutableVersion):
        row.delete()
    assert SipocRow.objects.get(pk=row.pk).process == "Menelaah"
    new = services.new_map_version(actor=a, version=v)
    assert new.number == 2 and new.is_draft and new.sipoc_rows.count() == 1


@pytest.mark.req("PB-2", "PB-3", "PB-4")
def test_review_revise_produces_the_new_version_keep_and_retire_do_not(demo):
    a = org_admin(demo.region)
    xml, svg = simple_bpmn("Uji", ["Bidang A", "Bidang B"], [(0, "Menerima"), (1, "Memeriksa")])
    v = services.create_map(
        actor=a, process=_process(demo.region, a), kind=MapKind.PETA_LINTAS_FUNGSI, title="Lintas fungsi uji"
    )
    services.save_drawing(actor=a, version=v, bpmn_xml=xml, svg=svg)
    services.approve_map_version(actor=a, version=v)
    with pytest.raises(services.ProcessError, match="Temuan"):
        services.review_map_version(actor=a, version=v, findings="", decision="revisi")
    r = services.review_map_version(actor=a, version=v, findings="Lajur B tidak perlu", decision="revisi")
    assert r.new_map_version.number == 2 and r.new_map_version.bpmn_xml == xml and r.new_map_version.is_draft
    v.refresh_from_db()
    assert v.status == VersionStatus.APPROVED  # stays in force until the new one is approved
    services.approve_map_version(actor=a, version=r.new_map_version)
    v.refresh_from_db()
    assert v.status == VersionStatus.SUPERSEDED
    with pytest.raises(services.ProcessError, match="berlaku"):
        services.review_map_version(actor=a, version=v, findings="x", decision="tetap")
    keep = services.review_map_version(actor=a, version=r.new_map_version, findings="Sesuai", decision="tetap")
    assert keep.new_map_version is None
    gone = services.review_map_version(actor=a, version=r.new_map_version, findings="Proses dihapus", decision="cabut")
    assert (
        gone.new_map_version is None and MapVersion.objects.get(pk=r.new_map_version.pk).status == VersionStatus.RETIRED
    )
    assert Event.objects.filter(verb="process.review_revisi", object_id=str(v.pk)).exists()


@pytest.mark.req("PB-5")
@pytest.mark.parametrize(
    "xml, words",
    [
        (b"<bpmn:definitions", "BPMN tidak dapat disimpan"),
        (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><x>&b;</x>',
            "BPMN tidak dapat disimpan",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
            "BPMN tidak dapat disimpan",
        ),
    ],
)
def test_a_bad_drawing_is_refused_with_reasons_and_nothing_is_stored(demo, xml, words):
    a = org_admin(demo.region)
    v = services.create_map(
        actor=a, process=_process(demo.region, a), kind=MapKind.PETA_SUBPROSES, title="Subproses uji"
    )
    with pytest.raises(services.ProcessError) as exc:
        services.save_drawing(actor=a, version=v, bpmn_xml=xml, svg="<svg xmlns='http://www.w3.org/2000/svg'/>")
    assert words in exc.value.messages[0] and len(exc.value.messages) >= 2
    v.refresh_from_db()
    assert v.bpmn_xml == "" and v.svg == ""


@pytest.mark.req("PB-5")
def test_a_dangling_reference_and_an_oversized_file_are_refused(demo):
    a = org_admin(demo.region)
    v = services.create_map(
        actor=a, process=_process(demo.region, a), kind=MapKind.PETA_SUBPROSES, title="Subproses uji"
    )
    xml, svg = simple_bpmn("Uji", ["A"], [(0, "t")])
    dangling = xml.replace('targetRef="Activity_1"', 'targetRef="Tidak_Ada"')
    with pytest.raises(services.ProcessError) as exc:
        services.save_drawing(actor=a, version=v, bpmn_xml=dangling, svg=svg)
    assert "Tidak_Ada" in " ".join(exc.value.messages)
    with pytest.raises(services.ProcessError, match="terlalu besar"):
        services.save_drawing(actor=a, version=v, bpmn_xml=b"<" + b"a" * services.maps.MAX_XML, svg=svg)


@pytest.mark.req("PB-5")
def test_script_in_the_svg_is_removed_before_storage(demo):
    a = org_admin(demo.region)
    v = services.create_map(
        actor=a, process=_process(demo.region, a), kind=MapKind.PETA_SUBPROSES, title="Subproses uji"
    )
    xml, _ = simple_bpmn("Uji", ["A"], [(0, "t")])
    bad = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect onclick="alert(2)" width="5" height="5"/></svg>'
    services.save_drawing(actor=a, version=v, bpmn_xml=xml, svg=bad)
    v.refresh_from_db()
    assert "<rect" in v.svg and "script" not in v.svg and "onclick" not in v.svg and "alert" not in v.svg


def _steps(symbol_of_2="proses"):
    return [
        StepInput(1, "Mulai", 0, "terminator"),
        StepInput(2, "Mengolah", 1, symbol_of_2),
        StepInput(3, "Selesai", 0, "terminator"),
    ]


@pytest.mark.req("PB-6")
@pytest.mark.parametrize("word", ["jajaran genjang", "dokumen", "lingkaran"])
def test_a_sixth_symbol_is_refused(demo, word):
    a = org_admin(demo.region)
    v = services.create_sop(actor=a, name="SOP uji", owning_unit_id=unit(demo.region, "DISKOMINFO").pk)
    positions = list(demo.region.positions.filter(unit__code="DISKOMINFO.BID1")[:2].values_list("pk", flat=True))
    with pytest.raises(services.ProcessError) as exc:
        services.save_steps(actor=a, version=v, position_ids=positions, steps=_steps(word))
    assert "lima simbol" in exc.value.messages[0] and not v.steps.exists()


@pytest.mark.req("PB-6")
def test_arrow_and_connector_are_drawn_not_typed_and_decisions_need_targets(demo):
    a = org_admin(demo.region)
    v = services.create_sop(actor=a, name="SOP uji", owning_unit_id=unit(demo.region, "DISKOMINFO").pk)
    positions = list(demo.region.positions.filter(unit__code="DISKOMINFO.BID1")[:2].values_list("pk", flat=True))
    with pytest.raises(services.ProcessError, match="digambar otomatis"):
        services.save_steps(actor=a, version=v, position_ids=positions, steps=_steps("panah"))
    with pytest.raises(services.ProcessError, match="bila 'ya'"):
        services.save_steps(actor=a, version=v, position_ids=positions, steps=_steps("keputusan"))
    services.save_steps(actor=a, version=v, position_ids=positions, steps=_steps("proses"))
    assert list(v.steps.values_list("symbol", flat=True)) == ["terminator", "proses", "terminator"]


@pytest.mark.req("PB-6")
def test_steps_import_from_xlsx_with_positions_by_name(demo):
    from openpyxl import Workbook

    a = org_admin(demo.region)
    v = services.create_sop(actor=a, name="SOP impor", owning_unit_id=unit(demo.region, "DISKOMINFO").pk)
    p1 = demo.region.positions.filter(unit__code="DISKOMINFO.BID1", is_leader=False).order_by("pk").first()
    p2 = demo.region.positions.get(unit__code="DISKOMINFO.BID1", is_leader=True)  # a name of its own
    wb = Workbook()
    ws = wb.active
    ws.append(["No", "Kegiatan", "Pelaksana", "Simbol", "Kelengkapan", "Waktu", "Output", "Keterangan", "Ya", "Tidak"])
    ws.append([1, "Menerima berkas", p1.code, "kapsul", "Berkas", "5 menit", "Tercatat", "", None, None])
    ws.append([2, "Memeriksa", p2.name, "keputusan", "Berkas", "1 hari", "Hasil", "", 3, 1])
    ws.append([3, "Selesai", p1.code.upper(), "selesai", "", "", "", "", None, None])
    out = io.BytesIO()
    wb.save(out)
    services.import_steps_xlsx(actor=a, version=v, content=out.getvalue())
    steps = list(v.steps.select_related("actor__position"))
    assert [(s.no, s.symbol, s.actor.position_id) for s in steps] == [
        (1, "terminator", p1.pk),
        (2, "keputusan", p2.pk),
        (3, "terminator", p1.pk),
    ]
    assert (steps[1].yes_to, steps[1].no_to) == (3, 1)
    ws.append([4, "Lagi", "Jabatan Yang Tidak Ada", "proses"])
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(services.ProcessError, match="bukan jabatan"):
        services.import_steps_xlsx(actor=a, version=v, content=out.getvalue())
    assert v.steps.count() == 3
    with pytest.raises(services.ProcessError, match="bukan XLSX"):
        services.import_steps_xlsx(actor=a, version=v, content=b"PK\x03\x04 not really")


@pytest.mark.req("PB-6", "PB-4")
def test_approving_an_sop_copies_the_approver_freezes_it_and_schedules_monitoring(demo):
    v = long_sop(demo.region, 8)
    assert v.status == VersionStatus.APPROVED and v.approver_nip == v.approver.nip and v.approver_position
    due = Monitoring.objects.get(sop_version=v)
    assert due.due_on == add_months(v.effective_on)
    step = v.steps.first()
    step.kegiatan = "lain"
    with pytest.raises(ImmutableVersion):
        step.save()
    with pytest.raises(services.ProcessError, match="tidak dapat diubah"):
        services.save_identity(actor=org_admin(demo.region), version=v, data={"nomor": "baru"})


@pytest.mark.req("PB-6", "PB-2")
def test_monitoring_records_each_procedure_and_feeds_the_next_review(demo):
    a = org_admin(demo.region)
    v = long_sop(demo.region, 5)
    m = Monitoring.objects.get(sop_version=v)
    steps = list(v.steps.all())
    items = {s.pk: {"runs_well": True} for s in steps}
    items[steps[2].pk] = {"runs_well": False, "notes": "Lambat", "action": ""}
    with pytest.raises(services.ProcessError, match="tindakan"):
        services.record_monitoring(actor=a, monitoring=m, items=items)
    del items[steps[0].pk]
    with pytest.raises(services.ProcessError, match="Langkah 1"):
        services.record_monitoring(actor=a, monitoring=m, items=items)
    items[steps[0].pk] = {"runs_well": True}
    items[steps[2].pk]["action"] = "Tambah petugas"
    services.record_monitoring(actor=a, monitoring=m, items=items, summary="Cukup")
    m.refresh_from_db()
    assert m.done_on == timezone.localdate() and m.assessor == a.employee
    assert m.items.get(step=steps[2]).action == "Tambah petugas" and not m.items.get(step=steps[2]).runs_well
    nxt = Monitoring.objects.get(sop_version=v, done_on__isnull=True)
    assert nxt.due_on == add_months(m.due_on)
    with pytest.raises(services.ProcessError, match="sudah dicatat"):
        services.record_monitoring(actor=a, monitoring=m, items=items)
    review = services.review_sop_version(actor=a, version=v, findings="Langkah 3 lambat", decision="revisi")
    assert review.monitoring == m and review.new_sop_version.number == 2 and review.new_sop_version.steps.count() == 5


@pytest.mark.req("PB-1")
def test_writes_are_for_the_owning_units_leader_or_the_org_admin(demo):
    leader = actor("kabid.aptika")  # leads DISKOMINFO.BID1, the owning unit
    p = _process(demo.region, leader, code="T-L")
    assert p.owning_unit.code == "DISKOMINFO.BID1"
    for outsider in ("kabid.ikp", "pegawai.kominfo", "kaban.bappeda"):
        with pytest.raises(PermissionDenied):
            services.set_participants(actor=actor(outsider), process=p, unit_ids=[], outside=["X"])
    services.set_participants(actor=actor("kadis.kominfo"), process=p, unit_ids=[], outside=["X"])  # leader above
    services.set_participants(actor=org_admin(demo.region), process=p, unit_ids=[], outside=["Y"])


@pytest.mark.req("PB-1")
def test_another_regions_process_parent_is_not_found(demo, other_demo):
    theirs = Process.objects.filter(region=other_demo.region).first()
    with pytest.raises(Http404):
        services.create_process(
            actor=org_admin(demo.region),
            code="T-X",
            name="X",
            kind="inti",
            owning_unit_id=unit(demo.region, "SETDA").pk,
            parent_id=theirs.pk,
        )


@pytest.mark.req("PB-6")
def test_the_demo_has_two_sops_and_one_overdue_monitoring(demo):
    assert SopVersion.objects.filter(sop__region=demo.region, status=VersionStatus.APPROVED).count() == 2
    overdue = Monitoring.objects.filter(region=demo.region, done_on__isnull=True, due_on__lt=timezone.localdate())
    assert overdue.count() == 1
    assert SopStep.objects.filter(version__sop__region=demo.region, symbol="keputusan").count() == 2
    assert timezone.localdate() - overdue.get().due_on > dt.timedelta(days=0)
