"""Submitting the result and its review chain (MEK-3, MEK-4; PPU Lampiran A angka 2 huruf c,
angka 3 and Lampiran C).

The lead submits the result; the stages come from the profile's chain for the type of the
owning unit's perangkat daerah (``rules.review_chain``), resolved to officials
(``rules.resolve_chain``). Each reviewer, or their Plh/Plt, forwards or returns it with notes;
a return sends the work back to pelaksanaan and the next submission is a new round; the
accepting stage makes the work *selesai*.

Concurrency: the work row is locked, and a review moves only by a compare-and-set UPDATE
(``status='menunggu'`` in the WHERE), so a review decided twice at once ends in one decision."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from sikerja.accounts.access import Actor
from sikerja.assignments import officials
from sikerja.assignments.actions.roles import nearest_leader
from sikerja.audit.services import record_event
from sikerja.execution import rules
from sikerja.execution.models import Review, Work
from sikerja.execution.services.common import (
    ExecutionError,
    acting_for,
    check_running,
    employee_of,
    locked_work,
    ppk_for,
    profile_for,
    text,
)
from sikerja.notifications.services import notify
from sikerja.organisation.models import Employee


def chain_officials(work: Work) -> dict:
    """Who holds each role a chain may name, as employee ids (rules.resolve_chain's input)."""
    owning = work.owning_unit
    pd = officials.pd_root(owning)
    found = {
        "ppk": getattr(ppk_for(work.lead), "pk", None),
        "pimpinan_unit": getattr(nearest_leader(owning), "pk", None),
        "pimpinan_pd": getattr(nearest_leader(pd), "pk", None),
    }
    # ('ancestor', type): the leader of the nearest unit of that type at or above the owning unit.
    for unit in owning.ancestors(include_self=True):  # root first: nearer units overwrite
        leader = officials.leader_of(unit)
        if leader is not None:
            found[("ancestor", unit.unit_type)] = leader.pk
    return found


def planned_chain(work: Work) -> tuple[rules.Chain, list[rules.ResolvedStage]]:
    chain = rules.review_chain(profile_for(work), officials.pd_root(work.owning_unit).unit_type)
    resolved = [
        r for r in rules.resolve_chain(chain, chain_officials(work)) if r.official_id != work.lead_id or r.stage.accepts
    ]
    return chain, resolved


@transaction.atomic
def submit_result(*, actor: Actor, work_id: int, summary) -> list[Review]:
    work = locked_work(actor, work_id)
    me = employee_of(actor)
    if me.pk != work.lead_id:
        raise PermissionDenied(
            gettext("Hasil pelaksanaan disampaikan oleh ketua tim kerja atau pegawai yang ditugaskan secara individu.")
        )
    if work.status == Work.Status.PERENCANAAN:  # PPU Ps 5(1): the plan is approved first
        from sikerja.execution.rules.planning import plan_first

        raise ExecutionError(plan_first(profile_for(work)).message, code="wrong_state")
    if work.status != Work.Status.PELAKSANAAN:
        raise ExecutionError(
            gettext("Hasil tidak dapat disampaikan: penugasan dalam tahap %(status)s.") % {"status": work.get_status_display().lower()},
            code="wrong_state",
        )
    check_running(work)
    summary = text(summary, "Hasil pelaksanaan")
    _chain, resolved = planned_chain(work)
    if not resolved or resolved[-1].official_id == me.pk:
        raise ExecutionError(gettext("Tidak ada pejabat yang dapat mereviu dan menerima hasil ini; hubungi admin organisasi."))
    round_no = (work.reviews.aggregate(n=Max("round"))["n"] or 0) + 1
    reviews = Review.objects.bulk_create(
        [
            Review(
                work=work,
                round=round_no,
                order=i,
                label=r.stage.label,
                article=r.stage.article,
                official_id=r.official_id,
                accepts=r.stage.accepts,
                status=Review.Status.MENUNGGU if i == 1 else Review.Status.ANTRE,
            )
            for i, r in enumerate(resolved, start=1)
        ]
    )
    work.status, work.result_summary = Work.Status.EVALUASI, summary
    work.save(update_fields=["status", "result_summary"])
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="work.result_submitted",
        obj=work,
        changes={"round": round_no, "stages": [f"{r.label}: {r.official_id}" for r in reviews]},
    )
    _tell(reviews[0].official_id, work, "work.review_waiting", f"Hasil menunggu reviu Anda: {work.assignment.title}")
    return reviews


def _tell(employee_id, work: Work, verb: str, title: str) -> None:
    person = Employee.objects.filter(pk=employee_id).select_related("user").first()
    notify(person, verb, work, title=title[:200], url=reverse("pelaksanaan:detail", args=[work.pk]), region=work.region)


FORWARD, RETURN = "teruskan", "kembalikan"


@transaction.atomic
def decide_review(*, actor: Actor, review_id: int, decision: str, notes="") -> Review:
    """``decision`` 'teruskan' (forward; at the accepting stage: accept) or 'kembalikan'
    (return for revision, notes required)."""
    found = Review.objects.filter(work__region=actor.region, pk=review_id).values_list("work_id", flat=True).first()
    if found is None:
        raise Http404(gettext("Reviu tidak ditemukan di pemerintah daerah ini."))
    work = locked_work(actor, found)
    review = Review.objects.select_related("official").get(pk=review_id)
    me = employee_of(actor)
    may, on_behalf_of = acting_for(actor, review.official_id)
    if not may:
        raise PermissionDenied(
            gettext("Reviu tahap ini menjadi kewenangan %(full_name)s (%(label)s) atau Plh./Plt.-nya.") % {"full_name": review.official.full_name, "label": review.label}
        )
    if review.status != Review.Status.MENUNGGU or work.status != Work.Status.EVALUASI:
        who = f" oleh {review.decided_by.full_name}" if review.decided_by_id else ""
        raise ExecutionError(
            gettext("Reviu ini sudah %(status)s%(who)s; muat ulang halaman.") % {"status": review.get_status_display().lower(), "who": who}, code="already_decided"
        )
    if decision not in (FORWARD, RETURN):
        raise ExecutionError(gettext("Pilih teruskan/terima atau kembalikan untuk diperbaiki."))
    notes = text(notes, "Catatan reviu", required=decision == RETURN)
    if decision == RETURN:
        status = Review.Status.DIKEMBALIKAN
    else:
        status = Review.Status.DITERIMA if review.accepts else Review.Status.DITERUSKAN
    now = timezone.now()
    moved = Review.objects.filter(pk=review.pk, status=Review.Status.MENUNGGU).update(
        status=status, notes=notes, decided_by=me, on_behalf_of=on_behalf_of, decided_at=now
    )
    if moved != 1:
        raise ExecutionError(
            gettext("Reviu ini baru saja diputus oleh pejabat lain; muat ulang halaman."), code="already_decided"
        )
    later = Review.objects.filter(work=work, round=review.round, order__gt=review.order).order_by("order")
    if status == Review.Status.DIKEMBALIKAN:
        later.update(status=Review.Status.BATAL)
        work.status = Work.Status.PELAKSANAAN
        work.save(update_fields=["status"])
        _tell(
            work.lead_id, work, "work.result_returned", f"Hasil dikembalikan untuk diperbaiki: {work.assignment.title}"
        )
    elif status == Review.Status.DITERIMA:
        later.update(status=Review.Status.BATAL)
        work.status, work.accepted_at = Work.Status.SELESAI, now
        work.save(update_fields=["status", "accepted_at"])
        _tell(work.lead_id, work, "work.accepted", f"Hasil diterima, penugasan selesai: {work.assignment.title}")
    else:
        nxt = later.first()
        Review.objects.filter(pk=nxt.pk).update(status=Review.Status.MENUNGGU)
        _tell(nxt.official_id, work, "work.review_waiting", f"Hasil menunggu reviu Anda: {work.assignment.title}")
    record_event(
        region=actor.region,
        actor=actor.user,
        verb=f"work.review_{status}",
        obj=work,
        on_behalf_of=on_behalf_of,
        reason=notes,
        changes={"review": review.pk, "stage": review.label, "round": review.round, "article": review.article},
    )
    review.refresh_from_db()
    return review
