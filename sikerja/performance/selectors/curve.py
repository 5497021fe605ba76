"""The curve check of a unit for one period (KIN-9): its individual predikat against the
pattern its organisation predikat fixes, per unit or per PD as the profile says."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count
from django.http import Http404
from django.utils.translation import gettext

from sikerja.accounts.access import Actor
from sikerja.assignments import officials
from sikerja.organisation.models import Unit
from sikerja.performance.models import Evaluation, Period, UnitPredikat
from sikerja.performance.rules import curve
from sikerja.performance.rules.predikat import PREDIKAT_LABELS, PREDIKATS


@dataclass
class Bar:
    key: str
    label: str
    count: int
    share: float  # percent of the unit
    low: float  # allowed band, percent
    high: float
    fits: bool

    @property
    def band_width(self) -> float:
        return max(0.0, self.high - self.low)


@dataclass
class CurveView:
    unit: Unit
    checked_unit: Unit  # the unit whose predikat and people are read (the PD when scope = pd)
    period: Period
    setting: UnitPredikat | None
    n: int
    counts: dict[str, int]
    breaches: list[curve.Breach]
    bars: list[Bar]
    settings: curve.CurveSettings
    final: int

    @property
    def impossible(self) -> bool:
        """No distribution of this many people fits the pattern (small units, exact reading)."""
        return self.setting is not None and any(b.low > b.high for b in self.bars)

    @property
    def fits(self) -> bool:
        return self.setting is not None and not self.breaches


def unit_curve(actor: Actor, unit_id, period_id) -> CurveView:
    unit = Unit.objects.filter(region=actor.region, pk=unit_id).select_related("perangkat_daerah").first()
    if unit is None or not actor.sees_staff_of(unit):
        raise Http404(gettext("Unit tidak ditemukan atau di luar cakupan Anda."))
    period = Period.objects.filter(region=actor.region, pk=period_id).first()
    if period is None:
        raise Http404(gettext("Periode tidak ditemukan."))
    s = curve.settings_from_profile(actor.region.profile)
    checked = officials.pd_root(unit) if s.scope == "pd" else unit
    setting = UnitPredikat.objects.filter(unit=checked, period=period).first()
    subtree = Unit.objects.descendants(checked, include_self=True).filter(region=actor.region).values("pk")
    rows = (
        Evaluation.objects.filter(period=period, unit_id__in=subtree)
        .values("predikat", "status")
        .annotate(n=Count("pk"))
    )
    counts = {p: 0 for p in PREDIKATS}
    final = 0
    for r in rows:
        counts[r["predikat"]] += r["n"]
        final += r["n"] if r["status"] == Evaluation.Status.FINAL else 0
    n = sum(counts.values())
    breaches = curve.check(setting.predikat, counts, s) if setting else []
    band = curve.pattern(setting.predikat, n, s) if setting else {p: (0, n) for p in PREDIKATS}

    def pct(k):
        return round(100 * k / n, 1) if n else 0.0

    bars = []
    for p in PREDIKATS:
        lo, hi = band[p]
        bars.append(
            Bar(p, gettext(PREDIKAT_LABELS[p]), counts[p], pct(counts[p]), pct(lo), pct(min(hi, n)), lo <= counts[p] <= hi)
        )
    return CurveView(unit, checked, period, setting, n, counts, breaches, bars, s, final)


def unit_evaluations(actor: Actor, unit_id, period_id):
    """The appraisals counted in a unit's curve (for the XLSX export), after the same checks."""
    view = unit_curve(actor, unit_id, period_id)
    subtree = Unit.objects.descendants(view.checked_unit, include_self=True).filter(region=actor.region).values("pk")
    rows = (
        Evaluation.objects.filter(period=view.period, unit_id__in=subtree)
        .select_related("employee__position", "unit", "assessor")
        .order_by("unit__name", "employee__name")
    )
    return view, list(rows)
