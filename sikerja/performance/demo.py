"""Demo data for pengelolaan kinerja (issue 13 item 10): the year opened, SKPs with RHK, IKI,
evidence and feedback in two units, and one finished quarter (triwulan I) whose curve fits in
one unit and breaks in the other (Bidang Aplikasi Informatika, every staff member Baik).

Written straight to the tables (like the rest of the demo builder), for speed; the seeded
records are what the services would have produced."""

from __future__ import annotations

import datetime as dt
import itertools

from django.utils import timezone

from sikerja.assignments.actions.roles import nearest_leader
from sikerja.organisation.models import Placement, Unit
from sikerja.performance.models import (
    Evaluation,
    Expectation,
    Iki,
    Period,
    Rhk,
    Skp,
    SkpEvidence,
    SkpFeedback,
    UnitPredikat,
)
from sikerja.performance.rules import berakhlak, curve
from sikerja.performance.rules.curve import CurveSettings
from sikerja.performance.services.periods import QUARTERS, _quarter

BREAKS, FITS = "DISKOMINFO.BID1", "BAPPEDA.BID3"
RATINGS_FOR = {
    "sangat_baik": ("di_atas", "di_atas"),
    "baik": ("sesuai", "sesuai"),
    "butuh_perbaikan": ("di_bawah", "sesuai"),
    "kurang": ("sesuai", "di_bawah"),
    "sangat_kurang": ("di_bawah", "di_bawah"),
}


def _fitting(n: int, s: CurveSettings) -> tuple[str, list[str]]:
    """An organisation predikat and individual predikat for n people that fit the curve."""
    for org in ("baik", "istimewa", "butuh_perbaikan"):
        for sb, b in itertools.product(range(n + 1), repeat=2):
            bp = n - sb - b
            if bp < 0:
                continue
            counts = {"sangat_baik": sb, "baik": b, "butuh_perbaikan": bp}
            if not curve.check(org, counts, s):
                return org, ["sangat_baik"] * sb + ["baik"] * b + ["butuh_perbaikan"] * bp
    return "baik", ["baik"] * n


def _skp(region, employee, assessor, unit, year, superior_rhk, now) -> tuple[Skp, Rhk]:
    skp = Skp.objects.create(
        region=region,
        employee=employee,
        year=year,
        assessor=assessor,
        unit=unit,
        status=Skp.Status.DISETUJUI,
        dialog_on=dt.date(year, 1, 6),
        submitted_at=now,
        approved_at=now,
        decided_by=assessor,
        dukungan_sumber_daya="Perangkat kerja dan akses aplikasi",
        skema_pertanggungjawaban="Laporan bulanan kepada atasan",
        konsekuensi="Sesuai ketentuan disiplin dan kinerja",
    )
    Expectation.objects.bulk_create(
        [
            Expectation(skp=skp, value=k, text="Aktif berbagi pengetahuan" if k == "kolaboratif" else "")
            for k in berakhlak.KEYS
        ]
    )
    rhk = Rhk.objects.create(
        skp=skp,
        order=1,
        text=f"Tersedianya hasil kerja {unit.name.lower()} tepat waktu",
        intervened=superior_rhk,
        perspektif="" if superior_rhk or skp.form == "ja_jf" else "proses_bisnis",
    )
    Iki.objects.bulk_create(
        [
            Iki(rhk=rhk, aspek="kuantitas", indikator="Jumlah keluaran yang diselesaikan", target="12 keluaran"),
            Iki(rhk=rhk, aspek="waktu", indikator="Ketepatan waktu penyelesaian", target="12 bulan"),
        ]
    )
    return skp, rhk


def seed_performance(region) -> None:
    """Called by the demo builder once the region and its logins exist."""
    today = timezone.localdate()
    year, now = today.year, timezone.now()
    periods = {}
    for kind, first_month in QUARTERS:
        start, end = _quarter(year, first_month)
        periods[kind] = Period.objects.create(region=region, year=year, kind=kind, starts_on=start, ends_on=end)
    periods["tahunan"] = Period.objects.create(
        region=region, year=year, kind="tahunan", starts_on=dt.date(year, 1, 1), ends_on=dt.date(year, 12, 31)
    )
    s = curve.settings_from_profile(region.profile)
    tw1 = periods["tw1"]
    for code in (BREAKS, FITS):
        unit = Unit.objects.filter(region=region, code=code).first()
        if unit is None:
            continue
        leader = nearest_leader(unit)
        above = nearest_leader(unit.parent) if unit.parent_id else None
        subtree = Unit.objects.descendants(unit, include_self=True).values("pk")
        placements = list(
            Placement.objects.filter(region=region, unit_id__in=subtree)
            .current()
            .exclude(employee__position__is_leader=True)
            .select_related("employee", "assessor", "unit")
            .order_by("employee__name")[:40]
        )
        superior_rhk = None
        if leader is not None:
            lp = Placement.objects.filter(employee=leader).current().select_related("assessor").first()
            if lp is not None:
                _, superior_rhk = _skp(region, leader, lp.assessor, unit, year, None, now)
        n = len(placements)
        if code == BREAKS:
            org, plan = "baik", ["baik"] * n  # nobody below Baik and Baik above 70 %: the curve breaks
        else:
            org, plan = _fitting(n, s)
        if above is not None:
            UnitPredikat.objects.create(
                region=region,
                unit=unit,
                period=tw1,
                rating="sesuai",
                predikat=org,
                set_by=above,
                basis="Capaian triwulan I sesuai perjanjian kinerja",
                recommendations=[{"from": "perencanaan", "text": "Capaian target triwulan I sesuai rencana"}],
            )
        for p, value in zip(placements, plan, strict=True):
            intervened = superior_rhk if superior_rhk and superior_rhk.skp.employee_id == p.assessor_id else None
            skp, rhk = _skp(region, p.employee, p.assessor, p.unit, year, intervened, now)
            ev = SkpEvidence.objects.create(
                rhk=rhk,
                title="Laporan keluaran triwulan I",
                url="https://contoh.go.id/bukti",
                happened_on=tw1.ends_on,
                added_by=p.employee,
            )
            SkpFeedback.objects.create(evidence=ev, author=p.assessor, text="Sudah sesuai target; pertahankan.")
            hasil, perilaku = RATINGS_FOR[value]
            Evaluation.objects.create(
                region=region,
                skp=skp,
                employee=p.employee,
                unit=p.employee.unit,
                period=tw1,
                assessor=p.assessor,
                rating_hasil=hasil,
                rating_perilaku=perilaku,
                predikat=value,
                status=Evaluation.Status.FINAL,
                finalised_at=now,
            )
    Period.objects.filter(pk=tw1.pk).update(status=Period.Status.DITUTUP)  # the finished quarter
