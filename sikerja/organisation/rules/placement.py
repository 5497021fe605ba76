"""Kedudukan rules (KED-1..5, KED-7) — pure functions over plain data, driven by the profile.

Each rule returns ``Finding``s naming the requirement, the article of the region's regulation
and a message in the active language (msgids in Bahasa Indonesia; the stored findings are
written in Indonesian by ``placement_checks.refresh``). A setting the regulation is silent on (``silent: true``)
adds no constraint. Only pejabat fungsional and pelaksana are judged: the regulations place
*them* (MU Ps 9, KL Ps 5, BU Ps 17, BT Ps 8, PPU Ps 7). An employee whose position is not
recorded (a unit without a peta jabatan) is judged on what the organisation chart shows — the
line of the structure and the PPK's own position (PPU Ps 7(4)) — and ``limitation`` says what
could not be checked.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sikerja.organisation.choices import JfLevel, PositionKind

MANDIRI_HEAD = "fungsional_pimpinan_mandiri"
# A JF leading a unit that is not a unit kerja mandiri: the Kepala Seksi/Sub Bagian of an RSUD
# (PPU Lampiran B.1 huruf g angka 2) and 4)). Only a unit pattern can make them a PPK.
UNIT_HEAD_JF = "fungsional_pimpinan_unit"
UNKNOWN = ""  # no position recorded: the unit has no peta jabatan, or the person is not mapped
JUDGED_KINDS = frozenset({PositionKind.FUNGSIONAL, PositionKind.PELAKSANA})
CHART = "bagan_organisasi"  # value of placement_without_peta_jabatan (PPU Ps 7(4))
KIND_WORDS = {
    "jpt_utama": _("JPT utama"),
    "jpt_madya": _("JPT madya"),
    "jpt_pratama": _("JPT pratama"),
    "administrator": _("administrator"),
    "pengawas": _("pengawas"),
    "fungsional": _("pejabat fungsional"),
    "pelaksana": _("pelaksana"),
    MANDIRI_HEAD: _("JF pimpinan unit kerja mandiri"),
    UNIT_HEAD_JF: _("JF kepala seksi/sub bagian"),
    UNKNOWN: _("pegawai tanpa jabatan tercatat"),
}
RANK = {"jpt_utama": 7, "jpt_madya": 6, "jpt_pratama": 5, "administrator": 4, "pengawas": 3, "fungsional": 2, "pelaksana": 1}


@dataclass(frozen=True)
class Holder:
    """A person in a position, as the rules see them."""

    employee_id: int
    name: str
    kind: str
    jf_level: str
    unit_id: int
    leads_mandiri: bool = False  # leader of a unit kerja mandiri (KED-2)
    leads_unit: bool = False  # holds the leading position of their unit

    @property
    def role_kind(self) -> str:
        if self.leads_mandiri:
            return MANDIRI_HEAD
        if self.kind == PositionKind.FUNGSIONAL and self.leads_unit:
            return UNIT_HEAD_JF
        return self.kind


@dataclass(frozen=True)
class OrgFacts:
    """What the rules need of the tree: parents, names, which units have a pengawas post, and
    for each unit the PPU pattern key that governs it (nearest own type with a pattern, else
    the perangkat daerah's type)."""

    parent: Mapping[int, int | None]
    unit_name: Mapping[int, str] = field(default_factory=dict)
    has_pengawas: frozenset[int] = frozenset()
    pattern_key: Mapping[int, str] = field(default_factory=dict)
    has_positions: frozenset[int] = frozenset()  # units with a peta jabatan (at least one position)
    # chain() per unit, remembered: the report asks it twice per placement (issue 15 item 1).
    # Callers only read the list.
    _chains: dict = field(default_factory=dict, compare=False, repr=False, hash=False)

    def chain(self, unit_id: int) -> list[int]:
        try:
            return self._chains[unit_id]
        except KeyError:
            out = self._chains[unit_id] = self._walk(unit_id)
            return out

    def _walk(self, unit_id: int) -> list[int]:
        out, seen = [], set()
        node = unit_id
        while node is not None and node not in seen:
            seen.add(node)
            out.append(node)
            node = self.parent.get(node)
        return out


# What an official reads instead of the requirement's catalogue number (issue 10 item 8).
FINDING_LABELS = {
    "KED-1": _("Atasan langsung"),
    "KED-2": _("Pimpinan unit kerja mandiri"),
    "KED-3": _("Jenjang jabatan fungsional"),
    "KED-4": _("Pola pelaksana"),
    "KED-5": _("Jabatan PPK dan pendelegasian"),
    "KED-7": _("Pola jenis unit"),
}


@dataclass(frozen=True)
class Finding:
    requirement: str  # catalogue number, for the API and tests
    article: str
    message: str

    @property
    def label(self) -> str:
        return str(FINDING_LABELS.get(self.requirement, _("Kedudukan")))


@dataclass(frozen=True)
class Profile:
    """The slice of a regulation profile the rules read: ``settings`` as stored, and the
    regulation's short name to prefix articles with."""

    name: str
    settings: Mapping[str, Mapping]
    # value() per key, remembered: the report judges every placement of a region and asks the
    # same dozen keys each time (issue 15 item 1). A Profile lives for one request.
    _values: dict = field(default_factory=dict, compare=False, repr=False, hash=False)

    def entry(self, key: str) -> Mapping:
        return self.settings.get(key) or {"value": None, "silent": True}

    def value(self, key: str):
        try:
            return self._values[key]
        except KeyError:
            entry = self.entry(key)
            value = self._values[key] = None if entry.get("silent") else entry.get("value")
            return value

    def cite(self, key: str, article: str | None = None) -> str:
        art = article or self.entry(key).get("article") or ""
        return f"{self.name} {art}".strip()


def kind_word(kind: str) -> str:
    return str(KIND_WORDS.get(kind, kind))


def _words(kinds) -> str:
    items = [kind_word(k) for k in kinds]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " " + gettext("atau") + " " + items[-1]


def _level_word(level: str) -> str:
    return JfLevel(level).label.lower() if level in JfLevel.values else level


def judge(subject: Holder, assessor: Holder | None, org: OrgFacts, profile: Profile, *, delegated: bool = False) -> list[Finding]:
    """All findings against one placement; an empty list means the placement is valid.

    ``delegated`` is true when the assessor holds a running delegation of PPK authority
    (KED-5: "pejabat lain yang diberi pendelegasian kewenangan").
    """
    if subject.kind not in JUDGED_KINDS and subject.kind != UNKNOWN:
        return []
    unknown = subject.kind == UNKNOWN
    by_chart = unknown and profile.value("placement_without_peta_jabatan") == CHART
    line_key = "placement_without_peta_jabatan" if by_chart else "placement_superiors"
    if assessor is None:
        return [
            Finding(
                "KED-1",
                profile.cite(line_key),
                gettext("%(name)s belum mempunyai pejabat penilai kinerja (atasan langsung).") % {"name": subject.name},
            )
        ]
    findings: list[Finding] = []
    chain = org.chain(subject.unit_id) if subject.unit_id is not None else []
    if assessor.unit_id not in chain:
        findings.append(
            Finding(
                "KED-1",
                profile.cite(line_key),
                gettext(
                    "PPK harus atasan langsung dalam struktur: %(assessor)s berada di %(unit)s, bukan di unit "
                    "%(name)s atau unit di atasnya."
                )
                % {
                    "assessor": assessor.name,
                    "unit": org.unit_name.get(assessor.unit_id) or gettext("unit lain"),
                    "name": subject.name,
                },
            )
        )
    elif by_chart and not assessor.leads_unit and not delegated:
        # PPU Ps 7(4): without a peta jabatan the organisation chart decides, and a chart shows
        # each unit under its head: the PPK is the head of a unit in the employee's line.
        findings.append(
            Finding(
                "KED-1",
                profile.cite(line_key),
                gettext(
                    "Unit %(name)s belum mempunyai peta jabatan, sehingga kedudukan mengikuti bagan organisasi: "
                    "PPK adalah pimpinan unit dalam garis strukturnya; %(assessor)s bukan pimpinan unit."
                )
                % {"name": subject.name, "assessor": assessor.name},
            )
        )
    pattern_ppk = not unknown and _pattern_names(subject, assessor, org, profile)
    if not pattern_ppk:
        findings += _superior_kind(subject, assessor, profile, delegated)
    if unknown:
        return findings  # kind and level unknown: the patterns by kind cannot be applied
    if delegated and profile.value("assessor_delegation_allowed"):
        # A delegate acts in the place of the structural PPK ("pejabat lain yang diberi
        # pendelegasian kewenangan", Ps 1 of each perbup): the patterns by kind, which describe
        # the structural PPK, do not apply to them; being in the line (KED-1) still does.
        return findings
    if not (assessor.leads_mandiri and assessor.unit_id in chain):  # KED-2: the special rule for a unit kerja mandiri
        findings += _level_pattern(subject, assessor, profile)
        findings += _pelaksana_pattern(subject, assessor, org, profile)
    findings += _unit_pattern(subject, assessor, org, profile)
    return findings


def _superior_kind(subject: Holder, assessor: Holder, profile: Profile, delegated: bool) -> list[Finding]:
    """KED-1/KED-2: whom a JF/pelaksana may sit under; KED-5: the lowest PPK."""
    out = []
    superiors = profile.value("placement_superiors")
    role = assessor.role_kind
    if superiors is not None and role not in superiors and not delegated:
        who = gettext("Pegawai") if subject.kind == UNKNOWN else kind_word(subject.kind).capitalize()
        out.append(
            Finding(
                "KED-1",
                profile.cite("placement_superiors"),
                gettext("%(who)s berkedudukan di bawah %(superiors)s; %(assessor)s adalah %(role)s.")
                % {"who": who, "superiors": _words(superiors), "assessor": assessor.name, "role": kind_word(role)},
            )
        )
        return out
    min_kind = profile.value("assessor_min_kind")
    if min_kind and RANK.get(assessor.kind, 0) < RANK[min_kind]:
        allowed_as_head = assessor.leads_mandiri and profile.value("mandiri_head_may_be_assessor")
        allowed_by_delegation = delegated and profile.value("assessor_delegation_allowed")
        if allowed_as_head:
            return out
        if not allowed_by_delegation:
            hint = (
                " " + gettext("tanpa pendelegasian kewenangan yang berlaku")
                if profile.value("assessor_delegation_allowed")
                else ""
            )
            out.append(
                Finding(
                    "KED-5",
                    profile.cite("assessor_min_kind"),
                    gettext("Pejabat penilai kinerja paling rendah %(lowest)s; %(assessor)s adalah %(role)s%(hint)s.")
                    % {"lowest": kind_word(min_kind), "assessor": assessor.name, "role": kind_word(role), "hint": hint},
                )
            )
    return out


def _level_pattern(subject: Holder, assessor: Holder, profile: Profile) -> list[Finding]:
    """KED-3: JF by level (BU Ps 17(3), BT Ps 8(3))."""
    pattern = profile.value("level_placement")
    if not pattern or subject.kind != PositionKind.FUNGSIONAL or subject.jf_level not in pattern:
        return []
    allowed = pattern[subject.jf_level]
    if assessor.kind in allowed:
        return []
    return [
        Finding(
            "KED-3",
            profile.cite("level_placement"),
            gettext("JF %(level)s berkedudukan di bawah %(allowed)s; %(assessor)s adalah %(kind)s.")
            % {
                "level": _level_word(subject.jf_level),
                "allowed": _words(allowed),
                "assessor": assessor.name,
                "kind": kind_word(assessor.kind),
            },
        )
    ]


def _pelaksana_pattern(subject: Holder, assessor: Holder, org: OrgFacts, profile: Profile) -> list[Finding]:
    """KED-4: pelaksana under a pengawas; under an administrator only where no pengawas
    carries that function in the unit (BU Ps 17(4), BT Ps 8(4))."""
    pattern = profile.value("pelaksana_placement")
    if not pattern or subject.kind != PositionKind.PELAKSANA:
        return []
    default, fallback = pattern.get("default"), pattern.get("fallback")
    if assessor.kind == default:
        return []
    if assessor.kind == fallback and assessor.unit_id not in org.has_pengawas:
        return []
    reason = (
        gettext("; di %(unit)s ada pejabat pengawas") % {"unit": org.unit_name.get(assessor.unit_id) or gettext("unit itu")}
        if assessor.kind == fallback
        else gettext("; %(assessor)s adalah %(kind)s") % {"assessor": assessor.name, "kind": kind_word(assessor.kind)}
    )
    return [
        Finding(
            "KED-4",
            profile.cite("pelaksana_placement"),
            gettext(
                "Pelaksana berkedudukan di bawah %(default)s, dan di bawah %(fallback)s hanya bila tidak ada pengawas "
                "di unit itu%(reason)s."
            )
            % {"default": kind_word(default), "fallback": kind_word(fallback), "reason": reason},
        )
    ]


def _pattern_names(subject: Holder, assessor: Holder, org: OrgFacts, profile: Profile) -> bool:
    """Does the unit's PPU pattern name the assessor's role as PPK of the subject's kind?

    The Lampiran is the special rule for its unit type and prevails over the general list of
    superiors and the lowest PPK: in an RSUD the Kepala Seksi/Sub Bagian are pejabat fungsional
    and act as PPK for JF and pelaksana (PPU Lampiran B.1 huruf g angka 2) and 4)).
    """
    patterns = profile.value("unit_patterns")
    key = org.pattern_key.get(subject.unit_id)
    if not patterns or key not in patterns or assessor.unit_id not in org.chain(subject.unit_id):
        return False
    return subject.kind in (patterns[key]["assessors"].get(assessor.role_kind) or ())


def limitation(subject: Holder, org: OrgFacts, profile: Profile) -> str | None:
    """What the rules could not check for this person, and why; None when everything was checked."""
    if subject.kind != UNKNOWN:
        return None
    unit = org.unit_name.get(subject.unit_id)
    if subject.unit_id is None or unit is None:
        return gettext(
            "Pegawai belum tercatat pada unit organisasi mana pun, sehingga kedudukannya tidak dapat diperiksa."
        )
    if subject.unit_id in org.has_positions:
        return gettext(
            "Jabatan pegawai belum tercatat pada peta jabatan %(unit)s: hanya garis struktur dan jabatan PPK yang "
            "diperiksa; pola jenjang dan jenis jabatan tidak dapat diperiksa."
        ) % {"unit": unit}
    if profile.value("placement_without_peta_jabatan") == CHART:
        return gettext(
            "%(unit)s belum mempunyai peta jabatan: kedudukan diperiksa menurut bagan organisasi (%(article)s); "
            "pola jenjang dan jenis jabatan tidak dapat diperiksa karena jabatan pegawai belum tercatat."
        ) % {"unit": unit, "article": profile.cite("placement_without_peta_jabatan")}
    return gettext(
        "%(unit)s belum mempunyai peta jabatan dan jabatan pegawai belum tercatat: hanya garis struktur dan "
        "jabatan PPK yang diperiksa."
    ) % {"unit": unit}


def _unit_pattern(subject: Holder, assessor: Holder, org: OrgFacts, profile: Profile) -> list[Finding]:
    """KED-7: PPU Lampiran B.1 — per unit type, which PPK kind assesses which kinds.

    A PPK kind the pattern does not name is not judged here: the Lampiran is silent on it.
    """
    patterns = profile.value("unit_patterns")
    key = org.pattern_key.get(subject.unit_id)
    if not patterns or key not in patterns:
        return []
    pattern = patterns[key]
    assesses = pattern["assessors"].get(assessor.role_kind)
    if assesses is None or subject.kind in assesses:
        return []
    who = [k for k, kinds in pattern["assessors"].items() if subject.kind in kinds]
    return [
        Finding(
            "KED-7",
            profile.cite("unit_patterns", pattern["article"]),
            gettext("Menurut pola %(pattern)s, %(assessor)s menilai %(assesses)s; %(kind)s dinilai oleh %(who)s.")
            % {
                "pattern": key.replace("_", " "),
                "assessor": kind_word(assessor.role_kind),
                "assesses": _words(assesses),
                "kind": kind_word(subject.kind),
                "who": _words(who) if who else gettext("pejabat lain"),
            },
        )
    ]


def pattern_key_for(unit_type_chain: list[str], patterns: Mapping | None) -> str | None:
    """The PPU pattern governing a unit: its own type or the nearest ancestor's type that has a
    pattern (a kelurahan inside a kecamatan follows the kelurahan pattern)."""
    if not patterns:
        return None
    for unit_type in unit_type_chain:
        if unit_type in patterns:
            return unit_type
    return None
