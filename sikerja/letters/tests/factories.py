"""Factories for the signing edge cases: a Plh/Plt delegation with a period, on top of the
shared factories of sikerja/testing."""

import datetime as dt

import factory

from sikerja.organisation.models import Delegation


class DelegationFactory(factory.django.DjangoModelFactory):
    """A running Plh delegation by default (yesterday to a week ahead)."""

    class Meta:
        model = Delegation

    region = factory.LazyAttribute(lambda o: o.delegator.region)
    kind = Delegation.Kind.PLH
    starts_on = factory.LazyFunction(lambda: dt.date.today() - dt.timedelta(days=1))
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + dt.timedelta(days=8))
    basis_number = "800.1.11.1/017/BKPSDM/2026"
    basis_date = factory.LazyAttribute(lambda o: o.starts_on)
    reason = "Pejabat definitif menjalankan cuti tahunan."
