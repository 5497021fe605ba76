from django.dispatch import Signal

from sikerja.audit.models import Event
from sikerja.i18n import in_indonesian
from sikerja.inputs import LONG_TEXT, clean_text

# Sent right after an event is written, still inside the writer's transaction (sender=Event,
# event=<Event>). Listeners that cause side effects (notifications, e-mail) must defer them
# with ``transaction.on_commit`` so nothing happens for a transaction that rolls back.
event_recorded = Signal()


@in_indonesian
def record_event(*, region, actor, verb: str, obj, changes: dict | None = None, reason: str = "", on_behalf_of=None):
    """Append one event. Called inside the writing service's transaction so both land or neither.

    The reason is kept forever: a reason over ``LONG_TEXT`` or with an unstorable character raises
    ``InputError`` here, which rolls the service's whole transaction back (issue 9 item 15)."""
    reason = clean_text(reason, "Alasan", limit=LONG_TEXT)
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
