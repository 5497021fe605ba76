"""Fixtures of the API tests."""

import pytest
from django.test import Client

from sikerja.accounts.models import ApiToken


@pytest.fixture
def token_for():
    """token_for(user) -> (Client, raw token): a client without session that sends the token."""

    def _token_for(user):
        _, raw = ApiToken.issue(user=user, name="uji")
        client = Client()
        client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
        return client, raw

    return _token_for
