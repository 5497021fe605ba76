"""The region's own regulation profile over the API (PLT-6, PRF-1).

* ``GET /profil``: the profile the caller's region runs, with its settings, its versions and,
  for a derived profile, what a newer built-in changed (nothing is applied automatically);
* ``GET /profil/versi/{history_id}``: one version's settings and what changed from the version
  before it; a version of another region's profile is a 404;
* ``PUT /profil/pengaturan/{key}``: one setting, checked against the same schema as the page;
  400 ``refused`` with every reason in ``messages`` (nothing is saved), 403 for anyone but the
  region's admin organisasi or superadmin, 409 ``builtin_profile`` while the region runs a
  built-in profile (derive it on the page first) or ``stale`` when ``expected_version`` is not
  the current version (someone saved in between).
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import Field, Path, Router, Schema, Status

from sikerja.api.auth import API_AUTH
from sikerja.api.schemas import ERRORS, ErrorOut, ProfileSettingOut, check_params
from sikerja.inputs import LONG_TEXT
from sikerja.tenancy import profile_selectors as sel
from sikerja.tenancy import profile_services as services
from sikerja.tenancy.models import RegulationProfile
from sikerja.tenancy.profile_check import ARTICLE_MAX

router = Router(auth=API_AUTH, tags=["Profil regulasi daerah"])

CONFLICTS = ("builtin_profile", "stale", "already_own")
HISTORY_ID = Path(..., ge=1, le=2**31 - 1, description="ID versi (dari daftar versi).")
KEY = Path(..., max_length=60, pattern=r"^[a-z_]+$", description="Kunci pengaturan, mis. letter_signer.")


def _entry(entry) -> dict:
    entry = entry if isinstance(entry, dict) else {"value": entry}
    return {
        "value": entry.get("value"),
        "article": entry.get("article"),
        "note": entry.get("note"),
        "silent": bool(entry.get("silent", False)),
    }


class VersionOut(Schema):
    history_id: int = Field(..., description="ID versi, untuk GET /profil/versi/{history_id}.")
    version: int = Field(..., description="Nomor versi profil.")
    at: str = Field(..., description="Waktu penyimpanan (ISO 8601).")
    by: str = Field(..., description="Pengubah.")
    reason: str = Field(..., description="Alasan perubahan.")


class ChangeOut(Schema):
    key: str
    label: str = Field(..., description="Nama pengaturan dalam Bahasa Indonesia.")
    parts: list[str] = Field(..., description="Bagian yang berubah: nilai, pasal, catatan, tidak diatur.")
    old: ProfileSettingOut
    new: ProfileSettingOut


class UpdateOut(Schema):
    version: int = Field(..., description="Versi profil bawaan yang lebih baru.")
    since: int = Field(..., description="Versi profil bawaan saat profil daerah diturunkan.")
    changes: list[ChangeOut]


class OwnProfileOut(Schema):
    key: str
    name: str
    legal_basis: str
    version: int
    is_builtin: bool = Field(..., description="Daerah masih memakai profil bawaan (belum dapat diubah).")
    derived_from: str | None = Field(None, description="Kunci profil bawaan asal.")
    derived_from_version: int | None = None
    settings: dict[str, ProfileSettingOut]
    versions: list[VersionOut]
    builtin_update: UpdateOut | None = Field(None, description="Perubahan pada profil bawaan asal sejak diturunkan.")


class VersionDetailOut(VersionOut):
    settings: dict[str, ProfileSettingOut]
    changes: list[ChangeOut] = Field(..., description="Perbedaan dengan versi sebelumnya.")


class SettingIn(Schema):
    value: Any = Field(
        None, description="Nilai baru (benar/salah, teks, daftar, atau pasangan); kosong bila tidak diatur."
    )
    article: str = Field("", max_length=ARTICLE_MAX, description="Pasal dasar; wajib kecuali silent.")
    note: str = Field("", max_length=LONG_TEXT)
    silent: bool = Field(False, description="Peraturan daerah tidak mengatur hal ini.")
    reason: str = Field(..., min_length=1, max_length=LONG_TEXT, description="Alasan perubahan (wajib).")
    expected_version: int | None = Field(None, ge=1, le=2**31 - 1, description="Versi yang dilihat klien.")


class RefusalOut(ErrorOut):
    pass


def _change(c, raw_old: dict, raw_new: dict) -> dict:
    return {
        "key": c.key,
        "label": c.label,
        "parts": list(c.parts),
        "old": _entry(raw_old.get(c.key) or {"value": None, "silent": True}),
        "new": _entry(raw_new.get(c.key) or {"value": None, "silent": True}),
    }


def _version(r) -> dict:
    return {
        "history_id": r.history_id,
        "version": r.version,
        "at": r.history_date.isoformat(),
        "by": r.editor,
        "reason": r.reason,
    }


def _body(actor) -> dict:
    profile = RegulationProfile.objects.select_related("derived_from").get(pk=actor.region.profile_id)
    own = not profile.is_builtin and profile.owner_id == actor.region.pk
    update = sel.builtin_update(profile) if own else None
    return {
        "key": profile.key,
        "name": profile.name,
        "legal_basis": profile.legal_basis,
        "version": profile.version,
        "is_builtin": profile.is_builtin,
        "derived_from": profile.derived_from.key if profile.derived_from else None,
        "derived_from_version": profile.derived_from_version,
        "settings": {k: _entry(v) for k, v in profile.settings.items()},
        "versions": [_version(r) for r in sel.versions(profile)] if own else [],
        "builtin_update": None
        if update is None
        else {
            "version": update["version"],
            "since": update["since"],
            "changes": [_change(c, profile.base_settings, profile.derived_from.settings) for c in update["changes"]],
        },
    }


@router.get("/profil", response={200: OwnProfileOut, **ERRORS}, summary="Profil regulasi daerah beserta versinya")
def get_own_profile(request: HttpRequest):
    """Profil yang dipakai daerah Anda: setiap pengaturan dengan pasalnya, riwayat versi, dan
    perubahan profil bawaan asal yang belum diikuti."""
    check_params(request)
    return _body(request.auth)


@router.get(
    "/profil/versi/{history_id}", response={200: VersionDetailOut, **ERRORS}, summary="Satu versi profil daerah"
)
def get_version(request: HttpRequest, history_id: int = HISTORY_ID):
    """Pengaturan satu versi dan perbedaannya dengan versi sebelumnya. Versi profil daerah lain
    tidak ditemukan."""
    check_params(request)
    profile = sel.own_profile(request.auth)
    if profile is None:
        raise Http404("Daerah ini belum mempunyai profil regulasi sendiri.")
    records = sel.versions(profile)
    record = next((r for r in records if r.history_id == history_id), None)
    if record is None:
        raise Http404("Versi profil tidak ditemukan.")
    before = next((r for r in records if r.history_id < history_id), None)
    old = before.settings if before else {}
    return {
        **_version(record),
        "settings": {k: _entry(v) for k, v in record.settings.items()},
        "changes": [_change(c, old, record.settings) for c in sel.diff(old, record.settings)],
    }


@router.put(
    "/profil/pengaturan/{key}",
    response={200: OwnProfileOut, 400: RefusalOut, 409: RefusalOut, **{k: v for k, v in ERRORS.items() if k != 400}},
    summary="Ubah satu pengaturan profil daerah",
)
def put_setting(request: HttpRequest, payload: SettingIn, key: str = KEY):
    """Satu pengaturan, diperiksa terhadap skema (nilai yang diperbolehkan per pengaturan) dan
    disimpan sebagai versi baru dengan alasan Anda. Hanya admin organisasi atau superadmin daerah."""
    check_params(request)
    actor = request.auth
    try:
        services.edit_setting(actor=actor, key=key, **payload.dict())
    except ValidationError as exc:
        messages = [str(m) for m in exc.messages]
        code = getattr(exc, "code", None)
        status = 409 if code in CONFLICTS else 400
        return Status(
            status, {"code": code if status == 409 else "refused", "detail": " ".join(messages), "messages": messages}
        )
    return _body(actor)
