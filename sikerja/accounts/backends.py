"""Login protection on every authentication that comes through a request (PLT-2)."""

from axes.backends import AxesStandaloneBackend


class LoginProtectionBackend(AxesStandaloneBackend):
    """django-axes' lock check, for logins through a request (the login page, /admin/).

    Authentication without a request (Django's test client ``login()``, a shell) has no remote
    party to throttle; axes would refuse it outright, so it is passed to the next backend.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
