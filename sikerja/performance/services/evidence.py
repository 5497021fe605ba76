"""Evidence, continuous feedback and coaching (KIN-2)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from sikerja.accounts.access import Actor
from sikerja.audit.services import record_event
from sikerja.execution.models import Report
from sikerja.inputs import InputError, add_years, check_date
from sikerja.performance.models import Coaching, Iki, Rhk, Skp, SkpEvidence, SkpFeedback
from sikerja.performance.services.common import KinerjaError, employee_of, not_found, require_ppk, text


def _day(value, label: str) -> dt.date:
    today = timezone.localdate()
    try:  # evidence and coaching of this year and the last: a window, not any date
        return check_date(value, label, earliest=add_years(today, -2), latest=today + dt.timedelta(days=1))
    except InputError as exc:
        raise KinerjaError(exc.messages) from exc


@transaction.atomic
def add_evidence(actor: Actor, rhk_id, *, title: str, url: str = "", iki_id=None, happened_on=None) -> SkpEvidence:
    me = employee_of(actor)
    rhk = Rhk.objects.select_related("skp").filter(pk=rhk_id, skp__region=actor.region).first()
    if rhk is None or rhk.skp.employee_id != me.pk:
        not_found("RHK tidak ditemukan atau bukan milik Anda.")
    if not rhk.skp.is_current:
        raise KinerjaError(gettext("Bukti dukung ditambahkan pada SKP versi yang berlaku."), code="wrong_state")
    iki = None
    if iki_id:
        iki = Iki.objects.filter(pk=iki_id, rhk=rhk).first()
        if iki is None:
            raise KinerjaError(gettext("Indikator yang dipilih bukan bagian dari RHK ini."))
    url = text(url, "Tautan", required=False, limit=500)
    if url and not url.startswith(("https://", "http://")):
        raise KinerjaError(gettext("Tautan harus diawali http:// atau https://."))
    item = SkpEvidence.objects.create(
        rhk=rhk,
        iki=iki,
        title=text(title, "Uraian bukti dukung", limit=300),
        url=url,
        happened_on=_day(happened_on or timezone.localdate(), "Tanggal bukti dukung"),
        added_by=me,
    )
    record_event(region=actor.region, actor=actor.user, verb="kinerja.evidence_added", obj=item)
    return item


def sync_report_evidence(skp: Skp) -> int:
    """Evidence taken automatically from the execution reports of the works the SKP's RHK came
    from (reports written by the SKP's owner); each report lands once per RHK."""
    rhks = list(skp.rhks.exclude(work__isnull=True).values_list("pk", "work_id"))
    if not rhks or not skp.is_current:
        return 0
    by_work: dict[int, list[int]] = {}
    for pk, work_id in rhks:
        by_work.setdefault(work_id, []).append(pk)
    have = set(
        SkpEvidence.objects.filter(rhk_id__in=[r for r, _ in rhks], report__isnull=False).values_list(
            "rhk_id", "report_id"
        )
    )
    new = []
    for report in Report.objects.filter(work_id__in=by_work, author_id=skp.employee_id).only(
        "pk", "work_id", "period_end", "progress", "realisation"
    ):
        for rhk_id in by_work[report.work_id]:
            if (rhk_id, report.pk) not in have:
                title = f"Laporan kemajuan {report.progress}%: {report.realisation}"[:300]
                new.append(
                    SkpEvidence(
                        rhk_id=rhk_id,
                        source=SkpEvidence.Source.LAPORAN,
                        title=title,
                        report=report,
                        happened_on=report.period_end,
                        added_by_id=skp.employee_id,
                    )
                )
    SkpEvidence.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


@transaction.atomic
def give_feedback(actor: Actor, evidence_id, *, text_value: str) -> SkpFeedback:
    item = (
        SkpEvidence.objects.select_related("rhk__skp__employee")
        .filter(pk=evidence_id, rhk__skp__region=actor.region)
        .first()
    )
    if item is None:
        not_found("Bukti dukung tidak ditemukan.")
    on_behalf = require_ppk(actor, item.rhk.skp.employee)
    fb = SkpFeedback.objects.create(
        evidence=item, author=employee_of(actor), on_behalf_of=on_behalf, text=text(text_value, "Umpan balik")
    )
    record_event(region=actor.region, actor=actor.user, verb="kinerja.feedback_given", obj=fb, on_behalf_of=on_behalf)
    return fb


@transaction.atomic
def add_coaching(actor: Actor, skp_id, *, text_value: str, held_on=None) -> Coaching:
    skp = Skp.objects.select_related("employee").filter(pk=skp_id, region=actor.region).first()
    if skp is None:
        not_found()
    on_behalf = require_ppk(actor, skp.employee)
    note = Coaching.objects.create(
        skp=skp,
        author=employee_of(actor),
        held_on=_day(held_on or timezone.localdate(), "Tanggal bimbingan"),
        text=text(text_value, "Catatan bimbingan"),
        created_by=actor.user,
    )
    record_event(region=actor.region, actor=actor.user, verb="kinerja.coaching", obj=note, on_behalf_of=on_behalf)
    return note
