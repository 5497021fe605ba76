"""View decorators: every page resolves the acting user and region in one place."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from sikerja.accounts.access import NoRegion, actor_from_request


def page_context(actor, nav: str, **extra) -> dict:
    """What every page's base template needs: the menu item and the regions to switch between."""
    from sikerja.accounts.access import regions_of

    return {"nav": nav, "regions": regions_of(actor.user), **extra}


def region_view(view):
    """Login required; the view receives ``actor`` (user + region + scope) as second argument."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            actor = actor_from_request(request)
        except NoRegion as exc:
            return render(request, "web/no_region.html", {"message": str(exc)}, status=403)
        return view(request, actor, *args, **kwargs)

    return wrapper
