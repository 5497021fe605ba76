"""Every API endpoint under the one permission model: other region, outside my subtree (PRF-3, ORG-5).

Structure (units, positions, leaders) is visible to everyone of the region; employees only
within the actor's scope. Another region's objects are 404 by id and absent from lists.
"""

import pytest
from django.test import Client

from sikerja.api.tests.helpers import API, all_ids, body, first_staff, in_subtree, staff_of
from sikerja.organisation.models import Employee, Position, Unit


def _endpoints(builder) -> list[str]:
    kominfo = builder.units["DISKOMINFO"]
    employee = first_staff(builder, "DISKOMINFO.BID1")
    return [
        f"{API}/regions",
        f"{API}/regions/{builder.region.slug}",
        f"{API}/profiles",
        f"{API}/profiles/nasional",
        f"{API}/units",
        f"{API}/units/{kominfo.pk}",
        f"{API}/units/{kominfo.pk}/children",
        f"{API}/positions",
        f"{API}/positions/{employee.position_id}",
        f"{API}/employees",
        f"{API}/employees/{employee.pk}",
    ]


@pytest.mark.req("TIK-1")
def test_every_endpoint_needs_authentication(demo):
    client = Client()
    for url in _endpoints(demo):
        response = client.get(url)
        assert response.status_code == 401, url
        assert body(response)["code"] == "not_authenticated", url


@pytest.mark.req("TIK-1")
def test_every_endpoint_answers_every_role_of_the_region(demo, login):
    for username in ("admin.bkpsdm", "admin.organisasi", "sekda", "kadis.kominfo", "kabid.aptika", "pegawai.kominfo"):
        client = login(username)
        for url in _endpoints(demo):
            assert client.get(url).status_code == 200, (username, url)


# --- other region (PRF-3) -------------------------------------------------------------------
@pytest.mark.req("PRF-3")
def test_other_regions_objects_are_404_by_id(demo, other_demo, login):
    client = login("lain.admin.bkpsdm")  # region-wide in region B
    unit = demo.units["DISKOMINFO"]
    employee = first_staff(demo, "DISKOMINFO.BID1")
    for url in (
        f"{API}/units/{unit.pk}",
        f"{API}/units/{unit.pk}/children",
        f"{API}/positions/{employee.position_id}",
        f"{API}/employees/{employee.pk}",
        f"{API}/regions/{demo.region.slug}",
        f"{API}/units?subtree_of={unit.pk}",
        f"{API}/employees?subtree_of={unit.pk}",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert body(response)["code"] == "not_found", url


@pytest.mark.req("PRF-3")
def test_other_regions_objects_never_appear_in_lists(demo, other_demo, login):
    client = login("lain.admin.bkpsdm")
    a_units = set(Unit.objects.filter(region=demo.region).values_list("pk", flat=True))
    a_positions = set(Position.objects.filter(region=demo.region).values_list("pk", flat=True))
    a_employees = set(Employee.objects.filter(region=demo.region).values_list("pk", flat=True))

    units = all_ids(client, f"{API}/units?include_inactive=true")
    assert units == set(Unit.objects.filter(region=other_demo.region).values_list("pk", flat=True))
    assert not units & a_units
    assert not all_ids(client, f"{API}/positions") & a_positions
    employees = all_ids(client, f"{API}/employees")
    assert employees and not employees & a_employees

    # Filtering on region A's ids gives nothing, not A's data.
    kominfo = demo.units["DISKOMINFO"]
    assert body(client.get(f"{API}/units?parent_id={kominfo.pk}"))["count"] == 0
    assert body(client.get(f"{API}/units?perangkat_daerah_id={kominfo.pk}"))["count"] == 0
    assert body(client.get(f"{API}/positions?unit_id={kominfo.pk}"))["count"] == 0
    assert body(client.get(f"{API}/employees?unit_id={kominfo.pk}"))["count"] == 0
    regions = body(client.get(f"{API}/regions"))
    assert [r["slug"] for r in regions["items"]] == [other_demo.region.slug]


@pytest.mark.req("PRF-3")
def test_region_a_users_do_not_see_region_b(demo, other_demo, login):
    client = login("kadis.kominfo")
    b_unit = other_demo.units["DISKOMINFO"]
    b_employee = first_staff(other_demo, "DISKOMINFO.BID1")
    assert client.get(f"{API}/units/{b_unit.pk}").status_code == 404
    assert client.get(f"{API}/employees/{b_employee.pk}").status_code == 404
    assert client.get(f"{API}/positions/{b_employee.position_id}").status_code == 404
    assert not all_ids(client, f"{API}/units") & set(
        Unit.objects.filter(region=other_demo.region).values_list("pk", flat=True)
    )


# --- outside my subtree (ORG-5) ----------------------------------------------------------------
@pytest.mark.req("ORG-5")
def test_kepala_pd_sees_employees_of_their_subtree_only(demo, login):
    client = login("kadis.kominfo")
    visible = all_ids(client, f"{API}/employees")
    assert visible == {e.pk for e in in_subtree(demo, "DISKOMINFO")}

    outsider = first_staff(demo, "BKPSDM.BID1")
    assert outsider.pk not in visible
    response = client.get(f"{API}/employees/{outsider.pk}")
    assert response.status_code == 404
    assert body(response)["code"] == "not_found"
    # Searching for them by name or NIP does not reveal them either.
    assert outsider.pk not in {e["id"] for e in body(client.get(f"{API}/employees?q={outsider.nip}"))["items"]}
    bkpsdm = demo.units["BKPSDM"]
    assert body(client.get(f"{API}/employees?subtree_of={bkpsdm.pk}"))["count"] == 0
    assert body(client.get(f"{API}/employees?unit_id={bkpsdm.pk}"))["count"] == 0

    # Structure stays visible: the unit, its peta jabatan and its leader.
    assert client.get(f"{API}/units/{bkpsdm.pk}").status_code == 200
    assert body(client.get(f"{API}/positions?unit_id={bkpsdm.pk}"))["count"] > 0


@pytest.mark.req("ORG-5")
def test_pimpinan_unit_sees_their_unit_subtree(demo, login):
    visible = all_ids(login("kabid.aptika"), f"{API}/employees")
    assert visible == {e.pk for e in in_subtree(demo, "DISKOMINFO.BID1")}
    assert first_staff(demo, "DISKOMINFO.BID2").pk not in visible


@pytest.mark.req("ORG-5")
def test_pegawai_sees_only_themself(demo, login):
    client = login("pegawai.kominfo")
    me = first_staff(demo, "DISKOMINFO.BID1")
    data = body(client.get(f"{API}/employees"))
    assert [e["id"] for e in data["items"]] == [me.pk]
    assert client.get(f"{API}/employees/{me.pk}").status_code == 200
    colleague = next(e for e in staff_of(demo, "DISKOMINFO.BID1") if e.pk != me.pk)
    assert client.get(f"{API}/employees/{colleague.pk}").status_code == 404


@pytest.mark.req("ORG-5")
def test_region_wide_roles_see_everyone(demo, login):
    everyone = set(Employee.objects.filter(region=demo.region, is_active=True).values_list("pk", flat=True))
    for username in ("sekda", "admin.organisasi"):
        assert all_ids(login(username), f"{API}/employees") == everyone
