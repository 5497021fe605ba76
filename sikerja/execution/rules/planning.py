"""Pure rules of perencanaan (MEK-1, KIN-1): to whom a target of a perjanjian kinerja may be
handed (PPU Lampiran C angka 1-9 huruf a) and whether the plan must come before execution
(PPU Pasal 5 ayat (1)). Plain data in, a decision naming its article out."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sikerja.organisation.rules.placement import Profile

STAFF_KINDS = ("fungsional", "pelaksana")
UNIT_WORDS = {
    "asisten": gettext_lazy("Asisten"),
    "bagian": gettext_lazy("Kepala Bagian"),
    "subbagian": gettext_lazy("Kepala Sub Bagian"),
    "sekretariat": gettext_lazy("Sekretaris"),
    "bidang": gettext_lazy("Kepala Bidang"),
    "subbidang": gettext_lazy("Kepala Sub Bidang"),
    "seksi": gettext_lazy("Kepala Seksi"),
    "irban": gettext_lazy("Inspektur Pembantu"),
}


def _cite(profile: Profile, key: str, article: str | None = None) -> str:
    art = article or profile.entry(key).get("article") or ""
    return f"{profile.name} {art}".strip()


@dataclass(frozen=True)
class PlanFirst:
    required: bool
    article: str
    message: str


def plan_first(profile: Profile) -> PlanFirst:
    """Where the regulation orders perencanaan before pelaksanaan, a work starts in perencanaan
    and takes no progress report or result until its activity and budget plan is approved."""
    if profile.value("plan_before_execution"):
        art = _cite(profile, "plan_before_execution")
        return PlanFirst(
            True,
            art,
            _(
                "Rencana pelaksanaan kegiatan dan anggaran harus disetujui lebih dahulu sebelum pelaksanaan "
                "(laporan kemajuan dan hasil) (%(article)s)."
            )
            % {"article": art},
        )
    return PlanFirst(
        False, "", _("%(profile)s tidak mewajibkan rencana disetujui sebelum pelaksanaan.") % {"profile": profile.name}
    )


@dataclass(frozen=True)
class HandoverRule:
    to_unit_types: tuple[str, ...]
    to_staff: bool
    article: str
    regulated: bool  # False: the profile names no pattern for this unit type

    def describe(self) -> str:
        who = [str(UNIT_WORDS.get(t, t)) for t in self.to_unit_types]
        if self.to_staff:
            who.append(_("pejabat fungsional/pelaksana"))
        return "/".join(who) if who else _("pejabat di bawah Anda")


def handover_rule(profile: Profile, unit_types_up: list[str]) -> HandoverRule:
    """The pattern of the nearest unit (the agreement's unit, then its ancestors) whose type the
    profile lists; unregulated where none is listed."""
    value = profile.value("target_handover") or {}
    for unit_type in unit_types_up:
        entry = value.get(unit_type)
        if entry:
            return HandoverRule(
                tuple(entry.get("to_unit_types") or ()),
                bool(entry.get("to_staff")),
                _cite(profile, "target_handover", entry.get("article")),
                True,
            )
    return HandoverRule((), True, "", False)


def check_handover(
    rule: HandoverRule,
    *,
    hander_id: int,
    responsible_id: int,
    in_subtree: bool,
    responsible_leads_unit_type: str | None,
    responsible_kind: str,
) -> str | None:
    """Why ``responsible`` may not take the target from ``hander`` (None when they may): they
    must be under the hander (in the hander's unit or below it), and, where the profile names a
    pattern, lead a unit of a listed type or (where listed) be a JF/pelaksana."""
    if responsible_id == hander_id:
        return _("Target diserahkan kepada pejabat lain di bawah Anda, bukan kepada diri sendiri.")
    if not in_subtree:
        return _("Penanggung jawab target harus berada di unit Anda atau unit di bawahnya.")
    if not rule.regulated:
        return None
    if responsible_leads_unit_type in rule.to_unit_types:
        return None
    if rule.to_staff and responsible_kind in STAFF_KINDS and responsible_leads_unit_type is None:
        return None
    return _("Target perjanjian kinerja diserahkan kepada %(who)s (%(article)s).") % {
        "who": rule.describe(),
        "article": rule.article,
    }
