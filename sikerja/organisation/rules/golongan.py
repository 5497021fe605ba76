"""Pangkat/golongan rules — pure functions."""

from django.utils.translation import gettext as _

from sikerja.organisation.choices import PANGKAT_NAME, PNS_GOLONGAN_RANK, PPPK_GOLONGAN_RANK, EmploymentStatus


def golongan_error(status: str, golongan: str) -> str | None:
    """PNS hold golongan ruang I/a–IV/e; PPPK hold golongan I–XVII (Perpres 98/2020)."""
    if status == EmploymentStatus.PNS:
        if golongan not in PNS_GOLONGAN_RANK:
            return _("Golongan '%(golongan)s' tidak dikenal untuk PNS (gunakan I/a sampai IV/e).") % {"golongan": golongan}
    elif status == EmploymentStatus.PPPK:
        if golongan not in PPPK_GOLONGAN_RANK:
            return _("Golongan '%(golongan)s' tidak dikenal untuk PPPK (gunakan I sampai XVII).") % {"golongan": golongan}
    else:
        return _("Status kepegawaian '%(status)s' tidak dikenal (PNS atau PPPK).") % {"status": status}
    return None


def golongan_rank(status: str, golongan: str) -> int:
    """Comparable rank within a status; PEN-11 ranks pelaksana by the highest pangkat."""
    table = PNS_GOLONGAN_RANK if status == EmploymentStatus.PNS else PPPK_GOLONGAN_RANK
    return table.get(golongan, 0)


def pangkat_label(status: str, golongan: str) -> str:
    if status == EmploymentStatus.PNS and golongan in PANGKAT_NAME:
        return f"{PANGKAT_NAME[golongan]} ({golongan})"
    return f"PPPK golongan {golongan}" if golongan else "-"
