"""The leader adjusts the Matriks Peran Hasil (KIN-7, issue 13 item 2): a cell added for a
person, removed or renamed, per unit and year (the perjanjian kinerja). One stored adjustment
per cell; undoing it brings back what the assignments give. RHK made from a cell afterwards
(rhk_from_mph) take the adjusted title and role; RHK already made stay as the person has them."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext

from sikerja.accounts.access import Actor
from sikerja.audit.services import record_event
from sikerja.execution.models import PerformanceAgreement, PerformanceTarget, Work
from sikerja.organisation.models import Employee
from sikerja.performance.models import MphAdjustment, Rhk
from sikerja.performance.services.common import KinerjaError, employee_of, not_found, text

ACTIONS = {c.value for c in MphAdjustment.Action}


def may_adjust(actor: Actor, unit) -> tuple[bool, Employee | None]:
    """The unit's leader, or their Plh/Plt, adjusts its MPH (on whose behalf)."""
    from sikerja.assignments import officials
    from sikerja.assignments.actions.roles import nearest_leader

    return officials.acting_for(actor.employee, nearest_leader(unit))


def _locked_agreement(actor: Actor, target_id) -> tuple[PerformanceAgreement, PerformanceTarget]:
    target = (
        PerformanceTarget.objects.select_related("agreement__unit")
        .filter(pk=target_id, agreement__region=actor.region)
        .first()
    )
    if target is None:
        not_found("Target kinerja tidak ditemukan.")
    # Adjustments of one MPH are serialised on its perjanjian kinerja (one per cell, no race).
    agreement = (
        PerformanceAgreement.objects.select_for_update(of=("self",)).select_related("unit").get(pk=target.agreement_id)
    )
    return agreement, target


@transaction.atomic
def adjust_mph(
    actor: Actor,
    *,
    target_id,
    employee_id,
    action: str,
    work_id=None,
    role: str = "",
    title: str = "",
) -> MphAdjustment:
    from sikerja.performance.selectors.mph import adjusted, derived_cells

    agreement, target = _locked_agreement(actor, target_id)
    me = employee_of(actor)
    allowed, on_behalf = may_adjust(actor, agreement.unit)
    if not allowed:
        raise PermissionDenied(
            gettext("Hanya pimpinan unit pemilik perjanjian kinerja yang dapat menyesuaikan matriks peran hasil.")
        )
    if action not in ACTIONS:
        raise KinerjaError(gettext("Penyesuaian harus tambah, ubah atau hapus."))
    employee = Employee.objects.filter(region=actor.region, pk=employee_id, is_active=True).first()
    if employee is None:
        raise KinerjaError(gettext("Pegawai tidak ditemukan di pemerintah daerah ini."))
    work = None
    if work_id:
        work = Work.objects.filter(pk=work_id, target=target).first()
        if work is None:
            raise KinerjaError(gettext("Pekerjaan itu tidak melayani target tersebut."))
    targets = list(PerformanceTarget.objects.filter(agreement=agreement))
    derived = {c.key: c for c in derived_cells(targets)}
    key = (employee.pk, target.pk, work.pk if work else None)
    existing = MphAdjustment.objects.filter(agreement=agreement, employee=employee, target=target, work=work).first()
    current = {c.key for c in adjusted(list(derived.values()), [existing] if existing else [])}
    if action == MphAdjustment.Action.TAMBAH:
        if key in current:
            raise KinerjaError(
                gettext("Pegawai ini sudah berperan pada target tersebut; ubah uraian perannya bila perlu."),
                code="already_decided",
            )
    elif key not in current:
        raise KinerjaError(gettext("Pegawai ini tidak berperan pada target tersebut dalam matriks peran hasil."))
    if action != MphAdjustment.Action.HAPUS:
        title = text(title, "Uraian peran", limit=1000)
        role = role or (derived[key].role if key in derived else Rhk.Role.INDIVIDU)
        if role not in Rhk.Role.values:
            raise KinerjaError(gettext("Peran harus individu, ketua tim atau anggota tim."))
    else:
        title, role = "", derived[key].role if key in derived else Rhk.Role.INDIVIDU
    if action == MphAdjustment.Action.HAPUS and key not in derived:
        # Removing a cell the leader had added: the addition is simply withdrawn.
        record_event(
            region=actor.region, actor=actor.user, verb="kinerja.mph_undone", obj=existing, on_behalf_of=on_behalf
        )
        pk = existing.pk
        existing.delete()
        existing.pk = pk  # the caller echoes what was withdrawn
        return existing
    if key in derived and action == MphAdjustment.Action.TAMBAH:  # a removed derived cell comes back renamed
        action = MphAdjustment.Action.UBAH
    if key not in derived and action == MphAdjustment.Action.UBAH:  # renaming an added cell keeps it added
        action = MphAdjustment.Action.TAMBAH
    values = dict(region=actor.region, action=action, role=role, title=title, adjusted_by=me, on_behalf_of=on_behalf)
    if existing is None:
        existing = MphAdjustment.objects.create(
            agreement=agreement, employee=employee, target=target, work=work, **values
        )
    else:
        for k, v in values.items():
            setattr(existing, k, v)
        existing.save()
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="kinerja.mph_adjusted",
        obj=existing,
        changes={"action": action, "title": title},
        on_behalf_of=on_behalf,
    )
    return existing


@transaction.atomic
def undo_adjustment(actor: Actor, adjustment_id) -> None:
    """Withdraw one adjustment: the cell is again what the assignments give."""
    row = MphAdjustment.objects.filter(region=actor.region, pk=adjustment_id).first()
    if row is None:
        not_found("Penyesuaian tidak ditemukan.")
    agreement, _ = _locked_agreement(actor, row.target_id)
    allowed, on_behalf = may_adjust(actor, agreement.unit)
    if not allowed:
        raise PermissionDenied(
            gettext("Hanya pimpinan unit pemilik perjanjian kinerja yang dapat menyesuaikan matriks peran hasil.")
        )
    record_event(region=actor.region, actor=actor.user, verb="kinerja.mph_undone", obj=row, on_behalf_of=on_behalf)
    row.delete()
