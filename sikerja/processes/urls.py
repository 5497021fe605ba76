"""Pages of proses bisnis and SOP AP (issue 14), mounted at /proses-bisnis/."""

from django.urls import path

from sikerja.processes import sop_views, views

app_name = "proses"
urlpatterns = [
    path("", views.index, name="index"),
    path("baru/", views.process_new, name="process_new"),
    path("relasi/", views.relasi, name="relasi"),
    path("<int:pk>/", views.process_detail, name="process"),
    path("<int:pk>/peserta/", views.participants, name="participants"),
    path("<int:pk>/peta-baru/", views.map_new, name="map_new"),
    path("<int:pk>/sop-baru/", views.sop_new, name="sop_new"),
    path("peta/<int:pk>/", views.map_version, name="map_version"),
    path("peta/<int:pk>/sipoc/", views.map_sipoc, name="map_sipoc"),
    path("peta/<int:pk>/gambar/", views.map_draw, name="map_draw"),
    path("peta/<int:pk>/bpmn/", views.map_bpmn, name="map_bpmn"),
    path("peta/<int:pk>/sahkan/", views.map_approve, name="map_approve"),
    path("peta/<int:pk>/versi-baru/", views.map_new_version, name="map_new_version"),
    path("peta/<int:pk>/reviu/", views.map_review, name="map_review"),
    path("peta/<int:pk>/banding/<int:other>/", views.map_diff, name="map_diff"),
    path("sop/<int:pk>/", sop_views.sop_version, name="sop_version"),
    path("sop/<int:pk>/identitas/", sop_views.sop_identity, name="sop_identity"),
    path("sop/<int:pk>/langkah/", sop_views.sop_steps, name="sop_steps"),
    path("sop/<int:pk>/impor/", sop_views.sop_import, name="sop_import"),
    path("sop/<int:pk>/sahkan/", sop_views.sop_approve, name="sop_approve"),
    path("sop/<int:pk>/versi-baru/", sop_views.sop_new_version, name="sop_new_version"),
    path("sop/<int:pk>/reviu/", sop_views.sop_review, name="sop_review"),
    path("sop/<int:pk>/pdf/", sop_views.sop_pdf, name="sop_pdf"),
    path("sop/<int:pk>/docx/", sop_views.sop_docx, name="sop_docx"),
    path("pemantauan/<int:pk>/", sop_views.monitoring, name="monitoring"),
    path("unit/<int:pk>/", sop_views.unit_section, name="unit_section"),
    path("jabatan/<int:pk>/", sop_views.position_steps, name="position"),
]
