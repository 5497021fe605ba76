"""Work for the background worker (django-tasks, database backend; ``manage.py sikerja_worker``)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from sikerja.notifications.models import Notification


def _absolute(url: str) -> str:
    base = getattr(settings, "SIKERJA_PUBLIC_URL", "").rstrip("/")
    return f"{base}{url}" if url.startswith("/") and base else url


@task()
def send_notification_email(notification_id: int) -> bool:
    """One mail for one notification; does nothing if it was already sent (a retried task)."""
    from sikerja.notifications.services import email_address

    with transaction.atomic():
        note = Notification.objects.select_for_update().select_related("recipient").filter(pk=notification_id).first()
        if note is None or note.emailed_at is not None:
            return False
        address = email_address(note.recipient)
        if not address:
            return False
        body = render_to_string("notifications/email_one.txt", {"n": note, "link": _absolute(note.url)})
        send_mail(f"[SiKerja] {note.title}"[:200], body, None, [address])
        note.emailed_at = timezone.now()
        note.save(update_fields=["emailed_at"])
    return True


@task()
def send_digest(user_id: int) -> int:
    """The day's notifications not yet mailed, in one message. Returns how many it carried."""
    from django.contrib.auth import get_user_model

    from sikerja.notifications.services import email_address

    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not email_address(user):
        return 0
    with transaction.atomic():
        notes = list(
            Notification.objects.select_for_update()
            .filter(recipient=user, emailed_at__isnull=True, read_at__isnull=True)
            .order_by("created_at", "pk")
        )
        if not notes:
            return 0
        items = [{"n": n, "link": _absolute(n.url)} for n in notes]
        body = render_to_string("notifications/email_digest.txt", {"user": user, "items": items})
        send_mail(f"[SiKerja] Ringkasan harian: {len(notes)} pemberitahuan", body, None, [email_address(user)])
        Notification.objects.filter(pk__in=[n.pk for n in notes]).update(emailed_at=timezone.now())
    return len(notes)
