"""What the transitions of pelaksanaan share: the refused-transition error, the work row lock,
text checks, and who holds which role for a work (lead, member, PPK, pimpinan unit/PD).

Permissions are decided here, not in the views: each service fetches the work of the actor's
region (another region's is "not found") and then asks whether the actor holds the role the
transition needs, in their own name or as Plh/Plt of the official (KED-5)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext

from sikerja.accounts.access import Actor
from sikerja.assignments import officials
from sikerja.assignments.actions.roles import nearest_leader
from sikerja.assignments.models import Assignment, Member
from sikerja.execution.models import Work
from sikerja.inputs import InputError, clean_text
from sikerja.organisation.models import Employee

NOT_FOUND = "Pelaksanaan penugasan tidak ditemukan di pemerintah daerah ini."


class ExecutionError(ValidationError):
    """A refused transition; ``messages`` are Indonesian and name the article where one applies.
    ``code`` says why for programs: refused (default), already_decided, wrong_state."""


def employee_of(actor: Actor) -> Employee:
    if actor.employee is None:
        raise PermissionDenied(gettext("Akun Anda tidak terhubung dengan data pegawai di pemerintah daerah ini."))
    return actor.employee


def text(value, label: str, *, required: bool = True, limit: int = 4000) -> str:
    try:
        return clean_text(value, label, limit=limit, required=required)
    except InputError as exc:
        raise ExecutionError(exc.messages) from exc


def locked_work(actor: Actor, work_id) -> Work:
    """The work row of the actor's region, locked until the transaction ends (SELECT ... FOR
    UPDATE on PostgreSQL), so two transitions of one work run one after the other."""
    work = (
        Work.objects.select_for_update(of=("self",))
        .select_related("assignment", "owning_unit", "lead__unit", "lead__position")
        .filter(region=actor.region, pk=work_id)
        .first()
    )
    if work is None:
        raise Http404(NOT_FOUND)
    return work


def check_running(work: Work) -> None:
    """A revoked or ended assignment letter ends the work: nothing more is reported or submitted."""
    if work.assignment.status != Assignment.Status.DITERBITKAN:
        raise ExecutionError(
            gettext("Penugasan ini %(status)s; pelaksanaannya tidak dapat dilanjutkan.") % {"status": work.assignment.get_status_display().lower()},
            code="wrong_state",
        )


def profile_for(work: Work):
    return officials.profile_of(work.region)


# --- who is who in a work -----------------------------------------------------------------------
def approved_members(work: Work):
    return Member.objects.filter(
        assignment_id=work.assignment_id, status=Member.Status.DISETUJUI, employee__isnull=False
    ).select_related("employee__unit", "employee__position")


def reporter_kind(work: Work, employee: Employee) -> str | None:
    """'individu', 'ketua' or 'anggota' for someone who may report on this work; None otherwise."""
    if employee.pk == work.lead_id:
        return "ketua" if work.is_team else "individu"
    if work.is_team and approved_members(work).filter(employee=employee).exists():
        return "anggota"
    return None


def ppk_for(employee: Employee) -> Employee | None:
    """The PPK of a person (their placement's assessor), else the leader above them."""
    return officials.ppk_of(employee) or (nearest_leader(employee.unit) if employee.unit_id else None)


def holder_of(role: str, work: Work, author: Employee) -> Employee | None:
    """The official who holds a reporting-line role (rules.reporting_line) for ``author``'s report."""
    if role == "ketua":
        return work.lead
    if role == "ppk":
        return ppk_for(author)
    if role == "pimpinan_unit":
        return nearest_leader(work.owning_unit)
    if role == "pimpinan_pd":
        return nearest_leader(officials.pd_root(work.owning_unit))
    return None


def acting_for(actor: Actor, official_id: int | None) -> tuple[bool, Employee | None]:
    official = Employee.objects.filter(pk=official_id).first() if official_id else None
    return officials.acting_for(actor.employee, official)


def refuse(message: str) -> None:
    raise PermissionDenied(message)
