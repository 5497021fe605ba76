"""The Matriks Peran Hasil a benchmark region needs for opening a year (issue 13, Performance):
per unit with placed staff, a perjanjian kinerja of three targets held by the unit's PPK, each
served by a team (ketua + anggota, approved) so that every person has a role, and in every
tenth unit the leader's adjustments (the ketua's cell renamed, a member's removed and that
member given an individual role instead). Written straight to the tables, like the demo
builder, once per region and year; not a service."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sikerja.assignments.models import Assignment, Member
from sikerja.execution.models import PerformanceAgreement, PerformanceTarget, Work
from sikerja.organisation.models import Placement
from sikerja.performance.models import MphAdjustment

TARGETS = 3


def seed_mph(region, year: int) -> int:
    """Returns the number of team works (cells follow from them)."""
    if PerformanceAgreement.objects.filter(region=region, year=year).exists():
        return Work.objects.filter(target__agreement__region=region, target__agreement__year=year).count()
    staff: dict[int, list[int]] = {}
    ppk: dict[int, Counter] = {}
    for employee_id, assessor_id, unit_id in (
        Placement.objects.filter(region=region, employee__is_active=True)
        .current()
        .order_by("employee_id")
        .values_list("employee_id", "assessor_id", "unit_id")
    ):
        staff.setdefault(unit_id, []).append(employee_id)
        ppk.setdefault(unit_id, Counter())[assessor_id] += 1
    leaders = {u: c.most_common(1)[0][0] for u, c in ppk.items()}
    agreements = PerformanceAgreement.objects.bulk_create(
        [PerformanceAgreement(region=region, unit_id=u, year=year, leader_id=leaders[u]) for u in staff]
    )
    targets = PerformanceTarget.objects.bulk_create(
        [
            PerformanceTarget(
                agreement=a,
                order=i + 1,
                sasaran=f"Sasaran {i + 1} unit {a.unit_id}",
                indikator=f"Indikator kinerja {i + 1}",
                target="100%",
                responsible_id=a.leader_id,
            )
            for a in agreements
            for i in range(TARGETS)
        ]
    )
    start, end = dt.date(year, 1, 2), dt.date(year, 12, 31)
    plans = []  # (target, lead, members)
    for t in targets:
        people = [e for e in staff[t.agreement.unit_id] if e != t.agreement.leader_id]
        group = people[t.order - 1 :: TARGETS]
        if group:
            plans.append((t, group[0], group[1:]))
    assignments = Assignment.objects.bulk_create(
        [
            Assignment(
                region=region,
                form="tim_kerja",
                scope="dalam_unit",
                title=f"Tim {t.sasaran}",
                owning_unit_id=t.agreement.unit_id,
                purpose="Mencapai sasaran unit",
                target=t.target,
                starts_on=start,
                ends_on=end,
                initiated_by_id=t.agreement.leader_id,
                instrument="surat_tugas",
                status=Assignment.Status.DITERBITKAN,
            )
            for t, _, _ in plans
        ],
        batch_size=2000,
    )
    works = Work.objects.bulk_create(
        [
            Work(
                region=region,
                assignment=a,
                target=t,
                owning_unit_id=t.agreement.unit_id,
                lead_id=lead,
                is_team=True,
                starts_on=start,
                ends_on=end,
            )
            for a, (t, lead, _) in zip(assignments, plans, strict=True)
        ],
        batch_size=2000,
    )
    Member.objects.bulk_create(
        [
            Member(assignment=a, employee_id=e, role=role, status=Member.Status.DISETUJUI)
            for a, (_, lead, others) in zip(assignments, plans, strict=True)
            for e, role in [(lead, Member.Role.KETUA)] + [(o, Member.Role.ANGGOTA) for o in others]
        ],
        batch_size=2000,
    )
    adjustments = []
    eligible = [(w, plan) for w, plan in zip(works, plans, strict=True) if plan[2]]
    for w, (t, lead, others) in eligible[:: 10 * TARGETS]:  # about every tenth unit
        common = dict(region=region, agreement=t.agreement, target=t, adjusted_by_id=t.agreement.leader_id)
        adjustments += [
            MphAdjustment(**common, employee_id=lead, work=w, action="ubah", role="ketua", title="Koordinator sasaran"),
            MphAdjustment(**common, employee_id=others[0], work=w, action="hapus", role="anggota"),
            MphAdjustment(**common, employee_id=others[0], action="tambah", role="individu", title="Analisis data"),
        ]
    MphAdjustment.objects.bulk_create(adjustments)
    return len(works)


def sample_actors(region, skps, prefix: str):
    """Actors for a sample of employees and their PPKs (logins made straight in the table,
    without password hashing, when the demo has none): ``skps`` is (skp, employee, assessor)."""
    from django.contrib.auth import get_user_model

    from sikerja.accounts.access import actor_for
    from sikerja.accounts.models import Role, RoleAssignment
    from sikerja.organisation.models import Employee

    User = get_user_model()
    people = {e for _, e, _ in skps} | {a for _, _, a in skps}
    without = list(Employee.objects.filter(pk__in=people, user__isnull=True).values_list("pk", flat=True))
    User.objects.bulk_create([User(username=f"{prefix}.k{pk}", password="!") for pk in without])
    users = dict(User.objects.filter(username__in=[f"{prefix}.k{pk}" for pk in without]).values_list("username", "pk"))
    for pk in without:
        Employee.objects.filter(pk=pk).update(user_id=users[f"{prefix}.k{pk}"])
    assessors = {a for _, _, a in skps}
    employees = Employee.objects.filter(pk__in=people).select_related("user")
    held = set(
        RoleAssignment.objects.filter(region=region, user__employee__in=people).values_list("user_id", "role")
    )  # a re-run adds no second role (the unit is NULL for pegawai, so the unique index misses it)
    RoleAssignment.objects.bulk_create(
        [
            RoleAssignment(user=e.user, region=region, role=role, unit_id=e.unit_id if role == Role.PPK else None)
            for e in employees
            for role in ([Role.PEGAWAI] + ([Role.PPK] if e.pk in assessors else []))
            if (e.user_id, role) not in held
        ]
    )
    return {e.pk: actor_for(e.user, region) for e in Employee.objects.filter(pk__in=people).select_related("user")}
