"""People and an approved SKP for the kinerja tests, through the real services."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from sikerja.accounts.access import actor_for
from sikerja.accounts.models import Role, RoleAssignment
from sikerja.assignments.tests.people import actor, emp, unit
from sikerja.performance import services
from sikerja.performance.services.common import placement_of

__all__ = ["actor", "emp", "unit", "actor_of", "ppk_of", "approved_skp", "rhk_of", "open_year"]


def actor_of(employee, role=Role.PEGAWAI, unit_obj=None):
    """An actor for any employee (a login is created when the demo has none)."""
    user = employee.user
    if user is None:
        user = get_user_model().objects.create_user(username=f"k{employee.pk}", password="x")
        employee.user = user
        employee.save(update_fields=["user"])
    RoleAssignment.objects.get_or_create(user=user, region=employee.region, role=role, unit=unit_obj)
    return actor_for(user, employee.region)


def ppk_of(employee):
    assessor = placement_of(employee).assessor
    return actor_of(assessor, Role.PPK, assessor.unit), assessor


def rhk_of(a, skp, text="Aplikasi layanan berjalan", **kw):
    form_ja = skp.form == "ja_jf"
    kw.setdefault("ikis", [("kuantitas" if form_ja else "", "Jumlah aplikasi", "3 aplikasi")])
    if not form_ja:
        kw.setdefault("perspektif", "proses_bisnis")
    return services.add_rhk(a, skp.pk, text_value=text, **kw)


def approved_skp(username_or_employee, year=2031):
    e = emp(username_or_employee) if isinstance(username_or_employee, str) else username_or_employee
    a = actor_of(e)
    skp = services.draft_skp(a, year=year)
    rhk = rhk_of(a, skp)
    services.submit(a, skp.pk)
    ppk, _ = ppk_of(e)
    services.decide(ppk, skp.pk, approve=True)
    skp.refresh_from_db()
    return skp, rhk, a, ppk


def open_year(region, year=2031, **kw):
    admin = actor("admin.bkpsdm", region) if not kw.get("prefix") else actor(kw.pop("prefix") + ".admin.bkpsdm", region)
    return {p.kind: p for p in services.open_year(admin, year=year, **kw)}
