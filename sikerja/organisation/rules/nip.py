"""NIP (Nomor Induk Pegawai) parsing and validation — pure functions, no ORM.

An ASN NIP has 18 digits (BKN; Peraturan BKN 22/2007 as amended):
``YYYYMMDD`` birth date · ``YYYYMM`` TMT of appointment · ``G`` sex (1 man, 2 woman) ·
``NNN`` serial number.

A PPPK's *Nomor Induk PPPK* (NI PPPK) as BKN issues it carries ``21`` where a PNS NIP has the
appointment month: ``YYYYMMDD`` birth · ``YYYY`` year of appointment · ``21`` · ``G`` · ``NNN``
(e.g. 198505122022211001). It is valid for a PPPK only; a PNS NIP with month 21 is refused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

MIN_AGE_AT_APPOINTMENT = 18  # UU 20/2023 Ps 26 / PP 11/2017 Ps 23: minimum age 18 to apply
PPPK_MARK = "21"  # digits 13-14 of an NI PPPK
PPPK_FIRST_YEAR = 2019  # the first PPPK were appointed in 2019 (PP 49/2018)
PNS, PPPK = "pns", "pppk"  # EmploymentStatus values; the rule stays free of the ORM


@dataclass(frozen=True)
class NipInfo:
    birth_date: dt.date
    appointed_on: dt.date  # first day of the appointment month
    gender: str  # "L" or "P"
    serial: int
    is_ni_pppk: bool = False  # the NI PPPK layout (appointment month unknown: January is stored)


class NipError(ValueError):
    pass


def parse_nip(raw: str, status: str | None = None) -> NipInfo:
    """Return what the NIP encodes, or raise ``NipError`` with a message in the active language.

    ``status`` (``pns``/``pppk``) decides whether the NI PPPK layout is allowed; unknown
    (None) accepts both layouts, for numbers already stored with their status."""
    nip = (raw or "").replace(" ", "").strip()
    if len(nip) != 18 or not nip.isdigit():
        raise NipError(_("NIP harus terdiri dari 18 angka."))
    try:
        birth = dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise NipError(
            _("Tanggal lahir pada NIP tidak valid (%(day)s-%(month)s-%(year)s).")
            % {"day": nip[6:8], "month": nip[4:6], "year": nip[0:4]}
        ) from None
    year, month = int(nip[8:12]), int(nip[12:14])
    ni_pppk = nip[12:14] == PPPK_MARK
    if ni_pppk and status == PNS:
        raise NipError(
            _(
                "Digit ke-13 dan ke-14 NIP PNS adalah bulan pengangkatan (01-12); angka 21 hanya dipakai pada "
                "Nomor Induk PPPK. Periksa NIP atau status kepegawaiannya."
            )
        )
    if ni_pppk:
        if year < PPPK_FIRST_YEAR:
            raise NipError(
                _("Tahun pengangkatan pada NI PPPK tidak valid (%(year)s); PPPK pertama diangkat %(first)s.")
                % {"year": year, "first": PPPK_FIRST_YEAR}
            )
        month = 1
    elif not 1 <= month <= 12 or year < 1900:
        raise NipError(
            _("Bulan/tahun pengangkatan pada NIP tidak valid (%(month)s/%(year)s).") % {"month": nip[12:14], "year": nip[8:12]}
        )
    appointed = dt.date(year, month, 1)
    if nip[14] not in "12":
        raise NipError(_("Digit ke-15 NIP (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan)."))
    serial = int(nip[15:18])
    if serial == 0:
        raise NipError(_("Nomor urut pada NIP (3 digit terakhir) tidak boleh 000."))
    age_at_appointment = year - birth.year - ((month, 1) < (birth.month, birth.day))
    if age_at_appointment < MIN_AGE_AT_APPOINTMENT:
        raise NipError(_("NIP tidak masuk akal: pengangkatan sebelum berusia 18 tahun."))
    return NipInfo(
        birth_date=birth, appointed_on=appointed, gender="L" if nip[14] == "1" else "P", serial=serial,
        is_ni_pppk=ni_pppk,
    )


def nip_error(raw: str, status: str | None = None) -> str | None:
    try:
        parse_nip(raw, status)
    except NipError as exc:
        return str(exc)
    return None


def build_nip(*, birth_date: dt.date, appointed_on: dt.date, gender: str, serial: int, ni_pppk: bool = False) -> str:
    """The inverse of ``parse_nip``; used by the demo generator and factories. ``ni_pppk``:
    the NI PPPK layout (year of appointment, then 21)."""
    appointed = f"{appointed_on:%Y}{PPPK_MARK}" if ni_pppk else f"{appointed_on:%Y%m}"
    return f"{birth_date:%Y%m%d}{appointed}{'1' if gender == 'L' else '2'}{serial:03d}"
