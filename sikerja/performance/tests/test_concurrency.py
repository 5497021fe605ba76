"""Two PPKs (the PPK and their Plh) finalising one evaluation at once end in exactly one final
evaluation (PostgreSQL: real concurrent transactions)."""

import datetime as dt
import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections

from sikerja.accounts.access import actor_for
from sikerja.audit.models import Event
from sikerja.organisation.demo.builder import build_demo_region
from sikerja.organisation.models import Delegation
from sikerja.performance import services
from sikerja.performance.models import Evaluation
from sikerja.performance.tests.helpers import actor_of, ppk_of, rhk_of

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


@pytest.mark.req("KIN-3")
@pytest.mark.django_db(transaction=True)
def test_two_ppks_finalising_at_once_end_in_one_final_evaluation():
    region, _, _ = build_demo_region(n_employees=300, seed=7, slug="kinerja-serentak", user_prefix="ks")
    users = {u.username.removeprefix("ks."): u for u in get_user_model().objects.filter(username__startswith="ks.")}
    staff = users["pegawai.kominfo"].employee
    a = actor_of(staff)
    skp = services.draft_skp(a, year=2031)
    rhk_of(a, skp)
    services.submit(a, skp.pk)
    ppk, assessor = ppk_of(staff)
    services.decide(ppk, skp.pk, approve=True)
    admin = actor_for(users["admin.bkpsdm"], region)
    tw1 = {p.kind: p for p in services.open_year(admin, year=2031)}["tw1"]
    ev = services.evaluate(ppk, skp.pk, period_id=tw1.pk, rating_hasil="sesuai", rating_perilaku="sesuai")
    plh_employee = users["kabid.ikp"].employee
    Delegation.objects.create(
        region=region,
        kind=Delegation.Kind.PLH,
        delegator=assessor,
        delegate=plh_employee,
        starts_on=dt.date(2020, 1, 1),
        ends_on=dt.date(2099, 1, 1),
        basis_number="800/PLH/9",
        basis_date=dt.date(2020, 1, 1),
    )
    plh = actor_for(users["kabid.ikp"], region)
    outcomes = _race([lambda: services.finalise(ppk, ev.pk), lambda: services.finalise(plh, ev.pk)])
    assert sorted(outcomes) == ["KinerjaError", "ok"]
    assert Evaluation.objects.get(pk=ev.pk).status == "final"
    assert Event.objects.filter(verb="kinerja.finalised", object_id=str(ev.pk)).count() == 1
