"""Rendering a payload into PDF (HTML/CSS → WeasyPrint) and DOCX (docxtpl).

Both formats are rendered from the same context (``build_context``) so they say the same
thing. Templates uploaded by a region are untrusted input: HTML templates may only
``{% extends %}``/``{% include %}`` the built-in letters templates and may not load tag
libraries; WeasyPrint only fetches ``data:`` URIs (no files, no network); DOCX templates are
rendered in Jinja's sandbox.
"""

from __future__ import annotations

import base64
import io
import os
import re
from dataclasses import dataclass
from functools import lru_cache

import segno
from django.conf import settings
from django.template import Context, Engine, TemplateSyntaxError
from django.template.loader import get_template

from sikerja.i18n import in_indonesian
from sikerja.letters.models import DocumentKind
from sikerja.letters.payloads import ASSIGNMENT_KINDS, NOTA_KINDS, KeputusanPayload, PerjanjianKinerjaPayload
from sikerja.letters.rules import SAMPLE_CODE, SAMPLE_NUMBER, date_id, dictum

BUILTIN_HTML = {
    **{k.value: "letters/surat_perintah.html" for k in ASSIGNMENT_KINDS},
    DocumentKind.KEPUTUSAN.value: "letters/keputusan.html",
    **{k.value: "letters/nota_dinas.html" for k in NOTA_KINDS},
    DocumentKind.PERJANJIAN_KINERJA.value: "letters/perjanjian_kinerja.html",
}
TITLES = {
    DocumentKind.SURAT_PERINTAH: ("SURAT PERINTAH", "MEMERINTAHKAN"),
    DocumentKind.SURAT_TUGAS: ("SURAT TUGAS", "MENUGASKAN"),
    DocumentKind.SURAT_PENUGASAN: ("SURAT PENUGASAN", "MENUGASKAN"),
    DocumentKind.KEPUTUSAN: ("KEPUTUSAN", "MEMUTUSKAN"),
    DocumentKind.NOTA_DINAS_PERMOHONAN: ("NOTA DINAS", ""),
    DocumentKind.NOTA_DINAS_JAWABAN: ("NOTA DINAS", ""),
    DocumentKind.PERJANJIAN_KINERJA: ("PERJANJIAN KINERJA", ""),
}
FORBIDDEN_TAGS = re.compile(r"{%-?\s*(load|debug|ssi|templatetag)\b")
INCLUDE_TAGS = re.compile(r"{%-?\s*(?:extends|include)\s+([^\s%]+)")


class TemplateProblem(ValueError):
    """An uploaded template that cannot be used (Indonesian message)."""


@dataclass
class Kop:
    government_name: str
    pd_name: str
    address: str
    contact: str
    logo: bytes
    logo_mime: str
    phone: str = ""
    email: str = ""
    website: str = ""

    @property
    def contact_line(self) -> str:
        """'Telepon (0542) 123 Laman diskominfo.go.id Pos-el info@...' in the order of a
        regional kop; the free "kontak lain" text follows."""
        parts = [f"Telepon {self.phone}" if self.phone else "", f"Laman {self.website}" if self.website else "",
                 f"Pos-el {self.email}" if self.email else "", self.contact]
        return "  ".join(p for p in parts if p)

    @property
    def logo_uri(self) -> str:
        return f"data:{self.logo_mime};base64,{base64.b64encode(self.logo).decode()}" if self.logo else ""


def public_base_url() -> str:
    return (getattr(settings, "SIKERJA_PUBLIC_URL", "") or os.environ.get("SIKERJA_PUBLIC_URL") or "http://localhost:8000").rstrip("/")


def verify_url(code: str) -> str:
    return f"{public_base_url()}/verifikasi/{code}/"


@lru_cache(maxsize=1)
def default_logo_png() -> bytes:
    """A neutral shield used until the region uploads its own logo."""
    from PIL import Image, ImageDraw

    img = Image.new("RGBA", (240, 280), (255, 255, 255, 0))
    d = ImageDraw.Draw(img)
    shield = [(20, 20), (220, 20), (220, 150), (120, 262), (20, 150)]
    d.polygon(shield, fill=(22, 101, 52), outline=(180, 140, 20))
    d.line(shield + [shield[0]], fill=(200, 160, 30), width=10)
    d.polygon([(120, 55), (165, 150), (75, 150)], fill=(230, 190, 60))
    d.rectangle([(70, 170), (170, 185)], fill=(230, 190, 60))
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


@in_indonesian
def build_context(*, kind: str, payload, number: str, code: str, kop: Kop, unit_name: str, sample: bool = False) -> dict:
    """``sample``: a preview, not a letter — no number, a code that never verifies, and the
    renderers stamp CONTOH across every page whatever the template says."""
    if sample:
        number, code = SAMPLE_NUMBER, SAMPLE_CODE
    title, verb = TITLES[DocumentKind(kind)]
    if isinstance(payload, KeputusanPayload):
        title = f"KEPUTUSAN {payload.official.upper()}".strip()
    if isinstance(payload, PerjanjianKinerjaPayload):
        title = f"PERJANJIAN KINERJA TAHUN {payload.year}"
    url = verify_url(code)
    qr = segno.make(url, error="m")
    return {
        "kind": kind,
        "title": title,
        "verb": verb,
        "number": number,
        "p": payload,
        "date_text": date_id(payload.date),
        "place": payload.place,
        "signer": payload.signer,
        "kop": kop,
        "unit_name": unit_name,
        "code": code,
        "verify_url": url,
        "qr_uri": qr.svg_data_uri(scale=3, border=0),
        "qr": qr,
        "dictums": [{"ordinal": dictum(i), "text": t} for i, t in enumerate(getattr(payload, "dictums", []))],
        "is_assignment": kind in {k.value for k in ASSIGNMENT_KINDS},
        "is_keputusan": kind == DocumentKind.KEPUTUSAN,
        "is_nota": kind in {k.value for k in NOTA_KINDS},
        "is_jawaban": kind == DocumentKind.NOTA_DINAS_JAWABAN,
        "is_pk": kind == DocumentKind.PERJANJIAN_KINERJA,
        "is_sample": sample,
        "has_roles": any(getattr(p, "role", "") for p in getattr(payload, "persons", [])),
        "reference_text": reference_text(payload),
        "closing": (getattr(payload, "closing", "") or CLOSING).strip(),
    }


CLOSING = "Demikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih."


def reference_text(payload) -> str:
    """The opening of a nota dinas that answers or follows another: that letter by number, date
    and hal (tata naskah dinas), e.g. "Menindaklanjuti Nota Dinas Nomor X tanggal 2 Desember
    2026 hal Permohonan ..., dengan hormat kami sampaikan hal sebagai berikut."."""
    number = (getattr(payload, "reference", "") or "").strip()
    if not number:
        return ""
    ref_date = getattr(payload, "reference_date", None)
    subject = (getattr(payload, "reference_subject", "") or "").strip().rstrip(".")
    dated = f" tanggal {date_id(ref_date)}" if ref_date else ""
    hal = f" hal {subject}" if subject else ""
    return f"Menindaklanjuti Nota Dinas Nomor {number}{dated}{hal}, dengan hormat kami sampaikan hal sebagai berikut."


# --- HTML → PDF ----------------------------------------------------------------------------
def check_html_template(content: str) -> None:
    """Refuse what an uploaded HTML template may not do; raise TemplateProblem."""
    if FORBIDDEN_TAGS.search(content):
        raise TemplateProblem("Templat tidak boleh memakai {% load %}, {% debug %}, {% ssi %} atau {% templatetag %}.")
    for name in INCLUDE_TAGS.findall(content):
        if not re.fullmatch(r"[\"']letters/[\w./-]+\.html[\"']", name) or ".." in name:
            raise TemplateProblem(f"Templat hanya boleh memperluas/menyertakan templat bawaan 'letters/...'; bukan {name}.")
    try:
        _engine().from_string(content)
    except TemplateSyntaxError as exc:
        raise TemplateProblem(f"Templat tidak dapat dibaca: {exc}") from exc


@lru_cache(maxsize=1)
def _engine() -> Engine:
    from django.template import engines

    return engines["django"].engine


@in_indonesian
def render_html(context: dict, content: str | None = None) -> str:
    if content:
        check_html_template(content)
        return _engine().from_string(content).render(Context(context, autoescape=True))
    return get_template(BUILTIN_HTML[context["kind"]]).render(context)


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"})
    return HTML(string=html, url_fetcher=fetcher).write_pdf()


WATERMARK_HTML = (
    '<div class="sikerja-contoh" aria-hidden="true" style="position: fixed; top: 40%; left: -1cm; right: -1cm; '
    "text-align: center; transform: rotate(-35deg); font: bold 96pt 'Liberation Sans', Arial, sans-serif; "
    'letter-spacing: 8pt; color: rgba(150, 150, 150, 0.33); z-index: 1000;">CONTOH</div>'
)


def with_watermark(html: str) -> str:
    """The page with CONTOH across it (a fixed element repeats on every PDF page). Added after
    the template has rendered, so no template — built-in or uploaded — can leave it out."""
    marker = re.search(r"</body\s*>", html, flags=re.IGNORECASE)
    if marker is None:
        return html + WATERMARK_HTML
    return html[: marker.start()] + WATERMARK_HTML + html[marker.start() :]


@in_indonesian
def render_pdf(context: dict, content: str | None = None) -> bytes:
    html = render_html(context, content)
    return html_to_pdf(with_watermark(html) if context.get("is_sample") else html)


# --- DOCX ----------------------------------------------------------------------------------
@in_indonesian
def render_docx(context: dict, template_bytes: bytes | None = None) -> bytes:
    from docx.shared import Mm
    from docxtpl import DocxTemplate, InlineImage
    from jinja2.sandbox import SandboxedEnvironment

    from sikerja.letters.docx_default import default_docx_template

    source = template_bytes or default_docx_template(context["kind"])
    tpl = DocxTemplate(io.BytesIO(source))
    ctx = dict(context)
    ctx.pop("qr", None)
    qr_png = io.BytesIO()
    context["qr"].save(qr_png, kind="png", scale=4, border=1)
    qr_png.seek(0)
    ctx["qr_image"] = InlineImage(tpl, qr_png, width=Mm(20))
    kop = context["kop"]
    ctx["logo_image"] = InlineImage(tpl, io.BytesIO(kop.logo), height=Mm(20)) if kop.logo else ""
    try:
        tpl.render(ctx, jinja_env=SandboxedEnvironment(autoescape=True))
    except Exception as exc:  # a broken uploaded template must not become a 500
        raise TemplateProblem(f"Templat DOCX tidak dapat diisi: {exc}") from exc
    if context.get("is_sample"):
        watermark_docx(tpl.docx)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


# Word's own watermark (Design > Watermark): a VML WordArt shape in the header, drawn behind the
# text of every page; LibreOffice reads it as its watermark too. It takes no room in the layout.
_VML = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word"><w:rPr><w:noProof/></w:rPr><w:pict>'
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">'
    "<v:formulas>"
    + "".join(
        f'<v:f eqn="{eqn}"/>'
        for eqn in (
            "sum #0 0 10800", "prod #0 2 1", "sum 21600 0 @1", "sum 0 0 @2", "sum 21600 0 @3", "if @0 @3 0",
            "if @0 21600 @1", "if @0 0 @2", "if @0 @4 21600", "mid @5 @6", "mid @8 @5", "mid @7 @8", "mid @6 @7",
            "sum @6 0 @5",
        )
    )
    + "</v:formulas>"
    '<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" '
    'o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/>'
    '<v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>'
    '<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>'
    '<v:shape id="SiKerjaContoh" o:spid="_x0000_s2049" type="#_x0000_t136" o:allowincell="f" fillcolor="#a0a0a0" '
    'stroked="f" style="position:absolute;margin-left:0;margin-top:0;width:430pt;height:140pt;rotation:315;'
    "z-index:-251654144;mso-position-horizontal:center;mso-position-horizontal-relative:margin;"
    'mso-position-vertical:center;mso-position-vertical-relative:margin">'
    '<v:fill opacity=".4"/><v:textpath style="font-family:&quot;Arial&quot;;font-size:1pt" string="CONTOH"/>'
    '<w10:wrap anchorx="margin" anchory="margin"/></v:shape></w:pict></w:r>'
)


def watermark_docx(document) -> None:
    """Put the CONTOH watermark into the header of every section of a python-docx document."""
    from docx.oxml import parse_xml

    for section in document.sections:
        headers = [section.header]
        if section.different_first_page_header_footer:
            headers.append(section.first_page_header)
        for header in headers:
            header.is_linked_to_previous = False
            paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
            paragraph._p.append(parse_xml(_VML))
