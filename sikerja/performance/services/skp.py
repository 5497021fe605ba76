"""Writes of the SKP (KIN-1, KIN-6, KIN-7): draft from the placement, RHK with IKI, the leader's
ekspektasi khusus, lampiran, submit, approve/return, new version after approval, and an MPH cell
turned into an RHK draft."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from sikerja.accounts.access import Actor
from sikerja.audit.services import record_event
from sikerja.execution.models import PerformanceTarget, Work
from sikerja.organisation.models import Employee
from sikerja.performance.models import Expectation, Iki, Rhk, Skp
from sikerja.performance.rules import berakhlak
from sikerja.performance.services.common import (
    KinerjaError,
    employee_of,
    not_found,
    placement_of,
    require_ppk,
    text,
)

JPT_KINDS = {"jpt_utama", "jpt_madya", "jpt_pratama"}


def _skp(actor: Actor, skp_id, *, lock: bool = True) -> Skp:
    qs = Skp.objects.select_related("employee__unit", "employee__position", "assessor")
    if lock:
        qs = qs.select_for_update(of=("self",))
    skp = qs.filter(region=actor.region, pk=skp_id).first()
    if skp is None:
        not_found()
    return skp


def _own_editable(actor: Actor, skp: Skp) -> None:
    if skp.employee_id != employee_of(actor).pk:
        raise KinerjaError(gettext("Hanya pegawai pemilik SKP yang dapat mengubah SKP ini."))
    if not skp.is_current or not skp.editable:
        raise KinerjaError(
            gettext("SKP berstatus %(status)s tidak dapat diubah; buat versi baru bila perlu.") % {"status": skp.get_status_display().lower()},
            code="wrong_state",
        )


def _create(employee: Employee, year: int, form: str | None) -> Skp:
    placement = placement_of(employee)
    if placement is None:
        raise KinerjaError(
            gettext("%(name)s belum memiliki kedudukan (pejabat penilai kinerja) yang berlaku; SKP disusun setelah admin BKPSDM menetapkan kedudukannya.") % {"name": employee.name}
        )
    if Skp.objects.filter(employee=employee, year=year, is_current=True).exists():
        raise KinerjaError(gettext("SKP tahun %(year)s untuk %(name)s sudah ada.") % {"year": year, "name": employee.name}, code="already_decided")
    position_kind = employee.position.kind if employee.position_id else ""
    form = form or (Skp.Form.JPT if position_kind in JPT_KINDS else Skp.Form.JA_JF)
    if form not in Skp.Form.values:
        raise KinerjaError(gettext("Bentuk SKP harus JPT atau JA/JF."))
    try:
        with transaction.atomic():  # the constraint answers a second open SKP made at the same time
            skp = Skp.objects.create(
                region=employee.region,
                employee=employee,
                year=year,
                assessor=placement.assessor,
                unit=placement.unit,
                form=form,
            )
    except IntegrityError as exc:
        raise KinerjaError(gettext("SKP tahun %(year)s untuk %(name)s sudah ada.") % {"year": year, "name": employee.name}, code="already_decided") from exc
    Expectation.objects.bulk_create([Expectation(skp=skp, value=k) for k in berakhlak.KEYS])
    return skp


@transaction.atomic
def draft_skp(actor: Actor, *, year: int, form: str | None = None, dialog_on=None) -> Skp:
    """The employee drafts their SKP after the dialog kinerja (PPU Ps 13(1) huruf a)."""
    me = employee_of(actor)
    if not 2000 <= int(year) <= 2100:
        raise KinerjaError(gettext("Tahun SKP harus antara 2000 dan 2100."))
    skp = _create(me, int(year), form)
    if dialog_on:
        skp.dialog_on = dialog_on
        skp.save(update_fields=["dialog_on"])
    record_event(region=actor.region, actor=actor.user, verb="kinerja.skp_drafted", obj=skp)
    return skp


def _check_intervened(skp: Skp, intervened_id) -> Rhk | None:
    if not intervened_id:
        return None
    rhk = Rhk.objects.select_related("skp").filter(pk=intervened_id, skp__region=skp.region).first()
    # The superior's RHK: an RHK of the current SKP (draft or not) of this SKP's assessor.
    if rhk is None or rhk.skp.employee_id != skp.assessor_id or not rhk.skp.is_current or rhk.skp.year != skp.year:
        raise KinerjaError(gettext("RHK atasan yang diintervensi harus RHK dari SKP pejabat penilai Anda pada tahun yang sama."))
    return rhk


def _check_rhk_fields(skp: Skp, kind, perspektif, approach, ikis) -> list[tuple[str, str, str]]:
    if kind not in Rhk.Kind.values:
        raise KinerjaError(gettext("Jenis RHK harus utama atau tambahan."))
    if approach not in Rhk.Approach.values:
        raise KinerjaError(gettext("Pendekatan harus kuantitatif atau kualitatif."))
    if skp.form == Skp.Form.JPT and perspektif not in Rhk.Perspektif.values:
        raise KinerjaError(
            gettext("SKP JPT: pilih perspektif (Penerima Layanan, Proses Bisnis, Penguatan Internal atau Anggaran).")
        )
    if skp.form == Skp.Form.JA_JF and perspektif:
        raise KinerjaError(gettext("Perspektif hanya dipakai pada SKP JPT."))
    if not ikis:
        raise KinerjaError(gettext("Setiap RHK memerlukan paling sedikit satu indikator kinerja individu dengan targetnya."))
    if len(ikis) > 20:
        raise KinerjaError(gettext("Paling banyak 20 indikator per RHK."))
    out = []
    for aspek, indikator, target in ikis:
        if skp.form == Skp.Form.JA_JF and aspek not in Iki.Aspek.values:
            raise KinerjaError(gettext("SKP JA/JF: setiap indikator memerlukan aspek (kuantitas, kualitas, waktu atau biaya)."))
        if skp.form == Skp.Form.JPT and aspek:
            raise KinerjaError(gettext("Aspek hanya dipakai pada SKP JA/JF."))
        out.append((aspek or "", text(indikator, "Indikator", limit=1000), text(target, "Target", limit=200)))
    return out


@transaction.atomic
def add_rhk(
    actor: Actor,
    skp_id,
    *,
    text_value: str,
    kind: str = "utama",
    intervened_id=None,
    perspektif: str = "",
    approach: str = "kuantitatif",
    ikis: list[tuple[str, str, str]] = (),
) -> Rhk:
    skp = _skp(actor, skp_id)
    _own_editable(actor, skp)
    return _add_rhk(actor, skp, text_value, kind, intervened_id, perspektif, approach, ikis)


def _add_rhk(actor, skp, text_value, kind, intervened_id, perspektif, approach, ikis, **links) -> Rhk:
    body = text(text_value, "Rencana hasil kerja", limit=1000)
    rows = _check_rhk_fields(skp, kind, perspektif or "", approach, list(ikis))
    intervened = _check_intervened(skp, intervened_id)
    order = skp.rhks.count() + 1
    rhk = Rhk.objects.create(
        skp=skp,
        order=order,
        kind=kind,
        text=body,
        intervened=intervened,
        perspektif=perspektif or "",
        approach=approach,
        **links,
    )
    Iki.objects.bulk_create([Iki(rhk=rhk, aspek=a, indikator=i, target=t) for a, i, t in rows])
    record_event(region=actor.region, actor=actor.user, verb="kinerja.rhk_added", obj=rhk)
    return rhk


@transaction.atomic
def remove_rhk(actor: Actor, rhk_id) -> None:
    rhk = Rhk.objects.filter(pk=rhk_id, skp__region=actor.region).first()
    if rhk is None:
        not_found("RHK tidak ditemukan.")
    skp = _skp(actor, rhk.skp_id)
    _own_editable(actor, skp)
    record_event(region=actor.region, actor=actor.user, verb="kinerja.rhk_removed", obj=rhk)
    rhk.delete()


@transaction.atomic
def update_plan(actor: Actor, skp_id, *, dukungan: str, skema: str, konsekuensi: str, dialog_on=None) -> Skp:
    """The lampiran (dukungan sumber daya, skema pertanggungjawaban, konsekuensi)."""
    skp = _skp(actor, skp_id)
    _own_editable(actor, skp)
    skp.dukungan_sumber_daya = text(dukungan, "Dukungan sumber daya", required=False)
    skp.skema_pertanggungjawaban = text(skema, "Skema pertanggungjawaban", required=False)
    skp.konsekuensi = text(konsekuensi, "Konsekuensi", required=False)
    if dialog_on is not None:
        skp.dialog_on = dialog_on
    skp.save()
    record_event(region=actor.region, actor=actor.user, verb="kinerja.skp_lampiran", obj=skp)
    return skp


@transaction.atomic
def set_expectation(actor: Actor, skp_id, *, value: str, text_value: str) -> Expectation:
    """The leader's ekspektasi khusus for one BerAKHLAK value (set by the PPK)."""
    skp = _skp(actor, skp_id)
    on_behalf = require_ppk(actor, skp.employee)
    if value not in berakhlak.KEYS:
        raise KinerjaError(gettext("Nilai BerAKHLAK tidak dikenal."))
    if not skp.is_current or skp.status == Skp.Status.DISETUJUI:
        raise KinerjaError(gettext("Ekspektasi khusus diubah sebelum SKP disetujui."), code="wrong_state")
    exp, _ = Expectation.objects.get_or_create(skp=skp, value=value)
    exp.text = text(text_value, "Ekspektasi khusus", required=False, limit=1000)
    exp.save(update_fields=["text"])
    record_event(region=actor.region, actor=actor.user, verb="kinerja.expectation_set", obj=skp, on_behalf_of=on_behalf)
    return exp


@transaction.atomic
def submit(actor: Actor, skp_id) -> Skp:
    skp = _skp(actor, skp_id)
    _own_editable(actor, skp)
    if not skp.rhks.filter(kind=Rhk.Kind.UTAMA, ikis__isnull=False).exists():
        raise KinerjaError(gettext("SKP memerlukan paling sedikit satu RHK utama dengan indikator dan target."))
    placement = placement_of(skp.employee)
    if placement is None:
        raise KinerjaError(gettext("Kedudukan Anda tidak berlaku lagi; SKP tidak dapat diajukan."))
    skp.assessor = placement.assessor  # the assessor always follows the placement
    skp.unit = placement.unit
    skp.status = Skp.Status.DIAJUKAN
    skp.submitted_at = timezone.now()
    skp.save()
    record_event(region=actor.region, actor=actor.user, verb="kinerja.skp_submitted", obj=skp)
    return skp


@transaction.atomic
def decide(actor: Actor, skp_id, *, approve: bool, notes: str = "") -> Skp:
    """The PPK approves the SKP or returns it with notes."""
    skp = _skp(actor, skp_id)
    on_behalf = require_ppk(actor, skp.employee)
    if skp.status != Skp.Status.DIAJUKAN or not skp.is_current:
        raise KinerjaError(gettext("SKP ini tidak sedang menunggu persetujuan."), code="already_decided")
    notes = text(notes, "Catatan", required=not approve)
    skp.status = Skp.Status.DISETUJUI if approve else Skp.Status.DIKEMBALIKAN
    skp.return_notes = "" if approve else notes
    skp.decided_by = employee_of(actor)
    skp.approved_at = timezone.now() if approve else None
    skp.save()
    verb = "kinerja.skp_approved" if approve else "kinerja.skp_returned"
    record_event(region=actor.region, actor=actor.user, verb=verb, obj=skp, reason=notes, on_behalf_of=on_behalf)
    return skp


@transaction.atomic
def revise(actor: Actor, skp_id) -> Skp:
    """A change after approval opens a new version (draft); the approved one is kept. RHK of
    subordinates that intervene this SKP's RHK move to the new copies, so they follow it."""
    old = _skp(actor, skp_id)
    if old.employee_id != employee_of(actor).pk:
        raise KinerjaError(gettext("Hanya pegawai pemilik SKP yang dapat membuat versi baru."))
    if not old.is_current or old.status != Skp.Status.DISETUJUI:
        raise KinerjaError(gettext("Versi baru hanya dibuat dari SKP yang sudah disetujui."), code="wrong_state")
    old.is_current = False
    old.save(update_fields=["is_current"])
    fields = ("region", "employee", "year", "assessor", "unit", "form", "dialog_on")
    lampiran = ("dukungan_sumber_daya", "skema_pertanggungjawaban", "konsekuensi")
    new = Skp.objects.create(**{f: getattr(old, f) for f in fields + lampiran}, version=old.version + 1, previous=old)
    Expectation.objects.bulk_create([Expectation(skp=new, value=e.value, text=e.text) for e in old.expectations.all()])
    for rhk in old.rhks.prefetch_related("ikis"):
        copy = Rhk.objects.create(
            skp=new,
            order=rhk.order,
            kind=rhk.kind,
            text=rhk.text,
            intervened_id=rhk.intervened_id,
            perspektif=rhk.perspektif,
            approach=rhk.approach,
            role=rhk.role,
            target_id=rhk.target_id,
            work_id=rhk.work_id,
            origin=rhk,
        )
        Iki.objects.bulk_create(
            [Iki(rhk=copy, aspek=i.aspek, indikator=i.indikator, target=i.target) for i in rhk.ikis.all()]
        )
        Rhk.objects.filter(intervened=rhk, skp__is_current=True).update(intervened=copy)
    record_event(
        region=actor.region, actor=actor.user, verb="kinerja.skp_revised", obj=new, changes={"version": new.version}
    )
    return new


@transaction.atomic
def rhk_from_mph(
    actor: Actor, *, target_id: int, employee_id: int, work_id: int | None = None, year: int | None = None
) -> Rhk:
    """One MPH cell (KIN-7) becomes an RHK draft in that person's SKP (a draft SKP is made when
    they have none). The unit's leader (or their Plh/Plt) or the person themself may do it."""
    from sikerja.assignments import officials
    from sikerja.assignments.actions.roles import nearest_leader
    from sikerja.performance.selectors.mph import mph_for_unit

    target = (
        PerformanceTarget.objects.select_related("agreement__unit")
        .filter(pk=target_id, agreement__region=actor.region)
        .first()
    )
    if target is None:
        not_found("Target kinerja tidak ditemukan.")
    unit = target.agreement.unit
    me = employee_of(actor)
    leader = nearest_leader(unit)
    allowed, _ = officials.acting_for(me, leader)
    if not allowed and me.pk != employee_id:
        raise KinerjaError(
            gettext("Hanya pimpinan unit pemilik perjanjian kinerja atau pegawai itu sendiri yang dapat melakukannya.")
        )
    cell = next(
        (
            c
            for row in mph_for_unit(actor.region, unit, target.agreement.year).rows
            for c in row.cells
            if c.target_id == target.pk and c.employee_id == employee_id and (work_id is None or c.work_id == work_id)
        ),
        None,
    )
    if cell is None:
        raise KinerjaError(gettext("Pegawai ini tidak berperan pada target tersebut dalam matriks peran hasil."))
    employee = Employee.objects.select_related("position", "unit").get(pk=employee_id)
    year = year or target.agreement.year
    skp = Skp.objects.select_for_update().filter(employee=employee, year=year, is_current=True).first()
    skp = skp or _create(employee, year, None)
    if not skp.editable:
        raise KinerjaError(
            gettext("SKP pegawai ini sudah diajukan atau disetujui; RHK baru masuk ke versi berikutnya."), code="wrong_state"
        )
    if skp.rhks.filter(target=target, work_id=cell.work_id).exists():
        raise KinerjaError(gettext("Peran ini sudah menjadi RHK dalam SKP pegawai tersebut."), code="already_decided")
    intervened = (
        Rhk.objects.filter(skp__employee_id=skp.assessor_id, skp__year=year, skp__is_current=True, target=target)
        .order_by("pk")
        .first()
    )
    aspek = "kuantitas" if skp.form == Skp.Form.JA_JF else ""
    perspektif = Rhk.Perspektif.PROSES_BISNIS if skp.form == Skp.Form.JPT else ""
    work = Work.objects.filter(pk=cell.work_id).first() if cell.work_id else None
    label = cell.title  # the leader's adjusted title where the MPH was adjusted (KIN-7)
    rhk = _add_rhk(
        actor,
        skp,
        f"{cell.role_label}: {label}"[:1000],
        Rhk.Kind.UTAMA,
        intervened.pk if intervened else None,
        perspektif,
        Rhk.Approach.KUANTITATIF,
        [(aspek, target.indikator, target.target)],
        target=target,
        work=work,
        role=cell.role,
    )
    return rhk
