"""Real imports: all-or-nothing, derived fields, upserts, once only, region-bound (ORG-7)."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import Http404

from sikerja.audit.models import Event
from sikerja.organisation.io.services import ImportRefused, apply_import, preview_import
from sikerja.organisation.models import Competence, Employee, EmployeeCompetence, ImportBatch, Position, Unit
from sikerja.organisation.tests.test_io_support import actor, sheet_csv, snapshot

pytestmark = pytest.mark.req("ORG-7")


def upload(builder, sheet, rows, username="admin.bkpsdm"):
    return preview_import(
        actor=actor(builder, username), sheet=sheet, filename="data.csv", content=sheet_csv(sheet, rows)
    )


def test_units_import_creates_tree_and_sets_perangkat_daerah(demo):
    rows = [
        {"kode": "BRIDA", "nama": "Badan Riset dan Inovasi Daerah", "jenis": "Badan", "perangkat_daerah": "ya"},
        {
            "kode": "BRIDA.SEK",
            "nama": "Sekretariat",
            "jenis": "sekretariat",
            "kode_induk": "BRIDA",
            "perangkat_daerah": "tidak",
        },
        {
            "kode": "BRIDA.SEK.SUB",
            "nama": "Subbagian Umum",
            "jenis": "subbagian",
            "kode_induk": "BRIDA.SEK",
            "perangkat_daerah": "tidak",
        },
        {
            "kode": "DISKOMINFO.BID1",
            "nama": "Bidang Aplikasi dan Informatika",
            "jenis": "bidang",
            "kode_induk": "DISKOMINFO",
            "perangkat_daerah": "tidak",
        },
    ]
    batch = upload(demo, "units", rows)
    assert batch.report["errors"] == []
    assert (batch.report["creates"], batch.report["updates"]) == (3, 1)

    apply_import(actor=actor(demo), batch_id=batch.pk)

    brida = Unit.objects.get(region=demo.region, code="BRIDA")
    sub = Unit.objects.get(region=demo.region, code="BRIDA.SEK.SUB")
    assert brida.perangkat_daerah_id == brida.pk and brida.parent_id is None
    assert sub.parent.code == "BRIDA.SEK" and sub.perangkat_daerah_id == brida.pk
    assert Unit.objects.get(region=demo.region, code="DISKOMINFO.BID1").name == "Bidang Aplikasi dan Informatika"
    assert sub.history.count() == 1
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.APPLIED and batch.applied_at is not None
    event = Event.objects.get(verb="import.applied")
    assert event.changes["creates"] == 3 and event.changes["updates"] == 1 and event.region == demo.region


def test_moving_a_unit_updates_perangkat_daerah_of_its_subtree(demo):
    bid = Unit.objects.get(region=demo.region, code="DISKOMINFO.BID1")
    batch = upload(
        demo,
        "units",
        [{"kode": bid.code, "nama": bid.name, "jenis": "bidang", "kode_induk": "SETDA", "perangkat_daerah": "tidak"}],
    )
    apply_import(actor=actor(demo), batch_id=batch.pk)
    setda = Unit.objects.get(region=demo.region, code="SETDA")
    assert Unit.objects.get(pk=bid.pk).perangkat_daerah_id == setda.pk
    assert all(u.perangkat_daerah_id == setda.pk for u in Unit.objects.descendants(bid))


def test_positions_import_can_move_leadership(demo):
    rows = [
        {
            "kode": "DISKOMINFO.BID1.J01",
            "nama": "Kepala Bidang (lama)",
            "kode_unit": "DISKOMINFO.BID1",
            "jenis": "administrator",
            "pimpinan_unit": "tidak",
            "kelas_jabatan": "12",
        },
        {
            "kode": "DISKOMINFO.BID1.J99",
            "nama": "Kepala Bidang",
            "kode_unit": "DISKOMINFO.BID1",
            "jenis": "administrator",
            "pimpinan_unit": "ya",
            "kelas_jabatan": "12",
        },
        {
            "kode": "DISKOMINFO.BID1.J98",
            "nama": "Pranata Komputer Mahir",
            "kode_unit": "DISKOMINFO.BID1",
            "jenis": "fungsional",
            "jenjang_jf": "Mahir",
            "kebutuhan": "3",
        },
    ]
    batch = upload(demo, "positions", rows)
    assert batch.report["errors"] == []
    apply_import(actor=actor(demo), batch_id=batch.pk)
    leaders = Position.objects.filter(unit__code="DISKOMINFO.BID1", region=demo.region, is_leader=True)
    assert [p.code for p in leaders] == ["DISKOMINFO.BID1.J99"]
    mahir = Position.objects.get(region=demo.region, code="DISKOMINFO.BID1.J98")
    assert (mahir.jf_category, mahir.jf_level, mahir.required, mahir.kelas_jabatan) == (
        "keterampilan",
        "mahir",
        3,
        None,
    )


@pytest.mark.req("ORG-7", "ORG-5")
def test_employees_import_derives_nip_fields_and_competences(demo):
    existing = Employee.objects.filter(region=demo.region, competence_links__isnull=False).distinct().first()
    kept = existing.competence_links.select_related("competence").first()
    rows = [
        {"nip": "19900115 201503 2 002", "nama": "Siti Rahma", "gelar_belakang": "S.Kom.", "status": "PNS", "golongan": "III/b",
         "kode_unit": "DISKOMINFO.BID1", "kode_jabatan": "DISKOMINFO.BID1.J03", "email": "siti@example.go.id",
         "kompetensi": "Pengembangan Aplikasi; Kecerdasan Artifisial"},
        {"nip": existing.nip, "nama": existing.name, "gelar_depan": existing.front_title, "gelar_belakang": existing.back_title,
         "status": existing.get_status_display(), "golongan": existing.golongan, "kode_unit": existing.unit.code,
         "kode_jabatan": existing.position.code, "email": "baru@example.go.id", "kompetensi": f"{kept.competence.name.upper()};Menulis Naskah Dinas"},
    ]  # fmt: skip
    batch = upload(demo, "employees", rows)
    assert batch.report["errors"] == []
    assert (batch.report["creates"], batch.report["updates"]) == (1, 1)
    n_comp = Competence.objects.filter(region=demo.region).count()

    apply_import(actor=actor(demo), batch_id=batch.pk)

    siti = Employee.objects.get(region=demo.region, nip="199001152015032002")
    assert (siti.birth_date, siti.appointed_on, siti.gender) == (dt.date(1990, 1, 15), dt.date(2015, 3, 1), "P")
    assert siti.unit.code == "DISKOMINFO.BID1" and siti.position.code == "DISKOMINFO.BID1.J03"
    assert sorted(siti.competences.values_list("name", flat=True)) == ["Kecerdasan Artifisial", "Pengembangan Aplikasi"]
    assert Competence.objects.filter(region=demo.region).count() == n_comp + 2
    existing.refresh_from_db()
    assert existing.email == "baru@example.go.id"
    links = {link.competence.name: link.level for link in existing.competence_links.select_related("competence")}
    assert links == {kept.competence.name: kept.level, "Menulis Naskah Dinas": EmployeeCompetence.Level.MENENGAH}
    assert existing.history.first().history_change_reason.startswith("Impor data.csv")


def test_file_with_errors_cannot_be_applied(demo):
    batch = upload(demo, "units", [{"kode": "X", "nama": "X", "jenis": "bukan-jenis"}])
    before = snapshot(demo.region)
    with pytest.raises(ImportRefused, match="bermasalah"):
        apply_import(actor=actor(demo), batch_id=batch.pk)
    assert snapshot(demo.region) == before
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.PREVIEWED


def test_data_changed_since_preview_is_revalidated(demo):
    row = {
        "kode": "L9",
        "nama": "Kepala",
        "kode_unit": "DISKOMINFO.BID2",
        "jenis": "administrator",
        "pimpinan_unit": "ya",
    }
    Position.objects.filter(unit__code="DISKOMINFO.BID2", region=demo.region).update(is_leader=False)
    batch = upload(demo, "positions", [row])
    assert batch.report["errors"] == []
    Position.objects.filter(code="DISKOMINFO.BID2.J01", region=demo.region).update(is_leader=True)
    with pytest.raises(ImportRefused, match="berubah sejak pratinjau"):
        apply_import(actor=actor(demo), batch_id=batch.pk)
    batch.refresh_from_db()
    assert batch.report["errors"][0]["column"] == "pimpinan_unit"
    assert not Position.objects.filter(code="L9").exists()


@pytest.mark.parametrize("error", [IntegrityError("boom"), RuntimeError("disk full")])
def test_import_is_all_or_nothing_when_the_database_fails_midway(demo, monkeypatch, error):
    rows = [
        {"nip": f"19900115201503200{i}", "nama": f"Pegawai {i}", "status": "PNS", "golongan": "III/a",
         "kode_unit": "DISKOMINFO.BID1", "kode_jabatan": "DISKOMINFO.BID1.J03", "kompetensi": "Kompetensi Baru"}
        for i in range(1, 6)
    ]  # fmt: skip
    rows.append({"nip": Employee.objects.filter(region=demo.region).first().nip, "nama": "Diubah", "status": "PNS",
                 "golongan": "IV/a", "kode_unit": "", "kode_jabatan": ""})  # fmt: skip
    batch = upload(demo, "employees", rows)
    assert batch.report["errors"] == [] and batch.report["creates"] == 5
    before = snapshot(demo.region)

    # Employees, competences and their history are written; then the last step fails.
    n_before = Employee.objects.filter(region=demo.region).count()
    reached = []

    def fail(*args, **kwargs):
        reached.append(Employee.objects.filter(region=demo.region).count())
        raise error

    monkeypatch.setattr(EmployeeCompetence.objects, "bulk_create", fail)
    with pytest.raises((ImportRefused, RuntimeError)):
        apply_import(actor=actor(demo), batch_id=batch.pk)

    assert reached == [n_before + 5]  # the failure came after the employees were written
    assert snapshot(demo.region) == before
    assert not Competence.objects.filter(name="Kompetensi Baru").exists()
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.PREVIEWED
    assert not Event.objects.filter(verb="import.applied").exists()


def test_apply_twice_is_refused_cleanly(demo):
    batch = upload(demo, "units", [{"kode": "BRIDA", "nama": "Badan Riset", "jenis": "badan"}])
    apply_import(actor=actor(demo), batch_id=batch.pk)
    before = snapshot(demo.region)
    with pytest.raises(ImportRefused, match="sudah diimpor"):
        apply_import(actor=actor(demo, "admin.organisasi"), batch_id=batch.pk)
    assert snapshot(demo.region) == before
    assert Event.objects.filter(verb="import.applied").count() == 1


@pytest.mark.req("ORG-7", "PRF-3")
def test_batch_of_another_region_is_not_found(demo, other_demo):
    batch = upload(demo, "units", [{"kode": "BRIDA", "nama": "Badan Riset", "jenis": "badan"}])
    with pytest.raises(Http404):
        apply_import(actor=actor(other_demo, "lain.admin.bkpsdm"), batch_id=batch.pk)
    assert not Unit.objects.filter(code="BRIDA").exists()


@pytest.mark.parametrize("username", ["kadis.kominfo", "pegawai.kominfo"])
def test_only_org_admins_may_import(demo, username):
    with pytest.raises(PermissionDenied):
        upload(demo, "units", [{"kode": "BRIDA", "nama": "Badan Riset", "jenis": "badan"}], username=username)
    batch = upload(demo, "units", [{"kode": "BRIDA", "nama": "Badan Riset", "jenis": "badan"}])
    with pytest.raises(PermissionDenied):
        apply_import(actor=actor(demo, username), batch_id=batch.pk)
    assert not Unit.objects.filter(code="BRIDA").exists()


@pytest.mark.req("ORG-7", "PEN-14")
def test_positions_import_sets_the_workload_hours_of_the_abk(demo):
    from decimal import Decimal

    existing = Position.objects.filter(region=demo.region, unit__code="DISKOMINFO.BID1", is_leader=False).first()
    row = {"kode": existing.code, "nama": existing.name, "kode_unit": "DISKOMINFO.BID1", "jenis": existing.kind,
           "jenjang_jf": existing.jf_level, "beban_kerja_jam": "22,5"}  # fmt: skip
    bad = upload(demo, "positions", [row | {"beban_kerja_jam": "80"}, row | {"kode": "X.2", "beban_kerja_jam": "sepuluh"}])
    messages = " ".join(e["message"] for e in bad.report["errors"])
    assert "0–60 jam per minggu" in messages and "harus berupa angka" in messages
    batch = upload(demo, "positions", [row])
    assert batch.report["errors"] == [] and "beban_kerja_jam" in batch.report["changes"][0]["fields"]
    apply_import(actor=actor(demo), batch_id=batch.pk)
    existing.refresh_from_db()
    assert existing.workload_hours == Decimal("22.5")
