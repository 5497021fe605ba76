"""Rincian pelaksanaan and the team's own records (PEL-1, PEL-2, PEL-4; BU Ps 28(4)-(5)):

* the ketua breaks the work into tasks, each for a member by role and competence (ketua a-b);
  a member keeps an individual work plan of their own tasks (anggota a);
* an individual assignee links the work to their JF butir kegiatan / pelaksana uraian tugas;
* the team records coordination with another team or official, visible to both (PEL-2);
* the ketua's note on each member's performance for the PPK (ketua e, KIN-5)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext

from sikerja.accounts.access import Actor
from sikerja.audit.services import record_event
from sikerja.execution.models import Activity, Coordination, MemberNote, Task, Work
from sikerja.execution.services.common import (
    ExecutionError,
    approved_members,
    check_running,
    employee_of,
    locked_work,
    ppk_for,
    reporter_kind,
    text,
)
from sikerja.inputs import shown_date
from sikerja.organisation.models import Employee

MAX_TASKS = 200
OPEN = (Work.Status.PERENCANAAN, Work.Status.PELAKSANAAN)


def _open(work: Work) -> None:
    if work.status not in OPEN:
        raise ExecutionError(gettext("Penugasan ini dalam tahap %(status)s.") % {"status": work.get_status_display().lower()}, code="wrong_state")
    check_running(work)


def _due(value, work: Work) -> dt.date:
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip()) if len(value.strip()) == 10 else None
        except ValueError:
            value = None
    if not isinstance(value, dt.date):
        raise ExecutionError(gettext("Tenggat wajib berupa tanggal."))
    if not work.starts_on <= value <= work.ends_on:
        raise ExecutionError(
            gettext("Tenggat harus dalam masa penugasan, %(starts_on)s s.d. %(ends_on)s.") % {"starts_on": shown_date(work.starts_on), "ends_on": shown_date(work.ends_on)}
        )
    return value


def duty_kind(employee: Employee) -> str:
    """'butir kegiatan' of the JF, else 'uraian tugas' of the pelaksana's position (PEL-1)."""
    kind = employee.position.kind if employee.position_id else ""
    return "Butir kegiatan jabatan fungsional" if kind == "fungsional" else "Uraian tugas jabatan pelaksana"


@transaction.atomic
def add_task(
    *, actor: Actor, work_id, title, assignee_id, due_on, role="", competence="", activity_id=None, duty_reference=""
) -> Task:
    work = locked_work(actor, work_id)
    me = employee_of(actor)
    who = reporter_kind(work, me)
    if who is None:
        raise PermissionDenied(gettext("Rincian tugas disusun oleh ketua tim; anggota menyusun rencana kerja individunya."))
    _open(work)
    members = {m.employee_id: m.employee for m in approved_members(work)}
    target = int(assignee_id) if str(assignee_id).isdigit() and len(str(assignee_id)) < 18 else None
    if who == "anggota" and target != me.pk:
        raise PermissionDenied(gettext("Anggota tim menyusun rencana kerja individu untuk dirinya sendiri."))
    if target not in members:
        raise ExecutionError(gettext("Tugas dibagikan kepada anggota tim yang sudah disetujui pada penugasan ini."))
    if work.tasks.count() >= MAX_TASKS:
        raise ExecutionError(gettext("Paling banyak %(MAX_TASKS)s rincian tugas dalam satu penugasan.") % {"MAX_TASKS": MAX_TASKS})
    activity = None
    if activity_id not in (None, "", 0, "0"):
        activity = Activity.objects.filter(plan__work=work, pk=activity_id if str(activity_id).isdigit() else 0).first()
        if activity is None:
            raise ExecutionError(gettext("Kegiatan yang dipilih tidak ada pada rencana penugasan ini."))
    task = Task.objects.create(
        work=work,
        activity=activity,
        kind=Task.Kind.RENCANA_INDIVIDU if who == "anggota" else Task.Kind.RINCIAN,
        title=text(title, "Tugas", limit=300),
        assignee=members[target],
        role=text(role, "Peran", required=False, limit=200),
        competence=text(competence, "Kompetensi yang dipakai", required=False, limit=300),
        duty_reference=text(duty_reference, "Butir kegiatan / uraian tugas", required=False, limit=500),
        due_on=_due(due_on, work),
        created_by=me,
    )
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="work.task_added",
        obj=work,
        changes={"task": task.pk, "assignee": target, "kind": task.kind},
    )
    return task


@transaction.atomic
def mark_task(*, actor: Actor, task_id, done: bool) -> Task:
    task = Task.objects.filter(work__region=actor.region, pk=task_id).select_related("work").first()
    if task is None:
        raise Http404(gettext("Rincian tugas tidak ditemukan."))
    work = locked_work(actor, task.work_id)
    me = employee_of(actor)
    if me.pk not in (task.assignee_id, work.lead_id):
        raise PermissionDenied(gettext("Tugas ditandai selesai oleh pegawai yang mengerjakannya atau ketua tim."))
    _open(work)
    task.done = bool(done)
    task.save(update_fields=["done"])
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="work.task_marked",
        obj=work,
        changes={"task": task.pk, "done": task.done},
    )
    return task


@transaction.atomic
def set_duty_reference(*, actor: Actor, work_id, reference) -> Work:
    """PEL-1 (BU Ps 26(2) a-b; PPU Lampiran B.3.1): the individual assignee names the butir
    kegiatan of their JF or the uraian tugas of their pelaksana position the work follows."""
    work = locked_work(actor, work_id)
    me = employee_of(actor)
    if me.pk != work.lead_id or work.is_team:
        raise PermissionDenied(gettext("Butir kegiatan/uraian tugas dikaitkan oleh pegawai yang ditugaskan secara individu."))
    _open(work)
    work.duty_reference = text(reference, duty_kind(me), limit=500)
    work.save(update_fields=["duty_reference"])
    record_event(
        region=actor.region, actor=actor.user, verb="work.duty_linked", obj=work, changes={"kind": duty_kind(me)}
    )
    return work


@transaction.atomic
def record_coordination(*, actor: Actor, work_id, subject, notes, held_on, other_work_id=None, other_official_id=None):
    work = locked_work(actor, work_id)
    me = employee_of(actor)
    if reporter_kind(work, me) is None:
        raise PermissionDenied(gettext("Koordinasi dicatat oleh ketua atau anggota tim pada penugasan ini."))
    _open(work)
    other_work = other_official = None
    if other_work_id not in (None, "", 0, "0"):
        other_work = Work.objects.filter(
            region=actor.region, pk=other_work_id if str(other_work_id).isdigit() else 0
        ).first()
        if other_work is None or other_work.pk == work.pk:
            raise ExecutionError(gettext("Tim/penugasan lain yang dipilih tidak ditemukan di pemerintah daerah ini."))
    if other_official_id not in (None, "", 0, "0"):
        pk = other_official_id if str(other_official_id).isdigit() else 0
        other_official = Employee.objects.filter(region=actor.region, pk=pk, is_active=True).first()
        if other_official is None:
            raise ExecutionError(gettext("Pejabat yang dipilih tidak ditemukan di pemerintah daerah ini."))
    if other_work is None and other_official is None:
        raise ExecutionError(gettext("Pilih tim lain atau pejabat yang diajak berkoordinasi."))
    held = _due(held_on, work)
    if held > timezone.localdate() or held < work.starts_on:
        raise ExecutionError(gettext("Tanggal koordinasi dalam masa penugasan dan tidak setelah hari ini."))
    item = Coordination.objects.create(
        work=work,
        other_work=other_work,
        other_official=other_official,
        subject=text(subject, "Perihal", limit=300),
        notes=text(notes, "Hasil koordinasi"),
        held_on=held,
        recorded_by=me,
    )
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="work.coordination_recorded",
        obj=work,
        changes={"coordination": item.pk, "other_work": getattr(other_work, "pk", None)},
    )
    return item


RATINGS = dict(MemberNote.Rating.choices)


@transaction.atomic
def write_member_note(*, actor: Actor, work_id, member_id, rating, contribution) -> MemberNote:
    """The ketua reports each member's performance to the PPK and the pimpinan unit (BU Ps 28(4)
    huruf e): one note per member, rewritten until the work is accepted."""
    work = locked_work(actor, work_id)
    me = employee_of(actor)
    if not work.is_team or me.pk != work.lead_id:
        raise PermissionDenied(gettext("Catatan kinerja anggota ditulis oleh ketua tim kerja."))
    members = {m.employee_id: m.employee for m in approved_members(work) if m.employee_id != work.lead_id}
    target = int(member_id) if str(member_id).isdigit() and len(str(member_id)) < 18 else None
    if target not in members:
        raise ExecutionError(gettext("Pilih anggota tim pada penugasan ini."))
    if rating not in RATINGS:
        raise ExecutionError(gettext("Pilih penilaian: di atas, sesuai atau di bawah ekspektasi."))
    body = text(contribution, "Kontribusi dan hasil kerja")
    member = members[target]
    ppk = ppk_for(member)
    note, created = MemberNote.objects.select_for_update().get_or_create(
        work=work,
        member=member,
        defaults={"rating": rating, "contribution": body, "written_by": me, "ppk": ppk, "created_by": actor.user},
    )
    if not created:
        note.rating, note.contribution, note.ppk, note.written_by = rating, body, ppk, me
        note.save(update_fields=["rating", "contribution", "ppk", "written_by"])
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="work.member_note_written",
        obj=work,
        changes={"member": member.pk, "rating": rating},
    )
    return note
