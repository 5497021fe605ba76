"""``notify(recipient, verb, target)``: the one way a hand-over reaches a person (PLT-3).

The notification row is written in the caller's transaction (it disappears if that rolls
back); the e-mail is queued for the background worker with ``transaction.on_commit``, so a
rolled-back transaction sends nothing. People who chose the daily digest get their mail from
``send_notification_digests`` instead; people who turned e-mail off only see the bell.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from sikerja.i18n import in_indonesian
from sikerja.notifications.models import Notification, NotificationSettings

TITLE_LIMIT = 300


def _user_of(recipient):
    """A user, or the login of an employee; None when the person has no (active) login."""
    if recipient is None:
        return None
    user = recipient if isinstance(recipient, get_user_model()) else getattr(recipient, "user", None)
    if user is None or not user.is_active:
        return None
    return user


def settings_for(user) -> NotificationSettings:
    """The person's choices; unsaved defaults (e-mail on, no digest) when never set."""
    found = NotificationSettings.objects.filter(user=user).first()
    return found or NotificationSettings(user=user)


def email_address(user) -> str:
    if user.email:
        return user.email
    employee = getattr(user, "employee", None)
    return getattr(employee, "email", "") or ""


@in_indonesian
def notify(recipient, verb: str, target=None, *, title: str, url: str = "", region=None) -> Notification | None:
    """Tell ``recipient`` (a user or an employee) that ``target`` needs them. Returns None when
    the person has no active login (an employee without an account is told on paper)."""
    user = _user_of(recipient)
    if user is None:
        return None
    note = Notification.objects.create(
        recipient=user,
        region=region if region is not None else getattr(target, "region", None),
        verb=verb[:60],
        title=(title or verb)[:TITLE_LIMIT],  # written by code from stored titles, never raw input
        url=url[:500],
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
    )
    prefs = settings_for(user)
    if prefs.email_enabled and not prefs.daily_digest and email_address(user):
        from sikerja.notifications.tasks import send_notification_email

        transaction.on_commit(lambda: send_notification_email.enqueue(note.pk))
    return note


def already_notified(user, verb: str, target) -> bool:
    return Notification.objects.filter(
        recipient=user, verb=verb, target_type=target._meta.label_lower, target_id=str(target.pk)
    ).exists()


def mark_read(*, user, notification_id: int) -> Notification | None:
    note = Notification.objects.filter(recipient=user, pk=notification_id).first()
    if note is not None and note.read_at is None:
        note.read_at = timezone.now()
        note.save(update_fields=["read_at"])
    return note


def mark_all_read(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())


@transaction.atomic
def update_settings(*, user, email_enabled: bool, daily_digest: bool) -> NotificationSettings:
    prefs, _ = NotificationSettings.objects.select_for_update().get_or_create(user=user)
    prefs.email_enabled, prefs.daily_digest = bool(email_enabled), bool(daily_digest)
    prefs.save()
    return prefs
