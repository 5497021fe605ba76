"""Reads of proses bisnis, with constant query counts. Structure-like data: everyone of the
region reads it (as the peta jabatan); another region's objects are "not found"."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext

from sikerja.accounts.access import Actor, may_edit_process
from sikerja.inputs import SEARCH_TEXT
from sikerja.organisation.models import Unit
from sikerja.processes.models import (
    MapVersion,
    Monitoring,
    Participation,
    Process,
    ProcessMap,
    Review,
    Sop,
    SopActor,
    SopStep,
    SopVersion,
    VersionStatus,
)
from sikerja.processes.rules import relasi

NOT_FOUND = "Proses bisnis tidak ditemukan di pemerintah daerah ini."


def processes(actor: Actor, *, q: str = "", unit_id: int | None = None, position_id: int | None = None, kind: str = ""):
    """The catalogue, searchable by a word, a unit taking part (or owning) and a position that
    performs a step of one of its SOPs. The word is looked for in the process (code, name,
    description), its SOPs, and the names of the units, outside parties and pelaksana positions
    that take part — so "Bappeda" or "Pranata Komputer" finds their processes too."""
    qs = Process.objects.filter(region=actor.region).select_related("owning_unit", "parent")
    q = (q or "")[:SEARCH_TEXT].strip()
    if q:
        qs = qs.filter(
            Q(name__icontains=q)
            | Q(code__icontains=q)
            | Q(description__icontains=q)
            | Q(sops__name__icontains=q)
            | Q(owning_unit__name__icontains=q)
            | Q(participations__unit__name__icontains=q)
            | Q(participations__outside_party__icontains=q)
            | Q(sops__versions__actors__position__name__icontains=q)
        )
    if unit_id:
        qs = qs.filter(Q(owning_unit_id=unit_id) | Q(participations__unit_id=unit_id))
    if position_id:
        qs = qs.filter(sops__versions__actors__position_id=position_id)
    if kind:
        qs = qs.filter(kind=kind)
    return list(qs.distinct().order_by("level", "code"))


def get_process(actor: Actor, pk: int) -> Process:
    p = Process.objects.filter(region=actor.region, pk=pk).select_related("owning_unit", "parent").first()
    if p is None:
        raise Http404(NOT_FOUND)
    return p


@dataclass
class ProcessPage:
    process: Process
    children: list
    participations: list
    maps: list
    sops: list
    may_edit: bool
    assignments: list = field(default_factory=list)


# A team that never ran (refused, withdrawn) does not "run" the process.
RUNNING_STATUSES = ("proses", "diterbitkan", "dicabut")


def assignments_running(actor: Actor, process: Process) -> list:
    """The teams/assignments that name the process, only those the actor may see (the
    assignments' own policy, ``restrict``); one query whatever their number."""
    from sikerja.assignments.selectors import visible_assignments  # assignments name processes, not the reverse

    return list(
        visible_assignments(actor)
        .filter(process=process, status__in=RUNNING_STATUSES)
        .select_related("owning_unit")
        .order_by("-starts_on", "-pk")
    )


def choosable_for_assignment(actor: Actor, unit_id: int | None = None) -> tuple[list, list]:
    """Active processes of the actor's region a penugasan may name: (those the unit or a unit
    above it owns or takes part in — a Dinas's process is its Bidang's too —, the others). Two
    queries."""
    qs = Process.objects.filter(region=actor.region, is_active=True).select_related("owning_unit").order_by("level", "code")
    if not unit_id:
        return [], list(qs)
    node = Unit.objects.with_tree_fields().filter(region=actor.region, pk=unit_id).first()
    chain = list(node.tree_path) if node else []
    found = list(
        qs.annotate(takes_part=Exists(Participation.objects.filter(process=OuterRef("pk"), unit_id__in=chain)))
    )
    own = {p.pk for p in found if p.owning_unit_id in chain or p.takes_part}
    return [p for p in found if p.pk in own], [p for p in found if p.pk not in own]


def process_page(actor: Actor, pk: int) -> ProcessPage:
    p = get_process(actor, pk)
    maps = list(
        ProcessMap.objects.filter(process=p).prefetch_related(
            Prefetch("versions", queryset=MapVersion.objects.order_by("-number"))
        )
    )
    sops = list(
        Sop.objects.filter(process=p).prefetch_related(
            Prefetch("versions", queryset=SopVersion.objects.order_by("-number"))
        )
    )
    return ProcessPage(
        process=p,
        children=list(Process.objects.filter(parent=p).select_related("owning_unit")),
        participations=list(p.participations.select_related("unit")),
        maps=maps,
        sops=sops,
        may_edit=may_edit_process(actor, p.owning_unit_id),
        assignments=assignments_running(actor, p),
    )


def get_map_version(actor: Actor, pk: int) -> MapVersion:
    v = (
        MapVersion.objects.filter(map__process__region=actor.region, pk=pk)
        .select_related("map__process__owning_unit", "created_by", "approved_by")
        .first()
    )
    if v is None:
        raise Http404(gettext("Peta tidak ditemukan di pemerintah daerah ini."))
    return v


def map_reviews(version: MapVersion):
    return list(
        Review.objects.filter(map_version__map=version.map).select_related("map_version", "new_map_version", "reviewer")
    )


def get_sop_version(actor: Actor, pk: int) -> SopVersion:
    v = (
        SopVersion.objects.filter(sop__region=actor.region, pk=pk)
        .select_related("sop__owning_unit", "sop__process", "approver__position")
        .prefetch_related(
            Prefetch("actors", queryset=SopActor.objects.select_related("position__unit")),
            Prefetch("steps", queryset=SopStep.objects.select_related("actor__position").order_by("no")),
        )
        .first()
    )
    if v is None:
        raise Http404(gettext("SOP tidak ditemukan di pemerintah daerah ini."))
    return v


def sop_reviews(version: SopVersion):
    return list(
        Review.objects.filter(sop_version__sop=version.sop).select_related(
            "sop_version", "new_sop_version", "reviewer", "monitoring"
        )
    )


def sop_monitorings(version: SopVersion):
    return list(
        Monitoring.objects.filter(sop_version__sop=version.sop)
        .select_related("assessor", "sop_version")
        .prefetch_related("items__step")
        .order_by("-due_on")
    )


def sops(actor: Actor):
    return list(
        Sop.objects.filter(region=actor.region)
        .select_related("owning_unit", "process")
        .prefetch_related("versions")
        .order_by("name")
    )


def overdue_monitorings(actor: Actor, today=None):
    """Monitorings past due and not done, of the SOPs of units the actor leads (their subtree),
    or of the whole region for region-wide roles."""
    today = today or timezone.localdate()
    qs = Monitoring.objects.filter(
        region=actor.region, done_on__isnull=True, due_on__lt=today, sop_version__status=VersionStatus.APPROVED
    ).select_related("sop_version__sop__owning_unit")
    scope = actor.scope_unit_ids
    if scope is not None:
        own = set(scope)
        emp = actor.employee
        if emp and emp.position_id and emp.position.is_leader:
            own.add(emp.position.unit_id)
        qs = qs.filter(sop_version__sop__owning_unit_id__in=own)
    return list(qs.order_by("due_on"))


def relasi_map(actor: Actor, *, unit_id: int | None = None):
    procs = processes(actor, unit_id=unit_id)
    parts = list(Participation.objects.filter(process__in=procs).select_related("unit"))
    columns, rows = relasi.matrix(procs, parts)
    return columns, rows, relasi.diagram(columns, rows)


def for_unit(actor: Actor, unit_id: int):
    """What a unit's page lists: the processes it owns or takes part in, and its SOPs (owned, or
    with one of its positions as pelaksana)."""
    procs = list(
        Process.objects.filter(region=actor.region)
        .filter(Q(owning_unit_id=unit_id) | Q(participations__unit_id=unit_id))
        .distinct()
        .order_by("level", "code")
    )
    the_sops = list(
        Sop.objects.filter(region=actor.region)
        .filter(Q(owning_unit_id=unit_id) | Q(versions__actors__position__unit_id=unit_id))
        .distinct()
        .prefetch_related(Prefetch("versions", queryset=SopVersion.objects.order_by("-number")))
        .order_by("name")
    )
    return procs, the_sops


def steps_of_position(actor: Actor, position_id: int):
    return list(
        SopStep.objects.filter(
            version__sop__region=actor.region, actor__position_id=position_id, version__status=VersionStatus.APPROVED
        )
        .select_related("version__sop")
        .order_by("version__sop__name", "no")
    )
