"""The floor: the cheapest request the framework can answer with one query.

Every page is reported as a multiple of this view measured in the same rounds, so a noisy,
shared machine moves both numbers together and the ratio stays comparable between runs.
"""

from django.db import connection
from django.http import HttpResponse

FLOOR_PATH = "/__bench__/floor/"


def floor(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        value = cursor.fetchone()[0]
    return HttpResponse(str(value), content_type="text/plain")
