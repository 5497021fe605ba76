"""Units, positions and employees over the API (ORG-1, ORG-3..6, TIK-1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sikerja.api.tests.helpers import API, all_ids, body, first_staff, in_subtree, staff_of
from sikerja.organisation.choices import JF_LEVEL_CATEGORY, JfLevel, PositionKind
from sikerja.organisation.demo.builder import DEMO_PASSWORD, build_demo_region
from sikerja.organisation.models import Employee, Placement, Position, Unit
from sikerja.organisation.rules.nip import nip_error

ORG1_TYPES = [
    "setda", "setwan", "inspektorat", "dinas", "badan", "satpol_pp", "dpmptsp",
    "rsud", "kecamatan", "kelurahan", "upt_a", "upt_b", "puskesmas", "sekolah",
]  # fmt: skip


# --- units (ORG-1) ---------------------------------------------------------------------------
@pytest.mark.req("ORG-1")
def test_units_is_the_whole_tree_in_depth_first_order(demo, login):
    client = login("pegawai.kominfo")
    data = body(client.get(f"{API}/units?page_size=200"))
    assert data["count"] == Unit.objects.filter(region=demo.region, is_active=True).count()
    items = data["items"]
    depth = {}
    for item in items:
        if item["parent_id"] is None:
            assert item["depth"] == 0
        else:
            # depth-first: a parent always comes before its children
            assert item["parent_id"] in depth
            assert item["depth"] == depth[item["parent_id"]] + 1
        depth[item["id"]] = item["depth"]


@pytest.mark.req("ORG-1")
def test_every_unit_type_of_org1_can_be_listed(demo, login):
    client = login("pegawai.kominfo")
    for unit_type in ORG1_TYPES:
        data = body(client.get(f"{API}/units?unit_type={unit_type}"))
        assert data["count"] >= 1, unit_type
        assert {u["unit_type"] for u in data["items"]} == {unit_type}


@pytest.mark.req("ORG-1")
def test_unit_filters(demo, login):
    client = login("pegawai.kominfo")
    kominfo = demo.units["DISKOMINFO"]

    roots = body(client.get(f"{API}/units?root=true&page_size=200"))
    assert {u["id"] for u in roots["items"]} == {u.pk for u in demo.units.values() if u.parent_id is None}

    children = body(client.get(f"{API}/units?parent_id={kominfo.pk}"))
    assert {u["id"] for u in children["items"]} == {u.pk for u in demo.units.values() if u.parent_id == kominfo.pk}

    subtree = all_ids(client, f"{API}/units?subtree_of={kominfo.pk}")
    expected = {u.pk for code, u in demo.units.items() if code == "DISKOMINFO" or code.startswith("DISKOMINFO.")}
    assert subtree == expected

    by_pd = all_ids(client, f"{API}/units?perangkat_daerah_id={kominfo.pk}")
    assert by_pd == expected

    named = body(client.get(f"{API}/units?q=aplikasi informatika"))
    assert demo.units["DISKOMINFO.BID1"].pk in {u["id"] for u in named["items"]}
    assert all("aplikasi informatika" in u["name"].lower() for u in named["items"])


@pytest.mark.req("ORG-1", "ORG-2")
def test_unit_detail_has_path_leader_and_counts(demo, login):
    bid1 = demo.units["DISKOMINFO.BID1"]
    response = login("pegawai.kominfo").get(f"{API}/units/{bid1.pk}")
    assert response.status_code == 200
    data = body(response)
    kominfo = demo.units["DISKOMINFO"]
    assert data["parent"]["id"] == kominfo.pk
    assert data["perangkat_daerah"]["id"] == kominfo.pk
    assert [a["id"] for a in data["ancestors"]] == [kominfo.pk]
    assert data["depth"] == 1
    leader = Employee.objects.get(position__unit=bid1, position__is_leader=True)
    assert data["leader"]["id"] == leader.pk
    assert data["leader"]["position"]["is_leader"] is True
    assert "nip" not in data["leader"]  # structure, not personal data
    assert data["counts"]["employees"] == len(staff_of(demo, "DISKOMINFO.BID1"))
    assert data["counts"]["positions"] == Position.objects.filter(unit=bid1).count()
    assert data["counts"]["children"] == Unit.objects.filter(parent=bid1, is_active=True).count()


@pytest.mark.req("ORG-1")
def test_unit_children(demo, login):
    kominfo = demo.units["DISKOMINFO"]
    data = body(login("pegawai.kominfo").get(f"{API}/units/{kominfo.pk}/children"))
    expected = {u.pk: u for u in demo.units.values() if u.parent_id == kominfo.pk}
    assert {u["id"] for u in data["items"]} == set(expected)
    for item in data["items"]:
        assert item["child_count"] == sum(1 for u in demo.units.values() if u.parent_id == item["id"])


# --- positions (ORG-3, ORG-4, ORG-6) ----------------------------------------------------------
@pytest.mark.req("ORG-6")
def test_positions_of_a_unit_are_its_peta_jabatan(demo, login):
    bid1 = demo.units["DISKOMINFO.BID1"]
    data = body(login("pegawai.kominfo").get(f"{API}/positions?unit_id={bid1.pk}"))
    positions = Position.objects.filter(unit=bid1)
    assert {p["id"] for p in data["items"]} == {p.pk for p in positions}
    for item in data["items"]:
        position = positions.get(pk=item["id"])
        assert item["required"] == position.required
        assert item["filled"] == position.holders.filter(is_active=True).count()
    assert data["items"][0]["is_leader"] is True  # the leader's position heads the peta jabatan


@pytest.mark.req("ORG-3")
def test_positions_by_kind(demo, login):
    client = login("pegawai.kominfo")
    for kind in PositionKind:
        data = body(client.get(f"{API}/positions?kind={kind.value}&page_size=200"))
        assert data["count"] == Position.objects.filter(region=demo.region, kind=kind).count()
        assert {p["kind"] for p in data["items"]} <= {kind.value}
        if kind not in (PositionKind.JPT_UTAMA, PositionKind.JPT_MADYA):  # a kabupaten has neither
            assert data["count"] > 0, kind


@pytest.mark.req("ORG-4")
def test_jf_positions_carry_category_and_level(demo, login):
    client = login("pegawai.kominfo")
    seen = set()
    for level in JfLevel:
        data = body(client.get(f"{API}/positions?jf_level={level.value}&page_size=200"))
        for item in data["items"]:
            assert item["kind"] == "fungsional"
            assert item["jf_level"] == level.value
            assert item["jf_category"] == JF_LEVEL_CATEGORY[level].value
            seen.add(level.value)
    assert {"ahli_pertama", "ahli_muda", "ahli_madya"} <= seen
    non_jf = body(client.get(f"{API}/positions?kind=pelaksana&page_size=5"))["items"]
    assert all(p["jf_level"] is None and p["jf_category"] is None for p in non_jf)


@pytest.mark.req("ORG-6")
def test_position_detail(demo, login):
    position = Position.objects.filter(region=demo.region, required__gt=1).first()
    data = body(login("pegawai.kominfo").get(f"{API}/positions/{position.pk}"))
    assert data["unit"]["id"] == position.unit_id
    filled = position.holders.filter(is_active=True).count()
    assert data["filled"] == filled
    assert data["vacancy"] == position.required - filled


# --- employees (ORG-5) -----------------------------------------------------------------------
@pytest.mark.req("ORG-5")
def test_region_wide_role_sees_every_active_employee(demo, login):
    client = login("admin.bkpsdm")
    ids = all_ids(client, f"{API}/employees")
    assert ids == set(Employee.objects.filter(region=demo.region, is_active=True).values_list("pk", flat=True))


@pytest.mark.req("ORG-5")
def test_employee_filters(demo, login):
    client = login("admin.bkpsdm")
    region = Employee.objects.filter(region=demo.region, is_active=True)

    assert all_ids(client, f"{API}/employees?status=pppk") == set(
        region.filter(status="pppk").values_list("pk", flat=True)
    )
    assert all_ids(client, f"{API}/employees?golongan=III/a") == set(
        region.filter(golongan="III/a").values_list("pk", flat=True)
    )
    assert all_ids(client, f"{API}/employees?kind=fungsional") == set(
        region.filter(position__kind="fungsional").values_list("pk", flat=True)
    )
    bid1 = demo.units["DISKOMINFO.BID1"]
    assert all_ids(client, f"{API}/employees?unit_id={bid1.pk}") == {e.pk for e in staff_of(demo, "DISKOMINFO.BID1")}
    kominfo = demo.units["DISKOMINFO"]
    assert all_ids(client, f"{API}/employees?subtree_of={kominfo.pk}") == {e.pk for e in in_subtree(demo, "DISKOMINFO")}
    assert all_ids(client, f"{API}/employees?subtree_of={kominfo.pk}&unit_id={bid1.pk}") == {
        e.pk for e in staff_of(demo, "DISKOMINFO.BID1")
    }

    someone = staff_of(demo, "DISKOMINFO.BID1")[0]
    by_nip = body(client.get(f"{API}/employees?q={someone.nip[:14]}"))
    assert someone.pk in {e["id"] for e in by_nip["items"]}
    assert all(e["nip"].startswith(someone.nip[:14]) or someone.nip[:14] in e["name"] for e in by_nip["items"])
    by_name = body(client.get(f"{API}/employees?q={someone.name.split()[0]}"))
    assert someone.pk in {e["id"] for e in by_name["items"]}


@pytest.mark.req("ORG-5")
def test_employee_list_shows_nip_status_golongan(demo, login):
    data = body(login("admin.bkpsdm").get(f"{API}/employees?page_size=200"))
    assert {e["status"] for e in data["items"]} <= {"pns", "pppk"}
    for item in data["items"]:
        assert nip_error(item["nip"]) is None, item["nip"]
        assert item["golongan"]


@pytest.mark.req("ORG-5")
def test_employee_detail_has_position_unit_competences_and_assessor(demo, login):
    employee = first_staff(demo, "DISKOMINFO.BID1")
    response = login("kadis.kominfo").get(f"{API}/employees/{employee.pk}")
    assert response.status_code == 200
    data = body(response)
    assert data["nip"] == employee.nip
    assert data["unit"]["id"] == employee.unit_id
    assert data["position"]["id"] == employee.position_id
    assert data["perangkat_daerah"]["id"] == demo.units["DISKOMINFO"].pk
    links = employee.competence_links.select_related("competence")
    assert {c["name"]: c["level"] for c in data["competences"]} == {link.competence.name: link.level for link in links}
    assert data["competences"] and {c["kind"] for c in data["competences"]} <= {
        "kompetensi",
        "keahlian",
        "keterampilan",
    }
    placement = Placement.objects.get(employee=employee, effective_until__isnull=True)
    assert data["assessor"]["employee"]["id"] == placement.assessor_id
    assert data["assessor"]["basis_number"] == placement.basis_number
    assert "nip" not in data["assessor"]["employee"]


# --- pagination -----------------------------------------------------------------------------
@pytest.mark.req("TIK-1")
def test_pagination_defaults_and_limits(demo, login):
    client = login("admin.bkpsdm")
    default = body(client.get(f"{API}/employees"))
    assert default["page_size"] == 50 and len(default["items"]) == 50 and default["page"] == 1
    assert default["num_pages"] == -(-default["count"] // 50)
    capped = body(client.get(f"{API}/employees?page_size=1000"))
    assert capped["page_size"] == 500 and len(capped["items"]) == min(500, default["count"])
    second = body(client.get(f"{API}/employees?page=2&page_size=10"))
    first = body(client.get(f"{API}/employees?page=1&page_size=10"))
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
    last = body(client.get(f"{API}/employees?page={default['num_pages']}"))
    assert len(last["items"]) == default["count"] - 50 * (default["num_pages"] - 1)


@pytest.mark.req("TIK-1")
def test_empty_result_is_page_one_not_404(demo, login):
    data = body(login("admin.bkpsdm").get(f"{API}/employees?q=tidak-ada-nama-begini"))
    assert data == {"items": [], "count": 0, "page": 1, "page_size": 50, "num_pages": 1, "has_next": False}


@pytest.mark.req("TIK-1")
def test_employee_fields_and_count_false_give_the_same_rows_cheaper(demo, login):
    """Issue 15 item 4: `fields=` keeps only the named fields, `count=false` skips the count,
    and the rows are the same as the full page's, in the same order."""
    client = login("admin.bkpsdm")
    full = body(client.get(f"{API}/employees?page_size=30&page=2"))
    slim = body(client.get(f"{API}/employees?page_size=30&page=2&count=false&fields=id,full_name,unit"))
    assert slim["count"] is None and slim["num_pages"] is None and slim["has_next"] is True
    assert full["has_next"] is True and full["count"] > 60
    assert [set(item) for item in slim["items"]] == [{"id", "full_name", "unit"}] * 30
    assert slim["items"] == [{k: item[k] for k in ("id", "full_name", "unit")} for item in full["items"]]
    employee = Employee.objects.select_related("unit").get(pk=full["items"][0]["id"])
    assert full["items"][0]["full_name"] == employee.full_name
    assert full["items"][0]["unit"]["code"] == employee.unit.code
    last = full["num_pages"]
    assert body(client.get(f"{API}/employees?page_size=30&page={last}&count=false"))["has_next"] is False
    assert client.get(f"{API}/employees?page_size=30&page={last + 1}&count=false").status_code == 404
    refused = client.get(f"{API}/employees?fields=id,salary")
    assert refused.status_code == 422 and "fields" in body(refused)["detail"]


# --- bad input: 4xx with the error JSON, never 500 --------------------------------------------
BAD_INPUT = [
    ("/units?parent_id=abc", 422, "parent_id"),
    ("/units?root=perhaps", 422, "root"),
    ("/units?unit_type=kastil", 422, "unit_type"),
    ("/units?subtree_of=-3", 422, "subtree_of"),
    ("/units?parent_id=99999999999999999999999999", 422, "parent_id"),
    ("/units?unknown_filter=1", 422, "unknown_filter"),
    ("/units?q=" + "x" * 101, 422, "q"),
    ("/units/999999999", 404, None),
    ("/units/abc", 422, "unit_id"),
    ("/units/0", 422, "unit_id"),
    ("/units/99999999999999999999999", 422, "unit_id"),
    ("/units/999999999/children", 404, None),
    ("/units?subtree_of=999999999", 404, None),
    ("/positions?kind=raja", 422, "kind"),
    ("/positions?jf_level=ahli_super", 422, "jf_level"),
    ("/positions?unit_id=1.5", 422, "unit_id"),
    ("/positions/999999999", 404, None),
    ("/employees?page=999999", 404, None),
    ("/employees?page=0", 422, "page"),
    ("/employees?page=abc", 422, "page"),
    ("/employees?page_size=0", 422, "page_size"),
    ("/employees?page=99999999999999999999999999999", 404, None),
    ("/employees?status=xyz", 422, "status"),
    ("/employees?golongan=V/z", 422, "golongan"),
    ("/employees?unit=5", 422, "unit"),
    ("/employees?subtree_of=999999999", 404, None),
    ("/employees/999999999", 404, None),
    ("/employees/abc", 422, "employee_id"),
    ("/regions?filter=x", 422, "filter"),
    ("/regions/tidak-ada", 404, None),
    ("/profiles?page=5", 404, None),
]


@pytest.mark.req("TIK-1")
def test_bad_input_is_a_clear_4xx(demo, login):
    client = login("admin.bkpsdm")
    for url, status, field in BAD_INPUT:
        response = client.get(API + url)
        assert response.status_code == status, (url, response.content)
        data = body(response)
        assert data["code"] == {404: "not_found", 422: "invalid_input"}[status], url
        assert data["detail"], url
        if field:
            assert [e["field"] for e in data["errors"]] == [field], url
            assert data["errors"][0]["message"], url


# --- query counts do not grow with the data ---------------------------------------------------
def _count_queries(client, url: str) -> int:
    client.get(url)  # warm-up: per-process caches (content types, ...) must not skew the count
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, (url, response.content)
    return len(ctx)


def _urls(builder) -> dict[str, str]:
    kominfo, bid1 = builder.units["DISKOMINFO"], builder.units["DISKOMINFO.BID1"]
    employee = first_staff(builder, "DISKOMINFO.BID1")
    return {
        "units": f"{API}/units",
        "units_subtree": f"{API}/units?subtree_of={kominfo.pk}",
        "unit": f"{API}/units/{bid1.pk}",
        "children": f"{API}/units/{kominfo.pk}/children",
        "positions": f"{API}/positions",
        "position": f"{API}/positions/{employee.position_id}",
        "employees": f"{API}/employees",
        "employees_subtree": f"{API}/employees?subtree_of={kominfo.pk}&q=a",
        "employee": f"{API}/employees/{employee.pk}",
        "regions": f"{API}/regions",
        "region": f"{API}/regions/{builder.region.slug}",
    }


@pytest.mark.req("TIK-1")
def test_query_counts_do_not_grow_with_the_region(demo, login):
    _, _, big = build_demo_region(n_employees=3000, seed=5, slug="besar", name="Kabupaten Besar", user_prefix="besar")
    # the 300-employee demo carries a fixed skeleton of leaders on top; the big one is still ~7x
    assert Employee.objects.filter(region=big.region).count() >= 5 * Employee.objects.filter(region=demo.region).count()
    small_urls, big_urls = _urls(demo), _urls(big)
    for role in ("admin.bkpsdm", "kadis.kominfo", "pegawai.kominfo"):
        small_client = login(role)
        big_client = login(f"besar.{role}")
        assert big_client.login(username=f"besar.{role}", password=DEMO_PASSWORD)
        for name in small_urls:
            small = _count_queries(small_client, small_urls[name])
            large = _count_queries(big_client, big_urls[name])
            assert small == large, f"{role} {name}: {small} queries for 300 employees, {large} for 3000"
            assert small <= 12, f"{role} {name}: {small} queries"
