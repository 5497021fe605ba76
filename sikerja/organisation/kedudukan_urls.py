from django.urls import path

from sikerja.organisation import kedudukan_views as views

app_name = "ked"
urlpatterns = [
    path("", views.report, name="report"),
    path("laporan.xlsx", views.report_xlsx, name="report_xlsx"),
    path("pegawai/<int:pk>/", views.place, name="place"),
    path("pegawai/<int:pk>/kedudukan/<int:placement_id>/koreksi/", views.correct, name="correct"),
    path("pegawai/<int:pk>/kedudukan/<int:placement_id>/tarik/", views.withdraw, name="withdraw"),
    path("pendelegasian/", views.delegations, name="delegations"),
    path("pendelegasian/<int:pk>/cabut/", views.revoke, name="revoke"),
    path("pola/", views.patterns, name="patterns"),
    path("dinilai/", views.my_reports, name="my_reports"),
]
