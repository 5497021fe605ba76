"""Reads for naskah dinas: what an actor may see, the letterhead and templates in force."""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404

from sikerja.accounts.access import Actor
from sikerja.letters.models import Document, Letterhead, LetterTemplate, NumberingScheme
from sikerja.letters.render import Kop, default_logo_png
from sikerja.letters.rules import is_code_shaped, normalise_code

LIST_FIELDS = (
    "id", "region_id", "kind", "number", "date", "subject", "status", "revoked_at", "signer_display",
    "issuing_unit__name", "signer__name", "verification_code", "created_at", "issuing_unit_id", "signer_id",
)


def readable_documents(actor: Actor):
    """Documents the actor may read: the whole region for region-wide roles; otherwise those
    naming someone in the actor's scope (themself, their subtree's staff, acting reports) or
    created by the actor (policy: ``sikerja.accounts.policies``). The payload is deferred; the
    files live in ``DocumentFile``."""
    return Document.objects.restrict(actor, "view").defer("payload")


def document_list(actor: Actor, *, kind: str = "", status: str = "", q: str = ""):
    qs = readable_documents(actor).select_related("issuing_unit", "signer")
    if kind:
        qs = qs.filter(kind=kind)
    if status:
        qs = qs.filter(status=status)
    if q:
        qs = qs.filter(Q(number__icontains=q) | Q(subject__icontains=q))
    return qs.order_by("-date", "-created_at", "-pk")


def access_document(actor: Actor, document_id: int, *, with_files: bool = False) -> Document:
    qs = readable_documents(actor).select_related("issuing_unit", "signer", "replaces", "on_behalf_of")
    qs = qs.defer(None)
    if with_files:
        qs = qs.select_related("file")
    doc = qs.filter(pk=document_id).first()
    if doc is None:
        raise Http404("Naskah tidak ditemukan atau di luar cakupan Anda.")
    return doc


def document_by_code(raw_code: str) -> Document | None:
    """The document a verification code names (public; any region)."""
    code = normalise_code(raw_code)
    if not is_code_shaped(code):
        return None
    return (
        Document.objects.filter(verification_code=code)
        .select_related("issuing_unit", "region", "replaces")
        .first()
    )


def numbering_scheme(region) -> NumberingScheme:
    scheme = NumberingScheme.objects.filter(region=region).first()
    return scheme or NumberingScheme(region=region)


def active_letterhead(region, unit) -> Letterhead | None:
    """The PD's own newest letterhead, else the region's default one."""
    pd_id = (unit.perangkat_daerah_id or unit.pk) if unit is not None else None
    base = Letterhead.objects.filter(region=region, is_active=True).order_by("-version")
    own = base.filter(unit_id=pd_id).first() if pd_id else None
    return own or base.filter(unit__isnull=True).first()


def kop_for(region, unit) -> Kop:
    """The letterhead for letters of this unit, filled from the region and PD when not uploaded."""
    head = active_letterhead(region, unit)
    pd = unit.perangkat_daerah if unit is not None and unit.perangkat_daerah_id else unit
    government = f"PEMERINTAH {region.name}".upper().replace("PEMERINTAH PEMERINTAH", "PEMERINTAH")
    pd_name = pd.name if pd is not None else ""
    address = (pd.address if pd is not None and pd.address else region.address) or (region.capital or "")
    if head is None:
        return Kop(government, pd_name, address, "", default_logo_png(), "image/png")
    return Kop(
        head.government_name or government,
        head.pd_name or pd_name,
        head.address or address,
        head.contact,
        bytes(head.logo) if head.logo else default_logo_png(),
        head.logo_mime if head.logo else "image/png",
        phone=head.phone,
        email=head.email,
        website=head.website,
    )


def active_template(region, kind: str, engine: str) -> LetterTemplate | None:
    """The region's active version, else the global default's, else None (built-in file)."""
    qs = LetterTemplate.objects.filter(kind=kind, engine=engine, is_active=True)
    return qs.filter(region=region).first() or qs.filter(region__isnull=True).first()


def template_versions(region):
    return LetterTemplate.objects.filter(Q(region=region) | Q(region__isnull=True)).defer("docx", "content").order_by(
        "kind", "engine", "region_id", "-version"
    )


def letterhead_versions(region):
    return Letterhead.objects.filter(region=region).select_related("unit").defer("logo").order_by("unit_id", "-version")
