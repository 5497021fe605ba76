"""Pages of pelaksanaan (issue 12), mounted at /pelaksanaan/."""

from django.urls import path

from sikerja.execution import views

app_name = "pelaksanaan"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("menunggu-reviu/", views.reviews, name="reviews"),
    path("penugasan/<int:assignment_pk>/", views.from_assignment, name="from_assignment"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/laporan/", views.report, name="report"),
    path("<int:pk>/hasil/", views.submit, name="submit"),
    path("<int:pk>/periode/", views.period, name="period"),
    path("laporan/<int:report_pk>/umpan-balik/", views.feedback, name="feedback"),
    path("reviu/<int:review_pk>/putuskan/", views.decide, name="decide"),
    path("bukti/<int:evidence_pk>/", views.evidence, name="evidence"),
]
