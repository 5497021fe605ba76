"""TIK-2, TIK-3, PRF-2: standing governance teams (*tim tetap*) whose existence and composition
the regulation fixes. Plain data in, a frozen decision out; every decision cites the article.

Which teams exist is the profile's ``governance_teams`` setting: MU Ps 22 huruf b, Ps 24-27
(Tim Koordinasi SPBE, Tim Pelaksana, kelompok kerja, sekretariat); PPU Ps 14(3) and Lampiran
huruf D (tim SPBE, tim transformasi manajemen); KL Ps 12(4), BU Ps 33(3), BT Ps 20(3) and the
national baseline (tim koordinasi SPBE only). A team the profile does not list is refused with
the profile's name and article.

What each team must consist of is a *composition*: a small mapping of clauses per team kind
(the clause keys are listed below). It is the profile's setting ``governance_team_composition``
(``sikerja/tenancy/profiles/*.yaml``: Mahakam Ulu and Penajam Paser Utara carry one), so nothing
here depends on a regulation's name. A silent setting regulates no composition: the decision
says so and adds no constraint (BU, BT, KL, nasional: "susunan keanggotaan dan ketua tidak
diatur").

Members are plain facts: their role in the team (ketua, sekretaris, anggota), the *seat* they
hold (``SEATS``), their perangkat daerah and its function, and for members from outside the
government their *unsur* (MU Ps 26(1)). ``seat_for`` derives a seat from facts about the unit an
employee leads; recognising *which* real unit is the Bappeda, the BPKAD, the Diskominfo or the
Bagian Organisasi is the service's job (by unit name and type, ``sikerja.assignments.standing``).

Interpretations (each stated in the decision it affects):

1. MU Ps 24(4) "paling sedikit terdiri atas": the ketua and the four members are required
   (binding); Ps 24(5) lets the Bupati add other Kepala Perangkat Daerah. Anyone else is listed
   as a note, not a refusal: "paling sedikit" does not exclude them, and Ps 24(6) involves other
   parties by coordination.
2. MU Ps 27(1): the Tim Koordinasi's secretariat is carried out functionally by the Asisten
   Administrasi Umum; a member recorded as *sekretaris* of the Tim Koordinasi must be that
   official, and the ketua of a recorded sekretariat team is that official.
3. MU Ps 25(2), 26(2): the Tim Pelaksana and the kelompok kerja are set on the proposal of the
   Tim Koordinasi; a region without a recorded Tim Koordinasi gets a note, not a refusal.
4. PPU Ps 14(3): the coordinator of the tim SPBE is the PD for communication and informatics;
   recorded as: the ketua comes from that PD.
5. PPU Lampiran huruf D: the tim transformasi manajemen "dilaksanakan oleh unsur kesekretariatan
   yang terdiri dari" five elements. In a regional government the Sekretaris Daerah is both the
   *Pejabat yang Berwenang* and the *pejabat level tertinggi*; every pimpinan unit is a
   *Pejabat Penilai Kinerja*; the unit responsible for human resources is the BKPSDM; the unit
   responsible for performance planning and budget is the Bappeda or the BPKAD. One person may
   stand for several elements. The team's two roles (strategy; synergy) are its tasks.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from .common import Profile, cite

SETTING = "governance_team_composition"

KINDS = {
    "tim_koordinasi_spbe": gettext_lazy("Tim Koordinasi SPBE"),
    "tim_pelaksana_spbe": gettext_lazy("Tim Pelaksana SPBE"),
    "kelompok_kerja_spbe": gettext_lazy("Kelompok Kerja SPBE"),
    "sekretariat_spbe": gettext_lazy("Sekretariat Tim Koordinasi SPBE"),
    "tim_transformasi_manajemen": gettext_lazy("Tim Transformasi Manajemen"),
}
REQUIREMENT = {kind: "TIK-2" for kind in KINDS} | {"tim_transformasi_manajemen": "TIK-3"}

ROLES = ("ketua", "sekretaris", "anggota")
ROLE_WORDS = {"ketua": "ketua", "sekretaris": "sekretaris", "anggota": "anggota"}

# The offices a member of a governance team may hold. "luar" is anyone from outside this
# regional government (MU Ps 26(1): akademisi, dunia industri, dunia usaha, masyarakat).
SEATS = {
    "sekretaris_daerah": gettext_lazy("Sekretaris Daerah"),
    "asisten_administrasi_umum": gettext_lazy("Asisten Administrasi Umum Sekretariat Daerah"),
    "kabag_organisasi": gettext_lazy("Kepala Bagian Organisasi Sekretariat Daerah"),
    "kepala_bappeda": gettext_lazy("Kepala Badan Perencanaan Pembangunan Daerah"),
    "kepala_bpkad": gettext_lazy("Kepala Badan Pengelolaan Keuangan dan Aset Daerah"),
    "kepala_diskominfo": gettext_lazy("Kepala Dinas Komunikasi dan Informatika"),
    "kepala_bkpsdm": gettext_lazy("Kepala Badan Kepegawaian dan Pengembangan SDM"),
    "kepala_pd_lain": gettext_lazy("Kepala Perangkat Daerah lain"),
    "pimpinan_unit_lain": gettext_lazy("Pimpinan unit organisasi lain"),
    "asn": gettext_lazy("ASN (bukan pimpinan unit)"),
    "luar": gettext_lazy("Anggota dari luar pemerintah daerah"),
}
LEADER_SEATS = (
    "sekretaris_daerah", "asisten_administrasi_umum", "kabag_organisasi", "kepala_bappeda", "kepala_bpkad",
    "kepala_diskominfo", "kepala_bkpsdm", "kepala_pd_lain", "pimpinan_unit_lain",
)  # fmt: skip

# Functions of a perangkat daerah / unit that decide a seat (the service recognises them).
PD_FUNCTIONS = {
    "setda": "Sekretariat Daerah",
    "perencanaan": "perencanaan pembangunan daerah",
    "keuangan": "pengelolaan keuangan dan aset daerah",
    "kominfo": "komunikasi dan informatika",
    "sdm": "kepegawaian dan pengembangan sumber daya manusia",
}
HEAD_SEAT = {
    "perencanaan": "kepala_bappeda",
    "keuangan": "kepala_bpkad",
    "kominfo": "kepala_diskominfo",
    "sdm": "kepala_bkpsdm",
}

UNSUR = {
    "pemerintah_daerah": gettext_lazy("Pemerintah Daerah"),
    "akademisi": gettext_lazy("Akademisi"),
    "dunia_industri": gettext_lazy("Dunia Industri"),
    "dunia_usaha": gettext_lazy("Dunia Usaha"),
    "masyarakat": gettext_lazy("Masyarakat"),
    "instansi_pusat": gettext_lazy("Instansi Pusat"),
    "pemerintah_daerah_lain": gettext_lazy("Pemerintah Daerah lain"),
}
UNSUR_ALIASES = {
    "pemda": "pemerintah_daerah", "pemerintah daerah": "pemerintah_daerah", "pemerintah": "pemerintah_daerah",
    "akademisi": "akademisi", "akademik": "akademisi", "perguruan tinggi": "akademisi", "universitas": "akademisi",
    "kampus": "akademisi",
    "dunia industri": "dunia_industri", "industri": "dunia_industri",
    "dunia usaha": "dunia_usaha", "usaha": "dunia_usaha", "swasta": "dunia_usaha", "pelaku usaha": "dunia_usaha",
    "masyarakat": "masyarakat", "komunitas": "masyarakat", "lsm": "masyarakat", "tokoh masyarakat": "masyarakat",
    "instansi pusat": "instansi_pusat", "kementerian": "instansi_pusat",
    "pemerintah daerah lain": "pemerintah_daerah_lain", "pemda lain": "pemerintah_daerah_lain",
}  # fmt: skip

# Shape of the profile setting ``governance_team_composition`` (team kind -> clauses).
# Clause keys of one team kind:
#   article     the article of the composition as a whole;
#   ketua       {seats, label, article}: the ketua holds one of ``seats`` (exactly one ketua);
#   coordinator_pd {function, label, article}: the ketua comes from the PD with that function;
#   required    [{seats, label, article}]: each element is held by some member;
#   may_add     {seats, label, article}: who else may be a member; anyone else is a note;
#   sekretaris  {seats, label, article}: a member recorded as sekretaris holds one of ``seats``;
#   asn_only    {article}: no members from outside the government;
#   lintas_pd   {article}: members from at least two perangkat daerah;
#   unsur       {allowed, article}: every member belongs to one of the allowed unsur;
#   proposed_by {kind, article}: set on the proposal of that team (a note when none is recorded);
#   set_by      {text, article}: the instrument that sets the team (shown);
#   tasks       [{title, items, article}]: the team's tasks or roles (shown, default purpose).
# ``binding: false`` on a clause turns its findings into notes.


# --- plain facts -----------------------------------------------------------------------------
@dataclass(frozen=True)
class MemberFacts:
    name: str
    role: str = "anggota"  # ketua / sekretaris / anggota
    seat: str = "asn"  # a key of SEATS
    pd: str = ""  # the member's perangkat daerah (code or name); empty for members from outside
    pd_function: str = ""  # a key of PD_FUNCTIONS, or empty
    unsur: str = ""  # members from outside: a key of UNSUR (or free text when unknown)

    @property
    def external(self) -> bool:
        return self.seat == "luar"

    @property
    def unsur_key(self) -> str:
        return "pemerintah_daerah" if not self.external else self.unsur


@dataclass(frozen=True)
class TeamTask:
    title: str
    items: tuple[str, ...]
    article: str


@dataclass(frozen=True)
class TeamProvision:
    kind: str
    label: str
    allowed: bool
    article: str
    message: str
    requirement: str = "PRF-2"


@dataclass(frozen=True)
class CompositionFinding:
    code: str
    message: str
    article: str
    binding: bool = True
    requirement: str = "TIK-2"


@dataclass(frozen=True)
class CompositionDecision:
    kind: str
    label: str
    regulated: bool
    article: str
    message: str
    findings: tuple[CompositionFinding, ...]
    tasks: tuple[TeamTask, ...]
    set_by: str
    requirement: str

    @property
    def ok(self) -> bool:
        return not self.violations

    @property
    def violations(self) -> tuple[CompositionFinding, ...]:
        return tuple(f for f in self.findings if f.binding)

    @property
    def notes(self) -> tuple[CompositionFinding, ...]:
        return tuple(f for f in self.findings if not f.binding)


@dataclass(frozen=True)
class CompositionSummary:
    """What the regulation says about one kind, for the list page and the form."""

    kind: str
    label: str
    provision: TeamProvision
    regulated: bool
    article: str
    lines: tuple[str, ...]
    tasks: tuple[TeamTask, ...]
    requirement: str


# --- helpers ---------------------------------------------------------------------------------
def check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValueError(f"Jenis tim tetap '{kind}' tidak dikenal ({', '.join(KINDS)}).")
    return kind


def kind_label(kind: str) -> str:
    return str(KINDS.get(kind, kind))


def seat_word(seat: str) -> str:
    return str(SEATS.get(seat, seat.replace("_", " ")))


def unsur_word(unsur: str) -> str:
    return str(UNSUR.get(unsur, unsur.replace("_", " ") or "-"))


def unsur_key(text: str) -> str:
    """The unsur key of a free text ("Akademisi", "dunia usaha", "Universitas ..."); the text
    itself (lowercased, words joined by "_") when it names none of them."""
    cleaned = " ".join((text or "").lower().replace("_", " ").split())
    if not cleaned:
        return ""
    if cleaned.replace(" ", "_") in UNSUR:
        return cleaned.replace(" ", "_")
    if cleaned in UNSUR_ALIASES:
        return UNSUR_ALIASES[cleaned]
    for alias in sorted(UNSUR_ALIASES, key=len, reverse=True):
        if cleaned.startswith(alias + " "):
            return UNSUR_ALIASES[alias]
    return cleaned.replace(" ", "_")


def seat_for(*, leads_unit: bool, unit_is_pd: bool = False, unit_type: str = "", pd_function: str = "",
             unit_function: str = "") -> str:
    """The seat of an employee from plain facts about the unit they lead (if any).

    ``pd_function`` is the function of the perangkat daerah the unit belongs to (for a PD, its
    own); ``unit_function`` names an inner unit's function ("organisasi" for the Bagian
    Organisasi, "administrasi_umum" for the Asisten Administrasi Umum)."""
    if not leads_unit:
        return "asn"
    if unit_is_pd:
        if unit_type == "setda" or pd_function == "setda":
            return "sekretaris_daerah"
        return HEAD_SEAT.get(pd_function, "kepala_pd_lain")
    if unit_type == "asisten" and unit_function == "administrasi_umum":
        return "asisten_administrasi_umum"
    if unit_type == "bagian" and pd_function == "setda" and unit_function == "organisasi":
        return "kabag_organisasi"
    return "pimpinan_unit_lain"


def composition_of(profile: Profile, kind: str) -> Mapping | None:
    """The composition clauses of ``kind`` under ``profile`` (None: not regulated)."""
    check_kind(kind)
    value = profile.value(SETTING) or {}
    return value.get(kind) if isinstance(value, Mapping) else None


def _art(profile: Profile, article: str) -> str:
    return cite(profile, "governance_teams", article) if article else cite(profile, "governance_teams")


def _tasks(profile: Profile, comp: Mapping) -> tuple[TeamTask, ...]:
    return tuple(
        TeamTask(t.get("title", ""), tuple(t.get("items") or ()), _art(profile, t.get("article", "")))
        for t in comp.get("tasks") or ()
    )


def _join(items: Sequence[str], conj: str | None = None) -> str:
    """'a, b dan c' in the active language; ``conj`` an Indonesian conjunction msgid."""
    items = [str(i) for i in items]
    if not items:
        return "-"
    joiner = _(conj) if conj else _("dan")
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {joiner} " + items[-1]


# --- which teams the profile provides ----------------------------------------------------------
def team_provided(profile: Profile, kind: str) -> TeamProvision:
    """PRF-2: whether the region's regulation provides this standing team."""
    check_kind(kind)
    label = kind_label(kind)
    listed = profile.value("governance_teams")
    article = cite(profile, "governance_teams")
    v = {"profile": profile.name, "label": label, "article": article}
    if listed is None:
        return TeamProvision(kind, label, False, article, _(
            "%(profile)s tidak mengatur tim tata kelola; %(label)s tidak dapat dicatat sebagai tim tetap.") % v)
    if kind in listed:
        return TeamProvision(kind, label, True, article, _("%(label)s diatur dalam %(article)s.") % v)
    v["provided"] = _join([kind_label(k) for k in listed if k in KINDS])
    return TeamProvision(
        kind, label, False, article,
        _("%(profile)s tidak mengatur %(label)s (tim tata kelola yang diatur: %(provided)s; %(article)s).") % v,
    )


def provided_teams(profile: Profile) -> tuple[TeamProvision, ...]:
    return tuple(p for p in (team_provided(profile, k) for k in KINDS) if p.allowed)


# --- the composition check ---------------------------------------------------------------------
def _not_regulated(profile: Profile, kind: str) -> CompositionDecision:
    article = cite(profile, "governance_teams")
    label = kind_label(kind)
    message = _(
        "%(profile)s tidak mengatur susunan keanggotaan dan ketua %(label)s (%(article)s); "
        "sistem tidak menambahkan batasan susunan."
    ) % {"profile": profile.name, "label": label, "article": article}
    return CompositionDecision(kind, label, False, article, message, (), (), "", REQUIREMENT[kind])


def check_composition(
    profile: Profile, kind: str, members: Sequence[MemberFacts], *, recorded_kinds: Collection[str] | None = None,
) -> CompositionDecision:
    """All findings against the composition of one team of ``kind`` under ``profile``.

    ``recorded_kinds`` are the standing teams the region already has (for "atas usul Tim
    Koordinasi"); None skips that check."""
    comp = composition_of(profile, kind)
    if comp is None:
        return _not_regulated(profile, kind)
    label, req = kind_label(kind), REQUIREMENT[kind]
    article = _art(profile, comp.get("article", ""))
    findings: list[CompositionFinding] = []

    def add(code: str, clause: Mapping, message: str, **values) -> None:
        """``message`` a msgid: %(label)s is the team, %(clause)s the clause's label (profile data)."""
        text = _(message) % {"label": label, "clause": clause.get("label", ""), **values}
        findings.append(CompositionFinding(code, text, _art(profile, clause.get("article", "")),
                                           bool(clause.get("binding", True)), req))

    ketuas = [m for m in members if m.role == "ketua"]
    clause = comp.get("ketua")
    if clause:
        if not ketuas:
            add("ketua", clause, gettext_noop("Ketua %(label)s belum ditetapkan; ketua adalah %(clause)s."))
        elif len(ketuas) > 1:
            add("ketua", clause, gettext_noop("%(label)s mempunyai lebih dari satu ketua; ketua adalah %(clause)s."))
        elif ketuas[0].seat not in clause["seats"]:
            add("ketua", clause, gettext_noop("Ketua %(label)s adalah %(clause)s, bukan %(name)s (%(seat)s)."),
                name=ketuas[0].name, seat=seat_word(ketuas[0].seat))
    clause = comp.get("coordinator_pd")
    if clause:
        if len(ketuas) != 1:
            add("koordinator", clause, gettext_noop(
                "Koordinator %(label)s dilaksanakan oleh %(clause)s; tetapkan satu ketua dari perangkat daerah tersebut."))
        elif ketuas[0].external or ketuas[0].pd_function != clause["function"]:
            add("koordinator", clause, gettext_noop(
                "Koordinator %(label)s dilaksanakan oleh %(clause)s; ketua %(name)s tidak berasal dari perangkat daerah "
                "tersebut."), name=ketuas[0].name)
    for element in comp.get("required") or ():
        if not any(m.seat in element["seats"] for m in members):
            add("anggota_wajib", element, gettext_noop("Belum ada %(clause)s dalam susunan %(label)s."))
    clause = comp.get("sekretaris")
    if clause:
        for m in members:
            if m.role == "sekretaris" and m.seat not in clause["seats"]:
                add("sekretaris", clause, gettext_noop(
                    "Sekretariat %(label)s dilaksanakan oleh %(clause)s, bukan %(name)s (%(seat)s)."),
                    name=m.name, seat=seat_word(m.seat))
    clause = comp.get("may_add")
    if clause:
        named = {s for e in comp.get("required") or () for s in e["seats"]}
        named |= set((comp.get("ketua") or {}).get("seats", ())) | set((comp.get("sekretaris") or {}).get("seats", ()))
        for m in members:
            if m.seat not in named and m.seat not in clause["seats"]:
                add("tambahan", clause, gettext_noop(
                    "%(name)s (%(seat)s) tidak termasuk susunan yang disebut; yang dapat ditambahkan: %(clause)s."),
                    name=m.name, seat=seat_word(m.seat))
    clause = comp.get("asn_only")
    if clause:
        for m in members:
            if m.external:
                add("asn_saja", clause, gettext_noop(
                    "%(label)s terdiri atas Aparatur Sipil Negara lintas Perangkat Daerah; %(name)s berasal dari luar "
                    "pemerintah daerah."), name=m.name)
    clause = comp.get("lintas_pd")
    if clause:
        pds = {m.pd for m in members if not m.external and m.pd}
        if len(pds) < 2:
            add("lintas_pd", clause, gettext_noop(
                "%(label)s terdiri atas ASN lintas Perangkat Daerah; anggota yang tercatat berasal dari %(count)s "
                "perangkat daerah."), count=len(pds))
    clause = comp.get("unsur")
    if clause:
        allowed = list(clause["allowed"])
        for m in members:
            if not m.unsur_key:
                add("unsur", clause, gettext_noop("Unsur %(name)s belum disebut; unsur %(label)s: %(allowed)s."),
                    name=m.name, allowed=_join([unsur_word(u) for u in allowed], gettext_noop("dan/atau")))
            elif m.unsur_key not in allowed:
                add("unsur", clause, gettext_noop(
                    "%(name)s berasal dari unsur %(unsur)s, yang tidak termasuk unsur %(label)s (%(allowed)s)."),
                    name=m.name, unsur=unsur_word(m.unsur_key),
                    allowed=_join([unsur_word(u) for u in allowed], gettext_noop("dan/atau")))
    clause = comp.get("proposed_by")
    if clause and recorded_kinds is not None and clause["kind"] not in recorded_kinds:
        findings.append(CompositionFinding(
            "atas_usul", _("%(label)s ditetapkan atas usul %(proposer)s, yang belum tercatat di pemerintah daerah ini.")
            % {"label": label, "proposer": kind_label(clause["kind"])}, _art(profile, clause.get("article", "")), False,
            req))

    set_by = comp.get("set_by") or {}
    set_by_text = f"{set_by['text']} ({_art(profile, set_by.get('article', ''))})" if set_by else ""
    binding = [f for f in findings if f.binding]
    if binding:
        message = _("Susunan %(label)s belum sesuai %(article)s:") % {"label": label, "article": article} + " " + " ".join(
            f.message for f in binding)
    else:
        message = _("Susunan %(label)s sesuai %(article)s.") % {"label": label, "article": article}
    return CompositionDecision(kind, label, True, article, message, tuple(findings), _tasks(profile, comp),
                               set_by_text, req)


def composition_summary(profile: Profile, kind: str) -> CompositionSummary:
    """The rules of one kind in words, each with its article (for the pages)."""
    provision = team_provided(profile, kind)
    comp = composition_of(profile, kind)
    label, req = kind_label(kind), REQUIREMENT[kind]
    if comp is None:
        decision = _not_regulated(profile, kind)
        return CompositionSummary(kind, label, provision, False, decision.article, (decision.message,), (), req)
    lines = []

    def line(text: str, clause: Mapping, value: str = "") -> None:
        """``text`` a msgid with %(value)s (profile data or words) in it."""
        lines.append(f"{_(text) % {'value': value}} ({_art(profile, clause.get('article', ''))})")

    if comp.get("ketua"):
        line(gettext_noop("Ketua: %(value)s"), comp["ketua"], comp["ketua"]["label"])
    if comp.get("coordinator_pd"):
        line(gettext_noop("Koordinator: %(value)s"), comp["coordinator_pd"], comp["coordinator_pd"]["label"])
    for element in comp.get("required") or ():
        line(gettext_noop("Wajib ada: %(value)s"), element, element["label"])
    if comp.get("may_add"):
        line(gettext_noop("Dapat ditambahkan: %(value)s"), comp["may_add"], comp["may_add"]["label"])
    if comp.get("sekretaris"):
        line(gettext_noop("Sekretariat: %(value)s"), comp["sekretaris"], comp["sekretaris"]["label"])
    if comp.get("asn_only"):
        line(gettext_noop("Anggota: Aparatur Sipil Negara"), comp["asn_only"])
    if comp.get("lintas_pd"):
        line(gettext_noop("Anggota berasal dari lintas Perangkat Daerah"), comp["lintas_pd"])
    if comp.get("unsur"):
        words = _join([unsur_word(u) for u in comp["unsur"]["allowed"]], gettext_noop("dan/atau"))
        line(gettext_noop("Unsur: %(value)s; anggota dari luar pemerintah daerah dicatat dengan unsurnya"), comp["unsur"],
             words)
    if comp.get("proposed_by"):
        line(gettext_noop("Atas usul %(value)s"), comp["proposed_by"], kind_label(comp["proposed_by"]["kind"]))
    if comp.get("set_by"):
        line(gettext_noop("Penetapan: %(value)s"), comp["set_by"], comp["set_by"]["text"])
    return CompositionSummary(kind, label, provision, True, _art(profile, comp.get("article", "")), tuple(lines),
                              _tasks(profile, comp), req)


def tasks_text(tasks: Sequence[TeamTask]) -> str:
    """The tasks as one paragraph (the default purpose of a recorded team)."""
    parts = [f"{t.title}: " + "; ".join(t.items) + f" ({t.article})" for t in tasks]
    return ". ".join(parts) + ("." if parts else "")
