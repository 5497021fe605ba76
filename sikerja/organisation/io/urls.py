from django.urls import path

from sikerja.organisation.io import views

app_name = "io"
urlpatterns = [
    path("", views.index, name="index"),
]
