from django.urls import path

from sikerja.organisation import employee_views
from sikerja.web import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("daerah/pilih/", views.switch_region, name="switch_region"),
    path("organisasi/", views.unit_tree, name="unit_tree"),
    path("organisasi/unit/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("organisasi/unit/<int:pk>/anak/", views.unit_children, name="unit_children"),
    path("organisasi/unit/<int:pk>/bagan/", views.org_chart, name="org_chart"),
    path("pegawai/", views.employee_list, name="employee_list"),
    path("pegawai/<int:pk>/", views.employee_detail, name="employee_detail"),
    path("pegawai/<int:pk>/kelola/", employee_views.manage, name="employee_manage"),
    path("pegawai/<int:pk>/kelola/jabatan/", employee_views.unit_positions, name="employee_unit_positions"),
    path("pegawai/<int:pk>/kelola/ubah/", employee_views.edit, name="employee_edit"),
    path("pegawai/<int:pk>/kelola/mutasi/", employee_views.move, name="employee_move"),
    path("pegawai/<int:pk>/kelola/nonaktifkan/", employee_views.deactivate, name="employee_deactivate"),
    path("profil-regulasi/", views.profile, name="profile"),
]
