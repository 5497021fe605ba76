"""The administrator's page for the region's identity provider."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from sikerja.accounts.access import regions_of
from sikerja.accounts.models import IdentityProvider
from sikerja.accounts.oidc import services
from sikerja.accounts.oidc.forms import IdentityProviderForm
from sikerja.web.decorators import region_view


@region_view
def configure(request, actor):
    if not services.may_configure(actor):
        raise PermissionDenied(_("Penyedia identitas daerah hanya dapat diatur oleh admin BKPSDM."))
    provider = IdentityProvider.objects.filter(region=actor.region).first()
    initial = (
        {"label": provider.label, "issuer": provider.issuer, "client_id": provider.client_id, "match": provider.match,
         "is_active": provider.is_active}
        if provider
        else {"match": IdentityProvider.Match.NIP, "is_active": True}
    )
    form = IdentityProviderForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.configure(actor=actor, **form.cleaned_data)
            except ValidationError as exc:
                for message in exc.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("Penyedia identitas daerah disimpan."))
                return redirect("accounts:sso")
    callback = request.build_absolute_uri(reverse("sso_callback", args=[actor.region.slug]))
    return render(
        request,
        "accounts/sso_configure.html",
        {"nav": "akun", "regions": regions_of(actor.user), "form": form, "provider": provider, "callback": callback},
        status=status,
    )
