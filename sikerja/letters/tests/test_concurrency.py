"""N letters issued at the same moment by one unit get N distinct, consecutive numbers."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections

from sikerja.accounts.access import actor_for
from sikerja.letters.models import Document, NumberSequence
from sikerja.letters.payloads import person_from_employee
from sikerja.letters.samples import sample_payload
from sikerja.letters.services import issue_document
from sikerja.organisation.demo.builder import build_demo_region
from sikerja.organisation.models import Employee, Unit

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs real concurrent transactions and SELECT ... FOR UPDATE (PostgreSQL); SQLite serialises writers",
    ),
]
N = 8


@pytest.mark.req("PEN-15")
@pytest.mark.django_db(transaction=True)
def test_concurrent_issuing_gets_distinct_consecutive_numbers():
    region, _, _ = build_demo_region(n_employees=150, seed=5, slug="serentak-surat", user_prefix="srt")
    unit = Unit.objects.get(region=region, code="DISKOMINFO")
    signer = Employee.objects.get(region=region, position__unit=unit, position__is_leader=True)
    persons = [person_from_employee(e) for e in Employee.objects.filter(region=region, unit__perangkat_daerah=unit).exclude(pk=signer.pk)[:2]]
    user = get_user_model().objects.get(username="srt.kadis.kominfo")  # only the signer signs
    barrier = threading.Barrier(N)
    numbers, errors = [], []

    def attempt(i):
        try:
            actor = actor_for(user, region)
            barrier.wait()
            doc = issue_document(actor=actor, kind="surat_perintah", issuing_unit=unit,
                                 payload=sample_payload("surat_perintah", persons=persons), official=signer)
            numbers.append(doc.sequence)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(N)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(numbers) == list(range(1, N + 1))
    assert Document.objects.filter(region=region).values("number").distinct().count() == N
    assert NumberSequence.objects.get(unit=unit).last_number == N


@pytest.mark.req("PEN-15")
@pytest.mark.django_db(transaction=True)
def test_rendering_does_not_hold_the_number_lock():
    """Issue 10 item 7: while one letter of a unit renders (patched to wait), a second letter of
    the same unit is numbered and issued; both get distinct numbers and both verify by hash."""
    import hashlib
    import time
    from unittest import mock

    from sikerja.letters import services

    region, _, _ = build_demo_region(n_employees=150, seed=6, slug="serentak-render", user_prefix="srr")
    unit = Unit.objects.get(region=region, code="DISKOMINFO")
    signer = Employee.objects.get(region=region, position__unit=unit, position__is_leader=True)
    persons = [
        person_from_employee(e)
        for e in Employee.objects.filter(region=region, unit__perangkat_daerah=unit).exclude(pk=signer.pk)[:2]
    ]
    user = get_user_model().objects.get(username="srr.kadis.kominfo")
    real_render = services.render_files
    rendering, release = threading.Event(), threading.Event()
    results, errors = {}, []

    def slow_render(**kwargs):
        if threading.current_thread().name == "slow":
            rendering.set()
            assert release.wait(30), "the second letter never finished while this one rendered"
        return real_render(**kwargs)

    def issue(name):
        try:
            actor = actor_for(user, region)
            started = time.monotonic()
            doc = issue_document(
                actor=actor,
                kind="surat_perintah",
                issuing_unit=unit,
                payload=sample_payload("surat_perintah", persons=persons),
                official=signer,
            )
            results[name] = (doc.pk, doc.sequence, time.monotonic() - started)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(repr(exc))
        finally:
            if name == "fast":
                release.set()
            connections.close_all()

    with mock.patch.object(services, "render_files", side_effect=slow_render):
        slow = threading.Thread(target=issue, args=("slow",), name="slow")
        slow.start()
        assert rendering.wait(60)
        fast = threading.Thread(target=issue, args=("fast",), name="fast")
        fast.start()
        fast.join(60)
        slow.join(60)
    assert errors == []
    # The fast letter finished while the slow one was still rendering (it waited on ``release``,
    # which only the fast one sets): the sequence row was not locked during rendering.
    assert set(results) == {"slow", "fast"}
    assert results["slow"][1] == 1 and results["fast"][1] == 2
    for pk, _, _ in results.values():
        doc = Document.objects.select_related("file").get(pk=pk)
        assert doc.sha256 == hashlib.sha256(bytes(doc.file.pdf)).hexdigest()
