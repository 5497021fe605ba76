"""Pages of penugasan (issue 5) on the demo region (PPU profile): each page renders for the
right people, every transition runs through the UI (POST), and is refused for the wrong
people — "not your unit" (403), "not your region" (404), "not the signer" (403) — while bad
input is answered in Indonesian and writes nothing."""

import datetime as dt
import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sikerja.assignments import selectors, services
from sikerja.assignments.context import waiting_count
from sikerja.assignments.models import Assignment, Member, Step
from sikerja.assignments.services import MemberInput
from sikerja.assignments.tests.people import END, START, actor, emp, unit
from sikerja.audit.models import Event
from sikerja.letters.models import Document
from sikerja.organisation.models import Delegation, Employee

PPU = "Perbup Penajam Paser Utara 31/2024"


# --- helpers -----------------------------------------------------------------------------------


def text(response) -> str:
    """The visible text of a page, whitespace collapsed (for messages)."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def base(**kw):
    data = dict(title="Pengembangan aplikasi layanan", purpose="Membangun aplikasi layanan publik",
                target="Aplikasi berjalan di 3 OPD", starts_on=START, ends_on=END, competences=["Pemrograman"],
                hours_per_week=6)
    data.update(kw)
    return data


def form_data(owning, members=(), **kw):
    """POST data of the penunjukan form; ``members``: (employee, role, reason) tuples."""
    data = {"form": "individu", "owning_unit": owning.pk, "title": "Pengembangan aplikasi layanan",
            "purpose": "Membangun aplikasi layanan publik", "target": "Aplikasi berjalan di 3 OPD",
            "competences": "Pemrograman, Analisis data", "starts_on": "2026-12-01", "ends_on": "2027-02-26",
            "hours_per_week": "6", "nature": "reguler", "other_arrangements": "", "external_members": "",
            "member": [e.pk for e, _, _ in members]}
    for e, role, reason in members:
        data[f"role_{e.pk}"] = role
        data[f"reason_{e.pk}"] = reason
    data.update(kw)
    return data


def cross_unit(demo):
    """kabid.aptika asks for pegawai.ikp (lintas unit): step 1 waits for kabid.ikp."""
    return services.propose(actor=actor("kabid.aptika"), form="individu",
                            owning_unit_id=unit(demo.region, "DISKOMINFO.BID1").pk,
                            members=[MemberInput(emp("pegawai.ikp").pk)], **base())


def step(a, kind):
    return a.steps.get(kind=kind)


def detail_url(a):
    return f"/penugasan/{a.pk}/"


def decide_url(a, s):
    return f"/penugasan/{a.pk}/langkah/{s.pk}/putuskan/"


def issue_url(a, s):
    return f"/penugasan/{a.pk}/langkah/{s.pk}/terbitkan/"


# --- inbox -------------------------------------------------------------------------------------
@pytest.mark.req("PEN-6", "PEN-15", "MEK-5")
def test_inbox_shows_each_party_its_part(demo, login):
    a = cross_unit(demo)
    request = step(a, "jawab_permohonan")

    answerer = login("kabid.ikp").get("/penugasan/")
    assert answerer.status_code == 200
    page = answerer.content.decode()
    to_act = page.split('id="to-act"')[1].split("</table>")[0]
    assert f'data-step="{request.pk}"' in to_act and f'href="/penugasan/{a.pk}/"' in to_act
    assert f"{PPU} Pasal 11 ayat (1) huruf a" in html.unescape(to_act)
    assert 'id="penugasan-badge">1<' in page  # the menu badge

    initiator = login("kabid.aptika").get("/penugasan/").content.decode()
    proposed = initiator.split('id="proposed"')[1].split("</table>")[0]
    assert a.title in proposed
    assert "Tidak ada langkah yang menunggu Anda." in initiator

    services.decide(actor=actor("kabid.ikp"), assignment_id=a.pk, step_id=request.pk, approve=True)
    services.issue(actor=actor("kabid.aptika"), assignment_id=a.pk, step_id=step(a, "terbitkan").pk)
    a.refresh_from_db()
    c = login("pegawai.ikp")
    received = c.get("/penugasan/").content.decode().split('id="received"')[1].split("</table>")[0]
    assert a.letter.number in received
    assert f'href="/surat/{a.letter_id}/"' in received and f'href="/surat/{a.letter_id}/pdf/"' in received
    assert c.get(f"/surat/{a.letter_id}/").status_code == 200  # the letter link opens for the member
    assert c.get(f"/surat/{a.letter_id}/pdf/").content[:5] == b"%PDF-"


def test_inbox_lists_visible_assignments_with_a_status_filter(demo, other_demo, login):
    issued = services.propose(actor=actor("kabid.aptika"), form="individu",
                              owning_unit_id=unit(demo.region, "DISKOMINFO.BID1").pk,
                              members=[MemberInput(emp("pegawai.kominfo").pk)], **base(title="Sudah terbit"))
    waiting = cross_unit(demo)
    c = login("kadis.kominfo")  # kepala PD: sees the work of its units
    everything = c.get("/penugasan/").content.decode()
    assert issued.title in everything and waiting.title in everything
    only_issued = c.get("/penugasan/?status=diterbitkan").content.decode().split('id="assignments"')[1]
    assert issued.title in only_issued and waiting.title not in only_issued
    assert c.get("/penugasan/?status=bukan-status&hal=abc").status_code == 200  # ignored, not a 500
    # another region sees none of it
    assert "Sudah terbit" not in login("lain.kadis.kominfo").get("/penugasan/").content.decode()
    # a pegawai of another PD who is no party sees neither
    assert issued.title not in login("pegawai.bappeda").get("/penugasan/").content.decode()


def _waiting_steps_for(official, owning, initiator, n):
    for i in range(n):
        a = Assignment.objects.create(
            region=official.region, form="individu", scope="lintas_unit", title=f"Kegiatan {i}", owning_unit=owning,
            purpose="p", target="t", starts_on=START, ends_on=END, initiated_by=initiator, instrument="surat_tugas",
        )
        Step.objects.create(assignment=a, order=1, kind=Step.Kind.JAWAB_PERMOHONAN, role="pimpinan_unit",
                            action="Menjawab permohonan", official=official)
        Step.objects.create(assignment=a, order=2, kind=Step.Kind.TERBITKAN, role="pimpinan_unit_pemilik_kinerja",
                            action="Menerbitkan", official=initiator)


def test_inbox_query_count_does_not_grow_with_waiting_steps(demo, login):
    official, initiator = emp("kabid.ikp"), emp("kabid.aptika")
    owning = unit(demo.region, "DISKOMINFO.BID1")
    c = login("kabid.ikp")
    c.get("/penugasan/")  # warm the session
    _waiting_steps_for(official, owning, initiator, 1)
    with CaptureQueriesContext(connection) as one:
        r = c.get("/penugasan/")
    assert r.content.decode().count("data-step=") == 1
    _waiting_steps_for(official, owning, initiator, 9)
    with CaptureQueriesContext(connection) as ten:
        r = c.get("/penugasan/")
    assert r.content.decode().count("data-step=") == 10 and 'id="penugasan-badge">10<' in r.content.decode()
    assert len(one.captured_queries) == len(ten.captured_queries)


def test_menu_badge_costs_one_query_and_matches_the_inbox(demo):
    a = cross_unit(demo)
    for username in ("kabid.ikp", "kabid.aptika", "pegawai.ikp", "admin.bkpsdm"):
        who = actor(username)
        expected = selectors.inbox_count(who)
        with CaptureQueriesContext(connection) as ctx:
            assert waiting_count(who) == expected
        assert len(ctx.captured_queries) == 1
    # a Plh counts the steps of the official they stand in for
    today = timezone.localdate()
    Delegation.objects.create(region=demo.region, kind="plh", delegator=emp("kabid.ikp"), delegate=emp("kadis.kominfo"),
                              starts_on=today, ends_on=today + dt.timedelta(days=3), basis_number="800/1/2026",
                              basis_date=today)
    assert waiting_count(actor("kadis.kominfo")) == selectors.inbox_count(actor("kadis.kominfo")) == 1
    assert a.pk


# --- penunjukan form ---------------------------------------------------------------------------
@pytest.mark.req("PEN-4")
def test_propose_form_defaults_to_the_unit_the_leader_leads(demo, login):
    r = login("kabid.aptika").get("/penugasan/baru/")
    assert r.status_code == 200
    page = r.content.decode()
    bid1 = unit(demo.region, "DISKOMINFO.BID1")
    assert re.search(rf'<option value="{bid1.pk}" selected>', page)
    assert 'id="candidate-panel"' in page and "Urutkan calon ketua" in page
    assert "Penugasan tambahan" in page  # PPU calls incidental work "penugasan tambahan" (Ps 8(1))
    staff_page = login("pegawai.kominfo").get("/penugasan/baru/")
    assert staff_page.status_code == 200 and 'id="candidate-panel"' not in staff_page.content.decode()


@pytest.mark.req("PEN-14")
def test_candidate_panel_member_row_and_ketua_ranking(demo, login):
    c = login("kabid.aptika")
    ikp = emp("pegawai.ikp")
    r = c.get("/penugasan/baru/calon/", {"q": ikp.name, "starts_on": "2026-12-01", "ends_on": "2027-02-26",
                                          "hours_per_week": "6", "competences": "Analisis Data dan Statistik, Pemrograman"})
    assert r.status_code == 200
    page = html.unescape(r.content.decode())
    row = page.split(f'data-employee="{ikp.pk}"')[1].split("</tr>")[0]
    assert "Cocok: Analisis Data dan Statistik" in row and "Belum: Pemrograman" in row and "Beban jabatan" in row
    assert f'data-employee="{ikp.pk}"' in page and "%" in page and "Tambahkan" in page
    # chosen already: no second button
    chosen = c.get("/penugasan/baru/calon/", {"q": ikp.name, "member": ikp.pk}).content.decode()
    assert "sudah dipilih" in chosen
    assert "Periode belum diisi" in chosen  # the dates were missing: a default period is used, not a 500
    bad = c.get("/penugasan/baru/calon/", {"unit_filter": "999999", "starts_on": "2026-12-01", "ends_on": "2027-02-26"})
    assert bad.status_code == 200 and "tidak ditemukan" in text(bad)
    row = c.get("/penugasan/baru/anggota/", {"tambah": ikp.pk, "lebih": "1"}).content.decode()
    assert f'name="member" value="{ikp.pk}"' in row and "melampaui kapasitas" in row
    assert c.get("/penugasan/baru/anggota/", {"tambah": ikp.pk, "member": ikp.pk}).content == b""
    ketua = c.get("/penugasan/baru/calon-ketua/", {"member": [ikp.pk, emp("pegawai.kominfo").pk],
                                                    "owning_unit": unit(demo.region, "DISKOMINFO.BID1").pk})
    ranked = ketua.content.decode()
    assert ketua.status_code == 200 and "ketua-ranked" in ranked and "Pasal 10" in html.unescape(ranked)
    assert emp("pegawai.kominfo").full_name in ranked
    assert "Tambahkan anggota tim" in c.get("/penugasan/baru/calon-ketua/").content.decode()
    # staff may not search
    staff = login("pegawai.kominfo")
    for url in ("/penugasan/baru/calon/", "/penugasan/baru/anggota/?tambah=1", "/penugasan/baru/calon-ketua/"):
        assert staff.get(url).status_code == 403


@pytest.mark.req("PEN-6", "PEN-9")
def test_propose_cross_unit_individual_through_the_form(demo, login):
    ikp = emp("pegawai.ikp")
    r = login("kabid.aptika").post("/penugasan/baru/", form_data(unit(demo.region, "DISKOMINFO.BID1"),
                                                                 [(ikp, "anggota", "")]))
    a = Assignment.objects.get()
    assert r.status_code == 302 and r["Location"] == detail_url(a)
    assert a.scope == "lintas_unit" and a.competences == ["Pemrograman", "Analisis data"]
    assert list(a.members.values_list("employee_id", flat=True)) == [ikp.pk]
    assert step(a, "jawab_permohonan").official == emp("kabid.ikp")


@pytest.mark.req("PEN-4", "PEN-14")
def test_propose_bad_input_is_answered_in_indonesian_and_writes_nothing(demo, login):
    c = login("kabid.aptika")
    bid1 = unit(demo.region, "DISKOMINFO.BID1")
    kominfo = emp("pegawai.kominfo")
    documents = Document.objects.count()
    cases = [
        (form_data(bid1, [(kominfo, "anggota", "")], purpose="  "), "Maksud dan tujuan wajib diisi."),
        (form_data(bid1, [(kominfo, "anggota", "")], starts_on="2027-02-26", ends_on="2026-12-01"),
         "Tanggal selesai penugasan mendahului tanggal mulai."),
        (form_data(bid1, [(kominfo, "anggota", "")], starts_on="kemarin"), "Tanggal mulai tidak valid."),
        (form_data(bid1, [(kominfo, "anggota", "")], hours_per_week="abc"), "Alokasi jam per minggu harus berupa angka."),
        (form_data(bid1, []), "Pilih paling sedikit satu pegawai yang ditugaskan."),
        (form_data(bid1, [(kominfo, "anggota", "")], owning_unit="999999"), "Unit pemilik kinerja tidak dikenal."),
        (form_data(bid1, [(kominfo, "anggota", "")], form="tim_kerja"), "Tim kerja terdiri atas satu ketua"),
        (form_data(bid1, [(kominfo, "ketua", "")], form="tim_kerja", external_members="Ir. Budi tanpa instansi"),
         "Baris 1 anggota luar harus berbentuk 'Nama; Instansi; Jabatan'."),
    ]
    for data, message in cases:
        r = c.post("/penugasan/baru/", data)
        assert r.status_code == 400, message
        assert message in text(r), message
    # PEN-14: an overbooked member needs a reason, shown next to the person
    r = c.post("/penugasan/baru/", form_data(bid1, [(kominfo, "anggota", "")], hours_per_week="30"))
    assert r.status_code == 400
    row = r.content.decode().split(f'data-employee="{kominfo.pk}"')[1].split("</tr>")[0]
    assert "kapasitas" in html.unescape(row) and 'role="alert"' in row
    assert 'value="1" form="propose-form"' in row  # the reason field stays open
    assert not Assignment.objects.exists() and Document.objects.count() == documents
    # with the reason it goes through (issued at once: within one unit, the leader signs)
    r = c.post("/penugasan/baru/", form_data(bid1, [(kominfo, "anggota", "Prioritas bupati")], hours_per_week="30"))
    assert r.status_code == 302
    assert Assignment.objects.get().status == "diterbitkan"


def test_propose_someone_not_leading_the_unit_is_refused(demo, login):
    kominfo = emp("pegawai.kominfo")
    r = login("kabid.ikp").post("/penugasan/baru/", form_data(unit(demo.region, "DISKOMINFO.BID1"),
                                                              [(kominfo, "anggota", "")]))
    assert r.status_code == 400 and "Unit pemilik kinerja tidak dikenal." in text(r)  # not among the units offered
    r = login("pegawai.ikp").post("/penugasan/baru/", form_data(unit(demo.region, "DISKOMINFO.BID1"),
                                                                [(kominfo, "anggota", "")]))
    assert r.status_code == 403 and "pimpinan unit pemilik kinerja" in text(r)
    assert not Assignment.objects.exists()


@pytest.mark.req("PEN-8", "PEN-10", "PEN-13")
def test_propose_team_with_external_member_and_penugasan_tambahan(demo, login):
    bid1 = unit(demo.region, "DISKOMINFO.BID1")
    data = form_data(bid1, [(emp("pegawai.kominfo"), "ketua", ""), (emp("pegawai.ikp"), "anggota", "")],
                     form="tim_kerja", nature="insidental", law_requires_decree="on",
                     external_members="Ir. Budi Santoso; Diskominfo Provinsi Kalimantan Timur")
    r = login("kabid.aptika").post("/penugasan/baru/", data)
    assert r.status_code == 302, text(r)
    a = Assignment.objects.get()
    assert a.form == "tim_kerja" and a.scope == "lintas_instansi" and a.nature == "insidental" and a.law_requires_decree
    assert a.members.get(role="ketua").employee == emp("pegawai.kominfo")
    assert a.members.get(employee__isnull=True).external_org == "Diskominfo Provinsi Kalimantan Timur"


# --- answering a permohonan --------------------------------------------------------------------
@pytest.mark.req("PEN-9")
def test_approve_all_and_approve_the_ticked_are_distinct_buttons(demo, login):
    a = cross_unit(demo)
    request = step(a, "jawab_permohonan")
    page = login("kabid.ikp").get(detail_url(a)).content.decode()
    assert 'value="setujui_semua"' in page and 'value="setuju"' in page and 'value="tolak"' in page
    # "Approve the ticked" with nothing ticked is refused with a message, not read as a rejection.
    r = login("kabid.ikp").post(decide_url(a, request), {"decision": "setuju", "reason": "Silakan"})
    assert r.status_code == 400 and "Pilih paling sedikit satu pegawai" in text(r)
    request.refresh_from_db()
    assert request.status == "menunggu" and a.members.get().status == "diusulkan"
    # "Approve all" approves everyone named, whatever is ticked, and keeps the note.
    r = login("kabid.ikp").post(decide_url(a, request), {"decision": "setujui_semua", "reason": "Silakan"})
    assert r.status_code == 302
    request.refresh_from_db()
    assert request.status == "disetujui" and request.reason == "Silakan"
    assert a.members.get().status == "disetujui"


@pytest.mark.req("PEN-9", "MEK-5")
def test_answer_through_the_ui_and_refusals(demo, other_demo, login):
    a = cross_unit(demo)
    request = step(a, "jawab_permohonan")
    ikp = a.members.get()
    page = login("kabid.ikp").get(detail_url(a))
    assert page.status_code == 200
    assert f'id="action-{request.pk}"' in page.content.decode() and "Setujui yang dicentang" in page.content.decode()
    # not your unit: the owning unit's leader sees the page but may not answer for another unit
    assert f'id="action-{request.pk}"' not in login("kabid.aptika").get(detail_url(a)).content.decode()
    r = login("kabid.aptika").post(decide_url(a, request), {"decision": "setuju", "members": [ikp.pk]})
    assert r.status_code == 403 and "bukan Anda" in text(r)
    # a leader with no part in it does not even see it
    assert login("kabid.riset").post(decide_url(a, request), {"decision": "setuju"}).status_code == 404
    # not your region
    assert login("lain.kabid.ikp").post(decide_url(a, request), {"decision": "setuju"}).status_code == 404
    assert login("lain.kabid.ikp").get(detail_url(a)).status_code == 404
    # PPU Ps 11(1) huruf d: a rejection needs reasons; nothing is written
    r = login("kabid.ikp").post(decide_url(a, request), {"decision": "tolak", "reason": " "})
    assert r.status_code == 400 and f"Penolakan wajib disertai alasan ({PPU} Pasal 11 ayat (1) huruf d)." in text(r)
    request.refresh_from_db()
    assert request.status == "menunggu" and not Document.objects.filter(kind="nota_dinas_jawaban").exists()
    assert not Event.objects.filter(verb="assignment.step_decided").exists()
    # GET is not a transition
    assert login("kabid.ikp").get(decide_url(a, request)).status_code == 405
    # approve
    r = login("kabid.ikp").post(decide_url(a, request), {"decision": "setuju", "members": [ikp.pk], "reason": "Silakan"})
    assert r.status_code == 302 and r["Location"] == detail_url(a)
    request.refresh_from_db()
    assert request.status == "disetujui" and request.decided_by == emp("kabid.ikp")
    # answered twice: the page says so, nothing changes
    r = login("kabid.ikp").post(decide_url(a, request), {"decision": "tolak", "reason": "berubah pikiran"})
    assert r.status_code == 400 and "sudah diputus" in text(r)
    # the history shows who decided, when and why (MEK-5)
    history = login("pegawai.ikp").get(detail_url(a)).content.decode().split('id="history"')[1]
    assert "Langkah diputus" in history and "Silakan" in history and emp("kabid.ikp").name in history


@pytest.mark.req("PEN-9")
def test_partial_approval_with_checkboxes_and_the_rejection_reason_is_shown(demo, login):
    region = demo.region
    home = unit(region, "BAPPEDA.BID3")
    moved = Employee.objects.filter(region=region, unit__code="BAPPEDA.BID2", position__kind__in=["fungsional", "pelaksana"]).order_by("pk").first()
    moved.unit = home
    moved.save(update_fields=["unit"])
    riset = emp("pegawai.bappeda")
    a = services.propose(actor=actor("kabid.aptika"), form="tim_kerja", owning_unit_id=unit(region, "DISKOMINFO.BID1").pk,
                         members=[MemberInput(emp("pegawai.kominfo").pk, role="ketua"), MemberInput(riset.pk),
                                  MemberInput(moved.pk)], **base(title="Tim Satu Data"))
    request = a.steps.get(kind="jawab_permohonan", official=emp("kabid.riset"))
    keep = a.members.get(employee=riset)
    c = login("kabid.riset")
    # approving only some without a reason: refused
    r = c.post(decide_url(a, request), {"decision": "setuju", "members": [keep.pk]})
    assert r.status_code == 400 and "Penolakan wajib disertai alasan" in text(r)
    # a member id not named in the request is refused by the form
    r = c.post(decide_url(a, request), {"decision": "setuju", "members": [a.members.get(role="ketua").pk]})
    assert r.status_code == 400 and "tidak disebut dalam permohonan" in text(r)
    r = c.post(decide_url(a, request), {"decision": "setuju", "members": [keep.pk], "reason": "Sedang menyusun RKPD"})
    assert r.status_code == 302
    request.refresh_from_db()
    assert request.status == "sebagian"
    assert a.members.get(employee=moved).status == "ditolak" and a.members.get(employee=riset).status == "disetujui"
    page = login("kabid.aptika").get(detail_url(a)).content.decode()
    members = page.split('id="members"')[1].split("</table>")[0]
    assert "Sedang menyusun RKPD" in members and "Ditolak" in members
    steps = page.split('id="steps"')[1].split("</table>")[0]
    assert "Disetujui sebagian" in steps and "Sedang menyusun RKPD" in steps
    assert Document.objects.get(kind="nota_dinas_jawaban").number in steps


# --- issuing -----------------------------------------------------------------------------------
@pytest.mark.req("PEN-7", "PEN-15")
def test_issue_through_the_ui_only_by_the_signer(demo, login):
    a = cross_unit(demo)
    services.decide(actor=actor("kabid.ikp"), assignment_id=a.pk, step_id=step(a, "jawab_permohonan").pk, approve=True)
    issuing = step(a, "terbitkan")
    # not the signer
    r = login("kabid.ikp").post(issue_url(a, issuing))
    assert r.status_code == 403 and "bukan Anda" in text(r)
    assert login("pegawai.ikp").post(issue_url(a, issuing)).status_code == 403
    assert login("lain.kabid.aptika").post(issue_url(a, issuing)).status_code == 404
    a.refresh_from_db()
    assert a.status == "proses" and a.letter is None
    # the signer sees the button and issues
    assert "Terbitkan naskah" in login("kabid.aptika").get(detail_url(a)).content.decode()
    r = login("kabid.aptika").post(issue_url(a, issuing))
    assert r.status_code == 302
    a.refresh_from_db()
    assert a.status == "diterbitkan" and a.letter.kind == "surat_tugas"
    page = login("pegawai.ikp").get(detail_url(a)).content.decode()
    assert a.letter.number in page.split('id="letter"')[1].split("</dd>")[0]
    # a decision step posted as an issue, and the other way round, is refused in words
    r = login("kabid.aptika").post(issue_url(a, issuing))
    assert r.status_code == 400 and "sudah diputus" in text(r)


@pytest.mark.req("PEN-10")
def test_team_whose_ketua_was_rejected_needs_a_new_ketua(demo, login):
    region = demo.region
    a = services.propose(actor=actor("kabid.aptika"), form="tim_kerja", owning_unit_id=unit(region, "DISKOMINFO.BID1").pk,
                         members=[MemberInput(emp("pegawai.ikp").pk, role="ketua"), MemberInput(emp("pegawai.kominfo").pk),
                                  MemberInput(emp("pegawai.bappeda").pk)], **base(title="Tim Data"))
    ikp_step = a.steps.get(official=emp("kabid.ikp"))
    # not your unit: kabid.riset is a party (their own request) but may not answer kabid.ikp's
    r = login("kabid.riset").post(decide_url(a, ikp_step), {"decision": "setuju"})
    assert r.status_code == 403
    login("kabid.ikp").post(decide_url(a, ikp_step), {"decision": "tolak", "reason": "Sedang cuti"})
    login("kabid.riset").post(decide_url(a, a.steps.get(official=emp("kabid.riset"))),
                              {"decision": "setuju", "members": [a.members.get(employee=emp("pegawai.bappeda")).pk]})
    issuing = step(a, "terbitkan")
    c = login("kabid.aptika")
    page = c.get(detail_url(a)).content.decode()
    assert "pilih ketua baru" in page
    r = c.post(issue_url(a, issuing), {"ketua": ""})
    assert r.status_code == 400 and "tetapkan ketua baru" in text(r)
    r = c.post(issue_url(a, issuing), {"ketua": "abc"})
    assert r.status_code == 400 and "Ketua baru harus anggota tim yang disetujui." in text(r)
    new = a.members.get(employee=emp("pegawai.kominfo"))
    r = c.post(issue_url(a, issuing), {"ketua": new.pk})
    assert r.status_code == 302
    a.refresh_from_db()
    new.refresh_from_db()
    assert a.status == "diterbitkan" and new.role == "ketua"


# --- pengajuan sukarela ------------------------------------------------------------------------
@pytest.mark.req("PEN-3", "PEN-12")
def test_voluntary_application_through_the_ui(demo, login):
    bid1 = unit(demo.region, "DISKOMINFO.BID1")
    c = login("pegawai.ikp")
    assert c.get("/penugasan/ajukan/").status_code == 200
    preview = c.get("/penugasan/ajukan/langkah/", {"owning_unit": bid1.pk}).content.decode()
    assert f"{PPU} Pasal 11 ayat (3)" in html.unescape(preview) and preview.count("<li>") == 7
    data = {"owning_unit": bid1.pk, "title": "Pengembangan aplikasi", "purpose": "Ikut membangun aplikasi",
            "target": "Modul selesai", "competences": "Pemrograman", "starts_on": "2026-12-01", "ends_on": "2027-02-26",
            "hours_per_week": "6", "nature": "reguler"}
    r = c.post("/penugasan/ajukan/", {**data, "target": ""})
    assert r.status_code == 400 and "Ekspektasi/target kinerja wajib diisi." in text(r)
    assert "Pasal 11 ayat (3)" in text(r)  # the steps stay in view
    r = c.post("/penugasan/ajukan/", data)
    a = Assignment.objects.get()
    assert r.status_code == 302 and r["Location"] == detail_url(a) and a.mode == "pengajuan_sukarela"
    who = {"pegawai": "pegawai.ikp", "pimpinan_unit_pemilik_kinerja": "kabid.aptika", "pimpinan_unit": "kabid.ikp"}
    for s in a.steps.filter(status="menunggu").order_by("order"):
        client = login(who[s.role])
        assert f'id="action-{s.pk}"' in client.get(detail_url(a)).content.decode()
        if s.kind == "terbitkan":
            r = client.post(issue_url(a, s))
        else:
            r = client.post(decide_url(a, s), {"decision": "setuju"})
        assert r.status_code == 302, (s.role, text(r))
    a.refresh_from_db()
    assert a.status == "diterbitkan" and a.letter.kind == "surat_penugasan"


def test_voluntary_application_refused_for_a_leader_and_bad_input(demo, login):
    bid1 = unit(demo.region, "DISKOMINFO.BID1")
    data = {"owning_unit": bid1.pk, "title": "X", "purpose": "Y", "target": "Z", "starts_on": "2026-12-01",
            "ends_on": "2027-02-26", "hours_per_week": "6", "nature": "reguler"}
    r = login("kabid.ikp").post("/penugasan/ajukan/", data)
    assert r.status_code == 400 and "fungsional atau pelaksana." in text(r) and "PEN-3" not in text(r)
    r = login("pegawai.ikp").post("/penugasan/ajukan/", {**data, "hours_per_week": "0"})
    assert r.status_code == 400 and "lebih dari 0" in text(r)
    assert not Assignment.objects.exists()


# --- detail and cancel ---------------------------------------------------------------------------
@pytest.mark.req("MEK-5")
def test_detail_visibility_and_plh_acting_on_behalf(demo, other_demo, login):
    a = cross_unit(demo)
    for username in ("kabid.aptika", "kabid.ikp", "pegawai.ikp", "kadis.kominfo", "sekda"):
        assert login(username).get(detail_url(a)).status_code == 200, username
    for username in ("pegawai.bappeda", "kabid.riset", "lain.kabid.aptika", "lain.sekda"):
        assert login(username).get(detail_url(a)).status_code == 404, username
    assert login("kabid.aptika").get("/penugasan/999999/").status_code == 404
    # a Plh answers on behalf of the absent leader; the page says so
    today = timezone.localdate()
    Delegation.objects.create(region=demo.region, kind="plh", delegator=emp("kabid.ikp"), delegate=emp("kadis.kominfo"),
                              starts_on=today, ends_on=today + dt.timedelta(days=3), basis_number="800/2/2026",
                              basis_date=today)
    request = step(a, "jawab_permohonan")
    c = login("kadis.kominfo")
    inbox = c.get("/penugasan/").content.decode()
    assert f'data-step="{request.pk}"' in inbox and "sebagai Plh./Plt." in inbox
    assert "Anda bertindak atas nama" in c.get(detail_url(a)).content.decode()
    assert c.post(decide_url(a, request), {"decision": "setuju", "members": [a.members.get().pk]}).status_code == 302
    steps = login("pegawai.ikp").get(detail_url(a)).content.decode().split('id="steps"')[1].split("</table>")[0]
    assert f"a.n. {emp('kabid.ikp').full_name}" in html.unescape(steps)


def test_cancel_only_by_the_initiator_with_a_reason(demo, login):
    a = cross_unit(demo)
    assert login("kabid.ikp").post(f"/penugasan/{a.pk}/batalkan/", {"reason": "x"}).status_code == 403
    assert login("lain.kabid.aptika").post(f"/penugasan/{a.pk}/batalkan/", {"reason": "x"}).status_code == 404
    c = login("kabid.aptika")
    r = c.post(f"/penugasan/{a.pk}/batalkan/", {"reason": ""})
    assert r.status_code == 400 and "Alasan pembatalan wajib diisi." in text(r)
    a.refresh_from_db()
    assert a.status == "proses"
    assert c.post(f"/penugasan/{a.pk}/batalkan/", {"reason": "Anggaran dialihkan"}).status_code == 302
    a.refresh_from_db()
    assert a.status == "dibatalkan"
    page = c.get(detail_url(a)).content.decode()
    assert "Anggaran dialihkan" in page and 'id="cancel-form"' not in page
    r = c.post(f"/penugasan/{a.pk}/batalkan/", {"reason": "lagi"})
    assert r.status_code == 400 and "tidak dapat dibatalkan" in text(r)


def test_a_rejected_individual_closes_the_assignment_with_the_reason_shown(demo, login):
    a = cross_unit(demo)
    request = step(a, "jawab_permohonan")
    r = login("kabid.ikp").post(decide_url(a, request), {"decision": "tolak", "reason": "Beban kerja penuh"})
    assert r.status_code == 302
    a.refresh_from_db()
    assert a.status == "ditolak" and a.members.get().status == Member.Status.DITOLAK
    page = login("kabid.aptika").get(detail_url(a)).content.decode()
    assert "Beban kerja penuh" in page and 'id="actions"' not in page


@pytest.mark.req("PEN-4")
def test_the_propose_form_shows_all_its_errors_at_once(demo, login):
    r = login("kabid.aptika").post("/penugasan/baru/", {"form": "individu", "title": "", "purpose": "", "target": ""})
    assert r.status_code == 400
    page = r.content.decode()
    for expected in ("Pilih paling sedikit satu pegawai yang ditugaskan.", "wajib diisi"):
        assert expected in page
    assert page.count('class="errorlist') >= 3  # the fields and the missing people, together
