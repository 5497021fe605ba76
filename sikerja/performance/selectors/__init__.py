"""Reads of pengelolaan kinerja, scoped through sikerja.accounts.access (KIN, issue 13 item 9)."""

from sikerja.performance.selectors.access import get_skp, visible_evaluations, visible_skps
from sikerja.performance.selectors.curve import CurveView, unit_curve
from sikerja.performance.selectors.mph import mph_for_unit
from sikerja.performance.selectors.pages import ppk_inbox, skp_page

__all__ = [
    "CurveView",
    "get_skp",
    "mph_for_unit",
    "ppk_inbox",
    "skp_page",
    "unit_curve",
    "visible_evaluations",
    "visible_skps",
]
