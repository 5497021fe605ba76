"""Checks of evidence (bukti dukung) before anything is stored: every file and link of a report
is checked first, so a report with one bad file is refused whole and nothing is half-stored."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext

from sikerja.execution.services.common import ExecutionError, text

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_FILES = 10
MAX_LINKS = 10
# Extension -> (content type, how the file must begin). Office files are zip containers.
ALLOWED = {
    "pdf": ("application/pdf", (b"%PDF",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (b"PK\x03\x04",)),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (b"PK\x03\x04",)),
}
ALLOWED_WORDS = "PDF, JPG, PNG, DOCX atau XLSX"


@dataclass
class CheckedFile:
    filename: str
    content_type: str
    data: bytes


def _name(raw) -> str:
    name = str(raw or "").replace("\\", "/").rsplit("/", 1)[-1]
    return text(name, "Nama berkas", limit=200) if name else ""


def check_files(files) -> list[CheckedFile]:
    files = [f for f in files or [] if f is not None]
    if len(files) > MAX_FILES:
        raise ExecutionError(gettext("Bukti dukung paling banyak %(MAX_FILES)s berkas per laporan.") % {"MAX_FILES": MAX_FILES})
    checked, problems = [], []
    for f in files:
        name = _name(getattr(f, "name", ""))
        ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        size = getattr(f, "size", None)
        if not name:
            problems.append(gettext("Berkas tanpa nama tidak dapat disimpan."))
            continue
        if ext not in ALLOWED:
            problems.append(gettext("%(name)s: jenis berkas tidak diterima; gunakan %(ALLOWED_WORDS)s.") % {"name": name, "ALLOWED_WORDS": ALLOWED_WORDS})
            continue
        if size is not None and size > MAX_FILE_BYTES:
            problems.append(f"{name}: ukuran {size / 1024 / 1024:.1f} MB melebihi batas 5 MB.".replace(".", ",", 1))
            continue
        data = f.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            problems.append(gettext("%(name)s: ukuran melebihi batas 5 MB.") % {"name": name})
            continue
        if not data:
            problems.append(gettext("%(name)s: berkas kosong.") % {"name": name})
            continue
        content_type, magics = ALLOWED[ext]
        if not any(data.startswith(m) for m in magics):
            problems.append(gettext("%(name)s: isi berkas bukan %(ext)s yang sah.") % {"name": name, "ext": ext.upper()})
            continue
        checked.append(CheckedFile(name, content_type, data))
    if problems:
        raise ExecutionError(problems, code="bad_evidence")
    return checked


_URL = URLValidator(schemes=["http", "https"])


def check_links(links) -> list[str]:
    if isinstance(links, str):
        links = links.splitlines()
    cleaned = [str(link).strip() for link in links or [] if str(link or "").strip()]
    if len(cleaned) > MAX_LINKS:
        raise ExecutionError(gettext("Tautan bukti dukung paling banyak %(MAX_LINKS)s per laporan.") % {"MAX_LINKS": MAX_LINKS})
    problems = []
    for link in cleaned:
        if len(link) > 500:
            problems.append(gettext("Tautan bukti dukung paling panjang 500 karakter."))
            continue
        try:
            _URL(link)
        except ValidationError:
            problems.append(gettext("Tautan '%(link)s' bukan alamat web yang sah (diawali http:// atau https://).") % {"link": link[:80]})
    if problems:
        raise ExecutionError(problems, code="bad_evidence")
    return list(dict.fromkeys(cleaned))
