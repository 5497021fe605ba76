"""Stateless app servers (issue 15, "Scale past one machine"): two gunicorn processes on one
PostgreSQL serve the same users. A session made on one is valid on the other, letters issued at
the same moment through both get distinct consecutive numbers (the number lock is a row lock in
the database, not a lock in a process), and a task queued once is run once by two workers.

Each server is a separate operating-system process reading the test database, so the test data
is committed (``transaction=True``) and the servers are started after it exists."""

from __future__ import annotations

import datetime as dt
import html
import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import ExitStack, contextmanager

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection

from sikerja.accounts.access import actor_for
from sikerja.accounts.models import ApiToken
from sikerja.assignments import services
from sikerja.assignments.models import Step
from sikerja.letters.models import Document, NumberSequence
from sikerja.organisation.demo.builder import DEMO_PASSWORD, build_demo_region
from sikerja.organisation.models import Unit

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="two processes on one database server (PostgreSQL)"),
]
N_LETTERS = 6


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env() -> dict[str, str]:
    db = connection.settings_dict
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        DJANGO_SETTINGS_MODULE="sikerja.config.settings",
        DJANGO_SECRET_KEY=str(settings.SECRET_KEY),
        SIKERJA_DEMO="1",
        SIKERJA_REQUIRE_SECOND_FACTOR="0",
        DB_CONN_MAX_AGE="0",
    )
    return env


@contextmanager
def _gunicorn():
    port = _free_port()
    cmd = [
        sys.executable, "-m", "gunicorn", "sikerja.config.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", "1", "--timeout", "120", "--log-level", "warning",
    ]  # fmt: skip
    proc = subprocess.Popen(cmd, env=_env(), cwd=settings.BASE_DIR)  # noqa: S603 - fixed argv, no shell
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"gunicorn stopped with code {proc.returncode}")
            try:
                urllib.request.urlopen(f"{url}/masuk/", timeout=5).read()  # noqa: S310 - loopback
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextmanager
def two_servers():
    with ExitStack() as stack:
        yield stack.enter_context(_gunicorn()), stack.enter_context(_gunicorn())


def _login(opener, url: str, username: str) -> None:
    page = opener.open(f"{url}/masuk/", timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username, "password": DEMO_PASSWORD})
    request = urllib.request.Request(f"{url}/masuk/", data=form.encode(), headers={"Referer": f"{url}/masuk/"})
    opener.open(request, timeout=30).read()


def _region(prefix: str):
    region, _, _ = build_demo_region(n_employees=150, seed=11, slug=f"{prefix}-region", user_prefix=prefix)
    users = {
        u.username.removeprefix(f"{prefix}."): u
        for u in get_user_model().objects.filter(username__startswith=f"{prefix}.")
    }
    return region, users


@pytest.mark.req("PLT-8")
@pytest.mark.django_db(transaction=True)
def test_a_session_made_on_one_server_is_valid_on_the_other():
    _, users = _region("duasesi")
    username = users["kabid.aptika"].username
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with two_servers() as (a, b):
        _login(opener, a, username)
        assert any(c.name == settings.SESSION_COOKIE_NAME for c in jar), "login on server A made no session"
        # The cookie is for 127.0.0.1 whatever the port, so server B receives the same session.
        response = opener.open(f"{b}/akun/", timeout=30)
        assert response.geturl().endswith("/akun/"), "server B sent the user back to the login page"
        assert users["kabid.aptika"].employee.name in html.unescape(response.read().decode())


@pytest.mark.req("PEN-15")
@pytest.mark.django_db(transaction=True)
def test_letters_issued_through_two_servers_at_once_get_consecutive_numbers():
    region, users = _region("duasurat")
    actor = actor_for(users["kabid.aptika"], region)
    owning = Unit.objects.get(region=region, code="DISKOMINFO.BID1")
    member = users["pegawai.ikp"].employee
    steps = []
    for i in range(N_LETTERS):
        a = services.propose(
            actor=actor, form="individu", owning_unit_id=owning.pk, members=[services.MemberInput(member.pk)],
            title=f"Dua server {i}", purpose="Uji", target="Uji", competences=["Uji"],
            starts_on=dt.date(2027, 2, 1), ends_on=dt.date(2027, 2, 26), hours_per_week=1,
        )  # fmt: skip
        answer = a.steps.get(kind=Step.Kind.JAWAB_PERMOHONAN)
        services.decide(
            actor=actor_for(users["kabid.ikp"], region), assignment_id=a.pk, step_id=answer.pk, approve=True
        )
        steps.append((a.pk, a.steps.get(kind=Step.Kind.TERBITKAN).pk))
    _, raw = ApiToken.issue(user=users["kabid.aptika"], name="dua-server")
    before = Document.objects.filter(region=region).count()
    barrier = threading.Barrier(N_LETTERS)
    outcomes = []

    def issue(url, assignment_id, step_id):
        request = urllib.request.Request(
            f"{url}/api/v1/penugasan/{assignment_id}/langkah/{step_id}/terbitkan", data=b"{}", method="POST",
            headers={"Authorization": f"Bearer {raw}", "Content-Type": "application/json"},
        )  # fmt: skip
        barrier.wait()
        try:
            with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310 - loopback
                outcomes.append((response.status, json.loads(response.read())["status"]))
        except urllib.error.HTTPError as exc:
            outcomes.append((exc.code, exc.read().decode()[:300]))

    with two_servers() as servers:
        threads = [threading.Thread(target=issue, args=(servers[i % 2], *ids)) for i, ids in enumerate(steps)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert [status for status, _ in outcomes] == [200] * N_LETTERS, outcomes
    letters = Document.objects.filter(region=region).exclude(kind__startswith="nota_dinas")
    assert letters.count() == N_LETTERS and Document.objects.filter(region=region).count() == before + N_LETTERS
    sequences = sorted(letters.values_list("sequence", flat=True))
    assert sequences == list(range(sequences[0], sequences[0] + N_LETTERS)), sequences
    assert letters.values("number").distinct().count() == N_LETTERS
    assert NumberSequence.objects.filter(unit__in=letters.values("issuing_unit")).get().last_number == sequences[-1]


@pytest.mark.req("PLT-3")
@pytest.mark.django_db(transaction=True)
def test_two_workers_send_each_queued_mail_once():
    from django_tasks_db.models import DBTaskResult

    from sikerja.notifications.models import Notification
    from sikerja.notifications.services import notify

    region, users = _region("duapekerja")
    people = list(users.values())[:12]
    for user in people:
        user.email = f"{user.username}@pemda.example.go.id"
        user.save(update_fields=["email"])
    for round_ in range(2):  # autocommit: each notify commits and queues its mail at once
        for user in people:
            notify(user, "uji.dua_pekerja", title=f"Pemberitahuan {round_ + 1} untuk {user.username}", region=region)
    queued = DBTaskResult.objects.filter(status="READY").count()
    assert queued == 2 * len(people)
    cmd = [sys.executable, "manage.py", "sikerja_worker", "--batch", "-v0"]
    workers = [
        subprocess.Popen([*cmd, "--worker-id", f"uji-{i}"], env=_env(), cwd=settings.BASE_DIR,  # noqa: S603
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for i in range(2)
    ]  # fmt: skip
    outputs = [w.communicate(timeout=300)[0] for w in workers]
    assert [w.returncode for w in workers] == [0, 0], outputs
    # The console mail backend prints each mail once: 24 subjects over both workers, none twice.
    subjects = [line for out in outputs for line in out.splitlines() if line.startswith("Subject: ")]
    assert len(subjects) == queued and len(set(subjects)) == queued, subjects
    results = DBTaskResult.objects.all()
    assert {r.status for r in results} == {"SUCCESSFUL"}
    assert all(len(r.worker_ids) == 1 for r in results)
    assert not Notification.objects.filter(verb="uji.dua_pekerja", emailed_at__isnull=True).exists()
