"""Candidate search of a leader (PEN-14) and the ketua ranking of a team (PEN-11), on the demo
region (PPU profile) and the other region (Barito Utara)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sikerja.assignments import services
from sikerja.assignments.candidates import ketua_ranking, may_search_candidates, search_candidates
from sikerja.assignments.services import MemberInput
from sikerja.assignments.tests.people import END, START, actor, emp, unit
from sikerja.organisation.models import Competence, Employee, EmployeeCompetence, Unit

PERIOD = {"starts_on": START, "ends_on": END}
PPU_KETUA = "Perbup Penajam Paser Utara 31/2024 Pasal 10"




def everyone(page_fn, **kw):
    """All rows of a search, page by page."""
    rows, offset = [], 0
    while True:
        page = page_fn(offset=offset, limit=100, **kw)
        rows += page.rows
        offset += page.limit
        if offset >= page.total:
            return rows, page.total


def held_names(employee_ids):
    out = {}
    for emp_id, name in EmployeeCompetence.objects.filter(employee_id__in=employee_ids, level__gt=0).values_list(
        "employee_id", "competence__name"
    ):
        out.setdefault(emp_id, set()).add(name.lower())
    return out


@pytest.mark.req("PEN-14")
def test_leaders_may_search_staff_may_not(demo):
    assert may_search_candidates(actor("kabid.aptika"))  # leading position, PPK
    assert may_search_candidates(actor("kaban.bappeda"))  # kepala PD
    assert may_search_candidates(actor("admin.bkpsdm"))  # org admin
    assert may_search_candidates(actor("sekda"))
    assert not may_search_candidates(actor("pegawai.kominfo"))


@pytest.mark.req("PEN-14")
def test_competence_filter_counts_matches_case_insensitively_and_orders_by_them(demo):
    region = demo.region
    wanted = ["pengembangan APLIKASI", "Keamanan  Informasi", "Jaringan Komputer"]
    search = lambda **kw: search_candidates(actor("kabid.aptika"), competences=wanted, **PERIOD, **kw)  # noqa: E731
    rows, total = everyone(search)
    # exactly the active JF/pelaksana of the region who hold at least one of them
    needed = {"pengembangan aplikasi", "keamanan informasi", "jaringan komputer"}
    pool = Employee.objects.filter(region=region, is_active=True, position__kind__in=["fungsional", "pelaksana"])
    held = held_names(pool.values_list("pk", flat=True))
    expected = {pk for pk, names in held.items() if names & needed}
    assert total == len(expected) == len(rows) and {r.employee.pk for r in rows} == expected
    assert total >= 3
    for r in rows:
        assert len(r.match.matched) == len(held[r.employee.pk] & needed) >= 1
        assert r.match.score == round(100 * len(r.match.matched) / 3)
        # names as the region spells them, whatever case the leader typed
        assert set(r.match.matched) <= {"Pengembangan Aplikasi", "Keamanan Informasi", "Jaringan Komputer"}
        assert set(r.match.missing) <= {"Pengembangan Aplikasi", "Keamanan Informasi", "Jaringan Komputer"}
        assert r.employee.region_id == region.pk and r.employee.position.kind in ("fungsional", "pelaksana")
        assert r.position_name == r.employee.position.name and r.unit_name == r.employee.unit.name
        assert r.match.article.startswith("Perbup Penajam Paser Utara")
    counts = [len(r.match.matched) for r in rows]
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]
    # within equal matches, the least loaded come first (no assignments yet: own workload)
    for a, b in zip(rows, rows[1:], strict=False):
        if len(a.match.matched) == len(b.match.matched):
            assert a.own_hours <= b.own_hours
    # paging
    first = search(limit=2)
    assert [r.employee.pk for r in first.rows] == [r.employee.pk for r in rows[:2]] and first.has_next
    second = search(limit=2, offset=2)
    assert [r.employee.pk for r in second.rows] == [r.employee.pk for r in rows[2:4]]


@pytest.mark.req("PEN-14")
def test_unit_subtree_kinds_and_text_query(demo):
    region = demo.region
    kominfo = search_candidates(actor("kaban.bappeda"), unit_id=unit(region, "DISKOMINFO").pk, limit=100, **PERIOD)
    codes = {r.employee.unit.code for r in kominfo.rows}
    assert kominfo.total == len(kominfo.rows) > 2 and all(c.split(".")[0] == "DISKOMINFO" for c in codes)
    assert any(c.count(".") >= 2 for c in codes)  # sub-units (seksi) are included
    bid1 = search_candidates(actor("kaban.bappeda"), unit_id=unit(region, "DISKOMINFO.BID1").pk, **PERIOD)
    assert {r.employee.unit.code for r in bid1.rows} <= {"DISKOMINFO.BID1", "DISKOMINFO.BID1.S1"}
    assert emp("pegawai.kominfo").pk in {r.employee.pk for r in bid1.rows}
    assert emp("kabid.aptika").pk not in {r.employee.pk for r in bid1.rows}  # administrator: not a default kind
    leaders = search_candidates(
        actor("kaban.bappeda"), unit_id=unit(region, "DISKOMINFO.BID1").pk, kinds=["administrator"], **PERIOD
    )
    assert [r.employee.pk for r in leaders.rows] == [emp("kabid.aptika").pk]
    # ordering by load without competences: least own workload first
    hours = [r.own_hours for r in kominfo.rows]
    assert hours == sorted(hours)
    # text: a part of the name, or the start of the NIP
    me = emp("pegawai.kominfo")
    by_name = search_candidates(actor("kabid.ikp"), q=me.name.split()[0].upper(), limit=100, **PERIOD)
    assert me.pk in {r.employee.pk for r in by_name.rows}
    assert all(me.name.split()[0].lower() in r.employee.name.lower() for r in by_name.rows)
    by_nip = search_candidates(actor("kabid.aptika"), q=f"{me.nip[:8]} {me.nip[8:14]}", **PERIOD)
    assert me.pk in {r.employee.pk for r in by_nip.rows}
    assert all(r.employee.nip.startswith(me.nip[:14]) for r in by_nip.rows)
    # ... but only within the searcher's scope: a NIP is personal data (issue 9 item 16)
    assert search_candidates(actor("kabid.ikp"), q=me.nip, **PERIOD).rows == []


@pytest.mark.req("PEN-14")
def test_other_regions_people_never_appear(demo, other_demo):
    mine, theirs = demo.region, other_demo.region
    wanted = ["Pengembangan Aplikasi", "Pelayanan Publik"]
    rows, total = everyone(lambda **kw: search_candidates(actor("kabid.aptika"), competences=wanted, **PERIOD, **kw))
    assert total > 0 and all(r.employee.region_id == mine.pk for r in rows)
    rows, total = everyone(
        lambda **kw: search_candidates(actor("lain.kabid.aptika"), competences=wanted, **PERIOD, **kw)
    )
    assert total > 0 and all(r.employee.region_id == theirs.pk for r in rows)
    stranger = Employee.objects.filter(region=theirs, position__kind="fungsional").first()
    assert search_candidates(actor("kabid.aptika"), q=stranger.nip, **PERIOD).total == 0
    # another region's unit is an unknown unit here
    with pytest.raises(ValidationError, match="Unit tidak ditemukan"):
        search_candidates(actor("kabid.aptika"), unit_id=unit(theirs, "DISKOMINFO").pk, **PERIOD)
    with pytest.raises(ValidationError, match="tidak ditemukan di pemerintah daerah ini"):
        ketua_ranking(actor("kabid.aptika"), [emp("pegawai.kominfo").pk, stranger.pk], None)


@pytest.mark.req("PEN-14")
def test_an_issued_assignment_shows_as_committed_hours_and_can_overbook(demo):
    region = demo.region
    me = emp("pegawai.kominfo")
    bid1 = unit(region, "DISKOMINFO.BID1").pk
    own = float(me.position.workload_hours)
    before = search_candidates(actor("kabid.aptika"), unit_id=bid1, hours_per_week=2, **PERIOD)
    row = next(r for r in before.rows if r.employee.pk == me.pk)
    assert row.committed_hours == 0 and row.own_hours == own and row.own_hours_known and not row.overbooked

    committed = 10
    a = services.propose(
        actor=actor("kabid.aptika"),
        form="individu",
        owning_unit_id=bid1,
        members=[MemberInput(me.pk)],
        title="Pengembangan aplikasi layanan",
        purpose="Membangun aplikasi layanan publik",
        target="Aplikasi berjalan",
        starts_on=START,
        ends_on=END,
        hours_per_week=committed,
    )
    a.refresh_from_db()
    assert a.status == "diterbitkan"
    room = 37.5 - own - committed
    assert room > 1
    fits = search_candidates(actor("kabid.aptika"), unit_id=bid1, hours_per_week=room - 1, **PERIOD)
    row = next(r for r in fits.rows if r.employee.pk == me.pk)
    assert row.committed_hours == committed and not row.overbooked
    assert row.availability.worst_week.free_hours == pytest.approx(room)
    over = search_candidates(actor("kabid.aptika"), unit_id=bid1, hours_per_week=room + 1, **PERIOD)
    row = next(r for r in over.rows if r.employee.pk == me.pk)
    assert row.overbooked and row.availability.overbooked_weeks and "alasan" in row.availability.message
    # a period that does not touch the assignment: nothing committed
    later = search_candidates(
        actor("kabid.aptika"),
        unit_id=bid1,
        hours_per_week=room + 1,
        starts_on=dt.date(2027, 6, 1),
        ends_on=dt.date(2027, 6, 30),
    )
    row = next(r for r in later.rows if r.employee.pk == me.pk)
    assert row.committed_hours == 0 and not row.overbooked
    # the load now counts in the order: the committed official moves behind a less loaded one
    order = [r.employee.pk for r in over.rows]
    loads = {r.employee.pk: r.own_hours + r.committed_hours for r in over.rows}
    assert order == sorted(
        order, key=lambda pk: (loads[pk], next(r.employee.name for r in over.rows if r.employee.pk == pk))
    )


@pytest.mark.req("PEN-14")
def test_query_count_does_not_grow_with_the_region(demo):
    region = demo.region
    params = dict(competences=["Pelayanan Publik", "Kearsipan"], unit_id=None, **PERIOD)

    def count(**kw):
        leader = actor("kaban.bappeda")  # fresh each time: its scope (two queries) is read per actor
        with CaptureQueriesContext(connection) as ctx:
            page = search_candidates(leader, **{**params, **kw})
        return len(ctx.captured_queries), page

    small, small_page = count()
    assert small_page.rows and small <= 9  # 6, the actor's scope (units, Plh/Plt reports), the region's profile
    assert count(limit=3)[0] == small == count(limit=100)[0]
    with_unit, _ = count(unit_id=unit(region, "DISDIK").pk, competences=[])
    assert with_unit <= 9

    # Many more people, all holding the competence, some with issued assignments.
    template = list(Employee.objects.filter(region=region, position__kind="pelaksana").order_by("pk")[:20])
    clones = []
    for i in range(600):
        e = template[i % len(template)]
        clones.append(
            Employee(
                region=region,
                nip=f"9{i:017d}",
                name=f"{e.name} {i}",
                status=e.status,
                golongan=e.golongan,
                gender=e.gender,
                birth_date=e.birth_date,
                appointed_on=e.appointed_on,
                unit_id=e.unit_id,
                position_id=e.position_id,
            )
        )
    Employee.objects.bulk_create(clones)
    clones = list(Employee.objects.filter(region=region, nip__startswith="9000"))
    service = Competence.objects.get(region=region, name="Pelayanan Publik")
    EmployeeCompetence.objects.bulk_create([EmployeeCompetence(employee=e, competence=service) for e in clones])
    big, big_page = count()
    assert big_page.total >= small_page.total + 600
    assert big == small
    assert count(limit=100)[0] == small
    assert count(unit_id=unit(region, "DISDIK").pk, competences=[])[0] == with_unit


@pytest.mark.req("PEN-11")
def test_ketua_ranking_under_ppu_prefers_jf_keahlian_of_the_owning_unit(demo):
    region = demo.region
    own = emp("pegawai.kominfo")  # JF keahlian (ahli muda) in Bidang Aplikasi Informatika
    assert own.position.jf_category == "keahlian"
    senior = (
        Employee.objects.filter(region=region, position__jf_level="ahli_madya", is_active=True)
        .exclude(unit__code__startswith="DISKOMINFO.BID1")
        .order_by("pk")
        .first()
    )
    pelaksana = Employee.objects.filter(region=region, position__kind="pelaksana", golongan__startswith="III").first()
    leader = emp("kabid.ikp")  # an administrator: may not lead a team under PPU
    ids = [pelaksana.pk, senior.pk, leader.pk, own.pk]
    owning = unit(region, "DISKOMINFO.BID1").pk
    kabid = actor("kabid.aptika")

    with CaptureQueriesContext(connection) as ctx:
        ranking = ketua_ranking(kabid, ids, owning)
    assert len(ctx.captured_queries) <= 3
    assert ranking.requirement == "PEN-11"
    assert [r.candidate.employee_id for r in ranking.ranked] == [own.pk, senior.pk, pelaksana.pk]
    assert ranking.criteria[0] == "owning_unit"
    first = ranking.ranked[0]
    assert f"Berasal dari unit pemilik kinerja ({PPU_KETUA} ayat (5))" in first.explanation
    assert f"JF kategori keahlian ({PPU_KETUA} ayat (3) huruf a)" in first.explanation
    for r in ranking.ranked:  # every position is explained, each reason with its article
        assert r.explanation and all(PPU_KETUA in line for line in r.explanation if not line.startswith("Sama kuat"))
    assert [x.candidate.employee_id for x in ranking.excluded] == [leader.pk]
    assert "Lampiran huruf B angka 3 huruf c" in ranking.excluded[0].reason
    assert PPU_KETUA in ranking.message

    # within one unit (no owning unit), the higher JF level leads
    plain = ketua_ranking(actor("kabid.aptika"), ids, None)
    assert [r.candidate.employee_id for r in plain.ranked][:2] == [senior.pk, own.pk]
    assert "owning_unit" not in plain.criteria

    # the number of queries does not depend on the number of people
    more = list(Employee.objects.filter(region=region, position__kind="fungsional").values_list("pk", flat=True)[:40])
    kabid = actor("kabid.aptika")
    with CaptureQueriesContext(connection) as ctx2:
        ketua_ranking(kabid, more, owning)
    assert len(ctx2.captured_queries) == len(ctx.captured_queries)


@pytest.mark.req("PEN-14", "PEN-11")
def test_bad_input_is_refused_in_indonesian(demo):
    kabid = actor("kabid.aptika")
    missing = (Unit.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1000
    with pytest.raises(ValidationError, match="Unit tidak ditemukan"):
        search_candidates(kabid, unit_id=missing, **PERIOD)
    with pytest.raises(ValidationError, match="Unit tidak ditemukan"):
        search_candidates(kabid, unit_id="abc", **PERIOD)
    with pytest.raises(ValidationError, match="mendahului"):
        search_candidates(kabid, starts_on=END, ends_on=START)
    with pytest.raises(ValidationError, match="wajib diisi"):
        search_candidates(kabid, starts_on=None, ends_on=END)
    with pytest.raises(ValidationError, match="Jam per minggu"):
        search_candidates(kabid, hours_per_week=-1, **PERIOD)
    with pytest.raises(ValidationError, match="Jenis jabatan tidak dikenal"):
        search_candidates(kabid, kinds=["raja"], **PERIOD)
    assert search_candidates(kabid, competences=["Ilmu Kebal"], **PERIOD).total == 0  # unknown competence
    page = search_candidates(kabid, limit=1000, **PERIOD)
    assert page.limit == 100 and len(page.rows) == min(100, page.total)
    assert search_candidates(kabid, offset=10**6, **PERIOD).rows == []
    with pytest.raises(ValidationError, match="Unit pemilik kinerja tidak ditemukan"):
        ketua_ranking(kabid, [emp("pegawai.kominfo").pk], missing)
    with pytest.raises(ValidationError, match="tidak ditemukan"):
        ketua_ranking(kabid, [10**9], None)
    with pytest.raises(ValidationError, match="paling sedikit satu"):
        ketua_ranking(kabid, [], None)


@pytest.mark.req("PEN-14")
def test_partial_competence_words_find_the_regions_names(demo):
    from sikerja.assignments.candidates import resolve_competences
    from sikerja.organisation.models import Competence

    name = Competence.objects.filter(region=demo.region, name__contains=" ").values_list("name", flat=True).first()
    first_two = " ".join(name.split()[:2]).upper()
    resolved = resolve_competences(demo.region, [first_two, "Menyelam di Laut Dalam"])
    assert name in resolved and "Menyelam di Laut Dalam" in resolved


@pytest.mark.req("PEN-14", "ORG-5")
def test_out_of_scope_rows_show_no_nip_and_no_competences(demo, login):
    """Issue 9 item 16: a kepala PD searches the whole region, but for people outside their
    subtree sees name, position, unit, load and match only; a NIP search finds nobody outside."""
    leader = actor("kaban.bappeda")
    rows, _ = everyone(lambda **kw: search_candidates(leader, **PERIOD, **kw), competences=["Pelayanan Publik"])
    inside = [r for r in rows if r.in_scope]
    outside = [r for r in rows if not r.in_scope]
    assert inside and outside
    for r in outside:
        assert not leader.sees_employee(r.employee)
        assert r.nip is None and r.competences == ()
        assert r.employee.full_name and r.position_name and r.unit_name and r.match.matched
    for r in inside:
        assert r.nip == r.employee.nip and r.competences
    stranger = outside[0].employee
    assert search_candidates(leader, q=stranger.nip[:12], **PERIOD).rows == []
    assert [r.employee.pk for r in search_candidates(actor("admin.bkpsdm"), q=stranger.nip, **PERIOD).rows] == [stranger.pk]

    client = login("kaban.bappeda")
    items = client.get(
        "/api/v1/penugasan/kandidat",
        {"competences": "Pelayanan Publik", "limit": 100, "starts_on": START.isoformat(), "ends_on": END.isoformat()},
    ).json()["items"]
    api_outside = [i for i in items if not i["in_scope"]]
    assert api_outside and all(i["nip"] is None and i["competences"] == [] for i in api_outside)
    panel = client.get(
        reverse("penugasan:candidates"),
        {"unit_filter": unit(demo.region, "DISDIK").pk, "starts_on": START.isoformat(), "ends_on": END.isoformat()},
    )
    assert panel.status_code == 200
    html = panel.content.decode()
    assert "di luar cakupan Anda" in html
    disdik = Employee.objects.filter(region=demo.region, unit__in=Unit.objects.filter(perangkat_daerah__code="DISDIK"))
    assert not any(e.nip in html for e in disdik)
