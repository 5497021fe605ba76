"""The performance target row that planning and strategy both start from, locked for the
transition, and the unit an official answers for (the unit they lead, else their own): shared by
the handing-on of targets (``planning``) and the strategy per target (``strategy``)."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext

from sikerja.accounts.access import Actor
from sikerja.execution.models import PerformanceTarget
from sikerja.organisation.models import Employee, Unit


def locked_target(actor: Actor, target_id) -> PerformanceTarget:
    found = (
        PerformanceTarget.objects.select_for_update(of=("self",))
        .select_related("agreement__unit", "responsible__position__unit", "responsible__unit")
        .filter(agreement__region=actor.region, pk=target_id)
        .first()
    )
    if found is None:
        raise Http404(gettext("Target kinerja tidak ditemukan di pemerintah daerah ini."))
    return found


def _home_unit(employee: Employee) -> Unit | None:
    return employee.position.unit if employee.position_id and employee.position.is_leader else employee.unit
