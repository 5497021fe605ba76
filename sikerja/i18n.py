"""What stays in Bahasa Indonesia whatever language the page speaks (PLT-5): the content of
letters (naskah dinas are legal documents) and the texts stored for other people to read
(notification titles, audit records), which are written while the writer's language is active."""

from __future__ import annotations

import functools

from django.conf import settings
from django.utils import translation


def in_indonesian(func):
    """Run ``func`` with the default language active (a fresh override per call: thread-safe)."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return func(*args, **kwargs)

    return wrapper


def stored(func, *args, **kwargs):
    """``func(*args, **kwargs)`` in the default language: the pure rules write their messages in
    the active language (a refusal shown to the person), and a service that keeps a rule's text
    on a record (decision notes, kedudukan findings) asks the rule again through this."""
    with translation.override(settings.LANGUAGE_CODE):
        return func(*args, **kwargs)
