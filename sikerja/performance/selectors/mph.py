"""Matriks Peran Hasil (KIN-7): a unit's perjanjian kinerja targets across, its people down —
individually or as ketua/anggota of the works serving each target. A member from another unit
appears in the MPH of the unit that assigned them (the works are the owning unit's). The
leader's stored adjustments (MphAdjustment: a cell added, removed or renamed) are applied over
the derived cells, so an RHK made from a cell afterwards takes the adjusted one."""

from __future__ import annotations

from dataclasses import dataclass, field

from sikerja.assignments.models import Member
from sikerja.execution.models import PerformanceAgreement, PerformanceTarget, Work
from sikerja.organisation.models import Employee

ROLE_LABELS = {"individu": "Individu", "ketua": "Ketua tim", "anggota": "Anggota tim"}


@dataclass
class Cell:
    employee_id: int
    target_id: int
    work_id: int | None
    role: str
    title: str
    rhk_id: int | None = None
    adjustment: object | None = None  # the MphAdjustment that added or renamed this cell

    @property
    def key(self) -> tuple[int, int, int | None]:
        return (self.employee_id, self.target_id, self.work_id)

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role]


@dataclass
class Row:
    employee: Employee
    cells: list[Cell] = field(default_factory=list)

    def in_target(self, target_id: int) -> list[Cell]:
        return [c for c in self.cells if c.target_id == target_id]


@dataclass
class Mph:
    agreement: PerformanceAgreement | None
    targets: list[PerformanceTarget]
    rows: list[Row]
    adjustments: list = field(default_factory=list)  # every stored adjustment, with who made it

    def grid(self):
        """Rows with one list of cells per target, in the targets' order (for the template)."""
        return [(row, [row.in_target(t.pk) for t in self.targets]) for row in self.rows]


def derived_cells(targets, *, scope=None) -> list[Cell]:
    """The cells the perjanjian kinerja and the assignments give, before any adjustment.
    ``scope`` (a queryset of the same targets) keeps the SQL a subquery when the targets are
    a whole region's year (opening the year), not a list of thousands of ids."""
    scope = targets if scope is None else scope
    works = list(
        Work.objects.filter(target__in=scope)
        .order_by("pk")
        .values_list("pk", "assignment_id", "target_id", "lead_id", "is_team", "assignment__title")
    )
    members = Member.objects.filter(
        assignment__work__target__in=scope, status=Member.Status.DISETUJUI, employee__isnull=False
    ).values_list("assignment_id", "employee_id")
    by_assignment: dict[int, list[int]] = {}
    for assignment_id, employee_id in members:
        by_assignment.setdefault(assignment_id, []).append(employee_id)
    cells: list[Cell] = []
    for pk, assignment_id, target_id, lead_id, is_team, title in works:
        if not is_team:
            cells.append(Cell(lead_id, target_id, pk, "individu", title))
            continue
        seen = {lead_id}
        cells.append(Cell(lead_id, target_id, pk, "ketua", title))
        for employee_id in by_assignment.get(assignment_id, []):
            if employee_id not in seen:
                seen.add(employee_id)
                cells.append(Cell(employee_id, target_id, pk, "anggota", title))
    placed = {(c.target_id, c.employee_id) for c in cells}
    for t in targets:  # a target handed to someone with no assignment yet: an individual role
        if t.responsible_id and (t.pk, t.responsible_id) not in placed:
            cells.append(Cell(t.responsible_id, t.pk, None, "individu", t.sasaran))
    return cells


def adjusted(cells: list[Cell], adjustments) -> list[Cell]:
    """The leader's adjustments over the derived cells: removed ones go, renamed ones take the
    new title (and role), added ones join. One adjustment per cell (the service keeps it so)."""
    by_key = {(a.employee_id, a.target_id, a.work_id): a for a in adjustments}
    out = []
    for c in cells:
        a = by_key.pop(c.key, None)
        if a is None:
            out.append(c)
        elif a.action != "hapus":
            c.title, c.role, c.adjustment = a.title or c.title, a.role or c.role, a
            out.append(c)
    for a in by_key.values():  # what is left was added (or adjusts a cell no longer derived)
        if a.action == "tambah":
            out.append(Cell(a.employee_id, a.target_id, a.work_id, a.role, a.title, adjustment=a))
    return out


def mph_for_unit(region, unit, year: int) -> Mph:
    from sikerja.performance.models import MphAdjustment, Rhk

    agreement = (
        PerformanceAgreement.objects.filter(region=region, unit=unit, year=year).select_related("leader").first()
    )
    if agreement is None:
        return Mph(None, [], [])
    targets = list(PerformanceTarget.objects.filter(agreement=agreement).select_related("responsible"))
    adjustments = list(
        MphAdjustment.objects.filter(agreement=agreement).select_related(
            "employee", "target", "adjusted_by", "on_behalf_of"
        )
    )
    cells = adjusted(derived_cells(targets), adjustments)
    made = {
        (r["skp__employee_id"], r["target_id"], r["work_id"]): r["pk"]
        for r in Rhk.objects.filter(target__in=targets, skp__is_current=True).values(
            "pk", "skp__employee_id", "target_id", "work_id"
        )
    }
    for c in cells:
        c.rhk_id = made.get(c.key)
    people = {
        e.pk: e
        for e in Employee.objects.filter(pk__in={c.employee_id for c in cells}).select_related("unit", "position")
    }
    rows: dict[int, Row] = {}
    for c in cells:
        rows.setdefault(c.employee_id, Row(people[c.employee_id])).cells.append(c)
    return Mph(agreement, targets, sorted(rows.values(), key=lambda r: r.employee.name), adjustments)
