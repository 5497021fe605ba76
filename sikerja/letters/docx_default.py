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

from sikerja.letters.models import DocumentKind
from sikerja.letters.payloads import ASSIGNMENT_KINDS, NOTA_KINDS

FONT = "Arial"
LABEL_TAB = Cm(3.0)
VALUE_TAB = Cm(3.5)


def _layout(kind: str) -> str:
    if kind == DocumentKind.PERJANJIAN_KINERJA:
        return "pk"
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
        style.font.size = Pt(11)
        style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
        pf = style.paragraph_format
        pf.space_after = Pt(0)
        pf.space_before = Pt(0)
        pf.line_spacing = 1.0

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

    def labelled_list(self, label: str, loop: str, text: str, *, number: str = "{{ loop.index }}."):
        """"Dasar : 1. ..." with the first item on the label's line and the next ones under it,
        numbered at 3.5 cm and wrapped at 4.1 cm (one paragraph per item)."""
        self.tag(f"{{%p for {loop} %}}")
        self.para(f"{{% if loop.first %}}{label}\t:{{% else %}}\t{{% endif %}}\t{number}\t{text}",
                  indent=Cm(4.1), hanging=Cm(4.1), tabs=(LABEL_TAB, VALUE_TAB, Cm(4.1)), space_after=1)
        self.tag("{%p endfor %}")

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
            ("{{ kop.contact_line }}", 9.5, False),
        ):
            p = names.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = p.add_run(text)
            run.bold, run.font.size = bold, Pt(size)
        line = self.para("", space_after=6)
        ppr = line._p.get_or_add_pPr()
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, val in (("w:val", "thinThickSmallGap"), ("w:sz", "18"), ("w:space", "1"), ("w:color", "000000")):
            bottom.set(qn(key), val)
        borders.append(bottom)
        ppr.append(borders)

    def sign(self, *, dated: bool, with_qr: bool = True, with_tembusan: bool = False):
        """The signature block as one table row that may not split across pages (w:cantSplit):
        "Ditetapkan di ... pada tanggal ...", the office, name, pangkat and NIP stay together,
        with the QR and its verification text beside them, as in the PDF (issue 10 item 5)."""
        self.para("", space_after=4).paragraph_format.keep_with_next = True
        table = self.doc.add_table(rows=1, cols=2)
        table.autofit = False
        widths = (Cm(6.8), Cm(9.7))
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        row = table.rows[0]
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))
        qr_cell, sign_cell = row.cells
        qr_cell.width, sign_cell.width = widths
        first = qr_cell.paragraphs[0]
        if with_qr:
            first.add_run("{{ qr_image }}")
            note = qr_cell.add_paragraph()
            run = note.add_run(
                "{% if is_sample %}CONTOH — pratinjau, bukan naskah dinas: tidak bernomor, tidak tercatat dan tidak "
                "dapat diverifikasi.{% else %}Keaslian naskah ini dapat diperiksa dengan memindai kode QR atau membuka "
                "{{ verify_url }} (kode verifikasi: {{ code }}).{% endif %}"
            )
            run.font.size = Pt(8)
        if with_tembusan:  # under the QR, at the left of the signature, as tata naskah dinas places it
            for text in ("{%p if p.tembusan %}", "Tembusan:", "{%p for t in p.tembusan %}", "{{ loop.index }}. {{ t }}",
                         "{%p endfor %}", "{%p endif %}"):
                run = qr_cell.add_paragraph().add_run(text)
                run.font.size = Pt(10)
        lines = []
        if dated:
            lines += [("Ditetapkan di {{ place }}", {}), ("pada tanggal {{ date_text }}", {})]
        lines += [
            ("{% if signer.prefix %}{{ signer.prefix }} {% endif %}{{ signer.position|upper }},", {"space_after": 40}),
            ("{{ signer.name }}", {"bold": True, "underline": True}),
            ("{{ signer.pangkat }}", {}),
            ("{{ signer.nip_label }}. {{ signer.nip }}", {}),
        ]
        for i, (text, kw) in enumerate(lines):
            p = sign_cell.paragraphs[0] if i == 0 else sign_cell.add_paragraph()
            run = p.add_run(text)
            run.bold, run.underline = kw.get("bold", False), kw.get("underline", False)
            p.paragraph_format.keep_with_next = i < len(lines) - 1
            if "space_after" in kw:
                p.paragraph_format.space_after = Pt(kw["space_after"])


    def grid(self, headers: list[str], loop: str, cells: list[str], widths=None):
        """A bordered list of people; a cell text's "\n" starts a new paragraph (name, then
        NIP under it). Fixed widths leave an 18-digit NIP room on one line (issue 10 item 5)."""
        widths = widths or (Cm(1.1), Cm(5.9), Cm(2.9), Cm(3.0), Cm(3.6))[: len(headers)]
        table = self.doc.add_table(rows=4, cols=len(headers))
        table.style = "Table Grid"
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width  # the table grid LibreOffice reads
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = width  # and each cell's own width, which Word reads
        for cell, text in zip(table.rows[0].cells, headers, strict=True):
            run = cell.paragraphs[0].add_run(text)
            run.bold, run.font.size = True, Pt(10)
        table.rows[1].cells[0].paragraphs[0].add_run(f"{{%tr for {loop} %}}")
        for cell, text in zip(table.rows[2].cells, cells, strict=True):
            for i, line in enumerate(text.split("\n")):
                (cell.paragraphs[0] if i == 0 else cell.add_paragraph()).add_run(line).font.size = Pt(10)
        table.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")

    def bytes(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


def _assignment(b: _Builder) -> None:
    b.para("{{ title }}", bold=True, underline=True, center=True)
    b.para("NOMOR {{ number }}", center=True, space_after=8)
    b.labelled_list("Dasar", "d in p.dasar", "{{ d }}")
    b.para("", space_after=2)
    b.para("{{ verb }}:", bold=True, center=True, space_after=6)
    b.tag("{%p if p.persons|length > 4 %}")
    b.field("Kepada", "Daftar nama sebagaimana tercantum dalam lampiran surat ini.")
    b.tag("{%p else %}")
    b.tag("{%p for person in p.persons %}")
    b.para("{% if loop.first %}Kepada\t:{% else %}\t{% endif %}\t{{ loop.index }}.\tNama: {{ person.name }}",
           indent=Cm(4.1), hanging=Cm(4.1), tabs=(LABEL_TAB, VALUE_TAB, Cm(4.1)))
    b.tag("{%p if person.nip or not person.external %}")
    b.list_item("\t{{ person.nip_label }}: {{ person.nip or '-' }}")
    b.tag("{%p endif %}")
    b.tag("{%p if not person.external %}")
    b.list_item("\tPangkat/Golongan: {{ person.pangkat or '-' }}")
    b.tag("{%p endif %}")
    b.list_item("\tJabatan: {{ person.jabatan or '-' }}")
    b.tag("{%p if person.external %}")
    b.list_item("\tInstansi: {{ person.unit or '-' }}")
    b.tag("{%p endif %}")
    b.tag("{%p if person.role %}")
    b.list_item("\tKedudukan dalam tim: {{ person.role }}")
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")
    b.labelled_list("Untuk", "u in p.untuk", "{{ u }}")
    b.sign(dated=True, with_tembusan=True)
    b.tag("{%p if p.persons|length > 4 %}")
    b.doc.add_page_break()
    b.para("LAMPIRAN {{ title }}", indent=Cm(8))
    b.para("NOMOR {{ number }}", indent=Cm(8))
    b.para("TANGGAL {{ date_text }}", indent=Cm(8), space_after=12)
    b.para("DAFTAR NAMA PEGAWAI", bold=True, center=True)
    b.para("{{ p.subject }}", center=True, space_after=8)
    b.grid(
        ["No.", "Nama / NIP", "Kedudukan", "Jabatan", "Unit Kerja / Instansi"],
        "person in p.persons",
        ["{{ loop.index }}.", "{{ person.name }}\n{% if person.nip %}{{ person.nip_label|replace(' ', '\u00a0') }}.\u00a0{{ person.nip }}{% endif %}",
         "{{ person.role or '-' }}", "{{ person.jabatan or '-' }}", "{{ person.unit or '-' }}"],
    )
    b.sign(dated=False, with_qr=False)
    b.tag("{%p endif %}")


def _keputusan(b: _Builder) -> None:
    for text in ("{{ title }}", "NOMOR {{ number }}", "TENTANG", "{{ p.subject|upper }}"):
        b.para(text, bold=True, center=True)
    b.para("{{ p.official|upper }},", bold=True, center=True, space_after=12)
    b.labelled_list("Menimbang", "m in p.menimbang", "{{ m }}",
                    number="{{ 'abcdefghijklmnopqrstuvwxyz'[loop.index0] if loop.index0 < 26 else loop.index }}.")
    b.labelled_list("Mengingat", "m in p.mengingat", "{{ m }}")
    b.tag("{%p if p.memperhatikan %}")
    b.labelled_list("Memperhatikan", "m in p.memperhatikan", "{{ m }}")
    b.tag("{%p endif %}")
    b.para("MEMUTUSKAN:", bold=True, center=True, space_after=8)
    b.field("Menetapkan", "{{ title }} TENTANG {{ p.subject|upper }}.")
    b.tag("{%p for d in dictums %}")
    b.field("{{ d.ordinal }}", "{{ d.text }}")
    b.tag("{%p endfor %}")
    b.sign(dated=True, with_tembusan=True)
    b.tag("{%p if p.team %}")
    b.doc.add_page_break()
    b.para("LAMPIRAN {{ title }}", indent=Cm(8))
    b.para("NOMOR {{ number }}", indent=Cm(8))
    b.para("TANGGAL {{ date_text }}", indent=Cm(8))
    b.para("TENTANG {{ p.subject|upper }}", indent=Cm(8), space_after=12)
    b.para("SUSUNAN KEANGGOTAAN", bold=True, center=True)
    b.para("{{ p.subject|upper }}", bold=True, center=True, space_after=8)
    b.grid(
        ["No.", "Nama / NIP", "Jabatan", "Kedudukan dalam Tim", "Unit Kerja / Instansi"],
        "m in p.team",
        ["{{ loop.index }}.", "{{ m.person.name }}\n{% if m.person.nip %}{{ m.person.nip_label|replace(' ', '\u00a0') }}.\u00a0{{ m.person.nip }}{% endif %}",
         "{{ m.person.jabatan or '-' }}", "{{ m.role }}", "{{ m.person.unit or '-' }}"],
    )
    b.sign(dated=False, with_qr=False)
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
    b.tag("{%p if reference_text %}")
    b.para("{{ reference_text }}", hanging=Cm(-1.25), space_after=4)
    b.tag("{%p endif %}")
    b.tag("{%p for para in p.body %}")
    b.para("{{ para }}", hanging=Cm(-1.25), space_after=4)
    b.tag("{%p endfor %}")
    b.tag("{%p if p.persons %}")
    b.grid(
        ["No.", "Nama / NIP", "Pangkat/Golongan", "Jabatan", "Unit Kerja / Instansi"],
        "person in p.persons",
        ["{{ loop.index }}.", "{{ person.name }}\n{% if person.nip %}{{ person.nip_label|replace(' ', '\u00a0') }}.\u00a0{{ person.nip }}{% endif %}",
         "{{ person.pangkat or '-' }}", "{{ person.jabatan or '-' }}", "{{ person.unit or '-' }}"],
    )
    b.tag("{%p endif %}")
    b.para("", space_after=2)
    b.para("{{ closing }}", hanging=Cm(-1.25), space_after=10)
    b.sign(dated=False)


def _pk_sign(b: _Builder, *, dated: bool) -> None:
    """Both signatures of a perjanjian kinerja side by side, pihak kedua left and pihak pertama
    right (PermenPANRB 53/2014): the offices in one row and the names in the next, so the names
    line up however long an office is; the rows do not split across pages."""
    b.para("", space_after=6).paragraph_format.keep_with_next = True
    table = b.doc.add_table(rows=3, cols=2)
    table.autofit = False
    widths = (Cm(8.25), Cm(8.25))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    rows = (
        ("", "{{ place }}, {{ date_text }}" if dated else ""),
        ("Pihak Kedua,\n{{ p.pihak_kedua_title|upper }},",
         "Pihak Pertama,\n{% if signer.prefix %}{{ signer.prefix }} {% endif %}{{ signer.position|upper }},"),
        ("{% if p.pihak_kedua %}{{ p.pihak_kedua.name }}{% else %}..............................{% endif %}\n"
         "{% if p.pihak_kedua %}{{ p.pihak_kedua.pangkat }}{% endif %}\n"
         "{% if p.pihak_kedua and p.pihak_kedua.nip %}{{ p.pihak_kedua.nip_label }}. {{ p.pihak_kedua.nip }}{% endif %}",
         "{{ signer.name }}\n{{ signer.pangkat }}\n{{ signer.nip_label }}. {{ signer.nip }}"),
    )
    table_rows = list(table.rows)
    for n, (row, texts) in enumerate(zip(table_rows, rows, strict=True)):
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for cell, width, text in zip(row.cells, widths, texts, strict=True):
            cell.width = width
            for i, line in enumerate(text.split("\n")):
                p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                p.paragraph_format.keep_with_next = True
                run = p.add_run(line)
                run.bold = run.underline = n == 2 and i == 0  # the name
    # Room for the signatures: a paragraph before each name (Word and LibreOffice both keep it,
    # where space after a cell's last paragraph is dropped by LibreOffice).
    for cell in table_rows[2].cells:
        cell.paragraphs[0].paragraph_format.space_before = Pt(48)


def _pk(b: _Builder) -> None:
    b.para("{{ title }}", bold=True, center=True)
    b.para("{{ p.unit|upper }}", bold=True, center=True)
    b.para("NOMOR {{ number }}", center=True, space_after=10)
    body = {"hanging": Cm(-1.25), "space_after": 6}
    b.para("Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi "
           "pada hasil, kami yang bertanda tangan di bawah ini:", **body)
    b.field("Nama", "{{ signer.name }}")
    b.field("Jabatan", "{{ signer.title }}", space_after=4)
    b.para("selanjutnya disebut pihak pertama.", space_after=6)
    b.field("Nama", "{% if p.pihak_kedua %}{{ p.pihak_kedua.name }}{% else %}..............................{% endif %}")
    b.field("Jabatan", "{{ p.pihak_kedua_title }}", space_after=4)
    b.para("selaku atasan pihak pertama, selanjutnya disebut pihak kedua.", space_after=6)
    b.para("Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, "
           "dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen "
           "perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.", **body)
    b.para("Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian "
           "kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan "
           "dan sanksi.", **body)
    b.para("Perjanjian kinerja ini disusun berdasarkan:")
    b.tag("{%p for d in p.dasar %}")
    b.para("{{ loop.index }}.\t{{ d }}", indent=Cm(0.8), hanging=Cm(0.6), tabs=(Cm(0.8),), space_after=1)
    b.tag("{%p endfor %}")
    _pk_sign(b, dated=True)
    b.para("", space_after=6)
    b.para("{{ qr_image }}")
    note = b.para("{% if is_sample %}CONTOH — pratinjau, bukan naskah dinas: tidak bernomor, tidak tercatat dan tidak "
                  "dapat diverifikasi.{% else %}Keaslian naskah ini dapat diperiksa dengan memindai kode QR atau membuka "
                  "{{ verify_url }} (kode verifikasi: {{ code }}).{% endif %}")
    note.runs[0].font.size = Pt(8)
    b.doc.add_page_break()
    b.para("LAMPIRAN {{ title }}", indent=Cm(8))
    b.para("NOMOR {{ number }}", indent=Cm(8))
    b.para("TANGGAL {{ date_text }}", indent=Cm(8), space_after=12)
    b.para("{{ title }}", bold=True, center=True)
    b.para("{{ p.unit|upper }}", bold=True, center=True, space_after=8)
    b.grid(["No.", "Sasaran", "Indikator Kinerja", "Target"], "t in p.targets",
           ["{{ loop.index }}.", "{{ t.sasaran }}", "{{ t.indikator }}", "{{ t.target }}"],
           widths=(Cm(1.1), Cm(6.2), Cm(6.2), Cm(3.0)))
    _pk_sign(b, dated=False)


@lru_cache(maxsize=8)
def default_docx_template(kind: str) -> bytes:
    b = _Builder()
    b.kop()
    {"assignment": _assignment, "keputusan": _keputusan, "nota": _nota, "pk": _pk}[_layout(kind)](b)
    return b.bytes()
