"""Kedudukan end to end: the region report, placing people, delegations, pages and permissions."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from sikerja.accounts.access import actor_for
from sikerja.audit.models import Event
from sikerja.organisation.demo.builder import build_demo_region
from sikerja.organisation.models import Delegation, Employee, Placement, Position, Unit
from sikerja.organisation.placement_checks import refresh
from sikerja.organisation.placement_selectors import assessor_candidates, ppk_authority, validation_report
from sikerja.organisation.placement_services import (
    PlacementError,
    delegate_authority,
    place_employee,
    record_ppk_action,
    revoke_delegation,
)

TODAY = dt.date.today()


def actor(username):
    user = get_user_model().objects.get(username=username)
    region = user.role_assignments.first().region
    return actor_for(user, region)


def person(region, unit_code, kind, leader=None, level=None):
    qs = Employee.objects.filter(region=region, unit__code=unit_code, position__kind=kind)
    if leader is not None:
        qs = qs.filter(position__is_leader=leader)
    if level:
        qs = qs.filter(position__jf_level=level)
    return qs.order_by("pk").first()


def pelaksana_under_pengawas(region, pd_code=None):
    """(pelaksana, their pengawas PPK, the administrator above that pengawas)."""
    qs = Placement.objects.filter(
        region=region, effective_until__isnull=True, employee__position__kind="pelaksana",
        assessor__position__kind="pengawas", assessor__position__is_leader=True,
        assessor__unit__parent__positions__kind="administrator", assessor__unit__parent__positions__is_leader=True,
    ).select_related("employee", "assessor", "assessor__unit")
    if pd_code:
        qs = qs.filter(employee__unit__perangkat_daerah__code=pd_code)
    placement = qs.order_by("pk").first()
    kasi = placement.assessor
    admin = Employee.objects.get(unit_id=kasi.unit.parent_id, position__is_leader=True)
    return placement.employee, kasi, admin


def rehang(employee, assessor):
    """Inject a placement straight into the table, as a bad import or old data would."""
    Placement.objects.filter(employee=employee, effective_until__isnull=True).update(assessor=assessor)
    refresh(employee.region, [employee.pk])  # the repair refresh_placement_findings makes


@pytest.mark.req("KED-8")
def test_demo_regions_are_clean_under_their_profiles(demo, other_demo):
    for username in ("admin.bkpsdm", "lain.admin.bkpsdm"):
        report = validation_report(actor(username))
        assert report.judged > 100
        assert report.rows == [], [(r.unit_name, r.position, [f.message for f in r.findings]) for r in report.rows[:5]]


@pytest.mark.req("KED-8", "KED-1", "KED-3", "KED-4", "KED-5")
def test_each_kind_of_violation_is_reported_with_its_article(other_demo):
    """Teluk Damai runs under Perbup Barito Utara 18/2024."""
    region = other_demo.region
    kadis = person(region, "DINSOS", "jpt_pratama", leader=True)
    kabid = person(region, "DINSOS.BID1", "administrator", leader=True)
    other_pd_head = person(region, "DISHUB", "jpt_pratama", leader=True)
    madya = person(region, "DINSOS", "fungsional", level="ahli_madya")
    muda = person(region, "DINSOS.BID1", "fungsional", level="ahli_muda")
    pelaksana_seksi, _, admin_above = pelaksana_under_pengawas(region)
    kapus_unit = Unit.objects.filter(region=region, unit_type="puskesmas").first()
    perawat = Employee.objects.filter(unit=kapus_unit, position__is_leader=False).first()
    unplaced = Employee.objects.filter(region=region, unit__code__startswith="DISKOMINFO", position__kind="fungsional").first()
    rehang(madya, kabid)  # KED-3: ahli madya under an administrator
    rehang(muda, other_pd_head)  # KED-1: not in the line
    rehang(pelaksana_seksi, admin_above)  # KED-4: pelaksana under administrator while a pengawas exists
    Delegation.objects.filter(region=region, delegate__unit=kapus_unit).update(revoked_at=dt.datetime(2025, 6, 1, tzinfo=dt.UTC))  # KED-5
    Placement.objects.filter(employee=unplaced).delete()  # KED-1: no assessor
    refresh(region)  # written straight into the tables: repaired as refresh_placement_findings does

    report = validation_report(actor("lain.admin.bkpsdm"))
    found = {row.employee_id: {f.requirement: f for f in row.findings} for row in report.rows}
    assert "Pasal 17 ayat (3)" in found[madya.pk]["KED-3"].article
    assert "atasan langsung dalam struktur" in found[muda.pk]["KED-1"].message
    assert "Pasal 17 ayat (4)" in found[pelaksana_seksi.pk]["KED-4"].article
    assert "Pasal 1 angka 22" in found[perawat.pk]["KED-5"].article
    assert "belum mempunyai" in found[unplaced.pk]["KED-1"].message
    for row in report.rows:
        for f in row.findings:
            assert f.article.startswith("Perbup Barito Utara 18/2024")
    assert report.loads[kabid.pk].span >= 1 and report.loads[kabid.pk].workload >= 1
    pds = [pd for pd, _ in report.grouped()]
    assert pds == sorted(pds) and "Dinas Sosial" in pds
    assert kadis.pk not in found  # managers are not judged


@pytest.mark.req("KED-7", "KED-8")
def test_ppu_unit_pattern_violation_is_reported(demo):
    region = demo.region
    jf = Employee.objects.filter(region=region, unit__code__startswith="INSP.SEK", position__kind="fungsional").first()
    kasubbag = person(region, "INSP.SEK.UK", "pengawas", leader=True)
    jf.unit = kasubbag.unit
    jf.save()
    rehang(jf, kasubbag)
    refresh(region)  # written straight into the tables: repaired as refresh_placement_findings does
    report = validation_report(actor("admin.bkpsdm"))
    row = next(r for r in report.rows if r.employee_id == jf.pk)
    assert [f.requirement for f in row.findings] == ["KED-7"]
    assert "Lampiran huruf B angka 1 huruf c" in row.findings[0].article


@pytest.mark.req("KED-8")
def test_report_takes_a_fixed_number_of_queries(db):
    build_demo_region(n_employees=400, seed=1, slug="kecil", user_prefix="kecil")
    build_demo_region(n_employees=4000, seed=2, slug="besar", user_prefix="besar")
    counts = []
    for name in ("kecil.admin.bkpsdm", "besar.admin.bkpsdm"):
        a = actor(name)
        with CaptureQueriesContext(connection) as ctx:
            validation_report(a)
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1] <= 10


@pytest.mark.req("KED-8")
def test_report_pages_and_xlsx(other_demo, login):
    region = other_demo.region
    madya = person(region, "DINSOS", "fungsional", level="ahli_madya")
    rehang(madya, person(region, "DINSOS.BID1", "administrator", leader=True))
    client = login("lain.admin.bkpsdm")
    page = client.get(reverse("ked:report")).content.decode()
    assert madya.nip in page and "Jenjang jabatan fungsional" in page and "KED-3" not in page and "Pasal 17 ayat (3)" in page and "bawahan" in page
    response = client.get(reverse("ked:report_xlsx"))
    assert response.status_code == 200
    import io

    wb = load_workbook(io.BytesIO(response.content))
    rows = list(wb["Pelanggaran kedudukan"].iter_rows(values_only=True))
    assert rows[0][0] == "Perangkat daerah"
    assert any(r[2] == madya.nip and r[8] == "Jenjang jabatan fungsional" for r in rows[1:])


@pytest.mark.req("KED-8", "PRF-3")
def test_report_scope_and_permissions(demo, other_demo, login):
    rehang(person(demo.region, "BKPSDM.BID1", "fungsional", level="ahli_muda"), person(demo.region, "DISHUB", "jpt_pratama", leader=True))
    kadis = validation_report(actor("kadis.kominfo"))
    assert kadis.rows == []  # the violation lies outside the Kominfo subtree
    assert login("pegawai.kominfo").get(reverse("ked:report")).status_code == 403
    assert login("pegawai.kominfo").get(reverse("ked:report_xlsx")).status_code == 403
    other = login("lain.admin.bkpsdm").get(reverse("ked:report")).content.decode()
    assert "Kabupaten Sungai Lestari" not in other and demo.region.profile.name not in other


@pytest.mark.req("KED-6", "KED-1")
def test_placing_keeps_history_and_records_the_event(demo):
    admin = actor("admin.bkpsdm")
    region = demo.region
    staff, kasi, kabid = pelaksana_under_pengawas(region)
    before = Placement.objects.get(employee=staff, effective_until__isnull=True)
    new = place_employee(actor=admin, employee_id=staff.pk, assessor_id=kabid.pk, basis_number="800/77/BKPSDM/2026",
                         basis_date=TODAY, effective_from=TODAY)
    before.refresh_from_db()
    assert before.effective_until == TODAY - dt.timedelta(days=1)
    assert new.assessor == kabid and new.set_by == admin.user
    assert list(staff.placements.order_by("effective_from").values_list("assessor_id", flat=True)) == [kasi.pk, kabid.pk]
    event = Event.objects.get(verb="placement.set", object_id=str(new.pk))
    assert event.actor == admin.user and event.changes["basis"] == "800/77/BKPSDM/2026"
    with pytest.raises(PlacementError) as exc:  # not after the current one
        place_employee(actor=admin, employee_id=staff.pk, assessor_id=kasi.pk, basis_number="x", basis_date=TODAY, effective_from=TODAY)
    assert exc.value.code == "not_after_current"


@pytest.mark.req("KED-3", "KED-6")
def test_a_placement_against_the_profile_is_refused_with_the_article(other_demo):
    admin = actor("lain.admin.bkpsdm")
    region = other_demo.region
    madya = person(region, "DINSOS", "fungsional", level="ahli_madya")
    kabid = person(region, "DINSOS.BID1", "administrator", leader=True)
    count = Placement.objects.count()
    with pytest.raises(PlacementError) as exc:
        place_employee(actor=admin, employee_id=madya.pk, assessor_id=kabid.pk, basis_number="1",
                       basis_date=TODAY, effective_from=TODAY + dt.timedelta(days=1))
    assert exc.value.code == "violates_profile"
    assert "Perbup Barito Utara 18/2024 Pasal 17 ayat (3)" in str(exc.value)
    assert Placement.objects.count() == count  # nothing half-written


@pytest.mark.req("KED-3")
def test_form_offers_only_allowed_assessors_and_explains_the_rest(other_demo, login):
    region = other_demo.region
    muda = person(region, "DINSOS.BID1.S1", "fungsional", level="ahli_pertama")
    candidates = assessor_candidates(region, muda)
    allowed = {c.holder.kind for c in candidates if c.allowed}
    assert allowed == {"administrator", "pengawas"}
    excluded = [c for c in candidates if not c.allowed]
    assert excluded and all(f.article for c in excluded for f in c.findings)
    page = login("lain.admin.bkpsdm").get(reverse("ked:place", args=[muda.pk])).content.decode()
    assert "JF ahli pertama berkedudukan di bawah pengawas atau administrator" in page and "Pasal 17 ayat (3)" in page
    for c in candidates:
        radio = f'value="{c.holder.employee_id}" id="cand-{c.holder.employee_id}"'
        assert (radio in page) == c.allowed


def test_place_form_posts_and_rejects_bad_input(demo, login):
    region = demo.region
    staff, _, kabid = pelaksana_under_pengawas(region)
    client = login("admin.bkpsdm")
    url = reverse("ked:place", args=[staff.pk])
    assert client.post(url, {"assessor": kabid.pk, "basis_number": "", "basis_date": "x", "effective_from": ""}).status_code == 400
    bad = client.post(url, {"assessor": staff.pk, "basis_number": "1", "basis_date": TODAY.isoformat(), "effective_from": TODAY.isoformat()})
    assert bad.status_code == 400 and "dirinya sendiri" in bad.content.decode()
    ok = client.post(url, {"assessor": kabid.pk, "basis_number": "800/1", "basis_date": TODAY.isoformat(), "effective_from": TODAY.isoformat()})
    assert ok.status_code == 302
    assert Placement.objects.get(employee=staff, effective_until__isnull=True).assessor == kabid


@pytest.mark.req("KED-6", "PRF-3")
def test_only_bkpsdm_places_and_only_in_its_region(demo, other_demo, login):
    staff, _, _ = pelaksana_under_pengawas(demo.region)
    for username in ("kadis.kominfo", "kabid.aptika", "pegawai.kominfo"):
        assert login(username).get(reverse("ked:place", args=[staff.pk])).status_code in (403, 404)
        with pytest.raises(PermissionDenied):
            place_employee(actor=actor(username), employee_id=staff.pk, assessor_id=staff.pk, basis_number="1",
                           basis_date=TODAY, effective_from=TODAY)
    assert login("lain.admin.bkpsdm").get(reverse("ked:place", args=[staff.pk])).status_code == 404
    with pytest.raises(PlacementError) as exc:
        place_employee(actor=actor("lain.admin.bkpsdm"), employee_id=staff.pk, assessor_id=staff.pk, basis_number="1",
                       basis_date=TODAY, effective_from=TODAY)
    assert exc.value.code == "not_found"


@pytest.mark.req("KED-5")
def test_plh_acts_as_ppk_on_behalf_of_the_absent_official(demo, login):
    admin = actor("admin.bkpsdm")
    region = demo.region
    kabid = person(region, "DISKOMINFO.BID1", "administrator", leader=True)
    plh = person(region, "DISKOMINFO.BID2", "administrator", leader=True)
    report_of_kabid = Placement.objects.filter(assessor=kabid, effective_until__isnull=True).first().employee
    allowed, _ = ppk_authority(plh, report_of_kabid)
    assert not allowed
    delegation = delegate_authority(actor=admin, kind="plh", delegator_id=kabid.pk, delegate_id=plh.pk,
                                    starts_on=TODAY, ends_on=TODAY + dt.timedelta(days=14), basis_number="800.1/9/2026",
                                    basis_date=TODAY, reason="Kabid cuti")
    allowed, on_behalf = ppk_authority(plh, report_of_kabid)
    assert allowed and on_behalf == kabid
    # Everything the Plh does is recorded as on behalf of the absent official.
    plh_user = get_user_model().objects.create_user("plh.bid2", password="x")
    plh.user = plh_user
    plh.save()
    from sikerja.accounts.models import Role, RoleAssignment

    RoleAssignment.objects.create(user=plh_user, region=region, role=Role.PPK, unit=plh.unit)
    plh_actor = actor_for(plh_user, region)
    event = record_ppk_action(actor=plh_actor, subject=report_of_kabid, verb="feedback.given", obj=report_of_kabid)
    assert event.on_behalf_of == kabid and event.actor == plh_user
    assert plh_actor.sees_employee(report_of_kabid)
    client = login("admin.bkpsdm")
    client.force_login(plh_user)
    page = client.get(reverse("ked:my_reports")).content.decode()
    assert f"atas nama {kabid.full_name}" in page and report_of_kabid.full_name in page
    assert client.get(reverse("web:employee_detail", args=[report_of_kabid.pk])).status_code == 200
    # The period ends or the delegation is revoked: the authority is gone.
    assert not ppk_authority(plh, report_of_kabid, on=TODAY + dt.timedelta(days=15))[0]
    revoke_delegation(actor=admin, delegation_id=delegation.pk, reason="Kabid kembali")
    assert not ppk_authority(plh, report_of_kabid)[0]
    with pytest.raises(PermissionDenied):
        record_ppk_action(actor=actor_for(plh_user, region), subject=report_of_kabid, verb="x", obj=report_of_kabid)
    assert Event.objects.filter(verb="delegation.revoked", object_id=str(delegation.pk)).exists()


@pytest.mark.req("KED-5")
def test_delegation_input_is_checked(demo):
    admin = actor("admin.bkpsdm")
    kabid = person(demo.region, "DISKOMINFO.BID1", "administrator", leader=True)
    plh = person(demo.region, "DISKOMINFO.BID2", "administrator", leader=True)
    base = dict(actor=admin, kind="plh", delegator_id=kabid.pk, delegate_id=plh.pk, starts_on=TODAY,
                ends_on=TODAY + dt.timedelta(days=3), basis_number="1", basis_date=TODAY)
    for change, code in [({"ends_on": TODAY - dt.timedelta(days=1)}, "bad_period"), ({"basis_number": " "}, "basis_required"),
                         ({"delegate_id": kabid.pk}, "self"), ({"kind": "xx"}, "bad_kind")]:
        with pytest.raises(PlacementError) as exc:
            delegate_authority(**{**base, **change})
        assert exc.value.code == code
    delegate_authority(**base)
    with pytest.raises(PlacementError) as exc:
        delegate_authority(**base)
    assert exc.value.code == "overlap"


@pytest.mark.req("KED-5")
def test_delegation_page_records_by_nip(demo, login):
    kabid = person(demo.region, "DISKOMINFO.BID1", "administrator", leader=True)
    plh = person(demo.region, "DISKOMINFO.BID2", "administrator", leader=True)
    client = login("admin.bkpsdm")
    data = {"kind": "plt", "delegator": kabid.nip, "delegate": plh.nip, "starts_on": TODAY.isoformat(),
            "ends_on": (TODAY + dt.timedelta(days=30)).isoformat(), "basis_number": "800/5", "basis_date": TODAY.isoformat()}
    assert client.post(reverse("ked:delegations"), data).status_code == 302
    assert Delegation.objects.filter(delegator=kabid, delegate=plh, kind="plt").exists()
    bad = client.post(reverse("ked:delegations"), {**data, "delegator": "123"})
    assert bad.status_code == 400 and "tidak ditemukan" in bad.content.decode()
    assert login("kadis.kominfo").post(reverse("ked:delegations"), data).status_code == 403


@pytest.mark.req("KED-7")
def test_patterns_page_shows_all_ppu_unit_types(demo, other_demo, login):
    page = login("pegawai.kominfo").get(reverse("ked:patterns")).content.decode()
    for text in ("Setda", "Dpmptsp", "Koordinator Ketua Tim", "Kelurahan", "Puskesmas", "Lampiran huruf B angka 1 huruf j"):
        assert text in page, text
    other = login("lain.pegawai.kominfo").get(reverse("ked:patterns")).content.decode()
    assert "tidak memuat pola kedudukan per jenis unit" in other and "Pasal 17 ayat (3)" in other


def test_leader_positions_have_one_holder(demo):
    assert not Position.objects.filter(region=demo.region, is_leader=True, holders__isnull=True).exists()
