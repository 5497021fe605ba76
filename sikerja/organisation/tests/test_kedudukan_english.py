"""PLT-5: the kedudukan rules speak the page's language; the findings stored for the report are
a record and stay in Bahasa Indonesia whatever the language of the change that refreshed them."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from sikerja.organisation.models import PlacementFinding
from sikerja.organisation.placement_checks import refresh
from sikerja.organisation.rules.nip import nip_error
from sikerja.organisation.tests.test_kedudukan import pelaksana_under_pengawas, person, rehang


@pytest.mark.req("PLT-5", "KED-3")
def test_the_place_page_explains_excluded_assessors_in_english(other_demo, login):
    muda = person(other_demo.region, "DINSOS.BID1.S1", "fungsional", level="ahli_pertama")
    client = login("lain.admin.bkpsdm")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("ked:place", args=[muda.pk])).content.decode()
    assert "A functional official at level" in page and "is placed under supervisor (pengawas) or administrator" in page
    assert "Pasal 17 ayat (3)" in page  # the article is the profile's, not translated
    assert "berkedudukan di bawah" not in page
    del client.cookies[settings.LANGUAGE_COOKIE_NAME]
    page = client.get(reverse("ked:place", args=[muda.pk])).content.decode()
    assert "JF ahli pertama berkedudukan di bawah pengawas atau administrator" in page


@pytest.mark.req("PLT-5", "KED-4")
def test_findings_stored_while_english_is_active_stay_indonesian(other_demo):
    region = other_demo.region  # Perbup Barito Utara 18/2024: pelaksana under a pengawas (Ps 17(4))
    pelaksana, _kasi, admin = pelaksana_under_pengawas(region)
    with translation.override("en"):  # refreshes caused by someone working in English
        rehang(pelaksana, admin)
        refresh(region)
    messages = list(PlacementFinding.objects.filter(employee=pelaksana).values_list("message", flat=True))
    assert messages and any(m.startswith("Pelaksana berkedudukan di bawah pengawas") for m in messages)
    assert not any("placed under" in m or "supervisor" in m for m in messages)


@pytest.mark.req("PLT-5", "ORG-5")
def test_nip_messages_follow_the_language():
    with translation.override("en"):
        assert nip_error("123") == "An NIP has 18 digits."
    assert nip_error("123") == "NIP harus terdiri dari 18 angka."
