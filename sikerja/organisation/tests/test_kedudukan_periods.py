"""Kedudukan edge cases built with factories (issue 9 items 9, 11, 12): units without a peta
jabatan (PPU Ps 7(4)), scheduled placements, withdrawal and correction, overlapping Plh/Plt."""

import datetime as dt

import pytest
from django.urls import reverse

from sikerja.accounts.access import actor_for
from sikerja.accounts.models import Role
from sikerja.audit.models import Event
from sikerja.organisation import selectors
from sikerja.organisation.choices import UnitType
from sikerja.organisation.models import Delegation, Placement
from sikerja.organisation.placement_selectors import assessor_candidates, ppk_authority, validation_report
from sikerja.organisation.placement_services import (
    PlacementError,
    correct_placement,
    delegate_authority,
    place_employee,
    withdraw_placement,
)
from sikerja.testing.factories import EmployeeFactory, PositionFactory, RegionFactory, UnitFactory, user_with_role

TODAY = dt.date.today()


@pytest.fixture
def org(profiles):
    """A PPU region: Dinas (kadis) > Bidang (kabid) > Seksi (kasi, staff) and a new Seksi
    without any position yet (no peta jabatan), with one employee in it."""
    region = RegionFactory(profile=profiles["penajam-paser-utara"])
    dinas = UnitFactory(region=region, unit_type=UnitType.DINAS, name="Dinas Uji")
    bidang = UnitFactory(
        region=region, parent=dinas, unit_type=UnitType.BIDANG, name="Bidang Uji", is_perangkat_daerah=False
    )
    seksi = UnitFactory(
        region=region, parent=bidang, unit_type=UnitType.SEKSI, name="Seksi Lama", is_perangkat_daerah=False
    )
    baru = UnitFactory(
        region=region, parent=bidang, unit_type=UnitType.SEKSI, name="Seksi Baru", is_perangkat_daerah=False
    )

    def holder(unit, kind, leader=False, **kw):
        return EmployeeFactory(position=PositionFactory(unit=unit, kind=kind, is_leader=leader, **kw))

    o = type("Org", (), {})()
    o.region, o.bidang, o.seksi, o.baru = region, bidang, seksi, baru
    o.kadis = holder(dinas, "jpt_pratama", True)
    o.kabid = holder(bidang, "administrator", True)
    o.kasi = holder(seksi, "pengawas", True)
    o.kasi_jf = holder(seksi, "fungsional", False, jf_level="ahli_muda", jf_category="keahlian")
    o.staff = holder(seksi, "pelaksana")
    o.newcomer = EmployeeFactory(position=None, unit=baru, region=region, name="Pegawai Seksi Baru")
    admin = user_with_role(region, Role.ADMIN_BKPSDM)
    o.admin = actor_for(admin, region)
    return o


def place(o, employee, assessor, start, number="800/1/2026"):
    return place_employee(
        actor=o.admin,
        employee_id=employee.pk,
        assessor_id=assessor.pk,
        basis_number=number,
        basis_date=min(start, TODAY),
        effective_from=start,
    )


# --- item 9: units without a peta jabatan ----------------------------------------------------
@pytest.mark.req("ORG-6", "KED-1")
def test_unit_without_peta_jabatan_follows_the_organisation_chart(org):
    """PPU Ps 7(4): the candidates and the placement of someone in a unit with no positions are
    judged by the chart — the PPK is a head of a unit in their line — instead of a 500."""
    candidates = {c.holder.employee_id: c for c in assessor_candidates(org.region, org.newcomer)}
    assert candidates[org.kabid.pk].allowed and candidates[org.kadis.pk].allowed
    assert org.kasi.pk not in candidates  # Seksi Lama is not in the newcomer's line
    placement = place(org, org.newcomer, org.kabid, TODAY)
    assert placement.assessor_id == org.kabid.pk and placement.unit_id == org.baru.pk
    with pytest.raises(PlacementError) as exc:
        place(org, org.newcomer, org.kasi, TODAY + dt.timedelta(days=3))
    assert exc.value.code == "violates_profile"
    assert any("Pasal 7 ayat (4)" in f.article for f in exc.value.findings)


@pytest.mark.req("ORG-6", "KED-8")
def test_report_counts_everyone_and_says_who_could_not_be_checked(org):
    place(org, org.staff, org.kasi, TODAY)
    place(org, org.kasi_jf, org.kabid, TODAY)
    report = validation_report(org.admin)
    # newcomer (no position), staff, JF; kadis, kabid, kasi are structural
    assert (report.judged, report.structural, report.total) == (3, 3, 6)
    limited = {r.employee_id: r.reason for r in report.limited}
    assert set(limited) == {org.newcomer.pk}
    assert "Seksi Baru belum mempunyai peta jabatan" in limited[org.newcomer.pk]
    assert "Pasal 7 ayat (4)" in limited[org.newcomer.pk]
    # still checked: without a PPK they are a violation like anyone else
    assert [r.employee_id for r in report.rows] == [org.newcomer.pk]
    assert report.rows[0].findings[0].requirement == "KED-1"
    place(org, org.newcomer, org.kabid, TODAY)
    assert validation_report(org.admin).rows == []


@pytest.mark.req("ORG-6")
def test_candidates_and_report_over_the_api_answer_for_a_unit_without_positions(org, client):
    org.admin.user.set_password("rahasia-uji")
    org.admin.user.save()
    client.force_login(org.admin.user)
    response = client.get(f"/api/v1/placements/candidates/{org.newcomer.pk}")
    assert response.status_code == 200, response.content
    assert {c["employee_id"] for c in response.json() if c["allowed"]} == {org.kabid.pk, org.kadis.pk}
    report = client.get("/api/v1/placement-report").json()
    assert report["limited"][0]["employee_id"] == org.newcomer.pk and report["structural"] == 3


# --- item 11: a future placement is not current -------------------------------------------------
@pytest.mark.req("KED-6")
def test_a_scheduled_placement_is_not_current_until_its_day(org):
    now = place(org, org.staff, org.kasi, TODAY - dt.timedelta(days=30))
    later = place(org, org.staff, org.kabid, TODAY + dt.timedelta(days=400), number="800/2/2027")
    assert selectors.current_placement(org.staff) == now
    assert selectors.scheduled_placements(org.staff) == [later]
    now.refresh_from_db()
    assert (now.status(), later.status()) == (Placement.Status.CURRENT, Placement.Status.SCHEDULED)
    assert ppk_authority(org.kasi, org.staff) == (True, None)
    assert ppk_authority(org.kabid, org.staff) == (False, None)
    assert ppk_authority(org.kabid, org.staff, on=later.effective_from) == (True, None)
    assert [p.employee_id for p in selectors.direct_reports(org.kabid)] == []


@pytest.mark.req("KED-6")
def test_withdrawing_a_scheduled_placement_keeps_it_in_history_and_the_previous_runs_on(org):
    now = place(org, org.staff, org.kasi, TODAY - dt.timedelta(days=30))
    later = place(org, org.staff, org.kabid, TODAY + dt.timedelta(days=400))
    with pytest.raises(PlacementError) as exc:
        withdraw_placement(actor=org.admin, placement_id=later.pk, reason="  ")
    assert exc.value.code == "reason_required"
    withdraw_placement(actor=org.admin, placement_id=later.pk, reason="Keputusan dibatalkan")
    later.refresh_from_db()
    now.refresh_from_db()
    assert later.status() == Placement.Status.WITHDRAWN and now.effective_until is None
    assert Placement.objects.filter(employee=org.staff).count() == 2  # kept, not deleted
    assert later.history.first().history_change_reason == "Keputusan dibatalkan"
    assert Event.objects.filter(
        verb="placement.withdrawn", object_id=str(later.pk), reason="Keputusan dibatalkan"
    ).exists()
    with pytest.raises(PlacementError) as exc:  # in force: corrected, never withdrawn
        withdraw_placement(actor=org.admin, placement_id=now.pk, reason="salah")
    assert exc.value.code == "in_effect"
    # the employee can be placed again after the current placement
    place(org, org.staff, org.kabid, TODAY + dt.timedelta(days=10))


@pytest.mark.req("KED-6")
def test_correcting_a_placement_records_the_reason_and_is_judged_again(org):
    now = place(org, org.staff, org.kasi, TODAY - dt.timedelta(days=30))
    later = place(org, org.staff, org.kabid, TODAY + dt.timedelta(days=60))
    correct_placement(
        actor=org.admin,
        placement_id=later.pk,
        reason="Salah ketik tanggal pada keputusan",
        effective_from=TODAY + dt.timedelta(days=90),
    )
    now.refresh_from_db()
    later.refresh_from_db()
    assert later.effective_from == TODAY + dt.timedelta(days=90)
    assert now.effective_until == TODAY + dt.timedelta(days=89)
    assert later.history.first().history_change_reason == "Salah ketik tanggal pada keputusan"
    event = Event.objects.get(verb="placement.corrected", object_id=str(later.pk))
    assert event.reason == "Salah ketik tanggal pada keputusan" and "effective_from" in event.changes
    with pytest.raises(PlacementError) as exc:  # a PPK outside the line is refused, as on placement
        correct_placement(actor=org.admin, placement_id=now.pk, reason="PPK salah", assessor_id=org.newcomer.pk)
    assert exc.value.code == "violates_profile"
    with pytest.raises(PlacementError) as exc:
        correct_placement(
            actor=org.admin,
            placement_id=later.pk,
            reason="mundur",
            effective_from=now.effective_from,
            basis_date=now.effective_from,
        )
    assert exc.value.code == "not_after_current"


@pytest.mark.req("KED-6")
def test_place_page_shows_scheduled_and_lets_the_admin_withdraw(org, client):
    place(org, org.staff, org.kasi, TODAY - dt.timedelta(days=30))
    later = place(org, org.staff, org.kabid, TODAY + dt.timedelta(days=400))
    client.force_login(org.admin.user)
    page = client.get(reverse("ked:place", args=[org.staff.pk])).content.decode()
    assert "terjadwal" in page and "belum berlaku" in page
    response = client.post(reverse("ked:withdraw", args=[org.staff.pk, later.pk]), {"reason": "Dibatalkan"})
    assert response.status_code == 302
    later.refresh_from_db()
    assert later.withdrawn_at is not None
    detail = client.get(reverse("web:employee_detail", args=[org.staff.pk])).content.decode()
    assert "ditarik" in detail


@pytest.mark.req("KED-6")
def test_api_current_filter_leaves_out_scheduled_placements(org, client):
    now = place(org, org.staff, org.kasi, TODAY - dt.timedelta(days=30))
    later = place(org, org.staff, org.kabid, TODAY + dt.timedelta(days=400))
    client.force_login(org.admin.user)
    current = client.get(f"/api/v1/placements?employee_id={org.staff.pk}").json()["items"]
    assert [(p["id"], p["status"]) for p in current] == [(now.pk, "berlaku")]
    every = client.get(f"/api/v1/placements?employee_id={org.staff.pk}&current=false").json()["items"]
    assert {p["id"]: p["status"] for p in every} == {now.pk: "berlaku", later.pk: "terjadwal"}
    response = client.post(
        f"/api/v1/placements/{later.pk}/withdraw", {"reason": "Dibatalkan"}, content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["status"] == "ditarik"
    response = client.post(f"/api/v1/placements/{now.pk}/withdraw", {"reason": "x"}, content_type="application/json")
    assert response.status_code == 409 and response.json()["code"] == "in_effect"


# --- item 12: delegations do not overlap --------------------------------------------------------
def delegate(o, kind, start, end, delegate_to=None):
    return delegate_authority(
        actor=o.admin,
        kind=kind,
        delegator_id=o.kabid.pk,
        delegate_id=(delegate_to or o.kasi).pk,
        starts_on=start,
        ends_on=end,
        basis_number="800/PLH/1",
        basis_date=start,
    )


@pytest.mark.req("KED-5")
def test_a_plh_and_a_plt_for_one_official_on_the_same_days_are_refused(org):
    delegate(org, "plh", TODAY, TODAY + dt.timedelta(days=5))
    with pytest.raises(PlacementError) as exc:
        delegate(org, "plt", TODAY + dt.timedelta(days=5), TODAY + dt.timedelta(days=20), delegate_to=org.kasi_jf)
    assert exc.value.code == "overlap" and "Plh" in str(exc.value)
    with pytest.raises(PlacementError):
        delegate(org, "plh", TODAY - dt.timedelta(days=3), TODAY)
    delegate(org, "plt", TODAY + dt.timedelta(days=6), TODAY + dt.timedelta(days=20))  # the day after: fine
    assert Delegation.objects.filter(delegator=org.kabid).count() == 2


@pytest.mark.req("KED-5")
def test_delegations_show_berlaku_belum_berlaku_berakhir(org, client):
    past = delegate(org, "plh", TODAY - dt.timedelta(days=20), TODAY - dt.timedelta(days=10))
    running = delegate(org, "plh", TODAY, TODAY + dt.timedelta(days=2))
    future = delegate(org, "plt", TODAY + dt.timedelta(days=30), TODAY + dt.timedelta(days=60))
    assert [d.status_label() for d in (past, running, future)] == ["berakhir", "berlaku", "belum berlaku"]
    client.force_login(org.admin.user)
    page = client.get(reverse("ked:delegations")).content.decode()
    for word in (">berakhir<", ">berlaku<", ">belum berlaku<"):
        assert word in page
    items = client.get("/api/v1/delegations").json()["items"]
    assert {d["id"]: d["status"] for d in items} == {
        past.pk: "berakhir",
        running.pk: "berlaku",
        future.pk: "belum berlaku",
    }


@pytest.mark.req("ORG-6")
def test_placing_someone_without_a_position_works_on_the_page_and_the_api(org, client):
    client.force_login(org.admin.user)
    page = client.get(reverse("ked:place", args=[org.newcomer.pk]))
    assert page.status_code == 200 and org.kabid.full_name in page.content.decode()
    response = client.post(
        "/api/v1/placements",
        {"employee_id": org.newcomer.pk, "assessor_id": org.kabid.pk, "basis_number": "800/9/2026",
         "basis_date": TODAY.isoformat(), "effective_from": TODAY.isoformat()},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 201, response.content
    assert selectors.current_placement(org.newcomer).assessor_id == org.kabid.pk


@pytest.mark.req("KED-6")
def test_correction_on_the_page_keeps_the_reason(org, client):
    placement = place(org, org.staff, org.kasi, TODAY - dt.timedelta(days=5))
    client.force_login(org.admin.user)
    url = reverse("ked:correct", args=[org.staff.pk, placement.pk])
    data = {"assessor": org.kabid.pk, "basis_number": "800/1/2026-K", "basis_date": placement.basis_date.isoformat(),
            "effective_from": placement.effective_from.isoformat()}  # fmt: skip
    client.post(url, data)  # no reason: refused
    placement.refresh_from_db()
    assert placement.assessor_id == org.kasi.pk
    assert client.post(url, {**data, "reason": "PPK tertukar pada keputusan"}).status_code == 302
    placement.refresh_from_db()
    assert (placement.assessor_id, placement.basis_number) == (org.kabid.pk, "800/1/2026-K")
    assert placement.history.first().history_change_reason == "PPK tertukar pada keputusan"
    assert Event.objects.get(verb="placement.corrected").changes["assessor_id"] == [str(org.kasi.pk), str(org.kabid.pk)]


@pytest.mark.req("KED-7")
def test_rsud_placement_under_a_jf_kepala_seksi_is_accepted_and_reported_clean(profiles):
    """PPU Lampiran B.1 huruf g: the Kepala Seksi of an RSUD is a pejabat fungsional and PPK of
    the JF and pelaksana of the seksi; the same in a Dinas is refused."""
    region = RegionFactory(profile=profiles["penajam-paser-utara"])
    admin = actor_for(user_with_role(region, Role.ADMIN_BKPSDM), region)
    out = {}
    for unit_type in (UnitType.RSUD, UnitType.DINAS):
        top = UnitFactory(region=region, unit_type=unit_type)
        seksi = UnitFactory(region=region, parent=top, unit_type=UnitType.SEKSI, is_perangkat_daerah=False)
        EmployeeFactory(position=PositionFactory(unit=top, kind="administrator", is_leader=True))
        kasi = EmployeeFactory(
            position=PositionFactory(
                unit=seksi, kind="fungsional", jf_level="ahli_muda", jf_category="keahlian", is_leader=True
            )
        )
        perawat = EmployeeFactory(
            position=PositionFactory(unit=seksi, kind="fungsional", jf_level="terampil", jf_category="keterampilan")
        )
        try:
            place_employee(
                actor=admin,
                employee_id=perawat.pk,
                assessor_id=kasi.pk,
                basis_number="800/RS/1",
                basis_date=TODAY,
                effective_from=TODAY,
            )
            out[unit_type] = "ok"
        except PlacementError as exc:
            out[unit_type] = exc.code
    assert out == {UnitType.RSUD: "ok", UnitType.DINAS: "violates_profile"}
