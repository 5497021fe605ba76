def region(request):
    """Expose the acting region to every template, without failing for anonymous users."""
    actor = getattr(request, "_sikerja_actor", None)
    return {"actor": actor, "current_region": actor.region if actor else None}
