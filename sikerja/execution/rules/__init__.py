"""Pure rules of pelaksanaan and pertanggungjawaban: plain data in, a decision that names its
article out. Every rule reads the region's profile and falls back to the national baseline
(PermenPANRB 7/2022) where the region's regulation is silent — and says so."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml
from django.utils.translation import gettext

from sikerja.organisation.rules.placement import Profile

NATIONAL_FILE = Path(__file__).resolve().parents[2] / "tenancy" / "profiles" / "nasional.yaml"
FROM_PROFILE, FROM_BASELINE = "profil", "baseline_nasional"

ROLE_WORDS = {
    "ppk": "Pejabat Penilai Kinerja",
    "pimpinan_unit": "Pimpinan Unit Organisasi",
    "pimpinan_pd": "Pimpinan Perangkat Daerah",
    "ketua": "ketua tim kerja",
    "anggota": "anggota tim kerja",
}


@functools.cache
def national_baseline() -> Profile:
    data = yaml.safe_load(NATIONAL_FILE.read_text(encoding="utf-8"))
    return Profile(name=data["name"], settings=data["settings"])


def _setting(profile: Profile, key: str, baseline: Profile | None):
    """(value, article cited, source) of a setting, from the region or else the baseline."""
    value = profile.value(key)
    if value not in (None, [], {}):
        return value, _cite(profile, key), FROM_PROFILE
    base = baseline or national_baseline()
    return base.value(key), _cite(base, key), FROM_BASELINE


def _cite(profile: Profile, key: str, article: str | None = None) -> str:
    art = article or profile.entry(key).get("article") or ""
    return profile.name if art == profile.name else f"{profile.name} {art}".strip()


def words(roles, conj: str = "dan/atau") -> str:
    items = [ROLE_WORDS.get(r, r.replace("_", " ")) for r in roles]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {conj} " + items[-1] if items else "-"


# --- TJ-1..3: reporting lines -------------------------------------------------------------------
@dataclass(frozen=True)
class ReportingLine:
    roles: tuple[str, ...]
    article: str
    source: str
    message: str

    @property
    def fallback(self) -> bool:
        return self.source == FROM_BASELINE


REPORTING_KEYS = {
    "individu": ("individual_reports_to", "Pegawai yang ditugaskan secara individu"),
    "anggota": ("member_reports_to", "Anggota tim kerja"),
    "ketua": ("ketua_reports_to", "Ketua tim kerja"),
}


def reporting_line(profile: Profile, who: str, *, baseline: Profile | None = None) -> ReportingLine:
    """To whom an individual assignee (TJ-1), a member (TJ-2) or a ketua (TJ-3) reports."""
    key, label = REPORTING_KEYS[who]
    roles, article, source = _setting(profile, key, baseline)
    message = f"{label} melapor kepada {words(roles or [])} ({article})."
    if source == FROM_BASELINE:
        message = f"{profile.name} tidak mengatur; dipakai baseline nasional: {message}"
    return ReportingLine(tuple(roles or ()), article, source, message)


@dataclass(frozen=True)
class RequestRule:
    addressees: tuple[str, ...]
    article: str
    source: str


def report_on_request(profile: Profile, *, baseline: Profile | None = None) -> RequestRule:
    """TJ-4: whom the pimpinan unit may ask for a report at any time."""
    value, article, source = _setting(profile, "report_on_request", baseline)
    return RequestRule(tuple(value or ()), article, source)


# --- MEK-1..3: three stages ---------------------------------------------------------------------
@dataclass(frozen=True)
class StageRule:
    plan_required: bool
    article: str
    message: str


def three_stages(profile: Profile) -> StageRule:
    """Where the regulation sets perencanaan-pelaksanaan-evaluasi (PPU Ps 5(1)), a result can be
    submitted only after the activity and budget plan is approved; elsewhere the plan is kept
    when it is written but not required (the regulation does not say it must come first)."""
    if profile.value("three_stage_mechanism"):
        art = _cite(profile, "three_stage_mechanism")
        return StageRule(
            True,
            art,
            gettext("Hasil baru dapat disampaikan setelah rencana pelaksanaan kegiatan dan anggaran disetujui (%(article)s).")
            % {"article": art},
        )
    return StageRule(
        False, "", gettext("%(profile)s tidak mewajibkan tahapan perencanaan sebelum pelaksanaan.") % {"profile": profile.name}
    )


# --- MEK-3, MEK-4: review chains ----------------------------------------------------------------
@dataclass(frozen=True)
class Stage:
    role: str  # ppk | ancestor | pimpinan_pd | pimpinan_unit
    label: str
    article: str
    accepts: bool = False
    unit_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class Chain:
    stages: tuple[Stage, ...]
    source: str
    article: str
    unit_type: str | None  # the type whose chain applies; None = the general chain


def review_chain(profile: Profile, pd_unit_type: str, *, baseline: Profile | None = None) -> Chain:
    """The review stages for a result of a unit inside a perangkat daerah of ``pd_unit_type``
    (PPU Lampiran C angka 1-9); the region's general chain for other types, the national
    baseline (PPK, then pimpinan unit) where the region has none."""
    value, article, source = _setting(profile, "review_chains", baseline)
    if not isinstance(value, dict):  # a region that only says "true" without stages
        value, article, source = _setting(Profile(name=profile.name, settings={}), "review_chains", baseline)
    by_type = value.get("by_unit_type") or {}
    raw, unit_type = (by_type[pd_unit_type], pd_unit_type) if pd_unit_type in by_type else (value["default"], None)
    owner = profile if source == FROM_PROFILE else (baseline or national_baseline())
    stages = tuple(
        Stage(
            s["role"],
            s["label"],
            _cite(owner, "review_chains", s.get("article")),
            bool(s.get("accepts")),
            tuple(s.get("unit_types") or ()),
        )
        for s in raw
    )
    if not stages or not stages[-1].accepts:
        raise ValueError(gettext("Rantai reviu harus berakhir pada pejabat yang menerima hasil."))
    return Chain(stages, source, article, unit_type)


@dataclass(frozen=True)
class ResolvedStage:
    stage: Stage
    official_id: int


def resolve_chain(chain: Chain, officials: dict) -> list[ResolvedStage]:
    """Officials for each stage. ``officials`` maps 'ppk', 'pimpinan_unit', 'pimpinan_pd' and
    ('ancestor', type) to employee ids (None when vacant). A vacant stage is skipped; the same
    official never reviews twice in a row (their later stage keeps, so acceptance is not lost)."""
    resolved: list[ResolvedStage] = []
    for stage in chain.stages:
        if stage.role == "ancestor":
            official = next(
                (officials.get(("ancestor", t)) for t in stage.unit_types if officials.get(("ancestor", t))), None
            )
        else:
            official = officials.get(stage.role)
        if not official:
            continue
        if resolved and resolved[-1].official_id == official:
            resolved.pop()
        resolved.append(ResolvedStage(stage, official))
    if not resolved or not resolved[-1].stage.accepts:
        last = chain.stages[-1]
        fallback = officials.get("pimpinan_unit") or officials.get("pimpinan_pd")
        if fallback:
            if resolved and resolved[-1].official_id == fallback:
                resolved.pop()
            resolved.append(ResolvedStage(Stage("pimpinan_unit", last.label, last.article, True), fallback))
    return resolved


# --- PEL-5: to whom a problem goes --------------------------------------------------------------
@dataclass(frozen=True)
class Escalation:
    unit_ids: tuple[int, ...]
    article: str
    source: str


def problem_addressees(
    profile: Profile, *, owning_unit_id: int, home_unit_ids, several_must_act: bool, baseline: Profile | None = None
) -> Escalation:
    """A team raises a kendala to its pimpinan unit (the owning unit's leader for a cross-unit
    team); when several leaders must act, to each home unit's leader as well (PPU Lampiran B.3.1
    b(3), B.3.2 d-e)."""
    _value, article, source = _setting(profile, "problem_escalation", baseline)
    units = [owning_unit_id]
    if several_must_act:
        units += [u for u in home_unit_ids if u and u not in units]
    return Escalation(tuple(units), article, source)


# --- TJ-3: reporting periods --------------------------------------------------------------------
PERIOD_DAYS = {"mingguan": 7, "dua_mingguan": 14}
PERIOD_MONTHS = {"bulanan": 1, "triwulanan": 3}


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    import calendar

    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def periods(starts_on: dt.date, ends_on: dt.date, period: str) -> list[tuple[dt.date, dt.date]]:
    """The reporting periods of an assignment: consecutive spans from its start, the last one
    cut at its end. A report falls due on each period's last day."""
    if period not in PERIOD_DAYS and period not in PERIOD_MONTHS:
        raise ValueError(gettext("Periode laporan '%(period)s' tidak dikenal.") % {"period": period})
    if ends_on < starts_on:
        raise ValueError(gettext("Akhir penugasan sebelum awalnya."))
    out, start, n = [], starts_on, 1
    while start <= ends_on and len(out) < 400:
        if period in PERIOD_DAYS:
            nxt = starts_on + dt.timedelta(days=PERIOD_DAYS[period] * n)
        else:
            nxt = _add_months(starts_on, PERIOD_MONTHS[period] * n)
        end = min(nxt - dt.timedelta(days=1), ends_on)
        out.append((start, end))
        start, n = end + dt.timedelta(days=1), n + 1
    return out


# --- PEL-6: rupiah ------------------------------------------------------------------------------
MAX_RUPIAH = Decimal("999999999999999")


def rupiah(value, label: str = "Jumlah anggaran") -> Decimal:
    """A budget amount in whole rupiah, >= 0. Accepts 1500000, "1.500.000", "Rp 1.500.000"."""
    text = str(value if value is not None else "").strip().replace("Rp", "").replace(" ", "")
    if "," in text:
        whole, _, cents = text.partition(",")
        if cents.strip("0"):
            raise ValueError(gettext("%(label)s dalam rupiah bulat, tanpa sen.") % {"label": label})
        text = whole
    text = text.replace(".", "") if text.count(".") != 1 or len(text.split(".")[1]) == 3 else text
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValueError(gettext("%(label)s harus berupa angka rupiah (mis. 1.500.000).") % {"label": label}) from None
    if not amount.is_finite() or amount != amount.to_integral_value():
        raise ValueError(gettext("%(label)s dalam rupiah bulat, tanpa sen.") % {"label": label})
    if amount < 0:
        raise ValueError(gettext("%(label)s tidak boleh negatif.") % {"label": label})
    if amount > MAX_RUPIAH:
        raise ValueError(gettext("%(label)s terlalu besar.") % {"label": label})
    return amount


def format_rupiah(amount) -> str:
    return "Rp" + f"{int(amount or 0):,}".replace(",", ".")
