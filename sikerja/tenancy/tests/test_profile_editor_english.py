"""The profile editor in English (PLT-5): its pages, form labels and the schema check's refusals
follow the page's language; what is stored (the audit event) stays in Indonesian."""

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from sikerja.audit.models import Event

pytestmark = pytest.mark.req("PLT-5", "PLT-6")


def _english_admin() -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username="admin.organisasi"))
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    return client


def _text(response) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_profile_editor_speaks_english(demo):
    client = _english_admin()
    derive = _text(client.get("/profil-regulasi/daerah/buat/"))
    assert "Create the region's own profile" in derive and "Name of the regional regulation" in derive
    assert "Buat profil daerah sendiri" not in derive
    assert client.post("/profil-regulasi/daerah/buat/", {"reason": "Different regulation"}).status_code == 302
    edit = _text(client.get("/profil-regulasi/daerah/"))
    for phrase in ("Regional regulation profile", "Legal basis", "version history", "Assignment scopes", "Edit"):
        assert phrase in edit, phrase
    assert not re.search(r"\b(Dasar hukum|Pengaturan|Lingkup penugasan|Ubah)\b", edit)
    form = _text(client.get("/profil-regulasi/daerah/ubah/rejection_requires_reason/"))
    assert "Save as a new version" in form and "Not regulated" in form and "Yes" in form
    no_article = _text(
        client.post("/profil-regulasi/daerah/ubah/rejection_requires_reason/", {"value": "tidak", "reason": "x"})
    )
    assert "the article is required, unless the setting is marked as not regulated" in no_article
    assert "pasal dasar wajib diisi" not in no_article
    bad = _text(
        client.post(
            "/profil-regulasi/daerah/ubah/scopes/",
            {"value": ["dalam_unit", "dalam_unit"], "article": "Ps 1", "reason": "x"},
        )
    )
    assert "Assignment scopes: a choice is given twice." in bad
    saved = client.post(
        "/profil-regulasi/daerah/ubah/rejection_requires_reason/", {"value": "tidak", "article": "Ps 9", "reason": "x"}
    )
    assert saved.status_code == 302
    event = Event.objects.filter(verb="profile.setting_changed").latest("pk")
    assert event.changes["pengaturan"] == "Penolakan wajib disertai alasan"  # stored in Indonesian
    versions = _text(client.get("/profil-regulasi/daerah/versi/"))
    assert "Changes from version 1 to version 2" in versions and "changed: value, article" in versions
    assert "Perubahan dari versi" not in versions and "berubah:" not in versions
