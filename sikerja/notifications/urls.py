from django.urls import path

from sikerja.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/buka/", views.open_one, name="open"),
    path("baca-semua/", views.read_all, name="read_all"),
    path("pengaturan/", views.save_settings, name="settings"),
]
