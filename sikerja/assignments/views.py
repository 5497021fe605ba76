"""Pages of penugasan (issue 5): the inbox, the penunjukan form with its candidate panel and
ketua ranking, the pengajuan sukarela form, and one assignment's page with its steps, history
(MEK-5) and the actions of the current user. Thin: actor → selector/service → render.

Transitions are POST-only. A service's ``PermissionDenied`` becomes the 403 page; an
``AssignmentError`` (Indonesian, naming the article) is shown on the page, status 400. An
assignment the user may not see is a 404, before any permission question (nothing leaks).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sikerja.assignments import officials, rules, selectors, services
from sikerja.assignments.candidates import ketua_ranking, may_search_candidates, require_search, search_candidates
from sikerja.assignments.forms import (
    ROLE_CHOICES,
    AmendForm,
    ApplyForm,
    AssignmentProcessForm,
    CancelForm,
    DecisionForm,
    FilterForm,
    IssueForm,
    ProposeForm,
    RevokeForm,
)
from sikerja.assignments.models import Assignment, Form, Member, Step
from sikerja.assignments.services import AssignmentError, MemberInput
from sikerja.audit.models import Event
from sikerja.letters.selectors import readable_documents
from sikerja.organisation.choices import PositionKind
from sikerja.organisation.models import Employee, Unit
from sikerja.processes import selectors as process_selectors
from sikerja.web.decorators import page_context, region_view

PAGE_SIZE = 25
CANDIDATE_PAGE = 10
MAX_MEMBERS = services.MAX_MEMBERS
KIND_FILTERS = {
    "": ("Fungsional dan pelaksana", (PositionKind.FUNGSIONAL, PositionKind.PELAKSANA)),
    "fungsional": ("Fungsional", (PositionKind.FUNGSIONAL,)),
    "pelaksana": ("Pelaksana", (PositionKind.PELAKSANA,)),
    "semua": ("Semua jenis jabatan", tuple(PositionKind.values)),
}
EVENT_WORDS = {
    "assignment.proposed": "Penunjukan diusulkan",
    "assignment.applied": "Pengajuan sukarela disampaikan",
    "assignment.step_decided": "Langkah diputus",
    "assignment.issued": "Naskah penugasan diterbitkan",
    "assignment.ditolak": "Penugasan ditolak",
    "assignment.dibatalkan": "Penugasan dibatalkan",
    "assignment.dicabut": "Naskah penugasan dicabut; penugasan berakhir",
    "assignment.diakhiri": "Penugasan diakhiri lebih awal",
    "assignment.diperpanjang": "Penugasan diperpanjang",
    "assignment.perubahan_dicabut": "Naskah perubahan dicabut",
    "assignment.process_named": "Proses bisnis yang dijalankan ditetapkan",
}


def _ctx(actor, **extra) -> dict:
    return page_context(actor, "penugasan", **extra)


def _errors(exc: ValidationError) -> list[str]:
    return list(exc.messages)


def _int(value) -> int | None:
    text = str(value or "").strip()
    return int(text) if text.isdigit() and len(text) < 18 else None


def _ints(values) -> list[int]:
    return list(dict.fromkeys(i for i in (_int(v) for v in values) if i is not None))


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value or "").strip())
    except ValueError:
        return None


def _incidental_label(actor) -> str:
    value = officials.profile_of(actor.region).value("incidental_tasks")
    return str(value).replace("_", " ").capitalize() if value else ""


# --- units to choose from --------------------------------------------------------------------
def _unit_label(unit: Unit, depth: int | None = None) -> str:
    if depth is not None:
        return "\u00a0\u00a0" * depth + unit.name
    if unit.perangkat_daerah_id and not unit.is_perangkat_daerah:
        return f"{unit.name} — {unit.perangkat_daerah.name}"
    return unit.name


def _all_units(actor) -> list[tuple[int, str]]:
    units = Unit.objects.with_tree_fields().tree_filter(region=actor.region).filter(region=actor.region, is_active=True)
    return [(u.pk, _unit_label(u, u.tree_depth)) for u in units]


def _led_units(actor) -> list[Unit]:
    """Units the actor leads, or leads today as Plh/Plt of their leader (first: their own)."""
    me = actor.employee
    if me is None:
        return []
    holders = [me.pk, *officials.delegator_ids(me)]
    rows = Employee.objects.filter(pk__in=holders, position__is_leader=True, is_active=True).values_list(
        "pk", "position__unit_id"
    )
    unit_ids = [u for pk, u in sorted(rows, key=lambda r: r[0] != me.pk)]
    units = {u.pk: u for u in Unit.objects.filter(pk__in=unit_ids, is_active=True).select_related("perangkat_daerah")}
    return [units[i] for i in dict.fromkeys(unit_ids) if i in units]


def _owning_units(actor) -> tuple[list[tuple[int, str]], int | None]:
    led = _led_units(actor)
    if led:
        return [(u.pk, _unit_label(u)) for u in led], led[0].pk
    return _all_units(actor), None


# --- inbox -----------------------------------------------------------------------------------
@region_view
@require_GET
def inbox(request, actor):
    box = selectors.inbox(actor)
    selectors.mark_waiting_since(box.to_act)
    filters = FilterForm(request.GET or None)
    status = filters.cleaned_data["status"] if filters.is_valid() else ""
    qs = selectors.visible_assignments(actor).select_related("owning_unit", "initiated_by")
    if status:
        qs = qs.filter(status=status)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("hal"))
    return render(
        request,
        "assignments/inbox.html",
        _ctx(
            actor,
            box=box,
            page=page,
            status=status,
            statuses=Assignment.Status.choices,
            me=actor.employee,
            may_propose=may_search_candidates(actor),
            help_topic="jawaban-permohonan",
        ),
    )


# --- the members of a penunjukan form ----------------------------------------------------------
@dataclass
class MemberRow:
    employee: Employee
    role: str = Member.Role.ANGGOTA
    reason: str = ""
    overbooked: bool = False
    errors: list[str] = field(default_factory=list)


def _member_rows(actor, data) -> list[MemberRow]:
    """The people chosen in the form (hidden ``member`` inputs with ``role_<id>`` and
    ``reason_<id>``), in the order chosen; unknown ids are dropped. One query."""
    ids = _ints(data.getlist("member"))[: MAX_MEMBERS + 1]
    people = Employee.objects.filter(region=actor.region, is_active=True, pk__in=ids).select_related("position", "unit")
    found = {e.pk: e for e in people}
    rows = []
    for pk in ids:
        if pk in found:
            role = data.get(f"role_{pk}", Member.Role.ANGGOTA)
            rows.append(
                MemberRow(
                    employee=found[pk],
                    role=role if role in Member.Role.values else Member.Role.ANGGOTA,
                    reason=(data.get(f"reason_{pk}") or "")[:2000],
                    overbooked=data.get(f"over_{pk}") == "1",
                )
            )
    return rows


def _spread_errors(exc: ValidationError, rows: list[MemberRow]) -> list[str]:
    """Messages naming a chosen person ("Nama: ...") go next to that person; the rest are
    returned for the top of the form."""
    rest = []
    for message in _errors(exc):
        row = next((r for r in rows if message.startswith(f"{r.employee.full_name}:")), None)
        if row is not None:
            row.errors.append(message[len(row.employee.full_name) + 1 :].strip())
            row.overbooked = True
        else:
            rest.append(message)
    return rest


def _strategy_proposal(actor, raw):
    """``?strategi=<id>``: the strategy this penunjukan serves (issue 12 item 2), or None. A
    strategy of another region is a 404 and anyone but its responsible official is refused,
    before the form is shown or anything is written."""
    from sikerja.execution.strategy_proposal import proposal_for

    return proposal_for(actor, raw)


def _submit_proposal(actor, strategy, **fields):
    """From a strategy, the execution service records the StrategyAssignment around
    penugasan's own ``propose``; without one, ``propose`` as it always was."""
    if strategy is None:
        return services.propose(actor=actor, **fields)
    from sikerja.execution.services import planning

    fields.pop("form")
    return planning.propose_from_strategy(actor=actor, strategy_id=strategy.strategy.pk, **fields)


@region_view
def propose(request, actor):
    strategy = _strategy_proposal(actor, request.GET.get("strategi"))
    units, default_unit = _owning_units(actor)
    initial = {"owning_unit": default_unit, "hours_per_week": 8}
    if strategy is not None:
        initial.update(strategy.initial(units))
    form = ProposeForm(
        request.POST or None,
        units=units,
        incidental_label=_incidental_label(actor),
        initial=initial,
        processes=process_selectors.choosable_for_assignment(
            actor, _int(request.POST.get("owning_unit")) or initial["owning_unit"]
        ),
        only_form=strategy.strategy.form if strategy else "",
    )
    rows = _member_rows(actor, request.POST) if request.method == "POST" else []
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            team = data["form"] == Form.TIM_KERJA
            members = [
                MemberInput(
                    employee_id=r.employee.pk, role=r.role if team else Member.Role.ANGGOTA, overbooking_reason=r.reason
                )
                for r in rows
            ] + [
                MemberInput(
                    external_name=x["name"], external_org=x["org"], external_nip=x["nip"], external_position=x["position"]
                )
                for x in data["external_members"]
            ]
            try:
                assignment = _submit_proposal(
                    actor,
                    strategy,
                    form=data["form"],
                    owning_unit_id=data["owning_unit"],
                    title=data["title"],
                    purpose=data["purpose"],
                    target=data["target"],
                    starts_on=data["starts_on"],
                    ends_on=data["ends_on"],
                    members=members,
                    competences=form.competence_list(),
                    hours_per_week=data["hours_per_week"],
                    other_arrangements=data["other_arrangements"],
                    nature=data["nature"],
                    law_requires_decree=team and data["law_requires_decree"],
                    process_id=data["process"],
                )
            except ValidationError as exc:  # AssignmentError, or the strategy's ExecutionError
                for message in _spread_errors(exc, rows):
                    form.add_error(None, message)
            else:
                if assignment.status == Assignment.Status.DITERBITKAN:
                    messages.success(request, _("Penugasan ditetapkan dan naskahnya diterbitkan."))
                else:
                    messages.success(
                        request, "Usulan penugasan dikirim; langkah berikutnya menunggu pejabat yang berwenang."
                    )
                return redirect("penugasan:detail", pk=assignment.pk)
        elif not rows and not (request.POST.get("external_members") or "").strip():
            # All of the form's errors at once (issue 10 item 11): the missing people too, not
            # only after the fields are fixed.
            form.add_error(None, "Pilih paling sedikit satu pegawai yang ditugaskan.")
    return render(
        request,
        "assignments/propose.html",
        _ctx(
            actor,
            form=form,
            rows=rows,
            role_choices=ROLE_CHOICES,
            may_search=may_search_candidates(actor),
            kind_filters=[(k, v[0]) for k, v in KIND_FILTERS.items()],
            all_units=_all_units(actor),
            strategy=strategy,
            candidate_unit=strategy.candidate_unit if strategy else None,
            help_topic="penunjukan",
        ),
        status=status,
    )


@region_view
@require_GET
def candidates(request, actor):
    """The candidate panel (htmx): officials with their load and competence match for the
    period and hours of the form being filled."""
    require_search(actor)
    get = request.GET
    starts_on, ends_on = _date(get.get("starts_on")), _date(get.get("ends_on"))
    note = ""
    if starts_on is None or ends_on is None or ends_on < starts_on:
        starts_on = timezone.localdate()
        ends_on = starts_on + dt.timedelta(days=90)
        note = "Periode belum diisi dengan benar; ketersediaan dihitung untuk tiga bulan mulai hari ini."
    try:
        hours = Decimal(get.get("hours_per_week") or "8")
    except InvalidOperation:
        hours = Decimal(8)
    kind_key = get.get("jenis", "")
    kinds = KIND_FILTERS.get(kind_key, KIND_FILTERS[""])[1]
    offset = _int(get.get("offset")) or 0
    chosen = set(_ints(get.getlist("member")))
    error = ""
    result = None
    try:
        result = search_candidates(
            actor,
            competences=get.get("competences", "")[:2000],
            unit_id=_int(get.get("unit_filter")),
            q=get.get("q", "")[:100],
            kinds=kinds,
            starts_on=starts_on,
            ends_on=ends_on,
            hours_per_week=float(hours) if hours.is_finite() else 8,
            limit=CANDIDATE_PAGE,
            offset=offset,
        )
    except ValidationError as exc:
        error = " ".join(_errors(exc))
    return render(
        request,
        "assignments/_candidates.html",
        {
            "result": result,
            "error": error,
            "note": note,
            "chosen": chosen,
            "shown_to": offset + len(result.rows) if result else 0,
            "next_offset": offset + CANDIDATE_PAGE,
            "prev_offset": max(offset - CANDIDATE_PAGE, 0),
        },
    )


@region_view
@require_GET
def member_row(request, actor):
    """One chosen person as a row of the form (htmx); nothing when already chosen."""
    require_search(actor)
    pk = _int(request.GET.get("tambah"))
    if pk is None or pk in _ints(request.GET.getlist("member")):
        return HttpResponse("")
    employee = (
        Employee.objects.filter(region=actor.region, is_active=True, pk=pk).select_related("position", "unit").first()
    )
    if employee is None:
        raise Http404("Pegawai tidak ditemukan.")
    row = MemberRow(employee=employee, overbooked=request.GET.get("lebih") == "1")
    return render(request, "assignments/_member_row.html", {"r": row, "role_choices": ROLE_CHOICES})


@region_view
@require_GET
def ketua(request, actor):
    """The ketua ranking of the chosen members (htmx), PEN-11, with each line's article."""
    require_search(actor)
    ids = _ints(request.GET.getlist("member"))
    ranking, error = None, ""
    if not ids:
        error = "Tambahkan anggota tim terlebih dahulu."
    else:
        try:
            ranking = ketua_ranking(actor, ids, _int(request.GET.get("owning_unit")))
        except ValidationError as exc:
            error = " ".join(_errors(exc))
    return render(request, "assignments/_ketua.html", {"ranking": ranking, "error": error})


# --- pengajuan sukarela ----------------------------------------------------------------------
def _voluntary_flow(actor, unit_id) -> dict:
    """The steps the profile prescribes for the actor applying to this unit (PEN-12)."""
    me = actor.employee
    owning = Unit.objects.filter(region=actor.region, pk=unit_id, is_active=True).first() if unit_id else None
    if me is None or not me.unit_id or owning is None:
        return {"flow": None, "flow_steps": []}
    profile = officials.profile_of(actor.region)
    scope = rules.assignment_scope(
        officials.unit_chain(me.unit), officials.unit_chain(owning), actor.region, actor.region, profile=profile
    ).scope
    flow = rules.voluntary_steps(profile, scope)
    steps = [
        {"action": s.action, "actor": rules.common.word(s.actor), "article": s.article, "note": s.note}
        for s in flow.steps
    ]
    return {"flow": flow, "flow_steps": steps}


@region_view
def apply(request, actor):
    form = ApplyForm(
        request.POST or None,
        units=_all_units(actor),
        incidental_label=_incidental_label(actor),
        initial={"hours_per_week": 8},
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                assignment = services.apply_voluntarily(
                    actor=actor,
                    owning_unit_id=data["owning_unit"],
                    title=data["title"],
                    purpose=data["purpose"],
                    target=data["target"],
                    starts_on=data["starts_on"],
                    ends_on=data["ends_on"],
                    competences=form.competence_list(),
                    hours_per_week=data["hours_per_week"],
                    nature=data["nature"],
                )
            except AssignmentError as exc:
                for message in _errors(exc):
                    form.add_error(None, message)
            else:
                messages.success(request, _("Pengajuan sukarela disampaikan; ikuti langkah berikutnya di halaman ini."))
                return redirect("penugasan:detail", pk=assignment.pk)
    unit_id = _int(form["owning_unit"].value())
    return render(
        request,
        "assignments/apply.html",
        _ctx(
            actor,
            form=form,
            me=actor.employee,
            **_voluntary_flow(actor, unit_id),
            help_topic="pengajuan-sukarela",
        ),
        status=status,
    )


@region_view
@require_GET
def voluntary_steps(request, actor):
    """The steps of a pengajuan sukarela to the chosen unit (htmx preview)."""
    return render(
        request, "assignments/_voluntary_steps.html", _voluntary_flow(actor, _int(request.GET.get("owning_unit")))
    )


# --- one assignment ----------------------------------------------------------------------------
@dataclass
class Action:
    """A current step the user may act on, with its form."""

    step: Step
    on_behalf_of: Employee | None
    form: object = None
    members: list[Member] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    needs_ketua: bool = False
    checked: set[str] = field(default_factory=set)


def _event_rows(events: list[Event]) -> list[dict]:
    rows = []
    for e in events:
        ch = e.changes or {}
        details = []
        if ch.get("approved"):
            details.append("Disetujui: " + ", ".join(ch["approved"]))
        if ch.get("rejected"):
            details.append("Tidak disetujui: " + ", ".join(ch["rejected"]))
        if ch.get("members"):
            details.append("Pegawai: " + ", ".join(ch["members"]))
        if ch.get("document"):
            details.append(f"Nomor naskah: {ch['document']}")
        if ch.get("article"):
            details.append(f"Dasar: {ch['article']}")
        if ch.get("ends_on"):
            before, after = (dt.date.fromisoformat(d) for d in ch["ends_on"])
            details.append(f"Tanggal selesai: {date_format(before, 'j F Y')} menjadi {date_format(after, 'j F Y')}")
        if ch.get("status"):
            details.append(f"Status: {dict(Step.Status.choices).get(ch['status'], ch['status'])}")
        if "process_name" in ch or isinstance(ch.get("process"), str):
            name = ch.get("process_name", ch.get("process")) or _("tidak ada")
            details.append(_("Proses bisnis: %(name)s") % {"name": name})
        who = (e.actor.get_full_name() or e.actor.username) if e.actor_id else "sistem"
        rows.append(
            {
                "at": e.at,
                "verb": EVENT_WORDS.get(e.verb, e.verb),
                "who": who,
                "on_behalf_of": e.on_behalf_of,
                "reason": e.reason,
                "details": details,
            }
        )
    return rows


def process_form(actor, a: Assignment, data=None) -> AssignmentProcessForm:
    """The form that names the process an assignment runs; a retired process it already names
    stays selectable so that saving the page does not drop it."""
    first, rest = process_selectors.choosable_for_assignment(actor, a.owning_unit_id)
    if a.process_id and all(p.pk != a.process_id for p in (*first, *rest)):
        first = [a.process, *first]
    return AssignmentProcessForm(data, initial={"process": a.process_id}, processes=(first, rest))


def _detail_page(
    request, actor, pk, *, errors=(), bound=None, cancel_form=None, amend_form=None, revoke_form=None,
    name_form=None, status=200,
):
    view = selectors.assignment_detail(actor, pk)
    a = view.assignment
    a.instrument_word = rules.common.word(a.instrument)
    by_pk = {m.pk: m for m in view.members}
    for s in view.steps:
        s.role_word = rules.common.word(s.role)
        s.member_list = [by_pk.get(m.pk, m) for m in s.members.all()]
    me = actor.employee
    bound = bound or {}
    approved = [m for m in view.members if m.status == Member.Status.DISETUJUI]
    actions = []
    for step in view.current:
        may, on_behalf_of = officials.acting_for(me, step.official)
        if not may:
            continue
        action = Action(step=step, on_behalf_of=on_behalf_of, errors=list(bound.get(step.pk, (None, []))[1]))
        form = bound.get(step.pk, (None,))[0]
        if step.kind == Step.Kind.TERBITKAN:
            action.members = [m for m in approved if m.employee_id]
            action.needs_ketua = a.is_team and not any(m.role == Member.Role.KETUA for m in approved)
            action.form = form or IssueForm(members=action.members)
        else:
            action.members = step.member_list
            action.form = form or DecisionForm(members=action.members)
            action.checked = (
                set(form.data.getlist("members")) if form is not None else {str(m.pk) for m in action.members}
            )
        actions.append(action)
    acted = {action.step.pk for action in actions}
    errors = list(errors) + [e for step_pk, (_, errs) in bound.items() if step_pk not in acted for e in errs]
    may_cancel = (
        a.status == Assignment.Status.PROSES
        and me is not None
        and (a.initiated_by_id == me.pk or officials.acting_for(me, a.initiated_by)[0])
    )
    may_change = services.may_change(actor, a)[0]
    may_name = services.may_name_process(actor, a)
    doc_ids = {a.letter_id} | {s.document_id for s in view.steps} | {s.request_document_id for s in view.steps}
    doc_ids |= {c.document_id for c in view.amendments}
    doc_ids.discard(None)
    readable = set(readable_documents(actor).filter(pk__in=doc_ids).values_list("pk", flat=True)) if doc_ids else set()
    return render(
        request,
        "assignments/detail.html",
        _ctx(
            actor,
            a=a,
            view=view,
            actions=actions,
            errors=errors,
            may_cancel=may_cancel,
            cancel_form=cancel_form or CancelForm(),
            may_change=may_change,
            amend_form=amend_form or AmendForm(),
            revoke_form=revoke_form or RevokeForm(),
            may_name=may_name,
            name_form=(name_form or process_form(actor, a)) if may_name else None,
            readable=readable,
            events=_event_rows(view.events),
            current_ids={s.pk for s in view.current},
            rejected=[m for m in view.members if m.status == Member.Status.DITOLAK],
            help_topic="ubah-cabut" if may_change else "jawaban-permohonan",
        ),
        status=status,
    )


@region_view
@require_GET
def detail(request, actor, pk):
    return _detail_page(request, actor, pk)


def _visible_step(actor, pk: int, step_pk: int) -> Step:
    """404 unless the assignment is visible to the actor and the step belongs to it."""
    assignment = selectors.get_visible(actor, pk)
    step = assignment.steps.filter(pk=step_pk).first()
    if step is None:
        raise Http404("Langkah tidak ditemukan pada penugasan ini.")
    return step


@region_view
@require_POST
def decide(request, actor, pk, step_pk):
    step = _visible_step(actor, pk, step_pk)
    named = list(step.members.all())
    form = DecisionForm(request.POST, members=named)
    if not form.is_valid():
        return _detail_page(
            request, actor, pk, bound={step.pk: (form, [e for errs in form.errors.values() for e in errs])}, status=400
        )
    decision = form.cleaned_data["decision"]
    approve = decision != "tolak"
    chosen = form.cleaned_data["members"]
    approved_ids = None
    partial = step.kind == Step.Kind.JAWAB_PERMOHONAN and decision == "setuju"
    if partial and set(chosen) != {m.pk for m in named}:
        approved_ids = list(chosen)  # an empty selection is refused by the service, with a message
    try:
        services.decide(
            actor=actor,
            assignment_id=pk,
            step_id=step.pk,
            approve=approve,
            reason=form.cleaned_data["reason"],
            approved_member_ids=approved_ids,
        )
    except AssignmentError as exc:
        return _detail_page(request, actor, pk, bound={step.pk: (form, _errors(exc))}, status=400)
    if step.kind == Step.Kind.KONFIRMASI:
        messages.success(request, _("Langkah Anda dicatat.") if approve else _("Pengajuan tidak dilanjutkan."))
    else:
        messages.success(
            request, _("Keputusan Anda dicatat.") if approve else _("Penolakan Anda dicatat beserta alasannya.")
        )
    return redirect("penugasan:detail", pk=pk)


@region_view
@require_POST
def issue(request, actor, pk, step_pk):
    step = _visible_step(actor, pk, step_pk)
    approved = list(
        Member.objects.filter(assignment_id=pk, status=Member.Status.DISETUJUI, employee__isnull=False).select_related(
            "employee"
        )
    )
    form = IssueForm(request.POST, members=approved)
    if not form.is_valid():
        return _detail_page(
            request, actor, pk, bound={step.pk: (form, [e for errs in form.errors.values() for e in errs])}, status=400
        )
    try:
        assignment = services.issue(
            actor=actor, assignment_id=pk, step_id=step.pk, ketua_member_id=form.cleaned_data["ketua"]
        )
    except AssignmentError as exc:
        return _detail_page(request, actor, pk, bound={step.pk: (form, _errors(exc))}, status=400)
    number = assignment.letter.number if assignment.letter_id else ""
    messages.success(
        request,
        (
            _("Naskah penugasan diterbitkan dengan nomor %(number)s.") % {"number": number}
            if number
            else _("Naskah penugasan diterbitkan.")
        ),
    )
    return redirect("penugasan:detail", pk=pk)


@region_view
@require_POST
def cancel(request, actor, pk):
    selectors.get_visible(actor, pk)
    form = CancelForm(request.POST)
    if not form.is_valid():
        return _detail_page(request, actor, pk, cancel_form=form, status=400)
    try:
        services.cancel(actor=actor, assignment_id=pk, reason=form.cleaned_data["reason"])
    except AssignmentError as exc:
        return _detail_page(request, actor, pk, cancel_form=form, errors=_errors(exc), status=400)
    messages.success(request, _("Penugasan dibatalkan."))
    return redirect("penugasan:detail", pk=pk)
