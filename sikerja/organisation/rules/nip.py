"""NIP (Nomor Induk Pegawai) parsing and validation — pure functions, no ORM.

An ASN NIP has 18 digits (BKN; Peraturan BKN 22/2007 as amended):
``YYYYMMDD`` birth date · ``YYYYMM`` TMT of appointment · ``G`` sex (1 man, 2 woman) ·
``NNN`` serial number. PPPK numbers follow the same layout.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

MIN_AGE_AT_APPOINTMENT = 18  # UU 20/2023 Ps 26 / PP 11/2017 Ps 23: minimum age 18 to apply


@dataclass(frozen=True)
class NipInfo:
    birth_date: dt.date
    appointed_on: dt.date  # first day of the appointment month
    gender: str  # "L" or "P"
    serial: int


class NipError(ValueError):
    pass


def parse_nip(raw: str) -> NipInfo:
    """Return what the NIP encodes, or raise ``NipError`` with a message in Bahasa Indonesia."""
    nip = (raw or "").replace(" ", "").strip()
    if len(nip) != 18 or not nip.isdigit():
        raise NipError("NIP harus terdiri dari 18 angka.")
    try:
        birth = dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise NipError(f"Tanggal lahir pada NIP tidak valid ({nip[6:8]}-{nip[4:6]}-{nip[0:4]}).") from None
    year, month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= month <= 12 or year < 1900:
        raise NipError(f"Bulan/tahun pengangkatan pada NIP tidak valid ({nip[12:14]}/{nip[8:12]}).")
    appointed = dt.date(year, month, 1)
    if nip[14] not in "12":
        raise NipError("Digit ke-15 NIP (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan).")
    serial = int(nip[15:18])
    if serial == 0:
        raise NipError("Nomor urut pada NIP (3 digit terakhir) tidak boleh 000.")
    age_at_appointment = year - birth.year - ((month, 1) < (birth.month, birth.day))
    if age_at_appointment < MIN_AGE_AT_APPOINTMENT:
        raise NipError("NIP tidak masuk akal: pengangkatan sebelum berusia 18 tahun.")
    return NipInfo(birth_date=birth, appointed_on=appointed, gender="L" if nip[14] == "1" else "P", serial=serial)


def nip_error(raw: str) -> str | None:
    try:
        parse_nip(raw)
    except NipError as exc:
        return str(exc)
    return None


def build_nip(*, birth_date: dt.date, appointed_on: dt.date, gender: str, serial: int) -> str:
    """The inverse of ``parse_nip``; used by the demo generator and factories."""
    return (
        f"{birth_date:%Y%m%d}{appointed_on:%Y%m}{'1' if gender == 'L' else '2'}{serial:03d}"
    )
