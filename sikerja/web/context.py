def region(request):
    """Expose the acting region to every template, without failing for anonymous users."""
    actor = getattr(request, "_sikerja_actor", None)
    user = getattr(request, "user", None)
    if actor is None and user is not None and user.is_authenticated:
        # A page outside the region views (an unknown address, an error page) still shows the
        # menu of a signed-in person.
        from sikerja.accounts.access import NoRegion, actor_from_request

        try:
            actor = actor_from_request(request)
        except NoRegion:
            actor = None
    return {"actor": actor, "current_region": actor.region if actor else None}
