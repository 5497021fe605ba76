"""The HR administrator keeps the employee records (PLT-6): corrects an employee's data, moves
one to another unit (*mutasi*), and deactivates one who leaves — each with a reason kept in the
record's history and the event log, so an employee who leaves keeps their history.

A mutasi ends the placement under the old PPK the day before it takes effect (the new unit's
PPK is set afterwards on the placement page, as KED-6 requires a basis for it), and says which
assignments still name the person: an issued letter stays valid proof until its signer ends or
revokes it, so nothing is changed behind the signer's back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sikerja.accounts.access import Actor, may_place
from sikerja.audit.services import record_event
from sikerja.inputs import InputError, clean_text, shown_date
from sikerja.organisation import placement_checks
from sikerja.organisation.choices import PNS_GOLONGAN_RANK, PPPK_GOLONGAN_RANK, EmploymentStatus
from sikerja.organisation.models import Employee, Placement, Position, Unit

MAX_BACKDATE_DAYS = 366  # a mutasi decree recorded late, but not years late


class EmployeeError(ValidationError):
    """A refused change; messages in Bahasa Indonesia."""


@dataclass
class Consequences:
    """What a mutasi or a departure leaves for others to decide."""

    placement_closed: Placement | None = None
    assessed: int = 0  # people whose PPK this employee was
    running: list = field(default_factory=list)  # issued assignments still naming them
    pending: list = field(default_factory=list)  # assignments in process naming them


def _require_hr_admin(actor: Actor) -> None:
    if not may_place(actor):
        raise PermissionDenied(_('Data pegawai hanya dapat diubah oleh admin BKPSDM daerah ini.'))


def _locked(actor: Actor, employee_id: int) -> Employee:
    employee = (
        Employee.objects.restrict(actor, "change")
        .select_for_update(of=("self",))
        .select_related("unit", "position", "user")
        .filter(pk=employee_id)
        .first()
    )
    if employee is None:
        raise EmployeeError(_('Pegawai tidak ditemukan di pemerintah daerah ini.'))
    return employee


def _text(value, label: str, *, required: bool = False, limit: int = 150) -> str:
    try:
        return clean_text(value, label, required=required, limit=limit)
    except InputError as exc:
        raise EmployeeError(exc.messages) from exc


def _position_in(actor: Actor, position_id, unit: Unit) -> Position | None:
    if not position_id:
        return None
    position = Position.objects.filter(region=actor.region, pk=position_id).select_related("unit").first()
    if position is None or position.unit_id != unit.pk:
        raise EmployeeError(_('Jabatan yang dipilih bukan jabatan pada %(name)s.') % {"name": unit.name})
    return position


def _consequences(employee: Employee, on: dt.date) -> Consequences:
    from sikerja.assignments.models import Assignment, Member

    members = (
        Member.objects.filter(employee=employee).exclude(status=Member.Status.DITOLAK).select_related("assignment")
    )
    return Consequences(
        assessed=Placement.objects.current(on).filter(assessor=employee).count(),
        running=[
            m.assignment
            for m in members.filter(assignment__status=Assignment.Status.DITERBITKAN, assignment__ends_on__gte=on)
        ],
        pending=[m.assignment for m in members.filter(assignment__status=Assignment.Status.PROSES)],
    )


def _close_placement(employee: Employee, on: dt.date) -> Placement | None:
    """End the placement in force on ``on`` the day before; a placement scheduled later is a
    decision the administrator must withdraw or correct first."""
    if Placement.objects.filter(employee=employee).scheduled(on).exists():
        raise EmployeeError(
            _('%(full_name)s memiliki kedudukan terjadwal sesudah %(on)s; tarik atau koreksi kedudukan itu lebih dahulu di halaman kedudukan.') % {"full_name": employee.full_name, "on": shown_date(on)}
        )
    current = Placement.objects.filter(employee=employee).current(on).first()
    if current is None:
        return None
    if current.effective_from >= on:
        raise EmployeeError(
            _('Kedudukan %(full_name)s baru berlaku %(effective_from)s; tanggal berlaku harus sesudahnya.') % {"full_name": employee.full_name, "effective_from": shown_date(current.effective_from)}
        )
    current.effective_until = on - dt.timedelta(days=1)
    current.save(update_fields=["effective_until"])
    return current


def _effective(value, today: dt.date) -> dt.date:
    if not isinstance(value, dt.date):
        raise EmployeeError(_('Tanggal berlaku wajib diisi.'))
    if value > today:
        raise EmployeeError(_('Catat mutasi atau pemberhentian pada tanggal berlakunya, bukan sebelumnya.'))
    if (today - value).days > MAX_BACKDATE_DAYS:
        raise EmployeeError(_('Tanggal berlaku paling lama satu tahun yang lalu.'))
    return value


@transaction.atomic
def update_employee(
    *,
    actor: Actor,
    employee_id: int,
    name: str,
    front_title: str = "",
    back_title: str = "",
    golongan: str,
    email: str = "",
    has_managerial_experience: bool = False,
    position_id: int | None = None,
    reason: str,
) -> Employee:
    """Correct an employee's data within their unit (moving units is a mutasi)."""
    _require_hr_admin(actor)
    employee = _locked(actor, employee_id)
    reason = _text(reason, "Alasan perubahan", required=True, limit=500)
    ranks = PNS_GOLONGAN_RANK if employee.status == EmploymentStatus.PNS else PPPK_GOLONGAN_RANK
    if golongan not in ranks:
        raise EmployeeError(_('Golongan %(golongan)s tidak berlaku bagi %(get_status_display)s.') % {"golongan": golongan, "get_status_display": employee.get_status_display()})
    email = _text(email, "Surel", limit=254)
    if email:
        try:
            validate_email(email)
        except ValidationError as exc:
            raise EmployeeError(_('Alamat surel tidak valid.')) from exc
    before = {
        "name": employee.name, "front_title": employee.front_title, "back_title": employee.back_title,
        "golongan": employee.golongan, "email": employee.email,
        "has_managerial_experience": employee.has_managerial_experience, "position": employee.position_id,
    }  # fmt: skip
    employee.name = _text(name, "Nama", required=True)
    employee.front_title = _text(front_title, "Gelar depan", limit=40)
    employee.back_title = _text(back_title, "Gelar belakang", limit=60)
    employee.golongan, employee.email = golongan, email
    employee.has_managerial_experience = bool(has_managerial_experience)
    if employee.unit_id:
        employee.position = _position_in(actor, position_id, employee.unit)
    after = {**before, **{k: getattr(employee, k) for k in before if k != "position"}, "position": employee.position_id}
    changed = {k: [before[k], after[k]] for k in before if before[k] != after[k]}
    if not changed:
        raise EmployeeError(_('Tidak ada data yang berubah.'))
    employee._change_reason = reason[:100]
    employee.save()
    record_event(
        region=actor.region, actor=actor.user, verb="employee.updated", obj=employee, changes=changed, reason=reason
    )
    placement_checks.refresh_people(actor.region, [employee.pk])
    return employee


@transaction.atomic
def move_employee(
    *,
    actor: Actor,
    employee_id: int,
    unit_id: int,
    position_id: int | None,
    effective_on: dt.date,
    basis_number: str,
    reason: str = "",
    today: dt.date | None = None,
) -> Consequences:
    """Mutasi to another unit of the region, from ``effective_on``."""
    _require_hr_admin(actor)
    today = today or timezone.localdate()
    employee = _locked(actor, employee_id)
    if not employee.is_active:
        raise EmployeeError(_('%(full_name)s sudah tidak aktif.') % {"full_name": employee.full_name})
    unit = Unit.objects.filter(region=actor.region, pk=unit_id, is_active=True).first()
    if unit is None:
        raise EmployeeError(_('Unit tujuan tidak ditemukan di pemerintah daerah ini.'))
    if unit.pk == employee.unit_id:
        raise EmployeeError(_('%(full_name)s sudah berada di %(name)s; ubah jabatannya dengan Ubah data.') % {"full_name": employee.full_name, "name": unit.name})
    basis_number = _text(basis_number, "Nomor keputusan mutasi", required=True, limit=120)
    reason = _text(reason, "Keterangan", limit=500)
    effective_on = _effective(effective_on, today)
    position = _position_in(actor, position_id, unit)
    old_unit, old_position = employee.unit, employee.position
    consequences = _consequences(employee, effective_on)
    consequences.placement_closed = _close_placement(employee, effective_on)
    employee.unit, employee.position = unit, position
    employee._change_reason = f"Mutasi {basis_number}"[:100]
    employee.save(update_fields=["unit", "position"])
    record_event(
        region=actor.region, actor=actor.user, verb="employee.moved", obj=employee, reason=reason,
        changes={
            "unit": [old_unit.name if old_unit else None, unit.name],
            "position": [old_position.name if old_position else None, position.name if position else None],
            "effective_on": effective_on.isoformat(), "basis": basis_number,
            "placement_closed": consequences.placement_closed.pk if consequences.placement_closed else None,
            "assignments": [a.pk for a in consequences.running + consequences.pending],
        },
    )  # fmt: skip
    placement_checks.refresh_people(actor.region, [employee.pk])
    return consequences


@transaction.atomic
def deactivate_employee(
    *, actor: Actor, employee_id: int, effective_on: dt.date, reason: str, today: dt.date | None = None
) -> Consequences:
    """An employee who leaves (pensiun, pindah instansi, berhenti): no longer active, no longer
    able to sign in, their placement ended; every record that names them stays."""
    _require_hr_admin(actor)
    today = today or timezone.localdate()
    employee = _locked(actor, employee_id)
    if not employee.is_active:
        raise EmployeeError(_('%(full_name)s sudah tidak aktif.') % {"full_name": employee.full_name})
    if actor.employee is not None and actor.employee.pk == employee.pk:
        raise EmployeeError(_('Anda tidak dapat menonaktifkan data kepegawaian Anda sendiri.'))
    reason = _text(reason, "Alasan", required=True, limit=500)
    effective_on = _effective(effective_on, today)
    consequences = _consequences(employee, effective_on)
    consequences.placement_closed = _close_placement(employee, effective_on)
    employee.is_active = False
    employee._change_reason = reason[:100]
    employee.save(update_fields=["is_active"])
    if employee.user_id and employee.user.is_active:
        from sikerja.accounts.services import deactivate_login

        deactivate_login(actor=actor, user_id=employee.user_id, reason=reason)
    record_event(
        region=actor.region, actor=actor.user, verb="employee.deactivated", obj=employee, reason=reason,
        changes={
            "effective_on": effective_on.isoformat(),
            "placement_closed": consequences.placement_closed.pk if consequences.placement_closed else None,
            "assessed": consequences.assessed,
            "assignments": [a.pk for a in consequences.running + consequences.pending],
        },
    )  # fmt: skip
    placement_checks.refresh_people(actor.region, [employee.pk])
    return consequences
