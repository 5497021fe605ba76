"""Account pages: sign in, my account (password, sessions, API tokens, second factor), and the
region's account administration for the admin BKPSDM. Thin: parse, call a service, render."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sikerja.accounts import rules, services
from sikerja.accounts.forms import CodeForm, DeliveryForm, GrantRoleForm, LoginForm, ReasonForm, TokenForm
from sikerja.accounts.models import ApiToken, RoleAssignment, UserPreference
from sikerja.accounts.second_factor import confirm_totp, new_totp_device, pending_totp_device, qr_svg, verify_code
from sikerja.inputs import SEARCH_TEXT, InputError
from sikerja.notifications.views import _menu
from sikerja.web.decorators import page_context, region_view
from sikerja.web.language import remember_language


class LoginView(auth_views.LoginView):
    template_name = "web/login.html"
    authentication_form = LoginForm

    def get_context_data(self, **kwargs):
        from sikerja.accounts.models import IdentityProvider

        ctx = super().get_context_data(**kwargs)
        ctx["identity_providers"] = list(
            IdentityProvider.objects.filter(is_active=True, region__is_active=True)
            .select_related("region")
            .order_by("region__name")
        )
        return ctx

    def form_valid(self, form):
        response = super().form_valid(form)
        if form.cleaned_data.get("remember_me"):
            self.request.session.set_expiry(settings.SIKERJA_REMEMBER_ME_AGE)
        else:
            self.request.session.set_expiry(None)  # SESSION_COOKIE_AGE of inactivity
        preference = UserPreference.objects.filter(user=form.get_user()).first()
        if preference is not None:  # the language this person chose, on whatever device (PLT-5)
            remember_language(response, preference.language)
        return response


PasswordChangeView = auth_views.PasswordChangeView.as_view(
    template_name="accounts/password_change.html", success_url=reverse_lazy("accounts:password_changed")
)
PasswordResetView = auth_views.PasswordResetView.as_view(
    template_name="accounts/password_reset.html",
    email_template_name="accounts/email_password_reset.txt",
    subject_template_name="accounts/email_password_reset_subject.txt",
    success_url=reverse_lazy("accounts:password_reset_done"),
)
PasswordResetDoneView = auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html")
PasswordResetConfirmView = auth_views.PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html", success_url=reverse_lazy("accounts:password_reset_complete")
)
PasswordResetCompleteView = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)


@login_required
def password_changed(request):
    messages.success(request, _("Kata sandi Anda telah diganti."))
    return redirect("accounts:mine")


# --- my account ----------------------------------------------------------------------------
@login_required
def mine(request):
    sessions = services.active_sessions(request.user)
    tokens = list(ApiToken.objects.filter(user=request.user).order_by("-created_at"))
    return render(
        request,
        "accounts/mine.html",
        {
            "nav": "akun",
            "sessions": sessions,
            "current_key": request.session.session_key,
            "tokens": tokens,
            "token_form": TokenForm(),
            "has_totp": _has_confirmed_totp(request.user),
            "help_topic": "akun",
            **_menu(request),
        },
    )


def _has_confirmed_totp(user) -> bool:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


@login_required
@require_POST
def end_other_sessions(request):
    n = services.end_other_sessions(user=request.user, current_key=request.session.session_key)
    messages.success(request, _("%(n)s sesi lain diakhiri.") % {"n": n})
    return redirect("accounts:mine")


@login_required
@require_POST
def token_create(request):
    form = TokenForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, "Isian token tidak valid: " + "; ".join(e for errs in form.errors.values() for e in errs)
        )
        return redirect("accounts:mine")
    try:
        token, raw = services.issue_own_token(
            user=request.user, name=form.cleaned_data["name"], days=form.cleaned_data["days"]
        )
    except (services.AccountError, ValueError) as exc:
        messages.error(request, str(exc))
        return redirect("accounts:mine")
    return render(request, "accounts/token_created.html", {"nav": "akun", "token": token, "raw": raw, **_menu(request)})


@login_required
@require_POST
def token_revoke(request, pk):
    token = services.revoke_own_token(user=request.user, token_id=pk)
    messages.success(request, _("Token %(name)s dicabut.") % {"name": token.name})
    return redirect("accounts:mine")


# --- second factor -------------------------------------------------------------------------
def _safe_next(request) -> str:
    nxt = request.POST.get("next") or request.GET.get("next") or ""
    return nxt if url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}) else reverse("web:home")


@login_required
def second_factor(request):
    """Set up TOTP (first time) or enter a code from the app or a recovery code."""
    form = CodeForm(request.POST or None)
    has_device = _has_confirmed_totp(request.user)
    device = None if has_device else (pending_totp_device(request.user) or new_totp_device(request.user))
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"].strip().replace(" ", "")
        if has_device:
            if verify_code(request, code):
                return redirect(_safe_next(request))
            form.add_error("code", "Kode salah atau sudah kedaluwarsa.")
        else:
            recovery = confirm_totp(request, device, code)
            if recovery is not None:
                return render(request, "accounts/recovery_codes.html", {"codes": recovery, "next": _safe_next(request)})
            form.add_error("code", "Kode salah; periksa jam ponsel Anda dan coba lagi.")
    return render(
        request,
        "accounts/second_factor.html",
        {
            "form": form,
            "setup": not has_device,
            "device": device,
            "qr": qr_svg(device) if device else "",
            "next": _safe_next(request),
        },
    )


# --- account administration for the region ------------------------------------------------
def _admin_ctx(actor, **extra):
    return page_context(actor, "akun-admin", **extra)


def _require_admin(actor):
    services.require_account_admin(actor)


@region_view
def admin_index(request, actor):
    _require_admin(actor)
    q = request.GET.get("q", "").strip()[:SEARCH_TEXT]
    users = services.users_of_region(actor.region).select_related("employee").order_by("username")
    without = services.employees_without_login(actor.region).select_related("unit").order_by("name")
    if q:
        users = users.filter(username__icontains=q) | users.filter(first_name__icontains=q)
        without = without.filter(name__icontains=q) | without.filter(nip__startswith=q)
    return render(
        request,
        "accounts/admin_index.html",
        _admin_ctx(
            actor,
            q=q,
            users=Paginator(users, 50).get_page(request.GET.get("hal")),
            without=Paginator(without, 50).get_page(request.GET.get("hal_tanpa")),
            without_count=services.employees_without_login(actor.region).count(),
            delivery_form=DeliveryForm(),
            help_topic="admin-bkpsdm",
        ),
    )


def _ints(value) -> int | None:
    try:
        n = int(value)
    except (TypeError, ValueError):
        return None
    return n if 0 < n < 2**63 else None


@region_view
@require_POST
def admin_create_login(request, actor, employee_pk):
    _require_admin(actor)
    form = DeliveryForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Pilih cara penyampaian kata sandi."))
        return redirect("accounts:admin")
    try:
        issued = services.create_login(actor=actor, employee_id=employee_pk, delivery=form.cleaned_data["delivery"])
    except services.AccountError as exc:
        messages.error(request, str(exc))
        return redirect("accounts:admin")
    return render(request, "accounts/issued.html", _admin_ctx(actor, issued=[issued], skipped=[], left=None))


@region_view
@require_POST
def admin_create_all(request, actor):
    _require_admin(actor)
    form = DeliveryForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Pilih cara penyampaian kata sandi."))
        return redirect("accounts:admin")
    try:
        issued, skipped, left = services.create_logins_for_all(actor=actor, delivery=form.cleaned_data["delivery"])
    except services.AccountError as exc:
        messages.error(request, str(exc))
        return redirect("accounts:admin")
    return render(request, "accounts/issued.html", _admin_ctx(actor, issued=issued, skipped=skipped, left=left))


@region_view
def admin_user(request, actor, user_pk):
    _require_admin(actor)
    user = services._user_in_region(actor, user_pk)
    roles = RoleAssignment.objects.filter(user=user, region=actor.region).select_related("unit").order_by("role")
    return render(
        request,
        "accounts/admin_user.html",
        _admin_ctx(
            actor,
            subject=user,
            roles=roles,
            grant_form=GrantRoleForm(),
            reason_form=ReasonForm(),
            delivery_form=DeliveryForm(),
            grantable=rules.grantable_roles(actor.roles, is_superuser=actor.is_superadmin),
            employee=getattr(user, "employee", None),
        ),
    )


def _user_action(request, actor, user_pk, fn):
    _require_admin(actor)
    try:
        result = fn()
    except (services.AccountError, InputError) as exc:
        messages.error(request, "; ".join(exc.messages) if isinstance(exc, InputError) else str(exc))
        return redirect("accounts:admin_user", user_pk)
    return result


@region_view
@require_POST
def admin_reset(request, actor, user_pk):
    form = DeliveryForm(request.POST)
    delivery = form.cleaned_data["delivery"] if form.is_valid() else ""

    def go():
        password = services.reset_password(actor=actor, user_id=user_pk, delivery=delivery)
        if password:
            subject = services._user_in_region(actor, user_pk)
            return render(
                request,
                "accounts/issued.html",
                _admin_ctx(
                    actor,
                    issued=[
                        services.Issued(employee=getattr(subject, "employee", None), user=subject, password=password)
                    ],
                    skipped=[],
                    left=None,
                    reset=True,
                ),
            )
        messages.success(request, _("Tautan pengaturan kata sandi dikirim ke surel pengguna."))
        return redirect("accounts:admin_user", user_pk)

    return _user_action(request, actor, user_pk, go)


@region_view
@require_POST
def admin_deactivate(request, actor, user_pk):
    form = ReasonForm(request.POST)

    def go():
        if not form.is_valid():
            raise services.AccountError("Alasan penonaktifan wajib diisi (paling panjang 500 karakter).")
        services.deactivate_login(actor=actor, user_id=user_pk, reason=form.cleaned_data["reason"])
        messages.success(request, _("Akun dinonaktifkan. Riwayat pegawai tetap tersimpan."))
        return redirect("accounts:admin_user", user_pk)

    return _user_action(request, actor, user_pk, go)


@region_view
@require_POST
def admin_reactivate(request, actor, user_pk):
    def go():
        services.reactivate_login(actor=actor, user_id=user_pk)
        messages.success(request, _("Akun diaktifkan kembali."))
        return redirect("accounts:admin_user", user_pk)

    return _user_action(request, actor, user_pk, go)


@region_view
@require_POST
def admin_grant(request, actor, user_pk):
    form = GrantRoleForm(request.POST)

    def go():
        if not form.is_valid():
            raise services.AccountError("Pilih peran yang dikenal dan, bila perlu, nomor unit yang benar.")
        services.grant_role(
            actor=actor, user_id=user_pk, role=form.cleaned_data["role"], unit_id=form.cleaned_data["unit"]
        )
        messages.success(request, _("Peran diberikan."))
        return redirect("accounts:admin_user", user_pk)

    return _user_action(request, actor, user_pk, go)


@region_view
@require_POST
def admin_withdraw(request, actor, user_pk, ra_pk):
    def go():
        ra = RoleAssignment.objects.filter(pk=ra_pk, user_id=user_pk, region=actor.region).first()
        if ra is None:
            raise PermissionDenied("Peran tidak ditemukan.")
        services.withdraw_role(actor=actor, role_assignment_id=ra.pk, reason=request.POST.get("reason", ""))
        messages.success(request, _("Peran dicabut."))
        return redirect("accounts:admin_user", user_pk)

    return _user_action(request, actor, user_pk, go)
