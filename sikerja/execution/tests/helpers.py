"""Issued assignments for the pelaksanaan tests, through the real penugasan services."""

import datetime as dt

from django.utils import timezone

from sikerja.assignments import services as penugasan
from sikerja.assignments.services import MemberInput
from sikerja.assignments.tests.people import actor, emp, unit
from sikerja.organisation.models import Employee

__all__ = ["actor", "emp", "unit", "individual", "team", "staff", "pdf_upload", "period"]


def period():
    start = timezone.localdate()
    return start, start + dt.timedelta(days=89)


def base(**kw):
    start, end = period()
    data = dict(
        title="Pengembangan aplikasi layanan",
        purpose="Membangun aplikasi layanan publik",
        target="Aplikasi berjalan di 3 OPD",
        starts_on=start,
        ends_on=end,
        competences=["Pemrograman"],
        hours_per_week=4,
    )
    data.update(kw)
    return data


def staff(region, code, n=1, exclude=()):
    return list(
        Employee.objects.filter(region=region, unit__code=code, position__kind__in=["fungsional", "pelaksana"])
        .exclude(pk__in=exclude)
        .order_by("pk")[:n]
    )


def individual(region, *, leader="kabid.aptika", assignee="pegawai.kominfo", code="DISKOMINFO.BID1", prefix=""):
    a = penugasan.propose(
        actor=actor(prefix + leader),
        form="individu",
        owning_unit_id=unit(region, code).pk,
        members=[MemberInput(emp(prefix + assignee).pk)],
        **base(),
    )
    a.refresh_from_db()
    assert a.status == "diterbitkan", a.status
    return a


def team(region, *, n_members=2):
    ketua = emp("pegawai.kominfo")
    others = list(  # staff of the sub-units (seksi): within the owning unit
        Employee.objects.filter(region=region, unit__code__startswith="DISKOMINFO.BID1.", position__kind="fungsional")
        .exclude(pk=ketua.pk)
        .order_by("pk")[:n_members]
    )
    members = [MemberInput(ketua.pk, role="ketua")] + [MemberInput(e.pk) for e in others]
    a = penugasan.propose(
        actor=actor("kabid.aptika"),
        form="tim_kerja",
        owning_unit_id=unit(region, "DISKOMINFO.BID1").pk,
        members=members,
        **base(title="Tim Portal Data"),
    )
    a.refresh_from_db()
    assert a.status == "diterbitkan", a.status
    return a, ketua, others


class Upload:
    """An uploaded file as Django gives it to a view (name, size, read)."""

    def __init__(self, name, data):
        self.name, self._data, self.size = name, data, len(data)

    def read(self, n=-1):
        return self._data if n < 0 else self._data[:n]


def pdf_upload(name="bukti.pdf", size=None):
    data = b"%PDF-1.4\n" + b"0" * ((size or 200) - 9)
    return Upload(name, data)
