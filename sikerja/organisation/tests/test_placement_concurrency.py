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
    staff = Placement.objects.filter(
        region=region, effective_until__isnull=True, employee__position__kind="pelaksana",
        assessor__position__kind="pengawas",
    ).select_related("assessor__unit").first()
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
                actor=actor_for(user, region), employee_id=employee.pk, assessor_id=assessor_id,
                basis_number="800/SERENTAK", basis_date=dt.date(2026, 1, 5), effective_from=dt.date(2026, 1, 5),
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
