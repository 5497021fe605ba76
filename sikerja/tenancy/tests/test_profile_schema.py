"""The schema of profile settings (PLT-6, PRF-1): every built-in profile fits it, every key the
code reads is described in it, and a value outside it is refused in words."""

import ast
from pathlib import Path

import pytest

from sikerja.tenancy.labels import SETTING_LABELS
from sikerja.tenancy.profile_check import SettingError, check_entry, entry_errors, parse_yaml, value_errors
from sikerja.tenancy.profile_schema import SCHEMA
from sikerja.tenancy.services import builtin_profile_data

ROOT = Path(__file__).resolve().parents[2]
READERS = {"value", "entry", "setting", "cite"}  # profile.value("k"), profile.entry("k"), cite(profile, "k")


def keys_read_by_code() -> dict[str, str]:
    """Setting keys passed as a literal to a profile reader anywhere in sikerja/**/*.py."""
    found: dict[str, str] = {}
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(ROOT).as_posix()
        if "/tests/" in rel or "/migrations/" in rel:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name not in READERS:
                continue
            for arg in node.args[:2]:
                text = arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else ""
                # A setting key: a lower-case identifier (one word keys such as "scopes" included).
                if text.isidentifier() and text.islower():
                    found.setdefault(text, f"{rel}:{node.lineno}")
    return found


@pytest.mark.req("PLT-6", "PRF-1")
def test_every_builtin_profile_fits_the_schema():
    checked = 0
    for data in builtin_profile_data():
        assert set(data["settings"]) <= set(SCHEMA), data["key"]
        for key, entry in data["settings"].items():
            assert entry_errors(key, entry) == [], (data["key"], key)
            checked += 1
    assert checked >= 6 * 40


@pytest.mark.req("PLT-6", "PRF-1")
def test_every_key_the_code_reads_is_in_the_schema_and_has_a_label():
    read = keys_read_by_code()
    # The scan finds the readers (guards against a scan that silently finds nothing).
    assert {"letter_signer", "scopes", "assessor_min_kind", "unit_patterns", "voluntary_flow"} <= set(read)
    missing = {k: where for k, where in read.items() if k not in SCHEMA}
    assert not missing, f"Setelan dibaca kode tetapi tidak ada di skema: {missing}"
    assert set(SCHEMA) == set(SETTING_LABELS)


@pytest.mark.req("PLT-6")
@pytest.mark.parametrize(
    "key, value, expected",
    [
        ("letter_signer", {"lintas_unit": "camat"}, "“camat” tidak dikenal; yang diperbolehkan: PPK, pimpinan unit"),
        ("letter_signer", {"lintas_kota": "ppk"}, "“lintas_kota” tidak dikenal; yang diperbolehkan: dalam unit"),
        ("scopes", ["dalam_unit", "antar_planet"], "Lingkup penugasan: “antar_planet” tidak dikenal"),
        ("scopes", [], "Lingkup penugasan: pilih paling sedikit 1"),
        ("scopes", ["dalam_unit", "dalam_unit"], "disebut dua kali"),
        ("cross_unit_request_required", "ya", "Lintas unit diawali permohonan: harus ya atau tidak."),
        (
            "placement_basis",
            "jabatan",
            "Dasar kedudukan: nilai “jabatan” tidak dikenal; yang diperbolehkan: ketentuan umum",
        ),
        ("assignment_availability", {"capacity_hours_per_week": 200}, "harus di antara 1 dan 60"),
        ("level_placement", {"ahli_muda": ["camat"]}, "Kedudukan menurut jenjang JF, ahli muda: “camat” tidak dikenal"),
        ("review_chains", {"default": [{"role": "ppk"}]}, "bagian “pasal” wajib diisi"),
        ("spbe_coordinator", "x" * 1001, "paling panjang 1000 karakter"),
    ],
)
def test_a_value_outside_the_schema_is_refused_with_what_is_allowed(key, value, expected):
    messages = value_errors(key, value)
    assert any(expected in m for m in messages), messages


@pytest.mark.req("PLT-6")
def test_article_required_unless_silent_and_silent_has_no_value():
    with pytest.raises(SettingError, match="pasal dasar wajib diisi"):
        check_entry("rejection_requires_reason", {"value": True, "article": " "})
    assert check_entry(
        "rejection_requires_reason", {"value": None, "article": "", "note": "Tidak diatur", "silent": True}
    ) == {
        "value": None,
        "article": None,
        "note": "Tidak diatur",
        "silent": True,
    }
    with pytest.raises(SettingError, match="tidak boleh mempunyai nilai"):
        check_entry("rejection_requires_reason", {"value": True, "silent": True})


@pytest.mark.req("PLT-6")
def test_yaml_is_read_safely_and_bounded():
    assert parse_yaml("default: pengawas\nfallback: administrator\n") == {
        "default": "pengawas",
        "fallback": "administrator",
    }
    with pytest.raises(SettingError, match="tidak dapat dibaca sebagai YAML"):
        parse_yaml("a: [b\n")
    with pytest.raises(SettingError, match="YAML"):
        parse_yaml("!!python/object/apply:os.system ['echo x']")  # no objects, ever
    with pytest.raises(SettingError, match="paling panjang"):
        parse_yaml("a: " + "x" * 30_000)
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
        f"{n}: &{n} [{','.join('*' + p for p in [prev] * 9)}]\n"
        for n, prev in zip("bcdefghij", "abcdefghi", strict=True)
    )
    with pytest.raises(SettingError):
        parse_yaml(bomb)
    with pytest.raises(SettingError, match="terlalu bertingkat"):
        parse_yaml("a:" + " [" * 12 + "1" + "]" * 12)


def _as_posted(form) -> dict:
    """What a browser sends back for the form as rendered (initial values untouched)."""
    data = {}
    for name, field in form.fields.items():
        initial = form.get_initial_for_field(field, name)
        if initial in (None, "", False, []):
            continue
        data[name] = "on" if initial is True else initial
    return data


@pytest.mark.req("PLT-6")
def test_every_setting_of_every_builtin_round_trips_through_its_form_widget():
    """Each setting's widget (ya/tidak, one of, boxes, one list per scope, YAML) shows the stored
    value so that saving the form unchanged stores exactly the same entry."""
    from sikerja.tenancy.profile_forms import SettingForm, widget_kind

    kinds = set()
    for data in builtin_profile_data():
        for key, entry in data["settings"].items():
            form = SettingForm(key=key, entry=entry)
            posted = {**_as_posted(form), "reason": "uji"}
            bound = SettingForm(posted, key=key, entry=entry)
            assert bound.is_valid(), (data["key"], key, bound.errors)
            assert bound.cleaned_data["entry"] == check_entry(key, entry), (data["key"], key)
            kinds.add(widget_kind(key))
    assert kinds == {"bool", "choice", "list", "text", "per_key", "yaml"}
