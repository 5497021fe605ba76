"""A team (penugasan) names the business process it runs (issue 14 item 7): chosen on the
penunjukan form or later on its page, only from the actor's own region, shown on the
assignment's page with a link, and listed on the process's page — only to those who may see the
assignment, in a constant number of queries. The same through the API."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from sikerja.accounts.models import ApiToken
from sikerja.assignments import services
from sikerja.assignments.models import Assignment
from sikerja.assignments.services import AssignmentError, MemberInput
from sikerja.assignments.tests.people import actor, emp, unit
from sikerja.assignments.tests.test_views import base, form_data, text
from sikerja.audit.models import Event
from sikerja.processes.demo import link_demo_team
from sikerja.processes.models import Process

API = "/api/v1"
REFUSED = "Proses bisnis yang dipilih tidak ditemukan di pemerintah daerah ini"


def process(region, code="PB.1.2"):
    return Process.objects.get(region=region, code=code)


def api(username):
    _, raw = ApiToken.issue(user=get_user_model().objects.get(username=username), name="uji")
    c = Client()
    c.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    return c


def cross_unit(demo, **kw):
    """kabid.aptika assigns pegawai.ikp (lintas unit); pegawai.ikp and kabid.ikp are parties."""
    return services.propose(
        actor=actor("kabid.aptika"),
        form="individu",
        owning_unit_id=unit(demo.region, "DISKOMINFO.BID1").pk,
        members=[MemberInput(emp("pegawai.ikp").pk)],
        **base(),
        **kw,
    )


def in_bappeda(demo, **kw):
    """An assignment within Bappeda: no party of it works at Kominfo."""
    return services.propose(
        actor=actor("kabid.riset"),
        form="individu",
        owning_unit_id=unit(demo.region, "BAPPEDA.BID3").pk,
        members=[MemberInput(emp("pegawai.bappeda").pk)],
        **base(title="Kajian inovasi daerah"),
        **kw,
    )


@pytest.mark.req("PB-1")
def test_the_form_offers_the_units_processes_first_and_the_page_links_the_one_chosen(demo, login):
    c = login("kabid.aptika")
    page = c.get("/penugasan/baru/").content.decode()
    own = page.index('label="Proses bisnis unit ini"')
    other = page.index('label="Proses bisnis lain"')
    kominfo, asn = process(demo.region), process(demo.region, "PB.1.3")
    # Diskominfo's process (the Bidang's Dinas owns it) comes first; Manajemen ASN (Diskominfo
    # takes part) too; Bappeda's planning (Diskominfo takes part as well) — and the level 0 of
    # Setda, where Diskominfo takes part — all in the first group; nothing of another region.
    assert own < page.index(f'value="{kominfo.pk}"') < other
    assert own < page.index(f'value="{asn.pk}"') < other
    assert page.index(f'value="{process(demo.region, "PB.1.4").pk}"') > other
    assert "Teluk Damai" not in page[own:]

    data = form_data(unit(demo.region, "DISKOMINFO.BID1"), [(emp("pegawai.ikp"), "anggota", "")], process=kominfo.pk)
    r = c.post("/penugasan/baru/", data)
    assert r.status_code == 302, text(r)
    a = Assignment.objects.get()
    assert a.process == kominfo
    assert Event.objects.get(verb="assignment.proposed", object_id=str(a.pk)).changes["process"] == str(kominfo)
    detail = c.get(f"/penugasan/{a.pk}/").content.decode()
    facts = detail[detail.index('id="assignment-process"') :]
    assert f'href="/proses-bisnis/{kominfo.pk}/"' in facts[:400] and kominfo.name in facts[:400]
    # Not in the letters: no regulation asks for it (the request memo is the letter so far).
    memo = a.steps.get(kind="jawab_permohonan").request_document
    assert memo is not None and kominfo.name not in json.dumps(memo.payload)


@pytest.mark.req("PB-1")
def test_another_regions_process_is_refused_everywhere_and_nothing_is_written(demo, other_demo, login):
    foreign = Process.objects.filter(region=other_demo.region).first()
    assert foreign is not None
    r = login("kabid.aptika").post(
        "/penugasan/baru/",
        form_data(unit(demo.region, "DISKOMINFO.BID1"), [(emp("pegawai.ikp"), "anggota", "")], process=foreign.pk),
    )
    assert r.status_code == 400 and REFUSED in text(r)
    assert not Assignment.objects.exists()
    with pytest.raises(AssignmentError, match=REFUSED):
        cross_unit(demo, process_id=foreign.pk)
    assert not Assignment.objects.exists()

    c = api("kabid.aptika")
    body = {
        "form": "individu",
        "owning_unit_id": unit(demo.region, "DISKOMINFO.BID1").pk,
        "members": [{"employee_id": emp("pegawai.ikp").pk}],
        "process_id": foreign.pk,
        **{k: str(v) if k.endswith("_on") else v for k, v in base().items()},
    }
    r = c.post(f"{API}/penugasan", body, content_type="application/json")
    assert r.status_code == 400 and r.json()["code"] == "refused" and REFUSED in r.json()["detail"]
    assert not Assignment.objects.exists()

    a = cross_unit(demo)
    r = c.post(f"{API}/penugasan/{a.pk}/proses-bisnis", {"process_id": foreign.pk}, content_type="application/json")
    assert r.status_code == 400 and REFUSED in r.json()["messages"][0]
    r = login("kabid.aptika").post(f"/penugasan/{a.pk}/proses-bisnis/", {"process": foreign.pk})
    assert r.status_code == 400 and REFUSED in text(r)
    a.refresh_from_db()
    assert a.process_id is None


@pytest.mark.req("PB-1")
def test_naming_it_later_who_may_and_a_retired_process(demo, login):
    a = cross_unit(demo)
    kominfo = process(demo.region)
    # A member may see the assignment but not name its process.
    r = login("pegawai.ikp").post(f"/penugasan/{a.pk}/proses-bisnis/", {"process": kominfo.pk})
    assert r.status_code in (400, 403)
    assert 'id="process-form"' not in login("pegawai.ikp").get(f"/penugasan/{a.pk}/").content.decode()
    a.refresh_from_db()
    assert a.process_id is None
    r = api("pegawai.ikp").post(
        f"{API}/penugasan/{a.pk}/proses-bisnis", {"process_id": kominfo.pk}, content_type="application/json"
    )
    assert r.status_code == 403
    # The initiator names it, over the page and the API.
    r = login("kabid.aptika").post(f"/penugasan/{a.pk}/proses-bisnis/", {"process": kominfo.pk})
    assert r.status_code == 302
    a.refresh_from_db()
    assert a.process == kominfo
    assert Event.objects.filter(verb="assignment.process_named", object_id=str(a.pk)).count() == 1
    history = text(login("kabid.aptika").get(f"/penugasan/{a.pk}/"))
    assert f"Proses bisnis: {kominfo}" in history and "process_named" not in history
    d = api("kabid.aptika").get(f"{API}/penugasan/{a.pk}").json()
    assert d["process_id"] == kominfo.pk and d["process_name"] == str(kominfo)
    # A retired process is not offered to anyone new, but the one already named stays.
    Process.objects.filter(pk=kominfo.pk).update(is_active=False)
    page = login("kabid.aptika").get(f"/penugasan/{a.pk}/").content.decode()
    assert f'value="{kominfo.pk}" selected' in page and "tidak aktif" in page
    with pytest.raises(AssignmentError, match="sudah tidak aktif"):
        in_bappeda(demo, process_id=kominfo.pk)
    r = api("kabid.aptika").post(
        f"{API}/penugasan/{a.pk}/proses-bisnis", {"process_id": None}, content_type="application/json"
    )
    assert r.status_code == 200 and r.json()["process_id"] is None
    # Withdrawn: its process no longer changes.
    services.cancel(actor=actor("kabid.aptika"), assignment_id=a.pk, reason="Tidak jadi")
    r = api("kabid.aptika").post(
        f"{API}/penugasan/{a.pk}/proses-bisnis",
        {"process_id": process(demo.region, "PB.1.3").pk},
        content_type="application/json",
    )
    assert r.status_code == 409


@pytest.mark.req("PB-1")
def test_the_process_page_lists_only_the_assignments_the_viewer_may_see(demo, login):
    kominfo = process(demo.region)
    seen = cross_unit(demo, process_id=kominfo.pk)
    hidden = in_bappeda(demo, process_id=kominfo.pk)
    url = f"/proses-bisnis/{kominfo.pk}/"

    def listed(username):
        html = login(username).get(url).content.decode()
        part = html[html.index('id="process-assignments"') :]
        return part[: part.index("</ul>")]

    mine = listed("pegawai.ikp")
    assert f"/penugasan/{seen.pk}/" in mine and f"/penugasan/{hidden.pk}/" not in mine and "Kajian inovasi" not in mine
    everyone = listed("admin.organisasi")
    assert f"/penugasan/{seen.pk}/" in everyone and f"/penugasan/{hidden.pk}/" in everyone
    assert f"/penugasan/{seen.pk}/" not in listed("pegawai.bappeda")
    # The API lists the same, scoped the same way; the penugasan list filters by process.
    ids = [x["id"] for x in api("pegawai.ikp").get(f"{API}/proses-bisnis/{kominfo.pk}").json()["assignments"]]
    assert ids == [seen.pk]
    ids = {x["id"] for x in api("admin.organisasi").get(f"{API}/proses-bisnis/{kominfo.pk}").json()["assignments"]}
    assert ids == {seen.pk, hidden.pk}
    rows = api("admin.organisasi").get(f"{API}/penugasan", {"process": kominfo.pk}).json()["items"]
    assert {x["id"] for x in rows} == {seen.pk, hidden.pk} and all(x["process_id"] == kominfo.pk for x in rows)

    # Constant queries: more teams running it cost nothing more.
    c = login("admin.organisasi")
    c.get(url)
    with CaptureQueriesContext(connection) as few:
        c.get(url)
    for _ in range(3):
        cross_unit(demo, process_id=kominfo.pk)
    with CaptureQueriesContext(connection) as many:
        assert c.get(url).content.decode().count("/penugasan/") >= 5
    assert len(many) == len(few)


@pytest.mark.req("PB-1")
def test_the_demo_team_runs_the_kelembagaan_process(demo):
    from sikerja.execution.demo import seed_execution

    seed_execution(demo.region)
    link_demo_team(demo.region)
    team = Assignment.objects.get(region=demo.region, title="Tim Tindak Lanjut Evaluasi Kelembagaan")
    assert team.process.code == "PB.1.4" and team.process.owning_unit.code == "SETDA.AS3.B1"
