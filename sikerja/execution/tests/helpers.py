"""Issued assignments for the pelaksanaan tests, through the real penugasan services."""

import datetime as dt

from django.utils import timezone

from sikerja.assignments import services as penugasan
from sikerja.assignments.services import MemberInput
from sikerja.assignments.tests.people import actor, emp, unit
from sikerja.organisation.models import Employee

__all__ = ["actor", "emp", "unit", "individual", "team", "staff", "pdf_upload", "period", "approve_plan", "activities"]


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


def activities(work, amount="1.500.000"):
    return [
        {
            "name": "Analisis kebutuhan",
            "output": "Dokumen kebutuhan",
            "starts_on": work.starts_on.isoformat(),
            "ends_on": work.ends_on.isoformat(),
            "budget": [{"description": "Rapat koordinasi", "amount": amount, "source_code": "5.1.02.01.01.0024"}],
        }
    ]


def _needs_plan(assignment):
    from sikerja.execution.models import Work

    return Work.objects.filter(assignment=assignment, status="perencanaan").exists()


def approve_plan(assignment, *, lead=None, approver="kabid.aptika", prefix=""):
    """The activity and budget plan drafted, submitted and approved (PPU Ps 5(1): plan first)."""
    from sikerja.execution.services import plans
    from sikerja.execution.services.works import work_for

    work = work_for(assignment)
    lead_login = lead or work.lead.user.username
    plans.save_plan(actor=actor(lead_login), work_id=work.pk, activities=activities(work))
    plans.submit_plan(actor=actor(lead_login), work_id=work.pk)
    plans.decide_plan(actor=actor(prefix + approver), work_id=work.pk, decision="setujui")
    work.refresh_from_db()
    return work


def individual(
    region, *, leader="kabid.aptika", assignee="pegawai.kominfo", code="DISKOMINFO.BID1", prefix="", planned=True
):
    a = penugasan.propose(
        actor=actor(prefix + leader),
        form="individu",
        owning_unit_id=unit(region, code).pk,
        members=[MemberInput(emp(prefix + assignee).pk)],
        **base(),
    )
    a.refresh_from_db()
    assert a.status == "diterbitkan", a.status
    if planned and _needs_plan(a):
        approve_plan(a, lead=prefix + assignee, approver=leader, prefix=prefix)
        a.refresh_from_db()
    return a


def team(region, *, n_members=2, planned=True):
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
    if planned and _needs_plan(a):
        approve_plan(a, lead="pegawai.kominfo")
        a.refresh_from_db()
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
