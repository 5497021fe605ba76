"""Laporan pelaksanaan tugas (issue 12 item 14; TJ-1..3, MEK-3, MEK-4): a work's reports for one
reporting period, or the final report once the result is accepted, as PDF and DOCX.

It is a record rendered on demand, not a numbered naskah dinas: it compiles acts already made
and recorded by their own authors — each progress report submitted by its author (PPU Ps 12(3),
(4)), each feedback, each decision on a kendala, each review stage decided by its reviewer
(PPU Lampiran huruf A angka 3, Lampiran huruf C) — so no one signs it anew, no number is spent,
nothing is stored, and anyone who may see the work may download it at any time. It is rendered
under the owning unit's letterhead with the letters engine's renderer, in Bahasa Indonesia."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext

from sikerja.accounts.access import Actor
from sikerja.execution import selectors
from sikerja.execution.models import Activity, Evidence, Feedback, Plan, Problem, ProblemDecision, Report, Review, Work
from sikerja.execution.rules import format_rupiah
from sikerja.execution.services.common import ExecutionError, approved_members
from sikerja.execution.services.reports import CAPACITY_WORDS
from sikerja.i18n import in_indonesian
from sikerja.letters.rules import date_id
from sikerja.organisation.rules.golongan import pangkat_label

REVIEW_WORDS = {
    Review.Status.MENUNGGU: "Menunggu reviu",
    Review.Status.ANTRE: "Belum sampai",
    Review.Status.DITERUSKAN: "Diteruskan",
    Review.Status.DIKEMBALIKAN: "Dikembalikan untuk diperbaiki",
    Review.Status.DITERIMA: "Diterima, sesuai target",
    Review.Status.BATAL: "Tidak berlaku (hasil dikembalikan)",
}
REPORT_WORDS = {
    Report.Kind.ANGGOTA: "Laporan anggota kepada ketua",
    Report.Kind.KETUA: "Laporan ketua tim",
    Report.Kind.INDIVIDU: "Laporan penugasan individu",
}


@dataclass
class Person:
    name: str
    nip: str
    pangkat: str
    jabatan: str
    role: str = ""


@dataclass
class Laporan:
    """What the document says; plain values so that the PDF and the DOCX say the same thing."""

    work: Work
    final: bool
    title: str
    period_text: str
    fields: list[tuple[str, str]]
    members: list[Person]
    activities: list[Activity]
    planned: str
    realised: str
    reports: list[Report]
    evidence: list[tuple[str, str, str]]  # (report period, file name or link, kind)
    feedback: list[tuple[str, str, str, str]]  # (date, author, capacity, text)
    problems: list[Problem]
    reviews: list[dict] = field(default_factory=list)
    lead: Person | None = None
    accepted_by: str = ""
    printed: str = ""
    period_start: dt.date | None = None


def periods(work: Work) -> list[tuple[dt.date, dt.date]]:
    """The work's reporting periods: those of its dues and of its reports, in order."""
    seen = set(work.dues.values_list("period_start", "period_end"))
    seen |= set(work.reports.values_list("period_start", "period_end"))
    return sorted(seen)


def parse_period(work: Work, start: str, end: str) -> tuple[dt.date, dt.date]:
    """One of the work's own periods from the query string; anything else is not found."""
    try:
        chosen = (dt.date.fromisoformat(start or ""), dt.date.fromisoformat(end or ""))
    except ValueError:
        raise Http404(gettext("Periode laporan tidak ditemukan.")) from None
    if chosen not in periods(work):
        raise Http404(gettext("Periode laporan tidak ditemukan."))
    return chosen


def _person(e, role: str = "") -> Person:
    return Person(
        name=e.full_name,
        nip=e.nip,
        pangkat=pangkat_label(e.status, e.golongan),
        jabatan=e.position.name if e.position_id else "Pelaksana",
        role=role,
    )


def _who(employee, on_behalf_of) -> str:
    if employee is None:
        return "-"
    return f"{employee.full_name} a.n. {on_behalf_of.full_name}" if on_behalf_of else employee.full_name


def _when(value) -> str:
    return date_id(timezone.localtime(value).date()) if value else "-"


def _span(start: dt.date, end: dt.date) -> str:
    return f"{date_id(start)} s.d. {date_id(end)}"


def build(actor: Actor, work_id, *, period: tuple[str, str] | None = None) -> Laporan:
    """The laporan of a work the actor may see (404 otherwise): ``period`` = (start, end) of one
    of its reporting periods, or None for the final laporan, available once the result is
    accepted (PPU Lampiran huruf A angka 3: selesai when the pimpinan unit accepts it). The
    refusals are in the page's language; the laporan itself in Bahasa Indonesia."""
    work = selectors.get_visible(actor, work_id)
    if period is None and work.status != Work.Status.SELESAI:
        raise ExecutionError(
            gettext("Laporan akhir tersedia setelah hasil pelaksanaan diterima oleh pimpinan unit."),
            code="wrong_state",
        )
    return _compile(work, None if period is None else parse_period(work, *period))


@in_indonesian
def _compile(work: Work, span: tuple[dt.date, dt.date] | None) -> Laporan:
    a = work.assignment
    final = span is None
    reports = (
        work.reports.select_related("author__position")
        .prefetch_related(
            Prefetch("evidence", queryset=Evidence.objects.defer("data")),
            Prefetch("feedback", queryset=Feedback.objects.select_related("author")),
        )
        .order_by("period_start", "submitted_at", "pk")
    )
    problems = work.problems.select_related("raised_by").prefetch_related(
        Prefetch("decisions", queryset=ProblemDecision.objects.select_related("leader", "decided_by", "on_behalf_of"))
    )
    if span:
        reports = reports.filter(period_start__lte=span[1], period_end__gte=span[0])
        problems = problems.filter(created_at__date__lte=span[1])
    reports, problems = list(reports), list(problems.order_by("created_at", "pk"))
    lead_reports = [r for r in reports if r.author_id == work.lead_id]
    realised = lead_reports[-1].budget_realised if span and lead_reports else work.budget_realised
    plan = Plan.objects.filter(work=work).first()
    activities = list(plan.activities.prefetch_related("budget_lines").order_by("order", "pk")) if plan else []
    letter = a.letter
    fields = [
        ("Nama kegiatan", a.title),
        (
            "Naskah penugasan",
            f"{letter.get_kind_display()} Nomor {letter.number} tanggal {date_id(letter.date)}" if letter else "-",
        ),
        ("Unit pemilik kinerja", work.owning_unit.name),
        ("Ekspektasi/target kinerja", a.target),
        ("Jangka waktu", _span(work.starts_on, work.ends_on)),
        ("Bentuk", "Tim kerja" if work.is_team else "Individu"),
    ]
    if work.target_id:
        t = work.target
        fields.insert(3, ("Target perjanjian kinerja", f"{t.sasaran}; {t.indikator}: {t.target}"))
    if work.duty_reference:
        fields.append(("Butir kegiatan/uraian tugas", work.duty_reference))
    members = [_person(m.employee, m.get_role_display() if work.is_team else "") for m in approved_members(work)]
    evidence = [
        (_span(r.period_start, r.period_end), ev.filename or ev.url, "Berkas" if ev.filename else "Tautan")
        for r in reports
        for ev in r.evidence.all()
    ]
    feedback = [
        (_when(fb.created_at), fb.author.full_name, CAPACITY_WORDS.get(fb.capacity, fb.capacity), fb.text)
        for r in reports
        for fb in r.feedback.all()
    ]
    for r in reports:
        r.kind_words = REPORT_WORDS.get(r.kind, r.kind)
        r.span_text, r.budget_text, r.submitted_text = (
            _span(r.period_start, r.period_end),
            format_rupiah(r.budget_realised),
            _when(r.submitted_at),
        )
    for p in problems:
        p.when_text = _when(p.created_at)
        for d in p.decisions.all():
            chosen = p.recommendations[d.chosen - 1] if d.chosen and 0 < d.chosen <= len(p.recommendations) else ""
            d.text = d.decision or chosen or "Belum diputuskan"
            d.who_text, d.when_text = _who(d.decided_by or d.leader, d.on_behalf_of), _when(d.decided_at)
    reviews, accepted_by = [], ""
    if final:
        for r in work.reviews.select_related("official", "decided_by", "on_behalf_of").order_by("round", "order"):
            reviews.append({
                "round": r.round, "label": r.label, "official": r.official.full_name,
                "status": REVIEW_WORDS.get(r.status, r.status), "who": _who(r.decided_by, r.on_behalf_of)
                if r.decided_by_id else "-", "when": _when(r.decided_at), "notes": r.notes or "-",
            })  # fmt: skip
            if r.status == Review.Status.DITERIMA:
                accepted_by = f"{_who(r.decided_by, r.on_behalf_of)} ({r.label}), {_when(r.decided_at)}"
    lead = work.lead
    return Laporan(
        work=work,
        final=final,
        title="LAPORAN AKHIR PELAKSANAAN TUGAS" if final else "LAPORAN PELAKSANAAN TUGAS",
        period_text=_span(work.starts_on, work.ends_on) if final else f"Periode {_span(*span)}",
        fields=fields,
        members=members,
        activities=activities,
        planned=format_rupiah(work.budget_planned),
        realised=format_rupiah(realised),
        reports=reports,
        evidence=evidence,
        feedback=feedback,
        problems=problems,
        reviews=reviews,
        lead=_person(lead, "Ketua tim" if work.is_team else "Pegawai yang ditugaskan"),
        accepted_by=accepted_by,
        printed=date_id(timezone.localdate()),
        period_start=span[0] if span else None,
    )


def filename(laporan: Laporan, ext: str) -> str:
    w = laporan.work
    which = "akhir" if laporan.final else laporan.period_start.isoformat()
    return f"laporan-pelaksanaan-{w.pk}-{which}.{ext}"
