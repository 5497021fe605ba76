"""Who may see or do what, per model and action; applied by ``objects.restrict(actor, action)``
(:mod:`sikerja.accounts.restrict`). Each policy receives a queryset already limited to the
actor's region and narrows it further.

* Employees — ``view``: personal data (NIP, birth date, pangkat, competences, assessor) within
  the actor's scope: the whole region for region-wide roles, otherwise the subtree of their
  unit, their own record and the people they assess today as Plh/Plt (KED-5).
  ``change``: the HR administrator acting for the pejabat pembina kepegawaian (MU Ps 10,
  KL Ps 5(3), PPU Ps 7(1)).
* Assignments — ``view``: parties (initiator, members, officials of its steps and whoever stands
  in for them) and their superiors (the subtree of the owning unit or of a member's home unit).
* Documents — ``view``: those naming someone in the actor's scope, or created by the actor.
  ``revoke``: an org administrator, or the official in whose name it was issued (its signer, or
  the official a Plh/Plt signed for), or whoever stands in for that official today.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Exists, OuterRef, Q, QuerySet

from sikerja.accounts.restrict import UnknownAction


def _employees_view(actor, qs: QuerySet) -> QuerySet:
    scope = actor.scope_unit_ids
    if scope is None:
        return qs
    own = actor.employee.pk if actor.employee else None
    return qs.filter(Q(unit_id__in=scope) | Q(pk=own) | Q(pk__in=actor.acting_report_ids))


def _employees_change(actor, qs: QuerySet) -> QuerySet:
    from sikerja.accounts.access import may_place

    return qs if may_place(actor) else qs.none()


def _acting_for(actor) -> list[int]:
    """Officials the actor stands in for today as Plh/Plt (one definition: Delegation.acting)."""
    from sikerja.organisation.models import Delegation

    if actor.employee is None:
        return []
    return list(Delegation.objects.acting().filter(delegate=actor.employee).values_list("delegator_id", flat=True))


def _assignments_view(actor, qs: QuerySet) -> QuerySet:
    from sikerja.assignments.models import Member, Step

    scope = actor.scope_unit_ids
    if scope is None:
        return qs
    ids = ([actor.employee.pk] if actor.employee else []) + _acting_for(actor)
    party = (
        Q(initiated_by_id__in=ids)
        | Exists(Member.objects.filter(assignment=OuterRef("pk"), employee_id__in=ids))
        | Exists(
            Step.objects.filter(assignment=OuterRef("pk")).filter(Q(official_id__in=ids) | Q(decided_by_id__in=ids))
        )
        if ids
        else Q(pk__in=[])
    )
    superior = (
        Q(owning_unit_id__in=scope) | Exists(Member.objects.filter(assignment=OuterRef("pk"), home_unit_id__in=scope))
        if scope
        else Q(pk__in=[])
    )
    return qs.filter(party | superior)


def _documents_view(actor, qs: QuerySet) -> QuerySet:
    from sikerja.letters.models import Document
    from sikerja.organisation.models import Employee

    if actor.scope_unit_ids is None:
        return qs
    in_scope = Employee.objects.restrict(actor, "view")
    party = Document.parties.through.objects.filter(document_id=OuterRef("pk"), employee__in=in_scope)
    return qs.filter(Q(Exists(party)) | Q(created_by=actor.user))


def _documents_revoke(actor, qs: QuerySet) -> QuerySet:
    if actor.can_administer_org:
        return qs
    if actor.employee is None:
        return qs.none()
    officials = [actor.employee.pk, *_acting_for(actor)]
    named = Q(on_behalf_of_id__in=officials) | Q(on_behalf_of__isnull=True, signer_id__in=officials)
    return qs.filter(named | Q(signer_id=actor.employee.pk))


POLICIES: dict[tuple[str, str], Callable] = {
    ("organisation.employee", "view"): _employees_view,
    ("organisation.employee", "change"): _employees_change,
    ("assignments.assignment", "view"): _assignments_view,
    ("letters.document", "view"): _documents_view,
    ("letters.document", "revoke"): _documents_revoke,
}


def policy_for(model, action: str) -> Callable:
    try:
        return POLICIES[(model._meta.label_lower, action)]
    except KeyError:
        raise UnknownAction(f"Tidak ada aturan akses '{action}' untuk {model._meta.label}.") from None
