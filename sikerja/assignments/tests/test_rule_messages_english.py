"""PLT-5: the messages the pure rules build reach the person in the page's language, while the
same texts kept on a record (decision notes, audit) stay in Bahasa Indonesia."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import translation

from sikerja.accounts.models import ApiToken
from sikerja.assignments import services
from sikerja.assignments.models import Assignment
from sikerja.assignments.services import AssignmentError, MemberInput
from sikerja.assignments.standing import StandingMemberInput as In
from sikerja.assignments.tests.people import END, START, actor, emp, unit
from sikerja.assignments.tests.test_flow_services import base
from sikerja.assignments.tests.test_standing import leader, record, use_profile
from sikerja.audit.models import Event
from sikerja.tenancy.models import Region


def _mahakam_ulu(demo, profiles):
    region = Region.objects.get(pk=demo.region.pk)  # a copy: the session's object keeps its profile
    region.profile = profiles["mahakam-ulu"]
    region.save(update_fields=["profile"])
    return region


def _propose_across_institutions(region):
    external = MemberInput(external_name="Ir. Budi", external_org="Pemerintah Provinsi Kalimantan Timur")
    return services.propose(
        actor=actor("kabid.aptika", region),
        form="tim_kerja",
        owning_unit_id=unit(region, "DISKOMINFO.BID1").pk,
        members=[MemberInput(emp("pegawai.kominfo").pk, role="ketua"), external],
        **base(),
    )


@pytest.mark.req("PLT-5", "PEN-2")
def test_a_scope_refusal_from_the_rules_reads_in_english_through_the_service(demo, profiles):
    region = _mahakam_ulu(demo, profiles)
    with translation.override("en"), pytest.raises(AssignmentError) as exc:
        _propose_across_institutions(region)
    message = exc.value.messages[0]
    assert message.startswith("Perbup Mahakam Ulu 44/2024 does not provide for assignments across institutions")
    assert "scopes provided: within one organisational unit" in message
    assert "Pasal 12 ayat (2)" in message  # the citation is data: kept as the profile has it
    assert "tidak mengatur" not in message and "lintas" not in message
    # Indonesian (the default) keeps the rule's own words
    with pytest.raises(AssignmentError, match="Perbup Mahakam Ulu 44/2024 tidak mengatur penugasan lintas instansi"):
        _propose_across_institutions(region)
    assert not Assignment.objects.filter(region=region).exists()


@pytest.mark.req("PLT-5", "PEN-2")
def test_a_scope_refusal_reaches_the_api_in_the_language_chosen(demo, profiles):
    region = _mahakam_ulu(demo, profiles)
    _token, raw = ApiToken.issue(user=get_user_model().objects.get(username="kabid.aptika"), name="uji")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    body = {
        "form": "tim_kerja", "owning_unit_id": unit(region, "DISKOMINFO.BID1").pk, "title": "Tim data",
        "purpose": "Menyusun data", "target": "Data terbit", "starts_on": START.isoformat(), "ends_on": END.isoformat(),
        "competences": ["Statistik"], "hours_per_week": 4,
        "members": [{"employee_id": emp("pegawai.kominfo").pk, "role": "ketua"},
                    {"external_name": "Ir. Budi", "external_org": "Pemerintah Provinsi Kalimantan Timur"}],
    }  # fmt: skip
    response = client.post("/api/v1/penugasan", body, content_type="application/json")
    assert response.status_code == 400, response.content
    messages = " ".join(response.json()["messages"])
    assert "does not provide for assignments across institutions" in messages and "Pasal 12 ayat (2)" in messages
    assert "tidak mengatur" not in messages
    del client.cookies[settings.LANGUAGE_COOKIE_NAME]  # no choice: Bahasa Indonesia
    response = client.post("/api/v1/penugasan", body, content_type="application/json")
    assert "tidak mengatur penugasan lintas instansi" in " ".join(response.json()["messages"])
    assert not Assignment.objects.filter(region=region).exists()


@pytest.mark.req("PLT-5", "PEN-5", "PEN-7")
def test_decision_notes_written_while_english_is_active_stay_indonesian(demo):
    with translation.override("en"):
        a = services.propose(
            actor=actor("kabid.aptika"),
            form="individu",
            owning_unit_id=unit(demo.region, "DISKOMINFO.BID1").pk,
            members=[MemberInput(emp("pegawai.kominfo").pk)],
            **base(),
        )
    notes = " ".join(a.decisions)
    assert "diatur dalam" in notes and "ditetapkan oleh" in notes
    assert "provided for" not in notes and " is set by " not in notes and "within one" not in notes
    issue = a.steps.get(kind="terbitkan")
    assert issue.action.startswith("Menetapkan ")
    event = Event.objects.filter(object_id=str(a.pk)).order_by("pk").first()
    assert "provided for" not in str(event.changes)


@pytest.mark.req("PLT-5", "PEN-12")
def test_voluntary_steps_kept_on_the_record_stay_indonesian(demo):
    with translation.override("en"):
        v = services.apply_voluntarily(
            actor=actor("pegawai.kominfo"), owning_unit_id=unit(demo.region, "DISKOMINFO.BID1").pk, **base()
        )
    assert all("provided" not in d and "flow" not in d for d in v.decisions)
    assert any("pengajuan sukarela" in d for d in v.decisions)


@pytest.mark.req("PLT-5", "TIK-2")
def test_a_standing_team_refusal_reads_in_english_and_its_notes_stay_indonesian(demo):
    region = use_profile(demo.region, "mahakam-ulu")
    admin = actor("admin.organisasi", region)
    short = [
        In(leader(region, "SETDA").pk, "ketua"),
        In(leader(region, "BAPPEDA").pk),
        In(leader(region, "DISKOMINFO").pk),
    ]
    with translation.override("en"), pytest.raises(AssignmentError) as exc:
        record(admin, "tim_koordinasi_spbe", short)
    english = " ".join(exc.value.messages)
    assert "The composition of the SPBE Coordination Team has no " in english
    assert "huruf b angka 2" in english and "Belum ada" not in english
    full = short + [In(leader(region, "BPKAD").pk), In(leader(region, "SETDA.AS3.B1").pk),
                    In(leader(region, "SETDA.AS3").pk, "sekretaris"), In(leader(region, "DINKES").pk)]  # fmt: skip
    with translation.override("en"):
        team = record(admin, "tim_koordinasi_spbe", full, title="Tim Koordinasi SPBE")
    assert any(d.startswith("Susunan Tim Koordinasi SPBE sesuai") for d in team.decisions)
    assert any(d.startswith("Tim Koordinasi SPBE diatur dalam Perbup Mahakam Ulu") for d in team.decisions)
    assert not any("complies" in d or "Coordination Team" in d for d in team.decisions)
    event = Event.objects.get(object_id=str(team.pk), verb="assignment.standing_recorded")
    assert "Sekretaris Daerah" in " ".join(event.changes["members"])
    assert "Regional Secretary" not in str(event.changes)
