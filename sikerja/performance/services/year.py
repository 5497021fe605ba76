"""Opening the year, second half (KIN-6, KIN-7; issue 13 Performance): every cell of the
region's Matriks Peran Hasil of the year, with the leaders' stored adjustments applied, becomes
an RHK of that person's draft SKP, as ``rhk_from_mph`` does for one cell — the same text, role,
target, work, IKI (the target's indicator) and link to the assessor's RHK of the same target —
but set-based: a fixed number of statements whatever the region's size.

Only draft SKPs of the current version in the actor's region get RHK (a submitted, returned or
approved SKP is the person's and their PPK's); a cell already an RHK of the SKP is skipped, so
running it again adds only cells that are new in the MPH."""

from __future__ import annotations

from django.db import connection
from django.db.models import Case, CharField, F, Max, Value, When

from sikerja.accounts.access import Actor
from sikerja.execution.models import PerformanceTarget
from sikerja.performance.models import Iki, MphAdjustment, Rhk, Skp
from sikerja.performance.selectors.mph import ROLE_LABELS, adjusted, derived_cells
from sikerja.performance.services.bulk import insert_rows, insert_select

# rhk_from_mph's choices for an RHK made from a cell: utama, kuantitatif, Proses Bisnis on a JPT SKP.
COLUMNS = ["skp", "order", "kind", "text", "perspektif", "role", "target", "work", "approach"]
PERSPEKTIF, KUANTITATIF = Rhk.Perspektif.PROSES_BISNIS.value, Rhk.Approach.KUANTITATIF.value


def _fresh(region, year: int):
    """RHK from an MPH cell that have no IKI yet: the ones just written (an RHK made from a
    cell gets its IKI in the same transaction, by either path)."""
    return Rhk.objects.filter(
        skp__region=region,
        skp__year=year,
        skp__is_current=True,
        skp__status=Skp.Status.DRAF,
        target__isnull=False,
        ikis__isnull=True,
    )


def _link_intervened(region, year: int) -> None:
    """The superior's RHK each fresh RHK supports: the first RHK (by pk) of the assessor's
    current SKP of the year on the same target, as ``rhk_from_mph`` picks it. One UPDATE with a
    correlated subquery; the ORM cannot join inside an UPDATE's SET, hence the SQL."""
    qn = connection.ops.quote_name
    rhk, skp = qn(Rhk._meta.db_table), qn(Skp._meta.db_table)
    fresh_sql, fresh_params = _fresh(region, year).values("pk").query.sql_with_params()
    # Table names are quoted by the backend; every value goes as a parameter.
    sql = (
        f"UPDATE {rhk} SET intervened_id = ("  # noqa: S608
        f" SELECT MIN(up.id) FROM {rhk} up"
        f" JOIN {skp} upskp ON upskp.id = up.skp_id"
        f" JOIN {skp} own ON own.id = {rhk}.skp_id"
        f" WHERE upskp.employee_id = own.assessor_id AND upskp.year = %s AND upskp.is_current = %s"
        f" AND up.target_id = {rhk}.target_id AND up.id <> {rhk}.id"
        f") WHERE intervened_id IS NULL AND id IN ({fresh_sql})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [year, True, *fresh_params])


def rhk_from_mph_for_year(actor: Actor, *, year: int) -> int:
    """Called inside ``generate_drafts``'s transaction (its permission check and audit event)."""
    region = actor.region
    scope = PerformanceTarget.objects.filter(agreement__region=region, agreement__year=year)
    targets = list(scope.only("pk", "responsible_id", "sasaran"))
    if not targets:
        return 0
    adjustments = MphAdjustment.objects.filter(region=region, agreement__year=year).only(
        "employee_id", "target_id", "work_id", "action", "role", "title"
    )
    cells = adjusted(derived_cells(targets, scope=scope), list(adjustments))
    drafts = Skp.objects.filter(region=region, year=year, is_current=True, status=Skp.Status.DRAF)
    skp_of, form_of = {}, {}
    for employee_id, pk, form in drafts.values_list("employee_id", "pk", "form"):
        skp_of[employee_id], form_of[pk] = pk, form
    have = Rhk.objects.filter(skp__in=drafts)
    made = set(have.filter(target__isnull=False).values_list("skp_id", "target_id", "work_id"))
    order = dict(have.values("skp_id").annotate(last=Max("order")).values_list("skp_id", "last"))
    rows = []
    for c in cells:
        skp_id = skp_of.get(c.employee_id)
        if skp_id is None or (skp_id, c.target_id, c.work_id) in made:
            continue
        made.add((skp_id, c.target_id, c.work_id))
        order[skp_id] = order.get(skp_id, 0) + 1
        jpt = form_of[skp_id] == Skp.Form.JPT
        text = f"{ROLE_LABELS[c.role]}: {c.title}"[:1000]
        rows.append(
            (
                skp_id,
                order[skp_id],
                Rhk.Kind.UTAMA.value,
                text,
                PERSPEKTIF if jpt else "",
                c.role,
                c.target_id,
                c.work_id,
                KUANTITATIF,
            )
        )
    if not rows:
        return 0
    insert_rows(Rhk, COLUMNS, rows)
    _link_intervened(region, year)
    insert_select(
        Iki,
        _fresh(region, year),
        {
            "rhk": F("pk"),
            "aspek": Case(
                When(skp__form=Skp.Form.JA_JF, then=Value(Iki.Aspek.KUANTITAS.value)),
                default=Value(""),
                output_field=CharField(),
            ),
            "indikator": F("target__indikator"),
            "target": F("target__target"),
        },
    )
    return len(rows)
