"""Reads that may lag go to a streaming replica (issue 15, "Scale past one machine").

A province or national deployment runs PostgreSQL as a primary with streaming replicas
(docs/operations.md). Most pages must read what the user has just written, so they read the
primary. A short list of read-only report pages — ``SIKERJA_REPLICA_PAGES``, by URL name — only
summarise data and may show it a second or two late; on those pages, for GET and HEAD only, the
router sends reads to the ``replica`` database when one is configured
(``DATABASE_REPLICA_URL``). Everything else stays on ``default``:

- writes, and reads that lock (``select_for_update`` marks a query as a write);
- sessions, users, roles, second factors and login throttling, which decide who the user is and
  must never be stale (a login just made would otherwise look absent);
- every request that is not a GET/HEAD of a listed page;
- a user who wrote something in the last ``SIKERJA_REPLICA_FRESH_SECONDS`` (the session keeps
  the time of their last POST), so the page they open next shows what they just saved.

Without ``DATABASE_REPLICA_URL`` the router changes nothing."""

from __future__ import annotations

import time
from contextvars import ContextVar

from django.conf import settings

REPLICA = "replica"
# Who the user is and what they may do: always from the primary.
FRESH_APPS = frozenset(
    {"sessions", "auth", "accounts", "axes", "django_otp", "otp_totp", "otp_static", "contenttypes", "django_tasks_db"}
)

WROTE_AT = "_sikerja_wrote_at"
_lag_ok: ContextVar[bool] = ContextVar("sikerja_replica_reads", default=False)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if _lag_ok.get() and model._meta.app_label not in FRESH_APPS and replica_configured():
            return REPLICA
        return None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        # The replica holds the same rows as the primary: objects read from either may be related.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA  # a replica follows the primary's schema; it is never migrated


class ReplicaReadsMiddleware:
    """Marks the request as lag-tolerant once its view is known (``process_view``) and clears the
    mark when the response is done, so no later request on the same thread inherits it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            response = self.get_response(request)
            if (
                request.method not in ("GET", "HEAD", "OPTIONS")
                and replica_configured()
                and hasattr(request, "session")
            ):
                request.session[WROTE_AT] = time.time()
            return response
        finally:
            token = getattr(request, "_replica_token", None)
            if token is not None:
                _lag_ok.reset(token)
                request._replica_token = None

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            request.method in ("GET", "HEAD")
            and match is not None
            and match.view_name in settings.SIKERJA_REPLICA_PAGES
            and replica_configured()
            and not _wrote_recently(request)
        ):
            request._replica_token = _lag_ok.set(True)
        return None


def _wrote_recently(request) -> bool:
    session = getattr(request, "session", None)
    wrote_at = session.get(WROTE_AT) if session is not None else None
    return wrote_at is not None and time.time() - wrote_at < settings.SIKERJA_REPLICA_FRESH_SECONDS
