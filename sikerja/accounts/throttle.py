"""Failed API token attempts per address (PLT-2): after the limit, 429 until the window ends.

Counted in Django's cache. With several gunicorn processes a local-memory cache counts per
process; production configures a shared cache (docs/operations.md) to count per server."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache


def _key(request) -> str:
    return f"sikerja:token-fail:{request.META.get('REMOTE_ADDR', '')}"


def token_blocked(request) -> bool:
    return cache.get(_key(request), 0) >= settings.SIKERJA_TOKEN_FAILURE_LIMIT


def token_failed(request) -> None:
    key = _key(request)
    if cache.add(key, 1, timeout=settings.SIKERJA_TOKEN_FAILURE_WINDOW):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=settings.SIKERJA_TOKEN_FAILURE_WINDOW)
