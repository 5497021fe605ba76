"""Work for the background worker (django-tasks, database backend; ``manage.py sikerja_worker``)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from sikerja.notifications.models import Notification


def language_of(user) -> str:
    """The language a person's mail is written in (PLT-5): the one they chose on their profile,
    else the language active when the mail is sent (a worker has none: the default)."""
    from sikerja.accounts.models import UserPreference

    chosen = UserPreference.objects.filter(user=user).values_list("language", flat=True).first()
    return chosen or translation.get_language() or settings.LANGUAGE_CODE


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
        # The title is stored in Indonesian (written for others to read); the frame around it
        # speaks the recipient's language.
        with translation.override(language_of(note.recipient)):
            body = render_to_string("notifications/email_one.txt", {"n": note, "link": _absolute(note.url)})
            subject = _("[SiKerja] %(title)s") % {"title": note.title}
        send_mail(subject[:200], body, None, [address])
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
        with translation.override(language_of(user)):
            body = render_to_string("notifications/email_digest.txt", {"user": user, "items": items})
            subject = _("[SiKerja] Ringkasan harian: %(count)s pemberitahuan") % {"count": len(notes)}
        send_mail(subject, body, None, [email_address(user)])
        Notification.objects.filter(pk__in=[n.pk for n in notes]).update(emailed_at=timezone.now())
    return len(notes)
