"""Who may give which role, and where a role's scope lies (PLT-1). Pure: no ORM.

Account administration is not regulated by the Perbup: the pejabat pembina kepegawaian's
staff administers personnel (admin BKPSDM acts for the PPK of the region, as in access.py),
so the admin BKPSDM gives every regional role; nobody gives the superadmin role from the app.
"""

from __future__ import annotations

from dataclasses import dataclass

from sikerja.accounts.models import REGION_WIDE_ROLES, SUBTREE_ROLES, Role

# Roles that manage logins and roles of their region.
ACCOUNT_ADMIN_ROLES = frozenset({Role.ADMIN_BKPSDM, Role.SUPERADMIN})
# What each administering role may give (and withdraw).
GRANTABLE = {
    Role.ADMIN_BKPSDM: frozenset(set(Role) - {Role.SUPERADMIN}),
    Role.SUPERADMIN: frozenset(set(Role) - {Role.SUPERADMIN}),
}


@dataclass(frozen=True)
class Decision:
    allowed: bool
    message: str = ""


def may_manage_accounts(roles: set[str], *, is_superuser: bool = False) -> bool:
    return is_superuser or bool(set(roles) & ACCOUNT_ADMIN_ROLES)


def grantable_roles(roles: set[str], *, is_superuser: bool = False) -> frozenset[str]:
    if is_superuser:
        return GRANTABLE[Role.SUPERADMIN]
    out: set[str] = set()
    for r in roles:
        out |= GRANTABLE.get(r, frozenset())
    return frozenset(out)


def check_grant(giver_roles: set[str], role: str, *, has_unit: bool, is_superuser: bool = False) -> Decision:
    """May a giver with ``giver_roles`` give ``role``; is the scope (unit or none) right for it?"""
    if role not in Role.values:
        return Decision(False, "Peran tidak dikenal.")
    if role not in grantable_roles(giver_roles, is_superuser=is_superuser):
        return Decision(False, f"Anda tidak berwenang memberikan peran {Role(role).label}.")
    if role in SUBTREE_ROLES and not has_unit:
        return Decision(False, f"Peran {Role(role).label} berlaku untuk satu unit: pilih unitnya.")
    if (role in REGION_WIDE_ROLES or role == Role.PEGAWAI) and has_unit:
        return Decision(False, f"Peran {Role(role).label} berlaku se-daerah, tanpa unit.")
    return Decision(True)
