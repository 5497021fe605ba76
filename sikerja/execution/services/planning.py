"""Perencanaan (MEK-1, KIN-1; PPU Lampiran A angka 1 huruf a-c and Lampiran C): the unit's
perjanjian kinerja, signed by its leader and countersigned by the leader's superior; each
target handed to the official responsible for it (and handed on down the cascade, e.g. Setda:
Sekda -> Asisten -> Kepala Bagian); the strategy per target; works linked to it.

When the leader signs, the agreement becomes a naskah dinas (issue 12 item 1): the letters
engine numbers it in the region's scheme and renders it (PDF+DOCX) in the form of PermenPANRB
53/2014, signed by the leader (pihak pertama) or their Plh/Plt — ``issue_document`` refuses
anyone else; the superior's countersignature is recorded on the agreement afterwards. Each
transition locks the agreement (or target) row first."""

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
from sikerja.execution.models import PerformanceAgreement, PerformanceTarget, Strategy, Work
from sikerja.execution.rules import planning as prules
from sikerja.execution.services.common import ExecutionError, acting_for, employee_of, text
from sikerja.notifications.services import notify
from sikerja.organisation.models import Employee, Unit

MAX_TARGETS = 50
FORMS = {"individu": "Individu", "tim_kerja": "Tim kerja"}


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


def locked_target(actor: Actor, target_id) -> PerformanceTarget:
    found = (
        PerformanceTarget.objects.select_for_update(of=("self",))
        .select_related("agreement__unit", "responsible__position__unit", "responsible__unit")
        .filter(agreement__region=actor.region, pk=target_id)
        .first()
    )
    if found is None:
        raise Http404(gettext("Target kinerja tidak ditemukan di pemerintah daerah ini."))
    return found


def hander_of(target: PerformanceTarget) -> int:
    """Who hands the target now: its current responsible (handing it on down the cascade), or
    the agreement's leader when nobody holds it yet."""
    return target.responsible_id or target.agreement.leader_id


def _home_unit(employee: Employee) -> Unit | None:
    return employee.position.unit if employee.position_id and employee.position.is_leader else employee.unit


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


def _flag(value) -> bool:
    return value in (True, "1", "on", "true", "ya")


@transaction.atomic
def record_strategy(
    *, actor: Actor, target_id, form, needs_other_units=False, needs_ketua=False, description
) -> Strategy:
    """The responsible official's strategy (PPU Lampiran A angka 1 huruf c): by individuals or a
    team, whether officials of other units are needed, whether a ketua is needed."""
    target = locked_target(actor, target_id)
    may, on_behalf_of = acting_for(actor, target.responsible_id)
    if not may:
        raise PermissionDenied(gettext("Strategi dirumuskan oleh penanggung jawab target (atau Plh./Plt.-nya)."))
    if form not in FORMS:
        raise ExecutionError(gettext("Pilih bentuk pelaksanaan: individu atau tim kerja."))
    ketua = _flag(needs_ketua)
    if form == "individu" and ketua:
        raise ExecutionError(gettext("Ketua tim hanya diperlukan bila target dikerjakan oleh tim kerja."))
    strategy = Strategy.objects.create(
        target=target,
        form=form,
        needs_other_units=_flag(needs_other_units),
        needs_ketua=ketua,
        description=text(description, "Uraian strategi"),
        decided_by=target.responsible,
        on_behalf_of=target.responsible if on_behalf_of else None,
    )
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="agreement.strategy_recorded",
        obj=target.agreement,
        on_behalf_of=on_behalf_of,
        changes={"target": target.pk, "strategy": strategy.pk, "form": form},
    )
    return strategy


def _strategy(actor: Actor, strategy_id) -> Strategy:
    found = (
        Strategy.objects.select_related("target__agreement", "target__responsible__position__unit")
        .filter(target__agreement__region=actor.region, pk=strategy_id)
        .first()
        if str(strategy_id).isascii() and str(strategy_id).isdigit()
        else None
    )
    if found is None:
        raise Http404(gettext("Strategi tidak ditemukan di pemerintah daerah ini."))
    return found


@transaction.atomic
def link_work(*, actor: Actor, strategy_id, work_id) -> Work:
    """An issued assignment serves the strategy's target (every work knows its target)."""
    strategy = _strategy(actor, strategy_id)
    responsible = strategy.target.responsible
    may, on_behalf_of = acting_for(actor, responsible.pk if responsible else None)
    if not may:
        raise PermissionDenied(gettext("Penugasan dikaitkan dengan target oleh penanggung jawab target."))
    work = (
        Work.objects.select_for_update(of=("self",)).filter(region=actor.region, pk=work_id).first()
        if str(work_id).isdigit()
        else None
    )
    if work is None:
        raise Http404(gettext("Pelaksanaan penugasan tidak ditemukan di pemerintah daerah ini."))
    home = _home_unit(responsible)
    if not home or work.owning_unit_id not in subtree_ids(home):
        raise ExecutionError(gettext("Hanya penugasan dengan unit pemilik kinerja di bawah Anda yang dapat dikaitkan."))
    if work.target_id and work.target_id != strategy.target_id:
        raise ExecutionError(gettext("Penugasan ini sudah melayani target lain."), code="already_decided")
    work.target, work.strategy = strategy.target, strategy
    work.save(update_fields=["target", "strategy"])
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="work.target_linked",
        obj=work,
        on_behalf_of=on_behalf_of,
        changes={"target": strategy.target_id, "strategy": strategy.pk},
    )
    return work


def responsible_strategy(actor: Actor, strategy_id) -> Strategy:
    """The strategy of the actor's region (else 404) whose target the actor answers for, in
    their own name or as Plh/Plt of the responsible official (else refused)."""
    strategy = _strategy(actor, strategy_id)
    responsible = strategy.target.responsible
    if not acting_for(actor, responsible.pk if responsible else None)[0]:
        raise PermissionDenied(gettext("Penugasan dari strategi dibuat oleh penanggung jawab target."))
    return strategy


def _outside_owning_unit(actor: Actor, owning_unit_id, members) -> list[str]:
    """Names of the chosen people who are not of the owning unit or a unit under it (their home
    leader must be asked, or they come from outside the region). An unknown unit is left to
    penugasan's own check."""
    owning = Unit.objects.filter(region=actor.region, pk=owning_unit_id).first() if str(owning_unit_id).isdigit() else None
    if owning is None:
        return []
    inside = subtree_ids(owning)
    ids = [m.employee_id for m in members if m.employee_id]
    names = [
        e.full_name
        for e in Employee.objects.filter(region=actor.region, pk__in=ids).exclude(unit_id__in=inside).order_by("name")
    ]
    return names + [m.external_name for m in members if not m.employee_id]


def propose_from_strategy(*, actor: Actor, strategy_id, **fields):
    """Create the assignment the strategy calls for through penugasan's own service (its rules,
    steps and letter apply); its work takes the strategy and target when the letter is issued.
    A strategy that needs nobody from other units (PPU Lampiran A angka 1 huruf c) takes its
    people from the owning unit: anyone else would start an involvement request it did not plan."""
    from sikerja.assignments import services as penugasan
    from sikerja.execution.models import StrategyAssignment

    with transaction.atomic():
        strategy = responsible_strategy(actor, strategy_id)
        if not strategy.needs_other_units:
            outside = _outside_owning_unit(actor, fields.get("owning_unit_id"), fields.get("members") or [])
            if outside:
                raise ExecutionError(
                    gettext(
                        "Strategi target ini tidak memerlukan pejabat dari unit lain, sedangkan %(names)s bukan "
                        "pegawai unit pemilik kinerja. Pilih pegawai unit pemilik kinerja, atau rumuskan strategi "
                        "yang memerlukan pejabat dari unit lain."
                    )
                    % {"names": ", ".join(outside)}
                )
        assignment = penugasan.propose(actor=actor, form=strategy.form, **fields)
        StrategyAssignment.objects.create(strategy=strategy, assignment=assignment)
        Work.objects.filter(assignment=assignment, target__isnull=True).update(
            target=strategy.target, strategy=strategy
        )
    return assignment


def year_choices(today: dt.date | None = None) -> list[int]:
    today = today or timezone.localdate()
    return [today.year - 1, today.year, today.year + 1]
