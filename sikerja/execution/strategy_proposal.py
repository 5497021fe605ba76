"""The penunjukan form opened from a strategy (MEK-1, PPU Lampiran A angka 1 huruf c): which
target the assignment will serve, and what the form is prefilled with. The form stays
penugasan's own; on submit its view calls ``planning.propose_from_strategy`` so the
``StrategyAssignment`` is recorded and the work takes the target when its letter is issued.

Who may open it is the service's own check (``planning.responsible_strategy``): a strategy of
another region or unknown is a 404, anyone but the responsible official (or their Plh/Plt) is
refused with the reason."""

from __future__ import annotations

from dataclasses import dataclass

from sikerja.accounts.access import Actor
from sikerja.execution.models import PerformanceTarget, Strategy
from sikerja.execution.services import planning
from sikerja.organisation.models import Unit


@dataclass(frozen=True)
class StrategyProposal:
    strategy: Strategy
    target: PerformanceTarget
    home_unit: Unit | None  # the responsible official's unit: the owning unit it proposes for

    @property
    def is_team(self) -> bool:
        return self.strategy.form == "tim_kerja"

    @property
    def candidate_unit(self) -> int | None:
        """A strategy that needs nobody from other units: the candidate search starts in the
        responsible official's unit."""
        if self.strategy.needs_other_units or self.home_unit is None:
            return None
        return self.home_unit.pk

    def initial(self, unit_choices) -> dict:
        """Prefilled values. They become the letter's text, which stays in Bahasa Indonesia
        whatever the page's language, so they are not translated."""
        t, agreement = self.target, self.target.agreement
        purpose = f"Mencapai sasaran {t.sasaran} dalam perjanjian kinerja {agreement.unit.name} tahun {agreement.year}."
        if self.strategy.description:
            purpose = f"{purpose} {self.strategy.description}"
        values = {
            "form": self.strategy.form,
            "title": t.indikator[:300],
            "purpose": purpose[:2000],
            "target": f"{t.indikator}: {t.target}"[:2000],
        }
        offered = {pk for pk, _label in unit_choices}
        if self.home_unit is not None and self.home_unit.pk in offered:
            values["owning_unit"] = self.home_unit.pk
        return values


def proposal_for(actor: Actor, raw_id) -> StrategyProposal | None:
    """None without ``?strategi=``; otherwise the strategy the actor may propose from (404 or
    refused otherwise, nothing written)."""
    raw = str(raw_id or "").strip()
    if not raw:
        return None
    strategy = planning.responsible_strategy(actor, raw)
    target = PerformanceTarget.objects.select_related(
        "agreement__unit", "responsible__position__unit", "responsible__unit"
    ).get(pk=strategy.target_id)
    home = planning._home_unit(target.responsible) if target.responsible_id else None
    return StrategyProposal(strategy=strategy, target=target, home_unit=home)
