"""Compile sikerja/locale/*/LC_MESSAGES/django.po into django.mo with the standard library only.

Django's ``compilemessages`` needs GNU gettext's ``msgfmt``, which is not on every machine
(nor in every CI image). The .mo is therefore committed, written by this script, and a test
(sikerja/web/tests/test_languages.py) fails when it is out of date with its .po.

    .venv/bin/python scripts/compile_messages.py          # write every django.mo
    .venv/bin/python scripts/compile_messages.py --check  # exit 1 when one is stale

The .mo layout is GNU gettext's: a header of seven 32-bit words (magic, revision, count,
offset of the original table, offset of the translation table, hash size 0, hash offset),
then two tables of (length, offset) pairs, then the NUL-terminated strings, originals sorted.
Entries without a translation and fuzzy entries are left out, as msgfmt does.
"""

from __future__ import annotations

import ast
import struct
import sys
from pathlib import Path

LOCALE = Path(__file__).resolve().parent.parent / "sikerja" / "locale"


def _unquote(line: str) -> str:
    return ast.literal_eval(line)  # a PO string is a C-style double-quoted literal


def parse_po(text: str) -> list[dict]:
    """Entries as {"msgctxt", "msgid", "msgid_plural", "msgstr": {index: text}, "fuzzy"}.
    Entries are separated by blank lines, as makemessages and msgmerge write them."""
    entries: list[dict] = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        entry = {"msgctxt": None, "msgid": None, "msgid_plural": None, "msgstr": {}, "fuzzy": False}
        field: tuple | None = None
        for raw in block.splitlines():
            line = raw.strip()
            if not line:
                continue
            if line.startswith("#"):
                if line.startswith("#,") and "fuzzy" in line:
                    entry["fuzzy"] = True
                continue  # comments, locations, obsolete (#~) entries
            if line.startswith('"'):
                if field is None:
                    raise ValueError(f"continuation line without a field: {raw!r}")
                name, index = field
                if name == "msgstr":
                    entry["msgstr"][index] += _unquote(line)
                else:
                    entry[name] += _unquote(line)
                continue
            keyword, _, rest = line.partition(" ")
            if keyword in ("msgctxt", "msgid", "msgid_plural"):
                entry[keyword] = _unquote(rest)
                field = (keyword, None)
            elif keyword.startswith("msgstr"):
                index = int(keyword[7:-1]) if keyword.startswith("msgstr[") else 0
                entry["msgstr"][index] = _unquote(rest)
                field = ("msgstr", index)
            else:
                raise ValueError(f"unknown PO line: {raw!r}")
        if entry["msgid"] is not None:
            entries.append(entry)
    return entries


def mo_bytes(entries: list[dict]) -> bytes:
    catalog: dict[bytes, bytes] = {}
    for e in entries:
        translations = [e["msgstr"][i] for i in sorted(e["msgstr"])]
        header = e["msgid"] == ""
        if e["fuzzy"] and not header:
            continue
        if not header and not all(translations):
            continue
        key = e["msgid"]
        if e["msgid_plural"] is not None:
            key += "\0" + e["msgid_plural"]
        if e["msgctxt"] is not None:
            key = e["msgctxt"] + "\x04" + key
        catalog[key.encode()] = "\0".join(translations).encode()
    keys = sorted(catalog)
    count = len(keys)
    originals_at = 7 * 4
    translations_at = originals_at + count * 8
    strings_at = translations_at + count * 8
    originals, translations, blob = [], [], b""
    for key in keys:
        originals.append((len(key), strings_at + len(blob)))
        blob += key + b"\0"
    for key in keys:
        value = catalog[key]
        translations.append((len(value), strings_at + len(blob)))
        blob += value + b"\0"
    out = struct.pack("<7I", 0x950412DE, 0, count, originals_at, translations_at, 0, 0)
    out += b"".join(struct.pack("<2I", n, at) for n, at in originals)
    out += b"".join(struct.pack("<2I", n, at) for n, at in translations)
    return out + blob


def duplicates(entries: list[dict]) -> list[str]:
    """msgids defined twice (GNU msgfmt refuses them; here the later one would silently win)."""
    seen, twice = set(), []
    for e in entries:
        key = (e["msgctxt"], e["msgid"])
        if key in seen and e["msgid"]:
            twice.append(e["msgid"])
        seen.add(key)
    return twice


def compile_po(po: Path) -> bytes:
    entries = parse_po(po.read_text(encoding="utf-8"))
    twice = duplicates(entries)
    if twice:
        raise SystemExit(f"{po}: msgid defined twice: " + "; ".join(repr(m) for m in twice[:20]))
    return mo_bytes(entries)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/django.po")):
        mo = po.with_suffix(".mo")
        data = compile_po(po)
        if mo.exists() and mo.read_bytes() == data:
            continue
        if check:
            stale.append(str(mo))
        else:
            mo.write_bytes(data)
            print(f"written {mo}")
    if stale:
        print("out of date (run scripts/compile_messages.py): " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
