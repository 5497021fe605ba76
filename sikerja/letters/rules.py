"""Pure rules of naskah dinas: numbers, dictum ordinals, signer titles, dates, codes."""

from __future__ import annotations

import datetime as dt
import secrets
import string

NUMBER_TOKENS = frozenset({"klasifikasi", "urut", "kode_unit", "tahun", "bulan_romawi"})
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)
ORDINALS = (
    "KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH", "KEDELAPAN",
    "KESEMBILAN", "KESEPULUH", "KESEBELAS", "KEDUA BELAS", "KETIGA BELAS", "KEEMPAT BELAS",
    "KELIMA BELAS", "KEENAM BELAS", "KETUJUH BELAS", "KEDELAPAN BELAS", "KESEMBILAN BELAS", "KEDUA PULUH",
)
# Crockford base32 without I, L, O, U: unambiguous when typed from paper. 10 chars = 50 bits.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10
# A sample (preview) is never numbered and never verifiable: its QR points at this code, which is
# not code-shaped (6 characters), so no issued document can ever carry it; the verification page
# says it is a sample.
SAMPLE_CODE = "CONTOH"
SAMPLE_NUMBER = "........"


class NumberPatternError(ValueError):
    pass


def pattern_error(pattern: str) -> str | None:
    """Why a numbering pattern is unusable, or None. Only the known tokens, no attribute access."""
    if not pattern or len(pattern) > 120:
        return "Pola nomor wajib diisi (paling panjang 120 karakter)."
    try:
        parts = list(string.Formatter().parse(pattern))
    except ValueError as exc:
        return f"Pola nomor tidak dapat dibaca: {exc}."
    names = [name for _, name, _, _ in parts if name is not None]
    for name in names:
        if name not in NUMBER_TOKENS:
            return f"Token '{{{name}}}' tidak dikenal; gunakan {', '.join('{' + t + '}' for t in sorted(NUMBER_TOKENS))}."
    if "urut" not in names:
        return "Pola nomor harus memuat {urut}."
    try:
        format_number(pattern, klasifikasi="000", urut=1, kode_unit="X", date=dt.date(2025, 1, 1))
    except (ValueError, TypeError, KeyError) as exc:
        return f"Pola nomor tidak valid: {exc}."
    return None


def format_number(pattern: str, *, klasifikasi: str, urut: int, kode_unit: str, date: dt.date) -> str:
    return pattern.format(
        klasifikasi=klasifikasi, urut=urut, kode_unit=kode_unit, tahun=date.year,
        bulan_romawi=ROMAN_MONTHS[date.month - 1],
    )


def dictum(index: int) -> str:
    """0 -> KESATU, 1 -> KEDUA, ... (diktum keputusan)."""
    return ORDINALS[index] if index < len(ORDINALS) else f"KE-{index + 1}"


def capacity_prefix(capacity: str) -> str:
    return {"plh": "Plh. ", "plt": "Plt. "}.get(capacity, "")


def signer_title(capacity: str, position_name: str) -> str:
    """'Plh. Kepala Dinas ...' when signing on behalf of an absent official."""
    return f"{capacity_prefix(capacity)}{position_name}".strip()


def date_id(value: dt.date) -> str:
    """12 Maret 2025."""
    return f"{value.day} {MONTHS_ID[value.month - 1]} {value.year}"


def new_verification_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(raw: str) -> str:
    """Accept what people type: lower case, spaces, dashes, O for 0, I/L for 1."""
    cleaned = "".join(ch for ch in (raw or "").upper() if ch.isalnum())
    return cleaned.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))[:32]


def is_sample_code(raw: str) -> bool:
    return normalise_code(raw) == normalise_code(SAMPLE_CODE)


def is_code_shaped(code: str) -> bool:
    return len(code) == CODE_LENGTH and all(ch in CODE_ALPHABET for ch in code)
