"""Validation against the OMG BPMN 2.0 XSDs (vendored in xsd/), with Indonesian messages.

The XSDs come from the bpmn-moddle npm package (resources/bpmn/xsd), which ships OMG's
BPMN 2.0 schema files (BPMN20, Semantic, BPMNDI, DC, DI) unchanged.
"""

import re
import threading
from pathlib import Path

from lxml import etree

from .model import PREFIXES

XSD_DIR = Path(__file__).resolve().parent / "xsd"
_local = threading.local()


def _schema():
    # One compiled schema per thread: lxml does not promise a validator is thread-safe, and
    # compiling costs a few milliseconds.
    schema = getattr(_local, "schema", None)
    if schema is None:
        parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
        doc = etree.parse(str(XSD_DIR / "BPMN20.xsd"), parser)
        schema = _local.schema = etree.XMLSchema(doc)
    return schema


_CLARK = re.compile(r"\{([^}]*)\}([\w.-]+)")


def _short(text):
    """{namespace}name -> bpmn:name (the prefix a modeller shows)."""
    return _CLARK.sub(lambda m: f"{PREFIXES.get(m.group(1), 'ext')}:{m.group(2)}", text)


_TYPE_WORDS = {
    "xs:double": "bilangan",
    "xs:float": "bilangan",
    "xs:integer": "bilangan bulat",
    "xs:int": "bilangan bulat",
    "xs:boolean": "true atau false",
    "xs:QName": "rujukan id",
    "xs:IDREF": "rujukan id",
    "xs:anyURI": "alamat (URI)",
}

_PATTERNS = [
    (
        re.compile(r"^Element '([^']+)': This element is not expected"),
        lambda m: f"elemen {m[1]} tidak dikenal atau tidak boleh berada di sini",
    ),
    (
        re.compile(r"^Element '([^']+)', attribute '([^']+)': The attribute .* is not allowed"),
        lambda m: f"atribut {m[2]} tidak dikenal pada elemen {m[1]}",
    ),
    (
        re.compile(r"^Element '([^']+)': The attribute '([^']+)' is required but missing"),
        lambda m: f"elemen {m[1]} wajib memiliki atribut {m[2]}",
    ),
    (
        re.compile(
            r"^Element '([^']+)', attribute '([^']+)': '(.*)' is not a valid value of the "
            r"atomic type 'xs:ID'"
        ),
        lambda m: f"id «{m[3]}» pada elemen {m[1]} tidak sah atau sudah dipakai elemen lain",
    ),
    (
        re.compile(
            r"^Element '([^']+)', attribute '([^']+)': '(.*)' is not a valid value of the "
            r"(?:atomic|list|union) type '([^']+)'"
        ),
        lambda m: f"nilai «{m[3]}» pada atribut {m[2]} elemen {m[1]} harus {_TYPE_WORDS.get(m[4], 'bernilai sah')}",
    ),
    (
        re.compile(r"^Element '([^']+)': Missing child element"),
        lambda m: f"elemen {m[1]} kekurangan elemen anak yang wajib",
    ),
    (
        re.compile(
            r"^Element '([^']+)'(?:, attribute '([^']+)')?: \[facet 'enumeration'\] The "
            r"value '(.*)' is not an element of the set"
        ),
        lambda m: f"nilai «{m[3]}» pada elemen {m[1]} bukan salah satu pilihan yang dibolehkan",
    ),
    (
        re.compile(r"^Element '([^']+)': Character content other than whitespace"),
        lambda m: f"elemen {m[1]} tidak boleh berisi teks",
    ),
]


def translate(message):
    message = _short(message)
    for pattern, render in _PATTERNS:
        m = pattern.search(message)
        if m:
            return render(m)
    return f"tidak sesuai skema BPMN 2.0 ({message.rstrip('.')})"


def schema_messages(root, *, skip_ids=()):
    """Messages for every place the document breaks the BPMN 2.0 schema ([] when valid).

    ``skip_ids``: ids already reported as duplicates by the reference checks (the schema
    reports them too, less clearly).
    """
    schema = _schema()
    if schema.validate(root.getroottree()):
        return []
    out = []
    for err in schema.error_log:
        duplicate_id = err.type_name == "SCHEMAV_CVC_DATATYPE_VALID_1_2_1" and any(
            f"'{i}'" in err.message for i in skip_ids
        )
        if duplicate_id and "'xs:ID'" in err.message:
            continue
        out.append(f"Baris {err.line}: {translate(err.message)}.")
    return out
