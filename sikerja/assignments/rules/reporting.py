"""TJ-1..3: to whom an individual assignee, a team member and a ketua report.

TJ-1: MU Ps 16, KL Ps 9 (pimpinan unit); BU Ps 29, BT Ps 17 (PPK/atasan langsung); PPU Ps 12(3)
(PPK dan/atau pimpinan unit). TJ-2: the ketua (all). TJ-3: BU Ps 30(2), BT Ps 18(2) (pimpinan
unit dan/atau pimpinan PD); PPU Ps 12(4) (PPK dan/atau pimpinan unit); MU Ps 17(2), KL Ps 10(2)
(pimpinan unit). A silent profile falls back to the national baseline, and says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from .common import FROM_BASELINE, FROM_PROFILE, Profile, cite, national_baseline, words


@dataclass(frozen=True)
class ReportingDecision:
    roles: tuple[str, ...]  # several = "dan/atau"
    article: str
    message: str
    source: str
    requirement: str

    @property
    def fallback(self) -> bool:
        return self.source != FROM_PROFILE


def _reports_to(profile: Profile, key: str, who: str, requirement: str, baseline: Profile | None) -> ReportingDecision:
    roles, source, cited = profile.value(key), FROM_PROFILE, profile
    if not roles:
        cited = baseline or national_baseline()
        roles, source = cited.value(key) or [], FROM_BASELINE
    article = cite(cited, key)
    message = _("%(who)s melapor kepada %(roles)s (%(article)s).") % {
        "who": _(who),
        "roles": words(roles, gettext_noop("dan/atau")),
        "article": article,
    }
    if source == FROM_BASELINE:
        message = _("%(profile)s tidak mengatur; dipakai baseline nasional: %(message)s") % {
            "profile": profile.name,
            "message": message,
        }
    return ReportingDecision(tuple(roles), article, message, source, requirement)


def individual_reports_to(profile: Profile, *, baseline: Profile | None = None) -> ReportingDecision:
    return _reports_to(profile, "individual_reports_to", gettext_noop("Pegawai yang ditugaskan secara individu"), "TJ-1", baseline)


def member_reports_to(profile: Profile, *, baseline: Profile | None = None) -> ReportingDecision:
    return _reports_to(profile, "member_reports_to", gettext_noop("Anggota tim kerja"), "TJ-2", baseline)


def ketua_reports_to(profile: Profile, *, baseline: Profile | None = None) -> ReportingDecision:
    return _reports_to(profile, "ketua_reports_to", gettext_noop("Ketua tim kerja"), "TJ-3", baseline)
