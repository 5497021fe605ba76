"""Checks a profile setting against ``profile_schema.SCHEMA`` (PLT-6). Pure: no database.

Every refusal is a sentence in Bahasa Indonesia that names the setting by its label and says
what is allowed, in words (``labels.VALUE_LABELS``), never the raw keys of the schema.
"""

from __future__ import annotations

import yaml
from django.utils import formats
from django.utils.translation import gettext, gettext_noop

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
    """The setting's name in the active language (the messages below are shown on pages, PLT-5)."""
    return gettext(SETTING_LABELS[key]) if key in SETTING_LABELS else key.replace("_", " ")


# Words for the parts of nested settings and for unit types, so that a message never shows a key;
# translated when used (``words``).
FIELD_WORDS = {
    "by_unit_type": gettext_noop("per jenis unit"), "role": gettext_noop("peran"), "label": gettext_noop("sebutan"), "article": gettext_noop("pasal"),
    "accepts": gettext_noop("menerima hasil"), "unit_types": gettext_noop("jenis unit"), "sets_performance": gettext_noop("penetapan kinerja"),
    "assessors": gettext_noop("penilai"), "note": gettext_noop("catatan"), "flow": gettext_noop("alur"), "steps": gettext_noop("langkah"), "team": gettext_noop("tim"),
    "several_must_act": gettext_noop("bila beberapa pimpinan harus bertindak"), "anggota": gettext_noop("anggota tim"),
    "ancestor": gettext_noop("pimpinan unit di atasnya"), "pimpinan_unit_asal": gettext_noop("pimpinan unit asal"),
    "coordinator_pd": gettext_noop("PD koordinator"), "function": gettext_noop("urusan"), "seats": gettext_noop("jabatan"), "required": gettext_noop("wajib"),
    "may_add": gettext_noop("dapat ditambah"), "binding": gettext_noop("mengikat"), "tasks": gettext_noop("tugas"), "items": gettext_noop("butir"), "title": gettext_noop("judul"),
    "sekretaris": gettext_noop("sekretaris"), "set_by": gettext_noop("ditetapkan oleh"), "text": gettext_noop("teks"), "proposed_by": gettext_noop("diusulkan oleh"),
    "kind": gettext_noop("jenis"), "asn_only": gettext_noop("hanya ASN"), "unsur": gettext_noop("unsur"), "allowed": gettext_noop("yang diperbolehkan"),
    "huruf": gettext_noop("huruf"), "actor": gettext_noop("pelaku"), "does": gettext_noop("tindakan"), "to": gettext_noop("kepada"), "action": gettext_noop("uraian"),
    "apply": gettext_noop("mengajukan"), "approve": gettext_noop("menyetujui"), "issue": gettext_noop("menerbitkan"), "confirm": gettext_noop("menyampaikan"),
    "receive": gettext_noop("menerima"), "produces": gettext_noop("menghasilkan"), "document": gettext_noop("naskah"), "tembusan": gettext_noop("tembusan"),
    "letter": gettext_noop("naskah"), "forward_step": gettext_noop("meneruskan ke langkah"),
    **{t.value: t.label for t in UnitType},
}  # fmt: skip


def value_words(value) -> str:
    """Any setting value in words, nested structures included (never a raw key)."""
    if value is None:
        return gettext("tidak diatur")
    if isinstance(value, bool):
        return gettext("ya") if value else gettext("tidak")
    if isinstance(value, int | float):
        return f"{value:g}".replace(".", formats.get_format("DECIMAL_SEPARATOR"))
    if isinstance(value, list):
        if not value:
            return gettext("tidak ada")
        sep = " | " if any(isinstance(v, dict | list) for v in value) else ", "
        return sep.join(value_words(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{words(k)}: {value_words(v)}" for k, v in value.items())
    return words(value)


def words(value) -> str:
    value = str(value)
    word = VALUE_LABELS.get(value) or FIELD_WORDS.get(value)
    if word is None:
        return value.replace("_", " ")
    return gettext(word) if isinstance(word, str) else str(word)  # a unit type's label is lazy already


def _allowed(choices) -> str:
    return ", ".join(words(c) for c in choices)


def _check(spec: dict, value, where: str, out: list[str]) -> None:
    kind = spec["type"]
    if kind == "any":
        return
    if kind == "bool":
        if not isinstance(value, bool):
            out.append(gettext("%(where)s: harus ya atau tidak.") % {"where": where})
    elif kind == "choice":
        if not isinstance(value, str) or value not in spec["choices"]:
            out.append(
                gettext("%(where)s: nilai “%(value)s” tidak dikenal; yang diperbolehkan: %(allowed)s.")
                % {"where": where, "value": value, "allowed": _allowed(spec["choices"])}
            )
    elif kind == "list":
        if not isinstance(value, list):
            out.append(
                gettext("%(where)s: harus berupa daftar; pilih dari: %(allowed)s.")
                % {"where": where, "allowed": _allowed(spec["choices"])}
            )
            return
        if len(value) < spec.get("min", 0):
            out.append(
                gettext("%(where)s: pilih paling sedikit %(min)s; dari: %(allowed)s.")
                % {"where": where, "min": spec["min"], "allowed": _allowed(spec["choices"])}
            )
        unknown = [v for v in value if not isinstance(v, str) or v not in spec["choices"]]
        if unknown:
            out.append(
                gettext("%(where)s: “%(unknown)s” tidak dikenal; yang diperbolehkan: %(allowed)s.")
                % {"where": where, "unknown": ", ".join(map(str, unknown)), "allowed": _allowed(spec["choices"])}
            )
        if len(set(map(str, value))) != len(value):
            out.append(gettext("%(where)s: ada pilihan yang disebut dua kali.") % {"where": where})
    elif kind == "text":
        if not isinstance(value, str) or not value.strip():
            out.append(gettext("%(where)s: harus berupa teks yang tidak kosong.") % {"where": where})
        elif len(value) > spec["max"]:
            out.append(gettext("%(where)s: paling panjang %(max)s karakter.") % {"where": where, "max": spec["max"]})
    elif kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            out.append(gettext("%(where)s: harus berupa angka.") % {"where": where})
        elif not spec["min"] <= value <= spec["max"]:
            out.append(
                gettext("%(where)s: harus di antara %(min)s dan %(max)s.")
                % {"where": where, "min": spec["min"], "max": spec["max"]}
            )
    elif kind == "mapping":
        if not isinstance(value, dict):
            out.append(
                gettext("%(where)s: harus berupa daftar pasangan; kunci yang diperbolehkan: %(allowed)s.")
                % {"where": where, "allowed": _allowed(spec["keys"])}
            )
            return
        if len(value) < spec.get("min", 0):
            out.append(
                gettext("%(where)s: isi paling sedikit satu; kunci yang diperbolehkan: %(allowed)s.")
                % {"where": where, "allowed": _allowed(spec["keys"])}
            )
        for k, v in value.items():
            if k not in spec["keys"]:
                out.append(
                    gettext("%(where)s: “%(key)s” tidak dikenal; yang diperbolehkan: %(allowed)s.")
                    % {"where": where, "key": k, "allowed": _allowed(spec["keys"])}
                )
            else:
                _check(spec["values"], v, f"{where}, {words(k)}", out)
    elif kind == "record":
        if not isinstance(value, dict):
            out.append(
                gettext("%(where)s: harus berupa isian dengan bagian: %(allowed)s.")
                % {"where": where, "allowed": _allowed(spec["fields"])}
            )
            return
        for name in spec["required"]:
            if name not in value:
                out.append(gettext("%(where)s: bagian “%(part)s” wajib diisi.") % {"where": where, "part": words(name)})
        for k, v in value.items():
            if k not in spec["fields"]:
                out.append(
                    gettext("%(where)s: bagian “%(part)s” tidak dikenal; yang diperbolehkan: %(allowed)s.")
                    % {"where": where, "part": k, "allowed": _allowed(spec["fields"])}
                )
            else:
                _check(spec["fields"][k], v, f"{where}, {words(k)}", out)
    elif kind == "list_of":
        if not isinstance(value, list):
            out.append(gettext("%(where)s: harus berupa daftar.") % {"where": where})
            return
        if not spec.get("min", 0) <= len(value) <= spec["max"]:
            out.append(
                gettext("%(where)s: harus berisi %(min)s sampai %(max)s butir.")
                % {"where": where, "min": spec.get("min", 0), "max": spec["max"]}
            )
        for i, item in enumerate(value, start=1):
            _check(spec["item"], item, gettext("%(where)s, butir %(number)s") % {"where": where, "number": i}, out)
    else:  # pragma: no cover - a schema typo, caught by the schema test
        raise AssertionError(f"unknown spec type {kind}")


def value_errors(key: str, value) -> list[str]:
    """Why ``value`` does not fit setting ``key`` (empty when it fits)."""
    if key not in SCHEMA:
        return [gettext("Pengaturan “%(setting)s” tidak dikenal oleh SiKerja.") % {"setting": label(key)}]
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
            out.append(
                gettext("%(setting)s: pengaturan yang tidak diatur peraturan tidak boleh mempunyai nilai.")
                % {"setting": label(key)}
            )
    else:
        out += value_errors(key, entry.get("value"))
        if not str(article).strip():
            out.append(
                gettext("%(setting)s: pasal dasar wajib diisi, kecuali pengaturan ditandai tidak diatur.")
                % {"setting": label(key)}
            )
    if len(str(article)) > ARTICLE_MAX:
        out.append(gettext("Pasal: paling panjang %(max)s karakter.") % {"max": ARTICLE_MAX})
    if len(str(note)) > NOTE_MAX:
        out.append(gettext("Catatan: paling panjang %(max)s karakter.") % {"max": NOTE_MAX})
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
        raise SettingError(
            [gettext("Isian terlalu bertingkat atau terlalu besar (paling dalam %(depth)s tingkat).") % {"depth": MAX_DEPTH}]
        )
    if isinstance(node, dict):
        for k, v in node.items():
            if not isinstance(k, str):
                raise SettingError([gettext("Setiap kunci harus berupa teks.")])
            _measure(v, depth + 1, count)
    elif isinstance(node, list):
        for v in node:
            _measure(v, depth + 1, count)
    elif isinstance(node, str) and bad_character(node):
        raise SettingError(
            [gettext("Isian memuat karakter yang tidak dapat disimpan (%(character)s).") % {"character": bad_character(node)}]
        )
    elif node is not None and not isinstance(node, bool | int | float | str):
        raise SettingError([gettext("Isian hanya boleh berisi teks, angka, ya/tidak, daftar dan pasangan.")])


def parse_yaml(text: str):
    """A nested value typed as YAML: ``safe_load`` only (no objects), sizes bounded."""
    if len(text) > MAX_YAML_CHARS:
        raise SettingError([gettext("Isian paling panjang %(max)s karakter.") % {"max": MAX_YAML_CHARS}])
    if text.count("&") > 20 or text.count("*") > 50:  # anchors/aliases: refuse expansion bombs early
        raise SettingError([gettext("Isian memakai terlalu banyak acuan (anchor/alias).")])
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            message = gettext(
                "Isian tidak dapat dibaca sebagai YAML (baris %(line)s); periksa indentasi dan tanda titik dua."
            ) % {"line": mark.line + 1}
        else:
            message = gettext("Isian tidak dapat dibaca sebagai YAML; periksa indentasi dan tanda titik dua.")
        raise SettingError([message]) from None
    _measure(value, 0, [0])
    return value
