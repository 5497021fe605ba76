"""Writes for kedudukan: placing an employee under a PPK and delegating PPK authority.

Placement is set by the pejabat pembina kepegawaian (MU Ps 10, KL Ps 5(3), PPU Ps 7(1)); in
SiKerja the admin BKPSDM acts for them. Every write is one transaction, checks the actor,
the state and the region's profile, and appends an event.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from sikerja.accounts.access import Actor, may_place
from sikerja.audit.services import record_event
from sikerja.organisation.models import Delegation, Employee, Placement
from sikerja.organisation.placement_selectors import authority_delegates, holders, org_facts, profile_of
from sikerja.organisation.rules.placement import Finding, judge


class PlacementError(ValueError):
    """A refused write; ``code`` is machine-readable, the message is for people."""

    def __init__(self, code: str, message: str, findings: list[Finding] | None = None):
        super().__init__(message)
        self.code = code
        self.findings = findings or []


def _require_placement_admin(actor: Actor) -> None:
    if not may_place(actor):
        raise PermissionDenied("Hanya admin BKPSDM (atas nama pejabat pembina kepegawaian) yang dapat menetapkan kedudukan.")


def _in_region(actor: Actor, employee_id: int, label: str) -> Employee:
    employee = Employee.objects.filter(region=actor.region, pk=employee_id, is_active=True).first()
    if employee is None:
        raise PlacementError("not_found", f"{label} tidak ditemukan di {actor.region.name}.")
    return employee


def place_employee(
    *,
    actor: Actor,
    employee_id: int,
    assessor_id: int,
    basis_number: str,
    basis_date: dt.date,
    effective_from: dt.date,
) -> Placement:
    """Place an employee under a PPK; the open placement is closed the day before (KED-6)."""
    _require_placement_admin(actor)
    basis_number = (basis_number or "").strip()
    if not basis_number:
        raise PlacementError("basis_required", "Nomor dasar penetapan (keputusan) wajib diisi.")
    if basis_date > effective_from:
        raise PlacementError("basis_after_start", "Tanggal berlaku tidak boleh sebelum tanggal dasar penetapan.")
    with transaction.atomic():
        employee = _in_region(actor, employee_id, "Pegawai")
        assessor = _in_region(actor, assessor_id, "Pejabat penilai kinerja")
        if employee.pk == assessor.pk:
            raise PlacementError("self", "Pegawai tidak dapat menjadi pejabat penilai kinerja bagi dirinya sendiri.")
        # Serialise on the employee row: two admins placing the same person queue here, and the
        # second then reads the placement the first one committed (locking the open placement
        # itself is not enough: once closed it no longer matches and the second would insert).
        Employee.objects.select_for_update().filter(pk=employee.pk).first()
        current = Placement.objects.filter(employee=employee, effective_until__isnull=True).first()
        if current and effective_from <= current.effective_from:
            raise PlacementError(
                "not_after_current",
                f"Tanggal berlaku harus sesudah kedudukan yang berlaku sekarang ({current.effective_from:%d-%m-%Y}).",
            )
        people = holders(actor.region, [employee.pk, assessor.pk])
        findings = judge(
            people[employee.pk], people[assessor.pk], org_facts(actor.region), profile_of(actor.region),
            delegated=assessor.pk in authority_delegates(actor.region, effective_from),
        )
        if findings:
            raise PlacementError(
                "violates_profile",
                "Kedudukan ini melanggar profil regulasi: " + " ".join(f"{f.message} ({f.article})" for f in findings),
                findings,
            )
        if current:
            current.effective_until = effective_from - dt.timedelta(days=1)
            current.save(update_fields=["effective_until"])
        placement = Placement.objects.create(
            region=actor.region, employee=employee, assessor=assessor, unit_id=employee.unit_id,
            basis_number=basis_number, basis_date=basis_date, effective_from=effective_from, set_by=actor.user,
        )
        record_event(
            region=actor.region, actor=actor.user, verb="placement.set", obj=placement,
            changes={
                "employee": employee.nip,
                "assessor": [current.assessor_id if current else None, assessor.pk],
                "basis": basis_number,
                "effective_from": effective_from.isoformat(),
            },
        )
    return placement


def delegate_authority(
    *,
    actor: Actor,
    kind: str,
    delegator_id: int,
    delegate_id: int,
    starts_on: dt.date,
    ends_on: dt.date,
    basis_number: str,
    basis_date: dt.date,
    reason: str = "",
) -> Delegation:
    """Record a Plh/Plt or a delegation of PPK authority for a period (KED-5)."""
    _require_placement_admin(actor)
    profile = profile_of(actor.region)
    if not profile.value("assessor_delegation_allowed"):
        raise PlacementError(
            "not_in_profile", f"Profil {profile.name} tidak mengatur pendelegasian kewenangan pejabat penilai kinerja."
        )
    if kind not in Delegation.Kind.values:
        raise PlacementError("bad_kind", "Jenis pendelegasian tidak dikenal (Plh, Plt, atau pendelegasian kewenangan).")
    if ends_on < starts_on:
        raise PlacementError("bad_period", "Tanggal akhir tidak boleh sebelum tanggal mulai.")
    if not (basis_number or "").strip():
        raise PlacementError("basis_required", "Nomor dasar (surat perintah/keputusan) wajib diisi.")
    with transaction.atomic():
        delegator = _in_region(actor, delegator_id, "Pemberi kewenangan")
        delegate = _in_region(actor, delegate_id, "Penerima kewenangan")
        if delegator.pk == delegate.pk:
            raise PlacementError("self", "Pemberi dan penerima kewenangan tidak boleh orang yang sama.")
        overlapping = Delegation.objects.select_for_update().filter(
            delegator=delegator, kind=kind, revoked_at__isnull=True, starts_on__lte=ends_on, ends_on__gte=starts_on
        )
        if kind in (Delegation.Kind.PLH, Delegation.Kind.PLT) and overlapping.exists():
            raise PlacementError(
                "overlap", f"Sudah ada {Delegation.Kind(kind).label} untuk {delegator.full_name} pada periode yang beririsan."
            )
        delegation = Delegation.objects.create(
            region=actor.region, kind=kind, delegator=delegator, delegate=delegate, starts_on=starts_on, ends_on=ends_on,
            basis_number=basis_number.strip(), basis_date=basis_date, reason=reason, created_by=actor.user,
        )
        record_event(
            region=actor.region, actor=actor.user, verb="delegation.created", obj=delegation,
            changes={"kind": kind, "delegator": delegator.nip, "delegate": delegate.nip,
                     "period": [starts_on.isoformat(), ends_on.isoformat()]},
            reason=reason,
        )
    return delegation


def revoke_delegation(*, actor: Actor, delegation_id: int, reason: str) -> Delegation:
    _require_placement_admin(actor)
    if not (reason or "").strip():
        raise PlacementError("reason_required", "Alasan pencabutan wajib diisi.")
    with transaction.atomic():
        delegation = Delegation.objects.select_for_update().filter(region=actor.region, pk=delegation_id).first()
        if delegation is None:
            raise PlacementError("not_found", "Pendelegasian tidak ditemukan.")
        if delegation.revoked_at is not None:
            raise PlacementError("already_revoked", "Pendelegasian ini sudah dicabut.")
        delegation.revoked_at = timezone.now()
        delegation.save(update_fields=["revoked_at"])
        record_event(region=actor.region, actor=actor.user, verb="delegation.revoked", obj=delegation, reason=reason)
    return delegation


def record_ppk_action(*, actor: Actor, subject: Employee, verb: str, obj, changes: dict | None = None, reason: str = ""):
    """Record something a PPK did for ``subject``; a Plh/Plt is recorded as on behalf of the
    absent official (KED-5). Refuses anyone without PPK authority over the subject today."""
    from sikerja.organisation.placement_selectors import ppk_authority

    acting = actor.employee
    allowed, on_behalf_of = ppk_authority(acting, subject) if acting else (False, None)
    if not allowed:
        raise PermissionDenied(f"Anda bukan pejabat penilai kinerja {subject.full_name}.")
    return record_event(
        region=actor.region, actor=actor.user, verb=verb, obj=obj, changes=changes, reason=reason, on_behalf_of=on_behalf_of
    )
