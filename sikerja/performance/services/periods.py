"""Opening the evaluation year (KIN-3, KIN-8) by the HR administrator."""

from __future__ import annotations

import calendar
import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext

from sikerja.accounts.access import Actor
from sikerja.accounts.models import Role
from sikerja.audit.services import record_event
from sikerja.organisation.models import Unit
from sikerja.performance.models import Period
from sikerja.performance.services.common import KinerjaError

QUARTERS = [("tw1", 1), ("tw2", 4), ("tw3", 7), ("tw4", 10)]
HR_ROLES = {Role.ADMIN_BKPSDM, Role.SUPERADMIN}


def may_open(actor: Actor) -> bool:
    return actor.is_superadmin or bool(actor.roles & HR_ROLES)


def _quarter(year: int, first_month: int) -> tuple[dt.date, dt.date]:
    last = first_month + 2
    return dt.date(year, first_month, 1), dt.date(year, last, calendar.monthrange(year, last)[1])


@transaction.atomic
def open_year(actor: Actor, *, year: int, monthly: bool = False, pd_ids=()) -> list[Period]:
    """Triwulan I–IV and the annual period (and the twelve months if the region chooses), for
    the whole region or only the given PDs. A period already open is left as it is."""
    if not may_open(actor):
        raise PermissionDenied(gettext("Hanya admin BKPSDM yang dapat membuka periode penilaian kinerja."))
    if not 2000 <= int(year) <= 2100:
        raise KinerjaError(gettext("Tahun penilaian harus antara 2000 dan 2100."))
    pds = list(Unit.objects.filter(region=actor.region, pk__in=list(pd_ids), is_perangkat_daerah=True))
    if len(pds) != len(set(pd_ids)):
        raise KinerjaError(gettext("Perangkat daerah yang dipilih tidak ditemukan di pemerintah daerah ini."))
    specs = [(kind, 0, *_quarter(year, m)) for kind, m in QUARTERS]
    specs.append(("tahunan", 0, dt.date(year, 1, 1), dt.date(year, 12, 31)))
    if monthly:
        specs += [
            ("bulanan", m, dt.date(year, m, 1), dt.date(year, m, calendar.monthrange(year, m)[1])) for m in range(1, 13)
        ]
    out = []
    for kind, month, start, end in specs:
        period, created = Period.objects.get_or_create(
            region=actor.region,
            year=year,
            kind=kind,
            month=month,
            defaults={"starts_on": start, "ends_on": end, "opened_by": actor.user},
        )
        if pds:
            period.units.add(*pds)
        if created:
            record_event(region=actor.region, actor=actor.user, verb="kinerja.period_opened", obj=period)
        out.append(period)
    return out


@transaction.atomic
def close_period(actor: Actor, period_id: int) -> Period:
    if not may_open(actor):
        raise PermissionDenied(gettext("Hanya admin BKPSDM yang dapat menutup periode penilaian kinerja."))
    period = Period.objects.select_for_update().filter(region=actor.region, pk=period_id).first()
    if period is None:
        raise KinerjaError(gettext("Periode tidak ditemukan."))
    period.status = Period.Status.DITUTUP
    period.save(update_fields=["status"])
    record_event(region=actor.region, actor=actor.user, verb="kinerja.period_closed", obj=period)
    return period


def period_open_for(period: Period, employee) -> bool:
    """Open, and covering the employee's PD when it was opened for some PDs only."""
    if not period.is_open:
        return False
    pd_ids = [u.pk for u in period.units.all()]
    if not pd_ids:
        return True
    unit = employee.unit
    root = unit.pk if unit.is_perangkat_daerah else unit.perangkat_daerah_id
    return root in pd_ids


@transaction.atomic
def generate_drafts(actor: Actor, *, year: int) -> int:
    """SKP drafts for every employee with a placement in force and no SKP of the year yet (the
    assessor and unit from that placement; the seven BerAKHLAK values are data, and an ekspektasi
    khusus row is only written when the leader sets one), then every MPH cell of the year turned
    into an RHK of its person's draft (``year.rhk_from_mph_for_year``). The drafts are one
    INSERT … SELECT from the placements: the query count does not grow with the region, and no
    Python object is made per person, so opening a year stays fast at year's start."""
    from django.db.models import BooleanField, Case, CharField, DateTimeField, F, TextField, Value, When
    from django.utils import timezone

    from sikerja.organisation.models import Placement
    from sikerja.performance.models import Skp
    from sikerja.performance.services.bulk import insert_select

    if not may_open(actor):
        raise PermissionDenied(gettext("Hanya admin BKPSDM yang dapat menyiapkan draf SKP."))
    if not 2000 <= int(year) <= 2100:
        raise KinerjaError(gettext("Tahun penilaian harus antara 2000 dan 2100."))
    has = Skp.objects.filter(region=actor.region, year=year, is_current=True).values("employee_id")
    placed = (
        Placement.objects.filter(region=actor.region, employee__is_active=True).current().exclude(employee_id__in=has)
    )
    jpt = ["jpt_utama", "jpt_madya", "jpt_pratama"]
    blank = Value("", output_field=TextField())
    made = insert_select(
        Skp,
        placed,
        {
            "region": Value(actor.region.pk),
            "employee": F("employee_id"),
            "year": Value(int(year)),
            "assessor": F("assessor_id"),
            "unit": F("unit_id"),
            "form": Case(
                When(employee__position__kind__in=jpt, then=Value(Skp.Form.JPT.value)),
                default=Value(Skp.Form.JA_JF.value),
                output_field=CharField(),
            ),
            "status": Value(Skp.Status.DRAF.value, output_field=CharField()),
            "version": Value(1),
            "is_current": Value(True, output_field=BooleanField()),
            "dukungan_sumber_daya": blank,
            "skema_pertanggungjawaban": blank,
            "konsekuensi": blank,
            "return_notes": blank,
            "created_at": Value(timezone.now(), output_field=DateTimeField()),
        },
    )
    from sikerja.performance.services.year import rhk_from_mph_for_year

    rhks = rhk_from_mph_for_year(actor, year=int(year))
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="kinerja.drafts_generated",
        obj=actor.region,
        changes={"year": year, "count": made, "rhk_from_mph": rhks},
    )
    return made
