"""Writes of the process catalogue (PB-1, PB-5)."""

from __future__ import annotations

from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext

from sikerja.accounts.access import Actor
from sikerja.audit.services import record_event
from sikerja.organisation.models import Unit
from sikerja.processes.models import Participation, Process, ProcessKind
from sikerja.processes.services.common import ProcessError, require_writer, text

MAX_LEVEL = 9


def _unit(actor: Actor, unit_id) -> Unit:
    unit = Unit.objects.filter(region=actor.region, pk=unit_id).first()
    if unit is None:
        raise ProcessError(gettext("Unit tidak ditemukan di pemerintah daerah ini."))
    return unit


@transaction.atomic
def create_process(*, actor: Actor, code, name, kind, owning_unit_id, parent_id=None, description="") -> Process:
    owning = _unit(actor, owning_unit_id)
    require_writer(actor, owning.pk)
    if kind not in ProcessKind.values:
        raise ProcessError(gettext("Jenis proses harus inti, manajemen atau pendukung."))
    parent = None
    if parent_id:
        parent = Process.objects.filter(region=actor.region, pk=parent_id).first()
        if parent is None:
            raise Http404(gettext("Proses induk tidak ditemukan."))
    level = parent.level + 1 if parent else 0
    if level > MAX_LEVEL:
        raise ProcessError(gettext("Level proses paling dalam %(MAX_LEVEL)s.") % {"MAX_LEVEL": MAX_LEVEL})
    code = text(code, "Kode", required=True, limit=40)
    if Process.objects.filter(region=actor.region, code=code).exists():
        raise ProcessError(gettext("Kode proses %(code)s sudah dipakai.") % {"code": code})
    process = Process.objects.create(
        region=actor.region,
        code=code,
        name=text(name, "Nama proses", required=True, limit=200),
        kind=kind,
        level=level,
        parent=parent,
        owning_unit=owning,
        description=text(description, "Uraian"),
    )
    record_event(region=actor.region, actor=actor.user, verb="process.created", obj=process, changes={"level": level})
    return process


@transaction.atomic
def set_participants(*, actor: Actor, process: Process, unit_ids: list[int], outside: list[str]) -> None:
    """Replace who takes part: units of the region, and parties outside it (one name a line)."""
    require_writer(actor, process.owning_unit_id)
    ids = {int(i) for i in unit_ids}
    units = list(Unit.objects.filter(region=actor.region, pk__in=ids))
    if len(units) != len(ids):
        raise ProcessError(gettext("Ada unit yang tidak ditemukan di pemerintah daerah ini."))
    names = []
    for raw in outside:
        name = text(raw, "Pihak luar", limit=200)
        if name and name not in names:
            names.append(name)
    if len(names) > 50 or len(units) > 200:
        raise ProcessError(gettext("Terlalu banyak peserta untuk satu proses."))
    process.participations.all().delete()
    Participation.objects.bulk_create(
        [Participation(process=process, unit=u) for u in units]
        + [Participation(process=process, outside_party=n) for n in names]
    )
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="process.participants_set",
        obj=process,
        changes={"units": sorted(u.pk for u in units), "outside": names},
    )
