"""The real URLconf plus the floor view; only the benchmark serves it (never production)."""

from django.urls import include, path

from sikerja.web.bench.floor import FLOOR_PATH, floor

urlpatterns = [
    path(FLOOR_PATH.strip("/") + "/", floor, name="bench_floor"),
    path("", include("sikerja.config.urls")),
]
