from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from sikerja.api.router import api

urlpatterns = [
    path("masuk/", auth_views.LoginView.as_view(template_name="web/login.html"), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("data/", include("sikerja.organisation.io.urls")),
    path("kedudukan/", include("sikerja.organisation.kedudukan_urls")),
    path("surat/", include("sikerja.letters.urls")),
    path("penugasan/tim-tetap/", include("sikerja.assignments.standing_urls")),
    path("penugasan/", include("sikerja.assignments.urls")),
    path("verifikasi/", include("sikerja.letters.public_urls")),
    path("", include("sikerja.web.urls")),
]
