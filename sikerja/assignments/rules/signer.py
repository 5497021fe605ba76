"""PEN-5, PEN-7, PEN-8: who signs an assignment letter and which instrument it is.

Order of sources for each part, every fallback said out loud in the decision:
1. the profile's setting for this scope (``letter_signer`` / ``individual_letter_kind`` /
   ``team_instrument``);
2. the national baseline's setting for this scope, where the profile is silent;
3. for the signer only, the profile's general rule (``individual_assignment_by`` /
   ``team_formed_by``: MU Ps 13(4), KL Ps 7(4) "ditetapkan oleh PPK atau pimpinan Unit
   Organisasi"), then the baseline's general rule;
4. nothing: no constraint is invented (any written or electronic instrument).

A team follows the profile's per-scope signer only where the profile names a team instrument
for that scope: BU Ps 21 / BT Ps 11 regulate teams within one unit and across PDs, not a
cross-unit team inside one PD (docs/profiles.md, interpretation 8).

This is the signer of a *penunjukan*. A voluntary application under PPU across units ends with
the official's own leader issuing the surat penugasan (PPU Ps 11(3) huruf e); that step comes
from ``voluntary_steps``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .common import (
    FORM_WORDS,
    FROM_BASELINE,
    FROM_PROFILE,
    FROM_PROFILE_GENERAL,
    NOT_REGULATED,
    SCOPE_WORDS,
    Profile,
    check_form,
    check_scope,
    cite,
    for_scope,
    national_baseline,
    word,
    words,
)
from .scope import scope_allowed

INSTRUMENTS = ("surat_perintah", "surat_tugas", "surat_perintah_tugas", "keputusan")
SOURCE_WORDS = {
    FROM_BASELINE: gettext_lazy("baseline nasional"),
    FROM_PROFILE_GENERAL: gettext_lazy("aturan umum"),
}


@dataclass(frozen=True)
class LetterDecision:
    scope: str
    form: str
    allowed: bool
    signers: tuple[str, ...]  # one when the regulation names one; several = any of them
    signer_article: str
    signer_source: str
    instrument: str | None  # None: any written or electronic proof of assignment
    instrument_options: tuple[str, ...]
    instrument_article: str
    instrument_source: str
    messages: tuple[str, ...]
    requirement: str

    @property
    def signer(self) -> str | None:
        return self.signers[0] if len(self.signers) == 1 else None

    @property
    def article(self) -> str:
        return self.signer_article

    @property
    def fallback(self) -> bool:
        return self.signer_source != FROM_PROFILE or self.instrument_source != FROM_PROFILE


def _specific_signer(p: Profile, scope: str, form: str):
    signers = p.value("letter_signer")
    if form == "tim_kerja":
        team = p.value("team_instrument")
        if not (isinstance(team, Mapping) and scope in team):
            return None
        key = "team_instrument"
    else:
        key = "letter_signer"
    who = for_scope(signers, scope)
    if not who:
        return None
    # Within one unit, the general rule names the same official and cites the provision on
    # that case (BU Ps 23(5), PPU Ps 9(4)); the per-scope setting's article is about crossing.
    general = _general_signer(p, form)
    if scope == "dalam_unit" and general and who in general[0]:
        return (who,), general[1]
    return (who,), cite(p, key)


def _general_signer(p: Profile, form: str):
    key = "individual_assignment_by" if form == "individu" else "team_formed_by"
    who = p.value(key)
    return (tuple(who), cite(p, key)) if who else None


def _instrument(p: Profile, scope: str, form: str):
    key = "individual_letter_kind" if form == "individu" else "team_instrument"
    kind = for_scope(p.value(key), scope)
    return (kind, cite(p, key)) if kind else None


def letter_signer(
    profile: Profile,
    scope: str,
    form: str,
    *,
    law_requires_decree: bool = False,
    baseline: Profile | None = None,
) -> LetterDecision:
    """Who signs the letter of an assignment of ``form`` (individu / tim_kerja) in ``scope``.

    ``law_requires_decree``: another regulation requires the team to be set by keputusan
    (BU Ps 21(5), BT Ps 11(5)); the instrument is then a keputusan under every profile.
    """
    scope, form = check_scope(scope), check_form(form)
    base = baseline or national_baseline()
    requirement = "PEN-8" if form == "tim_kerja" else ("PEN-5" if scope == "dalam_unit" else "PEN-7")
    permission = scope_allowed(profile, scope)
    if not permission.allowed:
        return LetterDecision(
            scope, form, False, (), permission.article, FROM_PROFILE, None, (), permission.article, FROM_PROFILE,
            (permission.message,), requirement,
        )  # fmt: skip
    what = f"{FORM_WORDS[form]} {SCOPE_WORDS[scope]}"
    messages: list[str] = []
    values = {"profile": profile.name, "what": what}

    # Who signs.
    found, source = _specific_signer(profile, scope, form), FROM_PROFILE
    if found is None:
        for candidate, src in (
            (_specific_signer(base, scope, form), FROM_BASELINE),
            (_general_signer(profile, form), FROM_PROFILE_GENERAL),
            (_general_signer(base, form), FROM_BASELINE),
        ):
            if candidate is not None:
                found, source = candidate, src
                break
    if found is None:
        signers, signer_article, source = (), "", NOT_REGULATED
        messages.append(_("%(profile)s tidak mengatur penanda tangan %(what)s; tidak ada batasan.") % values)
    else:
        signers, signer_article = found
        values |= {"signers": words(signers), "article": signer_article, "source": SOURCE_WORDS.get(source, "")}
        if source == FROM_PROFILE:
            messages.append(_("Naskah %(what)s ditetapkan oleh %(signers)s (%(article)s).") % values)
        else:
            messages.append(
                _(
                    "%(profile)s tidak mengatur penanda tangan khusus untuk %(what)s; sebagai pengganti dipakai "
                    "%(source)s: ditetapkan oleh %(signers)s (%(article)s)."
                )
                % values
            )

    # Which instrument.
    found_kind = _instrument(profile, scope, form)
    kind_source = FROM_PROFILE
    if found_kind is None:
        found_kind, kind_source = _instrument(base, scope, form), FROM_BASELINE
    if found_kind is None:
        instrument, options, kind_article, kind_source = None, INSTRUMENTS, "", NOT_REGULATED
        messages.append(
            _(
                "%(profile)s tidak menentukan jenis naskah %(what)s; surat perintah, surat tugas, surat perintah "
                "tugas atau keputusan dapat dipakai (bukti penugasan tertulis/elektronik)."
            )
            % values
        )
    else:
        instrument, kind_article = found_kind
        options = (instrument,)
        kind = {"profile": profile.name, "what": what, "instrument": word(instrument), "article": kind_article}
        if kind_source == FROM_PROFILE:
            messages.append(_("Jenis naskah: %(instrument)s (%(article)s).") % kind)
        else:
            messages.append(
                _(
                    "%(profile)s tidak menentukan jenis naskah %(what)s; sebagai pengganti dipakai baseline nasional: "
                    "%(instrument)s (%(article)s)."
                )
                % kind
            )
    if form == "tim_kerja" and law_requires_decree:
        decree = profile.value("team_decree_when_law_requires")
        instrument, options, kind_source = "keputusan", ("keputusan",), FROM_PROFILE if decree else NOT_REGULATED
        kind_article = cite(profile, "team_decree_when_law_requires") if decree else ""
        if decree:
            text = _("Peraturan perundang-undangan lain mewajibkan keputusan: tim ditetapkan dengan keputusan (%(article)s).")
        else:
            text = _(
                "Peraturan perundang-undangan lain mewajibkan keputusan: tim ditetapkan dengan keputusan "
                "(%(profile)s tidak mengatur hal ini; tidak menghalangi)."
            )
        messages.append(text % {"article": kind_article, "profile": profile.name})
    return LetterDecision(
        scope, form, True, tuple(signers), signer_article, source, instrument, tuple(options), kind_article,
        kind_source, tuple(messages), requirement,
    )  # fmt: skip
