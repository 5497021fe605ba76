"""Opening the year, second half (KIN-6, KIN-7; issue 13 Performance): every cell of the
region's Matriks Peran Hasil of the year, with the leaders' stored adjustments applied, becomes
an RHK of that person's draft SKP, as ``rhk_from_mph`` does for one cell — the same text, role,
target, work, IKI (the target's indicator) and link to the assessor's RHK of the same target —
but set-based: a fixed number of statements whatever the region's size.

Only draft SKPs of the current version in the actor's region get RHK (a submitted, returned or
approved SKP is the person's and their PPK's); a cell already an RHK of the SKP is skipped, so
running it again adds only cells that are new in the MPH."""

from __future__ import annotations

from django.db.models import Max

from sikerja.accounts.access import Actor
from sikerja.execution.models import PerformanceTarget
from sikerja.performance.models import Iki, MphAdjustment, Rhk, Skp
from sikerja.performance.selectors.mph import ROLE_LABELS, adjusted, derived_cells
from sikerja.performance.services.bulk import insert_rows, reserve_ids

# rhk_from_mph's choices for an RHK made from a cell: utama, kuantitatif, Proses Bisnis on a JPT SKP.
COLUMNS = ["id", "skp", "order", "kind", "text", "perspektif", "role", "target", "work", "approach", "intervened"]
UTAMA, PERSPEKTIF, KUANTITATIF = (
    Rhk.Kind.UTAMA.value,
    Rhk.Perspektif.PROSES_BISNIS.value,
    Rhk.Approach.KUANTITATIF.value,
)
KUANTITAS = Iki.Aspek.KUANTITAS.value


def rhk_from_mph_for_year(actor: Actor, *, year: int) -> int:
    """Called inside ``generate_drafts``'s transaction (its permission check and audit event)."""
    region = actor.region
    scope = PerformanceTarget.objects.filter(agreement__region=region, agreement__year=year)
    targets = list(scope.order_by().only("pk", "responsible_id", "sasaran", "indikator", "target"))
    if not targets:
        return 0
    adjustments = MphAdjustment.objects.filter(region=region, agreement__year=year).only(
        "employee_id", "target_id", "work_id", "action", "role", "title"
    )
    cells = adjusted(derived_cells(targets, scope=scope), list(adjustments))
    # order_by(): the models' default orderings would join the employee (by name) for nothing.
    drafts = Skp.objects.filter(region=region, year=year, is_current=True, status=Skp.Status.DRAF).order_by()
    skp_of, info = {}, {}
    for employee_id, pk, form, assessor_id in drafts.values_list("employee_id", "pk", "form", "assessor_id"):
        skp_of[employee_id], info[pk] = pk, (employee_id, form, assessor_id)
    have = Rhk.objects.filter(skp__in=drafts).order_by()
    made = set(have.filter(target__isnull=False).values_list("skp_id", "target_id", "work_id"))
    order = dict(have.values("skp_id").annotate(last=Max("order")).values_list("skp_id", "last"))
    # The superior's RHK an RHK supports (rhk_from_mph): the first RHK by pk of the assessor's
    # current SKP of the year on the same target — one already there, else one written now.
    first: dict[tuple[int, int], int] = {}
    for pk, owner, target_id in (
        Rhk.objects.filter(skp__region=region, skp__year=year, skp__is_current=True, target__isnull=False)
        .order_by("pk")
        .values_list("pk", "skp__employee_id", "target_id")
    ):
        first.setdefault((owner, target_id), pk)
    fresh = []
    for c in cells:
        skp_id = skp_of.get(c.employee_id)
        if skp_id is None or (skp_id, c.target_id, c.work_id) in made:
            continue
        made.add((skp_id, c.target_id, c.work_id))
        order[skp_id] = order.get(skp_id, 0) + 1
        fresh.append((skp_id, order[skp_id], c))
    if not fresh:
        return 0
    ids = reserve_ids(Rhk, len(fresh))  # ascending: each later than every RHK already there
    for pk, (_, _, c) in zip(ids, fresh, strict=True):
        first.setdefault((c.employee_id, c.target_id), pk)
    rows, ikis = [], []
    targets_by_pk = {t.pk: t for t in targets}
    for pk, (skp_id, n, c) in zip(ids, fresh, strict=True):
        _, form, assessor_id = info[skp_id]
        superior = first.get((assessor_id, c.target_id))
        superior = None if superior == pk else superior
        text = f"{ROLE_LABELS[c.role]}: {c.title}"[:1000]
        perspektif = PERSPEKTIF if form == Skp.Form.JPT else ""
        rows.append((pk, skp_id, n, UTAMA, text, perspektif, c.role, c.target_id, c.work_id, KUANTITATIF, superior))
        t = targets_by_pk[c.target_id]
        ikis.append((pk, KUANTITAS if form == Skp.Form.JA_JF else "", t.indikator, t.target))
    insert_rows(Rhk, COLUMNS, rows)
    insert_rows(Iki, ["rhk", "aspek", "indikator", "target"], ikis)
    return len(rows)
