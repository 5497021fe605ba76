from django.urls import path

from sikerja.accounts import views
from sikerja.accounts.oidc import admin_views as sso_admin_views

app_name = "accounts"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("sandi/", views.PasswordChangeView, name="password_change"),
    path("sandi/diganti/", views.password_changed, name="password_changed"),
    path("sandi/lupa/", views.PasswordResetView, name="password_reset"),
    path("sandi/lupa/terkirim/", views.PasswordResetDoneView, name="password_reset_done"),
    path("sandi/atur/<uidb64>/<token>/", views.PasswordResetConfirmView, name="password_reset_confirm"),
    path("sandi/atur/selesai/", views.PasswordResetCompleteView, name="password_reset_complete"),
    path("sesi/akhiri-lain/", views.end_other_sessions, name="end_other_sessions"),
    path("token/", views.token_create, name="token_create"),
    path("token/<int:pk>/cabut/", views.token_revoke, name="token_revoke"),
    path("dua-langkah/", views.second_factor, name="second_factor"),
    path("kelola/", views.admin_index, name="admin"),
    path("kelola/sso/", sso_admin_views.configure, name="sso"),
    path("kelola/pegawai/<int:employee_pk>/buat/", views.admin_create_login, name="admin_create_login"),
    path("kelola/buat-semua/", views.admin_create_all, name="admin_create_all"),
    path("kelola/pengguna/<int:user_pk>/", views.admin_user, name="admin_user"),
    path("kelola/pengguna/<int:user_pk>/atur-ulang/", views.admin_reset, name="admin_reset"),
    path("kelola/pengguna/<int:user_pk>/nonaktifkan/", views.admin_deactivate, name="admin_deactivate"),
    path("kelola/pengguna/<int:user_pk>/aktifkan/", views.admin_reactivate, name="admin_reactivate"),
    path("kelola/pengguna/<int:user_pk>/peran/", views.admin_grant, name="admin_grant"),
    path("kelola/pengguna/<int:user_pk>/peran/<int:ra_pk>/cabut/", views.admin_withdraw, name="admin_withdraw"),
]
