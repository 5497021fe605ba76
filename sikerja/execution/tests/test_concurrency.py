"""A review decided twice at once — by the reviewer and their Plh, forwarding and returning —
ends in exactly one decision (PostgreSQL: real concurrent transactions)."""

import datetime as dt
import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections

from sikerja.accounts.access import actor_for
from sikerja.assignments import services as penugasan
from sikerja.audit.models import Event
from sikerja.execution import services
from sikerja.execution.models import Review, Work
from sikerja.organisation.demo.builder import build_demo_region
from sikerja.organisation.models import Delegation, Unit

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs real concurrent transactions (PostgreSQL)"),
]


def _race(calls):
    barrier = threading.Barrier(len(calls))
    outcomes = []

    def run(call):
        try:
            barrier.wait()
            call()
            outcomes.append("ok")
        except Exception as exc:  # noqa: BLE001 - the outcome is what we assert on
            outcomes.append(type(exc).__name__)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(c,)) for c in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return outcomes


@pytest.mark.req("MEK-3", "MEK-4")
@pytest.mark.django_db(transaction=True)
def test_one_review_decided_four_times_at_once_ends_in_one_decision():
    region, _, _ = build_demo_region(n_employees=300, seed=5, slug="reviu-serentak", user_prefix="rs")
    users = {u.username.removeprefix("rs."): u for u in get_user_model().objects.filter(username__startswith="rs.")}
    actor = {name: actor_for(user, region) for name, user in users.items()}
    start = dt.date.today()
    a = penugasan.propose(
        actor=actor["kabid.aptika"],
        form="individu",
        owning_unit_id=Unit.objects.get(region=region, code="DISKOMINFO.BID1").pk,
        members=[penugasan.MemberInput(users["pegawai.kominfo"].employee.pk)],
        title="Serentak",
        purpose="Uji",
        target="Uji",
        competences=["Uji"],
        starts_on=start,
        ends_on=start + dt.timedelta(days=30),
        hours_per_week=2,
    )
    work = Work.objects.get(assignment=a)
    if work.status == "perencanaan":  # PPU Ps 5(1): the plan is approved first
        from sikerja.execution.services import plans
        from sikerja.execution.tests.helpers import activities

        plans.save_plan(actor=actor["pegawai.kominfo"], work_id=work.pk, activities=activities(work))
        plans.submit_plan(actor=actor["pegawai.kominfo"], work_id=work.pk)
        plans.decide_plan(actor=actor["kabid.aptika"], work_id=work.pk, decision="setujui")
    first = services.submit_result(actor=actor["pegawai.kominfo"], work_id=work.pk, summary="Selesai")[0]
    Delegation.objects.create(
        region=region,
        kind=Delegation.Kind.PLH,
        delegator=users["kabid.aptika"].employee,
        delegate=users["kabid.ikp"].employee,
        starts_on=dt.date(2020, 1, 1),
        ends_on=dt.date(2099, 1, 1),
        basis_number="800/PLH/2",
        basis_date=dt.date(2020, 1, 1),
    )
    calls = [
        lambda: services.decide_review(actor=actor["kabid.aptika"], review_id=first.pk, decision="teruskan"),
        lambda: services.decide_review(
            actor=actor["kabid.aptika"], review_id=first.pk, decision="kembalikan", notes="Kurang"
        ),
        lambda: services.decide_review(actor=actor["kabid.ikp"], review_id=first.pk, decision="teruskan"),
        lambda: services.decide_review(
            actor=actor["kabid.ikp"], review_id=first.pk, decision="kembalikan", notes="Belum"
        ),
    ]
    outcomes = _race(calls)
    assert outcomes.count("ok") == 1, outcomes
    assert set(outcomes) - {"ok"} == {"ExecutionError"}
    decided = Event.objects.filter(verb__startswith="work.review_", object_id=str(work.pk)).count()
    assert decided == 1
    first.refresh_from_db()
    second = Review.objects.get(work=work, order=2)
    work.refresh_from_db()
    if first.status == "diteruskan":
        assert second.status == "menunggu" and work.status == "evaluasi"
    else:
        assert first.status == "dikembalikan" and second.status == "batal" and work.status == "pelaksanaan"
