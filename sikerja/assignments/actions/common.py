"""What every transition of penugasan shares: the refused-transition error, the member input, checks
of what people type, and the profile check of a flow."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError

from sikerja.accounts.access import Actor
from sikerja.assignments import rules
from sikerja.assignments.models import Member, Mode, Nature, Scope
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


def employee_of(actor: Actor) -> Employee:
    if actor.employee is None:
        raise PermissionDenied("Akun Anda tidak terhubung dengan data pegawai di pemerintah daerah ini.")
    return actor.employee


def required_text(value, label: str, *, required: bool = True, limit: int = 2000) -> str:
    value = (value or "").strip() if isinstance(value, str) or value is None else str(value).strip()
    if required and not value:
        raise AssignmentError(f"{label} wajib diisi.")
    if len(value) > limit:
        raise AssignmentError(f"{label} paling panjang {limit} karakter.")
    return value


def weekly_hours(value, label: str = "Alokasi jam per minggu") -> Decimal:
    try:
        hours = Decimal(str(value))
    except (InvalidOperation, ValueError) as exc:
        raise AssignmentError(f"{label} harus berupa angka.") from exc
    if not hours.is_finite() or hours <= 0 or hours > 60:
        raise AssignmentError(f"{label} harus lebih dari 0 dan paling banyak 60 jam.")
    return hours.quantize(Decimal("0.1"))


def check_period(starts_on: dt.date, ends_on: dt.date) -> None:
    # PEN-4: an assignment has a period (MU Ps 13(4), BU Ps 23(5), PPU Ps 9(4)).
    if not isinstance(starts_on, dt.date) or not isinstance(ends_on, dt.date):
        raise AssignmentError("Periode penugasan (tanggal mulai dan selesai) wajib diisi.")
    if ends_on < starts_on:
        raise AssignmentError("Tanggal selesai penugasan mendahului tanggal mulai.")
    if (ends_on - starts_on).days > 5 * 366:
        raise AssignmentError("Periode penugasan paling lama lima tahun.")


def clean_competences(values) -> list[str]:
    if isinstance(values, str):
        values = values.replace(";", ",").split(",")
    cleaned = [" ".join(str(v).split()) for v in values or [] if str(v).strip()]
    if len(cleaned) > 30 or any(len(v) > 150 for v in cleaned):
        raise AssignmentError("Kompetensi yang dibutuhkan paling banyak 30 butir, masing-masing 150 karakter.")
    return cleaned


def owning_unit_of(actor: Actor, unit_id) -> Unit:
    unit = (
        Unit.objects.filter(region=actor.region, pk=unit_id, is_active=True).select_related("perangkat_daerah").first()
    )
    if unit is None:
        raise AssignmentError("Unit pemilik kinerja tidak ditemukan di pemerintah daerah ini.")
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
        raise AssignmentError("Pegawai yang dipilih tidak ditemukan di pemerintah daerah ini atau tidak aktif.")
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
            f"{profile.name} tidak mengatur {rules.common.FORM_WORDS[form]} ({profile.cite('work_forms')})."
        )
    permission = rules.scope_allowed(profile, scope)
    refuse_unless(permission.allowed, permission.message)
    notes.append(permission.message)
    modes = profile.value("assignment_modes")
    if modes is not None and mode not in modes:
        raise AssignmentError(
            f"{profile.name} tidak mengatur {Mode(mode).label.lower()} ({profile.cite('assignment_modes')})."
        )
    if nature == Nature.INSIDENTAL:
        incidental = profile.value("incidental_tasks")
        if not incidental:
            raise AssignmentError(
                f"{profile.name} tidak mengatur tugas insidental atau penugasan tambahan; gunakan penugasan reguler."
            )
        notes.append(f"Sifat: {incidental.replace('_', ' ')} ({profile.cite('incidental_tasks')}).")
    return notes
