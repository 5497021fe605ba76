"""Reading the event log (PLT-6): the region's administrators filter who did what, when, and
to which object. Scoped to the actor's region; a fixed number of queries per page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils import timezone

from sikerja.accounts.access import Actor
from sikerja.audit.models import Event


@dataclass(frozen=True)
class LogFilter:
    who: str = ""  # part of a username or a name
    topic: str = ""  # the part of the verb before the dot: "assignment", "account", …
    object_type: str = ""
    object_id: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def may_read_log(actor: Actor) -> bool:
    return actor.can_administer_org


def event_log(actor: Actor, f: LogFilter) -> QuerySet[Event]:
    if not may_read_log(actor):
        raise PermissionDenied("Log peristiwa hanya untuk admin BKPSDM dan admin organisasi daerah ini.")
    qs = Event.objects.filter(region=actor.region)
    if f.who:
        qs = qs.filter(
            Q(actor__username__icontains=f.who)
            | Q(actor__first_name__icontains=f.who)
            | Q(actor__last_name__icontains=f.who)
            | Q(on_behalf_of__name__icontains=f.who)
        )
    if f.topic:
        qs = qs.filter(verb__startswith=f"{f.topic}.")
    if f.object_type:
        qs = qs.filter(object_type=f.object_type)
        if f.object_id:
            qs = qs.filter(object_id=f.object_id)
    tz = timezone.get_current_timezone()
    if f.date_from:
        qs = qs.filter(at__gte=dt.datetime.combine(f.date_from, dt.time.min, tzinfo=tz))
    if f.date_to:
        qs = qs.filter(at__lt=dt.datetime.combine(f.date_to + dt.timedelta(days=1), dt.time.min, tzinfo=tz))
    return qs.select_related("actor", "on_behalf_of").order_by("-at", "-pk")


def object_types(actor: Actor) -> list[str]:
    """The kinds of object the region's log mentions, for the filter."""
    return sorted(Event.objects.filter(region=actor.region).order_by().values_list("object_type", flat=True).distinct())
