"""Pages of pengelolaan kinerja (issue 13), mounted at /kinerja/: my SKP, one SKP (draft,
submit, PPK decision, evidence, feedback, evaluation, follow-up), the PPK's inbox, the unit's
curve, the MPH and the opening of the evaluation year. Thin: actor → selector/service → render.
Out of reach is a 404, a service's PermissionDenied the 403 page, a refusal is shown on the page
with status 400 and nothing written."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sikerja.organisation.models import Unit
from sikerja.performance import forms, selectors, services
from sikerja.performance.models import Evaluation, Period, Skp
from sikerja.performance.rules.curve import ORG_LABELS
from sikerja.performance.rules.predikat import PREDIKAT_LABELS
from sikerja.performance.services.evaluation import may_set_unit_predikat
from sikerja.performance.services.periods import may_open
from sikerja.web.decorators import page_context, region_view

MAX_ID = 2**63 - 1


def _ctx(actor, **extra) -> dict:
    return page_context(actor, "kinerja", me=actor.employee, **extra)


def _int(value) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 1 <= number <= MAX_ID else None


def _errors(exc: ValidationError) -> list[str]:
    return [str(m) for m in exc.messages]


def _form_errors(form) -> list[str]:
    return [
        f"{form.fields[k].label or k}: {' '.join(v)}" if k in form.fields else " ".join(v)
        for k, v in form.errors.items()
    ]


@region_view
@require_GET
def mine(request, actor):
    me = actor.employee
    skps = list(Skp.objects.filter(region=actor.region, employee=me).order_by("-year", "-version")) if me else []
    inbox = selectors.ppk_inbox(actor) if me else []
    # Offer the first year without an SKP in force: in December people draft next year's.
    taken = {s.year for s in skps if s.is_current}
    year = timezone.localdate().year
    while year in taken:
        year += 1
    return render(
        request,
        "performance/mine.html",
        _ctx(
            actor,
            skps=skps,
            form=forms.DraftForm(initial={"year": year}),
            assesses=bool(inbox),
            may_open=may_open(actor),
            # The unit curve and the MPH show a unit's staff: only for those who see some unit's
            # staff (leaders, PPK, administrators), so a plain employee gets no link to a refusal.
            sees_units=actor.region_wide or bool(actor.scope_unit_ids),
        ),
    )


@region_view
@require_POST
def draft(request, actor):
    form = forms.DraftForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_form_errors(form))
        d = form.cleaned_data
        skp = services.draft_skp(actor, year=d["year"], form=d["form"] or None, dialog_on=d["dialog_on"])
    except ValidationError as exc:
        me = actor.employee
        skps = list(Skp.objects.filter(region=actor.region, employee=me)) if me else []
        return render(
            request, "performance/mine.html", _ctx(actor, skps=skps, form=form, errors=_errors(exc)), status=400
        )
    messages.success(request, gettext("Draf SKP tahun %(year)s dibuat. Tambahkan rencana hasil kerja.") % {"year": skp.year})
    return redirect("kinerja:skp", pk=skp.pk)


def _skp_page(request, actor, pk, *, status=200, errors=None, where=""):
    page = selectors.skp_page(actor, pk)
    return render(
        request,
        "performance/skp.html",
        _ctx(
            actor,
            p=page,
            skp=page.skp,
            errors=errors or [],
            where=where,
            rhk_form=forms.RhkForm(initial={"kind": "utama", "approach": "kuantitatif"}),
            predikat_labels=PREDIKAT_LABELS,
        ),
        status=status,
    )


@region_view
@require_GET
def skp(request, actor, pk):
    found = selectors.get_skp(actor, pk)
    if actor.employee and found.employee_id == actor.employee.pk:
        services.sync_report_evidence(found)  # reports written since the last visit become evidence
    return _skp_page(request, actor, pk)


# --- the steps on one SKP: name -> (form class, call) ---------------------------------------------
def _rhk(actor, pk, d, form, post):
    services.add_rhk(
        actor,
        pk,
        text_value=d["text"],
        kind=d["kind"],
        intervened_id=d["intervened"],
        perspektif=d["perspektif"],
        approach=d["approach"],
        ikis=form.ikis(),
    )
    return gettext("RHK ditambahkan.")


def _remove(actor, pk, d, form, post):
    services.remove_rhk(actor, _int(post.get("rhk")))
    return gettext("RHK dihapus.")


def _plan(actor, pk, d, form, post):
    services.update_plan(actor, pk, dukungan=d["dukungan"], skema=d["skema"], konsekuensi=d["konsekuensi"])
    return gettext("Lampiran SKP disimpan.")


def _submit(actor, pk, d, form, post):
    services.submit(actor, pk)
    return gettext("SKP diajukan kepada pejabat penilai kinerja.")


def _decide(actor, pk, d, form, post):
    approve = d["decision"] == "setujui"
    services.decide(actor, pk, approve=approve, notes=d["notes"])
    return gettext("SKP disetujui.") if approve else gettext("SKP dikembalikan dengan catatan.")


def _expectation(actor, pk, d, form, post):
    services.set_expectation(actor, pk, value=d["value"], text_value=d["text"])
    return gettext("Ekspektasi khusus disimpan.")


def _evidence(actor, pk, d, form, post):
    services.add_evidence(
        actor, _int(post.get("rhk")), title=d["title"], url=d["url"], iki_id=d["iki"], happened_on=d["happened_on"]
    )
    return gettext("Bukti dukung ditambahkan.")


def _feedback(actor, pk, d, form, post):
    services.give_feedback(actor, _int(post.get("evidence")), text_value=d["text"])
    return gettext("Umpan balik disimpan.")


def _coaching(actor, pk, d, form, post):
    services.add_coaching(actor, pk, text_value=d["text"], held_on=d["held_on"])
    return gettext("Catatan bimbingan disimpan.")


def _revise(actor, pk, d, form, post):
    new = services.revise(actor, pk)
    return (gettext("Versi baru SKP dibuat sebagai draf."), new.pk)


def _evaluate(actor, pk, d, form, post):
    realisations = {}
    for key, value in post.items():
        if key.startswith("realisasi_") and value.strip():
            iki_id = _int(key.removeprefix("realisasi_"))
            if iki_id is None:
                raise services.KinerjaError(gettext("Realisasi diisi untuk indikator yang tidak dikenal."))
            realisations[iki_id] = value[:1001]
    ev = services.evaluate(
        actor,
        pk,
        period_id=d["period"],
        rating_hasil=d["rating_hasil"] or None,
        rating_perilaku=d["rating_perilaku"],
        realisations=realisations,
        notes=d["notes"],
    )
    return f"Evaluasi disimpan: predikat {PREDIKAT_LABELS[ev.predikat]}."


def _finalise(actor, pk, d, form, post):
    services.finalise(actor, _int(post.get("evaluation")))
    return gettext("Evaluasi final.")


def _follow_up(actor, pk, d, form, post):
    services.add_follow_up(actor, _int(post.get("evaluation")), kind=d["kind"], text_value=d["text"])
    return gettext("Tindak lanjut dicatat.")


STEPS = {
    "rhk": (forms.RhkForm, _rhk),
    "hapus-rhk": (None, _remove),
    "lampiran": (forms.PlanForm, _plan),
    "ajukan": (None, _submit),
    "putuskan": (forms.DecideForm, _decide),
    "ekspektasi": (forms.ExpectationForm, _expectation),
    "bukti": (forms.EvidenceForm, _evidence),
    "umpan-balik": (forms.TextForm, _feedback),
    "bimbingan": (forms.TextForm, _coaching),
    "versi-baru": (None, _revise),
    "evaluasi": (forms.EvaluationForm, _evaluate),
    "final": (None, _finalise),
    "tindak-lanjut": (forms.FollowUpForm, _follow_up),
}


@region_view
@require_POST
def skp_step(request, actor, pk, step):
    selectors.get_skp(actor, pk)  # out of reach: 404 before anything else
    if step not in STEPS:
        return _skp_page(request, actor, pk, status=400, errors=["Langkah tidak dikenal."])
    form_class, call = STEPS[step]
    form = form_class(request.POST) if form_class else None
    try:
        if form is not None and not form.is_valid():
            raise ValidationError(_form_errors(form))
        result = call(actor, pk, form.cleaned_data if form else {}, form, request.POST)
    except ValidationError as exc:
        return _skp_page(request, actor, pk, status=400, errors=_errors(exc), where=step)
    message, target = result if isinstance(result, tuple) else (result, pk)
    messages.success(request, message)
    return redirect("kinerja:skp", pk=target)


@region_view
@require_GET
def inbox(request, actor):
    year = timezone.localdate().year
    periods = list(
        Period.objects.filter(region=actor.region, status=Period.Status.TERBUKA).order_by("-year", "starts_on")
    )
    chosen = next((p for p in periods if p.pk == _int(request.GET.get("periode"))), periods[0] if periods else None)
    rows = selectors.ppk_inbox(actor, chosen.year if chosen else year, chosen)
    waiting = [r for r in rows if r.skp and r.skp.status == Skp.Status.DIAJUKAN]
    return render(
        request,
        "performance/inbox.html",
        _ctx(actor, rows=rows, waiting=waiting, periods=periods, chosen=chosen, predikat_labels=PREDIKAT_LABELS),
    )


def _default_unit(actor):
    me = actor.employee
    return me.unit_id if me else None


@region_view
@require_http_methods(["GET", "POST"])
def curve_page(request, actor):
    source = request.POST if request.method == "POST" else request.GET
    periods = list(Period.objects.filter(region=actor.region).order_by("-year", "starts_on"))
    unit_id = _int(source.get("unit")) or _default_unit(actor)
    period = next((p for p in periods if p.pk == _int(source.get("periode"))), periods[0] if periods else None)
    errors, status = [], 200
    form = forms.UnitPredikatForm()
    if request.method == "POST" and period and unit_id:
        form = forms.UnitPredikatForm(request.POST)
        try:
            if not form.is_valid():
                raise ValidationError(_form_errors(form))
            d = form.cleaned_data
            recs = [{"from": d["rec_from"], "text": d["rec_text"]}] if d["rec_from"] else []
            services.set_unit_predikat(
                actor,
                unit_id=unit_id,
                period_id=period.pk,
                rating=d["rating"],
                predikat_value=d["predikat"],
                basis=d["basis"],
                recommendations=recs,
            )
            messages.success(request, gettext("Predikat kinerja organisasi ditetapkan."))
            return redirect(f"{request.path}?unit={unit_id}&periode={period.pk}")
        except ValidationError as exc:
            errors, status = _errors(exc), 400
    view = selectors.unit_curve(actor, unit_id, period.pk) if (unit_id and period) else None
    may_set = bool(view) and may_set_unit_predikat(actor, view.checked_unit)[0]
    units = list(Unit.objects.filter(region=actor.region, is_active=True).order_by("name").only("pk", "name")[:500])
    units = [u for u in units if actor.sees_staff_of(u)]
    return render(
        request,
        "performance/curve.html",
        _ctx(
            actor,
            view=view,
            periods=periods,
            period=period,
            units=units,
            unit_id=unit_id,
            form=form,
            errors=errors,
            may_set=may_set,
            org_labels=ORG_LABELS,
        ),
        status=status,
    )


@region_view
@require_http_methods(["GET", "POST"])
def periods(request, actor):
    form = forms.OpenYearForm(request.POST or None, initial={"year": timezone.localdate().year})
    errors, status = [], 200
    if request.method == "POST":
        try:
            if not form.is_valid():
                raise ValidationError(_form_errors(form))
            pd_ids = [i for i in (_int(v) for v in request.POST.getlist("pd")) if i][:200]
            services.open_year(
                actor, year=form.cleaned_data["year"], monthly=form.cleaned_data["monthly"], pd_ids=pd_ids
            )
            messages.success(request, gettext("Periode penilaian tahun %(year)s dibuka.") % {"year": form.cleaned_data["year"]})
            return redirect("kinerja:periods")
        except ValidationError as exc:
            errors, status = _errors(exc), 400
    rows = Period.objects.filter(region=actor.region).prefetch_related("units").order_by("-year", "kind", "month")
    pds = Unit.objects.filter(region=actor.region, is_perangkat_daerah=True).order_by("name")
    return render(
        request,
        "performance/periods.html",
        _ctx(
            actor, form=form, rows=rows, pds=pds, errors=errors, may_open=may_open(actor), final=Evaluation.Status.FINAL
        ),
        status=status,
    )


@region_view
@require_POST
def prepare_drafts(request, actor):
    """The HR administrator prepares every employee's SKP draft for a year at once: the assessor
    and unit from the placement, each cell of the MPH (with the leaders' adjustments) as an RHK."""
    from sikerja.performance.services.periods import generate_drafts

    form = forms.OpenYearForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_form_errors(form))
        made = generate_drafts(actor, year=form.cleaned_data["year"])
    except ValidationError as exc:
        for e in _errors(exc):
            messages.error(request, e)
        return redirect("kinerja:periods")
    messages.success(
        request,
        gettext("Draf SKP tahun %(year)s disiapkan untuk %(n)s pegawai.")
        % {"year": form.cleaned_data["year"], "n": number_format(made, force_grouping=True)},
    )
    return redirect("kinerja:periods")

