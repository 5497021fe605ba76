"""Hand-overs of penugasan, derived from the audit log (PLT-3).

The assignment services are not touched: ``audit.services.record_event`` sends
``event_recorded`` after it writes an event, and this module turns the events below into
notifications once the transaction that wrote them has committed (so a rolled-back decision
tells nobody, and the recipients are read from the state the transaction left behind).

| event                            | who is told                                              | verb                           |
|----------------------------------|----------------------------------------------------------|--------------------------------|
| assignment.proposed              | each employee proposed as member                         | assignment.proposed_to_you     |
| assignment.proposed / .applied / | the official of every step now waiting (and whoever      | assignment.step_waiting        |
| .step_decided                    | stands in for them today as Plh/Plt) — once per step     |                                |
| assignment.step_decided          | the initiator (pengusul / pemohon)                       | assignment.step_decided        |
| assignment.issued                | every approved member and the initiator                  | assignment.issued              |
| assignment.ditolak / .dibatalkan | the initiator and the proposed members                   | assignment.closed              |
| assignment.standing_recorded     | every member of the standing team                        | assignment.standing_recorded   |

The person who acted is never told about their own action. Other apps (execution,
performance) call ``notify`` directly from their services.
"""

from __future__ import annotations

import logging
from functools import partial

from django.db import transaction
from django.urls import reverse

from sikerja.i18n import in_indonesian
from sikerja.notifications.services import _user_of, already_notified, notify

logger = logging.getLogger(__name__)

HANDLED_VERBS = frozenset(
    {
        "assignment.proposed",
        "assignment.applied",
        "assignment.step_decided",
        "assignment.issued",
        "assignment.ditolak",
        "assignment.dibatalkan",
        "assignment.standing_recorded",
        "assignment.dicabut",
        "assignment.diakhiri",
        "assignment.diperpanjang",
    }
)
STEP_STATUS_WORDS = {
    "disetujui": "disetujui",
    "sebagian": "disetujui sebagian",
    "ditolak": "ditolak",
    "selesai": "selesai",
    "dibatalkan": "dibatalkan",
}


def on_event_recorded(sender, event, **kwargs) -> None:
    if event.verb in HANDLED_VERBS:
        transaction.on_commit(partial(dispatch, event))


@in_indonesian  # runs on commit, after the request's language took over again
def dispatch(event) -> None:
    """Never lets a notification problem turn a committed action into an error page."""
    try:
        with transaction.atomic():
            _assignment_handover(event)
    except Exception:  # noqa: BLE001 - logged; the user's action has already committed
        logger.exception("Notifikasi untuk peristiwa %s (%s) gagal dibuat", event.pk, event.verb)


class _Sender:
    """notify() for one event: skips the acting user and people told twice in this event."""

    def __init__(self, event, assignment):
        self.event, self.assignment, self.told = event, assignment, set()
        self.url = reverse("penugasan:detail", args=[assignment.pk])

    def __call__(self, person, verb, title, target=None):
        user = _user_of(person)
        if user is None or user.pk == self.event.actor_id or (user.pk, verb) in self.told:
            return
        self.told.add((user.pk, verb))
        notify(user, verb, target or self.assignment, title=title, url=self.url, region=self.assignment.region)


def _assignment_handover(event) -> None:
    from sikerja.assignments.models import Assignment, Member, Step
    from sikerja.organisation.models import Delegation

    assignment = Assignment.objects.select_related("region", "initiated_by__user").filter(pk=event.object_id).first()
    if assignment is None or str(assignment.region_id) != str(event.region_id):
        return
    send = _Sender(event, assignment)
    title = f"«{assignment.title}»"
    verb = event.verb
    members = list(assignment.members.filter(employee__isnull=False).select_related("employee__user"))

    if verb == "assignment.proposed":
        for m in members:
            send(m.employee, "assignment.proposed_to_you", f"Anda diusulkan dalam penugasan {title}")
    if verb in ("assignment.proposed", "assignment.applied", "assignment.step_decided") and (
        assignment.status == Assignment.Status.PROSES
    ):
        waiting = list(
            Step.objects.filter(assignment=assignment, status=Step.Status.MENUNGGU).select_related("official__user")
        )
        first = min((s.order for s in waiting), default=None)
        current = [s for s in waiting if s.order == first and s.official_id]
        stand_ins = {}
        for d in (
            Delegation.objects.acting()
            .filter(delegator_id__in=[s.official_id for s in current])
            .select_related("delegate__user")
        ):
            stand_ins.setdefault(d.delegator_id, []).append(d.delegate)
        for step in current:
            for person in [step.official, *stand_ins.get(step.official_id, [])]:
                user = _user_of(person)
                if user is not None and not already_notified(user, "assignment.step_waiting", step):
                    send(
                        user,
                        "assignment.step_waiting",
                        f"Menunggu tindakan Anda: {step.action} — penugasan {title}",
                        step,
                    )
    if verb == "assignment.step_decided":
        word = STEP_STATUS_WORDS.get(event.changes.get("status", ""), "diputus")
        send(assignment.initiated_by, "assignment.step_decided", f"Langkah penugasan {title} {word}")
    if verb == "assignment.issued":
        number = event.changes.get("document", "")
        for m in members:
            if m.status == Member.Status.DISETUJUI:
                send(
                    m.employee,
                    "assignment.issued",
                    f"Naskah penugasan {title} terbit{f' ({number})' if number else ''}",
                )
        send(
            assignment.initiated_by,
            "assignment.issued",
            f"Naskah penugasan {title} terbit{f' ({number})' if number else ''}",
        )
    if verb in ("assignment.ditolak", "assignment.dibatalkan"):
        word = "ditolak" if verb.endswith("ditolak") else "dibatalkan"
        for person in [assignment.initiated_by, *(m.employee for m in members)]:
            send(person, "assignment.closed", f"Penugasan {title} {word}")
    if verb in ("assignment.dicabut", "assignment.diakhiri", "assignment.diperpanjang"):
        if verb == "assignment.dicabut":
            words = f"Naskah penugasan {title} dicabut; penugasan berakhir"
        else:
            until = assignment.ends_on.strftime("%d-%m-%Y")
            words = (
                f"Penugasan {title} {'diakhiri pada' if verb.endswith('diakhiri') else 'diperpanjang sampai'} {until}"
            )
        for m in members:
            if m.status == Member.Status.DISETUJUI:
                send(m.employee, "assignment.changed", words)
        send(assignment.initiated_by, "assignment.changed", words)
    if verb == "assignment.standing_recorded":
        for m in members:
            send(m.employee, "assignment.standing_recorded", f"Anda tercatat sebagai anggota {assignment.title}")
