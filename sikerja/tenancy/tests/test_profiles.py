import pytest

from sikerja.tenancy.labels import SETTING_LABELS, value_label
from sikerja.tenancy.models import RegulationProfile
from sikerja.tenancy.services import builtin_profile_data, sync_builtin_profiles

BUILTIN = {"mahakam-ulu", "klungkung", "barito-utara", "penajam-paser-utara", "belitung-timur", "nasional"}


@pytest.mark.req("PRF-1")
def test_five_regulations_and_national_baseline_ship_as_profiles(db):
    profiles = {p.key: p for p in sync_builtin_profiles()}
    assert set(profiles) == BUILTIN
    for profile in profiles.values():
        assert profile.is_builtin and profile.legal_basis


@pytest.mark.req("PRF-1")
def test_every_setting_names_its_article_or_says_it_is_silent():
    for data in builtin_profile_data():
        assert set(data["settings"]) == set(SETTING_LABELS), data["key"]
        for key, entry in data["settings"].items():
            if entry.get("silent"):
                assert entry["value"] is None and entry.get("note"), (data["key"], key)
            else:
                assert entry.get("article"), (data["key"], key)


@pytest.mark.req("PRF-2")
def test_regulations_differ_as_data_not_code():
    by_key = {d["key"]: d["settings"] for d in builtin_profile_data()}
    # BU Ps 17(3) and BT Ps 8(3) place JF by level; PPU follows the peta jabatan (Ps 7).
    assert by_key["barito-utara"]["placement_basis"]["value"] == "jenjang"
    assert by_key["belitung-timur"]["placement_basis"]["value"] == "jenjang"
    assert by_key["penajam-paser-utara"]["placement_basis"]["value"] == "peta_jabatan"
    # BU Ps 20(4): cross-PD letters are signed by the Sekretaris Daerah.
    assert by_key["barito-utara"]["letter_signer"]["value"]["lintas_pd"] == "sekretaris_daerah"
    # PPU Ps 10(4): a team is set by keputusan; BU Ps 21(1): by surat perintah.
    assert "keputusan" in by_key["penajam-paser-utara"]["team_instrument"]["value"].values()
    assert by_key["barito-utara"]["team_instrument"]["value"]["dalam_unit"] == "surat_perintah"
    # Only PPU ranks ketua candidates (Ps 10(3)).
    assert by_key["penajam-paser-utara"]["ketua_priority"]["value"][0] == "jf_keahlian"
    assert by_key["mahakam-ulu"]["ketua_priority"]["silent"]
    # Klungkung Ps 1 angka 17 names the head of a unit kerja mandiri as a possible PPK.
    assert by_key["klungkung"]["mandiri_head_may_be_assessor"]["value"] is True


@pytest.mark.req("PRF-1")
def test_admin_edits_survive_a_restart_but_a_newer_file_wins(db):
    sync_builtin_profiles()
    profile = RegulationProfile.objects.get(key="klungkung")
    profile.settings["scopes"]["note"] = "diubah admin"
    profile.save()
    sync_builtin_profiles()
    profile.refresh_from_db()
    assert profile.settings["scopes"]["note"] == "diubah admin"
    assert profile.history.count() == 2  # creation and the admin's edit are both kept
    RegulationProfile.objects.filter(pk=profile.pk).update(version=0)
    sync_builtin_profiles()
    profile.refresh_from_db()
    assert profile.settings["scopes"].get("note") != "diubah admin"


def test_value_labels_read_as_indonesian():
    assert value_label(["lintas_unit", "lintas_pd"]) == "lintas unit, lintas PD"
    assert value_label(True) == "ya" and value_label(None) == "tidak diatur"
    assert "kepala PD" in value_label({"lintas_unit": "kepala_pd"})
