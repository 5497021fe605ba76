"""A penugasan proposed from a strategy through the web UI (issue 12 item 2, MEK-1; PPU
Lampiran A angka 1 huruf c): the button on the strategy for its responsible official (or their
Plh/Plt), penugasan's own penunjukan form opened with ``?strategi=`` and prefilled from the
target, the StrategyAssignment recorded on submit, and the work serving the target once its
letter is issued. Another region's strategy is a 404, anyone else is refused; nothing is
half-written; the form without ``?strategi=`` is unchanged."""

import datetime as dt
import html
import re

import pytest
from django.utils import timezone

from sikerja.assignments.models import Assignment
from sikerja.execution.models import StrategyAssignment, Work
from sikerja.execution.services import planning
from sikerja.execution.tests.helpers import actor, emp, unit
from sikerja.organisation.models import Delegation

ROWS = [
    {"sasaran": "Meningkatnya layanan digital", "indikator": "Persentase layanan daring", "target": "80%"},
    {"sasaran": "Tata kelola SPBE", "indikator": "Indeks SPBE", "target": "3,5"},
]
PROPOSE = "/penugasan/baru/"


def words(markup: str) -> str:
    """The visible text of some HTML, whitespace collapsed."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def text(response) -> str:
    return words(response.content.decode())


def _strategy(region, *, form="individu", needs_other_units=False, needs_ketua=False, login="kadis.kominfo"):
    """The Kominfo agreement in force, target 1 handed to the Kabid Aptika, and his strategy."""
    a = planning.create_agreement(
        actor=actor(login), unit_id=unit(region, "DISKOMINFO").pk, year=timezone.localdate().year, targets=ROWS
    )
    planning.sign_agreement(actor=actor(login), agreement_id=a.pk)  # a PD head: in force at once
    target = a.targets.order_by("order").first()
    planning.hand_target(actor=actor(login), target_id=target.pk, responsible_id=emp("kabid.aptika").pk)
    return planning.record_strategy(
        actor=actor("kabid.aptika"),
        target_id=target.pk,
        form=form,
        needs_other_units=needs_other_units,
        needs_ketua=needs_ketua,
        description="Dikerjakan bersama pranata komputer bidang.",
    )


def _post(owning, members, form="individu", **kw):
    start = timezone.localdate() + dt.timedelta(days=3)
    data = {
        "form": form,
        "owning_unit": owning.pk,
        "title": "Portal layanan daring",
        "purpose": "Membangun portal layanan daring",
        "target": "Persentase layanan daring: 80%",
        "competences": "Pemrograman",
        "starts_on": start.isoformat(),
        "ends_on": (start + dt.timedelta(days=60)).isoformat(),
        "hours_per_week": "4",
        "nature": "reguler",
        "other_arrangements": "",
        "external_members": "",
        "member": [e.pk for e, _ in members],
    }
    for e, role in members:
        data[f"role_{e.pk}"] = role
        data[f"reason_{e.pk}"] = ""
    data.update(kw)
    return data


def _issue(assignment):
    """Penugasan's remaining steps (consents, then the letter) by their officials."""
    from sikerja.assignments import services as penugasan

    for _ in range(6):
        assignment.refresh_from_db()
        step = assignment.steps.filter(status="menunggu").select_related("official__user").first()
        if assignment.status == "diterbitkan" or step is None:
            return
        who = actor(step.official.user.username)
        if step.kind == "terbitkan":
            penugasan.issue(actor=who, assignment_id=assignment.pk, step_id=step.pk)
        else:
            penugasan.decide(actor=who, assignment_id=assignment.pk, step_id=step.pk, approve=True)


@pytest.mark.req("MEK-1")
def test_the_button_is_shown_to_the_responsible_official_and_their_plh_only(demo, login):
    s = _strategy(demo.region)
    url = f"/pelaksanaan/perjanjian-kinerja/{s.target.agreement_id}/"
    button = f'id="propose-from-{s.pk}"'
    mine = login("kabid.aptika").get(url).content.decode()
    assert button in mine and f'href="{PROPOSE}?strategi={s.pk}"' in mine
    assert "Usulkan penugasan dari strategi ini" in mine
    assert button not in login("kadis.kominfo").get(url).content.decode()  # handed it on: not his to propose
    Delegation.objects.create(
        region=demo.region,
        kind=Delegation.Kind.PLH,
        delegator=emp("kabid.aptika"),
        delegate=emp("kabid.ikp"),
        starts_on=dt.date(2020, 1, 1),
        ends_on=dt.date(2099, 1, 1),
        basis_number="800/PLH/9",
        basis_date=dt.date(2020, 1, 1),
    )
    assert button in login("kabid.ikp").get(url).content.decode()
    assert login("kabid.ikp").get(f"{PROPOSE}?strategi={s.pk}").status_code == 200


@pytest.mark.req("MEK-1")
def test_the_form_names_the_target_and_is_prefilled_from_the_strategy(demo, login):
    s = _strategy(demo.region, form="tim_kerja", needs_ketua=True)
    r = login("kabid.aptika").get(f"{PROPOSE}?strategi={s.pk}")
    assert r.status_code == 200
    page = r.content.decode()
    notice = words(page.split('id="strategy-notice"')[1].split("</section>")[0])
    assert "Sasaran Meningkatnya layanan digital" in notice and "Indikator kinerja Persentase layanan daring" in notice
    assert "Target 80%" in notice and "perjanjian kinerja Dinas" in notice
    assert "memerlukan ketua tim" in notice and "tidak memerlukan pejabat dari unit lain" in notice
    # only the strategy's form is offered, and chosen
    assert re.search(r'name="form" value="tim_kerja"[^>]*checked', page)
    assert 'value="individu"' not in page.split('id="propose-form"')[1].split("</fieldset>")[0]
    bid1 = unit(demo.region, "DISKOMINFO.BID1")
    assert re.search(rf'<option value="{bid1.pk}" selected>', page)  # the responsible official's unit
    assert 'name="title" value="Persentase layanan daring"' in page
    assert "Persentase layanan daring: 80%</textarea>" in page
    assert "Mencapai sasaran Meningkatnya layanan digital" in page
    # nobody from other units is needed: the candidate search starts in the owning unit
    search = page.split('id="cand-unit"')[1].split("</select>")[0]
    assert f'value="{bid1.pk}" selected' in search
    assert "Kirim penunjukan" in text(r)


@pytest.mark.req("MEK-1", "KIN-1")
def test_submitting_records_the_strategy_and_the_issued_work_serves_the_target(demo, login):
    s = _strategy(demo.region, form="tim_kerja", needs_other_units=True, needs_ketua=True)
    c = login("kabid.aptika")
    bid1 = unit(demo.region, "DISKOMINFO.BID1")
    r = c.post(
        f"{PROPOSE}?strategi={s.pk}",
        _post(bid1, [(emp("pegawai.kominfo"), "ketua"), (emp("pegawai.ikp"), "anggota")], form="tim_kerja"),
    )
    a = Assignment.objects.get()
    assert r.status_code == 302 and r["Location"] == f"/penugasan/{a.pk}/", text(r)
    assert StrategyAssignment.objects.get(assignment=a).strategy == s
    assert a.form == "tim_kerja" and a.scope == "lintas_unit" and a.status == "proses"  # the home leader is asked
    agreement_url = f"/pelaksanaan/perjanjian-kinerja/{s.target.agreement_id}/"
    listed = c.get(agreement_url).content.decode().split(f'id="proposed-{s.pk}"')[1].split("</ul>")[0]
    assert f'href="/penugasan/{a.pk}/"' in listed and "Dalam proses" in listed and "Portal layanan daring" in listed
    _issue(a)
    a.refresh_from_db()
    assert a.status == "diterbitkan"
    work = Work.objects.get(assignment=a)
    assert work.target == s.target and work.strategy == s
    listed = c.get(agreement_url).content.decode().split(f'id="proposed-{s.pk}"')[1].split("</ul>")[0]
    assert "Diterbitkan" in listed and f'href="/pelaksanaan/{work.pk}/"' in listed
    served = text(login("pegawai.kominfo").get(f"/pelaksanaan/{work.pk}/"))
    assert "Melayani target kinerja: Persentase layanan daring — 80%" in served


@pytest.mark.req("MEK-1", "PEL-3")
def test_a_strategy_without_other_units_takes_the_owning_units_people(demo, login):
    s = _strategy(demo.region)
    c = login("kabid.aptika")
    bid1 = unit(demo.region, "DISKOMINFO.BID1")
    r = c.post(f"{PROPOSE}?strategi={s.pk}", _post(bid1, [(emp("pegawai.ikp"), "anggota")]))
    assert r.status_code == 400
    assert "tidak memerlukan pejabat dari unit lain" in text(r) and emp("pegawai.ikp").full_name in text(r)
    assert not Assignment.objects.exists() and not StrategyAssignment.objects.exists()
    # within the unit it goes through and, signed by the Kabid himself, is issued at once
    r = c.post(f"{PROPOSE}?strategi={s.pk}", _post(bid1, [(emp("pegawai.kominfo"), "anggota")]))
    a = Assignment.objects.get()
    assert r.status_code == 302 and a.status == "diterbitkan"
    assert Work.objects.get(assignment=a).target == s.target


@pytest.mark.req("MEK-1")
def test_other_region_unknown_or_foreign_strategy_is_refused_and_writes_nothing(demo, other_demo, login):
    s = _strategy(demo.region)
    bid1 = unit(demo.region, "DISKOMINFO.BID1")
    data = _post(bid1, [(emp("pegawai.kominfo"), "anggota")])
    other = login("lain.kabid.aptika")
    assert other.get(f"{PROPOSE}?strategi={s.pk}").status_code == 404
    assert other.post(f"{PROPOSE}?strategi={s.pk}", data).status_code == 404
    kabid = login("kabid.aptika")
    for bad in ("999999", "abc", "²", "1" * 30, "-1"):
        assert kabid.get(f"{PROPOSE}?strategi={bad}").status_code == 404, bad
        assert kabid.post(f"{PROPOSE}?strategi={bad}", data).status_code == 404, bad
    # the Kadis handed the target on; a colleague leading another bidang is not its official either
    for who in ("kadis.kominfo", "kabid.ikp"):
        c = login(who)
        refused = c.get(f"{PROPOSE}?strategi={s.pk}")
        assert refused.status_code == 403 and "penanggung jawab target" in text(refused)
        assert c.post(f"{PROPOSE}?strategi={s.pk}", data).status_code == 403
    assert not Assignment.objects.exists() and not StrategyAssignment.objects.exists()


@pytest.mark.req("MEK-1", "PEN-4")
def test_the_plain_propose_form_is_unchanged(demo, login):
    _strategy(demo.region)
    c = login("kabid.aptika")
    page = c.get(PROPOSE).content.decode()
    assert 'id="strategy-notice"' not in page
    assert 'name="form" value="individu"' in page and 'name="form" value="tim_kerja"' in page
    assert 'name="title" value=' not in page  # nothing prefilled
    search = page.split('id="cand-unit"')[1].split("</select>")[0]
    assert " selected" not in search
    for empty in ("", " "):
        assert 'id="strategy-notice"' not in c.get(f"{PROPOSE}?strategi={empty}").content.decode()
    # cross-unit, without a strategy: allowed as always, and no StrategyAssignment
    bid1 = unit(demo.region, "DISKOMINFO.BID1")
    r = c.post(PROPOSE, _post(bid1, [(emp("pegawai.ikp"), "anggota")]))
    a = Assignment.objects.get()
    assert r.status_code == 302 and a.scope == "lintas_unit"
    assert not StrategyAssignment.objects.exists()
