"""What every transition of penugasan shares: the refused-transition error, the member input, checks
of what people type, and the profile check of a flow."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from sikerja.accounts.access import Actor
from sikerja.assignments import rules
from sikerja.assignments.models import Member, Mode, Nature, Scope
from sikerja.i18n import stored
from sikerja.inputs import (
    EARLIEST_DATE,
    LATEST_DATE,
    MAX_YEARS_AHEAD,
    InputError,
    add_years,
    clean_text,
    shown_date,
)
from sikerja.organisation.choices import PositionKind
from sikerja.organisation.models import Employee, Unit

SCOPE_ORDER = {s: i for i, s in enumerate(Scope.values)}


ASSIGNEE_KINDS = (PositionKind.FUNGSIONAL, PositionKind.PELAKSANA)  # PEN-1: who is assigned


MAX_MEMBERS = 60


class AssignmentError(ValidationError):
    """A refused transition; ``messages`` are Indonesian and name the article where one applies."""


@dataclass
class MemberInput:
    employee_id: int | None = None
    role: str = Member.Role.ANGGOTA
    hours_per_week: float | None = None
    overbooking_reason: str = ""
    external_name: str = ""
    external_nip: str = ""
    external_org: str = ""
    external_position: str = ""  # jabatan of a member from outside, printed in the lampiran


def employee_of(actor: Actor) -> Employee:
    if actor.employee is None:
        raise PermissionDenied(_('Akun Anda tidak terhubung dengan data pegawai di pemerintah daerah ini.'))
    return actor.employee


def required_text(value, label: str, *, required: bool = True, limit: int = 2000) -> str:
    """The shared input rule (no NUL or broken characters, a length limit), as a refused transition."""
    try:
        return clean_text(value, label, limit=limit, required=required)
    except InputError as exc:
        raise AssignmentError(exc.messages) from exc


def weekly_hours(value, label: str = "Alokasi jam per minggu") -> Decimal:
    try:
        hours = Decimal(str(value))
    except (InvalidOperation, ValueError) as exc:
        raise AssignmentError(_('%(label)s harus berupa angka.') % {"label": label}) from exc
    if not hours.is_finite() or hours <= 0 or hours > 60:
        raise AssignmentError(_('%(label)s harus lebih dari 0 dan paling banyak 60 jam.') % {"label": label})
    return hours.quantize(Decimal("0.1"))


def check_period(starts_on: dt.date, ends_on: dt.date) -> None:
    # PEN-4: an assignment has a period (MU Ps 13(4), BU Ps 23(5), PPU Ps 9(4)).
    if not isinstance(starts_on, dt.date) or not isinstance(ends_on, dt.date):
        raise AssignmentError(_('Periode penugasan (tanggal mulai dan selesai) wajib diisi.'))
    if ends_on < starts_on:
        raise AssignmentError(_('Tanggal selesai penugasan mendahului tanggal mulai.'))
    if (ends_on - starts_on).days > 5 * 366:
        raise AssignmentError(_('Periode penugasan paling lama lima tahun.'))
    if not EARLIEST_DATE <= starts_on <= LATEST_DATE or not EARLIEST_DATE <= ends_on <= LATEST_DATE:
        raise AssignmentError(
            _('Periode penugasan harus di antara %(earliest_date)s dan %(latest_date)s.') % {"earliest_date": shown_date(EARLIEST_DATE), "latest_date": shown_date(LATEST_DATE)}
        )


def check_not_past(starts_on: dt.date, ends_on: dt.date, *, recording_reason, today: dt.date | None = None) -> str:
    """A letter assigns work to be done: a period that has wholly passed is refused, unless the
    initiator records an assignment that ran before it was entered, with a reason that the letter
    and the history show. Returns the cleaned reason ('' when none is needed). Too far ahead is
    refused as for any decision (``inputs.MAX_YEARS_AHEAD``)."""
    today = today or timezone.localdate()
    reason = required_text(recording_reason, "Alasan pencatatan penugasan yang sudah berjalan", required=False)
    if starts_on > add_years(today, MAX_YEARS_AHEAD):
        raise AssignmentError(
            _('Tanggal mulai penugasan paling jauh %(max_years_ahead)s tahun ke depan (%(add_years)s).') % {"max_years_ahead": MAX_YEARS_AHEAD, "add_years": shown_date(add_years(today, MAX_YEARS_AHEAD))}
        )
    if ends_on < today and not reason:
        raise AssignmentError(
            _('Seluruh periode penugasan (%(starts_on)s s.d. %(ends_on)s) sudah lewat. Penugasan hanya dapat dicatat setelah berjalan bila alasan pencatatannya diisi; alasan itu dimuat dalam naskah dan riwayat.') % {"starts_on": shown_date(starts_on), "ends_on": shown_date(ends_on)}
        )
    return reason if starts_on < today else ""


def clean_competences(values) -> list[str]:
    if isinstance(values, str):
        values = values.replace(";", ",").split(",")
    cleaned = [" ".join(str(v).split()) for v in values or [] if str(v).strip()]
    if len(cleaned) > 30 or any(len(v) > 150 for v in cleaned):
        raise AssignmentError(_('Kompetensi yang dibutuhkan paling banyak 30 butir, masing-masing 150 karakter.'))
    return cleaned


def owning_unit_of(actor: Actor, unit_id) -> Unit:
    unit = (
        Unit.objects.filter(region=actor.region, pk=unit_id, is_active=True).select_related("perangkat_daerah").first()
    )
    if unit is None:
        raise AssignmentError(_('Unit pemilik kinerja tidak ditemukan di pemerintah daerah ini.'))
    return unit


def employees_of(actor: Actor, ids) -> dict[int, Employee]:
    found = {
        e.pk: e
        for e in Employee.objects.filter(region=actor.region, pk__in=ids, is_active=True).select_related(
            "position", "unit", "unit__perangkat_daerah"
        )
    }
    missing = [i for i in ids if i not in found]
    if missing:
        raise AssignmentError(_('Pegawai yang dipilih tidak ditemukan di pemerintah daerah ini atau tidak aktif.'))
    return found


def refuse_unless(permission_allowed: bool, message: str) -> None:
    if not permission_allowed:
        raise AssignmentError(message)


def check_profile(profile, *, form: str, scope: str, mode: str, nature: str) -> list[str]:
    """Refuse a flow the region's regulation does not provide (naming the profile); return the
    articles relied on."""
    notes = []
    forms = profile.value("work_forms")
    if forms is not None and form not in forms:
        raise AssignmentError(
            _('%(name)s tidak mengatur %(form_words)s (%(value)s).') % {"name": profile.name, "form_words": rules.common.FORM_WORDS[form], "value": profile.cite('work_forms')}
        )
    permission = rules.scope_allowed(profile, scope)
    refuse_unless(permission.allowed, permission.message)
    notes.append(stored(rules.scope_allowed, profile, scope).message)  # kept on the record: Indonesian
    modes = profile.value("assignment_modes")
    if modes is not None and mode not in modes:
        raise AssignmentError(
            _('%(name)s tidak mengatur %(lower)s (%(value)s).') % {"name": profile.name, "lower": Mode(mode).label.lower(), "value": profile.cite('assignment_modes')}
        )
    if nature == Nature.INSIDENTAL:
        incidental = profile.value("incidental_tasks")
        if not incidental:
            raise AssignmentError(
                _('%(name)s tidak mengatur tugas insidental atau penugasan tambahan; gunakan penugasan reguler.') % {"name": profile.name}
            )
        notes.append(f"Sifat: {incidental.replace('_', ' ')} ({profile.cite('incidental_tasks')}).")
    return notes
