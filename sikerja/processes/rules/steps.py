"""Checks of an SOP AP steps table (PB-6), pure: what the services store only when it passes.

The table follows PermenPANRB 35/2012: steps numbered from 1 without gaps, each done by one
pelaksana column, drawn with one of the step symbols; a decision names where "ya" and "tidak"
lead; the flow starts and ends with a terminator (kapsul)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext

from sikerja.processes.rules.symbols import DECISION, TERMINATOR, step_symbol

MAX_STEPS = 200
LIMITS = {"kegiatan": 500, "kelengkapan": 300, "waktu": 100, "output": 300, "keterangan": 500}


@dataclass
class StepInput:
    no: int
    kegiatan: str
    actor: int  # index into the pelaksana columns, 0-based
    symbol: str
    kelengkapan: str = ""
    waktu: str = ""
    output: str = ""
    keterangan: str = ""
    yes_to: int | None = None
    no_to: int | None = None


def check_steps(steps: list[StepInput], n_actors: int) -> list[str]:
    """Every reason the table is refused, in Indonesian; empty when it may be stored."""
    problems: list[str] = []
    if not steps:
        return [gettext("Tabel langkah kosong: isi sedikitnya satu kegiatan.")]
    if len(steps) > MAX_STEPS:
        return [gettext("Paling banyak %(max)s langkah dalam satu SOP.") % {"max": MAX_STEPS}]
    if n_actors < 1:
        problems.append(gettext("Tentukan sedikitnya satu pelaksana (jabatan)."))
    numbers = [s.no for s in steps]
    if numbers != list(range(1, len(steps) + 1)):
        problems.append(gettext("Nomor langkah harus berurutan mulai dari 1 tanpa loncatan."))
    last = len(steps)
    for s in steps:
        where = gettext("Langkah %(no)s") % {"no": s.no}
        try:
            s.symbol = step_symbol(s.symbol)
        except ValueError as exc:
            problems.append(gettext("%(where)s: %(exc)s") % {"where": where, "exc": exc})
            continue
        if not (s.kegiatan or "").strip():
            problems.append(gettext("%(where)s: kegiatan wajib diisi.") % {"where": where})
        for field, limit in LIMITS.items():
            if len(getattr(s, field) or "") > limit:
                problems.append(gettext("%(where)s: %(field)s paling banyak %(limit)s karakter.") % {"where": where, "field": field, "limit": limit})
        if not 0 <= s.actor < max(n_actors, 1):
            problems.append(gettext("%(where)s: pelaksana tidak ada di kolom pelaksana.") % {"where": where})
        if s.symbol == DECISION:
            for label, target in (("ya", s.yes_to), ("tidak", s.no_to)):
                if target is None:
                    problems.append(gettext("%(where)s: keputusan harus menyebut langkah tujuan bila '%(label)s'.") % {"where": where, "label": label})
                elif not 1 <= target <= last or target == s.no:
                    problems.append(gettext("%(where)s: langkah tujuan bila '%(label)s' (%(target)s) tidak ada.") % {"where": where, "label": label, "target": target})
        elif s.yes_to is not None or s.no_to is not None:
            problems.append(gettext("%(where)s: hanya langkah keputusan yang bercabang ya/tidak.") % {"where": where})
    if not problems:
        if steps[0].symbol != TERMINATOR or steps[-1].symbol != TERMINATOR:
            problems.append(gettext("Diagram alir dimulai dan diakhiri dengan kapsul (terminator)."))
        if steps[-1].symbol == DECISION:
            problems.append(gettext("Langkah terakhir tidak boleh keputusan."))
    return problems


def links(steps) -> list[tuple[int, int, str]]:
    """The arrows of the flowchart as (from no, to no, label): the next step, or both branches."""
    out = []
    for i, s in enumerate(steps):
        if s.symbol == DECISION:
            out.append((s.no, s.yes_to, "Ya"))
            out.append((s.no, s.no_to, "Tidak"))
        elif i + 1 < len(steps) and not (s.symbol == TERMINATOR and i > 0):
            out.append((s.no, steps[i + 1].no, ""))
    return out
