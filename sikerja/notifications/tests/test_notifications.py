"""PLT-3: hand-overs of penugasan reach people in the app and by e-mail from the worker."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from sikerja.assignments import services as assignment_services
from sikerja.assignments.models import Step
from sikerja.assignments.services import MemberInput
from sikerja.assignments.tests.people import END, START, actor, emp, unit
from sikerja.notifications.models import Notification
from sikerja.notifications.selectors import unread_count
from sikerja.notifications.services import notify, update_settings
from sikerja.testing.worker import run_worker_once

User = get_user_model()


def run_worker():
    run_worker_once()


def propose_cross_unit(demo):
    return assignment_services.propose(
        actor=actor("kabid.aptika"),
        form="individu",
        owning_unit_id=unit(demo.region, "DISKOMINFO.BID1").pk,
        members=[MemberInput(emp("pegawai.ikp").pk)],
        title="Survei kepuasan layanan",
        purpose="Mengukur layanan",
        target="Laporan survei",
        starts_on=START,
        ends_on=END,
        competences=["Statistik"],
        hours_per_week=4,
    )


def with_email(username):
    user = User.objects.get(username=username)
    user.email = f"{username}@contoh.go.id"
    user.save(update_fields=["email"])
    return user


@pytest.mark.req("PLT-3")
def test_proposal_tells_the_member_and_the_leader_asked_then_the_worker_mails_them(
    demo, django_capture_on_commit_callbacks
):
    member, leader, proposer = (
        with_email("pegawai.ikp"),
        with_email("kabid.ikp"),
        User.objects.get(username="kabid.aptika"),
    )
    with django_capture_on_commit_callbacks(execute=True):
        a = propose_cross_unit(demo)
    mine = Notification.objects.get(recipient=member)
    assert mine.verb == "assignment.proposed_to_you" and "Survei kepuasan layanan" in mine.title
    assert mine.url == reverse("penugasan:detail", args=[a.pk])
    waiting = Notification.objects.get(recipient=leader)
    step = a.steps.get(kind=Step.Kind.JAWAB_PERMOHONAN)
    assert waiting.verb == "assignment.step_waiting" and waiting.target_id == str(step.pk)
    assert not Notification.objects.filter(recipient=proposer).exists()  # not told of their own act
    assert mail.outbox == []  # nothing is sent from the request: the worker sends it
    assert DBTaskResult.objects.filter(status="READY").count() == 2
    run_worker()
    assert sorted(m.to[0] for m in mail.outbox) == ["kabid.ikp@contoh.go.id", "pegawai.ikp@contoh.go.id"]
    assert all(n.emailed_at for n in Notification.objects.all())
    run_worker()  # a second run sends nothing again
    assert len(mail.outbox) == 2


@pytest.mark.req("PLT-3")
def test_decision_tells_the_initiator_and_the_next_official_once(demo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        a = propose_cross_unit(demo)
    step = a.steps.get(kind=Step.Kind.JAWAB_PERMOHONAN)
    with django_capture_on_commit_callbacks(execute=True):
        assignment_services.decide(actor=actor("kabid.ikp"), assignment_id=a.pk, step_id=step.pk, approve=True)
    proposer = User.objects.get(username="kabid.aptika")
    verbs = set(Notification.objects.filter(recipient=proposer).values_list("verb", flat=True))
    assert "assignment.step_decided" in verbs
    a.refresh_from_db()
    if a.status == "proses":  # the owning leader signs next: told once that the letter waits
        assert "assignment.step_waiting" in verbs
    else:
        assert "assignment.issued" in verbs


@pytest.mark.req("PLT-3")
def test_nothing_is_told_or_sent_for_a_rolled_back_transaction(demo, django_capture_on_commit_callbacks):
    with_email("pegawai.ikp")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                propose_cross_unit(demo)
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
    assert callbacks == []
    assert not Notification.objects.exists() and not DBTaskResult.objects.exists()


@pytest.mark.req("PLT-3")
def test_email_off_and_daily_digest(demo, django_capture_on_commit_callbacks):
    off, digest = with_email("pegawai.ikp"), with_email("kabid.ikp")
    update_settings(user=off, email_enabled=False, daily_digest=False)
    update_settings(user=digest, email_enabled=True, daily_digest=True)
    with django_capture_on_commit_callbacks(execute=True):
        propose_cross_unit(demo)
        notify(digest, "uji.kedua", None, title="Laporan kedua menunggu")
    assert Notification.objects.filter(recipient=off).count() == 1  # still in the app
    run_worker()
    assert mail.outbox == []  # off: never; digest: not one by one
    call_command("send_notification_digests", stdout=io.StringIO())
    run_worker()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["kabid.ikp@contoh.go.id"]
    assert "Laporan kedua menunggu" in mail.outbox[0].body and "Menunggu tindakan Anda" in mail.outbox[0].body


@pytest.mark.req("PLT-3")
def test_bell_counts_unread_in_one_query_and_opening_marks_read(demo, login):
    user = User.objects.get(username="pegawai.ikp")
    for i in range(3):
        notify(user, "uji", None, title=f"Pemberitahuan {i}", url="/penugasan/")
    with CaptureQueriesContext(connection) as ctx:
        assert unread_count(user) == 3
    assert len(ctx.captured_queries) == 1
    client = login("pegawai.ikp")
    page = client.get(reverse("web:home")).content.decode()
    assert 'id="notif-badge">3' in page
    first = Notification.objects.filter(recipient=user).first()
    response = client.post(reverse("notifications:open", args=[first.pk]))
    assert response.status_code == 302 and response["Location"] == "/penugasan/"
    assert unread_count(user) == 2
    other = login("kabid.ikp")
    assert other.post(reverse("notifications:open", args=[first.pk])).status_code == 404  # not theirs
