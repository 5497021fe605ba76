"""SKP, evidence, evaluation, organisation predikat and follow-up through the services."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from sikerja.audit.models import Event
from sikerja.execution.models import PerformanceAgreement, PerformanceTarget, Report
from sikerja.performance import services
from sikerja.performance.models import Evaluation, Expectation, Realisation, Rhk, Skp, SkpEvidence
from sikerja.performance.services import KinerjaError
from sikerja.performance.services.common import placement_of
from sikerja.performance.tests.helpers import actor, actor_of, approved_skp, emp, open_year, ppk_of, rhk_of


# --- KIN-6 / KIN-1: drafting, the assessor from the placement, one open SKP -----------------------
@pytest.mark.req("KIN-6")
def test_the_assessor_and_unit_come_from_the_placement(demo):
    e = emp("pegawai.kominfo")
    skp = services.draft_skp(actor_of(e), year=2031)
    placement = placement_of(e)
    assert (skp.assessor_id, skp.unit_id, skp.form, skp.status) == (
        placement.assessor_id,
        placement.unit_id,
        "ja_jf",
        "draf",
    )
    assert [x.value for x in Expectation.objects.filter(skp=skp).order_by("pk")] == [
        "berorientasi_pelayanan",
        "akuntabel",
        "kompeten",
        "harmonis",
        "loyal",
        "adaptif",
        "kolaboratif",
    ]


@pytest.mark.req("KIN-6")
def test_a_second_open_skp_is_refused_by_the_service_and_the_database(demo):
    e = emp("pegawai.kominfo")
    a = actor_of(e)
    skp = services.draft_skp(a, year=2031)
    with pytest.raises(KinerjaError, match="sudah ada"):
        services.draft_skp(a, year=2031)
    with pytest.raises(IntegrityError), transaction.atomic():
        Skp.objects.create(region=skp.region, employee=e, year=2031, assessor=skp.assessor, unit=skp.unit)
    assert Skp.objects.filter(employee=e, year=2031).count() == 1


@pytest.mark.req("KIN-6")
def test_ja_jf_needs_an_aspek_and_jpt_a_perspektif(demo):
    a = actor_of(emp("pegawai.kominfo"))
    skp = services.draft_skp(a, year=2031)
    with pytest.raises(KinerjaError, match="aspek"):
        services.add_rhk(a, skp.pk, text_value="X", ikis=[("", "Indikator", "1")])
    with pytest.raises(KinerjaError, match="Perspektif hanya"):
        services.add_rhk(a, skp.pk, text_value="X", perspektif="anggaran", ikis=[("waktu", "I", "1")])
    with pytest.raises(KinerjaError, match="paling sedikit satu indikator"):
        services.add_rhk(a, skp.pk, text_value="X", ikis=[])
    rhk = services.add_rhk(a, skp.pk, text_value="X", kind="tambahan", ikis=[("biaya", "Hemat", "10%")])
    assert (rhk.kind, rhk.ikis.get().aspek) == ("tambahan", "biaya")
    kadis = emp("kadis.kominfo")
    jpt = services.draft_skp(actor_of(kadis), year=2031, form="jpt")
    with pytest.raises(KinerjaError, match="perspektif"):
        services.add_rhk(actor_of(kadis), jpt.pk, text_value="Y", ikis=[("", "Indeks", "80")])
    ok = services.add_rhk(
        actor_of(kadis),
        jpt.pk,
        text_value="Y",
        perspektif="penerima_layanan",
        approach="kualitatif",
        ikis=[("", "Indeks kepuasan", "80")],
    )
    assert (ok.perspektif, ok.approach) == ("penerima_layanan", "kualitatif")
    assert Rhk.objects.filter(skp=skp).count() == 1  # refused RHK left nothing


@pytest.mark.req("KIN-1", "KIN-6")
def test_draft_submit_return_with_notes_then_approve(demo):
    e = emp("pegawai.kominfo")
    a = actor_of(e)
    skp = services.draft_skp(a, year=2031, dialog_on=dt.date(2031, 1, 5))
    with pytest.raises(KinerjaError, match="RHK utama"):
        services.submit(a, skp.pk)
    rhk_of(a, skp)
    services.submit(a, skp.pk)
    ppk, _ = ppk_of(e)
    with pytest.raises(KinerjaError, match="Catatan wajib"):
        services.decide(ppk, skp.pk, approve=False, notes="")
    services.decide(ppk, skp.pk, approve=False, notes="Target terlalu rendah")
    skp.refresh_from_db()
    assert (skp.status, skp.return_notes) == ("dikembalikan", "Target terlalu rendah")
    services.submit(a, skp.pk)
    services.decide(ppk, skp.pk, approve=True)
    skp.refresh_from_db()
    assert skp.status == "disetujui" and skp.dialog_on == dt.date(2031, 1, 5)
    with pytest.raises(KinerjaError, match="tidak dapat diubah"):
        rhk_of(a, skp)
    verbs = list(
        Event.objects.filter(object_type="performance.skp", object_id=str(skp.pk)).values_list("verb", flat=True)
    )
    assert (
        verbs.count("kinerja.skp_submitted") == 2
        and "kinerja.skp_returned" in verbs
        and "kinerja.skp_approved" in verbs
    )


@pytest.mark.req("KIN-6")
def test_only_the_ppk_decides_and_someone_else_is_refused(demo):
    e = emp("pegawai.kominfo")
    a = actor_of(e)
    skp = services.draft_skp(a, year=2031)
    rhk_of(a, skp)
    services.submit(a, skp.pk)
    with pytest.raises(PermissionDenied, match="bukan pejabat penilai"):
        services.decide(actor("kabid.ikp"), skp.pk, approve=True)
    skp.refresh_from_db()
    assert skp.status == "diajukan"


@pytest.mark.req("KIN-6")
def test_a_change_after_approval_is_a_new_version_and_subordinate_links_follow(demo):
    staff = emp("pegawai.kominfo")
    boss = placement_of(staff).assessor
    boss_skp = services.draft_skp(actor_of(boss), year=2031)
    boss_rhk = rhk_of(actor_of(boss), boss_skp, text="Layanan digital meningkat")
    # the staff cites the superior's DRAFT RHK
    a = actor_of(staff)
    skp = services.draft_skp(a, year=2031)
    mine = rhk_of(a, skp, intervened_id=boss_rhk.pk)
    assert mine.intervened_id == boss_rhk.pk
    other = services.draft_skp(actor_of(emp("pegawai.ikp")), year=2031)
    stranger = rhk_of(actor_of(emp("pegawai.ikp")), other)
    with pytest.raises(KinerjaError, match="pejabat penilai Anda"):
        rhk_of(a, skp, intervened_id=stranger.pk)
    services.submit(actor_of(boss), boss_skp.pk)
    boss_ppk, _ = ppk_of(boss)
    services.decide(boss_ppk, boss_skp.pk, approve=True)
    v2 = services.revise(actor_of(boss), boss_skp.pk)
    boss_skp.refresh_from_db()
    assert (v2.version, v2.status, v2.is_current, boss_skp.is_current, boss_skp.status) == (
        2,
        "draf",
        True,
        False,
        "disetujui",
    )
    mine.refresh_from_db()
    assert mine.intervened.skp_id == v2.pk and mine.intervened.origin_id == boss_rhk.pk
    assert mine.intervened.text == "Layanan digital meningkat"


@pytest.mark.req("KIN-11")
def test_the_ppk_sets_an_ekspektasi_khusus_per_value(demo):
    e = emp("pegawai.kominfo")
    skp = services.draft_skp(actor_of(e), year=2031)
    ppk, _ = ppk_of(e)
    services.set_expectation(ppk, skp.pk, value="kolaboratif", text_value="Aktif berbagi kode")
    assert skp.expectations.get(value="kolaboratif").text == "Aktif berbagi kode"
    with pytest.raises(KinerjaError, match="tidak dikenal"):
        services.set_expectation(ppk, skp.pk, value="jujur", text_value="x")
    with pytest.raises(PermissionDenied):
        services.set_expectation(actor_of(e), skp.pk, value="loyal", text_value="x")


# --- KIN-2 ---------------------------------------------------------------------------------------
@pytest.mark.req("KIN-2")
def test_evidence_by_hand_feedback_by_the_ppk_and_coaching(demo):
    skp, rhk, a, ppk = approved_skp("pegawai.kominfo")
    iki = rhk.ikis.get()
    item = services.add_evidence(a, rhk.pk, title="Aplikasi A rilis", url="https://contoh.go.id/a", iki_id=iki.pk)
    with pytest.raises(KinerjaError, match="http"):
        services.add_evidence(a, rhk.pk, title="x", url="javascript:alert(1)")
    fb = services.give_feedback(ppk, item.pk, text_value="Bagus, lanjutkan")
    assert fb.evidence.rhk.skp_id == skp.pk and fb.text == "Bagus, lanjutkan"
    with pytest.raises(PermissionDenied):
        services.give_feedback(actor("kabid.ikp"), item.pk, text_value="x")
    note = services.add_coaching(ppk, skp.pk, text_value="Bimbingan pengujian aplikasi")
    assert note.text == "Bimbingan pengujian aplikasi"
    with pytest.raises(KinerjaError, match="Tanggal bimbingan"):
        services.add_coaching(ppk, skp.pk, text_value="x", held_on=dt.date(1990, 1, 1))


@pytest.mark.req("KIN-2", "KIN-7")
def test_reports_of_the_work_behind_an_rhk_become_evidence_automatically(demo):
    from sikerja.execution import services as pelaksanaan
    from sikerja.execution.tests.helpers import individual

    region = demo.region
    assignment = individual(region)
    work = pelaksanaan.work_for(assignment)
    leader = emp("kabid.aptika")
    agreement = PerformanceAgreement.objects.create(region=region, unit=work.owning_unit, year=2031, leader=leader)
    target = PerformanceTarget.objects.create(
        agreement=agreement, sasaran="Layanan digital", indikator="Aplikasi", target="3"
    )
    work.target = target
    work.save(update_fields=["target"])
    staff = emp("pegawai.kominfo")
    rhk = services.rhk_from_mph(actor("kabid.aptika"), target_id=target.pk, employee_id=staff.pk)
    assert (rhk.skp.employee_id, rhk.role, rhk.work_id, rhk.skp.status) == (staff.pk, "individu", work.pk, "draf")
    with pytest.raises(KinerjaError, match="sudah menjadi RHK"):
        services.rhk_from_mph(actor("kabid.aptika"), target_id=target.pk, employee_id=staff.pk)
    today = dt.date.today()
    Report.objects.create(
        work=work,
        author=staff,
        kind="individu",
        article="Pasal 12",
        period_start=today,
        period_end=today,
        progress=40,
        realisation="Modul login selesai",
    )
    assert services.sync_report_evidence(rhk.skp) == 1
    assert services.sync_report_evidence(rhk.skp) == 0  # once per report
    ev = SkpEvidence.objects.get(rhk=rhk)
    assert ev.source == "laporan" and "Modul login selesai" in ev.title


# --- KIN-3 / KIN-8: evaluation -------------------------------------------------------------------
@pytest.mark.req("KIN-3", "KIN-8")
def test_evaluation_computes_the_predikat_and_finalises_once(demo):
    skp, rhk, a, ppk = approved_skp("pegawai.kominfo")
    periods = open_year(demo.region)
    iki = rhk.ikis.get()
    ev = services.evaluate(
        ppk,
        skp.pk,
        period_id=periods["tw1"].pk,
        rating_hasil="di_atas",
        rating_perilaku="di_atas",
        realisations={iki.pk: "3 aplikasi"},
    )
    assert ev.predikat == "sangat_baik" and ev.realisations.get().text == "3 aplikasi"
    ev = services.evaluate(ppk, skp.pk, period_id=periods["tw1"].pk, rating_hasil="di_bawah", rating_perilaku="sesuai")
    assert ev.predikat == "butuh_perbaikan"
    services.finalise(ppk, ev.pk)
    with pytest.raises(KinerjaError, match="sudah final"):
        services.finalise(ppk, ev.pk)
    with pytest.raises(KinerjaError, match="sudah final"):
        services.evaluate(ppk, skp.pk, period_id=periods["tw1"].pk, rating_hasil="sesuai", rating_perilaku="sesuai")
    assert Evaluation.objects.get(pk=ev.pk).predikat == "butuh_perbaikan"


@pytest.mark.req("KIN-3", "KIN-8")
def test_bad_evaluations_are_refused_and_nothing_is_written(demo):
    skp, rhk, a, ppk = approved_skp("pegawai.kominfo")
    periods = open_year(demo.region)
    tw1 = periods["tw1"].pk
    with pytest.raises(KinerjaError, match="Di Atas Ekspektasi"):
        services.evaluate(ppk, skp.pk, period_id=tw1, rating_hasil="istimewa", rating_perilaku="sesuai")
    other_skp, other_rhk, _, _ = approved_skp("pegawai.ikp")
    stray = other_rhk.ikis.get().pk
    with pytest.raises(KinerjaError, match="bukan bagian dari SKP"):
        services.evaluate(
            ppk,
            skp.pk,
            period_id=tw1,
            rating_hasil="sesuai",
            rating_perilaku="sesuai",
            realisations={rhk.ikis.get().pk: "ok", stray: "x"},
        )
    with pytest.raises(PermissionDenied, match="bukan pejabat penilai"):
        services.evaluate(actor("kabid.ikp"), skp.pk, period_id=tw1, rating_hasil="sesuai", rating_perilaku="sesuai")
    services.close_period(actor("admin.bkpsdm"), periods["tw2"].pk)
    with pytest.raises(KinerjaError, match="tidak terbuka"):
        services.evaluate(ppk, skp.pk, period_id=periods["tw2"].pk, rating_hasil="sesuai", rating_perilaku="sesuai")
    assert not Evaluation.objects.filter(skp=skp).exists() and not Realisation.objects.exists()


@pytest.mark.req("KIN-3")
def test_a_period_opened_for_some_pds_only_refuses_the_others(demo):
    region = demo.region
    bappeda = emp("pegawai.bappeda").unit
    pd = bappeda if bappeda.is_perangkat_daerah else bappeda.perangkat_daerah
    periods = open_year(region, year=2027, pd_ids=[pd.pk])
    skp, _, _, ppk = approved_skp("pegawai.kominfo", year=2027)
    with pytest.raises(KinerjaError, match="tidak terbuka"):
        services.evaluate(ppk, skp.pk, period_id=periods["tw1"].pk, rating_hasil="sesuai", rating_perilaku="sesuai")
    with pytest.raises(PermissionDenied):
        services.open_year(actor("kabid.aptika"), year=2028)


@pytest.mark.req("KIN-5")
def test_the_ppk_sees_the_ketua_notes_from_every_team(demo):
    from sikerja.execution import services as pelaksanaan
    from sikerja.execution.models import MemberNote
    from sikerja.execution.tests.helpers import team
    from sikerja.performance import selectors

    assignment, ketua, others = team(demo.region)
    work = pelaksanaan.work_for(assignment)
    member = others[0]
    MemberNote.objects.create(
        work=work, member=member, rating="di_atas", contribution="Menulis modul API", written_by=ketua
    )
    skp, _, _, ppk = approved_skp(member)
    page = selectors.skp_page(ppk, skp.pk)
    assert [n.contribution for n in page.ketua_notes] == ["Menulis modul API"]
    assert selectors.skp_page(actor_of(member), skp.pk).ketua_notes == []  # an input for the PPK


# --- KIN-9 / KIN-10: unit predikat, leader's rating, curve ---------------------------------------
@pytest.mark.req("KIN-10")
def test_the_leader_one_level_up_sets_the_unit_predikat(demo):
    periods = open_year(demo.region)
    bid1 = emp("kabid.aptika").unit
    with pytest.raises(PermissionDenied, match="satu tingkat di atas"):
        services.set_unit_predikat(
            actor("kabid.aptika"), unit_id=bid1.pk, period_id=periods["tw1"].pk, rating="sesuai", predikat_value="baik"
        )
    row = services.set_unit_predikat(
        actor("kadis.kominfo"),
        unit_id=bid1.pk,
        period_id=periods["tw1"].pk,
        rating="di_atas",
        predikat_value="istimewa",
        basis="Seluruh target perjanjian kinerja tercapai",
        recommendations=[{"from": "perencanaan", "text": "Capaian 110%"}],
    )
    assert (row.predikat, row.rating, row.recommendations[0]["from"]) == ("istimewa", "di_atas", "perencanaan")
    with pytest.raises(KinerjaError, match="perencanaan, SDM atau pengawasan"):
        services.set_unit_predikat(
            actor("kadis.kominfo"),
            unit_id=bid1.pk,
            period_id=periods["tw1"].pk,
            rating="sesuai",
            predikat_value="baik",
            recommendations=[{"from": "inspektur", "text": "x"}],
        )


@pytest.mark.req("KIN-9")
def test_a_unit_leaders_rating_hasil_kerja_is_the_units_result(demo):
    periods = open_year(demo.region)
    leader = emp("kabid.aptika")
    skp, _, _, ppk = approved_skp(leader)
    tw1 = periods["tw1"].pk
    with pytest.raises(KinerjaError, match="belum ditetapkan"):
        services.evaluate(ppk, skp.pk, period_id=tw1, rating_hasil="sesuai", rating_perilaku="sesuai")
    services.set_unit_predikat(
        actor("kadis.kominfo"),
        unit_id=leader.unit_id,
        period_id=tw1,
        rating="di_bawah",
        predikat_value="butuh_perbaikan",
    )
    with pytest.raises(KinerjaError, match="sama dengan capaian kinerja unitnya"):
        services.evaluate(ppk, skp.pk, period_id=tw1, rating_hasil="di_atas", rating_perilaku="sesuai")
    ev = services.evaluate(ppk, skp.pk, period_id=tw1, rating_hasil=None, rating_perilaku="sesuai")
    assert (ev.rating_hasil, ev.hasil_from_unit, ev.predikat) == ("di_bawah", True, "butuh_perbaikan")


@pytest.mark.req("KIN-9")
def test_the_curve_page_data_names_the_broken_rule_and_the_people(demo):
    from sikerja.performance import selectors

    periods = open_year(demo.region)
    tw1 = periods["tw1"]
    bid1 = emp("kabid.aptika").unit
    services.set_unit_predikat(
        actor("kadis.kominfo"), unit_id=bid1.pk, period_id=tw1.pk, rating="sesuai", predikat_value="baik"
    )
    for username in ("pegawai.kominfo",):
        skp, _, _, ppk = approved_skp(username)
        services.evaluate(ppk, skp.pk, period_id=tw1.pk, rating_hasil="di_atas", rating_perilaku="di_atas")
    view = selectors.unit_curve(actor("kadis.kominfo"), bid1.pk, tw1.pk)
    assert view.n == 1 and view.counts["sangat_baik"] == 1
    assert {b.rule: b.people for b in view.breaches} == {"baik_sebagian_besar": 1, "baik_ada_di_bawah": 1}
    bar = next(b for b in view.bars if b.key == "baik")
    # one person: "more than half" needs 1, "at most 70 %" allows 0 — read exactly, no band fits
    assert (bar.count, bar.low, bar.high, bar.fits) == (0, 100.0, 0.0, False)
    assert view.impossible


# --- KIN-4 ---------------------------------------------------------------------------------------
@pytest.mark.req("KIN-4")
def test_follow_up_fits_the_predikat_and_the_employee_sees_it(demo):
    from sikerja.performance import selectors

    skp, _, a, ppk = approved_skp("pegawai.kominfo")
    periods = open_year(demo.region)
    ev = services.evaluate(
        ppk, skp.pk, period_id=periods["tahunan"].pk, rating_hasil="sesuai", rating_perilaku="di_bawah"
    )
    with pytest.raises(KinerjaError, match="setelah evaluasi final"):
        services.add_follow_up(ppk, ev.pk, kind="pengembangan", text_value="Pelatihan")
    services.finalise(ppk, ev.pk)
    with pytest.raises(KinerjaError, match="tidak ditindaklanjuti dengan rekomendasi penghargaan"):
        services.add_follow_up(ppk, ev.pk, kind="penghargaan", text_value="Piagam")
    services.add_follow_up(ppk, ev.pk, kind="pengembangan", text_value="Pelatihan etika ASN")
    services.add_follow_up(ppk, ev.pk, kind="sanksi", text_value="Teguran lisan")
    page = selectors.skp_page(a, skp.pk)
    assert sorted(f.kind for f in page.evaluations[0].follow_ups.all()) == ["pengembangan", "sanksi"]


@pytest.mark.req("KIN-1", "KIN-6")
def test_opening_a_year_drafts_an_skp_for_everyone_placed_in_constant_queries(demo):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sikerja.organisation.models import Placement
    from sikerja.performance.services.periods import generate_drafts

    region = demo.region
    mine = services.draft_skp(actor_of(emp("pegawai.kominfo")), year=2032)
    with CaptureQueriesContext(connection) as q:
        made = generate_drafts(actor("admin.bkpsdm"), year=2032)
    placed = Placement.objects.filter(region=region, employee__is_active=True).current().count()
    assert made == placed - 1 and len(q) < made / 5  # batched inserts, not a query per person
    assert Skp.objects.filter(region=region, year=2032, is_current=True).count() == placed
    assert (
        Skp.objects.get(employee=emp("pegawai.ikp"), year=2032).assessor_id
        == placement_of(emp("pegawai.ikp")).assessor_id
    )
    from sikerja.performance import selectors

    page = selectors.skp_page(actor_of(emp("pegawai.ikp")), Skp.objects.get(employee=emp("pegawai.ikp"), year=2032).pk)
    assert [e.get_value_display() for e, _ in page.expectations][:2] == ["Berorientasi Pelayanan", "Akuntabel"]
    assert len(page.expectations) == 7
    assert Skp.objects.get(pk=mine.pk).is_current
    assert generate_drafts(actor("admin.bkpsdm"), year=2032) == 0
    with pytest.raises(PermissionDenied):
        generate_drafts(actor("kabid.aptika"), year=2032)
