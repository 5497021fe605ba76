import pytest
from django.db import connection  # noqa: F401 - used by the skipif condition

from sikerja.audit.models import AppendOnlyError, Event
from sikerja.audit.services import record_event
from sikerja.organisation.models import Unit


def test_events_are_append_only(demo):
    unit = Unit.objects.get(region=demo.region, code="SETDA")
    event = record_event(region=demo.region, actor=None, verb="unit.renamed", obj=unit, changes={"name": ["a", "b"]})
    assert event.object_type == "organisation.unit" and event.object_id == str(unit.pk)
    event.reason = "ubah"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        Event.objects.filter(pk=event.pk).update(reason="x")
    with pytest.raises(AppendOnlyError):
        Event.objects.filter(pk=event.pk).delete()
    assert Event.objects.filter(pk=event.pk, reason="").exists()


def test_master_data_keeps_its_history(demo):
    unit = Unit.objects.get(region=demo.region, code="SETDA")
    unit.name = "Sekretariat Daerah Kabupaten"
    unit.save()
    unit.name = "Sekretariat Daerah"
    unit.save()
    names = list(unit.history.order_by("history_date").values_list("name", flat=True))
    assert names[-2:] == ["Sekretariat Daerah Kabupaten", "Sekretariat Daerah"]


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="database trigger exists on PostgreSQL only")
def test_database_refuses_to_rewrite_events_on_postgresql(demo):
    from django.db import DatabaseError, transaction

    unit = Unit.objects.get(region=demo.region, code="SETDA")
    event = record_event(region=demo.region, actor=None, verb="unit.checked", obj=unit)
    for sql in ("UPDATE audit_event SET reason = 'x' WHERE id = %s", "DELETE FROM audit_event WHERE id = %s"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [event.pk])
    assert Event.objects.filter(pk=event.pk, reason="").exists()
