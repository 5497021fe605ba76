"""What the kinerja services share: the refusal error, text checks, who the assessor is (always
from the placement, kedudukan) and whether the actor may act as someone's PPK."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext

from sikerja.accounts.access import Actor
from sikerja.assignments import officials
from sikerja.inputs import InputError, clean_text
from sikerja.organisation.models import Employee, Placement
from sikerja.organisation.placement_selectors import ppk_authority
from sikerja.performance.rules.predikat import RuleError


class KinerjaError(ValidationError):
    """A refused step; Indonesian ``messages``. ``code``: refused, wrong_state, already_decided."""


def employee_of(actor: Actor) -> Employee:
    if actor.employee is None:
        raise PermissionDenied(gettext("Akun Anda tidak terhubung dengan data pegawai di pemerintah daerah ini."))
    return actor.employee


def text(value, label: str, *, required: bool = True, limit: int = 4000) -> str:
    try:
        return clean_text(value, label, limit=limit, required=required)
    except InputError as exc:
        raise KinerjaError(exc.messages) from exc


def rule(call, *args):
    """Run a pure rule; its RuleError becomes a refusal."""
    try:
        return call(*args)
    except RuleError as exc:
        raise KinerjaError(str(exc)) from exc


def placement_of(employee: Employee) -> Placement | None:
    """The placement in force today: the only source of the assessor (no synced superiors)."""
    return (
        Placement.objects.filter(employee=employee)
        .current()
        .select_related("assessor", "unit")
        .order_by("-effective_from")
        .first()
    )


def require_ppk(actor: Actor, subject: Employee) -> Employee | None:
    """The actor may act as PPK of ``subject`` today (own placement, or Plh/Plt of that PPK);
    returns on whose behalf. Someone one does not assess is refused."""
    me = employee_of(actor)
    allowed, on_behalf = ppk_authority(me, subject)
    if not allowed:
        raise PermissionDenied(gettext("Anda bukan pejabat penilai kinerja %(name)s menurut kedudukannya.") % {"name": subject.name})
    return on_behalf


def is_unit_leader(employee: Employee) -> bool:
    return bool(employee.position_id and employee.position.is_leader)


def leader_above(unit):
    """The leader one level up from a unit (KIN-10): the nearest leader of its parent chain."""
    from sikerja.assignments.actions.roles import nearest_leader

    return nearest_leader(unit.parent) if unit.parent_id else None


def pd_root(unit):
    return officials.pd_root(unit)


def not_found(message: str = "SKP tidak ditemukan atau di luar cakupan Anda."):
    raise Http404(message)
