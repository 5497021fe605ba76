from django.urls import path

from sikerja.organisation.io import views

app_name = "io"
urlpatterns = [
    path("", views.index, name="index"),
    path("impor/", views.upload, name="upload"),
    path("impor/<int:batch_id>/", views.batch, name="batch"),
    path("impor/<int:batch_id>/terapkan/", views.apply, name="apply"),
    path("impor/<int:batch_id>/galat.csv", views.batch_errors, name="batch_errors"),
    path("ekspor/<slug:sheet>.<slug:fmt>", views.export, name="export"),
]
