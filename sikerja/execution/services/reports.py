"""Progress reports with evidence (PEL-3, TJ-1..3) and feedback on them (PEL-4).

A member reports to the ketua (TJ-2), the ketua reports the team's progress (TJ-3), an
individual assignee reports (TJ-1) — each to whom the region's profile names
(``rules.reporting_line``); the article is stored on the report. Each report answers one
reporting due; a report sent after its due date is flagged late."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from sikerja.accounts.access import Actor
from sikerja.audit.services import record_event
from sikerja.execution import rules
from sikerja.execution.models import Evidence, Feedback, Report, ReportDue, Work
from sikerja.execution.services.common import (
    ExecutionError,
    acting_for,
    check_running,
    employee_of,
    holder_of,
    locked_work,
    ppk_for,
    profile_for,
    reporter_kind,
    text,
)
from sikerja.execution.services.evidence import check_files, check_links
from sikerja.inputs import shown_date
from sikerja.notifications.services import notify

KIND = {"ketua": Report.Kind.KETUA, "anggota": Report.Kind.ANGGOTA, "individu": Report.Kind.INDIVIDU}
CAPACITY_WORDS = {
    "ketua": "Ketua tim kerja",
    "ppk": "Pejabat Penilai Kinerja",
    "plh_ppk": "Plh./Plt. Pejabat Penilai Kinerja",
}


def _percent(value) -> int:
    raw = str(value if value is not None else "").strip().removesuffix("%").strip()
    if not raw.isdigit() or len(raw) > 3 or int(raw) > 100:
        raise ExecutionError(gettext("Kemajuan diisi bilangan bulat 0 sampai 100 (persen)."))
    return int(raw)


def _amount(value):
    if value is None or str(value).strip() == "":
        return 0
    try:
        return rules.rupiah(value, "Realisasi anggaran")
    except ValueError as exc:
        raise ExecutionError(str(exc)) from exc


def _due(work: Work, me, due_id, today) -> ReportDue:
    # The reporter's own dues of this work (one per period), "open" picked here: "report IS NULL"
    # in WHERE sends SQLite through every open due of the region (bench_execution: 64 ms of a
    # submission at 50,000 employees).
    mine = ReportDue.objects.select_for_update().filter(work=work, owed_by=me).order_by("due_on", "pk")
    open_dues = [d for d in mine if d.report_id is None]
    wanted = str(due_id).strip() if due_id else ""
    due = next((d for d in open_dues if str(d.pk) == wanted), None) if wanted else next(iter(open_dues), None)
    if due is None:
        if due_id:
            raise ExecutionError(gettext("Periode laporan ini tidak ada atau sudah dilaporkan."), code="already_decided")
        raise ExecutionError(gettext("Semua periode laporan Anda pada penugasan ini sudah dilaporkan."))
    if due.period_start > today:
        raise ExecutionError(
            gettext("Periode %(period_start)s s.d. %(period_end)s belum dimulai.") % {"period_start": shown_date(due.period_start), "period_end": shown_date(due.period_end)}
        )
    return due


def recipients_of(work: Work, author, who: str) -> tuple[list[dict], rules.ReportingLine]:
    """Whom the report goes to, per the profile (one entry per person, naming every role held)."""
    line = rules.reporting_line(profile_for(work), who)
    found: dict[int, dict] = {}
    for role in line.roles:
        holder = holder_of(role, work, author)
        if holder is None or holder.pk == author.pk:
            continue
        entry = found.setdefault(holder.pk, {"employee_id": holder.pk, "name": holder.full_name, "roles": []})
        entry["roles"].append(rules.ROLE_WORDS.get(role, role))
    return list(found.values()), line


@transaction.atomic
def submit_report(
    *, actor: Actor, work_id: int, progress, realisation, budget_realised=None, due_id=None, files=(), links=()
) -> Report:
    work = locked_work(actor, work_id)
    me = employee_of(actor)
    who = reporter_kind(work, me)
    if who is None:
        raise PermissionDenied(gettext("Laporan kemajuan hanya disampaikan oleh pegawai yang ditugaskan pada penugasan ini."))
    if work.status == Work.Status.PERENCANAAN:  # PPU Ps 5(1): the plan is approved first
        from sikerja.execution.rules.planning import plan_first

        raise ExecutionError(plan_first(profile_for(work)).message, code="wrong_state")
    if work.status != Work.Status.PELAKSANAAN:
        raise ExecutionError(
            gettext("Penugasan ini dalam tahap %(status)s; laporan kemajuan tidak dapat disampaikan.") % {"status": work.get_status_display().lower()},
            code="wrong_state",
        )
    check_running(work)
    today = timezone.localdate()
    # Every input is checked before the first row is written (nothing half-stored).
    percent = _percent(progress)
    realisation = text(realisation, "Realisasi terhadap rencana")
    amount = _amount(budget_realised)
    checked_files, checked_links = check_files(files), check_links(links)
    due = _due(work, me, due_id, today)
    recipients, line = recipients_of(work, me, who)
    report = Report.objects.create(
        work=work,
        author=me,
        kind=KIND[who],
        recipients=recipients,
        article=line.article,
        period_start=due.period_start,
        period_end=due.period_end,
        progress=percent,
        realisation=realisation,
        budget_realised=amount,
        is_late=today > due.due_on,
    )
    Evidence.objects.bulk_create(
        [
            Evidence(report=report, filename=f.filename, content_type=f.content_type, size=len(f.data), data=f.data)
            for f in checked_files
        ]
        + [Evidence(report=report, url=link) for link in checked_links]
    )
    if ReportDue.objects.filter(pk=due.pk, report__isnull=True).update(report=report) != 1:
        raise ExecutionError(gettext("Periode laporan ini baru saja dilaporkan."), code="already_decided")
    if who in ("ketua", "individu"):  # the lead's report is the work's standing
        work.progress, work.budget_realised = percent, amount
        work.save(update_fields=["progress", "budget_realised"])
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="work.report_submitted",
        obj=work,
        changes={"report": report.pk, "progress": percent, "late": report.is_late, "article": line.article},
    )
    url = reverse("pelaksanaan:detail", args=[work.pk])
    for r in recipients:
        notify(
            _employee(r["employee_id"]),
            "work.report_submitted",
            work,
            title=f"Laporan kemajuan {me.full_name}: {work.assignment.title}"[:200],
            url=url,
            region=actor.region,
        )
    return report


def _employee(pk):
    from sikerja.organisation.models import Employee

    return Employee.objects.filter(pk=pk).select_related("user").first()


def feedback_capacity(actor: Actor, work: Work, report: Report) -> str | None:
    """'ketua', 'ppk' or 'plh_ppk' when the actor may give feedback on the report (PEL-4: the
    ketua on the members' reports, the author's PPK on any), else None."""
    me = actor.employee
    if me is None or report.author_id == me.pk:
        return None
    if work.is_team and work.lead_id == me.pk:
        return "ketua"
    ppk = ppk_for(report.author)
    may, on_behalf_of = acting_for(actor, ppk.pk if ppk else None)
    if may:
        return "plh_ppk" if on_behalf_of else "ppk"
    return None


@transaction.atomic
def give_feedback(*, actor: Actor, report_id: int, text_value) -> Feedback:
    report = (
        Report.objects.select_related("author__unit", "work").filter(work__region=actor.region, pk=report_id).first()
    )
    if report is None:
        raise Http404(gettext("Laporan tidak ditemukan di pemerintah daerah ini."))
    work = locked_work(actor, report.work_id)
    employee_of(actor)
    capacity = feedback_capacity(actor, work, report)
    if capacity is None:
        raise PermissionDenied(
            gettext("Umpan balik atas laporan ini diberikan oleh ketua tim kerja atau Pejabat Penilai Kinerja penyusun "
            "laporan (atau Plh./Plt.-nya).")
        )
    body = text(text_value, "Umpan balik")
    feedback = Feedback.objects.create(report=report, author=actor.employee, capacity=capacity, text=body)
    on_behalf_of = ppk_for(report.author) if capacity == "plh_ppk" else None
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="work.feedback_given",
        obj=work,
        on_behalf_of=on_behalf_of,
        changes={"report": report.pk, "capacity": capacity},
    )
    notify(
        _employee(report.author_id),
        "work.feedback_given",
        work,
        title=f"Umpan balik atas laporan Anda: {work.assignment.title}"[:200],
        url=reverse("pelaksanaan:detail", args=[work.pk]),
        region=actor.region,
    )
    return feedback
