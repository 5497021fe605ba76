"""Only the signer signs, through every path that issues a letter: the penugasan service, its web
page and its API, and a caller that skips the step check (the letters service refuses anyway)."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from sikerja.assignments import services
from sikerja.assignments.actions.issue import issue_letter
from sikerja.assignments.models import Step
from sikerja.assignments.services import MemberInput
from sikerja.assignments.tests.people import END, START, actor, emp, unit
from sikerja.letters.authority import NotTheSigner
from sikerja.letters.models import Document
from sikerja.letters.tests.factories import DelegationFactory

pytestmark = [pytest.mark.req("PEN-7", "PEN-15"), pytest.mark.django_db]
TODAY = dt.date.today()


@pytest.fixture
def waiting(demo):
    """A cross-unit penugasan approved by the home leader: its letter waits for the owning
    unit's leader, kabid.aptika (PPU Ps 11(1) huruf c)."""
    region = demo.region
    a = services.propose(
        actor=actor("kabid.aptika"),
        form="individu",
        owning_unit_id=unit(region, "DISKOMINFO.BID1").pk,
        members=[MemberInput(emp("pegawai.ikp").pk)],
        title="Pengembangan aplikasi layanan",
        purpose="Membangun aplikasi layanan publik",
        target="Aplikasi berjalan di 3 OPD",
        starts_on=START,
        ends_on=END,
        competences=["Pemrograman"],
        hours_per_week=6,
    )
    request = a.steps.get(kind=Step.Kind.JAWAB_PERMOHONAN)
    services.decide(actor=actor("kabid.ikp"), assignment_id=a.pk, step_id=request.pk, approve=True)
    step = a.steps.get(kind=Step.Kind.TERBITKAN)
    assert step.official == emp("kabid.aptika")
    return a, step


def letters_of(a):
    return Document.objects.filter(
        kind__in=["surat_perintah", "surat_tugas", "surat_penugasan", "keputusan"], assignments=a
    )


def test_the_letters_service_refuses_a_caller_that_skips_the_step_check(waiting):
    a, step = waiting
    for username in ("kadis.kominfo", "admin.bkpsdm", "admin.organisasi", "kabid.ikp"):
        with pytest.raises(NotTheSigner):
            issue_letter(actor(username), a, step)
    assert not letters_of(a).exists()


@pytest.mark.req("KED-5")
def test_plh_of_the_signer_issues_through_the_flow_and_the_letter_says_plh(waiting):
    a, step = waiting
    DelegationFactory(delegator=emp("kabid.aptika"), delegate=emp("kabid.ikp"), kind="plh")
    services.issue(actor=actor("kabid.ikp"), assignment_id=a.pk, step_id=step.pk)
    a.refresh_from_db()
    assert a.letter.signer == emp("kabid.ikp") and a.letter.on_behalf_of == emp("kabid.aptika")
    assert a.letter.signer_capacity == "plh" and a.letter.signer_display.startswith("Plh. ")
    step.refresh_from_db()
    assert step.decided_by == emp("kabid.ikp") and step.on_behalf_of == emp("kabid.aptika")


@pytest.mark.req("KED-5")
def test_after_the_delegation_ends_the_former_plh_may_not_issue(waiting):
    from django.core.exceptions import PermissionDenied

    a, step = waiting
    DelegationFactory(
        delegator=emp("kabid.aptika"),
        delegate=emp("kabid.ikp"),
        kind="plt",
        starts_on=TODAY - dt.timedelta(days=20),
        ends_on=TODAY - dt.timedelta(days=1),
    )
    with pytest.raises(PermissionDenied):
        services.issue(actor=actor("kabid.ikp"), assignment_id=a.pk, step_id=step.pk)
    with pytest.raises(NotTheSigner, match="berakhir pada"):
        issue_letter(actor("kabid.ikp"), a, step)
    assert not letters_of(a).exists()


@pytest.mark.parametrize("username", ["kadis.kominfo", "admin.bkpsdm", "admin.organisasi"])
def test_web_page_refuses_a_non_signer_with_an_indonesian_message(waiting, login, username):
    a, step = waiting
    r = login(username).post(f"/penugasan/{a.pk}/langkah/{step.pk}/terbitkan/", {})
    assert r.status_code == 403
    page = r.content.decode()
    assert "Anda tidak berwenang" in page and "kewenangan" in page and "bukan Anda" in page, page
    assert not letters_of(a).exists()


@pytest.mark.parametrize("username", ["kadis.kominfo", "admin.bkpsdm", "admin.organisasi"])
def test_api_refuses_a_non_signer_with_403(waiting, username):
    from django.test import Client

    from sikerja.accounts.models import ApiToken

    a, step = waiting
    _, raw = ApiToken.issue(user=get_user_model().objects.get(username=username), name="uji")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    r = client.post(f"/api/v1/penugasan/{a.pk}/langkah/{step.pk}/terbitkan", content_type="application/json")
    assert r.status_code == 403, r.content
    body = r.json()
    assert body["code"] and body["detail"]
    assert body["code"] == "permission_denied" and "bukan Anda" in body["detail"]
    assert not letters_of(a).exists()


def test_the_named_signer_issues(waiting):
    a, step = waiting
    services.issue(actor=actor("kabid.aptika"), assignment_id=a.pk, step_id=step.pk)
    a.refresh_from_db()
    assert a.letter.signer == emp("kabid.aptika") and a.letter.signer_capacity == "definitif"
