"""Pages of naskah dinas: list, detail, downloads, revoke, and the administration of
letterheads and templates (org admins). Thin: actor → selector/service → render."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sikerja.accounts.access import regions_of, require_org_admin
from sikerja.letters import rules, selectors, services
from sikerja.letters.docx_default import default_docx_template
from sikerja.letters.forms import LetterheadForm, RevokeForm, TemplateUploadForm
from sikerja.letters.models import Document, DocumentKind, LetterTemplate
from sikerja.letters.samples import sample_file
from sikerja.web.decorators import region_view

PAGE_SIZE = 50
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _ctx(request, actor, **extra):
    return {"nav": "surat", "regions": regions_of(request.user), "actor": actor, "current_region": actor.region, **extra}


def _errors(exc: ValidationError) -> list[str]:
    return list(exc.messages)


def file_response(data: bytes, *, filename: str, mime: str, inline: bool) -> HttpResponse:
    response = HttpResponse(bytes(data), content_type=mime)
    response["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def document_filename(doc: Document, ext: str) -> str:
    safe = "".join(ch if ch.isalnum() else "-" for ch in doc.number).strip("-")
    return f"{doc.kind}-{safe}.{ext}"


@region_view
def document_list(request, actor):
    kind = request.GET.get("jenis", "")
    kind = kind if kind in DocumentKind.values else ""
    status = request.GET.get("status", "")
    status = status if status in Document.Status.values else ""
    q = request.GET.get("q", "").strip()[:100]
    page = Paginator(selectors.document_list(actor, kind=kind, status=status, q=q), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "letters/pages/list.html", _ctx(
        request, actor, page=page, kind=kind, status=status, q=q, kinds=DocumentKind.choices, statuses=Document.Status.choices,
        demo_mode=settings.SIKERJA_DEMO, help_topic="naskah",
    ))


@region_view
def document_detail(request, actor, pk):
    doc = selectors.access_document(actor, pk)
    return render(request, "letters/pages/detail.html", _ctx(
        request, actor, doc=doc, revoke_form=RevokeForm(), replaced_by=list(doc.replaced_by.only("pk", "number")),
        help_topic="naskah",
    ))


@region_view
def document_file(request, actor, pk, fmt):
    doc = selectors.access_document(actor, pk, with_files=True)
    if fmt == "pdf":
        return file_response(doc.pdf, filename=document_filename(doc, "pdf"), mime="application/pdf", inline=request.GET.get("unduh") != "1")
    return file_response(doc.docx, filename=document_filename(doc, "docx"), mime=DOCX_MIME, inline=False)


@region_view
@require_POST
def document_revoke(request, actor, pk):
    selectors.access_document(actor, pk)  # 404 before 403: nothing leaks
    require_org_admin(actor)
    form = RevokeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Alasan pencabutan wajib diisi (paling panjang 1000 karakter)."))
        return redirect("letters:detail", pk=pk)
    try:
        services.revoke_document(actor=actor, document_id=pk, reason=form.cleaned_data["reason"])
        messages.success(request, _("Naskah dicabut. Rekamannya tetap disimpan dan halaman verifikasi menyatakan DICABUT."))
    except ValidationError as exc:
        for m in _errors(exc):
            messages.error(request, m)
    return redirect("letters:detail", pk=pk)


@region_view
def sample(request, actor):
    """A preview of a surat perintah (PDF or DOCX), in demo mode only: CONTOH across every page,
    no number, fictitious people, nothing stored (issue 10 item 1). Outside demo mode it does
    not exist (404)."""
    if not settings.SIKERJA_DEMO:
        raise Http404("Halaman tidak ditemukan.")
    require_org_admin(actor)
    kind = request.GET.get("jenis", DocumentKind.SURAT_PERINTAH)
    engine = "docx" if request.GET.get("berkas") == "docx" else "html"
    if kind not in DocumentKind.values:
        raise Http404("Jenis naskah tidak dikenal.")
    data = sample_file(actor.region, kind, engine)
    if engine == "docx":
        return file_response(data, filename=f"contoh-{kind}.docx", mime=DOCX_MIME, inline=False)
    return file_response(data, filename=f"contoh-{kind}.pdf", mime="application/pdf", inline=True)


# --- administration --------------------------------------------------------------------------
def _pds(actor):
    return actor.units().filter(is_perangkat_daerah=True, is_active=True).order_by("order", "name")


@region_view
def admin_index(request, actor):
    require_org_admin(actor)
    return _admin_page(request, actor)


def _admin_page(request, actor, *, letterhead_form=None, template_form=None, status=200):
    pds = list(_pds(actor))
    return render(request, "letters/pages/admin.html", _ctx(
        request, actor,
        letterhead_form=letterhead_form or LetterheadForm(units=pds, initial={"government_name": f"Pemerintah {actor.region.name}"}),
        template_form=template_form or TemplateUploadForm(),
        letterheads=selectors.letterhead_versions(actor.region),
        templates=selectors.template_versions(actor.region),
        kinds=DocumentKind.choices,
        scheme=selectors.numbering_scheme(actor.region),
        number_example=_number_example(actor, pds),
    ), status=status)


def _number_example(actor, pds) -> str:
    """What the region's numbering produces, shown instead of the pattern's format string."""
    scheme = selectors.numbering_scheme(actor.region)
    code = pds[0].code if pds else "PD"
    return rules.format_number(scheme.pattern, klasifikasi=scheme.default_classification, urut=7, kode_unit=code,
                               date=timezone.localdate())


@region_view
@require_POST
def letterhead_upload(request, actor):
    require_org_admin(actor)
    pds = list(_pds(actor))
    form = LetterheadForm(request.POST, request.FILES, units=pds)
    if form.is_valid():
        data = form.cleaned_data
        unit = next((u for u in pds if u.pk == data["unit"]), None)
        logo = data["logo"].read() if data.get("logo") else None
        try:
            head = services.upload_letterhead(
                actor=actor, government_name=data["government_name"], pd_name=data["pd_name"], address=data["address"],
                phone=data["phone"], email=data["email"], website=data["website"], contact=data["contact"], logo=logo,
                unit=unit,
            )
            messages.success(request, _("Kop surat versi %(version)s disimpan dan dipakai untuk naskah berikutnya.") % {"version": head.version})
            return redirect("letters:admin")
        except ValidationError as exc:
            for m in _errors(exc):
                form.add_error(None, m)
    return _admin_page(request, actor, letterhead_form=form, status=400)


@region_view
def letterhead_logo(request, actor, pk):
    head = selectors.letterhead_versions(actor.region).defer(None).filter(pk=pk).first()
    if head is None or not head.logo:
        raise Http404("Logo tidak ditemukan.")
    return file_response(head.logo, filename=f"logo-v{head.version}", mime=head.logo_mime, inline=True)


@region_view
@require_POST
def template_upload(request, actor):
    require_org_admin(actor)
    form = TemplateUploadForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        raw = data["file"].read() if data.get("file") else b""
        content = data.get("content") or ""
        if data["engine"] == "html" and raw:
            try:
                content = raw.decode("utf-8")
            except UnicodeDecodeError:
                form.add_error("file", "Berkas HTML harus berkode UTF-8.")
        if not form.errors:
            try:
                tpl = services.upload_template(
                    actor=actor, kind=data["kind"], engine=data["engine"], content=content,
                    docx=raw if data["engine"] == "docx" else b"", note=data.get("note") or "",
                )
                messages.success(request, _("Templat %(template)s disimpan dan diaktifkan.") % {"template": tpl})
                return redirect("letters:admin")
            except ValidationError as exc:
                for m in _errors(exc):
                    form.add_error(None, m)
    return _admin_page(request, actor, template_form=form, status=400)


@region_view
@require_POST
def template_activate(request, actor, pk):
    tpl = services.activate_template(actor=actor, template_id=pk)
    messages.success(request, _("Templat %(template)s diaktifkan kembali.") % {"template": tpl})
    return redirect("letters:admin")


@region_view
@require_POST
def template_builtin(request, actor):
    kind, engine = request.POST.get("kind", ""), request.POST.get("engine", "")
    if kind not in DocumentKind.values or engine not in LetterTemplate.Engine.values:
        messages.error(request, _("Jenis naskah atau mesin templat tidak dikenal."))
        return redirect("letters:admin")
    services.use_builtin_template(actor=actor, kind=kind, engine=engine)
    messages.success(request, _("Templat bawaan dipakai kembali."))
    return redirect("letters:admin")


@region_view
def template_preview(request, actor):
    """The sample letter rendered with one template version (or the one in force)."""
    require_org_admin(actor)
    kind = request.GET.get("jenis", "")
    if kind not in DocumentKind.values:
        raise Http404("Jenis naskah tidak dikenal.")
    engine = request.GET.get("mesin", "html")
    tpl = None
    version_id = request.GET.get("versi", "")
    if version_id:
        if not version_id.isdigit() or len(version_id) > 18:
            raise Http404("Versi templat tidak ditemukan.")
        tpl = selectors.template_versions(actor.region).defer(None).filter(pk=int(version_id), kind=kind).first()
        if tpl is None:
            raise Http404("Versi templat tidak ditemukan.")
        engine = tpl.engine
    elif engine in LetterTemplate.Engine.values:
        tpl = selectors.active_template(actor.region, kind, engine)
    else:
        raise Http404("Mesin templat tidak dikenal.")
    data = sample_file(actor.region, kind, engine, template=tpl)
    if engine == "docx":
        return file_response(data, filename=f"contoh-{kind}.docx", mime=DOCX_MIME, inline=False)
    return file_response(data, filename=f"contoh-{kind}.pdf", mime="application/pdf", inline=True)


@region_view
def default_docx(request, actor, kind):
    """The built-in DOCX template with its placeholders, as a starting point for a region's own."""
    if kind not in DocumentKind.values:
        raise Http404("Jenis naskah tidak dikenal.")
    if not actor.can_administer_org:
        raise PermissionDenied("Hanya admin yang dapat mengunduh templat.")
    return file_response(default_docx_template(kind), filename=f"templat-{kind}.docx", mime=DOCX_MIME, inline=False)
