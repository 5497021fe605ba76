"""Standing governance teams (TIK-2, TIK-3, PRF-2): the pure rule for all six profiles, the
recording service on the demo regions (PPU profile; Barito Utara; Mahakam Ulu by switching the
demo region's profile inside the test transaction), and the pages."""

import datetime as dt
from dataclasses import replace

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied

from sikerja.accounts.access import actor_for
from sikerja.assignments import officials, standing
from sikerja.assignments.models import Assignment, Member
from sikerja.assignments.rules import Profile
from sikerja.assignments.rules import standing as rule
from sikerja.assignments.rules.standing import MemberFacts as M
from sikerja.assignments.services import AssignmentError
from sikerja.assignments.standing import StandingMemberInput as In
from sikerja.audit.models import Event
from sikerja.organisation.models import Employee, Unit
from sikerja.tenancy.models import Region, RegulationProfile

from .profiles import BT, BU, KEYS, KL, MU, NAS, PPU, PROFILES

START, END = dt.date(2026, 1, 1), dt.date(2026, 12, 31)
DECREE_DATE = dt.date(2025, 12, 15)

PROVIDED = {
    MU: ["tim_koordinasi_spbe", "tim_pelaksana_spbe", "kelompok_kerja_spbe", "sekretariat_spbe"],
    PPU: ["tim_koordinasi_spbe", "tim_transformasi_manajemen"],
    KL: ["tim_koordinasi_spbe"],
    BU: ["tim_koordinasi_spbe"],
    BT: ["tim_koordinasi_spbe"],
    NAS: ["tim_koordinasi_spbe"],
}
SILENT = (KL, BU, BT, NAS)

# A complete Mahakam Ulu Tim Koordinasi (Ps 24(4)).
SEKDA = M("Sekda", "ketua", "sekretaris_daerah", "SETDA", "setda")
BAPPEDA = M("Kaban Bappeda", "anggota", "kepala_bappeda", "BAPPEDA", "perencanaan")
BPKAD = M("Kaban BPKAD", "anggota", "kepala_bpkad", "BPKAD", "keuangan")
KOMINFO = M("Kadis Kominfo", "anggota", "kepala_diskominfo", "DISKOMINFO", "kominfo")
ORGANISASI = M("Kabag Organisasi", "anggota", "kabag_organisasi", "SETDA", "setda")
ASISTEN = M("Asisten Administrasi Umum", "sekretaris", "asisten_administrasi_umum", "SETDA", "setda")
KOORDINASI = [SEKDA, BAPPEDA, BPKAD, KOMINFO, ORGANISASI]


def art(key, suffix):
    return f"{PROFILES[key].name} {suffix}"


# --- pure rule -------------------------------------------------------------------------------
@pytest.mark.req("PRF-2", "TIK-2")
@pytest.mark.parametrize("key", KEYS)
def test_each_profile_provides_its_own_standing_teams(key):
    profile = PROFILES[key]
    assert [p.kind for p in rule.provided_teams(profile)] == PROVIDED[key]
    for kind in rule.KINDS:
        decision = rule.team_provided(profile, kind)
        assert decision.allowed == (kind in PROVIDED[key])
        assert decision.article.startswith(profile.name)
        if not decision.allowed:
            assert decision.message.startswith(f"{profile.name} tidak mengatur {rule.KINDS[kind]}")
            assert decision.article in decision.message


@pytest.mark.req("PRF-2", "TIK-3")
def test_a_team_the_profile_does_not_provide_is_refused_with_profile_and_article():
    ppu = rule.team_provided(PROFILES[PPU], "kelompok_kerja_spbe")
    assert not ppu.allowed
    assert "Perbup Penajam Paser Utara 31/2024 tidak mengatur Kelompok Kerja SPBE" in ppu.message
    assert "Pasal 14 ayat (3); Lampiran huruf D" in ppu.message
    bu = rule.team_provided(PROFILES[BU], "tim_transformasi_manajemen")
    assert not bu.allowed and "Perbup Barito Utara 18/2024" in bu.message and "Pasal 33 ayat (3)" in bu.message
    silent = rule.team_provided(Profile("Perbup Uji 1/2025", {}), "tim_koordinasi_spbe")
    assert not silent.allowed and "tidak mengatur tim tata kelola" in silent.message


@pytest.mark.req("TIK-2")
def test_mahakam_ulu_tim_koordinasi_complete_composition_passes_and_may_add_pd_heads():
    extra = M("Kadis Kesehatan", "anggota", "kepala_pd_lain", "DINKES")
    decision = rule.check_composition(PROFILES[MU], "tim_koordinasi_spbe", KOORDINASI + [ASISTEN, extra])
    assert decision.regulated and decision.ok and decision.findings == ()
    assert decision.article == art(MU, "Pasal 24 ayat (4)")
    assert decision.message == f"Susunan Tim Koordinasi SPBE sesuai {art(MU, 'Pasal 24 ayat (4)')}."
    assert [t.article for t in decision.tasks] == [art(MU, "Pasal 24 ayat (3)")] and len(decision.tasks[0].items) == 5
    assert "Pasal 24 ayat (1) dan ayat (7)" in decision.set_by


@pytest.mark.req("TIK-2")
def test_mahakam_ulu_tim_koordinasi_lists_every_missing_seat_with_its_article():
    wrong_ketua = M("Kadis Kominfo", "ketua", "kepala_diskominfo", "DISKOMINFO", "kominfo")
    decision = rule.check_composition(PROFILES[MU], "tim_koordinasi_spbe", [wrong_ketua, BAPPEDA])
    assert not decision.ok
    found = {(f.code, f.article) for f in decision.violations}
    assert found == {
        ("ketua", art(MU, "Pasal 24 ayat (4) huruf a")),
        ("anggota_wajib", art(MU, "Pasal 24 ayat (4) huruf b angka 2")),
        ("anggota_wajib", art(MU, "Pasal 24 ayat (4) huruf b angka 4")),
    }
    text = " ".join(f.message for f in decision.violations)
    assert "Ketua Tim Koordinasi SPBE adalah Sekretaris Daerah, bukan Kadis Kominfo" in text
    assert "Kepala Badan Pengelola Keuangan dan Aset Daerah" in text
    assert "Kepala Bagian Organisasi Sekretariat Daerah" in text
    assert all(f.requirement == "TIK-2" for f in decision.findings)
    assert decision.message.startswith("Susunan Tim Koordinasi SPBE belum sesuai")


@pytest.mark.req("TIK-2")
def test_mahakam_ulu_secretariat_is_the_asisten_administrasi_umum_and_others_are_notes():
    sek = M("Kabid Aptika", "sekretaris", "pimpinan_unit_lain", "DISKOMINFO", "kominfo")
    staff = M("Pranata Komputer", "anggota", "asn", "DISKOMINFO", "kominfo")
    decision = rule.check_composition(PROFILES[MU], "tim_koordinasi_spbe", KOORDINASI + [sek, staff])
    assert [(f.code, f.article) for f in decision.violations] == [("sekretaris", art(MU, "Pasal 27 ayat (1)"))]
    assert "Asisten Administrasi Umum" in decision.violations[0].message
    # Ps 24(4) "paling sedikit": anyone else is a note (Ps 24(5)), not a refusal.
    notes = [(f.code, f.article) for f in decision.notes]
    assert notes == [("tambahan", art(MU, "Pasal 24 ayat (5)")), ("tambahan", art(MU, "Pasal 24 ayat (5)"))]
    secretariat = rule.check_composition(PROFILES[MU], "sekretariat_spbe", [M("X", "ketua", "kabag_organisasi", "SETDA", "setda")])
    assert [f.article for f in secretariat.violations] == [art(MU, "Pasal 27 ayat (1)")]
    ok = rule.check_composition(PROFILES[MU], "sekretariat_spbe", [replace(ASISTEN, role="ketua")])
    assert ok.ok


@pytest.mark.req("TIK-2")
def test_mahakam_ulu_tim_pelaksana_is_asn_across_pd():
    mu = PROFILES[MU]
    one_pd = [M("A", "ketua", "asn", "DISKOMINFO", "kominfo"), M("B", "anggota", "asn", "DISKOMINFO", "kominfo")]
    decision = rule.check_composition(mu, "tim_pelaksana_spbe", one_pd, recorded_kinds={"tim_koordinasi_spbe"})
    assert [(f.code, f.article) for f in decision.violations] == [("lintas_pd", art(MU, "Pasal 25 ayat (2)"))]
    outsider = M("Konsultan", "anggota", "luar", unsur="dunia_usaha")
    decision = rule.check_composition(mu, "tim_pelaksana_spbe", one_pd[:1] + [M("C", "anggota", "asn", "BAPPEDA"), outsider])
    assert [f.code for f in decision.violations] == ["asn_saja"]
    good = rule.check_composition(mu, "tim_pelaksana_spbe", one_pd[:1] + [M("C", "anggota", "asn", "BAPPEDA")], recorded_kinds=set())
    assert good.ok
    # Ps 25(2): set on the proposal of the Tim Koordinasi; none recorded is a note only.
    assert [(f.code, f.binding) for f in good.findings] == [("atas_usul", False)]
    assert [t.article for t in good.tasks] == [art(MU, "Pasal 25 ayat (3)")]


@pytest.mark.req("TIK-2")
def test_mahakam_ulu_kelompok_kerja_allows_outside_members_by_unsur():
    mu = PROFILES[MU]
    members = [
        M("Kabid Aptika", "ketua", "pimpinan_unit_lain", "DISKOMINFO", "kominfo"),
        M("Dr. Rina", "anggota", "luar", unsur="akademisi"),
        M("PT Data", "anggota", "luar", unsur="dunia_usaha"),
        M("Forum TIK", "anggota", "luar", unsur="masyarakat"),
    ]
    decision = rule.check_composition(mu, "kelompok_kerja_spbe", members, recorded_kinds={"tim_koordinasi_spbe"})
    assert decision.ok and decision.findings == ()
    bad = rule.check_composition(mu, "kelompok_kerja_spbe", members + [
        M("Kementerian", "anggota", "luar", unsur="instansi_pusat"), M("Tanpa unsur", "anggota", "luar")])
    assert [(f.code, f.article) for f in bad.violations] == [("unsur", art(MU, "Pasal 26 ayat (1)"))] * 2
    assert "unsur Instansi Pusat" in bad.violations[0].message and "belum disebut" in bad.violations[1].message


@pytest.mark.req("TIK-2")
def test_ppu_tim_spbe_is_coordinated_by_the_pd_for_kominfo():
    ppu = PROFILES[PPU]
    by_kominfo = rule.check_composition(ppu, "tim_koordinasi_spbe", [
        M("Sekretaris Diskominfo", "ketua", "pimpinan_unit_lain", "DISKOMINFO", "kominfo"), BAPPEDA])
    assert by_kominfo.ok and by_kominfo.article == art(PPU, "Pasal 14 ayat (3)")
    by_sekda = rule.check_composition(ppu, "tim_koordinasi_spbe", [SEKDA, KOMINFO])
    assert [(f.code, f.article) for f in by_sekda.violations] == [("koordinator", art(PPU, "Pasal 14 ayat (3)"))]
    assert "komunikasi dan informatika" in by_sekda.violations[0].message
    no_ketua = rule.check_composition(ppu, "tim_koordinasi_spbe", [KOMINFO])
    assert [f.code for f in no_ketua.violations] == ["koordinator"]
    # No ketua-is-Sekda rule is carried over from Mahakam Ulu.
    assert not any(f.code in ("ketua", "anggota_wajib") for f in by_sekda.findings)


@pytest.mark.req("TIK-3")
def test_ppu_tim_transformasi_manajemen_composition_and_its_two_roles():
    ppu = PROFILES[PPU]
    bkpsdm = M("Kaban BKPSDM", "anggota", "kepala_bkpsdm", "BKPSDM", "sdm")
    decision = rule.check_composition(ppu, "tim_transformasi_manajemen", [SEKDA, bkpsdm, BPKAD])
    assert decision.ok and decision.requirement == "TIK-3"
    assert decision.article == art(PPU, "Lampiran huruf D")
    titles = [(t.title, t.article, len(t.items)) for t in decision.tasks]
    assert titles == [
        ("Dukungan pembinaan strategi organisasi", art(PPU, "Lampiran huruf D angka 1"), 3),
        ("Dukungan pembinaan sinergitas organisasi", art(PPU, "Lampiran huruf D angka 2"), 2),
    ]
    missing = rule.check_composition(ppu, "tim_transformasi_manajemen", [SEKDA, BAPPEDA])
    assert [f.message for f in missing.violations] == [
        "Belum ada pimpinan unit yang bertanggung jawab atas sumber daya manusia dalam susunan Tim Transformasi Manajemen."]
    assert all(f.requirement == "TIK-3" and f.article == art(PPU, "Lampiran huruf D") for f in missing.findings)
    nobody = rule.check_composition(ppu, "tim_transformasi_manajemen", [M("Staf", "anggota", "asn", "SETDA", "setda")])
    labels = " ".join(f.message for f in nobody.violations)
    for element in ("Pejabat yang Berwenang", "pejabat level tertinggi", "Pejabat Penilai Kinerja",
                    "sumber daya manusia", "perencanaan kinerja dan anggaran"):
        assert element in labels
    assert [f.code for f in nobody.notes] == ["tambahan"]  # staff outside the unsur kesekretariatan: a note
    summary = rule.composition_summary(ppu, "tim_transformasi_manajemen")
    assert summary.regulated and summary.provision.allowed and "strategi" in rule.tasks_text(summary.tasks)
    assert "sinergitas" in rule.tasks_text(summary.tasks)


@pytest.mark.req("PRF-2", "TIK-2")
@pytest.mark.parametrize("key", SILENT)
def test_profiles_silent_on_composition_add_no_constraint_and_say_so(key):
    profile = PROFILES[key]
    anyone = [M("Staf", "anggota", "asn", "DLH"), M("Tamu", "ketua", "luar", unsur="lainnya")]
    decision = rule.check_composition(profile, "tim_koordinasi_spbe", anyone, recorded_kinds=set())
    assert not decision.regulated and decision.ok and decision.findings == () and decision.tasks == ()
    assert decision.message.startswith(f"{profile.name} tidak mengatur susunan keanggotaan dan ketua Tim Koordinasi SPBE")
    assert "sistem tidak menambahkan batasan susunan" in decision.message
    assert decision.article == (profile.name if key == NAS else profile.cite("governance_teams"))
    summary = rule.composition_summary(profile, "tim_koordinasi_spbe")
    assert not summary.regulated and summary.lines == (decision.message,)


@pytest.mark.req("PRF-2")
def test_the_composition_is_a_profile_setting_when_the_profile_carries_one():
    mu = PROFILES[MU]
    own = {"tim_koordinasi_spbe": {"article": "Pasal 9", "ketua": {"seats": ["kepala_diskominfo"], "label": "Kepala Diskominfo",
                                                                   "article": "Pasal 9 ayat (1)"}}}
    edited = Profile(mu.name, {**mu.settings, rule.SETTING: {"value": own, "article": "Pasal 9"}})
    decision = rule.check_composition(edited, "tim_koordinasi_spbe", [SEKDA])
    assert [(f.code, f.article) for f in decision.violations] == [("ketua", f"{mu.name} Pasal 9 ayat (1)")]
    silenced = Profile(mu.name, {**mu.settings, rule.SETTING: {"value": None, "silent": True}})
    assert not rule.check_composition(silenced, "tim_koordinasi_spbe", [SEKDA]).regulated


@pytest.mark.req("TIK-2")
def test_seats_and_unsur_from_plain_facts():
    assert rule.seat_for(leads_unit=False, unit_is_pd=True, unit_type="setda") == "asn"
    assert rule.seat_for(leads_unit=True, unit_is_pd=True, unit_type="setda", pd_function="setda") == "sekretaris_daerah"
    assert rule.seat_for(leads_unit=True, unit_is_pd=True, unit_type="badan", pd_function="perencanaan") == "kepala_bappeda"
    assert rule.seat_for(leads_unit=True, unit_is_pd=True, unit_type="badan", pd_function="keuangan") == "kepala_bpkad"
    assert rule.seat_for(leads_unit=True, unit_is_pd=True, unit_type="dinas", pd_function="kominfo") == "kepala_diskominfo"
    assert rule.seat_for(leads_unit=True, unit_is_pd=True, unit_type="dinas", pd_function="") == "kepala_pd_lain"
    assert rule.seat_for(leads_unit=True, unit_type="bagian", pd_function="setda", unit_function="organisasi") == "kabag_organisasi"
    assert rule.seat_for(leads_unit=True, unit_type="asisten", pd_function="setda",
                         unit_function="administrasi_umum") == "asisten_administrasi_umum"
    assert rule.seat_for(leads_unit=True, unit_type="bidang", pd_function="kominfo") == "pimpinan_unit_lain"
    assert rule.unsur_key("Akademisi") == "akademisi"
    assert rule.unsur_key("Universitas Mulawarman") == "akademisi"
    assert rule.unsur_key("dunia usaha") == "dunia_usaha"
    assert rule.unsur_key("Perkumpulan Nelayan") == "perkumpulan_nelayan"


# --- service ---------------------------------------------------------------------------------
def user(username):
    return get_user_model().objects.get(username=username)


def actor(username, region=None):
    u = user(username)
    return actor_for(u, region or u.employee.region)


def leader(region, code):
    return officials.leader_of(Unit.objects.get(region=region, code=code))


def use_profile(region, key):
    """The region under another profile, as a fresh copy: the demo's own Region object is shared
    by every test of the session, while this change is rolled back with the test."""
    fresh = Region.objects.get(pk=region.pk)
    fresh.profile = RegulationProfile.objects.get(key=key)
    fresh.save(update_fields=["profile"])
    return fresh


def record(who, kind, members, **kw):
    data = dict(title="Tim uji", purpose="Mengoordinasikan SPBE", target="", starts_on=START, ends_on=END, basis_number="100.3.3.2/045/2025",
                basis_date=DECREE_DATE)
    data.update(kw)
    return standing.form_standing_team(who, kind=kind, members=members, **data)


@pytest.mark.req("TIK-2")
def test_demo_units_are_read_as_seats_by_name(demo):
    region = demo.region
    seats = {code: standing.facts_of(leader(region, code)).seat for code in
             ("SETDA", "BAPPEDA", "BPKAD", "DISKOMINFO", "BKPSDM", "DINKES", "SETDA.AS3", "SETDA.AS3.B1", "SETDA.AS1.B1",
              "DISKOMINFO.BID1")}
    assert seats == {
        "SETDA": "sekretaris_daerah", "BAPPEDA": "kepala_bappeda", "BPKAD": "kepala_bpkad",
        "DISKOMINFO": "kepala_diskominfo", "BKPSDM": "kepala_bkpsdm", "DINKES": "kepala_pd_lain",
        "SETDA.AS3": "asisten_administrasi_umum", "SETDA.AS3.B1": "kabag_organisasi", "SETDA.AS1.B1": "pimpinan_unit_lain",
        "DISKOMINFO.BID1": "pimpinan_unit_lain",
    }
    staff = user("pegawai.kominfo").employee
    facts = standing.facts_of(staff)
    assert (facts.seat, facts.pd, facts.pd_function) == ("asn", "DISKOMINFO", "kominfo")


@pytest.mark.req("TIK-3", "PRF-2")
def test_admin_records_the_ppu_tim_transformasi_manajemen_with_its_decree(demo):
    region = demo.region
    admin = actor("admin.organisasi")
    members = [In(leader(region, "SETDA").pk, "ketua"), In(leader(region, "BKPSDM").pk), In(leader(region, "BAPPEDA").pk),
               In(leader(region, "SETDA.AS3.B1").pk, "sekretaris")]
    team = record(admin, "tim_transformasi_manajemen", members, title="Tim Transformasi Manajemen Kabupaten", purpose="")
    team.refresh_from_db()
    assert team.status == Assignment.Status.DITERBITKAN and team.letter_id is None
    assert (team.basis_number, team.basis_date, team.instrument) == ("100.3.3.2/045/2025", DECREE_DATE, "keputusan")
    assert team.standing_kind == "tim_transformasi_manajemen" and team.form == "tim_kerja"
    assert team.owning_unit.code == "SETDA" and team.scope == "lintas_pd"
    assert "strategi organisasi" in team.purpose and "sinergitas organisasi" in team.purpose
    assert set(team.members.values_list("status", flat=True)) == {Member.Status.DISETUJUI}
    seats = [row["seat"] for row in team.composition["members"]]
    assert seats == ["sekretaris_daerah", "kepala_bkpsdm", "kepala_bappeda", "kabag_organisasi"]
    assert any("Lampiran huruf D" in d for d in team.decisions)
    event = Event.objects.get(object_id=str(team.pk), verb="assignment.standing_recorded")
    assert event.changes["basis_number"] == "100.3.3.2/045/2025"
    detail = standing.standing_team(admin, team.pk)
    assert detail.decision.ok and detail.decision.requirement == "TIK-3"
    assert [r.member.role for r in detail.members] == ["ketua", "sekretaris", "anggota", "anggota"]


@pytest.mark.req("TIK-2")
def test_ppu_tim_spbe_led_from_outside_kominfo_is_refused(demo):
    region = demo.region
    sekda = actor("sekda")  # the Sekretaris Daerah records standing teams too
    members = [In(leader(region, "SETDA").pk, "ketua"), In(leader(region, "DISKOMINFO").pk)]
    with pytest.raises(AssignmentError) as exc:
        record(sekda, "tim_koordinasi_spbe", members)
    assert any("Pasal 14 ayat (3)" in m and "komunikasi dan informatika" in m for m in exc.value.messages)
    assert not Assignment.objects.exclude(standing_kind="").exists()
    members = [In(leader(region, "DISKOMINFO").pk, "ketua"), In(leader(region, "SETDA").pk)]
    team = record(sekda, "tim_koordinasi_spbe", members, title="Tim SPBE")
    assert team.owning_unit.code == "DISKOMINFO"


@pytest.mark.req("TIK-2", "PRF-2")
def test_mahakam_ulu_refusal_lists_the_missing_seats(demo):
    region = use_profile(demo.region, MU)
    admin = actor("admin.organisasi", region)
    members = [In(leader(region, "SETDA").pk, "ketua"), In(leader(region, "BAPPEDA").pk), In(leader(region, "DISKOMINFO").pk)]
    with pytest.raises(AssignmentError) as exc:
        record(admin, "tim_koordinasi_spbe", members)
    msgs = exc.value.messages
    assert msgs[0] == "Susunan Tim Koordinasi SPBE belum sesuai Perbup Mahakam Ulu 44/2024 Pasal 24 ayat (4):"
    assert any("Kepala Badan Pengelola Keuangan dan Aset Daerah" in m and "huruf b angka 2" in m for m in msgs)
    assert any("Kepala Bagian Organisasi Sekretariat Daerah" in m and "huruf b angka 4" in m for m in msgs)
    assert len(msgs) == 3
    assert not Assignment.objects.exclude(standing_kind="").exists()
    members += [In(leader(region, "BPKAD").pk), In(leader(region, "SETDA.AS3.B1").pk),
                In(leader(region, "SETDA.AS3").pk, "sekretaris"), In(leader(region, "DINKES").pk)]
    team = record(admin, "tim_koordinasi_spbe", members, title="Tim Koordinasi SPBE")
    assert team.members.count() == 7
    assert any(d.startswith("Susunan Tim Koordinasi SPBE sesuai") for d in team.decisions)


@pytest.mark.req("TIK-2")
def test_mahakam_ulu_kelompok_kerja_with_members_from_academia(demo):
    region = use_profile(demo.region, MU)
    admin = actor("admin.organisasi", region)
    kabid = leader(region, "DISKOMINFO.BID1")
    lines = "Dr. Rina Wati; akademisi/Universitas Mulawarman\nProf. Budi; Universitas Borneo\nPT Data Nusantara; dunia usaha"
    members = standing.members_from_lines(admin, ketua=kabid.nip, anggota=f"#{leader(region, 'BAPPEDA.BID3').pk}",
                                          external=lines)
    assert [(m.external_name, m.unsur, m.external_org) for m in members if not m.employee_id] == [
        ("Dr. Rina Wati", "akademisi", "Universitas Mulawarman"), ("Prof. Budi", "akademisi", "Universitas Borneo"),
        ("PT Data Nusantara", "dunia_usaha", "")]
    team = record(admin, "kelompok_kerja_spbe", members, title="Pokja Arsitektur SPBE")
    outside = team.members.filter(employee__isnull=True).order_by("pk")
    assert [(m.external_name, m.external_org) for m in outside] == [
        ("Dr. Rina Wati", "Universitas Mulawarman"), ("Prof. Budi", "Universitas Borneo"), ("PT Data Nusantara", "Dunia Usaha")]
    assert [r["unsur"] for r in team.composition["members"]] == ["", "", "akademisi", "akademisi", "dunia_usaha"]
    assert team.scope != "lintas_instansi"  # members from outside government do not make it lintas instansi
    # Ps 26(2): no Tim Koordinasi recorded yet: a note, not a refusal.
    assert any(d.startswith("Catatan:") and "Pasal 26 ayat (2)" in d for d in team.decisions)
    detail = standing.standing_team(admin, team.pk)
    assert [r.unsur for r in detail.members] == ["Pemerintah Daerah", "Pemerintah Daerah", "Akademisi", "Akademisi", "Dunia Usaha"]
    with pytest.raises(AssignmentError, match="Instansi Pusat"):
        record(admin, "kelompok_kerja_spbe", [In(kabid.pk, "ketua"), In(external_name="Kementerian X", unsur="instansi_pusat")])


@pytest.mark.req("TIK-2")
def test_only_org_admins_and_the_sekda_record_standing_teams(demo):
    region = demo.region
    members = [In(leader(region, "DISKOMINFO").pk, "ketua")]
    for username in ("kadis.kominfo", "pegawai.kominfo", "kaban.bappeda"):
        with pytest.raises(PermissionDenied):
            record(actor(username), "tim_koordinasi_spbe", members)
    assert not standing.may_record(actor("kadis.kominfo"))
    assert standing.may_record(actor("admin.bkpsdm")) and standing.may_record(actor("sekda"))


@pytest.mark.req("TIK-2", "PRF-2")
def test_barito_utara_records_any_composition_and_refuses_teams_it_does_not_provide(other_demo):
    region = other_demo.region
    admin = actor("lain.admin.organisasi")
    staff = Employee.objects.filter(region=region, position__kind="pelaksana").order_by("pk")[:2]
    members = [In(staff[0].pk, "ketua"), In(staff[1].pk)]
    team = record(admin, "tim_koordinasi_spbe", members)
    detail = standing.standing_team(admin, team.pk)
    assert not detail.decision.regulated and "tidak mengatur susunan keanggotaan" in detail.decision.message
    with pytest.raises(AssignmentError, match="Perbup Barito Utara 18/2024 tidak mengatur Kelompok Kerja SPBE"):
        record(admin, "kelompok_kerja_spbe", members)


@pytest.mark.req("TIK-2")
def test_recording_validates_the_decree_and_the_members(demo):
    region = demo.region
    admin = actor("admin.organisasi")
    ok = [In(leader(region, "DISKOMINFO").pk, "ketua")]
    with pytest.raises(AssignmentError, match="setelah hari ini"):
        record(admin, "tim_koordinasi_spbe", ok, basis_date=dt.date.today() + dt.timedelta(days=3))
    with pytest.raises(AssignmentError, match="Perbup Penajam Paser Utara 31/2024 tidak merinci tugas Tim Koordinasi SPBE"):
        record(admin, "tim_koordinasi_spbe", ok, purpose=" ")
    with pytest.raises(AssignmentError, match="Nomor keputusan"):
        record(admin, "tim_koordinasi_spbe", ok, basis_number=" ")
    with pytest.raises(AssignmentError, match="satu ketua"):
        record(admin, "tim_koordinasi_spbe", ok + [In(leader(region, "SETDA").pk, "ketua")])
    with pytest.raises(AssignmentError, match="lebih dari sekali"):
        record(admin, "tim_koordinasi_spbe", ok + ok)
    with pytest.raises(AssignmentError) as exc:
        standing.members_from_lines(admin, anggota="999999999999999999\n12345678", external="tanpa titik koma")
    assert len(exc.value.messages) == 3
    other = Employee.objects.exclude(region=region).first()
    with pytest.raises(AssignmentError, match="tidak ditemukan"):
        record(admin, "tim_koordinasi_spbe", ok + [In(other.pk)])


# --- pages -----------------------------------------------------------------------------------
def form_data(region, **kw):
    data = {
        "kind": "tim_transformasi_manajemen", "title": "Tim Transformasi Manajemen", "purpose": "", "target": "",
        "basis_number": "100.3.3.2/045/2025", "basis_date": "2025-12-15", "starts_on": "2026-01-01",
        "ends_on": "2026-12-31", "hours_per_week": "2", "ketua": leader(region, "SETDA").nip, "sekretaris": "",
        "anggota": f"{leader(region, 'BKPSDM').nip}\n{leader(region, 'BPKAD').nip}", "external": "",
    }
    data.update(kw)
    return data


@pytest.mark.req("TIK-2", "TIK-3", "PRF-2")
def test_list_page_shows_the_kinds_the_profile_provides(demo, login):
    response = login("pegawai.kominfo").get("/penugasan/tim-tetap/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tim tetap tata kelola" in html and "Tim Transformasi Manajemen" in html
    assert "Lampiran huruf D" in html and "Pasal 14 ayat (3)" in html and "Dukungan pembinaan sinergitas organisasi" in html
    assert "Perbup Penajam Paser Utara 31/2024 tidak mengatur Kelompok Kerja SPBE" in html
    assert "Catat tim tetap" not in html
    assert "Catat tim tetap" in login("admin.organisasi").get("/penugasan/tim-tetap/").content.decode()


@pytest.mark.req("TIK-2")
def test_form_is_for_admins_only(demo, login):
    assert login("admin.organisasi").get("/penugasan/tim-tetap/catat/").status_code == 200
    assert login("sekda").get("/penugasan/tim-tetap/catat/?jenis=tim_koordinasi_spbe").status_code == 200
    assert login("kadis.kominfo").get("/penugasan/tim-tetap/catat/").status_code == 403
    assert login("kadis.kominfo").post("/penugasan/tim-tetap/catat/", form_data(demo.region)).status_code == 403
    assert not Assignment.objects.exclude(standing_kind="").exists()


@pytest.mark.req("TIK-3")
def test_form_shows_the_composition_findings_then_records_and_shows_the_team(demo, login):
    region = demo.region
    client = login("admin.organisasi")
    bad = client.post("/penugasan/tim-tetap/catat/", form_data(region, anggota=leader(region, "BPKAD").nip))
    assert bad.status_code == 400
    html = bad.content.decode()
    assert "Tim belum dapat dicatat" in html
    assert "Belum ada pimpinan unit yang bertanggung jawab atas sumber daya manusia" in html and "Lampiran huruf D" in html
    assert not Assignment.objects.exclude(standing_kind="").exists()
    good = client.post("/penugasan/tim-tetap/catat/", form_data(region))
    assert good.status_code == 302
    team = Assignment.objects.get(standing_kind="tim_transformasi_manajemen")
    assert good["Location"] == f"/penugasan/tim-tetap/{team.pk}/"
    page = client.get(good["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert "Keputusan nomor 100.3.3.2/045/2025" in html and "Sekretaris Daerah" in html and "sesuai" in html
    assert leader(region, "BKPSDM").full_name in html and "Dukungan pembinaan strategi organisasi" in html
    listing = login("pegawai.kominfo").get("/penugasan/tim-tetap/").content.decode()
    assert "Tim Transformasi Manajemen" in listing and f"/penugasan/tim-tetap/{team.pk}/" in listing


@pytest.mark.req("TIK-2", "PRF-2")
def test_another_regions_team_is_not_found(demo, other_demo, login):
    region = demo.region
    team = record(actor("admin.organisasi"), "tim_koordinasi_spbe", [In(leader(region, "DISKOMINFO").pk, "ketua")])
    assert login("kadis.kominfo").get(f"/penugasan/tim-tetap/{team.pk}/").status_code == 200
    assert login("lain.admin.organisasi").get(f"/penugasan/tim-tetap/{team.pk}/").status_code == 404
    assert login("lain.pegawai.kominfo").get(f"/penugasan/tim-tetap/{team.pk}/").status_code == 404
    assert f"/penugasan/tim-tetap/{team.pk}/" not in login("lain.admin.organisasi").get("/penugasan/tim-tetap/").content.decode()
    with pytest.raises(Exception, match="tidak ditemukan"):
        standing.standing_team(actor("lain.admin.organisasi"), team.pk)


# --- issue 9 item 7 ----------------------------------------------------------------------------
MU_KOORDINASI = ("BAPPEDA", "BPKAD", "DISKOMINFO", "SETDA.AS3.B1")


@pytest.mark.req("TIK-2")
def test_the_same_team_under_the_same_decree_is_recorded_once(demo):
    region = demo.region
    admin = actor("admin.organisasi")
    members = [In(leader(region, "DISKOMINFO").pk, "ketua"), In(leader(region, "SETDA").pk)]
    record(admin, "tim_koordinasi_spbe", members, title="Tim SPBE")
    with pytest.raises(AssignmentError, match="sudah tercatat"):
        record(admin, "tim_koordinasi_spbe", members, title="Tim SPBE lagi", basis_number=" 100.3.3.2/045/2025 ")
    assert Assignment.objects.filter(region=region, standing_kind="tim_koordinasi_spbe").count() == 1


@pytest.mark.req("TIK-2")
def test_the_database_keeps_one_ketua_per_team(demo):
    from django.db import IntegrityError, transaction

    region = demo.region
    team = record(actor("admin.organisasi"), "tim_koordinasi_spbe", [In(leader(region, "DISKOMINFO").pk, "ketua")])
    with pytest.raises(IntegrityError), transaction.atomic():
        Member.objects.create(assignment=team, employee=leader(region, "SETDA"), role="ketua", hours_per_week=2)
    assert team.members.filter(role="ketua").count() == 1


@pytest.mark.req("TIK-2")
def test_web_form_accepts_the_sekda_as_ketua_of_the_mahakam_ulu_tim_koordinasi(demo, login):
    region = use_profile(demo.region, MU)
    data = form_data(region, kind="tim_koordinasi_spbe", title="Tim Koordinasi SPBE", purpose="Koordinasi SPBE",
                     anggota="\n".join(leader(region, c).nip for c in MU_KOORDINASI))
    response = login("admin.organisasi").post("/penugasan/tim-tetap/catat/", data)
    assert response.status_code == 302
    team = Assignment.objects.get(standing_kind="tim_koordinasi_spbe")
    assert team.members.get(role="ketua").employee == leader(region, "SETDA")
    again = login("admin.organisasi").post("/penugasan/tim-tetap/catat/", data)
    assert again.status_code == 400 and "sudah tercatat" in again.content.decode()
