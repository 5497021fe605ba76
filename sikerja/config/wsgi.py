import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sikerja.config.settings")
application = get_wsgi_application()

from sikerja.config.production import require_production_settings  # noqa: E402 - needs settings loaded

require_production_settings(settings)  # refuse to serve on the demo key or without a public address
