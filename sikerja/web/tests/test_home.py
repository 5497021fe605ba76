"""PLT-4: the home page shows each person their own work, by role."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from sikerja.assignments import services as assignment_services
from sikerja.assignments.services import MemberInput
from sikerja.assignments.tests.people import END, START, actor, emp, unit
from sikerja.organisation.models import Delegation, Employee, Placement
from sikerja.organisation.placement_checks import refresh
from sikerja.testing.factories import EmployeeFactory
from sikerja.web.dashboard import dashboard


def propose_for_ikp(title="Survei kepuasan layanan"):
    return assignment_services.propose(
        actor=actor("kabid.aptika"),
        form="individu",
        owning_unit_id=unit(emp("kabid.aptika").region, "DISKOMINFO.BID1").pk,
        members=[MemberInput(emp("pegawai.ikp").pk)],
        title=title,
        purpose="Mengukur layanan",
        target="Laporan survei",
        starts_on=START,
        ends_on=END,
        competences=["Statistik"],
        hours_per_week=4,
    )


def section(page, anchor):
    start = page.index(f'id="{anchor}"')
    return page[start : page.index("</section>", start)]


@pytest.mark.req("PLT-4")
def test_the_leader_asked_sees_the_request_waiting_oldest_first(demo, login):
    first = propose_for_ikp("Survei pertama")
    propose_for_ikp("Survei kedua")
    board = dashboard(actor("kabid.ikp"))
    assert [s.assignment.title for s in board.waiting] == ["Survei pertama", "Survei kedua"]
    assert board.waiting_total == 2
    waiting = section(login("kabid.ikp").get(reverse("web:home")).content.decode(), "home-waiting")
    assert "Survei pertama" in waiting and reverse("penugasan:detail", args=[first.pk]) in waiting
    assert waiting.index("Survei pertama") < waiting.index("Survei kedua")
    # The start date has passed while the request waits: the page says so.
    assert timezone.localdate() > START and "lewat" in waiting
    # The proposer has nothing to act on; the member is not asked either (the leader answers).
    assert dashboard(actor("kabid.aptika")).waiting == []
    assert "Survei pertama" not in section(
        login("pegawai.ikp").get(reverse("web:home")).content.decode(), "home-waiting"
    )


@pytest.mark.req("PLT-4")
def test_a_leader_sees_the_staff_they_assess_with_their_load(demo, login):
    leader = emp("kabid.aptika")
    today = timezone.localdate()
    assessed = set(
        Placement.objects.filter(assessor=leader).current(today).values_list(
            "employee_id", flat=True
        )
    )
    assert assessed, "the demo kabid assesses staff"
    board = dashboard(actor("kabid.aptika"))
    assert {row.employee.pk for row in board.staff} == assessed and board.staff_total == len(assessed)
    for row in board.staff:
        own = float(row.employee.position.workload_hours or 0)
        assert row.load_percent == pytest.approx(own / 37.5 * 100, abs=0.1)
    page = section(login("kabid.aptika").get(reverse("web:home")).content.decode(), "home-staff")
    some = next(iter(board.staff))
    assert some.employee.full_name in page
    # A pegawai assesses nobody and sees no staff section.
    assert dashboard(actor("pegawai.kominfo")).staff is None
    assert 'id="home-staff"' not in login("pegawai.kominfo").get(reverse("web:home")).content.decode()


@pytest.mark.req("PLT-4")
def test_my_assignments_show_once_issued(demo, login, django_capture_on_commit_callbacks):
    a = propose_for_ikp("Survei terbit")
    step = a.steps.get(status="menunggu", official=emp("kabid.ikp"))
    with django_capture_on_commit_callbacks(execute=True):
        assignment_services.decide(
            actor=actor("kabid.ikp"), assignment_id=a.pk, step_id=step.pk, answer="setujui_semua", reason="Silakan"
        )
        a.refresh_from_db()
        while a.status == "proses":
            nxt = a.steps.filter(status="menunggu").order_by("order").first()
            who = nxt.official.user.username
            if nxt.kind == "terbitkan":
                assignment_services.issue(actor=actor(who), assignment_id=a.pk, step_id=nxt.pk)
            else:
                assignment_services.decide(
                    actor=actor(who), assignment_id=a.pk, step_id=nxt.pk, answer="setujui_semua", reason=""
                )
            a.refresh_from_db()
    assert a.status == "diterbitkan"
    board = dashboard(actor("pegawai.ikp"))
    assert [m.assignment.title for m in board.current] == ["Survei terbit"]
    mine = section(login("pegawai.ikp").get(reverse("web:home")).content.decode(), "home-mine")
    assert "Survei terbit" in mine and "4 jam/minggu" in mine


@pytest.mark.req("PLT-4")
def test_the_hr_administrator_sees_the_data_quality_work(demo, login):
    region = demo.region
    today = timezone.localdate()
    before = dashboard(actor("admin.bkpsdm")).quality
    newcomer = EmployeeFactory(region=region, unit=unit(region, "DISKOMINFO.BID1"))
    refresh(region, [newcomer.pk])  # people arrive by import, which recomputes the kedudukan checks
    delegator, delegate = emp("kabid.ikp"), emp("pegawai.ikp")
    ending = Delegation.objects.create(
        region=region,
        kind=Delegation.Kind.PLH,
        delegator=delegator,
        delegate=delegate,
        starts_on=today - dt.timedelta(days=3),
        ends_on=today + dt.timedelta(days=2),
        basis_number="800/1/2026",
        basis_date=today - dt.timedelta(days=4),
    )
    after = dashboard(actor("admin.bkpsdm")).quality
    # A new employee has neither a PPK nor a login: both counts grow by exactly one.
    assert after.without_ppk == before.without_ppk + 1
    assert after.without_login == before.without_login + 1
    expected_without_ppk = (
        Employee.objects.filter(region=region, is_active=True)
        .exclude(
            pk__in=Placement.objects.filter(effective_from__lte=today, effective_until__isnull=True).values(
                "employee_id"
            )
        )
        .count()
    )
    assert after.without_ppk == expected_without_ppk and newcomer.user_id is None
    assert ending in after.ending_delegations
    page = section(login("admin.bkpsdm").get(reverse("web:home")).content.decode(), "home-quality")
    assert delegate.full_name in page and "Kerapian data" in page
    # Ordinary staff and unit leaders do not get the region's data-quality work.
    assert dashboard(actor("kabid.aptika")).quality is None
    assert 'id="home-quality"' not in login("pegawai.kominfo").get(reverse("web:home")).content.decode()
