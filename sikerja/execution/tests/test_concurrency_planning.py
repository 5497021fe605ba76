"""Check-then-act under concurrency (PostgreSQL, real concurrent transactions): a plan decided
three times at once, a problem decided twice at once and an agreement signed twice at once each
end in exactly one decision."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from sikerja.accounts.access import actor_for
from sikerja.assignments import services as penugasan
from sikerja.audit.models import Event
from sikerja.execution.models import PerformanceAgreement, Plan, ProblemDecision, Work
from sikerja.execution.services import planning, plans, problems
from sikerja.execution.tests.helpers import activities
from sikerja.execution.tests.test_concurrency import _race
from sikerja.organisation.demo.builder import build_demo_region
from sikerja.organisation.models import Delegation, Unit

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs real concurrent transactions (PostgreSQL)"),
]


def _setup(slug):
    region, _, _ = build_demo_region(n_employees=300, seed=6, slug=slug, user_prefix=slug)
    users = {
        u.username.removeprefix(f"{slug}."): u for u in get_user_model().objects.filter(username__startswith=f"{slug}.")
    }
    actor = {name: actor_for(user, region) for name, user in users.items()}
    Delegation.objects.create(
        region=region,
        kind=Delegation.Kind.PLH,
        delegator=users["kabid.aptika"].employee,
        delegate=users["kabid.ikp"].employee,
        starts_on=dt.date(2020, 1, 1),
        ends_on=dt.date(2099, 1, 1),
        basis_number="800/PLH/3",
        basis_date=dt.date(2020, 1, 1),
    )
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
    return region, users, actor, Work.objects.get(assignment=a)


@pytest.mark.req("PEL-6")
@pytest.mark.django_db(transaction=True)
def test_a_plan_decided_three_times_at_once_ends_in_one_decision():
    region, users, actor, work = _setup("rencana")
    plans.save_plan(actor=actor["pegawai.kominfo"], work_id=work.pk, activities=activities(work))
    plans.submit_plan(actor=actor["pegawai.kominfo"], work_id=work.pk)
    outcomes = _race(
        [
            lambda: plans.decide_plan(actor=actor["kabid.aptika"], work_id=work.pk, decision="setujui"),
            lambda: plans.decide_plan(actor=actor["kabid.ikp"], work_id=work.pk, decision="kembalikan", notes="Belum"),
            lambda: plans.decide_plan(actor=actor["kadis.kominfo"], work_id=work.pk, decision="setujui"),
        ]
    )
    assert outcomes.count("ok") == 1, outcomes
    assert set(outcomes) - {"ok"} <= {"ExecutionError", "PermissionDenied"}
    decided = Event.objects.filter(
        verb__in=["work.plan_approved", "work.plan_returned"], object_id=str(work.pk)
    ).count()
    assert decided == 1
    plan = Plan.objects.get(work=work)
    work.refresh_from_db()
    assert (plan.status, work.status) in {("disetujui", "pelaksanaan"), ("dikembalikan", "perencanaan")}


@pytest.mark.req("PEL-5")
@pytest.mark.django_db(transaction=True)
def test_a_problem_decided_twice_at_once_ends_in_one_decision():
    region, users, actor, work = _setup("kendala")
    Work.objects.filter(pk=work.pk).update(status="pelaksanaan")
    problem = problems.raise_problem(
        actor=actor["pegawai.kominfo"], work_id=work.pk, title="Kendala", description="x", recommendations=["A", "B"]
    )
    decision = problem.decisions.get()
    outcomes = _race(
        [
            lambda: problems.decide_problem(actor=actor["kabid.aptika"], decision_id=decision.pk, chosen=1),
            lambda: problems.decide_problem(actor=actor["kabid.ikp"], decision_id=decision.pk, chosen=2),
        ]
    )
    assert sorted(outcomes) == ["ExecutionError", "ok"], outcomes
    assert Event.objects.filter(verb="work.problem_decided", object_id=str(work.pk)).count() == 1
    assert ProblemDecision.objects.get(pk=decision.pk).decision in ("A", "B")


@pytest.mark.req("MEK-1")
@pytest.mark.django_db(transaction=True)
def test_an_agreement_signed_twice_at_once_is_signed_once():
    region, users, actor, work = _setup("pk")
    unit = Unit.objects.get(region=region, code="DISKOMINFO.BID1")
    a = planning.create_agreement(
        actor=actor["kabid.aptika"],
        unit_id=unit.pk,
        year=dt.date.today().year,
        targets=[{"sasaran": "S", "indikator": "I", "target": "T"}],
    )
    outcomes = _race(
        [
            lambda: planning.sign_agreement(actor=actor["kabid.aptika"], agreement_id=a.pk),
            lambda: planning.sign_agreement(actor=actor["kabid.ikp"], agreement_id=a.pk),  # as Plh
        ]
    )
    assert sorted(outcomes) == ["ExecutionError", "ok"], outcomes
    assert Event.objects.filter(verb="agreement.signed", object_id=str(a.pk)).count() == 1
    assert PerformanceAgreement.objects.get(pk=a.pk).status == "ditandatangani"
