"""The event log page, mounted at /log/."""

from django.urls import path

from sikerja.audit import views

app_name = "audit"
urlpatterns = [path("", views.event_log, name="log")]
