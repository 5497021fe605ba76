"""When an SOP is monitored (PB-6): every six months (PermenPANRB 35/2012, Lampiran BAB IV
"Monitoring dan Evaluasi": monitoring dilakukan paling sedikit enam bulan sekali). National rule
of SOP AP, the same for every region, so it is a constant here rather than a profile setting."""

from __future__ import annotations

import datetime as dt

MONTHS = 6
ARTICLE = "PermenPANRB 35/2012, Lampiran BAB IV"


def add_months(day: dt.date, months: int = MONTHS) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def is_overdue(due_on: dt.date, done_on: dt.date | None, today: dt.date) -> bool:
    return done_on is None and due_on < today
