"""The penetapan predikat kinerja organisasi (KIN-10, issue 13 item 6) as PDF and DOCX: the
unit's predikat set by the leader one level up from its rating, with the recommendations
attached, who set it and when, and that leader's signature block. An unnumbered record
rendered on demand from UnitPredikat (no naskah dinas, no number spent)."""

from __future__ import annotations

from django.http import Http404
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext

from sikerja.i18n import in_indonesian
from sikerja.letters.render import html_to_pdf
from sikerja.letters.rules import date_id
from sikerja.letters.selectors import kop_for
from sikerja.organisation.models import Unit
from sikerja.performance.documents import place_of, signer
from sikerja.performance.models import UnitPredikat
from sikerja.performance.rules import curve
from sikerja.performance.services.evaluation import RECOMMENDERS

TITLE = "PENETAPAN PREDIKAT KINERJA ORGANISASI"
# The basis, by its full title (the circular's distribution rules follow from the predikat).
BASIS = (
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 6 Tahun 2022 "
    "tentang Pengelolaan Kinerja Pegawai Aparatur Sipil Negara"
)


def penetapan_context(actor, unit_id, period_id) -> dict:
    """The record of one unit and period; 404 when out of reach or not set yet."""
    unit = Unit.objects.filter(region=actor.region, pk=unit_id).select_related("parent", "perangkat_daerah").first()
    if unit is None or not actor.sees_staff_of(unit):
        raise Http404(gettext("Unit tidak ditemukan atau di luar cakupan Anda."))
    row = (
        UnitPredikat.objects.filter(region=actor.region, unit=unit, period_id=period_id)
        .select_related("period", "set_by__position", "set_by__unit", "on_behalf_of__position")
        .first()
    )
    if row is None:
        raise Http404(gettext("Predikat kinerja organisasi unit ini belum ditetapkan untuk periode tersebut."))
    set_at = timezone.localtime(row.set_at or row.created_at)
    by = row.set_by
    sign = signer("Yang menetapkan", by)
    if row.on_behalf_of_id:  # a Plh./Plt. signs as the official they stand in for
        official = row.on_behalf_of
        position = official.position.name if official.position_id else ""
        sign["position"] = f"{row.signer_prefix or 'Plh.'} {position}".strip()
    recommendations = [
        (RECOMMENDERS.get(r.get("from"), r.get("from", "")), r.get("text", "")) for r in row.recommendations
    ]
    rules = [r.text for r in curve.rules_for(row.predikat)]
    period = row.period
    return {
        "title": TITLE,
        "basis": BASIS,
        "kop": kop_for(actor.region, unit),
        "unit": unit,
        "parent": unit.parent,
        "row": row,
        "period": period,
        "period_dates": f"{date_id(period.starts_on)} – {date_id(period.ends_on)}",
        "rating": str(row.get_rating_display()),
        "predikat": str(row.get_predikat_display()),
        "recommendations": recommendations,
        "rules": rules,
        "set_by": f"{by.name} (NIP {by.nip})",
        "set_at": f"{date_id(set_at.date())} pukul {set_at:%H.%M}",
        "place": place_of(actor.region),
        "date_text": date_id(set_at.date()),
        "signers": [sign],
    }


def rows(ctx: dict) -> list[tuple[str, str]]:
    """The body of the record, in the order both formats print it."""
    unit = ctx["unit"]
    recs = "\n".join(f"{source}: {text}" for source, text in ctx["recommendations"]) or "–"
    return [
        ("Unit kerja", unit.name + (f"\n{unit.perangkat_daerah.name}" if unit.perangkat_daerah_id else "")),
        ("Periode penilaian", f"{ctx['period']} ({ctx['period_dates']})"),
        ("Capaian kinerja organisasi", ctx["rating"]),
        ("Predikat kinerja organisasi", ctx["predikat"]),
        ("Dasar penetapan", ctx["row"].basis or "–"),
        ("Rekomendasi", recs),
        ("Pola distribusi predikat pegawai", "\n".join(ctx["rules"])),
        ("Ditetapkan oleh", ctx["set_by"]),
        ("Tanggal penetapan", ctx["set_at"]),
    ]


def filename(ctx: dict, ext: str) -> str:
    return f"penetapan-predikat-{ctx['unit'].code}-{ctx['period'].pk}.{ext}"


@in_indonesian  # an official record: Bahasa Indonesia whatever the page (PLT-5)
def penetapan_pdf(actor, unit_id, period_id) -> tuple[bytes, str]:
    ctx = penetapan_context(actor, unit_id, period_id)
    html = render_to_string("performance/penetapan_pdf.html", {**ctx, "rows": rows(ctx)})
    return html_to_pdf(html), filename(ctx, "pdf")


@in_indonesian
def penetapan_docx(actor, unit_id, period_id) -> tuple[bytes, str]:
    from sikerja.performance.documents_docx import Builder

    ctx = penetapan_context(actor, unit_id, period_id)
    b = Builder(size=10.5)
    b.kop(ctx["kop"])
    b.title(ctx["title"], f"Periode {ctx['period']}")
    b.para(f"Berdasarkan {ctx['basis']}, predikat kinerja organisasi ditetapkan sebagai berikut:", after=6)
    b.pairs(rows(ctx), label_w=5.2)
    b.signatures(
        ctx["place"],
        ctx["date_text"],
        [None] + [{**s, "title": "", "position": s["position"] + ","} for s in ctx["signers"]],
    )
    return b.bytes(), filename(ctx, "docx")
