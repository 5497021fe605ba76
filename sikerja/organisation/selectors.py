"""Reads of the organisation, with query counts that do not grow with the data.

Every function takes an ``Actor`` (sikerja.accounts.access) so scoping cannot be forgotten.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from sikerja.organisation.models import Employee, EmployeeCompetence, Placement, Position, Unit


def unit_children(actor, parent_id: int | None) -> QuerySet[Unit]:
    """One level of the tree, with child counts so the UI knows what can expand."""
    return (
        actor.units()
        .filter(parent_id=parent_id, is_active=True)
        .annotate(child_count=Count("children", filter=Q(children__is_active=True), distinct=True))
        .order_by("order", "name")
    )


def unit_search(actor, query: str, limit: int = 50) -> list[Unit]:
    """Units whose name or code matches, each with its ancestors' names for context."""
    query = query.strip()
    if not query:
        return []
    matches = list(
        actor.units()
        .filter(Q(name__icontains=query) | Q(code__iexact=query), is_active=True)
        .select_related("perangkat_daerah")
        .order_by("name")[:limit]
    )
    _attach_paths(actor, matches)
    return matches


def _attach_paths(actor, units: list[Unit]) -> None:
    """Set ``unit.path_names`` (root → parent) with one CTE query for all units."""
    if not units:
        return
    ancestors = {u.pk: u for u in region_tree(actor).with_tree_fields().filter(pk__in={u.pk for u in units})}
    needed = {pk for u in ancestors.values() for pk in u.tree_path}
    names = dict(actor.units().filter(pk__in=needed).values_list("pk", "name"))
    for unit in units:
        path = ancestors[unit.pk].tree_path[:-1]
        unit.path_names = [names[pk] for pk in path if pk in names]


def region_tree(actor) -> QuerySet[Unit]:
    """The actor's units for a recursive read: ``tree_filter`` puts the region inside the CTE,
    which otherwise walks every unit of every region before the outer filter (issue 15 item 2)."""
    return Unit.objects.tree_filter(region=actor.region).filter(region=actor.region)


def unit_ancestors(actor, unit: Unit) -> list[Unit]:
    return list(region_tree(actor).ancestors(unit))


def unit_leader(unit: Unit) -> Employee | None:
    return (
        Employee.objects.filter(position__unit=unit, position__is_leader=True, is_active=True)
        .select_related("position")
        .first()
    )


@dataclass
class PetaJabatanRow:
    position: Position
    filled: int

    @property
    def gap(self) -> int:
        return self.position.required - self.filled


def peta_jabatan(unit: Unit) -> list[PetaJabatanRow]:
    """Positions of a unit, highest first (PPU Ps 1 no 12), with kebutuhan vs bezetting."""
    rows = (
        Position.objects.filter(unit=unit)
        .annotate(filled=Count("holders", filter=Q(holders__is_active=True)))
        .order_by("-is_leader", "-kelas_jabatan", "name")
    )
    return [PetaJabatanRow(position=p, filled=p.filled) for p in rows]


def unit_staff(actor, unit: Unit) -> QuerySet[Employee]:
    return (
        actor.employees()
        .filter(unit=unit, is_active=True)
        .select_related("position")
        .order_by("-position__is_leader", "-position__kelas_jabatan", "name")
    )


def employee_list(actor, *, q: str = "", unit_id: int | None = None, subtree: bool = False, status: str = "", kind: str = "") -> QuerySet[Employee]:
    qs = actor.employees().filter(is_active=True).select_related("unit", "position")
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(nip__startswith=q.replace(" ", "")))
    if unit_id:
        if subtree:
            ids = region_tree(actor).descendants(Unit(pk=unit_id), include_self=True).values_list("pk", flat=True)
            qs = qs.filter(unit_id__in=list(ids))
        else:
            qs = qs.filter(unit_id=unit_id)
    if status:
        qs = qs.filter(status=status)
    if kind:
        qs = qs.filter(position__kind=kind)
    return qs.order_by("name", "pk")


def current_placement(employee: Employee) -> Placement | None:
    """The placement whose period covers today — not merely the last one recorded (issue 9
    item 11): a placement effective next year is scheduled, not current."""
    return (
        Placement.objects.filter(employee=employee)
        .current()
        .select_related("assessor", "assessor__position", "unit")
        .first()
    )


def scheduled_placements(employee: Employee) -> list[Placement]:
    """Placements recorded to take effect later, earliest first."""
    return list(
        Placement.objects.filter(employee=employee)
        .scheduled()
        .select_related("assessor", "assessor__position")
        .order_by("effective_from")
    )


def employee_detail(actor, employee_id: int) -> Employee:
    """The employee with everything the employee page shows, in a fixed number of queries."""
    from sikerja.accounts.access import access_employee

    employee = access_employee(actor, employee_id)
    employee.competence_list = list(
        EmployeeCompetence.objects.filter(employee=employee).select_related("competence").order_by("competence__name")
    )
    employee.current_placement = current_placement(employee)
    employee.scheduled_placements = scheduled_placements(employee)
    employee.placement_history = list(
        Placement.objects.filter(employee=employee).select_related("assessor").order_by("-effective_from")
    )
    return employee


def direct_reports(employee: Employee) -> QuerySet[Placement]:
    return Placement.objects.filter(assessor=employee).current().select_related(
        "employee", "employee__position"
    )


def org_chart(actor, pd: Unit) -> dict:
    """The subtree of one perangkat daerah as nested dicts, with leaders and head counts.

    Three queries whatever the size: the units (CTE), their leaders, their head counts.
    """
    # A PD's subtree is its denormalised ``perangkat_daerah`` (no recursion); another unit's
    # is the region's CTE.
    subtree = (
        actor.units().filter(perangkat_daerah=pd)
        if pd.is_perangkat_daerah and pd.perangkat_daerah_id == pd.pk
        else region_tree(actor).descendants(pd, include_self=True)
    )
    # Only what a box shows: hundreds of full rows cost more to build than to read.
    units = list(subtree.filter(is_active=True).order_by("order", "name").only("pk", "parent_id", "name"))
    ids = [u.pk for u in units]
    # From the leader posts (one per unit) to their holders, not through every person of the
    # subtree: the planner can then use the employee's position index.
    leader_posts = Position.objects.filter(region=actor.region, unit_id__in=ids, is_leader=True).values("pk")
    leaders = {
        e.unit_id: e
        for e in Employee.objects.filter(
            region=actor.region, position_id__in=leader_posts, unit_id__in=ids, is_active=True
        )
        .select_related("position")
        .only("pk", "unit_id", "name", "front_title", "back_title", "position__name")
    }
    counts = dict(
        Employee.objects.filter(unit_id__in=ids, is_active=True).values("unit_id").annotate(n=Count("id")).values_list("unit_id", "n")
    )
    nodes = {
        u.pk: {"unit": u, "leader": leaders.get(u.pk), "staff_count": counts.get(u.pk, 0), "children": []}
        for u in units
    }
    root = nodes[pd.pk]
    for u in units:
        if u.pk != pd.pk and u.parent_id in nodes:
            nodes[u.parent_id]["children"].append(nodes[u.pk])
    return root


def perangkat_daerah_list(actor) -> QuerySet[Unit]:
    return actor.units().filter(is_perangkat_daerah=True, is_active=True).order_by("order", "name")


__all__ = [
    "current_placement",
    "direct_reports",
    "employee_detail",
    "employee_list",
    "org_chart",
    "peta_jabatan",
    "perangkat_daerah_list",
    "scheduled_placements",
    "unit_ancestors",
    "unit_children",
    "unit_leader",
    "unit_search",
    "unit_staff",
]
