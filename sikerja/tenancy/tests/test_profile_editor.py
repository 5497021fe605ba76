"""The region's own regulation profile (PLT-6, PRF-1): derived from the built-in it runs, edited
one setting at a time against the schema, versioned with editor and reason, audited, and
followed by the decisions of the rules."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from sikerja.accounts.access import actor_for
from sikerja.accounts.models import ApiToken
from sikerja.assignments import rules
from sikerja.assignments.officials import profile_of
from sikerja.audit.models import Event
from sikerja.tenancy import profile_selectors as sel
from sikerja.tenancy import profile_services as services
from sikerja.tenancy.models import Region, RegulationProfile

pytestmark = pytest.mark.req("PLT-6", "PRF-1")
API = "/api/v1"


def _user(name):
    return get_user_model().objects.get(username=name)


def _actor(name, region):
    return actor_for(_user(name), Region.objects.get(pk=region.pk))


def _client(name):
    client = Client()
    client.force_login(_user(name))
    return client


@pytest.fixture
def region(demo):
    return Region.objects.select_related("profile").get(slug="sungai-lestari")


@pytest.fixture
def admin(region):
    return _actor("admin.organisasi", region)


@pytest.fixture
def own(admin):
    return services.derive_profile(actor=admin, reason="Perbup Sungai Lestari 12/2025 berbeda dari PPU")


def _edit(actor, key, value, article="Pasal 1", reason="Perbup baru", **kw):
    return services.edit_setting(actor=actor, key=key, value=value, article=article, reason=reason, **kw)


# --- derive ---------------------------------------------------------------------------------
def test_derive_copies_the_builtin_records_its_version_and_switches_the_region(region, admin):
    builtin = region.profile
    assert builtin.is_builtin
    own = services.derive_profile(actor=admin, reason="Perbup daerah berbeda", name="Perbup Sungai Lestari 12/2025")
    region.refresh_from_db()
    assert region.profile_id == own.pk and not own.is_builtin and own.owner_id == region.pk
    assert own.derived_from_id == builtin.pk and own.derived_from_version == builtin.version
    assert own.settings == builtin.settings == own.base_settings
    assert own.name == "Perbup Sungai Lestari 12/2025" and own.version == 1
    builtin.refresh_from_db()
    assert builtin.is_builtin and builtin.settings == own.settings  # the built-in itself is untouched
    event = Event.objects.get(verb="profile.derived", object_id=str(own.pk))
    assert event.region_id == region.pk and event.reason == "Perbup daerah berbeda"
    # Rules now cite the region's own regulation.
    assert rules.letter_signer(profile_of(region), "lintas_unit", "individu").article.startswith(
        "Perbup Sungai Lestari"
    )
    with pytest.raises(ValidationError, match="sudah memakai profil regulasi sendiri"):
        services.derive_profile(actor=_actor("admin.organisasi", region), reason="lagi")


def test_a_builtin_profile_is_never_edited(region, admin):
    before = region.profile.settings
    with pytest.raises(ValidationError, match="Profil bawaan tidak dapat diubah"):
        _edit(admin, "rejection_requires_reason", False)
    region.profile.refresh_from_db()
    assert region.profile.settings == before


def test_only_the_regions_admin_organisasi_or_superadmin_derives_or_edits(region, own):
    for name in ("admin.bkpsdm", "sekda", "kadis.kominfo", "pegawai.kominfo"):
        with pytest.raises(PermissionDenied):
            _edit(_actor(name, region), "rejection_requires_reason", False)
    superuser = get_user_model().objects.create_superuser("root.profil", password="x-Uji-12345")
    assert _edit(actor_for(superuser, region), "rejection_requires_reason", False, expected_version=1).version == 2


# --- edit: each kind, valid and invalid -------------------------------------------------------
@pytest.mark.parametrize(
    "key, value",
    [
        ("rejection_requires_reason", False),  # ya/tidak
        ("placement_basis", "jenjang"),  # one of
        ("scopes", ["dalam_unit", "lintas_unit"]),  # a list
        (
            "letter_signer",
            {"dalam_unit": "ppk", "lintas_unit": "kepala_pd", "lintas_pd": "sekretaris_daerah"},
        ),  # per scope
        ("level_placement", {"ahli_muda": ["administrator"], "ahli_pertama": ["pengawas"]}),  # nested
        ("spbe_coordinator", "Dinas Komunikasi dan Informatika"),  # text
    ],
)
def test_a_valid_value_of_each_kind_is_saved_as_a_new_version(admin, own, key, value):
    saved = _edit(admin, key, value, article="Pasal 7 ayat (2)", note="Perbup 12/2025", expected_version=1)
    assert saved.version == 2
    assert saved.settings[key] == {"value": value, "article": "Pasal 7 ayat (2)", "note": "Perbup 12/2025"}
    record = saved.history.order_by("-history_id").first()
    assert record.version == 2 and record.history_user.username == "admin.organisasi"
    assert record.history_change_reason == "Perbup baru"
    event = Event.objects.get(verb="profile.setting_changed", object_id=str(own.pk))
    assert event.changes["sesudah"]["value"] == value and event.reason == "Perbup baru"


@pytest.mark.parametrize(
    "key, value, message",
    [
        ("rejection_requires_reason", "ya", "harus ya atau tidak"),
        ("placement_basis", "kekeluargaan", "“kekeluargaan” tidak dikenal; yang diperbolehkan: ketentuan umum"),
        ("scopes", ["lintas_galaksi"], "“lintas_galaksi” tidak dikenal"),
        ("letter_signer", {"lintas_unit": "camat"}, "Penanda tangan surat penugasan, lintas unit: nilai “camat”"),
        ("level_placement", {"ahli_muda": "administrator"}, "harus berupa daftar"),
        ("unknown_setting_key", True, "tidak dikenal oleh SiKerja"),
    ],
)
def test_an_invalid_value_of_each_kind_is_refused_and_nothing_is_saved(admin, own, key, value, message):
    before = RegulationProfile.objects.get(pk=own.pk)
    with pytest.raises(ValidationError) as info:
        _edit(admin, key, value)
    assert any(message in m for m in info.value.messages), info.value.messages
    after = RegulationProfile.objects.get(pk=own.pk)
    assert (after.settings, after.version) == (before.settings, before.version)
    assert after.history.count() == 1
    assert not Event.objects.filter(verb="profile.setting_changed").exists()


def test_article_is_required_unless_the_setting_is_silent(admin, own):
    with pytest.raises(ValidationError, match="pasal dasar wajib diisi"):
        _edit(admin, "rejection_requires_reason", False, article="")
    saved = services.edit_setting(
        actor=admin, key="rejection_requires_reason", silent=True, note="Perbup tidak mengatur", reason="Tidak diatur"
    )
    assert saved.settings["rejection_requires_reason"] == {
        "value": None,
        "article": None,
        "note": "Perbup tidak mengatur",
        "silent": True,
    }


def test_reason_is_required(admin, own):
    with pytest.raises(ValidationError, match="wajib"):
        _edit(admin, "rejection_requires_reason", False, reason="  ")


def test_a_stale_form_is_refused(admin, own):
    _edit(admin, "rejection_requires_reason", False, expected_version=1)
    with pytest.raises(ValidationError, match="diubah orang lain") as info:
        _edit(admin, "rejection_requires_reason", True, expected_version=1)
    assert info.value.code == "stale"
    assert RegulationProfile.objects.get(pk=own.pk).settings["rejection_requires_reason"]["value"] is False


# --- decisions follow the edited profile ----------------------------------------------------
def test_the_penugasan_signer_follows_an_edited_letter_signer(region, admin, own):
    # PPU Ps 11(1) huruf c: across units the owning unit's leader signs.
    before = rules.letter_signer(profile_of(region), "lintas_unit", "individu")
    assert before.signers == ("pimpinan_unit_pemilik_kinerja",)
    _edit(
        admin, "letter_signer", {"dalam_unit": "pimpinan_unit", "lintas_unit": "kepala_pd", "lintas_pd": "sekretaris_daerah"},
        article="Pasal 20 ayat (4)",
    )  # fmt: skip
    region = Region.objects.select_related("profile").get(pk=region.pk)
    after = rules.letter_signer(profile_of(region), "lintas_unit", "individu")
    assert after.signers == ("kepala_pd",)
    assert after.article == f"{own.name} Pasal 20 ayat (4)"
    assert rules.letter_signer(profile_of(region), "lintas_pd", "individu").signers == ("sekretaris_daerah",)


def test_a_scope_removed_from_the_profile_is_refused_by_the_rules(region, admin, own):
    assert rules.letter_signer(profile_of(region), "lintas_pd", "individu").allowed
    _edit(admin, "scopes", ["dalam_unit", "lintas_unit"], article="Pasal 8 ayat (3)")
    region = Region.objects.select_related("profile").get(pk=region.pk)
    decision = rules.letter_signer(profile_of(region), "lintas_pd", "individu")
    assert not decision.allowed and "Pasal 8 ayat (3)" in decision.signer_article


# --- history, diff, revert, updates ------------------------------------------------------------
def test_versions_and_the_diff_between_two_versions(admin, own):
    _edit(admin, "rejection_requires_reason", False, article="Pasal 21 ayat (3)", reason="Perbup 12/2025 Pasal 21")
    _edit(admin, "scopes", ["dalam_unit", "lintas_unit"], article="Pasal 8", reason="Tanpa lintas PD")
    records = sel.versions(RegulationProfile.objects.get(pk=own.pk))
    assert [r.version for r in records] == [3, 2, 1]
    assert [r.reason for r in records][:2] == ["Tanpa lintas PD", "Perbup 12/2025 Pasal 21"]
    assert records[0].editor
    changes = sel.diff(records[2].settings, records[0].settings)
    by_label = {c.label: c for c in changes}
    assert set(by_label) == {"Penolakan wajib disertai alasan", "Lingkup penugasan"}
    reason = by_label["Penolakan wajib disertai alasan"]
    assert (reason.old["value"], reason.new["value"]) == ("ya", "tidak")
    assert (reason.old["article"], reason.new["article"]) == ("Pasal 11 ayat (1) huruf d", "Pasal 21 ayat (3)")
    assert reason.parts == ("nilai", "pasal", "catatan")  # PUT semantics: the whole entry is replaced
    scopes = by_label["Lingkup penugasan"]
    assert scopes.new["value"] == "dalam unit, lintas unit" and "lintas PD" in scopes.old["value"]


def test_revert_is_a_new_version_with_the_old_settings(admin, own):
    first = own.history.get(version=1)
    _edit(admin, "rejection_requires_reason", False)
    reverted = services.revert_to(actor=admin, history_id=first.history_id, reason="Salah ubah", expected_version=2)
    assert reverted.version == 3 and reverted.settings == first.settings
    assert Event.objects.filter(verb="profile.reverted", object_id=str(own.pk)).count() == 1


def test_a_newer_builtin_is_announced_with_the_settings_it_changed_not_applied(region, admin, own):
    builtin = own.derived_from
    settings = dict(builtin.settings)
    settings["rejection_requires_reason"] = {"value": False, "article": "Pasal 11 ayat (1) huruf d (perubahan)"}
    builtin.settings, builtin.version = settings, builtin.version + 1
    builtin.save()
    update = sel.builtin_update(RegulationProfile.objects.get(pk=own.pk))
    assert update["version"] == builtin.version and update["since"] == own.derived_from_version
    assert [c.label for c in update["changes"]] == ["Penolakan wajib disertai alasan"]
    assert update["changes"][0].new["value"] == "tidak" and update["changes"][0].current["value"] == "ya"
    assert RegulationProfile.objects.get(pk=own.pk).settings["rejection_requires_reason"]["value"] is True
    page = _client("admin.organisasi").get("/profil-regulasi/daerah/").content.decode()
    notice = page[page.index('id="builtin-update"') :]
    notice = notice[: notice.index("</section>")]
    assert f"mempunyai versi baru ({builtin.version})" in notice
    assert "Penolakan wajib disertai alasan" in notice and "Pasal 11 ayat (1) huruf d (perubahan)" in notice
    assert notice.count("<tr>") == 2  # the header and the one changed setting


# --- pages ------------------------------------------------------------------------------------
def test_pages_derive_edit_and_show_versions_in_words(region):
    client = _client("admin.organisasi")
    page = client.get("/profil-regulasi/").content.decode()
    assert "Buat profil daerah sendiri" in page
    assert client.get("/profil-regulasi/daerah/buat/").status_code == 200
    response = client.post("/profil-regulasi/daerah/buat/", {"name": "", "legal_basis": "", "reason": "Perbup berbeda"})
    assert response.status_code == 302
    assert "Ubah" in client.get("/profil-regulasi/").content.decode()
    form = client.get("/profil-regulasi/daerah/ubah/letter_signer/").content.decode()
    assert "Penanda tangan surat penugasan" in form and "kepala PD" in form
    data = {
        "map_dalam_unit": "ppk",
        "map_lintas_unit": "camat",
        "article": "Pasal 20",
        "reason": "Perbup",
        "version": 1,
    }
    refused = client.post("/profil-regulasi/daerah/ubah/letter_signer/", data)
    assert refused.status_code == 400
    assert "yang diperbolehkan" in refused.content.decode() or "pilihan yang valid" in refused.content.decode()
    data["map_lintas_unit"] = "kepala_pd"
    assert client.post("/profil-regulasi/daerah/ubah/letter_signer/", data).status_code == 302
    no_article = client.post(
        "/profil-regulasi/daerah/ubah/rejection_requires_reason/", {"value": "tidak", "article": "", "reason": "x"}
    )
    assert no_article.status_code == 400 and "pasal dasar wajib diisi" in no_article.content.decode()
    silent = client.post(
        "/profil-regulasi/daerah/ubah/rejection_requires_reason/",
        {"silent": "on", "note": "Tidak diatur", "reason": "x"},
    )
    assert silent.status_code == 302
    bad_yaml = client.post(
        "/profil-regulasi/daerah/ubah/level_placement/",
        {"value": "ahli_muda: [camat]", "article": "Ps 1", "reason": "x"},
    )
    assert bad_yaml.status_code == 400 and "“camat” tidak dikenal" in bad_yaml.content.decode()
    region.refresh_from_db()
    assert region.profile.settings["letter_signer"]["value"]["lintas_unit"] == "kepala_pd"
    versions = client.get("/profil-regulasi/daerah/versi/").content.decode()
    assert "Perubahan dari versi 2 ke versi 3" in versions and "Penolakan wajib disertai alasan" in versions
    for page in (client.get("/profil-regulasi/daerah/").content.decode(), versions, form):
        text = re.sub(r"<[^>]+>", " ", page)  # what an official reads: no tags, no attributes
        for raw in (
            "letter_signer",
            "rejection_requires_reason",
            "pimpinan_unit",
            "lintas_unit",
            "{'value",
            "%s",
            "{{",
        ):
            assert raw not in text, raw


def test_pages_refuse_non_admins_and_hide_other_regions_versions(region, other_demo, own):
    for name in ("admin.bkpsdm", "pegawai.kominfo"):
        client = _client(name)
        assert "Buat profil daerah sendiri" not in client.get("/profil-regulasi/").content.decode()
        for url in (
            "/profil-regulasi/daerah/",
            "/profil-regulasi/daerah/ubah/scopes/",
            "/profil-regulasi/daerah/versi/",
        ):
            assert client.get(url).status_code == 403, (name, url)
    # The other region's administrator derives their own; neither sees the other's versions.
    other = Region.objects.get(slug="teluk-damai")
    theirs = services.derive_profile(actor=_actor("lain.admin.organisasi", other), reason="Perbup Teluk Damai")
    mine = _client("admin.organisasi")
    their_version = theirs.history.get().history_id
    assert mine.get(f"/profil-regulasi/daerah/versi/?ke={their_version}").status_code == 404
    assert mine.post(f"/profil-regulasi/daerah/versi/{their_version}/kembalikan/", {"reason": "x"}).status_code == 404
    assert "Teluk Damai" not in mine.get("/profil-regulasi/daerah/").content.decode()


# --- API --------------------------------------------------------------------------------------
@pytest.fixture
def token_for():
    def _token_for(user):
        _, raw = ApiToken.issue(user=user, name="uji")
        client = Client()
        client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
        return client, raw

    return _token_for


def _put(client, key, body, region_slug="sungai-lestari"):
    return client.put(
        f"{API}/profil/pengaturan/{key}",
        data=json.dumps(body),
        content_type="application/json",
        HTTP_X_REGION=region_slug,
    )


def test_api_get_and_put_one_setting(region, own, token_for):
    client, _ = token_for(_user("admin.organisasi"))
    body = {
        "value": {"lintas_unit": "kepala_pd"},
        "article": "Pasal 20 ayat (4)",
        "reason": "Perbup",
        "expected_version": 1,
    }
    ok = _put(client, "letter_signer", body)
    assert ok.status_code == 200, ok.content
    data = ok.json()
    assert data["version"] == 2 and data["settings"]["letter_signer"]["value"] == {"lintas_unit": "kepala_pd"}
    assert [v["version"] for v in data["versions"]] == [2, 1] and data["versions"][0]["reason"] == "Perbup"
    refused = _put(client, "letter_signer", {**body, "value": {"lintas_unit": "camat"}, "expected_version": 2})
    assert refused.status_code == 400
    err = refused.json()
    assert err["code"] == "refused" and "“camat” tidak dikenal" in err["messages"][0] and err["detail"]
    stale = _put(client, "letter_signer", {**body, "value": {"lintas_unit": "ppk"}, "expected_version": 1})
    assert stale.status_code == 409 and stale.json()["code"] == "stale"
    no_article = _put(client, "rejection_requires_reason", {"value": False, "reason": "x"})
    assert no_article.status_code == 400 and "pasal dasar wajib diisi" in no_article.json()["detail"]
    version = client.get(f"{API}/profil/versi/{data['versions'][0]['history_id']}", HTTP_X_REGION="sungai-lestari")
    assert version.status_code == 200
    assert [c["label"] for c in version.json()["changes"]] == ["Penanda tangan surat penugasan"]


def test_api_refuses_non_admins_builtin_profiles_and_other_regions(region, other_demo, own, token_for):
    staff, _ = token_for(_user("admin.bkpsdm"))
    body = {"value": False, "article": "Pasal 1", "reason": "x"}
    denied = _put(staff, "rejection_requires_reason", body)
    assert denied.status_code == 403 and denied.json()["messages"]
    other_admin, _ = token_for(_user("lain.admin.organisasi"))
    builtin = _put(other_admin, "rejection_requires_reason", body, region_slug="teluk-damai")
    assert builtin.status_code == 409 and builtin.json()["code"] == "builtin_profile"
    assert _put(other_admin, "rejection_requires_reason", body).status_code == 403  # not their region
    mine = own.history.get().history_id
    assert other_admin.get(f"{API}/profil/versi/{mine}", HTTP_X_REGION="teluk-damai").status_code == 404
    got = other_admin.get(f"{API}/profil", HTTP_X_REGION="teluk-damai").json()
    assert got["is_builtin"] and got["key"] == "barito-utara" and got["versions"] == []


def test_another_regions_own_profile_is_not_listed_or_found_over_the_api(region, other_demo, own, token_for):
    other_admin, _ = token_for(_user("lain.admin.organisasi"))
    listed = other_admin.get(f"{API}/profiles", HTTP_X_REGION="teluk-damai").json()
    keys = {p["key"] for p in listed["items"]} if isinstance(listed, dict) else {p["key"] for p in listed}
    assert "barito-utara" in keys and own.key not in keys
    assert other_admin.get(f"{API}/profiles/{own.key}", HTTP_X_REGION="teluk-damai").status_code == 404
    mine, _ = token_for(_user("pegawai.kominfo"))
    got = mine.get(f"{API}/profiles/{own.key}", HTTP_X_REGION="sungai-lestari")
    assert got.status_code == 200 and got.json()["settings"]["letter_signer"]["article"] == "Pasal 11 ayat (1) huruf c"


def test_versions_page_reads_in_constant_queries_and_reverts_as_a_new_version(admin, own):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = _client("admin.organisasi")

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/profil-regulasi/daerah/versi/").status_code == 200
        return len(ctx.captured_queries)

    _edit(admin, "rejection_requires_reason", False)
    count()  # the first request of a session reads more (session, caches)
    few = count()
    for i in range(4):
        _edit(admin, "spbe_coordinator", f"Dinas Kominfo {i}", reason=f"Perubahan {i}")
    assert count() == few
    first = own.history.get(version=1).history_id
    response = client.post(
        f"/profil-regulasi/daerah/versi/{first}/kembalikan/", {"reason": "Kembali ke awal", "version": 6}
    )
    assert response.status_code == 302
    now = RegulationProfile.objects.get(pk=own.pk)
    assert now.version == 7 and now.settings == own.history.get(version=1).settings
    stale = client.post(f"/profil-regulasi/daerah/versi/{first}/kembalikan/", {"reason": "lagi", "version": 6})
    assert stale.status_code == 400 and "diubah orang lain" in stale.content.decode()


def test_bad_input_is_a_4xx_never_a_500(admin, own, token_for):
    client = _client("admin.organisasi")
    for query in ("?ke=abc", "?ke=99999999999999999999", "?dari=-1"):
        assert client.get(f"/profil-regulasi/daerah/versi/{query}").status_code == 404, query
    assert client.get("/profil-regulasi/daerah/ubah/tidak_ada/").status_code == 404
    api, _ = token_for(_user("admin.organisasi"))
    deep = {"default": [{"role": "ppk", "article": "x", "label": "y" * 10}]}
    for _ in range(12):
        deep = {"default": [deep]}
    nested = _put(api, "review_chains", {"value": deep, "article": "Pasal 1", "reason": "x"})
    assert nested.status_code == 400 and "terlalu bertingkat" in nested.json()["detail"]
    long_article = _put(api, "rejection_requires_reason", {"value": True, "article": "P" * 301, "reason": "x"})
    assert long_article.status_code == 422
    assert RegulationProfile.objects.get(pk=own.pk).version == 1
