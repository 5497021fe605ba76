"""Every setting a built-in profile declares is read by the code (issue 9 item 8): the setting
keys of all profiles against the string literals of ``sikerja/**/*.py`` outside tests and the
profile loading in ``sikerja/tenancy``."""

import ast
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PROFILES = ROOT / "tenancy" / "profiles"

# Read by an app being built in parallel (issue 9): remove a key from here once its reader is merged.
PENDING = {
    "three_stage_mechanism": "sikerja/execution (pelaksanaan)",
    "review_chains": "sikerja/execution (pelaksanaan)",
}
# Declared but read by nothing yet; each must be read or removed (listed so the gap is visible).
# The help guides cite electronic_letter_valid_proof, shared_application and spbe_coordinator.
KNOWN_UNREAD = {"unit_type_patterns"}


def declared_keys() -> set[str]:
    keys = set()
    for path in PROFILES.glob("*.yaml"):
        keys |= set(yaml.safe_load(path.read_text(encoding="utf-8")).get("settings") or {})
    return keys


def literals_in_code() -> set[str]:
    found = set()
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(ROOT).as_posix()
        if "/tests/" in rel or rel.startswith("tenancy/") or "/migrations/" in rel:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


@pytest.mark.req("PRF-1")
def test_every_declared_setting_is_read_by_the_code():
    declared, read = declared_keys(), literals_in_code()
    unread = sorted(declared - read - set(PENDING) - KNOWN_UNREAD)
    assert not unread, f"Setelan profil yang tidak dibaca kode mana pun (baca atau hapus): {unread}"
    now_read = sorted(KNOWN_UNREAD & read)
    assert not now_read, f"Setelan ini kini dibaca kode; hapus dari KNOWN_UNREAD: {now_read}"
    assert declared >= set(PENDING) | KNOWN_UNREAD
