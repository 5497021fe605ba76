"""The six-monthly monitoring of an SOP (PB-6): per procedure (step) whether it runs well,
notes and the action to take, and who assessed; recording it schedules the next one."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from sikerja.accounts.access import Actor
from sikerja.audit.services import record_event
from sikerja.processes.models import Monitoring, MonitoringItem, VersionStatus
from sikerja.processes.rules.monitoring import add_months
from sikerja.processes.services.common import ProcessError, require_writer, text


@transaction.atomic
def record_monitoring(*, actor: Actor, monitoring: Monitoring, items: dict[int, dict], summary: str = "") -> Monitoring:
    """``items``: step pk -> {runs_well: bool, notes, action}; every step of the SOP is assessed."""
    monitoring = Monitoring.objects.select_for_update().select_related("sop_version__sop").get(pk=monitoring.pk)
    version = monitoring.sop_version
    require_writer(actor, version.sop.owning_unit_id)
    if monitoring.done_on:
        raise ProcessError(gettext("Pemantauan ini sudah dicatat."), code="already_decided")
    if actor.employee is None:
        raise ProcessError(gettext("Akun Anda tidak terhubung dengan data pegawai; penilai harus pegawai."))
    steps = list(version.steps.all())
    problems, rows = [], []
    for step in steps:
        item = items.get(step.pk)
        if item is None or item.get("runs_well") is None:
            problems.append(gettext("Langkah %(no)s: pilih berjalan dengan baik atau tidak.") % {"no": step.no})
            continue
        notes = text(item.get("notes", ""), f"Catatan langkah {step.no}", limit=1000)
        action = text(item.get("action", ""), f"Tindakan langkah {step.no}", limit=1000)
        if not item["runs_well"] and not action:
            problems.append(gettext("Langkah %(no)s: tidak berjalan dengan baik — isi tindakan yang harus diambil.") % {"no": step.no})
        rows.append(
            MonitoringItem(
                monitoring=monitoring, step=step, runs_well=bool(item["runs_well"]), notes=notes, action=action
            )
        )
    if problems:
        raise ProcessError(problems)
    MonitoringItem.objects.bulk_create(rows)
    monitoring.done_on = timezone.localdate()
    monitoring.assessor = actor.employee
    monitoring.summary = text(summary, "Catatan umum")
    monitoring.save()
    if version.status == VersionStatus.APPROVED:
        Monitoring.objects.create(region=monitoring.region, sop_version=version, due_on=add_months(monitoring.due_on))
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="sop.monitored",
        obj=version,
        changes={"monitoring": monitoring.pk, "not_well": sum(1 for r in rows if not r.runs_well)},
    )
    return monitoring
