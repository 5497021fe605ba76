"""Rencana pelaksanaan kegiatan dan anggaran (PEL-6; PPU Lampiran A angka 1 huruf d, Lampiran C
angka 1 huruf a angka 6)): the assignees draft activities with outputs, a schedule and budget
lines (amount in rupiah, source/DPA code); the lead submits; the PPK of the lead or the
pimpinan unit of the owning unit (or their Plh/Plt) approves it or returns it with notes.

An approved plan fixes the work's planned budget and, where planning comes first (PPU Ps 5(1)),
moves the work into pelaksanaan. Every input is checked before the first row is written."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from sikerja.accounts.access import Actor
from sikerja.assignments.actions.roles import nearest_leader
from sikerja.audit.services import record_event
from sikerja.execution import rules
from sikerja.execution.models import Activity, BudgetLine, Plan, Work
from sikerja.execution.services.common import (
    ExecutionError,
    acting_for,
    check_running,
    employee_of,
    locked_work,
    ppk_for,
    reporter_kind,
    text,
)
from sikerja.inputs import shown_date
from sikerja.notifications.services import notify

MAX_ACTIVITIES, MAX_LINES = 30, 20
EDITABLE = (Plan.Status.DRAF, Plan.Status.DIKEMBALIKAN)


def approvers(work: Work) -> list:
    """The PPK of the lead and the pimpinan unit of the owning unit, whoever is not the lead."""
    found = []
    for official in (ppk_for(work.lead), nearest_leader(work.owning_unit)):
        if official is not None and official.pk != work.lead_id and official.pk not in [o.pk for o in found]:
            found.append(official)
    return found


def approver_capacity(actor: Actor, work: Work):
    """(may decide, on_behalf_of) for the actor on this work's plan."""
    for official in approvers(work):
        may, on_behalf_of = acting_for(actor, official.pk)
        if may:
            return True, on_behalf_of
    return False, None


def _date(value, label: str, work: Work) -> dt.date:
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip()) if len(value.strip()) == 10 else None
        except ValueError:
            value = None
    if not isinstance(value, dt.date):
        raise ExecutionError(gettext("%(label)s wajib berupa tanggal (tahun-bulan-tanggal).") % {"label": label})
    if not work.starts_on <= value <= work.ends_on:
        raise ExecutionError(
            gettext("%(label)s harus dalam masa penugasan, %(starts_on)s s.d. %(ends_on)s.") % {"label": label, "starts_on": shown_date(work.starts_on), "ends_on": shown_date(work.ends_on)}
        )
    return value


def _amount(value, label: str):
    try:
        return rules.rupiah(value, label)
    except ValueError as exc:
        raise ExecutionError(str(exc)) from exc


def clean_activities(work: Work, activities) -> list[dict]:
    if not isinstance(activities, list | tuple) or not activities:
        raise ExecutionError(gettext("Isi paling sedikit satu kegiatan beserta keluarannya dan jadwalnya."))
    if len(activities) > MAX_ACTIVITIES:
        raise ExecutionError(gettext("Paling banyak %(MAX_ACTIVITIES)s kegiatan dalam satu rencana.") % {"MAX_ACTIVITIES": MAX_ACTIVITIES})
    out = []
    for n, raw in enumerate(activities, 1):
        raw = raw if isinstance(raw, dict) else {}
        starts = _date(raw.get("starts_on"), f"Mulai kegiatan {n}", work)
        ends = _date(raw.get("ends_on"), f"Selesai kegiatan {n}", work)
        if ends < starts:
            raise ExecutionError(gettext("Kegiatan %(n)s selesai sebelum mulai.") % {"n": n})
        lines = raw.get("budget") or []
        if not isinstance(lines, list | tuple) or len(lines) > MAX_LINES:
            raise ExecutionError(gettext("Paling banyak %(MAX_LINES)s rincian anggaran untuk kegiatan %(n)s.") % {"MAX_LINES": MAX_LINES, "n": n})
        budget = []
        for m, line in enumerate(lines, 1):
            line = line if isinstance(line, dict) else {}
            where = f"kegiatan {n} baris anggaran {m}"
            budget.append(
                {
                    "description": text(line.get("description"), f"Uraian {where}", limit=300),
                    "amount": _amount(line.get("amount"), f"Jumlah {where}"),
                    "source_code": text(line.get("source_code"), f"Sumber/kode DPA {where}", limit=100),
                }
            )
        out.append(
            {
                "order": n,
                "name": text(raw.get("name"), f"Nama kegiatan {n}", limit=300),
                "output": text(raw.get("output"), f"Keluaran kegiatan {n}", limit=300),
                "starts_on": starts,
                "ends_on": ends,
                "budget": budget,
            }
        )
    return out


def _locked_plan(work: Work) -> Plan:
    plan = Plan.objects.select_for_update().filter(work=work).first()
    return plan or Plan.objects.create(work=work)


@transaction.atomic
def save_plan(*, actor: Actor, work_id, activities) -> Plan:
    """Draft (or redraft after a return) the whole plan: the activities replace the previous."""
    work = locked_work(actor, work_id)
    me = employee_of(actor)
    if reporter_kind(work, me) is None:
        raise PermissionDenied(gettext("Rencana disusun oleh pegawai yang ditugaskan (ketua, anggota atau pegawai individu)."))
    if work.status not in (Work.Status.PERENCANAAN, Work.Status.PELAKSANAAN):
        raise ExecutionError(gettext("Rencana tidak dapat diubah setelah hasil disampaikan."), code="wrong_state")
    check_running(work)
    rows = clean_activities(work, activities)
    plan = _locked_plan(work)
    if plan.status not in EDITABLE:
        raise ExecutionError(
            gettext("Rencana %(status)s; tidak dapat diubah lagi.") % {"status": plan.get_status_display().lower()}, code="wrong_state"
        )
    plan.activities.all().delete()
    for row in rows:
        budget = row.pop("budget")
        activity = Activity.objects.create(plan=plan, **row)
        BudgetLine.objects.bulk_create([BudgetLine(activity=activity, **b) for b in budget])
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="work.plan_saved",
        obj=work,
        changes={"activities": len(rows), "total": int(sum(b.amount for b in plan_lines(plan)))},
    )
    return plan


def plan_lines(plan: Plan):
    return BudgetLine.objects.filter(activity__plan=plan)


@transaction.atomic
def submit_plan(*, actor: Actor, work_id) -> Plan:
    work = locked_work(actor, work_id)
    me = employee_of(actor)
    if me.pk != work.lead_id:
        raise PermissionDenied(gettext("Rencana diajukan oleh ketua tim atau pegawai yang ditugaskan secara individu."))
    check_running(work)
    plan = Plan.objects.select_for_update().filter(work=work).first()
    if plan is None or not plan.activities.exists():
        raise ExecutionError(gettext("Susun rencana kegiatan lebih dahulu sebelum diajukan."))
    if plan.status not in EDITABLE:
        raise ExecutionError(gettext("Rencana ini sudah %(status)s.") % {"status": plan.get_status_display().lower()}, code="already_decided")
    plan.status, plan.submitted_at = Plan.Status.DIAJUKAN, timezone.now()
    plan.save(update_fields=["status", "submitted_at"])
    record_event(region=actor.region, actor=actor.user, verb="work.plan_submitted", obj=work)
    for official in approvers(work):
        notify(
            official,
            "work.plan_submitted",
            work,
            title=f"Rencana kegiatan dan anggaran menunggu persetujuan: {work.assignment.title}"[:200],
            url=reverse("pelaksanaan:plan", args=[work.pk]),
            region=actor.region,
        )
    return plan


APPROVE, RETURN = "setujui", "kembalikan"


@transaction.atomic
def decide_plan(*, actor: Actor, work_id, decision, notes="") -> Plan:
    work = locked_work(actor, work_id)
    employee_of(actor)
    may, on_behalf_of = approver_capacity(actor, work)
    if not may:
        raise PermissionDenied(
            gettext("Rencana disetujui oleh Pejabat Penilai Kinerja ketua/pegawai atau pimpinan unit pemilik kinerja.")
        )
    if decision not in (APPROVE, RETURN):
        raise ExecutionError(gettext("Pilih: setujui atau kembalikan."))
    notes = text(notes, "Catatan", required=decision == RETURN)
    plan = Plan.objects.select_for_update().filter(work=work).first()
    if plan is None or plan.status != Plan.Status.DIAJUKAN:
        raise ExecutionError(
            gettext("Tidak ada rencana yang menunggu keputusan; rencana ini sudah diputus atau belum diajukan."),
            code="already_decided",
        )
    plan.status = Plan.Status.DISETUJUI if decision == APPROVE else Plan.Status.DIKEMBALIKAN
    plan.notes, plan.decided_by, plan.on_behalf_of = notes, actor.employee, on_behalf_of
    plan.decided_at = timezone.now()
    plan.save(update_fields=["status", "notes", "decided_by", "on_behalf_of", "decided_at"])
    fields = []
    if decision == APPROVE:
        work.budget_planned = sum((b.amount for b in plan_lines(plan)), 0)
        fields.append("budget_planned")
        if work.status == Work.Status.PERENCANAAN:
            work.status = Work.Status.PELAKSANAAN
            fields.append("status")
        work.save(update_fields=fields)
    record_event(
        region=actor.region,
        actor=actor.user,
        verb=f"work.plan_{'approved' if decision == APPROVE else 'returned'}",
        obj=work,
        on_behalf_of=on_behalf_of,
        changes={"budget_planned": int(work.budget_planned)} if decision == APPROVE else {},
        reason=notes,
    )
    notify(
        work.lead,
        f"work.plan_{'approved' if decision == APPROVE else 'returned'}",
        work,
        title=(
            f"Rencana disetujui: {work.assignment.title}"
            if decision == APPROVE
            else f"Rencana dikembalikan: {work.assignment.title}"
        )[:200],
        url=reverse("pelaksanaan:plan", args=[work.pk]),
        region=actor.region,
    )
    return plan
