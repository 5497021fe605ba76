"""Keeping the stored kedudukan findings up to date (issue 15 item 1).

``refresh(region, ids)`` judges the given employees exactly as the report used to on every
request — same facts, same ``judge()`` and ``limitation()`` — and replaces their stored rows.
The services call it for the people a change affects:

* a placement (place, correct, withdraw): its employee;
* an employee (data, mutasi, leaving): the employee and everyone they assess, whose findings
  name them and depend on their position;
* a delegation (given, revoked): everyone the delegate assesses;
* a profile (edited, reverted, derived) and any import or seed: the whole region, since units
  and positions change only through imports.

Placements and delegations also start and end by date with nobody writing: ``ensure_today``
(called by the report) recomputes, once per day, the people whose placement or delegation
took effect or ended since the last day the region was brought up to date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation

from sikerja.organisation.choices import PositionKind
from sikerja.organisation.models import (
    Delegation,
    Employee,
    Placement,
    PlacementCheck,
    PlacementCheckDay,
    PlacementFinding,
)

JUDGED = (PositionKind.FUNGSIONAL, PositionKind.PELAKSANA)
BATCH = 2000


def judge_people(region, employee_ids: set[int] | None, on: dt.date):
    """(employee_id, unit_id, structural, assessor_id, limitation, findings) per active employee."""
    from sikerja.organisation.placement_selectors import (
        authority_delegates,
        holders,
        org_facts,
        profile_of,
    )
    from sikerja.organisation.rules.placement import judge, limitation

    profile = profile_of(region)
    org = org_facts(region)
    delegates = authority_delegates(region, on)
    everyone = Employee.objects.filter(region=region, is_active=True)
    placements = Placement.objects.filter(region=region).current(on)
    if employee_ids is not None:
        everyone = everyone.filter(pk__in=employee_ids)
        placements = placements.filter(employee_id__in=employee_ids)
    open_placements = dict(placements.values_list("employee_id", "assessor_id"))
    if employee_ids is None:
        people = holders(region)
    else:
        people = holders(region, set(employee_ids) | set(open_placements.values()))
    for pk, kind, unit_id in everyone.values_list("pk", "position__kind", "unit_id"):
        if kind and kind not in JUDGED:
            yield pk, unit_id, True, open_placements.get(pk), "", []
            continue
        subject = people[pk]
        assessor_id = open_placements.get(pk)
        assessor = people.get(assessor_id) if assessor_id else None
        findings = judge(subject, assessor, org, profile, delegated=assessor_id in delegates)
        yield pk, unit_id, False, assessor_id, limitation(subject, org, profile) or "", findings


def refresh(region, employee_ids: Iterable[int] | None = None, on: dt.date | None = None) -> int:
    """Recompute the stored findings of the given employees (None: the whole region).

    An employee no longer active loses their row: the report counts active employees only.
    Refreshes of one region queue on its ``PlacementCheckDay`` row and judge after taking it,
    so two services changing the same people at once each read what the other committed.
    """
    on = on or timezone.localdate()
    ids = None if employee_ids is None else set(employee_ids)
    if ids is not None and not ids:
        return 0
    with transaction.atomic():
        days = PlacementCheckDay.objects.select_for_update()
        if ids is None:
            days.get_or_create(region=region, defaults={"computed_on": on})
        elif days.filter(region=region).first() is None:
            return 0  # never computed: the first read computes the whole region (ensure_today)
        checks, findings = [], []
        # The findings are a stored record: written in Bahasa Indonesia whatever the language of
        # the request that caused the refresh (PLT-5).
        with translation.override(settings.LANGUAGE_CODE):
            judged = list(judge_people(region, ids, on))
        for pk, unit_id, structural, assessor_id, reason, found in judged:
            checks.append(
                PlacementCheck(
                    employee_id=pk,
                    region_id=region.pk,
                    unit_id=unit_id,
                    assessor_id=assessor_id,
                    structural=structural,
                    has_findings=bool(found),
                    limitation=reason,
                    computed_on=on,
                )
            )
            findings += [
                PlacementFinding(
                    region_id=region.pk,
                    employee_id=pk,
                    unit_id=unit_id,
                    requirement=f.requirement,
                    article=f.article[:300],
                    message=f.message,
                    seq=i,
                )
                for i, f in enumerate(found)
            ]
        old_checks = PlacementCheck.objects.filter(region=region)
        old_findings = PlacementFinding.objects.filter(region=region)
        if ids is not None:
            old_checks, old_findings = old_checks.filter(employee_id__in=ids), old_findings.filter(employee_id__in=ids)
        old_findings.delete()
        old_checks.delete()
        PlacementCheck.objects.bulk_create(checks, batch_size=BATCH)
        PlacementFinding.objects.bulk_create(findings, batch_size=BATCH)
        if ids is None:
            PlacementCheckDay.objects.filter(region=region).update(computed_on=on)
    return len(checks)


def assessed_by(region, employee_ids: Iterable[int], on: dt.date | None = None) -> set[int]:
    """Employees whose placement in force names one of ``employee_ids`` as PPK."""
    return set(
        Placement.objects.filter(region=region, assessor_id__in=list(employee_ids))
        .current(on)
        .values_list("employee_id", flat=True)
    )


def refresh_people(region, employee_ids: Iterable[int]) -> int:
    """An employee changed: recompute them and everyone they assess."""
    ids = set(employee_ids)
    return refresh(region, ids | assessed_by(region, ids))


def refresh_delegation(delegation: Delegation) -> int:
    """A delegation changed: the delegate's standing as PPK changed for whom they assess."""
    return refresh(delegation.region, assessed_by(delegation.region, [delegation.delegate_id]))


def refresh_regions(regions) -> None:
    for region in regions:
        refresh(region)


def ensure_today(region, today: dt.date | None = None) -> None:
    """Bring the region's stored findings to today: the whole region the first time, then
    only the people whose placement or delegation started or ended since the last day."""
    today = today or timezone.localdate()
    state = PlacementCheckDay.objects.filter(region=region).values_list("computed_on", flat=True).first()
    if state == today:
        return
    with transaction.atomic():
        # One request a day does the catch-up; the others wait for it and then read.
        state = PlacementCheckDay.objects.select_for_update().filter(region=region).first()
        if state is None:
            refresh(region, on=today)
            return
        if state.computed_on == today:
            return
        since = state.computed_on
        placements = Placement.objects.filter(region=region).filter(
            Q(effective_from__gt=since, effective_from__lte=today)
            | Q(effective_until__gte=since, effective_until__lt=today)
        )
        delegates = Delegation.objects.filter(region=region, kind=Delegation.Kind.AUTHORITY).filter(
            Q(starts_on__gt=since, starts_on__lte=today) | Q(ends_on__gte=since, ends_on__lt=today)
        )
        people = set(placements.values_list("employee_id", flat=True))
        people |= assessed_by(region, delegates.values_list("delegate_id", flat=True), today)
        refresh(region, people, on=today)
        state.computed_on = today
        state.save(update_fields=["computed_on"])
