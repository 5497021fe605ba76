from sikerja.audit.models import Event


def record_event(*, region, actor, verb: str, obj, changes: dict | None = None, reason: str = "", on_behalf_of=None):
    """Append one event. Called inside the writing service's transaction so both land or neither."""
    return Event.objects.create(
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
