"""The number of penugasan steps waiting for the user, for the menu badge: counted lazily
(only when a page's menu shows it), in one query (``selectors.inbox_count``)."""

from __future__ import annotations

from django.utils.functional import SimpleLazyObject

from sikerja.assignments.selectors import inbox_count


def waiting_count(actor) -> int:
    return inbox_count(actor)


def penugasan(request):
    actor = getattr(request, "_sikerja_actor", None)
    if actor is None:
        return {}
    return {"penugasan_waiting": SimpleLazyObject(lambda: waiting_count(actor))}
