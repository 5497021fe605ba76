"""The SKP and the dokumen evaluasi kinerja as PDF and DOCX. The PDF is rendered by the letters
engine's renderer (WeasyPrint) under the unit's letterhead; the DOCX (documents_docx) is built
with python-docx from the same context, so both say the same. They are records of the data,
not numbered naskah dinas: no number is spent and nothing is stored."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext

from sikerja.i18n import in_indonesian
from sikerja.letters.render import html_to_pdf
from sikerja.letters.rules import date_id
from sikerja.letters.selectors import kop_for
from sikerja.performance import selectors

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PERSON_LABELS = ["Nama", "NIP", "Pangkat/golongan", "Jabatan", "Unit kerja"]


def person(e) -> list[str]:
    return [
        e.name,
        e.nip,
        e.get_golongan_display(),
        e.position.name if e.position_id else "",
        e.unit.name if e.unit_id else "",
    ]


def signer(title: str, e) -> dict:
    """A signature block: the role, the position, the name and NIP (signed by hand)."""
    return {
        "title": title,
        "position": e.position.name if e.position_id else "",
        "name": e.name,
        "pangkat": e.get_golongan_display(),
        "nip": e.nip,
    }


def place_of(region) -> str:
    return region.capital or region.name


def _feedback(rhk) -> list[str]:
    return [f.text for ev in rhk.evidence.all() for f in ev.feedback.all()]


def skp_context(actor, skp_id, evaluation_id=None) -> dict:
    """Everything the SKP / dokumen evaluasi shows, read with the page's access (404 beyond)."""
    page = selectors.skp_page(actor, skp_id)
    skp = page.skp
    evaluation = None
    curve = None
    if evaluation_id is not None:
        evaluation = next((e for e in page.evaluations if e.pk == evaluation_id), None)
        if evaluation is None:
            raise Http404(gettext("Evaluasi tidak ditemukan."))
        realised = {r.iki_id: r.text for r in evaluation.realisations.all()}
        for r in page.rhks:
            for i in r.ikis.all():
                i.realised = realised.get(i.pk, "")
        curve = (
            selectors.unit_curve(actor, evaluation.unit_id, evaluation.period_id)
            if actor.sees_staff_of(evaluation.unit)
            else None
        )
    for r in page.rhks:
        r.feedback_texts = _feedback(r)
    people = list(zip(PERSON_LABELS, person(skp.employee), person(skp.assessor), strict=True))
    title = "DOKUMEN EVALUASI KINERJA PEGAWAI" if evaluation else "SASARAN KINERJA PEGAWAI"
    # Dated when the record was decided (approval, finalisation), else on the day it is printed.
    signed = (evaluation.finalised_at if evaluation else skp.approved_at) or timezone.now()
    return {
        "title": title,
        "kop": kop_for(actor.region, skp.unit),
        "skp": skp,
        "rhks": page.rhks,
        "expectations": page.expectations,
        "people": people,
        "evaluation": evaluation,
        "period": evaluation.period if evaluation else None,
        "period_dates": (
            f"{date_id(evaluation.period.starts_on)} – {date_id(evaluation.period.ends_on)}" if evaluation else ""
        ),
        "curve": curve,
        "place": place_of(actor.region),
        "date_text": date_id(timezone.localtime(signed).date()),
        "signers": [signer("Pegawai yang dinilai", skp.employee), signer("Pejabat penilai kinerja", skp.assessor)],
    }


def filename(ctx: dict, ext: str) -> str:
    skp = ctx["skp"]
    kind = f"evaluasi-{ctx['period'].pk}" if ctx["evaluation"] else "skp"
    return f"{kind}-{skp.employee.nip}-{skp.year}-v{skp.version}.{ext}"


@in_indonesian  # an SKP document is an official record: Bahasa Indonesia whatever the page (PLT-5)
def skp_pdf(actor, skp_id, evaluation_id=None) -> tuple[bytes, str]:
    ctx = skp_context(actor, skp_id, evaluation_id)
    return html_to_pdf(render_to_string("performance/document_pdf.html", ctx)), filename(ctx, "pdf")


@in_indonesian
def skp_docx(actor, skp_id, evaluation_id=None) -> tuple[bytes, str]:
    from sikerja.performance.documents_docx import skp_document

    ctx = skp_context(actor, skp_id, evaluation_id)
    return skp_document(ctx), filename(ctx, "docx")


def file_response(data: bytes, name: str, mime: str) -> HttpResponse:
    response = HttpResponse(data, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def pdf_response(actor, skp_id, evaluation_id=None) -> HttpResponse:
    return file_response(*skp_pdf(actor, skp_id, evaluation_id), "application/pdf")


def docx_response(actor, skp_id, evaluation_id=None) -> HttpResponse:
    return file_response(*skp_docx(actor, skp_id, evaluation_id), DOCX_MIME)
