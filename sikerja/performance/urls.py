"""Pages of pengelolaan kinerja (issue 13), mounted at /kinerja/."""

from django.urls import path

from sikerja.performance import document_views, mph_views, views

app_name = "kinerja"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("skp/baru/", views.draft, name="draft"),
    path("skp/<int:pk>/", views.skp, name="skp"),
    path("skp/<int:pk>/skp.pdf", document_views.skp_pdf, name="skp_pdf"),
    path("skp/<int:pk>/skp.docx", document_views.skp_docx, name="skp_docx"),
    path("skp/<int:pk>/evaluasi/<int:evaluation_pk>.pdf", document_views.evaluation_pdf, name="evaluation_pdf"),
    path("skp/<int:pk>/evaluasi/<int:evaluation_pk>.docx", document_views.evaluation_docx, name="evaluation_docx"),
    path("skp/<int:pk>/<slug:step>/", views.skp_step, name="step"),
    path("penilaian/", views.inbox, name="inbox"),
    path("kurva/", views.curve_page, name="curve"),
    path("kurva/penetapan.pdf", document_views.penetapan_pdf, name="penetapan_pdf"),
    path("kurva/penetapan.docx", document_views.penetapan_docx, name="penetapan_docx"),
    path("kurva/ekspor.xlsx", document_views.curve_xlsx, name="curve_xlsx"),
    path("mph/", mph_views.mph, name="mph"),
    path("periode/", views.periods, name="periods"),
    path("periode/draf-skp/", views.prepare_drafts, name="prepare_drafts"),
]
