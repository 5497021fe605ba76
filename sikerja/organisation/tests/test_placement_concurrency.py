"""Two admins placing the same employee at the same moment: exactly one placement wins."""

import datetime as dt
import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections

from sikerja.accounts.access import actor_for
from sikerja.organisation.demo.builder import build_demo_region
from sikerja.organisation.models import Employee, Placement
from sikerja.organisation.placement_services import PlacementError, place_employee

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs real concurrent transactions (PostgreSQL)"),
]


@pytest.mark.req("KED-6")
@pytest.mark.django_db(transaction=True)
def test_concurrent_placements_of_one_employee_end_in_one_open_placement():
    region, _, _ = build_demo_region(n_employees=400, seed=3, slug="serentak", user_prefix="serentak")
    staff = (
        Placement.objects.filter(
            region=region,
            effective_until__isnull=True,
            employee__position__kind="pelaksana",
            assessor__position__kind="pengawas",
        )
        .select_related("assessor__unit")
        .first()
    )
    employee = staff.employee
    admin_above = Employee.objects.get(unit_id=staff.assessor.unit.parent_id, position__is_leader=True)
    candidates = [staff.assessor.pk, admin_above.pk] * 3
    user = get_user_model().objects.get(username="serentak.admin.bkpsdm")
    barrier = threading.Barrier(len(candidates))
    outcomes = []

    def attempt(assessor_id):
        try:
            barrier.wait()
            place_employee(
                actor=actor_for(user, region),
                employee_id=employee.pk,
                assessor_id=assessor_id,
                basis_number="800/SERENTAK",
                basis_date=dt.date(2026, 1, 5),
                effective_from=dt.date(2026, 1, 5),
            )
            outcomes.append("ok")
        except PlacementError as exc:
            outcomes.append(exc.code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(a,)) for a in candidates]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert outcomes.count("ok") == 1, outcomes
    assert set(outcomes) - {"ok"} == {"not_after_current"}
    assert Placement.objects.filter(employee=employee, effective_until__isnull=True).count() == 1
    assert Placement.objects.filter(employee=employee).count() == 2  # the old one, closed, and the winner


@pytest.mark.req("KED-5")
@pytest.mark.django_db(transaction=True)
def test_concurrent_plh_and_plt_for_one_official_end_in_one_delegation():
    """Issue 9 item 12: Plh and Plt requests for the same official and overlapping days, sent at
    the same moment, are accepted once; the others are refused as overlapping."""
    from sikerja.organisation.models import Delegation
    from sikerja.organisation.placement_services import delegate_authority

    region, _, _ = build_demo_region(n_employees=400, seed=4, slug="serentak-plh", user_prefix="serentakplh")
    staff = Placement.objects.filter(
        region=region,
        effective_until__isnull=True,
        assessor__position__kind="pengawas",
    ).select_related("assessor")[:3]
    delegator = Employee.objects.get(unit_id=staff[0].assessor.unit.parent_id, position__is_leader=True)
    delegates = [p.assessor for p in staff]
    user = get_user_model().objects.get(username="serentakplh.admin.bkpsdm")
    requests = [(kind, d.pk) for kind in ("plh", "plt") for d in delegates]
    barrier = threading.Barrier(len(requests))
    outcomes = []
    start = dt.date.today()

    def attempt(kind, delegate_id):
        try:
            barrier.wait()
            delegate_authority(
                actor=actor_for(user, region),
                kind=kind,
                delegator_id=delegator.pk,
                delegate_id=delegate_id,
                starts_on=start,
                ends_on=start + dt.timedelta(days=7),
                basis_number="800/PLH/SERENTAK",
                basis_date=start,
            )
            outcomes.append("ok")
        except PlacementError as exc:
            outcomes.append(exc.code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=r) for r in requests]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert outcomes.count("ok") == 1, outcomes
    assert set(outcomes) - {"ok"} == {"overlap"}, outcomes
    assert Delegation.objects.filter(delegator=delegator, revoked_at__isnull=True).count() == 1
