"""PEN-6, PEN-9: the permohonan (pelibatan) for cross-unit work and its answer; PEN-12: the steps
of a voluntary application (pengajuan sukarela)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .common import SCOPE_WORDS, Profile, check_scope, cite, national_baseline, word, words
from .scope import scope_allowed
from .signer import letter_signer

CROSS_SCOPES = frozenset({"lintas_unit", "lintas_pd"})
# BU Ps 20(3) / 21(2), BT Ps 10(3) / 11(2), PPU Ps 11(1) huruf a angka 1-4 — same four items.
REQUEST_FIELDS = (
    ("purpose", gettext_lazy("maksud dan tujuan permohonan")),
    ("competences", gettext_lazy("kompetensi, keahlian, dan/atau keterampilan yang dibutuhkan")),
    ("target", gettext_lazy("ekspektasi/target kinerja")),
    ("duration", gettext_lazy("durasi pelibatan")),
)


@dataclass(frozen=True)
class RuleDecision:
    """A yes/no rule with its article. ``silent``: the regulation does not regulate it, so the
    answer adds no constraint."""

    requirement: str
    required: bool
    article: str
    message: str
    silent: bool = False
    allowed: bool = True  # false when the scope itself is not provided by the profile


@dataclass(frozen=True)
class MissingItem:
    field: str
    label: str
    article: str


@dataclass(frozen=True)
class RequestContentDecision:
    complete: bool  # false only when the profile requires the content and something is missing
    binding: bool  # whether the profile requires these contents
    missing: tuple[MissingItem, ...]
    article: str
    message: str
    requirement: str = "PEN-6"


# What a step is (``does``): the application itself (recorded when it is made), an official's
# approval, the applicant's own act, issuing the letter, receiving it (the inbox delivers it).
STEP_ACTS = ("apply", "approve", "confirm", "issue", "receive")


@dataclass(frozen=True)
class Produces:
    """What a step produces, as the rule states it: a document of ``document`` kind from the
    acting role to ``to`` with ``tembusan`` copies; or forwarding the document of the step at
    position ``forward_step`` to ``to`` (no new letter, no new number)."""

    document: str = ""
    to: str = ""
    tembusan: tuple[str, ...] = ()
    forward_step: int = 0

    def __bool__(self) -> bool:
        return bool(self.document or self.forward_step)


@dataclass(frozen=True)
class Step:
    order: int
    actor: str  # the role that acts (whose inbox the step lands in)
    action: str
    article: str
    counterpart: str = ""  # the role the act is addressed to, if any
    note: str = ""
    alternatives: tuple[str, ...] = ()  # where the regulation names several roles ("PPK atau pimpinan unit")
    does: str = ""  # one of STEP_ACTS
    produces: Produces = Produces()
    letter: str = ""  # the instrument an issuing step issues, where the rule names it


@dataclass(frozen=True)
class VoluntaryFlow:
    scope: str
    allowed: bool
    flow: str  # "ppu_ps11_2", "ppu_ps11_3" or "umum"
    steps: tuple[Step, ...]
    article: str
    message: str
    requirement: str = "PEN-12"


def needs_request(profile: Profile, scope: str) -> RuleDecision:
    """PEN-6/PEN-9: does a cross-unit assignment start with a permohonan from the owning leader
    to the leader where the official sits? Silent profiles do not require it (it may still be
    used). The regulations set no procedure for lintas instansi."""
    scope = check_scope(scope)
    permission = scope_allowed(profile, scope)
    if not permission.allowed:
        return RuleDecision("PEN-6", False, permission.article, permission.message, allowed=False)
    article = cite(profile, "cross_unit_request_required")
    if scope == "dalam_unit":
        return RuleDecision(
            "PEN-6", False, article, _("Penugasan dalam satu unit organisasi tidak memerlukan permohonan.")
        )
    required = profile.value("cross_unit_request_required")
    if required is None:
        return RuleDecision(
            "PEN-6",
            False,
            article,
            _("%(profile)s tidak mengatur permohonan pelibatan; permohonan tidak diwajibkan tetapi dapat dipakai.")
            % {"profile": profile.name},
            silent=True,
        )
    if scope not in CROSS_SCOPES:
        return RuleDecision(
            "PEN-6",
            False,
            article,
            _("%(profile)s tidak mengatur tata cara penugasan %(scope)s; permohonan tidak diwajibkan tetapi dapat dipakai.")
            % {"profile": profile.name, "scope": SCOPE_WORDS[scope]},
            silent=True,
        )
    if required:
        return RuleDecision(
            "PEN-6",
            True,
            article,
            _(
                "Penugasan %(scope)s diawali permohonan dari pimpinan unit pemilik kinerja kepada pimpinan unit tempat "
                "pegawai berkedudukan (%(article)s)."
            )
            % {"scope": SCOPE_WORDS[scope], "article": article},
        )
    return RuleDecision("PEN-6", False, article, _("Permohonan tidak diwajibkan (%(article)s).") % {"article": article})


def _blank(value) -> bool:
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | set | frozenset | dict):
        return not value
    return value is None


def request_content_missing(profile: Profile, fields: Mapping[str, object]) -> RequestContentDecision:
    """The four contents of a permohonan that are missing or blank in ``fields``.

    Binding where the profile requires a permohonan (BU Ps 20(3), BT Ps 10(3), PPU Ps 11(1)
    huruf a); under a silent profile the same list is returned as advice from the national
    baseline, and the request is complete anyway.
    """
    missing_keys = [(key, label) for key, label in REQUEST_FIELDS if _blank(fields.get(key))]
    binding = bool(profile.value("cross_unit_request_required"))
    source = profile if binding else national_baseline()
    article = cite(source, "cross_unit_request_required")
    missing = tuple(MissingItem(key, str(label), article) for key, label in missing_keys)
    labels = "; ".join(str(label) for _key, label in missing_keys)
    values = {"profile": profile.name, "labels": labels, "article": article}
    if not missing:
        message = _("Permohonan memuat keempat isi yang disyaratkan (%(article)s).") % values
    elif binding:
        message = _("Permohonan belum memuat: %(labels)s (%(article)s).") % values
    else:
        message = (
            _(
                "%(profile)s tidak mengatur isi permohonan; dianjurkan memuat juga: %(labels)s "
                "(baseline nasional, %(article)s), tidak diwajibkan."
            )
            % values
        )
    return RequestContentDecision(not (binding and missing), binding, missing, article, message)


def rejection_needs_reason(profile: Profile) -> RuleDecision:
    """PEN-9: must a rejected permohonan give reasons? PPU Ps 11(1) huruf d: yes. BU Ps 21(3),
    BT Ps 11(3): a written answer, reasons not required. Silent: not required."""
    required = profile.value("rejection_requires_reason")
    article = cite(profile, "rejection_requires_reason")
    if required is None:
        return RuleDecision(
            "PEN-9",
            False,
            article,
            _("%(profile)s tidak mengatur jawaban atas permohonan; alasan tidak diwajibkan.") % {"profile": profile.name},
            True,
        )
    if required:
        return RuleDecision(
            "PEN-9", True, article, _("Penolakan permohonan wajib disertai alasan (%(article)s).") % {"article": article}
        )
    return RuleDecision(
        "PEN-9",
        False,
        article,
        _("Jawaban disampaikan tertulis; alasan penolakan tidak diwajibkan (%(article)s).") % {"article": article},
    )


def _steps(*rows) -> tuple[Step, ...]:
    return tuple(Step(i, *row) for i, row in enumerate(rows, start=1))


def voluntary_steps(profile: Profile, scope: str) -> VoluntaryFlow:
    """PEN-12: the ordered steps of a pengajuan sukarela, each with the acting role and article."""
    scope = check_scope(scope)
    permission = scope_allowed(profile, scope)
    modes = profile.value("assignment_modes")
    if not permission.allowed:
        return VoluntaryFlow(scope, False, "", (), permission.article, permission.message)
    if modes is not None and "pengajuan_sukarela" not in modes:
        article = cite(profile, "assignment_modes")
        return VoluntaryFlow(
            scope,
            False,
            "",
            (),
            article,
            _("%(profile)s tidak mengatur pengajuan sukarela (%(article)s).") % {"profile": profile.name, "article": article},
        )
    flow = profile.value("voluntary_flow")
    detailed = profile.value("voluntary_application_steps") or {}
    if scope in detailed:
        return _detailed_flow(profile, scope, detailed[scope])
    # The general flow: the official's active application, the superior's approval across units
    # where the profile requires it (BU Ps 23(4), BT Ps 13(4)), then the letter by the signer.
    apply_article = cite(profile, "voluntary_flow") if flow else cite(national_baseline(), "voluntary_flow")
    rows = [("pegawai", _("mengajukan permohonan aktif untuk melaksanakan kinerja tertentu"), apply_article, "", "", (),
             "apply")]  # fmt: skip
    note = ""
    if scope != "dalam_unit" and profile.value("voluntary_needs_superior_approval"):
        rows.append(
            ("atasan_langsung_ppk", _("memberikan persetujuan atas pengajuan sukarela"),
             cite(profile, "voluntary_needs_superior_approval"), "pegawai", "", (), "approve")
        )  # fmt: skip
    elif scope != "dalam_unit" and profile.value("voluntary_needs_superior_approval") is None:
        note = " " + _("%(profile)s tidak mensyaratkan persetujuan atasan langsung/PPK; tidak ada langkah tambahan.") % {
            "profile": profile.name
        }
    if detailed:
        note += " " + _("%(profile)s tidak mengatur tata cara pengajuan sukarela %(scope)s; dipakai alur umum.") % {
            "profile": profile.name,
            "scope": SCOPE_WORDS[scope],
        }
    letter = letter_signer(profile, scope, "individu")
    signers = letter.signers or ("pimpinan_unit_pemilik_kinerja",)
    rows.append(
        (signers[0],
         _("menetapkan penugasan dengan %(instrument)s (oleh %(signers)s)") % {
             "instrument": word(letter.instrument) if letter.instrument else _("naskah penugasan"),
             "signers": words(signers)}, letter.signer_article or apply_article, "pegawai",
         " ".join(letter.messages) if letter.fallback else "", signers, "issue", Produces(), letter.instrument or "")
    )  # fmt: skip
    return VoluntaryFlow(
        scope,
        True,
        "umum",
        _steps(*rows),
        apply_article,
        _("Alur umum pengajuan sukarela %(scope)s (%(article)s).") % {"scope": SCOPE_WORDS[scope], "article": apply_article}
        + note,
    )


def _detailed_flow(profile: Profile, scope: str, spec: Mapping) -> VoluntaryFlow:
    """The steps a regulation lists one by one (PPU Ps 11(2), 11(3)), from the profile: each
    step's role, act, addressee, article (huruf) and what it produces."""
    art = cite(profile, "voluntary_application_steps", spec["article"])
    steps = []
    for i, row in enumerate(spec["steps"], start=1):
        made = row.get("produces") or {}
        steps.append(
            Step(
                order=i,
                actor=row["actor"],
                action=row["action"],
                article=f"{art} huruf {row['huruf']}" if row.get("huruf") else art,
                counterpart=row.get("to", ""),
                note=row.get("note", ""),
                does=row["does"],
                produces=Produces(
                    document=made.get("document", ""),
                    to=made.get("to", row.get("to", "")),
                    tembusan=tuple(made.get("tembusan", ())),
                    forward_step=int(made.get("forward_step", 0)),
                ),
                letter=row.get("letter", ""),
            )
        )
    words = _("dalam unit") if scope == "dalam_unit" else SCOPE_WORDS[scope]
    message = _("Alur pengajuan sukarela %(scope)s (%(article)s).") % {"scope": words, "article": art}
    return VoluntaryFlow(scope, True, spec["flow"], tuple(steps), art, message)
