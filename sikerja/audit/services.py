from django.dispatch import Signal

from sikerja.audit.models import Event

# Sent right after an event is written, still inside the writer's transaction (sender=Event,
# event=<Event>). Listeners that cause side effects (notifications, e-mail) must defer them
# with ``transaction.on_commit`` so nothing happens for a transaction that rolls back.
event_recorded = Signal()


def record_event(*, region, actor, verb: str, obj, changes: dict | None = None, reason: str = "", on_behalf_of=None):
    """Append one event. Called inside the writing service's transaction so both land or neither."""
    event = Event.objects.create(
        region=region,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        on_behalf_of=on_behalf_of,
        verb=verb,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        changes=changes or {},
        reason=reason,
    )
    event_recorded.send(sender=Event, event=event)
    return event
