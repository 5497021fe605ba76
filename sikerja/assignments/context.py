"""The number of penugasan steps waiting for the user, for the menu badge.

Counted lazily (only when a page's menu shows it) and in one query: the steps of
``selectors.steps_to_act`` — waiting, current, addressed to the user or to an official they
stand in for today as Plh/Plt — with the delegations read in a subquery instead of a query of
their own (``selectors.inbox_count`` needs two or three)."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from sikerja.assignments import officials
from sikerja.assignments.models import Step
from sikerja.assignments.selectors import _current_step_q
from sikerja.organisation.models import Delegation


def waiting_count(actor) -> int:
    user = actor.user
    if not getattr(user, "is_authenticated", False):
        return 0
    today = timezone.localdate()
    stands_in_for = Delegation.objects.filter(
        delegate__user=user, delegate__region=actor.region, kind__in=officials.ACTING_KINDS, revoked_at__isnull=True,
        starts_on__lte=today, ends_on__gte=today,
    ).values("delegator_id")
    mine = Q(official__user=user, official__region=actor.region) | Q(official_id__in=stands_in_for)
    return Step.objects.filter(assignment__region=actor.region).filter(mine).filter(_current_step_q()).count()


def penugasan(request):
    actor = getattr(request, "_sikerja_actor", None)
    if actor is None:
        return {}
    return {"penugasan_waiting": SimpleLazyObject(lambda: waiting_count(actor))}
