"""Sessions that end after inactivity, and the second factor for administrators (PLT-1, PLT-2)."""

from __future__ import annotations

import time

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from sikerja.accounts.models import SECOND_FACTOR_ROLES, RoleAssignment, UserSession

# Refreshing the session's expiry on every request would write on every read; once every few
# minutes keeps the inactivity limit (SESSION_COOKIE_AGE) to within that margin.
TOUCH_EVERY = 300  # seconds


class SessionActivityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and hasattr(request, "session"):
            now = int(time.time())
            seen = request.session.get("_seen", 0)
            if now - seen >= TOUCH_EVERY:
                request.session["_seen"] = now  # modified: Django re-saves it with a new expiry
                if request.session.session_key:
                    UserSession.touch(request.session.session_key)
        return self.get_response(request)


def needs_second_factor(user) -> bool:
    if not getattr(settings, "SIKERJA_REQUIRE_SECOND_FACTOR", True) or not user.is_authenticated:
        return False
    return user.is_superuser or RoleAssignment.objects.filter(user=user, role__in=SECOND_FACTOR_ROLES).exists()


# Reachable before the second factor: the pages that set it up or ask for it, and leaving.
OPEN_PREFIXES = ("/akun/dua-langkah/", "/keluar/", "/static/", "/kesehatan/")


class SecondFactorMiddleware:
    """Administrators and the Sekretaris Daerah verify a TOTP or recovery code after their
    password; until they do, every page sends them to set up or enter the code."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(OPEN_PREFIXES)
            and not request.path.startswith("/api/")  # the API answers 401/403 itself; tokens are machine logins
            and not user.is_verified()
            and needs_second_factor(user)
        ):
            return redirect(f"{reverse('accounts:second_factor')}?next={request.get_full_path()}")
        return self.get_response(request)
