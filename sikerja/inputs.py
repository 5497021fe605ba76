"""Bounds and character rules for what people and clients type (issue 9, items 14-15).

Pure functions, shared by the API schemas, the forms and the services, so that one rule
answers everywhere: a NUL byte or a lone surrogate is refused before it reaches PostgreSQL
(which cannot store either, and answered 500), every text has a maximum length (including
reasons that go into the append-only audit log), and every date lies in a window that makes
sense for a civil-service record.

Each check raises ``InputError`` with a message in Bahasa Indonesia naming the field.
"""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext as _

# Text limits by kind of field. Reasons and notes are stored forever in the audit log.
SHORT_TEXT = 200  # names, numbers of letters, search words
TITLE_TEXT = 500  # titles, subjects
LONG_TEXT = 4000  # descriptions, reasons, notes
SEARCH_TEXT = 100  # a search box

# Dates: civil-service records start with the oldest NIP birth years and end a few decades
# ahead (a decree is not planned further than that).
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)
# How far ahead a decision (placement, delegation, assignment) may be scheduled.
MAX_YEARS_AHEAD = 5

_BAD_CHARS = re.compile("[\x00\ud800-\udfff]")


class InputError(ValidationError):
    """Input that no record may hold; the message names the field."""


def bad_character(text: str) -> str | None:
    """Describe the first character PostgreSQL cannot store, or None."""
    match = _BAD_CHARS.search(text)
    if match is None:
        return None
    return _("karakter NUL") if match.group() == "\x00" else _("karakter Unicode yang tidak utuh")


def has_bad_character(value) -> bool:
    """True for a str (or nested list/dict of them, as in a JSON body) with an unstorable char."""
    if isinstance(value, str):
        return _BAD_CHARS.search(value) is not None
    if isinstance(value, dict):
        return any(has_bad_character(k) or has_bad_character(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(has_bad_character(v) for v in value)
    return False


def clean_text(value, label: str, *, limit: int = LONG_TEXT, required: bool = False) -> str:
    """Strip, check characters and length; '' when empty and not required."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        value = str(value)
    value = value.strip()
    label = _label(label)
    problem = bad_character(value)
    if problem:
        raise InputError(_('%(label)s memuat %(problem)s.') % {"label": label, "problem": problem})
    if required and not value:
        raise InputError(_('%(label)s wajib diisi.') % {"label": label})
    if len(value) > limit:
        raise InputError(_('%(label)s paling panjang %(limit)s karakter.') % {"label": label, "limit": limit})
    return value


def _label(label) -> str:
    # Callers pass the field's Indonesian name; it is looked up here so that every caller's
    # label speaks the page's language without each call site being marked.
    return _(str(label))


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def check_date(
    value: dt.date,
    label: str,
    *,
    earliest: dt.date = EARLIEST_DATE,
    latest: dt.date = LATEST_DATE,
) -> dt.date:
    """A date inside [earliest, latest]; the message says the window in Indonesian words."""
    label = _label(label)
    if not isinstance(value, dt.date):
        raise InputError(_('%(label)s wajib berupa tanggal.') % {"label": label})
    if isinstance(value, dt.datetime):
        value = value.date()
    if value < earliest or value > latest:
        raise InputError(_('%(label)s harus di antara %(earliest)s dan %(latest)s.') % {"label": label, "earliest": shown_date(earliest), "latest": shown_date(latest)})
    return value


def check_decision_date(value: dt.date, label: str, *, today: dt.date, years_back: int = 30) -> dt.date:
    """A date a decision takes effect: not decades back, at most MAX_YEARS_AHEAD ahead."""
    return check_date(value, label, earliest=add_years(today, -years_back), latest=add_years(today, MAX_YEARS_AHEAD))


def check_not_future(value: dt.date, label: str, *, today: dt.date) -> dt.date:
    """A date something was signed or decided: never after today (a decree dated tomorrow is not real)."""
    check_date(value, label)
    label = _label(label)
    if value > today:
        raise InputError(_('%(label)s tidak boleh setelah hari ini (%(today)s).') % {"label": label, "today": shown_date(today)})
    return value


def _today() -> dt.date:
    from django.utils import timezone  # late: the rules above stay usable without settings

    return timezone.localdate()


def decision_date_validator(label: str, today=_today):
    """A Django form validator: ``check_decision_date`` against today in the region's time zone."""

    def validate(value: dt.date) -> None:
        check_decision_date(value, label, today=today())

    return validate


def signed_date_validator(label: str, today=_today):
    """A Django form validator: ``check_not_future`` (a decree is not dated after today)."""

    def validate(value: dt.date) -> None:
        check_not_future(value, label, today=today())

    return validate


MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


def indonesian_date(day: dt.date) -> str:
    """'2 Desember 2026' whatever the active language: for text that is stored or printed."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def shown_date(day: dt.date) -> str:
    """'2 Desember 2026' / '2 December 2026': a date in a message shown to the person, in the
    active language (PLT-5). Letters and stored records use ``indonesian_date``."""
    return formats.date_format(day, "j F Y")
