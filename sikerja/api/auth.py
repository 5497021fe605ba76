"""Who is calling the API and in which region they act.

Two ways in (DESIGN.md, Stack):

* machines send ``Authorization: Bearer sk_...`` (an ``ApiToken``; only its digest is stored);
* the browser reuses its Django session; ninja's session auth enforces CSRF on unsafe methods.

Both resolve to an ``Actor`` (sikerja.accounts.access), which endpoints read as
``request.auth``. A user with several regions picks one with ``?region=<slug>`` or the header
``X-Region: <slug>``; otherwise the region chosen in the web UI's session, else the first.
"""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer
from ninja.security.session import SessionAuth

from sikerja.accounts.access import Actor, NoRegion, actor_for, regions_of
from sikerja.accounts.models import ApiToken
from sikerja.accounts.throttle import token_blocked, token_failed
from sikerja.api.errors import ApiError

REGION_PARAM = "region"
REGION_HEADER = "X-Region"
TOKEN_PREFIX = "sk_"
# Writing last_used_at on every call would turn each read into a write; once a minute is
# enough to tell an administrator which tokens are still in use.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


def touch_token(token: ApiToken) -> None:
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


def resolve_actor(request: HttpRequest, user) -> Actor:
    """The actor for this user in the region the request asks for (or their default one)."""
    cached = getattr(request, "_sikerja_actor", None)
    if cached is not None and cached.user.pk == user.pk:
        return cached
    regions = regions_of(user)
    if not regions:
        raise NoRegion("Akun Anda belum terdaftar pada pemerintah daerah mana pun.")
    wanted = (request.GET.get(REGION_PARAM) or request.headers.get(REGION_HEADER) or "").strip()
    if wanted:
        region = next((r for r in regions if r.slug == wanted), None)
        if region is None:
            raise ApiError(
                403,
                "region_forbidden",
                f"Anda tidak terdaftar pada pemerintah daerah '{wanted}'. "
                "Lihat GET /api/v1/regions untuk daerah yang dapat Anda akses.",
            )
    else:
        session = getattr(request, "session", None)
        chosen = session.get("region_id") if session is not None else None
        region = next((r for r in regions if r.pk == chosen), regions[0])
    actor = actor_for(user, region)
    request._sikerja_actor = actor
    return actor


class TokenAuth(HttpBearer):
    """``Authorization: Bearer sk_...``; a wrong or revoked token is a 401, not a fallback."""

    def authenticate(self, request: HttpRequest, token: str) -> Actor | None:
        if token_blocked(request):  # PLT-2: too many wrong tokens from this address
            raise ApiError(429, "too_many_attempts", "Terlalu banyak token yang salah dari alamat ini; coba lagi nanti.")
        token = token.strip()
        found = ApiToken.find_active(token) if token.startswith(TOKEN_PREFIX) else None
        if found is None or not found.user.is_active:
            token_failed(request)
            raise AuthenticationError()
        touch_token(found)
        request.user = found.user
        request.api_token = found
        return resolve_actor(request, found.user)


class BrowserSessionAuth(SessionAuth):
    """ninja's ``django_auth`` (session cookie, CSRF on unsafe methods), resolving the actor."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Actor | None:
        user = super().authenticate(request, key)
        if user is None:
            return None
        return resolve_actor(request, user)


token_auth = TokenAuth()
session_auth = BrowserSessionAuth()
# Order matters: an explicit bearer token wins over a browser session.
API_AUTH = [token_auth, session_auth]
