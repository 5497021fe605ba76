"""Uniform, machine-readable API errors (TIK-1).

Every error the API returns has the same shape::

    {"code": "not_found", "detail": "Unit tidak ditemukan."}

``code`` is stable English for programs; ``detail`` is Bahasa Indonesia for people. A 400 and a
422 also carry ``messages`` (each reason on its own); a 422 lists the offending fields. Bad input
never reaches the database as a 500: ids are bounded, enums are validated, unknown query
parameters are refused, out-of-range pages are a 404, unstorable characters are refused by
``sikerja.web.input_guard`` and an error nobody foresaw is a JSON 500, not an HTML page
(issue 9 item 17).

422 means "does not fit the documented schema"; 400 means "fits the schema, but the rules refuse
it" (a date outside the window a record may hold, a NUL byte in a text, a regulation's refusal),
so a client generating schema-valid data can tell its own mistake from the rules'.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, ValidationError

from sikerja.accounts.access import NoRegion

log = logging.getLogger("sikerja.api")

# Largest id the database accepts (BigAutoField); a larger one would overflow in the query.
MAX_ID = 2**63 - 1

CODE_BY_STATUS = {
    400: "bad_request",
    401: "not_authenticated",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "invalid_input",
    429: "throttled",
    500: "server_error",
}
DEFAULT_DETAIL = {
    400: "Permintaan tidak valid.",
    401: "Autentikasi diperlukan: kirim token 'Authorization: Bearer sk_...' atau masuk terlebih dahulu.",
    403: "Anda tidak berwenang melakukan ini.",
    404: "Data tidak ditemukan.",
    413: "Isi permintaan terlalu besar.",
    422: "Masukan tidak valid.",
    429: "Terlalu banyak permintaan; coba lagi nanti.",
    500: "Terjadi kesalahan pada server; tidak ada data yang setengah tersimpan. Coba lagi atau hubungi admin.",
}
# Pydantic error types raised by the input windows of sikerja.api.schemas: the value fits the
# documented type (a date is a date) but no record may hold it, so the answer is 400, not 422.
REFUSED_TYPES = frozenset({"date_window"})


class ApiError(HttpError):
    """An HTTP error with an explicit machine-readable code."""

    def __init__(self, status_code: int, code: str, detail: str, **extra: Any) -> None:
        super().__init__(status_code, detail)
        self.code = code
        self.extra = extra


def invalid_input(field: str, message: str, *, location: str = "query", type_: str = "value_error") -> ApiError:
    """A 422 for one field, shaped like the validation errors ninja raises."""
    return ApiError(
        422,
        "invalid_input",
        f"Masukan tidak valid: {field}: {message}",
        errors=[{"field": field, "location": location, "type": type_, "message": message}],
    )


def error_body(status: int, detail: str | None = None, code: str | None = None, **extra: Any) -> dict:
    body = {"code": code or CODE_BY_STATUS.get(status, "error"), "detail": detail or DEFAULT_DETAIL.get(status, "")}
    if "messages" not in extra:  # every error lists its reasons, one per entry
        body["messages"] = [body["detail"]]
    body.update(extra)
    return body


# --- pydantic messages in Bahasa Indonesia -------------------------------------------------
def _message(err: dict) -> str:
    kind = err.get("type", "")
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return "wajib diisi."
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return "harus berupa bilangan bulat."
    if kind in ("bool_parsing", "bool_type"):
        return "harus berupa true atau false."
    if kind in ("enum", "literal_error"):
        expected = str(ctx.get("expected", "")).replace(" or ", " atau ")
        return f"harus salah satu dari: {expected}."
    if kind in ("greater_than_equal", "greater_than"):
        bound = ctx.get("ge", ctx.get("gt"))
        return f"harus {'minimal' if kind == 'greater_than_equal' else 'lebih dari'} {bound}."
    if kind in ("less_than_equal", "less_than"):
        bound = ctx.get("le", ctx.get("lt"))
        return f"harus {'maksimal' if kind == 'less_than_equal' else 'kurang dari'} {bound}."
    if kind == "string_too_long":
        return f"paling panjang {ctx.get('max_length')} karakter."
    if kind == "string_too_short":
        return f"paling pendek {ctx.get('min_length')} karakter."
    if kind == "extra_forbidden":
        return "parameter tidak dikenal."
    if kind == "string_pattern_mismatch":
        return f"tidak sesuai bentuk yang didokumentasikan (pola {ctx.get('pattern')})."
    if kind in REFUSED_TYPES:
        return err.get("msg", "tidak valid.")
    if kind in ("date_parsing", "date_from_datetime_parsing", "date_type", "date_from_datetime_inexact"):
        return "harus berupa tanggal YYYY-MM-DD."
    if kind in ("json_invalid", "model_attributes_type", "dict_type", "model_type"):
        return "harus berupa objek JSON."
    if kind == "list_type":
        return "harus berupa daftar."
    if kind in ("string_type", "float_type", "float_parsing"):
        return "jenis nilai tidak sesuai."
    if kind == "too_long":
        return f"paling banyak {ctx.get('max_length')} butir."
    if kind == "too_short":
        return f"paling sedikit {ctx.get('min_length')} butir."
    return err.get("msg", "tidak valid.")


def _field_errors(errors: list[dict]) -> list[dict]:
    out = []
    for err in errors:
        loc = [str(p) for p in err.get("loc", ())]
        location = loc[0] if loc else ""
        # ninja nests grouped params under the argument name (e.g. query.filters.parent_id);
        # clients know the parameter name only.
        names = [p for p in loc[1:] if p not in ("filters", "ninja_pagination")]
        out.append(
            {
                "field": ".".join(names) or location,
                "location": location,
                "type": err.get("type", "value_error"),
                "message": _message(err),
            }
        )
    return out


# --- handlers --------------------------------------------------------------------------
def install(api: NinjaAPI) -> None:
    """Replace ninja's default error responses with the uniform shape."""

    def respond(request: HttpRequest, status: int, body: dict) -> HttpResponse:
        return api.create_response(request, body, status=status)

    @api.exception_handler(ValidationError)
    def on_validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = _field_errors(exc.errors)
        messages = [f"{e['field']}: {e['message']}" for e in errors]
        if errors and all(e["type"] in REFUSED_TYPES for e in errors):
            return respond(request, 400, error_body(400, " ".join(e["message"] for e in errors), code="out_of_range",
                                                    messages=[e["message"] for e in errors]))
        summary = "; ".join(messages)
        return respond(request, 422, error_body(422, f"Masukan tidak valid: {summary}", errors=errors, messages=messages))

    @api.exception_handler(DjangoValidationError)
    def on_refused_input(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        # sikerja.inputs.InputError (or a rule's ValidationError) that a service raised before it
        # wrote anything, or inside its transaction, which has rolled back: a 400, never a 500.
        messages = [str(m) for m in exc.messages]
        return respond(request, 400, error_body(400, " ".join(messages), code="refused", messages=messages))

    @api.exception_handler(Exception)
    def on_unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
        # A JSON 500 in the documented shape; the traceback goes to the log, not to the client.
        log.exception("Galat tak terduga pada %s %s", request.method, request.path)
        return respond(request, 500, error_body(500))

    @api.exception_handler(Http404)
    def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        detail = str(exc) if exc.args else DEFAULT_DETAIL[404]
        return respond(request, 404, error_body(404, detail))

    @api.exception_handler(NoRegion)
    def on_no_region(request: HttpRequest, exc: NoRegion) -> HttpResponse:
        return respond(request, 403, error_body(403, str(exc) or DEFAULT_DETAIL[403], code="no_region"))

    @api.exception_handler(PermissionDenied)
    def on_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return respond(request, 403, error_body(403, str(exc) or DEFAULT_DETAIL[403]))

    @api.exception_handler(HttpError)
    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        status = exc.status_code
        if isinstance(exc, ApiError):
            return respond(request, status, error_body(status, exc.message, code=exc.code, **exc.extra))
        if isinstance(exc, AuthenticationError):
            return respond(request, status, error_body(status))
        if isinstance(exc, AuthorizationError):
            return respond(request, status, error_body(status))
        if status == 400 and "Cannot parse request body" in str(exc.message):
            detail = "Isi permintaan tidak dapat dibaca: kirim JSON yang sah dengan Content-Type: application/json."
            return respond(request, status, error_body(status, detail, code="bad_body"))
        if status == 403 and "CSRF" in exc.message:
            detail = "Pemeriksaan CSRF gagal: sertakan token CSRF, atau gunakan token API untuk klien mesin."
            return respond(request, status, error_body(status, detail, code="csrf_failed"))
        return respond(request, status, error_body(status, exc.message if exc.message else None))
