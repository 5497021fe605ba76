"""The one input-cleaning layer (issue 9 items 14 and 17): what no record may hold never reaches
a view, and an error under /api/ is always JSON.

PostgreSQL cannot store a NUL byte or a lone surrogate in text; before this layer such a value in
a search box, a reason, a title or a basis number answered 500 there (and was stored on SQLite).
The middleware inspects the path, the query string, form fields and JSON bodies with the pure
rule of ``sikerja.inputs`` and refuses the request before any view runs:

* under ``/api/``: 400 JSON ``{code, detail, messages}``, the shape of ``sikerja.api.errors``;
* on pages: a 400 page in Bahasa Indonesia naming the field, with a way back to the form.

It also keeps the API's contract where Django, not ninja, would answer: a body over
``DATA_UPLOAD_MAX_MEMORY_SIZE`` is a 413, too many fields a 400, and any HTML error page that a
request under ``/api/`` would receive (an unknown route, a crash outside ninja) becomes JSON.
An ``InputError`` a service raises from a page view (e.g. an audit reason over its limit) is a
400 page, not a 500; the service's transaction has rolled back, so nothing is half-written.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from sikerja.api.errors import error_body
from sikerja.inputs import InputError, bad_character

API_PREFIX = "/api/"
JSON_TYPES = ("application/json", "application/merge-patch+json")
KEPT_HEADERS = ("Allow", "Retry-After", "WWW-Authenticate")
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
# What a page calls the fields people type into; a page never shows a field's internal name.
PAGE_LABELS = {
    "q": "Kotak pencarian",
    "reason": "Alasan",
    "title": "Nama kegiatan/tim",
    "purpose": "Maksud dan tujuan",
    "target": "Ekspektasi/target kinerja",
    "competences": "Kompetensi",
    "other_arrangements": "Pengaturan lainnya",
    "external_members": "Anggota dari luar pemerintah daerah",
    "basis_number": "Nomor keputusan",
    "delegator": "NIP pemberi",
    "delegate": "NIP penerima",
    "username": "Nama pengguna",
    "password": "Kata sandi",
    "email": "Surel",
    "note": "Catatan",
    "content": "Isi",
    "government_name": "Nama pemerintah daerah",
    "pd_name": "Nama perangkat daerah",
    "address": "Alamat",
    "contact": "Kontak",
}


def _find(value, path: tuple = ()) -> tuple[tuple, str] | None:
    """(path of keys, problem) of the first unstorable character in a (nested) value, or None."""
    if isinstance(value, str):
        problem = bad_character(value)
        return (path, problem) if problem else None
    if isinstance(value, dict):
        for key, item in value.items():
            found = _find(key, (*path, "(nama kolom)")) or _find(item, (*path, key))
            if found:
                return found
    elif isinstance(value, list | tuple):
        for item in value:
            found = _find(item, path)
            if found:
                return found
    return None


def _find_multi(data) -> tuple[tuple, str] | None:
    """A QueryDict: every key and every value of every key."""
    for key in data:
        found = _find(key, ("(nama parameter)",)) or _find(data.getlist(key), (key,))
        if found:
            return found
    return None


def _printable(text) -> str:
    return str(text).encode("utf-8", "replace").decode("utf-8").replace("\x00", "")[:60]


class Problem:
    """Where the unstorable character is (path, query, form, body) and in which field."""

    PLACES = {"path": "Alamat halaman", "query": "Parameter", "form": "Kolom", "body": "Kolom"}

    def __init__(self, place: str, keys: tuple, problem: str) -> None:
        self.place, self.keys, self.problem = place, keys, problem

    def for_api(self) -> str:
        if self.place == "path" or not self.keys:
            return f"{self.PLACES[self.place]} memuat {self.problem}."
        name = ".".join(_printable(k) for k in self.keys)
        return f"{self.PLACES[self.place]} '{name}' memuat {self.problem}."

    def for_page(self) -> str:
        if self.place == "path":
            return f"Alamat halaman memuat {self.problem}."
        label = PAGE_LABELS.get(str(self.keys[0]) if self.keys else "", "Salah satu isian")
        return f"{label} memuat {self.problem}."


def problem_of(request: HttpRequest) -> Problem | None:
    """The first thing in the request that no record may hold; None when clean.

    Raises RequestDataTooBig / TooManyFieldsSent as Django does when the body is over its limits."""
    if found := _find(request.path):
        return Problem("path", (), found[1])
    if found := _find_multi(request.GET):
        return Problem("query", *found)
    content_type = request.content_type or ""
    if content_type in FORM_TYPES:
        found = _find_multi(request.POST)
        return Problem("form", *found) if found else None
    if content_type in JSON_TYPES and request.body:
        try:
            data = json.loads(request.body)
        except (ValueError, UnicodeDecodeError):
            return None  # unreadable JSON: ninja answers 400 bad_body with its own message
        found = _find(data)
        return Problem("body", *found) if found else None
    return None


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def refuse(request: HttpRequest, status: int, code: str, message: str) -> HttpResponse:
    if _is_api(request):
        return JsonResponse(error_body(status, message, code=code, messages=[message]), status=status)
    return render(request, "400.html", {"message": message, "status": status}, status=status)


def _too_big_message() -> str:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)
    return f"Isi permintaan terlalu besar; paling besar {limit} MB."


class InputGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            problem = problem_of(request)
        except RequestDataTooBig:
            return refuse(request, 413, "too_large", _too_big_message())
        except RecursionError:  # JSON nested deeper than Python can follow: unreadable, not a crash
            return refuse(request, 400, "bad_body", "Isi permintaan terlalu bersarang untuk dibaca.")
        except TooManyFieldsSent:
            return refuse(request, 400, "too_many_fields", "Terlalu banyak kolom dalam satu permintaan.")
        if problem:
            message = problem.for_api() if _is_api(request) else problem.for_page()
            return refuse(request, 400, "bad_character", f"{message} Hapus karakter itu lalu kirim ulang.")
        response = self.get_response(request)
        if _is_api(request) and response.status_code >= 400 and "text/html" in response.get("Content-Type", ""):
            # An error page Django rendered for an /api/ request (unknown route, crash outside ninja).
            status = response.status_code
            converted = JsonResponse(error_body(status), status=status)
            for header in KEPT_HEADERS:  # a 405 must still say which methods exist (RFC 9110)
                if header in response:
                    converted[header] = response[header]
            return converted
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, InputError):
            message = " ".join(str(m) for m in exception.messages)
            return refuse(request, 400, "refused", message)
        return None
