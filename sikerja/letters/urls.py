from django.urls import path

from sikerja.letters import views

app_name = "letters"
urlpatterns = [
    path("", views.document_list, name="list"),
    path("<int:pk>/", views.document_detail, name="detail"),
    path("<int:pk>/pdf/", views.document_file, {"fmt": "pdf"}, name="pdf"),
    path("<int:pk>/docx/", views.document_file, {"fmt": "docx"}, name="docx"),
    path("<int:pk>/cabut/", views.document_revoke, name="revoke"),
    path("contoh/", views.sample, name="sample"),
    path("pengaturan/", views.admin_index, name="admin"),
    path("pengaturan/kop/", views.letterhead_upload, name="letterhead_upload"),
    path("pengaturan/kop/<int:pk>/logo/", views.letterhead_logo, name="letterhead_logo"),
    path("pengaturan/templat/", views.template_upload, name="template_upload"),
    path("pengaturan/templat/<int:pk>/aktifkan/", views.template_activate, name="template_activate"),
    path("pengaturan/templat/bawaan/", views.template_builtin, name="template_builtin"),
    path("pengaturan/templat/pratinjau/", views.template_preview, name="template_preview"),
    path("pengaturan/templat/docx-bawaan/<str:kind>/", views.default_docx, name="default_docx"),
]
