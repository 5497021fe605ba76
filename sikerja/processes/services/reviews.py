"""Review and evaluation of an approved map or SOP version (PB-2, PB-3, PB-4). The decision
keeps it, retires it, or revises it — a revision produces the new draft version, linked to the
review, which the owner edits and approves. An SOP's latest finished monitoring is the
evaluation the review starts from, so it is linked too."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from sikerja.accounts.access import Actor
from sikerja.audit.services import record_event
from sikerja.processes.models import Decision, MapVersion, Monitoring, Review, SopVersion, VersionStatus
from sikerja.processes.services.common import ProcessError, require_writer, text
from sikerja.processes.services.maps import _copy as copy_map_version
from sikerja.processes.services.sops import copy_sop_version


def _check(version, decision, findings):
    if version.status != VersionStatus.APPROVED:
        raise ProcessError(gettext("Hanya versi yang berlaku (sudah disahkan) yang direviu."), code="wrong_state")
    if decision not in Decision.values:
        raise ProcessError(gettext("Keputusan reviu harus dipertahankan, direvisi atau dicabut."))
    return text(findings, "Temuan", required=True)


def _retire(version):
    version.status, version.retired_at = VersionStatus.RETIRED, timezone.now()
    version.save(update_fields=["status", "retired_at"])


@transaction.atomic
def review_map_version(*, actor: Actor, version: MapVersion, findings: str, decision: str) -> Review:
    version = MapVersion.objects.select_for_update().select_related("map__process").get(pk=version.pk)
    require_writer(actor, version.map.process.owning_unit_id)
    findings = _check(version, decision, findings)
    new = None
    if decision == Decision.REVISE:
        if version.map.versions.filter(status=VersionStatus.DRAFT).exists():
            raise ProcessError(gettext("Peta ini sudah memiliki draf versi baru."), code="wrong_state")
        new = copy_map_version(version, actor, f"Revisi hasil reviu versi {version.number}")
    elif decision == Decision.RETIRE:
        _retire(version)
    review = Review.objects.create(
        region=actor.region,
        map_version=version,
        findings=findings,
        decision=decision,
        new_map_version=new,
        reviewer=actor.employee,
        decided_on=timezone.localdate(),
    )
    record_event(
        region=actor.region,
        actor=actor.user,
        verb=f"process.review_{decision}",
        obj=version,
        changes={"review": review.pk},
    )
    return review


@transaction.atomic
def review_sop_version(*, actor: Actor, version: SopVersion, findings: str, decision: str) -> Review:
    version = SopVersion.objects.select_for_update().select_related("sop").get(pk=version.pk)
    require_writer(actor, version.sop.owning_unit_id)
    findings = _check(version, decision, findings)
    new = None
    if decision == Decision.REVISE:
        if version.sop.versions.filter(status=VersionStatus.DRAFT).exists():
            raise ProcessError(gettext("SOP ini sudah memiliki draf versi baru."), code="wrong_state")
        new = copy_sop_version(version)
    elif decision == Decision.RETIRE:
        _retire(version)
    monitoring = Monitoring.objects.filter(sop_version=version, done_on__isnull=False).order_by("-done_on").first()
    review = Review.objects.create(
        region=actor.region,
        sop_version=version,
        findings=findings,
        decision=decision,
        new_sop_version=new,
        monitoring=monitoring,
        reviewer=actor.employee,
        decided_on=timezone.localdate(),
    )
    record_event(
        region=actor.region, actor=actor.user, verb=f"sop.review_{decision}", obj=version, changes={"review": review.pk}
    )
    return review
