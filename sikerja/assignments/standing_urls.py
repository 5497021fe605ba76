"""Pages of the standing governance teams (TIK-2, TIK-3), mounted at ``penugasan/tim-tetap/``."""

from django.urls import path

from sikerja.assignments import standing_views as views

app_name = "standing"
urlpatterns = [
    path("", views.team_list, name="list"),
    path("catat/", views.team_new, name="new"),
    path("<int:pk>/", views.team_detail, name="detail"),
]
