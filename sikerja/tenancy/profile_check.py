"""Checks a profile setting against ``profile_schema.SCHEMA`` (PLT-6). Pure: no database.

Every refusal is a sentence in Bahasa Indonesia that names the setting by its label and says
what is allowed, in words (``labels.VALUE_LABELS``), never the raw keys of the schema.
"""

from __future__ import annotations

import yaml

from sikerja.inputs import LONG_TEXT, bad_character
from sikerja.organisation.choices import UnitType
from sikerja.tenancy.labels import SETTING_LABELS, VALUE_LABELS
from sikerja.tenancy.profile_schema import SCHEMA

# Limits for a setting typed as YAML: a profile is small data, a bigger text is a mistake or
# an attack (a "billion laughs" document is refused by size before it is expanded).
MAX_YAML_CHARS = 20_000
MAX_DEPTH = 8
MAX_NODES = 3_000
ARTICLE_MAX = 300
NOTE_MAX = LONG_TEXT


class SettingError(ValueError):
    """A setting that does not fit the schema; ``messages`` lists every reason."""

    def __init__(self, messages: list[str]):
        super().__init__(" ".join(messages))
        self.messages = messages


def label(key: str) -> str:
    return SETTING_LABELS.get(key, key.replace("_", " "))


# Words for the parts of nested settings and for unit types, so that a message never shows a key.
FIELD_WORDS = {
    "by_unit_type": "per jenis unit", "role": "peran", "label": "sebutan", "article": "pasal",
    "accepts": "menerima hasil", "unit_types": "jenis unit", "sets_performance": "penetapan kinerja",
    "assessors": "penilai", "note": "catatan", "flow": "alur", "steps": "langkah", "team": "tim",
    "several_must_act": "bila beberapa pimpinan harus bertindak", "anggota": "anggota tim",
    "ancestor": "pimpinan unit di atasnya", "pimpinan_unit_asal": "pimpinan unit asal",
    "coordinator_pd": "PD koordinator", "function": "urusan", "seats": "jabatan", "required": "wajib",
    "may_add": "dapat ditambah", "binding": "mengikat", "tasks": "tugas", "items": "butir", "title": "judul",
    "sekretaris": "sekretaris", "set_by": "ditetapkan oleh", "text": "teks", "proposed_by": "diusulkan oleh",
    "kind": "jenis", "asn_only": "hanya ASN", "unsur": "unsur", "allowed": "yang diperbolehkan",
    "huruf": "huruf", "actor": "pelaku", "does": "tindakan", "to": "kepada", "action": "uraian",
    "apply": "mengajukan", "approve": "menyetujui", "issue": "menerbitkan", "confirm": "menyampaikan",
    "receive": "menerima", "produces": "menghasilkan", "document": "naskah", "tembusan": "tembusan",
    "letter": "naskah", "forward_step": "meneruskan ke langkah",
    **{t.value: t.label for t in UnitType},
}  # fmt: skip


def value_words(value) -> str:
    """Any setting value in words, nested structures included (never a raw key)."""
    if value is None:
        return "tidak diatur"
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, int | float):
        return f"{value:g}".replace(".", ",")
    if isinstance(value, list):
        if not value:
            return "tidak ada"
        sep = " | " if any(isinstance(v, dict | list) for v in value) else ", "
        return sep.join(value_words(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{words(k)}: {value_words(v)}" for k, v in value.items())
    return words(value)


def words(value) -> str:
    value = str(value)
    return VALUE_LABELS.get(value) or FIELD_WORDS.get(value) or value.replace("_", " ")


def _allowed(choices) -> str:
    return ", ".join(words(c) for c in choices)


def _check(spec: dict, value, where: str, out: list[str]) -> None:
    kind = spec["type"]
    if kind == "any":
        return
    if kind == "bool":
        if not isinstance(value, bool):
            out.append(f"{where}: harus ya atau tidak.")
    elif kind == "choice":
        if not isinstance(value, str) or value not in spec["choices"]:
            out.append(f"{where}: nilai “{value}” tidak dikenal; yang diperbolehkan: {_allowed(spec['choices'])}.")
    elif kind == "list":
        if not isinstance(value, list):
            out.append(f"{where}: harus berupa daftar; pilih dari: {_allowed(spec['choices'])}.")
            return
        if len(value) < spec.get("min", 0):
            out.append(f"{where}: pilih paling sedikit {spec['min']}; dari: {_allowed(spec['choices'])}.")
        unknown = [v for v in value if not isinstance(v, str) or v not in spec["choices"]]
        if unknown:
            out.append(
                f"{where}: “{', '.join(map(str, unknown))}” tidak dikenal; yang diperbolehkan: {_allowed(spec['choices'])}."
            )
        if len(set(map(str, value))) != len(value):
            out.append(f"{where}: ada pilihan yang disebut dua kali.")
    elif kind == "text":
        if not isinstance(value, str) or not value.strip():
            out.append(f"{where}: harus berupa teks yang tidak kosong.")
        elif len(value) > spec["max"]:
            out.append(f"{where}: paling panjang {spec['max']} karakter.")
    elif kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            out.append(f"{where}: harus berupa angka.")
        elif not spec["min"] <= value <= spec["max"]:
            out.append(f"{where}: harus di antara {spec['min']} dan {spec['max']}.")
    elif kind == "mapping":
        if not isinstance(value, dict):
            out.append(f"{where}: harus berupa daftar pasangan; kunci yang diperbolehkan: {_allowed(spec['keys'])}.")
            return
        if len(value) < spec.get("min", 0):
            out.append(f"{where}: isi paling sedikit satu; kunci yang diperbolehkan: {_allowed(spec['keys'])}.")
        for k, v in value.items():
            if k not in spec["keys"]:
                out.append(f"{where}: “{k}” tidak dikenal; yang diperbolehkan: {_allowed(spec['keys'])}.")
            else:
                _check(spec["values"], v, f"{where}, {words(k)}", out)
    elif kind == "record":
        if not isinstance(value, dict):
            out.append(f"{where}: harus berupa isian dengan bagian: {_allowed(spec['fields'])}.")
            return
        for name in spec["required"]:
            if name not in value:
                out.append(f"{where}: bagian “{words(name)}” wajib diisi.")
        for k, v in value.items():
            if k not in spec["fields"]:
                out.append(f"{where}: bagian “{k}” tidak dikenal; yang diperbolehkan: {_allowed(spec['fields'])}.")
            else:
                _check(spec["fields"][k], v, f"{where}, {words(k)}", out)
    elif kind == "list_of":
        if not isinstance(value, list):
            out.append(f"{where}: harus berupa daftar.")
            return
        if not spec.get("min", 0) <= len(value) <= spec["max"]:
            out.append(f"{where}: harus berisi {spec.get('min', 0)} sampai {spec['max']} butir.")
        for i, item in enumerate(value, start=1):
            _check(spec["item"], item, f"{where}, butir {i}", out)
    else:  # pragma: no cover - a schema typo, caught by the schema test
        raise AssertionError(f"unknown spec type {kind}")


def value_errors(key: str, value) -> list[str]:
    """Why ``value`` does not fit setting ``key`` (empty when it fits)."""
    if key not in SCHEMA:
        return [f"Pengaturan “{label(key)}” tidak dikenal oleh SiKerja."]
    out: list[str] = []
    _check(SCHEMA[key], value, label(key), out)
    return out


def entry_errors(key: str, entry: dict) -> list[str]:
    """A whole setting ``{value, article, note, silent}``: silent means no value; otherwise the
    value must fit and the article is required (every decision cites its article)."""
    out: list[str] = []
    article, note = entry.get("article") or "", entry.get("note") or ""
    if entry.get("silent"):
        if entry.get("value") is not None:
            out.append(f"{label(key)}: pengaturan yang tidak diatur peraturan tidak boleh mempunyai nilai.")
    else:
        out += value_errors(key, entry.get("value"))
        if not str(article).strip():
            out.append(f"{label(key)}: pasal dasar wajib diisi, kecuali pengaturan ditandai tidak diatur.")
    if len(str(article)) > ARTICLE_MAX:
        out.append(f"Pasal: paling panjang {ARTICLE_MAX} karakter.")
    if len(str(note)) > NOTE_MAX:
        out.append(f"Catatan: paling panjang {NOTE_MAX} karakter.")
    return out


def check_entry(key: str, entry: dict) -> dict:
    """The entry as it will be stored, or ``SettingError``."""
    _measure(entry.get("value"), 0, [0])  # bounded however it arrived (form, YAML or API JSON)
    errors = entry_errors(key, entry)
    if errors:
        raise SettingError(errors)
    silent = bool(entry.get("silent"))
    clean = {"value": None if silent else entry.get("value"), "article": (entry.get("article") or "").strip() or None}
    if (entry.get("note") or "").strip():
        clean["note"] = entry["note"].strip()
    if silent:
        clean["silent"] = True
    return clean


def _measure(node, depth: int, count: list[int]) -> None:
    count[0] += 1
    if depth > MAX_DEPTH or count[0] > MAX_NODES:
        raise SettingError([f"Isian terlalu bertingkat atau terlalu besar (paling dalam {MAX_DEPTH} tingkat)."])
    if isinstance(node, dict):
        for k, v in node.items():
            if not isinstance(k, str):
                raise SettingError(["Setiap kunci harus berupa teks."])
            _measure(v, depth + 1, count)
    elif isinstance(node, list):
        for v in node:
            _measure(v, depth + 1, count)
    elif isinstance(node, str) and bad_character(node):
        raise SettingError([f"Isian memuat karakter yang tidak dapat disimpan ({bad_character(node)})."])
    elif node is not None and not isinstance(node, bool | int | float | str):
        raise SettingError(["Isian hanya boleh berisi teks, angka, ya/tidak, daftar dan pasangan."])


def parse_yaml(text: str):
    """A nested value typed as YAML: ``safe_load`` only (no objects), sizes bounded."""
    if len(text) > MAX_YAML_CHARS:
        raise SettingError([f"Isian paling panjang {MAX_YAML_CHARS} karakter."])
    if text.count("&") > 20 or text.count("*") > 50:  # anchors/aliases: refuse expansion bombs early
        raise SettingError(["Isian memakai terlalu banyak acuan (anchor/alias)."])
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (baris {mark.line + 1})" if mark is not None else ""
        raise SettingError(
            [f"Isian tidak dapat dibaca sebagai YAML{where}; periksa indentasi dan tanda titik dua."]
        ) from None
    _measure(value, 0, [0])
    return value
