"""What the proses bisnis services share: the refusal error, text checks, and the write check
(owning unit's leader or the Bagian Organisasi, through sikerja.accounts.access)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext

from sikerja.accounts.access import Actor, may_edit_process
from sikerja.inputs import InputError, clean_text


class ProcessError(ValidationError):
    """A refused write; ``messages`` are Indonesian."""


def text(value, label: str, *, required: bool = False, limit: int = 4000) -> str:
    try:
        return clean_text(value, label, limit=limit, required=required)
    except InputError as exc:
        raise ProcessError(exc.messages) from exc


def require_writer(actor: Actor, unit_id: int) -> None:
    if not may_edit_process(actor, unit_id):
        raise PermissionDenied(
            gettext("Hanya pimpinan unit pemilik proses atau admin Bagian Organisasi yang dapat mengubah ini.")
        )


def require_draft(version) -> None:
    if not version.is_draft:
        raise ProcessError(
            gettext("Versi yang sudah disahkan tidak dapat diubah; buat versi baru melalui reviu."), code="wrong_state"
        )
