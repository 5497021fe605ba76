from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from sikerja.accounts import views as account_views
from sikerja.accounts.oidc import views as sso_views
from sikerja.api.router import api
from sikerja.web import health, language

urlpatterns = [
    path("masuk/", account_views.LoginView.as_view(), name="login"),
    path("masuk/sso/<slug:slug>/", sso_views.start, name="sso_start"),
    path("masuk/sso/<slug:slug>/kembali/", sso_views.callback, name="sso_callback"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("data/", include("sikerja.organisation.io.urls")),
    path("kedudukan/", include("sikerja.organisation.kedudukan_urls")),
    path("surat/", include("sikerja.letters.urls")),
    path("penugasan/tim-tetap/", include("sikerja.assignments.standing_urls")),
    path("penugasan/", include("sikerja.assignments.urls")),
    path("pelaksanaan/", include("sikerja.execution.urls")),
    path("proses-bisnis/", include("sikerja.processes.urls")),
    path("kinerja/", include("sikerja.performance.urls")),
    path("verifikasi/", include("sikerja.letters.public_urls")),
    path("akun/", include("sikerja.accounts.urls")),
    path("notifikasi/", include("sikerja.notifications.urls")),
    path("bantuan/", include("sikerja.guide.urls")),
    path("kesehatan/", health.health, name="health"),
    path("bahasa/", language.switch_language, name="set_language"),
    path("log/", include("sikerja.audit.urls")),
    path("profil-regulasi/daerah/", include("sikerja.tenancy.urls")),
    path("", include("sikerja.web.urls")),
]
