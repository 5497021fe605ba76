"""Public (no login) verification pages, mounted at /verifikasi/."""

from django.urls import path

from sikerja.letters import public_views

app_name = "verify"
urlpatterns = [
    path("", public_views.verify_form, name="form"),
    path("<str:code>/", public_views.verify_detail, name="detail"),
]
