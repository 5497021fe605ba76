"""Pages of penugasan (issue 5), mounted at /penugasan/."""

from django.urls import path

from sikerja.assignments import lifecycle_views, views

app_name = "penugasan"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("baru/", views.propose, name="propose"),
    path("baru/calon/", views.candidates, name="candidates"),
    path("baru/anggota/", views.member_row, name="member_row"),
    path("baru/calon-ketua/", views.ketua, name="ketua"),
    path("ajukan/", views.apply, name="apply"),
    path("ajukan/langkah/", views.voluntary_steps, name="voluntary_steps"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/langkah/<int:step_pk>/putuskan/", views.decide, name="decide"),
    path("<int:pk>/langkah/<int:step_pk>/terbitkan/", views.issue, name="issue"),
    path("<int:pk>/batalkan/", views.cancel, name="cancel"),
    path("<int:pk>/ubah/", lifecycle_views.amend, name="amend"),
    path("<int:pk>/cabut/", lifecycle_views.revoke, name="revoke"),
    path("<int:pk>/proses-bisnis/", lifecycle_views.name_process, name="name_process"),
]
