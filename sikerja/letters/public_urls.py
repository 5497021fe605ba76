"""Public (no login) verification pages, mounted at /verifikasi/."""

from django.urls import path

app_name = "verify"
urlpatterns: list = []
