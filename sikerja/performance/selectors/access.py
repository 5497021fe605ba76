"""Who sees which SKP and evaluation: an employee their own; a PPK the people they assess (by the
placement in force, also as Plh/Plt); leaders their subtree; region-wide roles the region;
nobody another region. Anything out of reach is a 404."""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext

from sikerja.accounts.access import Actor
from sikerja.organisation.models import Placement
from sikerja.performance.models import Evaluation, Skp


def assessed_ids(actor: Actor):
    """Employees the actor assesses today (own placements) — a subquery, not a list."""
    me = actor.employee
    return (
        Placement.objects.filter(assessor=me).current().values("employee_id")
        if me
        else Placement.objects.none().values("employee_id")
    )


def _who(actor: Actor, prefix: str = "") -> Q | None:
    if actor.region_wide:
        return None
    me = actor.employee
    q = Q(**{f"{prefix}employee__in": assessed_ids(actor)}) | Q(
        **{f"{prefix}employee_id__in": list(actor.acting_report_ids)}
    )
    if me is not None:
        q |= Q(**{f"{prefix}employee": me}) | Q(**{f"{prefix}assessor": me})
    scope = actor.scope_unit_ids
    if scope:
        q |= Q(**{f"{prefix}employee__unit_id__in": scope})
    return q


def visible_skps(actor: Actor):
    qs = Skp.objects.filter(region=actor.region)
    q = _who(actor)
    return qs if q is None else qs.filter(q)


def visible_evaluations(actor: Actor):
    qs = Evaluation.objects.filter(region=actor.region)
    q = _who(actor)
    if q is None:
        return qs
    me = actor.employee
    q = Q(employee__in=assessed_ids(actor)) | Q(employee_id__in=list(actor.acting_report_ids))
    if me is not None:
        q |= Q(employee=me) | Q(assessor=me)
    if actor.scope_unit_ids:
        q |= Q(employee__unit_id__in=actor.scope_unit_ids)
    return qs.filter(q)


def get_skp(actor: Actor, skp_id) -> Skp:
    skp = (
        visible_skps(actor)
        .select_related("employee__unit", "employee__position", "assessor__position", "assessor__unit", "unit")
        .filter(pk=skp_id)
        .first()
    )
    if skp is None:
        raise Http404(gettext("SKP tidak ditemukan atau di luar cakupan Anda."))
    return skp
