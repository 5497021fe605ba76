"""Reads of notifications, each one query."""

from sikerja.notifications.models import Notification


def unread_count(user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def recent(user, *, limit: int = 50):
    return list(Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")[:limit])
