"""The strategy per performance target (PPU Lampiran A angka 1 huruf c): the responsible
official records how the target is carried out (by individuals or a team, whether officials of
other units or a ketua are needed), links issued assignments to it, and proposes the assignment
it calls for through penugasan's own service. Split from ``planning``, which re-exports these
names for its callers."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext

from sikerja.accounts.access import Actor
from sikerja.assignments.actions.roles import subtree_ids
from sikerja.audit.services import record_event
from sikerja.execution.models import Strategy, Work
from sikerja.execution.services.common import ExecutionError, acting_for, text
from sikerja.execution.services.targets import _home_unit, locked_target
from sikerja.organisation.models import Employee, Unit

FORMS = {"individu": "Individu", "tim_kerja": "Tim kerja"}


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
    owning = (
        Unit.objects.filter(region=actor.region, pk=owning_unit_id).first() if str(owning_unit_id).isdigit() else None
    )
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
