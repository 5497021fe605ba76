"""Two leaders answering the same request, or one request answered twice at the same moment,
end in exactly one recorded decision; a letter issued twice at once is issued once."""

import datetime as dt
import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections

from sikerja.accounts.access import actor_for
from sikerja.assignments import services
from sikerja.assignments.models import Assignment, Step
from sikerja.audit.models import Event
from sikerja.letters.models import Document
from sikerja.organisation.demo.builder import build_demo_region
from sikerja.organisation.models import Delegation, Unit

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs real concurrent transactions (PostgreSQL)"),
]


def _race(calls):
    """Run the calls at the same moment; return 'ok' or the error class name of each."""
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


def _setup(prefix):
    region, _, _ = build_demo_region(n_employees=300, seed=5, slug=f"{prefix}-region", user_prefix=prefix)
    users = {u.username.removeprefix(f"{prefix}."): u for u in get_user_model().objects.filter(username__startswith=f"{prefix}.")}
    actor = {name: actor_for(user, region) for name, user in users.items()}
    a = services.propose(
        actor=actor["kabid.aptika"], form="individu", owning_unit_id=Unit.objects.get(region=region, code="DISKOMINFO.BID1").pk,
        members=[services.MemberInput(users["pegawai.ikp"].employee.pk)], title="Serentak", purpose="Uji", target="Uji",
        competences=["Uji"], starts_on=dt.date(2026, 12, 1), ends_on=dt.date(2026, 12, 31), hours_per_week=4,
    )
    return region, users, actor, a


@pytest.mark.req("PEN-9")
@pytest.mark.django_db(transaction=True)
def test_one_request_answered_twice_and_by_two_leaders_at_once():
    region, users, actor, a = _setup("serentak1")
    step = a.steps.get(kind=Step.Kind.JAWAB_PERMOHONAN)
    # The kepala dinas stands in for kabid.ikp as Plh: two leaders may answer the same request.
    plh = users["kadis.kominfo"].employee
    Delegation.objects.create(
        region=region, kind=Delegation.Kind.PLH, delegator=users["kabid.ikp"].employee, delegate=plh,
        starts_on=dt.date(2020, 1, 1), ends_on=dt.date(2099, 1, 1), basis_number="800/PLH/1", basis_date=dt.date(2020, 1, 1),
    )
    calls = [
        lambda: services.decide(actor=actor["kabid.ikp"], assignment_id=a.pk, step_id=step.pk, approve=True),
        lambda: services.decide(actor=actor["kabid.ikp"], assignment_id=a.pk, step_id=step.pk, approve=False, reason="Sibuk"),
        lambda: services.decide(actor=actor["kadis.kominfo"], assignment_id=a.pk, step_id=step.pk, approve=True),
        lambda: services.decide(actor=actor["kadis.kominfo"], assignment_id=a.pk, step_id=step.pk, approve=False, reason="Tidak"),
    ]
    outcomes = _race(calls)
    assert outcomes.count("ok") == 1, outcomes
    assert set(outcomes) - {"ok"} == {"AssignmentError"}
    assert Event.objects.filter(verb="assignment.step_decided", object_id=str(a.pk)).count() == 1
    assert Document.objects.filter(region=region, kind="nota_dinas_jawaban").count() == 1
    step.refresh_from_db()
    assert step.status in (Step.Status.DISETUJUI, Step.Status.DITOLAK)


@pytest.mark.req("PEN-15")
@pytest.mark.django_db(transaction=True)
def test_letter_issued_twice_at_once_is_issued_once():
    region, users, actor, a = _setup("serentak2")
    step = a.steps.get(kind=Step.Kind.JAWAB_PERMOHONAN)
    services.decide(actor=actor["kabid.ikp"], assignment_id=a.pk, step_id=step.pk, approve=True)
    issue = a.steps.get(kind=Step.Kind.TERBITKAN)
    outcomes = _race([lambda: services.issue(actor=actor["kabid.aptika"], assignment_id=a.pk, step_id=issue.pk)] * 3)
    assert outcomes.count("ok") == 1, outcomes
    assert Document.objects.filter(region=region, kind__in=["surat_tugas", "surat_perintah"]).count() == 1
    assert Assignment.objects.get(pk=a.pk).status == Assignment.Status.DITERBITKAN


@pytest.mark.req("PEN-14")
@pytest.mark.django_db(transaction=True)
def test_twelve_concurrent_proposals_for_one_person_never_exceed_capacity():
    """Fails without the per-employee row lock (checked by hand: over capacity)."""
    _twelve()


def _twelve():
    region, users, actor, _ = _setup("serentak3")
    from sikerja.assignments.selectors import availability_for

    person = users["pegawai.kominfo"].employee
    owning = Unit.objects.get(region=region, code="DISKOMINFO.BID1").pk

    def propose():
        services.propose(
            actor=actor["kabid.aptika"], form="individu", owning_unit_id=owning, members=[services.MemberInput(person.pk)],
            title="Serentak", purpose="Uji", target="Uji", competences=["Uji"], starts_on=dt.date(2027, 1, 4),
            ends_on=dt.date(2027, 1, 29), hours_per_week=2,
        )

    try:
        propose()
    except services.AssignmentError as exc:
        pytest.fail(str(exc.messages))
    outcomes = _race([propose] * 11)
    assert "ok" in outcomes and set(outcomes) <= {"ok", "AssignmentError"}, outcomes
    load = availability_for(
        [person.pk], dt.date(2027, 1, 4), dt.date(2027, 1, 29), {person.pk: 0}, region=person.region
    )[person.pk]
    assert not load.overbooked, load.message
