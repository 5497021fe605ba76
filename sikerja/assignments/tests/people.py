"""Who is who in the demo region, for the penugasan tests."""

import datetime as dt

from django.contrib.auth import get_user_model

from sikerja.accounts.access import actor_for
from sikerja.organisation.models import Unit

START, END = dt.date(2026, 12, 1), dt.date(2027, 2, 26)


def actor(username, region=None):
    """The demo login acting in its own region (or ``region``)."""
    user = get_user_model().objects.get(username=username)
    return actor_for(user, region or user.employee.region)


def emp(username):
    return get_user_model().objects.get(username=username).employee


def unit(region, code):
    return Unit.objects.get(region=region, code=code)
