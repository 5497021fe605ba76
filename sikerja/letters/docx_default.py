"""The default DOCX templates, generated with python-docx (cached in memory).

They carry docxtpl (Jinja) placeholders over the same context as the HTML templates
(``render.build_context``), so the DOCX says what the PDF says. A region may upload its own
DOCX with the same placeholders; ``default_docx_template(kind)`` is also offered for download
as the starting point.
"""

from __future__ import annotations

import io
from functools import lru_cache

from docx import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from sikerja.letters.payloads import ASSIGNMENT_KINDS, NOTA_KINDS

FONT = "Arial"
LABEL_TAB = Cm(3.0)
VALUE_TAB = Cm(3.5)


def _layout(kind: str) -> str:
    if kind in {k.value for k in ASSIGNMENT_KINDS}:
        return "assignment"
    if kind in {k.value for k in NOTA_KINDS}:
        return "nota"
    return "keputusan"


class _Builder:
    def __init__(self) -> None:
        self.doc = DocxDocument()
        section = self.doc.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.top_margin, section.bottom_margin = Cm(1.5), Cm(2)
        section.left_margin, section.right_margin = Cm(2.5), Cm(2)
        style = self.doc.styles["Normal"]
        style.font.name = FONT
        style.font.size = Pt(11.5)
        style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
        pf = style.paragraph_format
        pf.space_after = Pt(2)
        pf.space_before = Pt(0)

    def para(self, text: str = "", *, bold=False, underline=False, center=False, size=None, indent=None, hanging=None, tabs=(), space_after=None):
        p = self.doc.add_paragraph()
        if text:
            run = p.add_run(text)
            run.bold = bold
            run.underline = underline
            if size:
                run.font.size = Pt(size)
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        fmt = p.paragraph_format
        if indent is not None:
            fmt.left_indent = indent
        if hanging is not None:
            fmt.first_line_indent = -hanging
        for t in tabs:
            fmt.tab_stops.add_tab_stop(t)
        if space_after is not None:
            fmt.space_after = Pt(space_after)
        return p

    def tag(self, text: str):
        """A paragraph holding only a {%p ... %} tag (removed by docxtpl)."""
        return self.para(text)

    def field(self, label: str, value: str, **kw):
        return self.para(f"{label}\t:\t{value}", tabs=(LABEL_TAB, VALUE_TAB), indent=VALUE_TAB, hanging=VALUE_TAB, **kw)

    def list_item(self, text: str):
        """An item under a label (numbered by the template text itself)."""
        return self.para(text, indent=Cm(4.1), hanging=Cm(0.6), tabs=(Cm(4.1),))

    def kop(self):
        table = self.doc.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        widths = (Cm(2.6), Cm(13.9))
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        logo, names = table.rows[0].cells
        logo.width, names.width = widths
        logo.paragraphs[0].add_run("{{ logo_image }}")
        first = names.paragraphs[0]
        first.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = first.add_run("{{ kop.government_name|upper }}")
        r.bold, r.font.size = True, Pt(14)
        for text, size, bold in (
            ("{{ kop.pd_name|upper }}", 16, True),
            ("{{ kop.address }}", 9.5, False),
            ("{{ kop.contact }}", 9.5, False),
        ):
            p = names.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = p.add_run(text)
            run.bold, run.font.size = bold, Pt(size)
        line = self.para("", space_after=10)
        ppr = line._p.get_or_add_pPr()
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, val in (("w:val", "thinThickSmallGap"), ("w:sz", "18"), ("w:space", "1"), ("w:color", "000000")):
            bottom.set(qn(key), val)
        borders.append(bottom)
        ppr.append(borders)

    def sign(self, *, dated: bool):
        indent = Cm(9.0)
        if dated:
            self.para("Ditetapkan di {{ place }}", indent=indent)
            self.para("pada tanggal {{ date_text }}", indent=indent)
        self.para("{% if signer.prefix %}{{ signer.prefix }} {% endif %}{{ signer.position|upper }},", indent=indent, space_after=48)
        self.para("{{ signer.name }}", indent=indent, bold=True, underline=True)
        self.para("{{ signer.pangkat }}", indent=indent)
        self.para("NIP. {{ signer.nip }}", indent=indent)

    def verify(self):
        self.para("")
        self.para("{{ qr_image }}")
        self.para("{% if is_sample %}CONTOH — pratinjau, bukan naskah dinas: tidak bernomor, tidak tercatat dan tidak "
                  "dapat diverifikasi.{% else %}Keaslian naskah ini dapat diperiksa dengan memindai kode QR atau membuka "
                  "{{ verify_url }} (kode verifikasi: {{ code }}).{% endif %}", size=8.5)

    def grid(self, headers: list[str], loop: str, cells: list[str]):
        table = self.doc.add_table(rows=4, cols=len(headers))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, headers, strict=True):
            cell.paragraphs[0].add_run(text).bold = True
        table.rows[1].cells[0].paragraphs[0].add_run(f"{{%tr for {loop} %}}")
        for cell, text in zip(table.rows[2].cells, cells, strict=True):
            cell.paragraphs[0].add_run(text)
        table.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")

    def bytes(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


def _assignment(b: _Builder) -> None:
    b.para("{{ title }}", bold=True, underline=True, center=True)
    b.para("NOMOR {{ number }}", center=True, space_after=12)
    b.field("Dasar", "")
    b.tag("{%p for d in p.dasar %}")
    b.list_item("{{ loop.index }}.\t{{ d }}")
    b.tag("{%p endfor %}")
    b.para("{{ verb }}:", bold=True, center=True, space_after=8)
    b.field("Kepada", "")
    b.tag("{%p for person in p.persons %}")
    b.list_item("{{ loop.index }}.\tNama: {{ person.name }}")
    b.list_item("\tNIP: {{ person.nip }}")
    b.list_item("\tPangkat/Golongan: {{ person.pangkat }}")
    b.list_item("\tJabatan: {{ person.jabatan }}")
    b.tag("{%p endfor %}")
    b.field("Untuk", "")
    b.tag("{%p for u in p.untuk %}")
    b.list_item("{{ loop.index }}.\t{{ u }}")
    b.tag("{%p endfor %}")
    b.sign(dated=True)
    b.verify()


def _keputusan(b: _Builder) -> None:
    for text in ("{{ title }}", "NOMOR {{ number }}", "TENTANG", "{{ p.subject|upper }}"):
        b.para(text, bold=True, center=True)
    b.para("{{ p.official|upper }},", bold=True, center=True, space_after=12)
    b.field("Menimbang", "")
    b.tag("{%p for m in p.menimbang %}")
    b.list_item("{{ 'abcdefghijklmnopqrstuvwxyz'[loop.index0] if loop.index0 < 26 else loop.index }}.\t{{ m }}")
    b.tag("{%p endfor %}")
    b.field("Mengingat", "")
    b.tag("{%p for m in p.mengingat %}")
    b.list_item("{{ loop.index }}.\t{{ m }}")
    b.tag("{%p endfor %}")
    b.tag("{%p if p.memperhatikan %}")
    b.field("Memperhatikan", "")
    b.tag("{%p for m in p.memperhatikan %}")
    b.list_item("{{ loop.index }}.\t{{ m }}")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")
    b.para("MEMUTUSKAN:", bold=True, center=True, space_after=8)
    b.field("Menetapkan", "{{ title }} TENTANG {{ p.subject|upper }}.")
    b.tag("{%p for d in dictums %}")
    b.field("{{ d.ordinal }}", "{{ d.text }}")
    b.tag("{%p endfor %}")
    b.sign(dated=True)
    b.verify()
    b.tag("{%p if p.team %}")
    b.doc.add_page_break()
    b.para("LAMPIRAN {{ title }}", indent=Cm(8))
    b.para("NOMOR {{ number }}", indent=Cm(8))
    b.para("TANGGAL {{ date_text }}", indent=Cm(8))
    b.para("TENTANG {{ p.subject|upper }}", indent=Cm(8), space_after=12)
    b.para("SUSUNAN KEANGGOTAAN", bold=True, center=True)
    b.para("{{ p.subject|upper }}", bold=True, center=True, space_after=8)
    b.grid(
        ["No.", "Nama / NIP", "Jabatan", "Kedudukan dalam Tim", "Unit Kerja"],
        "m in p.team",
        ["{{ loop.index }}.", "{{ m.person.name }} / NIP. {{ m.person.nip }}", "{{ m.person.jabatan }}", "{{ m.role }}", "{{ m.person.unit }}"],
    )
    b.sign(dated=False)
    b.tag("{%p endif %}")


def _nota(b: _Builder) -> None:
    b.para("{{ title }}", bold=True, underline=True, center=True, space_after=12)
    b.field("Yth.", "{{ p.kepada }}")
    b.field("Dari", "{{ p.dari or signer.title }}")
    b.tag("{%p if p.tembusan %}")
    b.field("Tembusan", "{% for t in p.tembusan %}{{ loop.index }}. {{ t }}{% if not loop.last %}; {% endif %}{% endfor %}")
    b.tag("{%p endif %}")
    b.field("Tanggal", "{{ date_text }}")
    b.field("Nomor", "{{ number }}")
    b.field("Sifat", "{{ p.sifat or 'Biasa' }}")
    b.field("Lampiran", "{{ p.lampiran or '-' }}")
    b.field("Hal", "{{ p.subject }}", space_after=10)
    b.tag("{%p if is_jawaban and p.reference %}")
    b.para("Menindaklanjuti Nota Dinas Nomor {{ p.reference }}, dengan hormat kami sampaikan hal-hal sebagai berikut.")
    b.tag("{%p endif %}")
    b.tag("{%p for para in p.body %}")
    b.para("{{ para }}")
    b.tag("{%p endfor %}")
    b.tag("{%p if p.persons %}")
    b.grid(
        ["No.", "Nama / NIP", "Pangkat/Golongan", "Jabatan"],
        "person in p.persons",
        ["{{ loop.index }}.", "{{ person.name }} / NIP. {{ person.nip }}", "{{ person.pangkat }}", "{{ person.jabatan }}"],
    )
    b.tag("{%p endif %}")
    b.sign(dated=False)
    b.verify()


@lru_cache(maxsize=8)
def default_docx_template(kind: str) -> bytes:
    b = _Builder()
    b.kop()
    {"assignment": _assignment, "keputusan": _keputusan, "nota": _nota}[_layout(kind)](b)
    return b.bytes()
