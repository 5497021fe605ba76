"""Who holds which office, read from the organisation: the leader of a unit, the kepala of a
perangkat daerah, the Sekretaris Daerah, an employee's PPK, and whether an actor may act for
an official (themself, or as their Plh/Plt during a running delegation, KED-5)."""

from __future__ import annotations

from sikerja.organisation.choices import UnitType
from sikerja.organisation.models import Delegation, Employee, Placement, Unit
from sikerja.organisation.rules.placement import Profile

ACTING_KINDS = (Delegation.Kind.PLH, Delegation.Kind.PLT)


def profile_of(region) -> Profile:
    return Profile(name=region.profile.name, settings=region.profile.settings)


def unit_chain(unit: Unit) -> list[int]:
    """The unit and its ancestors up to its perangkat daerah root (first = the unit)."""
    tree = Unit.objects.tree_filter(region_id=unit.region_id)  # the CTE stays inside the region
    return [u.pk for u in reversed(list(tree.ancestors(unit, include_self=True)))]


def pd_root(unit: Unit) -> Unit:
    if unit.is_perangkat_daerah or unit.perangkat_daerah_id is None:
        return unit
    return unit.perangkat_daerah


def leader_of(unit: Unit) -> Employee | None:
    return (
        Employee.objects.filter(position__unit=unit, position__is_leader=True, is_active=True)
        .select_related("position", "unit")
        .order_by("pk")
        .first()
    )


def sekretaris_daerah(region) -> Employee | None:
    setda = Unit.objects.filter(region=region, unit_type=UnitType.SETDA, is_perangkat_daerah=True).first()
    return leader_of(setda) if setda else None


def ppk_of(employee: Employee) -> Employee | None:
    placement = (
        Placement.objects.filter(employee=employee)
        .current()  # the placement whose period covers today, not a scheduled one
        .select_related("assessor__position", "assessor__unit")
        .order_by("-effective_from")
        .first()
    )
    return placement.assessor if placement else None


def acting_for(actor_employee: Employee | None, official: Employee | None) -> tuple[bool, Employee | None]:
    """(may act, on_behalf_of). The official themself acts in their own name; a running Plh/Plt
    delegation lets the delegate act on the official's behalf."""
    if actor_employee is None or official is None:
        return False, None
    if actor_employee.pk == official.pk:
        return True, None
    delegated = Delegation.objects.acting().filter(delegator=official, delegate=actor_employee).exists()
    return (True, official) if delegated else (False, None)


def delegator_ids(actor_employee: Employee | None) -> list[int]:
    """Officials the actor stands in for today (Plh/Plt)."""
    if actor_employee is None:
        return []
    return list(Delegation.objects.acting().filter(delegate=actor_employee).values_list("delegator_id", flat=True))


def leads(employee: Employee | None, unit: Unit) -> bool:
    return bool(employee and employee.position_id and employee.position.is_leader and employee.position.unit_id == unit.pk)
