"""The SKP and the dokumen evaluasi kinerja as PDF, rendered by the letters engine's renderer
(WeasyPrint) under the unit's letterhead. They are records of the data, not numbered or signed
naskah dinas: no number is spent and nothing is stored."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext

from sikerja.i18n import in_indonesian
from sikerja.letters.render import html_to_pdf
from sikerja.letters.selectors import kop_for
from sikerja.performance import selectors


def _person(e) -> list[str]:
    return [
        e.name,
        e.nip,
        e.get_golongan_display(),
        e.position.name if e.position_id else "",
        e.unit.name if e.unit_id else "",
    ]


@in_indonesian  # an SKP document is an official record: Bahasa Indonesia whatever the page (PLT-5)
def _pdf(actor, skp_id, evaluation_id=None) -> tuple[bytes, str]:
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
    labels = ["Nama", "NIP", "Pangkat/golongan", "Jabatan", "Unit kerja"]
    people = list(zip(labels, _person(skp.employee), _person(skp.assessor), strict=True))
    title = "DOKUMEN EVALUASI KINERJA PEGAWAI" if evaluation else "SASARAN KINERJA PEGAWAI"
    html = render_to_string(
        "performance/document_pdf.html",
        {
            "title": title,
            "kop": kop_for(actor.region, skp.unit),
            "skp": skp,
            "rhks": page.rhks,
            "expectations": page.expectations,
            "people": people,
            "evaluation": evaluation,
            "period": evaluation.period if evaluation else None,
            "curve": curve,
        },
    )
    name = f"{'evaluasi' if evaluation else 'skp'}-{skp.employee.nip}-{skp.year}.pdf"
    return html_to_pdf(html), name


def pdf_response(actor, skp_id, evaluation_id=None) -> HttpResponse:
    data, name = _pdf(actor, skp_id, evaluation_id)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
