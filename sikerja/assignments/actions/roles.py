"""Who holds which role in a penugasan: the leader of a unit (or of the closest ancestor that has
one), the signer among the roles a rule names, whether an actor may act for an official (or as
their Plh/Plt), and the ketua candidate view of an employee."""

from __future__ import annotations

from sikerja.accounts.access import Actor
from sikerja.assignments import officials, rules
from sikerja.assignments.models import Scope
from sikerja.organisation.choices import PositionKind
from sikerja.organisation.models import Employee, Unit


def nearest_leader(unit: Unit) -> Employee | None:
    """The leader of the unit, or of the closest ancestor that has one (a unit without its own
    leading position is led from above)."""
    for u in reversed(list(unit.ancestors(include_self=True))):
        leader = officials.leader_of(u)
        if leader is not None:
            return leader
    return None


def scope_of(member_unit: Unit, owning: Unit, owning_chain: list[int], region, profile) -> str:
    return rules.assignment_scope(
        officials.unit_chain(member_unit), owning_chain, region, region, profile=profile
    ).scope


def resolve_role(
    role: str,
    *,
    assignment_form: str,
    owning: Unit,
    region,
    assignee: Employee | None,
    applicant_unit: Unit | None = None,
    scope: str = "",
) -> Employee | None:
    """The official who holds ``role`` for this assignment."""
    if role in ("pimpinan_unit_pemilik_kinerja",):
        return nearest_leader(owning)
    if role == "pimpinan_unit":
        # Own leader of a voluntary applicant across units (PPU Ps 11(3) huruf d-e); otherwise
        # the leader of the owning unit (the applicant's unit lies inside it within one unit).
        if applicant_unit is not None and scope not in ("", Scope.DALAM_UNIT):
            return nearest_leader(applicant_unit)
        return nearest_leader(owning)
    if role == "ppk" or role == "atasan_langsung_ppk":
        if assignee is not None:
            return officials.ppk_of(assignee) or nearest_leader(assignee.unit)
        return nearest_leader(owning)
    if role == "kepala_pd":
        return nearest_leader(officials.pd_root(owning))
    if role == "sekretaris_daerah":
        return officials.sekretaris_daerah(region)
    return None


def acts_for(actor: Actor, official: Employee | None) -> tuple[bool, Employee | None]:
    return officials.acting_for(actor.employee, official)


def step_unit(role: str, official: Employee | None) -> Unit | None:
    if official is not None and official.position_id and official.position.is_leader:
        return official.position.unit
    return None


def pick_signer(actor: Actor, roles, *, form, owning, region, assignee) -> tuple[Employee | None, str]:
    """Of the roles the regulation names ("PPK atau pimpinan unit"), the one the actor holds;
    otherwise the first that somebody holds."""
    resolved = [
        (r, resolve_role(r, assignment_form=form, owning=owning, region=region, assignee=assignee)) for r in roles
    ]
    for role, official in resolved:
        if official is not None and acts_for(actor, official)[0]:
            return official, role
    for role, official in resolved:
        if official is not None:
            return official, role
    return None, roles[0]


def subtree_ids(unit: Unit) -> list[int]:
    tree = Unit.objects.tree_filter(region_id=unit.region_id)  # the CTE stays inside the region
    return list(tree.descendants(unit, include_self=True).values_list("pk", flat=True))


def ketua_problem(profile, employee: Employee) -> str | None:
    candidate = candidate_of(employee)
    ranking = rules.rank_ketua(profile, [candidate])
    return ranking.excluded[0].reason if ranking.excluded else None


def candidate_of(employee: Employee) -> rules.Candidate:
    position = employee.position
    return rules.Candidate(
        employee_id=employee.pk,
        name=employee.full_name,
        kind=position.kind if position else PositionKind.PELAKSANA,
        jf_category=position.jf_category if position else "",
        jf_level=position.jf_level if position else "",
        has_managerial_experience=employee.has_managerial_experience,
        status=employee.status,
        golongan=employee.golongan,
        unit_id=employee.unit_id,
    )


def capacity_of(me: Employee, official: Employee) -> str:
    from sikerja.organisation.models import Delegation

    kind = (
        Delegation.objects.acting()
        .filter(delegator=official, delegate=me)
        .order_by("-starts_on")
        .values_list("kind", flat=True)
        .first()
    )
    return kind or "plh"
