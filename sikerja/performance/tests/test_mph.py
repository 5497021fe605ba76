"""The leader's adjustments of the Matriks Peran Hasil (KIN-7): a cell added, renamed or
removed is stored per unit and year, shown with who made it, and RHK drafts made afterwards
take the adjusted cells; undoing brings the derived cell back. Only the unit's leader adjusts;
another region sees nothing."""

import pytest
from django.core.exceptions import PermissionDenied

from sikerja.organisation.models import Employee
from sikerja.performance import selectors, services
from sikerja.performance.models import MphAdjustment, Rhk
from sikerja.performance.services import KinerjaError
from sikerja.performance.tests.helpers import actor, emp


def matrix():
    from sikerja.execution import services as pelaksanaan
    from sikerja.execution.models import PerformanceAgreement, PerformanceTarget
    from sikerja.execution.tests.helpers import team

    assignment, ketua, others = team(emp("kabid.aptika").region)
    work = pelaksanaan.work_for(assignment)
    agreement = PerformanceAgreement.objects.create(
        region=work.owning_unit.region, unit=work.owning_unit, year=2031, leader=emp("kabid.aptika")
    )
    target = PerformanceTarget.objects.create(
        agreement=agreement, sasaran="Portal data", indikator="Dataset terbit", target="50"
    )
    work.target = target
    work.save(update_fields=["target"])
    return work, target, ketua, others


def cells_of(unit, employee):
    m = selectors.mph_for_unit(unit.region, unit, 2031)
    return [c for row in m.rows if row.employee.pk == employee.pk for c in row.cells]


@pytest.mark.req("KIN-7")
def test_leader_renames_removes_and_adds_cells_and_rhk_follow_the_adjusted_matrix(demo):
    work, target, ketua, others = matrix()
    unit, leader = work.owning_unit, actor("kabid.aptika")
    member = others[0]
    outsider = (  # someone of the unit with no role in the matrix yet
        Employee.objects.filter(region=unit.region, unit__code__startswith="DISKOMINFO.BID1", is_active=True)
        .exclude(pk__in=[ketua.pk, member.pk, emp("kabid.aptika").pk])
        .order_by("pk")
        .first()
    )
    services.adjust_mph(
        leader, target_id=target.pk, employee_id=ketua.pk, work_id=work.pk, action="ubah", title="Koordinator portal"
    )
    services.adjust_mph(leader, target_id=target.pk, employee_id=member.pk, work_id=work.pk, action="hapus")
    services.adjust_mph(
        leader, target_id=target.pk, employee_id=outsider.pk, action="tambah", role="individu", title="Kurasi metadata"
    )
    [renamed] = cells_of(unit, ketua)
    assert (renamed.title, renamed.role, renamed.adjustment.adjusted_by) == (
        "Koordinator portal",
        "ketua",
        emp("kabid.aptika"),
    )
    assert cells_of(unit, member) == []
    [added] = cells_of(unit, outsider)
    assert (added.title, added.work_id, added.adjustment.action) == ("Kurasi metadata", None, "tambah")
    stored = MphAdjustment.objects.filter(target=target)
    assert sorted(stored.values_list("action", flat=True)) == ["hapus", "tambah", "ubah"]
    assert {a.agreement.unit_id for a in stored} == {unit.pk} and {a.agreement.year for a in stored} == {2031}

    rhk = services.rhk_from_mph(leader, target_id=target.pk, employee_id=ketua.pk, work_id=work.pk)
    assert (rhk.text, rhk.role) == ("Ketua tim: Koordinator portal", "ketua")
    rhk = services.rhk_from_mph(leader, target_id=target.pk, employee_id=outsider.pk)
    assert (rhk.text, rhk.role, rhk.work_id, rhk.target_id) == (
        "Individu: Kurasi metadata",
        "individu",
        None,
        target.pk,
    )
    with pytest.raises(KinerjaError, match="tidak berperan"):
        services.rhk_from_mph(leader, target_id=target.pk, employee_id=member.pk, work_id=work.pk)

    removal = stored.get(employee=member)
    services.undo_adjustment(leader, removal.pk)  # the derived anggota cell comes back
    [back] = cells_of(unit, member)
    assert (back.role, back.title, back.adjustment) == ("anggota", "Tim Portal Data", None)
    assert Rhk.objects.filter(skp__employee=member, target=target).count() == 0


@pytest.mark.req("KIN-7")
def test_bad_adjustments_are_refused_and_nothing_is_written(demo):
    work, target, ketua, others = matrix()
    leader = actor("kabid.aptika")
    with pytest.raises(KinerjaError, match="sudah berperan"):
        services.adjust_mph(
            leader, target_id=target.pk, employee_id=ketua.pk, work_id=work.pk, action="tambah", title="x"
        )
    with pytest.raises(KinerjaError, match="tambah, ubah atau hapus"):
        services.adjust_mph(leader, target_id=target.pk, employee_id=ketua.pk, work_id=work.pk, action="ganti")
    with pytest.raises(KinerjaError, match="Uraian peran"):
        services.adjust_mph(
            leader, target_id=target.pk, employee_id=ketua.pk, work_id=work.pk, action="ubah", title=" "
        )
    with pytest.raises(KinerjaError, match="tidak berperan"):
        services.adjust_mph(leader, target_id=target.pk, employee_id=emp("pegawai.ikp").pk, action="hapus")
    with pytest.raises(KinerjaError, match="Peran harus"):
        services.adjust_mph(
            leader, target_id=target.pk, employee_id=emp("pegawai.ikp").pk, action="tambah", role="bos", title="x"
        )
    with pytest.raises(PermissionDenied, match="pimpinan unit"):  # the ketua is not the unit's leader
        services.adjust_mph(
            actor("pegawai.kominfo"), target_id=target.pk, employee_id=ketua.pk, work_id=work.pk, action="hapus"
        )
    assert not MphAdjustment.objects.filter(target=target).exists()


@pytest.mark.req("KIN-7")
def test_mph_page_shows_adjustments_with_who_and_refuses_others(demo, other_demo, login):
    work, target, ketua, others = matrix()
    unit = work.owning_unit
    c = login("kabid.aptika")
    base = {"unit": unit.pk, "tahun": 2031, "op": "adjust", "target": target.pk}
    r = c.post(
        "/kinerja/mph/",
        {**base, "employee": ketua.pk, "work": work.pk, "action": "ubah", "title": "Koordinator portal"},
    )
    assert r.status_code == 302
    r = c.post("/kinerja/mph/", {**base, "employee": others[0].pk, "work": work.pk, "action": "hapus"})
    assert r.status_code == 302
    body = c.get(f"/kinerja/mph/?unit={unit.pk}&tahun=2031").content.decode()
    assert "Ketua tim: Koordinator portal" in body and 'id="mph-adjustments"' in body
    assert "Dihapus" in body and emp("kabid.aptika").name in body and 'id="mph-add"' in body
    again = c.post("/kinerja/mph/", {**base, "employee": ketua.pk, "work": work.pk, "action": "tambah", "title": "x"})
    assert again.status_code == 400 and "sudah berperan" in again.content.decode()
    # someone who is not the unit's leader (the ketua, outside the leader's view) cannot adjust
    forged = login("pegawai.kominfo").post(
        "/kinerja/mph/", {**base, "employee": ketua.pk, "work": work.pk, "action": "hapus"}
    )
    assert forged.status_code == 404
    # the PD head sees the matrix, but the adjustment belongs to the unit's own leader
    kadis = login("kadis.kominfo")
    assert 'id="mph-add"' not in kadis.get(f"/kinerja/mph/?unit={unit.pk}&tahun=2031").content.decode()
    assert (
        kadis.post("/kinerja/mph/", {**base, "employee": ketua.pk, "work": work.pk, "action": "hapus"}).status_code
        == 403
    )
    other = login("lain.admin.bkpsdm").post(
        "/kinerja/mph/", {**base, "employee": ketua.pk, "work": work.pk, "action": "hapus"}
    )
    assert other.status_code == 404
    undo = MphAdjustment.objects.get(employee=others[0])
    assert (
        c.post("/kinerja/mph/", {"unit": unit.pk, "tahun": 2031, "op": "undo", "adjustment": undo.pk}).status_code
        == 302
    )
    assert MphAdjustment.objects.filter(target=target).count() == 1


@pytest.mark.req("KIN-7")
def test_mph_and_its_adjustments_over_the_api(demo, other_demo):
    from sikerja.performance.tests.test_api import client_of

    work, target, ketua, others = matrix()
    unit = work.owning_unit
    leader = client_of("kabid.aptika")
    body = {
        "target_id": target.pk,
        "employee_id": ketua.pk,
        "work_id": work.pk,
        "action": "ubah",
        "title": "Koordinator",
    }
    r = leader.post("/api/v1/kinerja/mph/penyesuaian", body, content_type="application/json")
    assert r.status_code == 201, r.content
    adj = r.json()
    assert (adj["action"], adj["title"], adj["adjusted_by_name"]) == ("ubah", "Koordinator", emp("kabid.aptika").name)
    m = leader.get(f"/api/v1/kinerja/mph?unit_id={unit.pk}&year=2031").json()
    assert m["may_adjust"] is True and [a["id"] for a in m["adjustments"]] == [adj["id"]]
    [cell] = [c for c in m["cells"] if c["employee_id"] == ketua.pk]
    assert (cell["title"], cell["role"], cell["adjustment_id"]) == ("Koordinator", "ketua", adj["id"])
    again = leader.post(
        "/api/v1/kinerja/mph/penyesuaian", {**body, "action": "tambah"}, content_type="application/json"
    )
    assert again.status_code == 409 and again.json()["code"] == "already_decided"
    bad = leader.post("/api/v1/kinerja/mph/penyesuaian", {**body, "action": "ganti"}, content_type="application/json")
    assert bad.status_code == 422
    kadis = client_of("kadis.kominfo")  # sees the matrix, is not the unit's leader
    assert kadis.get(f"/api/v1/kinerja/mph?unit_id={unit.pk}&year=2031").json()["may_adjust"] is False
    r = kadis.post("/api/v1/kinerja/mph/penyesuaian", {**body, "action": "hapus"}, content_type="application/json")
    assert r.status_code == 403
    other = client_of("lain.admin.bkpsdm")
    assert other.get(f"/api/v1/kinerja/mph?unit_id={unit.pk}&year=2031").status_code == 404
    assert other.delete(f"/api/v1/kinerja/mph/penyesuaian/{adj['id']}").status_code == 404
    assert leader.delete(f"/api/v1/kinerja/mph/penyesuaian/{adj['id']}").status_code == 204
    assert not MphAdjustment.objects.filter(target=target).exists()
