"""Periodic evaluation (KIN-3, KIN-5, KIN-8), organisation predikat (KIN-10) and follow-up (KIN-4).

Check-then-act steps lock the row they decide on (SELECT ... FOR UPDATE): two PPKs (the PPK and
their Plh) finalising one evaluation at once end in one final evaluation and one refusal."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from sikerja.accounts.access import Actor
from sikerja.accounts.models import Role
from sikerja.assignments import officials
from sikerja.audit.services import record_event
from sikerja.organisation.models import Unit
from sikerja.performance.models import Evaluation, FollowUp, Iki, Period, Realisation, Skp, UnitPredikat
from sikerja.performance.rules import curve, followup
from sikerja.performance.rules.predikat import check_rating, predikat
from sikerja.performance.services.common import (
    KinerjaError,
    employee_of,
    is_unit_leader,
    leader_above,
    not_found,
    require_ppk,
    rule,
    text,
)
from sikerja.performance.services.periods import period_open_for


def unit_result(employee, period) -> UnitPredikat | None:
    return UnitPredikat.objects.filter(unit_id=employee.unit_id, period=period).first()


@transaction.atomic
def evaluate(
    actor: Actor,
    skp_id,
    *,
    period_id,
    rating_hasil: str | None,
    rating_perilaku: str,
    realisations: dict | None = None,
    notes: str = "",
) -> Evaluation:
    """Record (or correct, while still a draft) the evaluation of one period. Every check runs
    before the first write, so a refusal leaves nothing behind."""
    skp = (
        Skp.objects.select_for_update(of=("self",))
        .select_related("employee__unit", "employee__position")
        .filter(region=actor.region, pk=skp_id)
        .first()
    )
    if skp is None:
        not_found()
    employee = skp.employee
    on_behalf = require_ppk(actor, employee)
    if not skp.is_current or skp.status != Skp.Status.DISETUJUI:
        raise KinerjaError(gettext("Evaluasi hanya atas SKP yang berlaku dan sudah disetujui."), code="wrong_state")
    period = Period.objects.filter(region=actor.region, pk=period_id).prefetch_related("units").first()
    if period is None or period.year != skp.year or not period_open_for(period, employee):
        raise KinerjaError(gettext("Periode penilaian ini tidak terbuka bagi pegawai tersebut."), code="wrong_state")
    rule(check_rating, rating_perilaku, "Rating perilaku kerja")
    from_unit = is_unit_leader(employee)
    if from_unit:
        # KIN-9: the leader's rating hasil kerja is the unit's result, set by the leader above.
        result = unit_result(employee, period)
        if result is None:
            raise KinerjaError(
                gettext("Predikat kinerja organisasi unit ini belum ditetapkan; rating hasil kerja pimpinan unit mengikutinya.")
            )
        if rating_hasil and rating_hasil != result.rating:
            raise KinerjaError(
                gettext("Rating hasil kerja pimpinan unit sama dengan capaian kinerja unitnya (%(rating)s).") % {"rating": result.get_rating_display()}
            )
        rating_hasil = result.rating
    rule(check_rating, rating_hasil, "Rating hasil kerja")
    value = rule(predikat, rating_hasil, rating_perilaku)
    realisations = {int(k): v for k, v in (realisations or {}).items()}
    own_ikis = set(Iki.objects.filter(rhk__skp=skp).values_list("pk", flat=True))
    stray = sorted(set(realisations) - own_ikis)
    if stray:
        raise KinerjaError(gettext("Realisasi diisi untuk indikator yang bukan bagian dari SKP ini."))
    cleaned = {k: text(v, "Realisasi", limit=1000) for k, v in realisations.items() if (v or "").strip()}
    notes = text(notes, "Catatan", required=False)
    ev = Evaluation.objects.select_for_update().filter(employee=employee, period=period).first()
    if ev is not None and ev.status == Evaluation.Status.FINAL:
        raise KinerjaError(gettext("Evaluasi periode ini sudah final."), code="already_decided")
    fields = dict(
        skp=skp,
        unit_id=employee.unit_id,
        assessor=employee_of(actor),
        on_behalf_of=on_behalf,
        rating_hasil=rating_hasil,
        rating_perilaku=rating_perilaku,
        predikat=value,
        hasil_from_unit=from_unit,
        notes=notes,
    )
    if ev is None:
        try:
            with transaction.atomic():
                ev = Evaluation.objects.create(region=actor.region, employee=employee, period=period, **fields)
        except IntegrityError as exc:
            raise KinerjaError(
                gettext("Evaluasi periode ini baru saja dicatat orang lain; muat ulang."), code="already_decided"
            ) from exc
    else:
        for k, v in fields.items():
            setattr(ev, k, v)
        ev.save()
    for iki_id, body in cleaned.items():
        Realisation.objects.update_or_create(evaluation=ev, iki_id=iki_id, defaults={"text": body})
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="kinerja.evaluated",
        obj=ev,
        changes={"predikat": value},
        on_behalf_of=on_behalf,
    )
    return ev


@transaction.atomic
def finalise(actor: Actor, evaluation_id) -> Evaluation:
    ev = (
        Evaluation.objects.select_for_update(of=("self",))
        .select_related("employee")
        .filter(region=actor.region, pk=evaluation_id)
        .first()
    )
    if ev is None:
        not_found("Evaluasi tidak ditemukan.")
    on_behalf = require_ppk(actor, ev.employee)
    if ev.status == Evaluation.Status.FINAL:
        raise KinerjaError(gettext("Evaluasi ini sudah final."), code="already_decided")
    if not ev.period.is_open:
        raise KinerjaError(gettext("Periode penilaian sudah ditutup."), code="wrong_state")
    ev.status = Evaluation.Status.FINAL
    ev.finalised_at = timezone.now()
    ev.save(update_fields=["status", "finalised_at", "updated_at"])
    record_event(region=actor.region, actor=actor.user, verb="kinerja.finalised", obj=ev, on_behalf_of=on_behalf)
    return ev


RECOMMENDERS = {"perencanaan": "unit perencanaan", "sdm": "unit SDM", "pengawasan": "unit pengawasan"}


def may_set_unit_predikat(actor: Actor, unit: Unit) -> tuple[bool, object]:
    above = leader_above(unit)
    if above is None:  # a PD: set by the regional government's leadership (Sekda for the Bupati)
        return (actor.is_superadmin or Role.SEKDA in actor.roles), None
    allowed, on_behalf = officials.acting_for(actor.employee, above)
    return allowed, on_behalf


def _prefix(me, official) -> str:
    """"Plh." or "Plt." when acting for the official (printed before their position)."""
    if official is None:
        return ""
    from sikerja.organisation.models import Delegation

    kind = Delegation.objects.acting().filter(delegator=official, delegate=me).values_list("kind", flat=True).first()
    return {"plh": "Plh.", "plt": "Plt."}.get(kind or "", "")


@transaction.atomic
def set_unit_predikat(
    actor: Actor,
    *,
    unit_id,
    period_id,
    rating: str,
    predikat_value: str,
    basis: str = "",
    recommendations: list[dict] | None = None,
) -> UnitPredikat:
    """Penetapan predikat kinerja organisasi by the leader one level up (KIN-10)."""
    unit = Unit.objects.filter(region=actor.region, pk=unit_id).select_related("parent").first()
    if unit is None:
        not_found("Unit tidak ditemukan.")
    allowed, on_behalf = may_set_unit_predikat(actor, unit)
    if not allowed:
        raise PermissionDenied(gettext("Predikat kinerja organisasi ditetapkan oleh pimpinan satu tingkat di atas unit ini."))
    period = Period.objects.filter(region=actor.region, pk=period_id).first()
    if period is None or not period.is_open:
        raise KinerjaError(gettext("Periode penilaian ini tidak terbuka."), code="wrong_state")
    rule(check_rating, rating, "Capaian kinerja organisasi")
    rule(curve.rules_for, predikat_value)
    recs = []
    for item in (recommendations or [])[:10]:
        source = item.get("from")
        if source not in RECOMMENDERS:
            raise KinerjaError(gettext("Rekomendasi hanya dari unit perencanaan, SDM atau pengawasan."))
        recs.append({"from": source, "text": text(item.get("text"), "Rekomendasi", limit=1000)})
    me = employee_of(actor)
    row = UnitPredikat.objects.select_for_update().filter(unit=unit, period=period).first()
    values = dict(
        rating=rating,
        predikat=predikat_value,
        basis=text(basis, "Dasar penetapan", required=False),
        recommendations=recs,
        set_by=me,
        on_behalf_of=on_behalf,
        signer_prefix=_prefix(me, on_behalf),
        set_at=timezone.now(),
    )
    if row is None:
        row = UnitPredikat.objects.create(region=actor.region, unit=unit, period=period, **values)
    else:
        for k, v in values.items():
            setattr(row, k, v)
        row.save()
    record_event(
        region=actor.region,
        actor=actor.user,
        verb="kinerja.unit_predikat",
        obj=row,
        changes={"predikat": predikat_value},
        on_behalf_of=on_behalf,
    )
    return row


@transaction.atomic
def add_follow_up(actor: Actor, evaluation_id, *, kind: str, text_value: str) -> FollowUp:
    ev = Evaluation.objects.select_related("employee").filter(region=actor.region, pk=evaluation_id).first()
    if ev is None:
        not_found("Evaluasi tidak ditemukan.")
    on_behalf = require_ppk(actor, ev.employee)
    if ev.status != Evaluation.Status.FINAL:
        raise KinerjaError(gettext("Tindak lanjut dicatat setelah evaluasi final."), code="wrong_state")
    rule(followup.check_follow_up, ev.predikat, kind)
    item = FollowUp.objects.create(
        evaluation=ev, kind=kind, text=text(text_value, "Uraian tindak lanjut"), recorded_by=employee_of(actor)
    )
    record_event(region=actor.region, actor=actor.user, verb="kinerja.follow_up", obj=item, on_behalf_of=on_behalf)
    return item
