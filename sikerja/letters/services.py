"""Writes for naskah dinas: issuing (number, render, hash, store, event), revoking, and the
administration of letterheads and templates. Each write runs in a transaction with its event;
issuing reserves its number in its own short transaction and renders outside it (issue 10 item 7).

Who may issue: only the signer — the official the rule names, or their Plh/Plt while the
delegation runs (``authority.signing_authority``, checked inside ``issue_document`` so that no
caller can forget it). Administrators manage letters (templates, letterheads, revocation) but
never sign one.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from sikerja.accounts.access import Actor, require_org_admin
from sikerja.audit.services import record_event
from sikerja.i18n import in_indonesian
from sikerja.letters import selectors
from sikerja.letters.authority import NotTheSigner, SigningAuthority, signing_authority
from sikerja.letters.models import (
    Document,
    DocumentFile,
    DocumentKind,
    Letterhead,
    LetterTemplate,
    NumberSequence,
    SignerCapacity,
)
from sikerja.letters.payloads import (
    KeputusanPayload,
    PayloadError,
    Signer,
    from_dict,
    party_ids,
    payload_errors,
    to_dict,
)
from sikerja.letters.render import TemplateProblem, build_context, check_html_template, render_docx, render_pdf
from sikerja.letters.rules import format_number, new_verification_code
from sikerja.organisation.models import Employee, Unit

MAX_LOGO_BYTES = 1024 * 1024
MAX_TEMPLATE_BYTES = 2 * 1024 * 1024
LOGO_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}


# --- numbering -------------------------------------------------------------------------------
def take_number(*, region, unit: Unit, year: int) -> int:
    """The next number of the unit's sequence for the year. Must run inside a (short)
    transaction: the sequence row stays locked (SELECT ... FOR UPDATE) until the caller commits,
    so two letters issued at the same moment never share a number; ``issue_document`` commits it
    before rendering. A missing row is created first; when two
    transactions create it at once, the loser's IntegrityError is absorbed by the savepoint."""
    try:
        with transaction.atomic():
            NumberSequence.objects.get_or_create(region=region, unit=unit, year=year)
    except IntegrityError:
        pass  # created concurrently by another transaction; it is there now
    seq = NumberSequence.objects.select_for_update().get(unit=unit, year=year)
    seq.last_number += 1
    seq.save(update_fields=["last_number"])
    return seq.last_number


# --- issuing ---------------------------------------------------------------------------------
def _signer(authority: SigningAuthority) -> Signer:
    """The signature block: the signer's name and NIP under the office of the official signed
    for ("Plh. Kepala Dinas ..." when acting)."""
    from sikerja.organisation.rules.golongan import pangkat_label

    signer, capacity, on_behalf_of = authority.signer, authority.capacity, authority.on_behalf_of
    holder = on_behalf_of or signer
    position = holder.position.name if holder.position_id else "Pejabat"
    return Signer(
        name=signer.full_name, nip=signer.nip, pangkat=pangkat_label(signer.status, signer.golongan), position=position,
        status=signer.status, capacity=capacity, employee_id=signer.pk, on_behalf_of_id=on_behalf_of.pk if on_behalf_of else None,
    )


def _named_official(actor: Actor, *, official, signer, capacity, on_behalf_of) -> Employee:
    """The official the rule names as signer. Callers either name them (``official``) or, in the
    older form, state who signs (``signer``, which must be the actor) and for whom."""
    if capacity is not None and capacity not in SignerCapacity.values:
        raise ValidationError(_("Kedudukan penanda tangan '%(capacity)s' tidak dikenal (definitif, plh, plt).") % {"capacity": capacity})
    if official is not None:
        return official
    if signer is None:
        raise ValidationError(_('Pejabat penanda tangan wajib disebut.'))
    if capacity == SignerCapacity.DEFINITIF and on_behalf_of is not None:
        raise ValidationError(_('Penanda tangan definitif tidak menandatangani atas nama pejabat lain.'))
    if capacity in (SignerCapacity.PLH, SignerCapacity.PLT) and on_behalf_of is None:
        raise ValidationError(_('Plh./Plt. harus menyebut pejabat yang digantikan (on_behalf_of).'))
    if on_behalf_of is not None and on_behalf_of.pk == signer.pk:
        raise ValidationError(_('Plh./Plt. tidak dapat menggantikan dirinya sendiri.'))
    me = actor.employee
    if me is None or me.pk != signer.pk:
        # Nobody signs in another official's name: not an administrator, not a unit leader.
        raise NotTheSigner(
            _('Naskah hanya dapat ditandatangani sendiri oleh %(full_name)s; admin atau pimpinan unit tidak menandatangani atas nama pejabat lain.') % {"full_name": signer.full_name}
        )
    return on_behalf_of or signer


def _templates(region, kind: str):
    html = selectors.active_template(region, kind, LetterTemplate.Engine.HTML)
    docx = selectors.active_template(region, kind, LetterTemplate.Engine.DOCX)
    return html, docx


@in_indonesian
def render_files(*, region, kind: str, unit: Unit, payload, number: str, code: str) -> tuple[bytes, bytes, dict]:
    """PDF and DOCX of a payload with the region's letterhead and active templates."""
    html_tpl, docx_tpl = _templates(region, kind)
    context = build_context(
        kind=kind, payload=payload, number=number, code=code, kop=selectors.kop_for(region, unit), unit_name=unit.name
    )
    pdf = render_pdf(context, html_tpl.content if html_tpl else None)
    docx = render_docx(context, bytes(docx_tpl.docx) if docx_tpl else None)
    versions = {"html": html_tpl.version if html_tpl else 0, "docx": docx_tpl.version if docx_tpl else 0}
    return pdf, docx, versions


@in_indonesian
def issue_document(
    *, actor: Actor, kind: str, issuing_unit: Unit, payload, official: Employee | None = None,
    signer: Employee | None = None, capacity: str | None = None, on_behalf_of: Employee | None = None,
    replaces: Document | None = None, date: dt.date | None = None,
) -> Document:
    """Number, render, hash and store one document signed by the actor; record ``document.issued``.

    ``official`` is the official the rule names as signer; the actor must be that official or
    their running Plh/Plt, and the capacity (definitif/Plh./Plt.) follows from the delegation.
    (``signer``/``capacity``/``on_behalf_of`` is the older form of the same: the actor signs,
    for ``on_behalf_of`` when acting.) ``payload`` is the kind's dataclass (or a dict of it).
    Raises ``authority.NotTheSigner`` (a PermissionDenied) when the actor may not sign,
    ValidationError (Indonesian messages) for bad input."""
    region = actor.region
    if kind not in DocumentKind.values:
        raise ValidationError(_("Jenis naskah '%(kind)s' tidak dikenal.") % {"kind": kind})
    if isinstance(payload, dict):
        try:
            payload = from_dict(kind, payload)
        except PayloadError as exc:
            raise ValidationError(exc.messages) from exc
    people = ((issuing_unit, _("Unit penerbit")), (official, _("Penanda tangan")), (signer, _("Penanda tangan")),
              (on_behalf_of, _("Pejabat yang digantikan")))
    for who, label in people:
        if who is not None and who.region_id != region.pk:
            raise ValidationError(_('%(label)s bukan dari pemerintah daerah ini.') % {"label": label})
    if replaces is not None and (replaces.region_id != region.pk or replaces.is_revoked):
        raise ValidationError(_('Naskah yang diganti harus naskah yang masih berlaku di daerah ini.'))
    named = _named_official(actor, official=official, signer=signer, capacity=capacity, on_behalf_of=on_behalf_of)
    authority = signing_authority(actor, official=named)
    payload.signer = _signer(authority)
    if isinstance(payload, KeputusanPayload) and not payload.official.strip():
        payload.official = payload.signer.position  # "KEPUTUSAN KEPALA DINAS ..." names the holder's office
    payload.date = date or payload.date or timezone.localdate()
    payload.place = payload.place or region.capital or region.name
    errors = payload_errors(kind, payload)
    if errors:
        raise ValidationError(errors)
    parties = party_ids(payload)
    if Employee.objects.filter(pk__in=parties).exclude(region=region).exists():
        raise ValidationError(_('Semua pegawai dalam naskah harus dari pemerintah daerah ini.'))

    scheme = selectors.numbering_scheme(region)
    html_tpl, _docx = _templates(region, kind)
    if html_tpl is not None:
        try:  # a template that cannot be used is refused before a number is spent on it
            check_html_template(html_tpl.content)
        except TemplateProblem as exc:
            raise ValidationError(str(exc)) from exc
    # 1. Reserve the number: the sequence row is locked only for this short transaction, so
    # letters of the same unit never wait for another letter's WeasyPrint/DOCX rendering.
    with transaction.atomic():
        sequence = take_number(region=region, unit=issuing_unit, year=payload.date.year)
    number = format_number(
        scheme.pattern, klasifikasi=scheme.classification_for(kind), urut=sequence,
        kode_unit=issuing_unit.code, date=payload.date,
    )
    code = _unused_code()
    # 2. Render outside any lock (the number and code are printed in the files and the QR).
    try:
        pdf, docx, versions = render_files(
            region=region, kind=kind, unit=issuing_unit, payload=payload, number=number, code=code
        )
    except TemplateProblem as exc:
        _number_unused(actor, number, str(exc))
        raise ValidationError(str(exc)) from exc
    # 3. Store the document, its files and the event together.
    with transaction.atomic():
        doc = Document.objects.create(
            region=region, kind=kind, number=number, sequence=sequence, date=payload.date, issuing_unit=issuing_unit,
            subject=payload.subject[:500], payload=to_dict(payload), signer=authority.signer,
            signer_capacity=authority.capacity, on_behalf_of=authority.on_behalf_of,
            signer_display=payload.signer.title[:300], sha256=hashlib.sha256(pdf).hexdigest(), verification_code=code,
            template_versions=versions, replaces=replaces, created_by=actor.user if actor.user.is_authenticated else None,
        )
        DocumentFile.objects.create(document=doc, pdf=pdf, docx=docx)
        doc.parties.set(parties)
        record_event(
            region=region, actor=actor.user, verb="document.issued", obj=doc,
            changes={"number": number, "kind": kind, "sha256": doc.sha256, "replaces": replaces.pk if replaces else None},
            on_behalf_of=authority.on_behalf_of,
        )
        if replaces is not None:
            _revoke(actor, replaces, f"Diganti dengan naskah nomor {number}.")
    return doc


def _number_unused(actor: Actor, number: str, reason: str) -> None:
    """A reserved number whose letter could not be rendered stays unused (numbers are never
    handed out twice); the event log says which and why, so the gap in the register is explained."""
    from sikerja.tenancy.models import Region

    record_event(region=actor.region, actor=actor.user, verb="document.number_unused",
                 obj=Region.objects.get(pk=actor.region.pk), changes={"number": number}, reason=reason)


def _unused_code() -> str:
    for _attempt in range(10):
        code = new_verification_code()
        if not Document.objects.filter(verification_code=code).exists():
            return code
    raise RuntimeError(_('Tidak dapat membuat kode verifikasi unik.'))  # pragma: no cover - 2^50 space


# --- revoking ------------------------------------------------------------------------------
# Sent inside the revoking transaction, so what follows a revocation (the assignment it proved
# ends) commits or rolls back with it. Arguments: actor, document, reason.
document_revoked = Signal()


def _revoke(actor: Actor, doc: Document, reason: str) -> Document:
    doc.status = Document.Status.REVOKED
    doc.revoked_at = timezone.now()
    doc.revoke_reason = reason
    doc.revoked_by = actor.user if actor.user.is_authenticated else None
    doc.save(update_fields=["status", "revoked_at", "revoke_reason", "revoked_by"])
    record_event(region=doc.region, actor=actor.user, verb="document.revoked", obj=doc, reason=reason)
    document_revoked.send(sender=Document, actor=actor, document=doc, reason=reason)
    return doc


def may_revoke(actor: Actor, doc: Document) -> bool:
    """An org administrator, or the official in whose name the letter was issued (the signer, or
    the official a Plh/Plt signed for), or whoever stands in for that official today."""
    return Document.objects.restrict(actor, "revoke").filter(pk=doc.pk).exists()


def revoke_document(*, actor: Actor, document_id: int, reason: str, consequence_of: Document | None = None) -> Document:
    """Revoke (an org admin or the letter's official). The record, files and hash stay;
    verification says DICABUT. ``consequence_of``: a letter revoked because the one it depends on
    was (the actor already proved their right on that one)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_('Alasan pencabutan wajib diisi.'))
    if len(reason) > 1000:
        raise ValidationError(_('Alasan pencabutan paling panjang 1000 karakter.'))
    with transaction.atomic():
        doc = selectors.access_document(actor, document_id) if consequence_of is None else None  # 404 outside reach
        if consequence_of is None and not may_revoke(actor, doc):
            raise PermissionDenied(_('Naskah hanya dapat dicabut oleh admin organisasi atau pejabat penanda tangannya.'))
        doc = Document.objects.select_for_update().get(pk=document_id, region=actor.region)
        if doc.is_revoked:
            raise ValidationError(_('Naskah ini sudah dicabut.'))
        return _revoke(actor, doc, reason)


# --- letterheads -----------------------------------------------------------------------------
def logo_mime(data: bytes) -> str:
    """The MIME type of a PNG/JPEG logo of at most 1 MB; ValidationError otherwise."""
    from PIL import Image, UnidentifiedImageError

    if not data:
        raise ValidationError("Berkas logo kosong.")
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationError(_('Logo paling besar 1 MB.'))
    try:
        import io

        with Image.open(io.BytesIO(data)) as img:
            fmt = img.format
            img.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(_('Logo harus berkas gambar PNG atau JPEG yang utuh.')) from exc
    if fmt not in LOGO_TYPES:
        raise ValidationError(_('Logo harus berformat PNG atau JPEG.'))
    return LOGO_TYPES[fmt]


def upload_letterhead(*, actor: Actor, government_name: str, pd_name: str = "", address: str = "", contact: str = "",
                      logo: bytes | None = None, unit: Unit | None = None, phone: str = "", email: str = "",
                      website: str = "") -> Letterhead:
    """A new kop version: name, address, telephone, e-mail, website (what a regional kop
    carries), logo; per perangkat daerah or the region's default."""
    require_org_admin(actor)
    from django.core.validators import validate_email

    if email.strip():
        try:
            validate_email(email.strip())
        except ValidationError as exc:
            raise ValidationError(_('Surel kop surat tidak valid.')) from exc
    for value, label, limit in ((phone, "Telepon", 100), (email, "Surel", 150), (website, "Laman", 150)):
        if len(value.strip()) > limit:
            raise ValidationError(_('%(label)s kop surat paling panjang %(limit)s karakter.') % {"label": label, "limit": limit})
    if unit is not None and unit.region_id != actor.region.pk:
        raise ValidationError(_('Perangkat daerah bukan dari pemerintah daerah ini.'))
    if not government_name.strip():
        raise ValidationError(_('Nama pemerintah daerah wajib diisi.'))
    mime = logo_mime(logo) if logo else ""
    with transaction.atomic():
        current = Letterhead.objects.select_for_update().filter(region=actor.region, unit=unit)
        last = current.aggregate(v=Max("version"))["v"] or 0
        previous = current.filter(is_active=True).order_by("-version").first()
        if not logo and previous is not None and previous.logo:
            logo, mime = bytes(previous.logo), previous.logo_mime  # keep the logo when only text changes
        current.update(is_active=False)
        head = Letterhead.objects.create(
            region=actor.region, unit=unit, version=last + 1, government_name=government_name.strip(),
            pd_name=pd_name.strip(), address=address.strip(), phone=phone.strip(), email=email.strip(),
            website=website.strip(), contact=contact.strip(), logo=logo or b"",
            logo_mime=mime, created_by=actor.user,
        )
        record_event(region=actor.region, actor=actor.user, verb="letterhead.uploaded", obj=head, changes={"version": head.version})
    return head


# --- templates -------------------------------------------------------------------------------
def docx_template_error(data: bytes) -> str | None:
    import io
    import zipfile

    if not data:
        return _("Berkas DOCX kosong.")
    if len(data) > MAX_TEMPLATE_BYTES:
        return _("Templat DOCX paling besar 2 MB.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if "word/document.xml" not in zf.namelist():
                return _("Berkas bukan dokumen DOCX (word/document.xml tidak ada).")
    except zipfile.BadZipFile:
        return _("Berkas bukan dokumen DOCX yang sah.")
    return None


def upload_template(*, actor: Actor, kind: str, engine: str, content: str = "", docx: bytes = b"", note: str = "") -> LetterTemplate:
    """A new version for the region, checked by rendering the sample letter, then activated."""
    from sikerja.letters.samples import sample_context

    require_org_admin(actor)
    if kind not in DocumentKind.values:
        raise ValidationError(_("Jenis naskah '%(kind)s' tidak dikenal.") % {"kind": kind})
    if engine == LetterTemplate.Engine.HTML:
        if not content.strip():
            raise ValidationError(_('Isi templat HTML wajib diisi.'))
        if len(content) > MAX_TEMPLATE_BYTES:
            raise ValidationError(_('Templat HTML paling besar 2 MB.'))
        try:
            check_html_template(content)
            render_pdf(sample_context(actor.region, kind), content)
        except TemplateProblem as exc:
            raise ValidationError(str(exc)) from exc
        except Exception as exc:  # any render failure of an untrusted template is bad input
            raise ValidationError(_('Templat tidak dapat dirender: %(exc)s') % {"exc": exc}) from exc
    elif engine == LetterTemplate.Engine.DOCX:
        problem = docx_template_error(docx)
        if problem:
            raise ValidationError(problem)
        try:
            render_docx(sample_context(actor.region, kind), docx)
        except TemplateProblem as exc:
            raise ValidationError(str(exc)) from exc
    else:
        raise ValidationError(_('Mesin templat harus html atau docx.'))
    with transaction.atomic():
        mine = LetterTemplate.objects.select_for_update().filter(region=actor.region, kind=kind, engine=engine)
        last = mine.aggregate(v=Max("version"))["v"] or 0
        mine.filter(is_active=True).update(is_active=False)
        tpl = LetterTemplate.objects.create(
            region=actor.region, kind=kind, engine=engine, version=last + 1, content=content if engine == "html" else "",
            docx=docx if engine == "docx" else b"", note=note[:300], is_active=True, created_by=actor.user,
        )
        record_event(region=actor.region, actor=actor.user, verb="letter_template.uploaded", obj=tpl, changes={"version": tpl.version})
    return tpl


def activate_template(*, actor: Actor, template_id: int) -> LetterTemplate:
    """Roll back (or forward) to one version of the region's templates."""
    require_org_admin(actor)
    with transaction.atomic():
        tpl = LetterTemplate.objects.select_for_update().filter(pk=template_id, region=actor.region).first()
        if tpl is None:
            from django.http import Http404

            raise Http404(_('Templat tidak ditemukan.'))
        LetterTemplate.objects.filter(region=actor.region, kind=tpl.kind, engine=tpl.engine, is_active=True).update(is_active=False)
        tpl.is_active = True
        tpl.save(update_fields=["is_active"])
        record_event(region=actor.region, actor=actor.user, verb="letter_template.activated", obj=tpl, changes={"version": tpl.version})
    return tpl


def use_builtin_template(*, actor: Actor, kind: str, engine: str) -> None:
    """Back to the built-in template: no region version active."""
    require_org_admin(actor)
    with transaction.atomic():
        n = LetterTemplate.objects.filter(region=actor.region, kind=kind, engine=engine, is_active=True).update(is_active=False)
        if n:
            from sikerja.tenancy.models import Region

            record_event(region=actor.region, actor=actor.user, verb="letter_template.builtin", obj=Region.objects.get(pk=actor.region.pk),
                         changes={"kind": kind, "engine": engine})
