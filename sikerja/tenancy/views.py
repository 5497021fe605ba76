"""Pages of the profile editor for the region's administrator (PLT-6), under /profil-regulasi/daerah/.
Only the admin organisasi or superadmin of the region (403 for others); a version of another
region's profile is a 404. Thin: a form, a service, a selector."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from sikerja.accounts.access import may_edit_profile
from sikerja.tenancy import profile_selectors as sel
from sikerja.tenancy import profile_services as services
from sikerja.tenancy.labels import SETTING_LABELS
from sikerja.tenancy.profile_forms import DeriveForm, RevertForm, SettingForm
from sikerja.tenancy.profile_schema import SCHEMA
from sikerja.web.decorators import page_context, region_view


def _guard(actor):
    if not may_edit_profile(actor):
        raise PermissionDenied(services.DENIED)


def _own(actor):
    return sel.own_profile(actor)


def _messages(exc: ValidationError) -> list[str]:
    return [str(m) for m in exc.messages]


@region_view
@require_http_methods(["GET", "POST"])
def derive(request, actor):
    _guard(actor)
    base = actor.region.profile
    if not base.is_builtin:
        return redirect("profil:edit")
    form = DeriveForm(request.POST or None, initial={"name": base.name, "legal_basis": base.legal_basis})
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            services.derive_profile(actor=actor, **form.cleaned_data)
            return redirect("profil:edit")
        except ValidationError as exc:
            errors = _messages(exc)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "tenancy/derive.html",
        page_context(actor, "profile", base=base, form=form, errors=errors),
        status=status,
    )


@region_view
def edit(request, actor):
    """The region's own profile: each setting with its value, article and an "Ubah" link."""
    _guard(actor)
    profile = _own(actor)
    if profile is None:
        return redirect("profil:derive")
    rows = [
        {"key": key, "label": sel.label(key), **sel.entry_words(profile.settings.get(key))}
        for key in list(SETTING_LABELS) + [k for k in SCHEMA if k not in SETTING_LABELS]
    ]
    return render(
        request,
        "tenancy/edit.html",
        page_context(actor, "profile", prof=profile, rows=rows, update=sel.builtin_update(profile)),
    )


@region_view
@require_http_methods(["GET", "POST"])
def edit_setting(request, actor, key):
    _guard(actor)
    profile = _own(actor)
    if profile is None:
        return redirect("profil:derive")
    if key not in SCHEMA:
        raise Http404(gettext("Pengaturan tidak ditemukan."))
    entry = profile.settings.get(key) or {"value": None, "silent": True}
    form = SettingForm(request.POST or None, key=key, entry=entry, initial={"version": profile.version})
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        e = form.cleaned_data["entry"]
        try:
            services.edit_setting(
                actor=actor, key=key, value=e["value"], article=e.get("article") or "", note=e.get("note") or "",
                silent=bool(e.get("silent")), reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data.get("version"),
            )  # fmt: skip
            return redirect(reverse("profil:edit") + f"#s-{key}")
        except ValidationError as exc:
            errors = _messages(exc)
    return render(
        request,
        "tenancy/setting.html",
        page_context(
            actor,
            "profile",
            prof=profile,
            form=form,
            errors=errors,
            setting_label=sel.label(key),
            current=sel.entry_words(entry),
            key=key,
        ),  # fmt: skip
        status=400 if request.method == "POST" else 200,
    )


def _pick(profile, records, value, default):
    if not value:
        return default
    try:
        wanted = int(value)
    except ValueError:
        raise Http404(gettext("Versi profil tidak ditemukan.")) from None
    if not 1 <= wanted <= 2**31 - 1:
        raise Http404(gettext("Versi profil tidak ditemukan."))
    return next((r for r in records if r.history_id == wanted), None) or sel.version_record(profile, wanted)


@region_view
def versions(request, actor):
    """The versions, and what changed between two of them (by default: the last change)."""
    _guard(actor)
    profile = _own(actor)
    if profile is None:
        return redirect("profil:derive")
    records = sel.versions(profile)
    new = _pick(profile, records, request.GET.get("ke"), records[0] if records else None)
    older = [r for r in records if new is not None and r.history_id < new.history_id]
    old = _pick(profile, records, request.GET.get("dari"), older[0] if older else None)
    changes = sel.diff(old.settings if old else {}, new.settings) if new and old else []
    return render(
        request,
        "tenancy/versions.html",
        page_context(
            actor,
            "profile",
            prof=profile,
            records=records,
            old=old,
            new=new,
            changes=changes,
            revert=RevertForm(initial={"version": profile.version}),
        ),  # fmt: skip
    )


@region_view
@require_POST
def revert(request, actor, history_id):
    _guard(actor)
    profile = _own(actor)
    if profile is None:
        raise Http404(gettext("Profil daerah tidak ditemukan."))
    record = sel.version_record(profile, history_id)
    form = RevertForm(request.POST)
    errors: list[str] = []
    if form.is_valid():
        try:
            services.revert_to(
                actor=actor, history_id=record.history_id, reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data.get("version"),
            )  # fmt: skip
            return redirect("profil:versions")
        except ValidationError as exc:
            errors = _messages(exc)
    else:
        errors = [m for field in form.errors.values() for m in field]
    records = sel.versions(profile)
    return render(
        request,
        "tenancy/versions.html",
        page_context(
            actor,
            "profile",
            prof=profile,
            records=records,
            old=None,
            new=None,
            changes=[],
            revert=form,
            errors=errors,
        ),  # fmt: skip
        status=400,
    )
