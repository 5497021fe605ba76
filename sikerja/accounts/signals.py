"""Keep ``UserSession`` beside Django's sessions: one row per browser login."""

from django.utils import timezone

from sikerja.accounts.models import UserSession


def _ip(request) -> str | None:
    ip = (request.META.get("REMOTE_ADDR") or "").strip()
    return ip or None


def session_started(sender, request, user, **kwargs) -> None:
    session = getattr(request, "session", None)
    if session is None:
        return
    if not session.session_key:
        session.save()
    UserSession.objects.update_or_create(
        session_key=session.session_key,
        defaults={
            "user": user,
            "ip_address": _ip(request),
            "ended_at": None,
            "last_seen_at": timezone.now(),
            "user_agent": (request.META.get("HTTP_USER_AGENT") or "")[:300],
        },
    )


def session_ended(sender, request, user, **kwargs) -> None:
    session = getattr(request, "session", None)
    if session is not None and session.session_key:
        UserSession.objects.filter(session_key=session.session_key).update(ended_at=timezone.now())
