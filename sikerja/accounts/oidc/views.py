"""The two steps of an OpenID Connect login: send the browser to the region's provider, and
receive it back."""

from __future__ import annotations

from authlib.common.errors import AuthlibBaseError
from django.conf import settings
from django.contrib.auth import login
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from joserfc.errors import JoseError
from requests import RequestException

from sikerja.accounts.models import IdentityProvider
from sikerja.accounts.oidc import SsoRefused, client_for, identify
from sikerja.audit.services import record_event


def _provider(slug: str) -> IdentityProvider:
    provider = (
        IdentityProvider.objects.select_related("region")
        .filter(region__slug=slug, region__is_active=True, is_active=True)
        .first()
    )
    if provider is None:
        raise Http404(_("Daerah ini tidak memakai penyedia identitas sendiri."))
    return provider


def _failed(request, provider, message: str, status: int):
    return render(request, "accounts/sso_failed.html", {"provider": provider, "message": message}, status=status)


@require_GET
def start(request, slug: str):
    provider = _provider(slug)
    callback = request.build_absolute_uri(reverse("sso_callback", args=[slug]))
    try:
        return client_for(provider).authorize_redirect(request, callback)
    except (RequestException, AuthlibBaseError, ValueError, KeyError):
        return _failed(request, provider, _("Penyedia identitas daerah tidak dapat dihubungi. Coba lagi nanti."), 502)


@require_GET
def callback(request, slug: str):
    provider = _provider(slug)
    if request.GET.get("error"):
        return _failed(request, provider, _("Penyedia identitas menolak permintaan masuk."), 400)
    try:
        token = client_for(provider).authorize_access_token(request)
    except RequestException:
        return _failed(request, provider, _("Penyedia identitas daerah tidak dapat dihubungi. Coba lagi nanti."), 502)
    except (AuthlibBaseError, JoseError, ValueError, KeyError):
        # A wrong state, nonce, signature, issuer or audience: never a login.
        return _failed(request, provider, _("Jawaban penyedia identitas tidak sah atau sudah kedaluwarsa. Silakan ulangi."), 400)
    claims = token.get("userinfo") or {}
    try:
        identity = identify(provider, dict(claims))
    except SsoRefused as exc:
        return _failed(request, provider, str(exc), 403)
    login(request, identity.user, backend="django.contrib.auth.backends.ModelBackend")
    request.session["region_id"] = provider.region_id
    record_event(region=provider.region, actor=identity.user, verb="login.oidc", obj=identity.employee,
                 changes={"issuer": provider.issuer})
    return redirect(settings.LOGIN_REDIRECT_URL)
