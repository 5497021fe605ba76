"""``Model.objects.restrict(actor, action)``: the one place that turns "who may see or do what"
into a queryset (issue 9 item 18, after NetBox's ``RestrictedQuerySet``).

Every restricted query is first limited to the actor's region (PRF-3). The policy for each
(model, action) pair lives in :mod:`sikerja.accounts.policies`; an action without a policy is
a programming error and fails closed, so a caller can never get an unrestricted queryset by
mistyping an action name.
"""

from __future__ import annotations

from django.db import models


class UnknownAction(LookupError):
    """No policy decides this action for this model."""


class RestrictedQuerySet(models.QuerySet):
    def restrict(self, actor, action: str = "view"):
        from sikerja.accounts.policies import policy_for  # policies import the models

        policy = policy_for(self.model, action)
        return policy(actor, self.filter(region=actor.region))


RestrictedManager = models.Manager.from_queryset(RestrictedQuerySet)
