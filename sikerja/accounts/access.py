"""The one place that decides who may see and do what (DESIGN.md, Permissions).

An ``Actor`` is a user acting in one region. Structure (units, peta jabatan, leaders) is
visible to everyone of that region: the peta jabatan is a published document and people
need it to collaborate across units (MEK-5, transparency). Personal data of employees
(NIP, birth date, pangkat, competences, assessor) is visible only within the actor's scope:
the whole region for region-wide roles, the subtree of their unit for PPK / pimpinan unit /
kepala PD, and always their own record. Another region's data is never visible (PRF-3).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from django.core.exceptions import PermissionDenied
from django.http import Http404

from sikerja.accounts.models import ORG_ADMIN_ROLES, REGION_WIDE_ROLES, SUBTREE_ROLES, Role, RoleAssignment
from sikerja.organisation.models import Employee, Position, Unit
from sikerja.tenancy.models import Region


class NoRegion(PermissionDenied):
    """The user has no role in any region."""


@dataclass
class Actor:
    user: object
    region: Region
    roles: set[str] = field(default_factory=set)
    scope_roots: list[int] = field(default_factory=list)

    @property
    def is_superadmin(self) -> bool:
        return bool(getattr(self.user, "is_superuser", False)) or Role.SUPERADMIN in self.roles

    @property
    def region_wide(self) -> bool:
        return self.is_superadmin or bool(self.roles & REGION_WIDE_ROLES)

    @property
    def can_administer_org(self) -> bool:
        return self.is_superadmin or bool(self.roles & ORG_ADMIN_ROLES)

    @cached_property
    def employee(self) -> Employee | None:
        emp = getattr(self.user, "employee", None) if self.user.is_authenticated else None
        try:
            return emp if emp is not None and emp.region_id == self.region.pk else None
        except Employee.DoesNotExist:  # pragma: no cover - reverse one-to-one miss
            return None

    @cached_property
    def scope_unit_ids(self) -> frozenset[int] | None:
        """Units whose staff's personal data the actor may see; None means the whole region."""
        if self.region_wide:
            return None
        ids: set[int] = set()
        for root in self.scope_roots:
            ids.update(
                Unit.objects.tree_filter(region=self.region).descendants(Unit(pk=root), include_self=True)
                .filter(region=self.region)
                .values_list("pk", flat=True)
            )
        return frozenset(ids)

    @cached_property
    def acting_report_ids(self) -> frozenset[int]:
        """Employees the actor assesses today as Plh/Plt of an absent PPK (KED-5)."""
        if self.employee is None:
            return frozenset()
        from sikerja.organisation.models import Delegation, Placement

        delegators = Delegation.objects.acting().filter(delegate=self.employee).values("delegator_id")
        return frozenset(
            Placement.objects.filter(assessor_id__in=delegators).current().values_list("employee_id", flat=True)
        )

    # --- querysets restricted to what the actor may see -------------------------------
    def units(self):
        return Unit.objects.filter(region=self.region)

    def positions(self):
        return Position.objects.filter(region=self.region)

    def employees(self):
        """Employees whose personal data the actor may see (policy: ``sikerja.accounts.policies``)."""
        return Employee.objects.restrict(self, "view")

    def sees_staff_of(self, unit: Unit) -> bool:
        scope = self.scope_unit_ids
        return scope is None or unit.pk in scope

    def sees_employee(self, employee: Employee) -> bool:
        if employee.region_id != self.region.pk:
            return False
        if self.employee and self.employee.pk == employee.pk:
            return True
        scope = self.scope_unit_ids
        return scope is None or employee.unit_id in scope or employee.pk in self.acting_report_ids


def regions_of(user) -> list[Region]:
    """The regions the user has a role in. Read once per request: the user object of a request
    keeps the answer, so the actor and the page's region switcher share one query (issue 15
    item 6)."""
    if not user.is_authenticated:
        return []
    cached = getattr(user, "_sikerja_regions", None)
    if cached is not None:
        return list(cached)
    if user.is_superuser:
        regions = list(Region.objects.filter(is_active=True).select_related("profile"))
    else:
        regions = list(
            Region.objects.filter(is_active=True, role_assignments__user=user).select_related("profile").distinct()
        )
    user._sikerja_regions = regions
    return list(regions)


def actor_for(user, region: Region) -> Actor:
    roles: set[str] = set()
    roots: list[int] = []
    for ra in RoleAssignment.objects.filter(user=user, region=region).only("role", "unit_id"):
        roles.add(ra.role)
        if ra.role in SUBTREE_ROLES and ra.unit_id:
            roots.append(ra.unit_id)
    if not roles and not user.is_superuser:
        raise NoRegion("Anda tidak memiliki peran di pemerintah daerah ini.")
    return Actor(user=user, region=region, roles=roles, scope_roots=roots)


def actor_from_request(request) -> Actor:
    """The actor for this request; the region comes from the session when a user has several."""
    cached = getattr(request, "_sikerja_actor", None)
    if cached is not None:
        return cached
    regions = regions_of(request.user)
    if not regions:
        raise NoRegion("Akun Anda belum terdaftar pada pemerintah daerah mana pun.")
    wanted = request.session.get("region_id") if hasattr(request, "session") else None
    region = next((r for r in regions if r.pk == wanted), regions[0])
    actor = actor_for(request.user, region)
    request._sikerja_actor = actor
    return actor


# --- fetch-and-authorise helpers: 404 for what is out of reach, so nothing leaks ---------
def access_unit(actor: Actor, unit_id: int) -> Unit:
    unit = actor.units().select_related("parent", "perangkat_daerah").filter(pk=unit_id).first()
    if unit is None:
        raise Http404("Unit tidak ditemukan.")
    return unit


def access_employee(actor: Actor, employee_id: int) -> Employee:
    emp = (
        actor.employees()
        .select_related("unit", "position", "unit__perangkat_daerah")
        .filter(pk=employee_id)
        .first()
    )
    if emp is None:
        raise Http404("Pegawai tidak ditemukan atau di luar cakupan Anda.")
    return emp


# Kedudukan (issue 3): who reads the validation report, who places people (admin BKPSDM acts
# for the pejabat pembina kepegawaian: MU Ps 10, KL Ps 5(3), PPU Ps 7(1)).
REPORT_ROLES = frozenset({Role.PPK, Role.PIMPINAN_UNIT, Role.KEPALA_PD})
PLACEMENT_ROLES = frozenset({Role.ADMIN_BKPSDM, Role.SUPERADMIN})


def may_read_placement_report(actor: Actor) -> bool:
    return actor.region_wide or bool(actor.roles & REPORT_ROLES)


def may_place(actor: Actor) -> bool:
    return actor.is_superadmin or bool(actor.roles & PLACEMENT_ROLES)


def require_org_admin(actor: Actor) -> None:
    if not actor.can_administer_org:
        raise PermissionDenied("Hanya admin BKPSDM atau admin organisasi yang dapat melakukan ini.")


# Proses bisnis (issue 14): maps and SOPs are read region-wide like the structure; they are
# written by the leader of the owning unit (or of a unit above it) and by the Bagian Organisasi,
# which keeps the region's proses bisnis (MU BAB III, KL Ps 14).
PROCESS_ADMIN_ROLES = frozenset({Role.ADMIN_ORGANISASI, Role.SUPERADMIN})
PROCESS_LEADER_ROLES = frozenset({Role.PIMPINAN_UNIT, Role.KEPALA_PD})


def may_edit_process(actor: Actor, unit_id: int) -> bool:
    if actor.is_superadmin or actor.roles & PROCESS_ADMIN_ROLES:
        return True
    if actor.roles & PROCESS_LEADER_ROLES and actor.scope_unit_ids is not None and unit_id in actor.scope_unit_ids:
        return True
    emp = actor.employee
    return bool(emp and emp.position_id and emp.position.is_leader and emp.position.unit_id == unit_id)


# The region's own regulation profile (PLT-6): the Bagian Organisasi keeps the region's rules.
PROFILE_ROLES = frozenset({Role.ADMIN_ORGANISASI, Role.SUPERADMIN})


def may_edit_profile(actor: Actor) -> bool:
    return actor.is_superadmin or bool(actor.roles & PROFILE_ROLES)
