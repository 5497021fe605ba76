"""Settings for the benchmark's gunicorn: the normal settings with the floor view's URLconf."""

from sikerja.config.settings import *  # noqa: F403

ROOT_URLCONF = "sikerja.web.bench.urls"
