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
from django.utils.translation import gettext as _

from sikerja.accounts.access import Actor, may_place
from sikerja.audit.services import record_event
from sikerja.organisation import placement_checks
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
        raise PermissionDenied(_('Hanya admin BKPSDM (atas nama pejabat pembina kepegawaian) yang dapat menetapkan kedudukan.'))


def _in_region(actor: Actor, employee_id: int, label: str) -> Employee:
    employee = Employee.objects.filter(region=actor.region, pk=employee_id, is_active=True).first()
    if employee is None:
        raise PlacementError("not_found", _('%(label)s tidak ditemukan di %(name)s.') % {"label": label, "name": actor.region.name})
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
        raise PlacementError("basis_required", _('Nomor dasar penetapan (keputusan) wajib diisi.'))
    if basis_date > effective_from:
        raise PlacementError("basis_after_start", _('Tanggal berlaku tidak boleh sebelum tanggal dasar penetapan.'))
    with transaction.atomic():
        employee = _in_region(actor, employee_id, "Pegawai")
        assessor = _in_region(actor, assessor_id, "Pejabat penilai kinerja")
        if employee.pk == assessor.pk:
            raise PlacementError("self", _('Pegawai tidak dapat menjadi pejabat penilai kinerja bagi dirinya sendiri.'))
        if employee.unit_id is None:
            raise PlacementError(
                "no_unit", _('%(full_name)s belum tercatat pada unit organisasi; catat unitnya lebih dahulu.') % {"full_name": employee.full_name}
            )
        # Serialise on the employee row: two admins placing the same person queue here, and the
        # second then reads the placement the first one committed (locking the open placement
        # itself is not enough: once closed it no longer matches and the second would insert).
        Employee.objects.select_for_update().filter(pk=employee.pk).first()
        # The last placement of the sequence (current or already scheduled): a new one follows it.
        current = Placement.objects.filter(employee=employee).latest_open().first()
        if current and effective_from <= current.effective_from:
            when = "terjadwal mulai" if current.effective_from > timezone.localdate() else "berlaku sejak"
            raise PlacementError(
                "not_after_current",
                _('Tanggal berlaku harus sesudah kedudukan terakhir (%(when)s %(effective_from)s); untuk mengubahnya, koreksi atau tarik kedudukan itu.') % {"when": when, "effective_from": format(current.effective_from, '%d-%m-%Y')},
            )
        people = holders(actor.region, [employee.pk, assessor.pk])
        findings = judge(
            people[employee.pk], people[assessor.pk], org_facts(actor.region), profile_of(actor.region),
            delegated=assessor.pk in authority_delegates(actor.region, effective_from),
        )
        if findings:
            raise PlacementError(
                "violates_profile",
                _('Kedudukan ini melanggar profil regulasi: ') + " ".join(f"{f.message} ({f.article})" for f in findings),
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
        placement_checks.refresh(actor.region, [employee.pk])
    return placement


MAX_REASON = 2000  # reasons go into the append-only audit log: bounded (issue 9 item 15)


def _reason(reason: str, what: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise PlacementError("reason_required", _('Alasan %(what)s wajib diisi; alasan itu dicatat dalam riwayat.') % {"what": what})
    if len(reason) > MAX_REASON:
        raise PlacementError("reason_too_long", _('Alasan %(what)s paling panjang %(max_reason)s karakter.') % {"what": what, "max_reason": MAX_REASON})
    return reason


def _locked_placement(actor: Actor, placement_id: int) -> Placement:
    """The placement, with its employee's row locked: the same lock as ``place_employee``, so a
    correction or withdrawal and a new placement of one person never interleave."""
    found = Placement.objects.filter(region=actor.region, pk=placement_id).values_list("employee_id", flat=True).first()
    if found is None:
        raise PlacementError("not_found", _('Kedudukan tidak ditemukan.'))
    Employee.objects.select_for_update().filter(pk=found).first()
    placement = Placement.objects.select_related("employee").get(pk=placement_id)
    if placement.withdrawn_at is not None:
        raise PlacementError("withdrawn", _('Kedudukan ini sudah ditarik.'))
    return placement


def _neighbours(placement: Placement) -> tuple[Placement | None, Placement | None]:
    """The placement before and after this one in the employee's sequence."""
    others = Placement.objects.filter(employee_id=placement.employee_id).active().exclude(pk=placement.pk)
    before = others.filter(effective_from__lt=placement.effective_from).order_by("-effective_from").first()
    after = others.filter(effective_from__gt=placement.effective_from).order_by("effective_from").first()
    return before, after


def withdraw_placement(*, actor: Actor, placement_id: int, reason: str) -> Placement:
    """Withdraw a placement that has not taken effect yet (KED-6); the one before it runs on.

    The placement is kept, marked withdrawn, with the reason in its history and the event log.
    """
    _require_placement_admin(actor)
    reason = _reason(reason, "penarikan")
    with transaction.atomic():
        placement = _locked_placement(actor, placement_id)
        if placement.effective_from <= timezone.localdate():
            raise PlacementError(
                "in_effect",
                _('Kedudukan ini sudah berlaku sejak %(effective_from)s; kedudukan yang sudah berlaku tidak ditarik, tetapi dikoreksi atau diganti dengan kedudukan baru.') % {"effective_from": format(placement.effective_from, '%d-%m-%Y')},
            )
        before, _after = _neighbours(placement)
        placement.withdrawn_at = timezone.now()
        placement._change_reason = reason[:100]
        placement.save(update_fields=["withdrawn_at"])
        if before is not None:  # it takes back the period the withdrawn one would have had
            before.effective_until = placement.effective_until
            before._change_reason = "Kedudukan berikutnya ditarik"
            before.save(update_fields=["effective_until"])
        record_event(
            region=actor.region, actor=actor.user, verb="placement.withdrawn", obj=placement,
            changes={"employee": placement.employee.nip, "effective_from": placement.effective_from.isoformat()},
            reason=reason,
        )
        placement_checks.refresh(actor.region, [placement.employee_id])
    return placement


def correct_placement(
    *,
    actor: Actor,
    placement_id: int,
    reason: str,
    assessor_id: int | None = None,
    basis_number: str | None = None,
    basis_date: dt.date | None = None,
    effective_from: dt.date | None = None,
) -> Placement:
    """Correct a recorded placement (a wrong PPK, basis or date) with a reason kept in its
    history and in the event log (KED-6). The corrected placement is judged again."""
    _require_placement_admin(actor)
    reason = _reason(reason, "koreksi")
    with transaction.atomic():
        placement = _locked_placement(actor, placement_id)
        new = {
            "assessor_id": assessor_id if assessor_id is not None else placement.assessor_id,
            "basis_number": (basis_number.strip() if basis_number is not None else placement.basis_number),
            "basis_date": basis_date or placement.basis_date,
            "effective_from": effective_from or placement.effective_from,
        }
        changes = {k: [str(getattr(placement, k)), str(v)] for k, v in new.items() if getattr(placement, k) != v}
        if not changes:
            raise PlacementError("no_change", _('Tidak ada yang dikoreksi: isian sama dengan yang tercatat.'))
        if not new["basis_number"]:
            raise PlacementError("basis_required", _('Nomor dasar penetapan (keputusan) wajib diisi.'))
        if new["basis_date"] > new["effective_from"]:
            raise PlacementError("basis_after_start", _('Tanggal berlaku tidak boleh sebelum tanggal dasar penetapan.'))
        before, _after = _neighbours(placement)
        if before is not None and new["effective_from"] <= before.effective_from:
            raise PlacementError(
                "not_after_current",
                _('Tanggal berlaku harus sesudah kedudukan sebelumnya (berlaku sejak %(effective_from)s).') % {"effective_from": format(before.effective_from, '%d-%m-%Y')},
            )
        if placement.effective_until is not None and new["effective_from"] > placement.effective_until:
            raise PlacementError(
                "after_next",
                _('Tanggal berlaku harus sebelum kedudukan berikutnya (mulai %(value)s).') % {"value": format(placement.effective_until + dt.timedelta(days=1), '%d-%m-%Y')},
            )
        assessor = _in_region(actor, new["assessor_id"], "Pejabat penilai kinerja")
        if assessor.pk == placement.employee_id:
            raise PlacementError("self", _('Pegawai tidak dapat menjadi pejabat penilai kinerja bagi dirinya sendiri.'))
        people = holders(actor.region, [placement.employee_id, assessor.pk])
        findings = judge(
            people[placement.employee_id], people[assessor.pk], org_facts(actor.region), profile_of(actor.region),
            delegated=assessor.pk in authority_delegates(actor.region, new["effective_from"]),
        )
        if findings:
            raise PlacementError(
                "violates_profile",
                _('Koreksi ini melanggar profil regulasi: ') + " ".join(f"{f.message} ({f.article})" for f in findings),
                findings,
            )
        for name, value in new.items():
            setattr(placement, name, value)
        placement._change_reason = reason[:100]
        placement.save(update_fields=list(new))
        if before is not None and "effective_from" in changes:
            before.effective_until = new["effective_from"] - dt.timedelta(days=1)
            before._change_reason = "Tanggal berlaku kedudukan berikutnya dikoreksi"
            before.save(update_fields=["effective_until"])
        record_event(
            region=actor.region, actor=actor.user, verb="placement.corrected", obj=placement, changes=changes, reason=reason
        )
        placement_checks.refresh(actor.region, [placement.employee_id])
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
            "not_in_profile", _('Profil %(name)s tidak mengatur pendelegasian kewenangan pejabat penilai kinerja.') % {"name": profile.name}
        )
    if kind not in Delegation.Kind.values:
        raise PlacementError("bad_kind", _('Jenis pendelegasian tidak dikenal (Plh, Plt, atau pendelegasian kewenangan).'))
    if ends_on < starts_on:
        raise PlacementError("bad_period", _('Tanggal akhir tidak boleh sebelum tanggal mulai.'))
    if not (basis_number or "").strip():
        raise PlacementError("basis_required", _('Nomor dasar (surat perintah/keputusan) wajib diisi.'))
    with transaction.atomic():
        delegator = _in_region(actor, delegator_id, "Pemberi kewenangan")
        delegate = _in_region(actor, delegate_id, "Penerima kewenangan")
        if delegator.pk == delegate.pk:
            raise PlacementError("self", _('Pemberi dan penerima kewenangan tidak boleh orang yang sama.'))
        acting = (Delegation.Kind.PLH, Delegation.Kind.PLT)
        if kind in acting:
            # Check-then-act: lock the delegator's row so that two requests for the same official
            # queue here and the second sees the first one's delegation (locking the overlapping
            # delegations alone would lock nothing while there are none yet).
            Employee.objects.select_for_update().filter(pk=delegator.pk).first()
            # One official has at most one Plh or Plt on any day: both act in the delegator's
            # place as PPK (KED-5), and two at once would leave the letters' signer ambiguous.
            clash = (
                Delegation.objects.filter(
                    delegator=delegator, kind__in=acting, revoked_at__isnull=True,
                    starts_on__lte=ends_on, ends_on__gte=starts_on,
                )
                .select_related("delegate")
                .first()
            )
            if clash is not None:
                raise PlacementError(
                    "overlap",
                    _('Sudah ada %(get_kind_display)s untuk %(full_name)s (%(full_name2)s, %(starts_on)s s.d. %(ends_on)s) yang beririsan dengan periode ini; cabut yang lama lebih dahulu atau pilih tanggal lain.') % {"get_kind_display": clash.get_kind_display(), "full_name": delegator.full_name, "full_name2": clash.delegate.full_name, "starts_on": format(clash.starts_on, '%d-%m-%Y'), "ends_on": format(clash.ends_on, '%d-%m-%Y')},
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
        placement_checks.refresh_delegation(delegation)
    return delegation


def revoke_delegation(*, actor: Actor, delegation_id: int, reason: str) -> Delegation:
    _require_placement_admin(actor)
    if not (reason or "").strip():
        raise PlacementError("reason_required", _('Alasan pencabutan wajib diisi.'))
    with transaction.atomic():
        delegation = Delegation.objects.select_for_update().filter(region=actor.region, pk=delegation_id).first()
        if delegation is None:
            raise PlacementError("not_found", _('Pendelegasian tidak ditemukan.'))
        if delegation.revoked_at is not None:
            raise PlacementError("already_revoked", _('Pendelegasian ini sudah dicabut.'))
        delegation.revoked_at = timezone.now()
        delegation.save(update_fields=["revoked_at"])
        record_event(region=actor.region, actor=actor.user, verb="delegation.revoked", obj=delegation, reason=reason)
        placement_checks.refresh_delegation(delegation)
    return delegation


def record_ppk_action(*, actor: Actor, subject: Employee, verb: str, obj, changes: dict | None = None, reason: str = ""):
    """Record something a PPK did for ``subject``; a Plh/Plt is recorded as on behalf of the
    absent official (KED-5). Refuses anyone without PPK authority over the subject today."""
    from sikerja.organisation.placement_selectors import ppk_authority

    acting = actor.employee
    allowed, on_behalf_of = ppk_authority(acting, subject) if acting else (False, None)
    if not allowed:
        raise PermissionDenied(_('Anda bukan pejabat penilai kinerja %(full_name)s.') % {"full_name": subject.full_name})
    return record_event(
        region=actor.region, actor=actor.user, verb=verb, obj=obj, changes=changes, reason=reason, on_behalf_of=on_behalf_of
    )
