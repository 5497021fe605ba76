"""Perencanaan (MEK-1, KIN-1; PPU Lampiran A angka 1 huruf a-c and Lampiran C): the unit's
perjanjian kinerja, signed by its leader and countersigned by the leader's superior; each
target handed to the official responsible for it (and handed on down the cascade, e.g. Setda:
Sekda -> Asisten -> Kepala Bagian); the strategy per target; works linked to it.

When the leader signs, the agreement becomes a naskah dinas (issue 12 item 1): the letters
engine numbers it in the region's scheme and renders it (PDF+DOCX) in the form of PermenPANRB
53/2014, signed by the leader (pihak pertama) or their Plh/Plt — ``issue_document`` refuses
anyone else; the superior's countersignature is recorded on the agreement afterwards. Each
transition locks the agreement (or target) row first.

The strategy per target lives in ``strategy`` and the shared target row lock in ``targets``;
their names are re-exported here because views, the API, the demo and tests call them as
``planning.<name>``."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from sikerja.accounts.access import Actor
from sikerja.assignments import officials
from sikerja.assignments.actions.roles import nearest_leader, subtree_ids
from sikerja.audit.services import record_event
from sikerja.execution.models import PerformanceAgreement, PerformanceTarget, Work
from sikerja.execution.rules import planning as prules
from sikerja.execution.services.common import ExecutionError, acting_for, employee_of, text
from sikerja.execution.services.strategy import (  # noqa: F401  (re-exported for callers)
    FORMS,
    link_work,
    propose_from_strategy,
    record_strategy,
    responsible_strategy,
)
from sikerja.execution.services.targets import _home_unit, locked_target
from sikerja.notifications.services import notify
from sikerja.organisation.models import Employee, Unit

MAX_TARGETS = 50


def superior_of(unit: Unit) -> Employee | None:
    """The pihak kedua: the leader above the unit. None for a perangkat daerah root, whose
    perjanjian kinerja is signed with the kepala daerah outside this system."""
    return nearest_leader(unit.parent) if unit.parent_id else None


def _target_rows(rows) -> list[dict]:
    if not isinstance(rows, list | tuple) or not rows:
        raise ExecutionError(gettext("Isi paling sedikit satu target: sasaran, indikator kinerja dan target."))
    if len(rows) > MAX_TARGETS:
        raise ExecutionError(gettext("Paling banyak %(MAX_TARGETS)s target dalam satu perjanjian kinerja.") % {"MAX_TARGETS": MAX_TARGETS})
    out = []
    for n, row in enumerate(rows, 1):
        row = row if isinstance(row, dict) else {}
        out.append(
            {
                "order": n,
                "sasaran": text(row.get("sasaran"), f"Sasaran baris {n}", limit=500),
                "indikator": text(row.get("indikator"), f"Indikator kinerja baris {n}", limit=500),
                "target": text(row.get("target"), f"Target baris {n}", limit=200),
            }
        )
    return out


def _year(value) -> int:
    today = timezone.localdate()
    raw = str(value if value is not None else "").strip()
    if not raw.isdigit() or len(raw) != 4 or not today.year - 1 <= int(raw) <= today.year + 1:
        raise ExecutionError(gettext("Tahun perjanjian kinerja diisi %(year)s, %(year_2)s atau %(year_3)s.") % {"year": today.year - 1, "year_2": today.year, "year_3": today.year + 1})
    return int(raw)


def _leader_or_refuse(actor: Actor, unit: Unit, message: str) -> tuple[Employee, Employee | None]:
    leader = officials.leader_of(unit)
    may, on_behalf_of = acting_for(actor, leader.pk if leader else None)
    if not may:
        raise PermissionDenied(message)
    return leader, on_behalf_of


def locked_agreement(actor: Actor, agreement_id) -> PerformanceAgreement:
    found = (
        PerformanceAgreement.objects.select_for_update(of=("self",))
        .select_related("unit", "leader")
        .filter(region=actor.region, pk=agreement_id)
        .first()
    )
    if found is None:
        raise Http404(gettext("Perjanjian kinerja tidak ditemukan di pemerintah daerah ini."))
    return found


@transaction.atomic
def create_agreement(*, actor: Actor, unit_id, year, targets) -> PerformanceAgreement:
    employee_of(actor)
    unit = Unit.objects.filter(region=actor.region, pk=unit_id).first() if str(unit_id).isdigit() else None
    if unit is None:
        raise Http404(gettext("Unit tidak ditemukan di pemerintah daerah ini."))
    leader, on_behalf_of = _leader_or_refuse(
        actor, unit, "Perjanjian kinerja unit disusun oleh pimpinan unit itu (atau Plh./Plt.-nya)."
    )
    year, rows = _year(year), _target_rows(targets)
    try:
        with transaction.atomic():
            agreement = PerformanceAgreement.objects.create(
                region=actor.region,
                unit=unit,
                year=year,
                leader=leader,
                superior=superior_of(unit),
                created_by=actor.user,
            )
    except IntegrityError:
        raise ExecutionError(
            gettext("Perjanjian kinerja %(name)s tahun %(year)s sudah ada.") % {"name": unit.name, "year": year}, code="already_decided"
        ) from None
    PerformanceTarget.objects.bulk_create([PerformanceTarget(agreement=agreement, **r) for r in rows])
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="agreement.created",
        obj=agreement,
        on_behalf_of=on_behalf_of,
        changes={"year": year, "targets": len(rows)},
    )
    return agreement


@transaction.atomic
def replace_targets(*, actor: Actor, agreement_id, targets) -> PerformanceAgreement:
    agreement = locked_agreement(actor, agreement_id)
    _, on_behalf_of = _leader_or_refuse(actor, agreement.unit, "Target diubah oleh pimpinan unit pemilik perjanjian.")
    if agreement.status != PerformanceAgreement.Status.DRAF:
        raise ExecutionError(gettext("Perjanjian kinerja yang sudah ditandatangani tidak dapat diubah."), code="wrong_state")
    rows = _target_rows(targets)
    agreement.targets.all().delete()
    PerformanceTarget.objects.bulk_create([PerformanceTarget(agreement=agreement, **r) for r in rows])
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="agreement.targets_set",
        obj=agreement,
        on_behalf_of=on_behalf_of,
        changes={"targets": len(rows)},
    )
    return agreement


def _url(agreement) -> str:
    return reverse("pelaksanaan:agreement", args=[agreement.pk])


@transaction.atomic
def sign_agreement(*, actor: Actor, agreement_id) -> PerformanceAgreement:
    """The leader signs (pihak pertama); with no superior in the system (a PD head, signed with
    the kepala daerah) the agreement is in force at once."""
    agreement = locked_agreement(actor, agreement_id)
    may, on_behalf_of = acting_for(actor, agreement.leader_id)
    if not may:
        raise PermissionDenied(gettext("Perjanjian kinerja ditandatangani oleh pimpinan unit yang menyusunnya (pihak pertama)."))
    if agreement.status != PerformanceAgreement.Status.DRAF:
        raise ExecutionError(gettext("Perjanjian kinerja ini sudah ditandatangani."), code="already_decided")
    agreement.signed_at = timezone.now()
    agreement.superior = superior_of(agreement.unit)
    agreement.status = (
        PerformanceAgreement.Status.DITANDATANGANI if agreement.superior else PerformanceAgreement.Status.DISETUJUI
    )
    agreement.document = _issue_document(actor, agreement)
    agreement.save(update_fields=["signed_at", "superior", "status", "document"])
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="agreement.signed",
        obj=agreement,
        on_behalf_of=on_behalf_of,
        changes={"document": agreement.document.number},
    )
    if agreement.superior:
        notify(
            agreement.superior,
            "agreement.signed",
            agreement,
            title=f"Perjanjian kinerja {agreement.unit.name} {agreement.year} menunggu tanda tangan Anda"[:200],
            url=_url(agreement),
            region=actor.region,
        )
    return agreement


def _issue_document(actor: Actor, agreement: PerformanceAgreement):
    """Number and render the PK as a naskah dinas of the agreement's unit; the letters engine
    checks that the actor is the leader (pihak pertama) or their running Plh/Plt."""
    from django.core.exceptions import ValidationError

    from sikerja.execution.agreement_document import agreement_payload
    from sikerja.letters.models import DocumentKind
    from sikerja.letters.services import issue_document

    try:
        return issue_document(
            actor=actor,
            kind=DocumentKind.PERJANJIAN_KINERJA,
            issuing_unit=agreement.unit,
            payload=agreement_payload(agreement),
            official=agreement.leader,
        )
    except PermissionDenied:
        raise
    except ValidationError as exc:
        raise ExecutionError(exc.messages) from exc


@transaction.atomic
def countersign_agreement(*, actor: Actor, agreement_id) -> PerformanceAgreement:
    agreement = locked_agreement(actor, agreement_id)
    may, on_behalf_of = acting_for(actor, agreement.superior_id)
    if not may:
        raise PermissionDenied(gettext("Perjanjian kinerja ditandatangani kedua oleh atasan pimpinan unit (pihak kedua)."))
    if agreement.status != PerformanceAgreement.Status.DITANDATANGANI:
        raise ExecutionError(
            gettext("Perjanjian kinerja ini belum ditandatangani pimpinan unit atau sudah disetujui."), code="wrong_state"
        )
    agreement.status = PerformanceAgreement.Status.DISETUJUI
    agreement.superior_signed_at, agreement.superior_signed_by = timezone.now(), actor.employee
    agreement.save(update_fields=["status", "superior_signed_at", "superior_signed_by"])
    record_event(
        region=actor.region, actor=actor.user, verb="agreement.countersigned", obj=agreement, on_behalf_of=on_behalf_of
    )
    notify(
        agreement.leader,
        "agreement.countersigned",
        agreement,
        title=f"Perjanjian kinerja {agreement.unit.name} {agreement.year} berlaku"[:200],
        url=_url(agreement),
        region=actor.region,
    )
    return agreement


def hander_of(target: PerformanceTarget) -> int:
    """Who hands the target now: its current responsible (handing it on down the cascade), or
    the agreement's leader when nobody holds it yet."""
    return target.responsible_id or target.agreement.leader_id


@transaction.atomic
def hand_target(*, actor: Actor, target_id, responsible_id) -> PerformanceTarget:
    target = locked_target(actor, target_id)
    agreement = target.agreement
    if agreement.status != PerformanceAgreement.Status.DISETUJUI:
        raise ExecutionError(
            gettext("Target diserahkan setelah perjanjian kinerja ditandatangani kedua pihak."), code="wrong_state"
        )
    hander = Employee.objects.select_related("position__unit", "unit").get(pk=hander_of(target))
    may, on_behalf_of = acting_for(actor, hander.pk)
    if not may:
        raise PermissionDenied(gettext("Target ini diserahkan oleh pimpinan unit atau penanggung jawabnya saat ini."))
    if Work.objects.filter(target=target).exists():
        raise ExecutionError(gettext("Target ini sudah dilaksanakan melalui penugasan; penanggung jawabnya tidak diubah."))
    responsible = (
        Employee.objects.select_related("position__unit", "unit")
        .filter(region=actor.region, pk=responsible_id, is_active=True)
        .first()
        if str(responsible_id).isdigit()
        else None
    )
    if responsible is None:
        raise ExecutionError(gettext("Pilih pejabat penanggung jawab dari pemerintah daerah ini."))
    home = _home_unit(hander)
    led_type = (
        responsible.position.unit.unit_type if responsible.position_id and responsible.position.is_leader else None
    )
    unit_types_up = [u.unit_type for u in reversed(list(agreement.unit.ancestors(include_self=True)))]
    rule = prules.handover_rule(officials.profile_of(actor.region), unit_types_up)
    problem = prules.check_handover(
        rule,
        hander_id=hander.pk,
        responsible_id=responsible.pk,
        in_subtree=bool(home and responsible.unit_id in subtree_ids(home)),
        responsible_leads_unit_type=led_type,
        responsible_kind=responsible.position.kind if responsible.position_id else "",
    )
    if problem:
        raise ExecutionError(problem)
    previous = target.responsible_id
    target.responsible, target.handed_by, target.handed_at = responsible, hander, timezone.now()
    target.save(update_fields=["responsible", "handed_by", "handed_at"])
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="agreement.target_handed",
        obj=agreement,
        on_behalf_of=on_behalf_of,
        changes={"target": target.pk, "from": previous, "to": responsible.pk, "article": rule.article},
    )
    notify(
        responsible,
        "agreement.target_handed",
        agreement,
        title=f"Anda penanggung jawab target: {target.indikator}"[:200],
        url=_url(agreement),
        region=actor.region,
    )
    return target


def year_choices(today: dt.date | None = None) -> list[int]:
    today = today or timezone.localdate()
    return [today.year - 1, today.year, today.year + 1]
