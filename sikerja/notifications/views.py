"""The notification inbox and each person's e-mail choice. Thin: a selector or a service each."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sikerja.notifications import selectors, services
from sikerja.notifications.forms import SettingsForm


def _menu(request) -> dict:
    """The top bar's region menu, when the user acts in a region (the page works without one)."""
    from sikerja.accounts.access import NoRegion, actor_from_request, regions_of

    try:
        actor_from_request(request)
    except NoRegion:
        return {}
    return {"regions": regions_of(request.user)}


@login_required
def inbox(request):
    prefs = services.settings_for(request.user)
    form = SettingsForm(initial={"email_enabled": prefs.email_enabled, "daily_digest": prefs.daily_digest})
    return render(
        request,
        "notifications/inbox.html",
        {
            "nav": "notif",
            "items": selectors.recent(request.user),
            "form": form,
            "has_address": bool(services.email_address(request.user)),
            "help_topic": "notifikasi",
            **_menu(request),
        },
    )


@login_required
@require_POST
def open_one(request, pk):
    note = services.mark_read(user=request.user, notification_id=pk)
    if note is None:
        raise Http404("Notifikasi tidak ditemukan.")
    if note.url and url_has_allowed_host_and_scheme(note.url, allowed_hosts={request.get_host()}):
        return redirect(note.url)
    return redirect("notifications:inbox")


@login_required
@require_POST
def read_all(request):
    n = services.mark_all_read(user=request.user)
    messages.success(request, _("%(n)s pemberitahuan ditandai sudah dibaca.") % {"n": n})
    return redirect("notifications:inbox")


@login_required
@require_POST
def save_settings(request):
    form = SettingsForm(request.POST)
    if form.is_valid():
        services.update_settings(user=request.user, **form.cleaned_data)
        messages.success(request, _("Pilihan surel disimpan."))
    return redirect("notifications:inbox")
