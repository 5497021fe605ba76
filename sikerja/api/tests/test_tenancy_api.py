"""Regions and regulation profiles over the API (PRF-1, PRF-3)."""

import pytest

from sikerja.api.tests.helpers import API, body
from sikerja.tenancy.services import builtin_profile_data

BUILTIN_KEYS = {"mahakam-ulu", "klungkung", "barito-utara", "penajam-paser-utara", "belitung-timur", "nasional"}


@pytest.mark.req("PRF-1")
def test_profiles_lists_every_builtin_profile_with_its_legal_basis(demo, login):
    data = body(login("pegawai.kominfo").get(f"{API}/profiles"))
    by_key = {p["key"]: p for p in data["items"]}
    assert set(by_key) >= BUILTIN_KEYS
    assert data["count"] == len(by_key)
    for profile in by_key.values():
        assert profile["legal_basis"]
        assert profile["version"] >= 1
        assert profile["name"]


@pytest.mark.req("PRF-1")
def test_profile_detail_gives_each_setting_with_its_article(demo, login):
    response = login("pegawai.kominfo").get(f"{API}/profiles/klungkung")
    assert response.status_code == 200
    data = body(response)
    shipped = next(d for d in builtin_profile_data() if d["key"] == "klungkung")
    assert set(data["settings"]) == set(shipped["settings"])
    for key, setting in data["settings"].items():
        assert set(setting) == {"value", "article", "note", "silent"}, key
        assert setting["value"] == shipped["settings"][key].get("value")
        assert setting["article"] == shipped["settings"][key].get("article")
    # A matter the regulation does not regulate is marked silent, with no article.
    assert data["settings"]["level_placement"]["silent"] is True
    assert data["settings"]["level_placement"]["article"] is None
    assert data["settings"]["scopes"]["article"] == "Pasal 6 ayat (2)"
    assert data["settings"]["scopes"]["silent"] is False


@pytest.mark.req("PRF-1")
def test_unknown_profile_is_404(demo, login):
    response = login("pegawai.kominfo").get(f"{API}/profiles/tidak-ada")
    assert response.status_code == 404
    assert body(response) == {
        "code": "not_found",
        "detail": "Profil regulasi tidak ditemukan.",
        "messages": ["Profil regulasi tidak ditemukan."],
    }


@pytest.mark.req("PRF-1", "PRF-3")
def test_regions_lists_only_the_callers_regions_with_their_profile(demo, other_demo, login):
    data = body(login("kadis.kominfo").get(f"{API}/regions"))
    assert data["count"] == 1
    (region,) = data["items"]
    assert region["slug"] == "sungai-lestari"
    assert region["profile"]["key"] == "penajam-paser-utara"
    assert region["roles"] == ["kepala_pd"]
    assert region["is_current"] is True

    other = body(login("lain.kadis.kominfo").get(f"{API}/regions"))
    assert [r["slug"] for r in other["items"]] == ["teluk-damai"]
    assert other["items"][0]["profile"]["key"] == "barito-utara"


@pytest.mark.req("PRF-3")
def test_region_detail_and_other_region_is_404(demo, other_demo, login):
    client = login("kadis.kominfo")
    response = client.get(f"{API}/regions/sungai-lestari")
    assert response.status_code == 200
    data = body(response)
    assert data["counts"]["units"] == demo.region.units.filter(is_active=True).count()
    assert data["counts"]["employees"] == demo.region.employees.filter(is_active=True).count()
    assert data["counts"]["positions"] == demo.region.positions.count()

    response = client.get(f"{API}/regions/teluk-damai")
    assert response.status_code == 404
    assert body(response)["code"] == "not_found"
