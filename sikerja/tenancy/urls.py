"""The region's own regulation profile (PLT-6), mounted at /profil-regulasi/daerah/."""

from django.urls import path

from sikerja.tenancy import views

app_name = "profil"
urlpatterns = [
    path("", views.edit, name="edit"),
    path("buat/", views.derive, name="derive"),
    path("ubah/<slug:key>/", views.edit_setting, name="setting"),
    path("versi/", views.versions, name="versions"),
    path("versi/<int:history_id>/kembalikan/", views.revert, name="revert"),
]
