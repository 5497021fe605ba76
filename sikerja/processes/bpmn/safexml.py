"""Parse untrusted XML without any of XML's dangerous features.

Uploaded BPMN and browser-made SVG are untrusted. libxml2 can expand entities (the "billion
laughs"), read files or URLs named by external entities or a DTD, and grow huge trees; none
of that has a use in a process map. So: a size limit checked before parsing, UTF-8 only (so
the byte scan below sees what the parser sees), any DOCTYPE refused outright (entities can
only be declared in one), and a parser with entity resolution, DTD loading and the network
switched off, as a second wall should the scan ever be fooled.
"""

from lxml import etree

from .errors import BpmnError

# Largest BPMN file accepted (bytes). A 500-element map with its diagram is about 0.3 MB.
MAX_BPMN_BYTES = 5 * 1024 * 1024
# Largest SVG picture accepted (bytes); bpmn-js's SVG is about three times its BPMN.
MAX_SVG_BYTES = 8 * 1024 * 1024

_BOM = b"\xef\xbb\xbf"


def _parser():
    # A new parser per call: lxml parsers are not safe to share between threads.
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_comments=False,
        remove_pis=False,
        strip_cdata=True,
    )


def _mb(n):
    return f"{n / (1024 * 1024):.1f}".replace(".", ",")


def parse_untrusted(data, *, limit, what):
    """Parse ``data`` (bytes or str) and return the root element, or raise BpmnError.

    ``what`` names the thing in messages ("Berkas BPMN", "Gambar SVG").
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not isinstance(data, bytes | bytearray):
        raise BpmnError(f"{what} tidak dapat dibaca.")
    data = bytes(data)
    if len(data) > limit:
        raise BpmnError(f"{what} terlalu besar ({_mb(len(data))} MB); paling besar {_mb(limit)} MB.")
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    if not data.strip():
        raise BpmnError(f"{what} kosong.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise BpmnError(
            f"Baris {line}: {what} harus memakai pengodean UTF-8 (simpan ulang dari aplikasi pembuatnya sebagai UTF-8)."
        ) from None
    # XML keywords are case-sensitive, so these exact spellings are the only ones to look for.
    for marker in ("<!DOCTYPE", "<!ENTITY"):
        at = text.find(marker)
        if at >= 0:
            line = text.count("\n", 0, at) + 1
            raise BpmnError(
                f"Baris {line}: {what} memuat deklarasi DOCTYPE/ENTITY. Demi keamanan, "
                "berkas dengan DTD atau entitas tidak diterima."
            )
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or (exc.position[0] if exc.position else None)
        where = f"Baris {line}: " if line else ""
        raise BpmnError(f"{where}{what} bukan XML yang sah ({_syntax_detail(exc)}).") from None
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise BpmnError(f"{what} memuat DOCTYPE; berkas dengan DTD tidak diterima.")
    for node in root.iter(etree.Entity):
        # Cannot happen without a DTD (checked above); kept as a belt to the braces.
        raise BpmnError(f"Baris {node.sourceline}: {what} memuat entitas XML; tidak diterima.")
    return root


_SYNTAX = {
    "Opening and ending tag mismatch": "tag pembuka dan penutup tidak cocok",
    "Premature end of data": "berkas terpotong sebelum selesai",
    "EndTag: '</' not found": "tag penutup tidak ditemukan",
    "Start tag expected": "tidak ada elemen XML",
    "Extra content at the end of the document": "ada isi sesudah elemen akhir",
    "Document is empty": "berkas kosong",
    "attributes construct error": "atribut tidak tertulis dengan benar",
    "Couldn't find end of Start Tag": "tag pembuka tidak selesai",
    "xmlParseEntityRef: no name": "tanda & tidak diikuti nama entitas",
    "Entity '": "entitas yang tidak dikenal",
    "Namespace prefix": "awalan namespace tidak dideklarasikan",
}


def _syntax_detail(exc):
    msg = str(exc.msg or exc)
    for key, indo in _SYNTAX.items():
        if key in msg:
            return indo
    return "susunan XML rusak"
