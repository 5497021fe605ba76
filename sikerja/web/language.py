"""The UI language: Bahasa Indonesia unless the person chose English (PLT-5).

Django's LocaleMiddleware would also follow the browser's Accept-Language, so an English
browser would get English pages uninvited; here only an explicit choice counts — the language
cookie set by the switch in the page footer, which the login copies from the stored preference.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

SUPPORTED = {code for code, _name in settings.LANGUAGES}


def chosen_language(request) -> str:
    code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return code if code in SUPPORTED else settings.LANGUAGE_CODE


class LanguageMiddleware(LocaleMiddleware):
    def process_request(self, request):
        language = chosen_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


def remember_language(response, language: str):
    """The cookie the middleware reads; a year, like Django's own default."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE or 365 * 24 * 3600,
        path=settings.LANGUAGE_COOKIE_PATH,
        secure=settings.LANGUAGE_COOKIE_SECURE or settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE or "Lax",
    )
    return response


@require_POST
def switch_language(request):
    """Django's set_language (cookie + safe redirect back), plus the signed-in person's stored
    preference so the next login on another device opens in the same language."""
    response = set_language(request)
    language = request.POST.get("language")
    if language not in SUPPORTED:
        return response
    remember_language(response, language)
    if request.user.is_authenticated:
        from sikerja.accounts.models import UserPreference

        UserPreference.objects.update_or_create(user=request.user, defaults={"language": language})
        with translation.override(language):
            messages.success(request, _("Bahasa tampilan diganti."))
    return response
