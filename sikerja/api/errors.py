"""Uniform, machine-readable API errors (TIK-1).

Every error the API returns has the same shape::

    {"code": "not_found", "detail": "Unit tidak ditemukan."}

``code`` is stable English for programs; ``detail`` is Bahasa Indonesia for people. A 422 also
lists the offending fields. Bad input never reaches the database as a 500: ids are bounded,
enums are validated, unknown query parameters are refused and out-of-range pages are a 404.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, ValidationError

from sikerja.accounts.access import NoRegion

# Largest id the database accepts (BigAutoField); a larger one would overflow in the query.
MAX_ID = 2**63 - 1

CODE_BY_STATUS = {
    400: "bad_request",
    401: "not_authenticated",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    422: "invalid_input",
    429: "throttled",
}
DEFAULT_DETAIL = {
    400: "Permintaan tidak valid.",
    401: "Autentikasi diperlukan: kirim token 'Authorization: Bearer sk_...' atau masuk terlebih dahulu.",
    403: "Anda tidak berwenang melakukan ini.",
    404: "Data tidak ditemukan.",
    422: "Masukan tidak valid.",
}


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
        summary = "; ".join(f"{e['field']}: {e['message']}" for e in errors)
        return respond(request, 422, error_body(422, f"Masukan tidak valid: {summary}", errors=errors))

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
