"""Pages of penugasan (filled by the UI)."""

app_name = "penugasan"
urlpatterns: list = []
