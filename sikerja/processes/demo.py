"""Proses bisnis of the demo region (issue 14 item 8): a level-0 map of the regional
government, level-1 maps for a few units, two SOP AP with flowcharts, one finished review that
produced a new version, and one overdue monitoring. Written directly (the demo builder runs
without a request or an actor), through the same pure rules the services apply."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from sikerja.organisation.models import Employee, Position, Unit
from sikerja.processes.models import (
    Decision,
    MapKind,
    MapMethod,
    MapVersion,
    Monitoring,
    MonitoringItem,
    Participation,
    Process,
    ProcessMap,
    Review,
    SipocRow,
    Sop,
    SopActor,
    SopStep,
    SopVersion,
    VersionStatus,
)
from sikerja.processes.rules.steps import StepInput, check_steps
from sikerja.processes.samples import simple_bpmn

LEVEL1 = [
    # code, name, kind, owning unit, taking part, outside parties, tasks as (lane, name)
    (
        "PB.1.1",
        "Perencanaan pembangunan daerah",
        "manajemen",
        "BAPPEDA",
        ["SETDA", "DISKOMINFO", "BKPSDM"],
        ["DPRD"],
        ["Menyusun rancangan awal RKPD", "Forum konsultasi publik", "Musrenbang", "Menetapkan RKPD"],
    ),
    (
        "PB.1.2",
        "Pengelolaan aplikasi layanan publik",
        "inti",
        "DISKOMINFO",
        ["DPMPTSP", "SETDA"],
        ["Masyarakat"],
        ["Menerima usulan aplikasi", "Menganalisis kebutuhan", "Membangun aplikasi", "Mengoperasikan layanan"],
    ),
    (
        "PB.1.3",
        "Manajemen ASN",
        "pendukung",
        "BKPSDM",
        ["SETDA", "DISKOMINFO", "BAPPEDA"],
        ["BKN"],
        ["Merencanakan kebutuhan ASN", "Pengadaan ASN", "Penempatan dan mutasi", "Pengembangan kompetensi"],
    ),
    (
        "PB.1.4",
        "Evaluasi dan penataan kelembagaan",
        "manajemen",
        "SETDA.AS3.B1",
        ["SETDA.AS1", "SETDA"],
        [],
        ["Mengevaluasi kelembagaan perangkat daerah", "Merumuskan rekomendasi", "Menindaklanjuti rekomendasi"],
    ),
]
# The demo team that runs a process (issue 14 item 7): the evaluation follow-up team of the
# execution demo runs the kelembagaan process.
DEMO_TEAM = ("SETDA.AS1", "Tim Tindak Lanjut Evaluasi Kelembagaan", "PB.1.4")


def _unit(region, code):
    return Unit.objects.filter(region=region, code=code).first()


def _leader(region, unit):
    return (
        Employee.objects.filter(region=region, position__unit=unit, position__is_leader=True)
        .select_related("position")
        .first()
    )


def _drawn(process, kind, title, lanes, tasks, *, approved=True, approver=None):
    pmap = ProcessMap.objects.create(process=process, kind=kind, title=title)
    xml, svg = simple_bpmn(title, lanes, tasks)
    now = timezone.now()
    return MapVersion.objects.create(
        map=pmap,
        number=1,
        method=MapMethod.BPMN,
        bpmn_xml=xml,
        svg=svg,
        status=VersionStatus.APPROVED if approved else VersionStatus.DRAFT,
        approved_at=now if approved else None,
        approved_by=approver if approved else None,
    )


def _sipoc(process, rows, approver):
    pmap = ProcessMap.objects.create(process=process, kind=MapKind.PETA_PROSES, title=f"Peta proses {process.name}")
    v = MapVersion.objects.create(map=pmap, number=1, method=MapMethod.BPMN)
    SipocRow.objects.bulk_create(
        [
            SipocRow(version=v, order=i, supplier=r[0], input=r[1], process=r[2], output=r[3], customer=r[4])
            for i, r in enumerate(rows, 1)
        ]
    )
    MapVersion.objects.filter(pk=v.pk).update(
        status=VersionStatus.APPROVED, approved_at=timezone.now(), approved_by=approver
    )
    return v


def _sop(region, unit, process, name, nomor, positions, steps, approver, effective):
    problems = check_steps(steps, len(positions))
    assert not problems, problems  # the demo must pass the rules it shows
    sop = Sop.objects.create(region=region, owning_unit=unit, process=process, name=name)
    v = SopVersion.objects.create(
        sop=sop,
        number=1,
        nomor=nomor,
        made_on=effective - dt.timedelta(days=14),
        effective_on=effective,
        approver=approver,
        approver_name=approver.full_name if approver else "",
        approver_nip=approver.nip if approver else "",
        approver_position=approver.position.name if approver and approver.position_id else "",
        # Real instruments by their real titles: the SOP AP guideline and the region's own Perbup.
        dasar_hukum=(
            "1. Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 35 Tahun 2012 "
            "tentang Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan\n"
            f"2. {region.profile.title or region.profile.legal_basis}"
        ),
        kualifikasi="Memahami tugas dan fungsi unit; mampu mengoperasikan komputer",
        keterkaitan="SOP Pengelolaan Naskah Dinas",
        peralatan="Komputer, jaringan internet, aplikasi SiKerja",
        peringatan="Bila langkah tidak dilaksanakan, layanan terlambat dan tidak tercatat",
        pencatatan="Dokumen hasil disimpan dalam arsip elektronik unit",
    )
    actors = SopActor.objects.bulk_create([SopActor(version=v, order=i, position=p) for i, p in enumerate(positions)])
    SopStep.objects.bulk_create(
        [
            SopStep(
                version=v,
                no=s.no,
                kegiatan=s.kegiatan,
                actor=actors[s.actor],
                symbol=s.symbol,
                kelengkapan=s.kelengkapan,
                waktu=s.waktu,
                output=s.output,
                keterangan=s.keterangan,
                yes_to=s.yes_to,
                no_to=s.no_to,
            )
            for s in steps
        ]
    )
    SopVersion.objects.filter(pk=v.pk).update(status=VersionStatus.APPROVED, approved_at=timezone.now())
    v.refresh_from_db()
    return v


def seed_processes(region) -> None:
    setda, org = _unit(region, "SETDA"), _unit(region, "SETDA.AS3.B1")
    if setda is None or org is None:
        return
    sekda = _leader(region, setda)
    root = Process.objects.create(
        region=region,
        code="PB.0",
        name=f"Penyelenggaraan pemerintahan {region.name}",
        kind="inti",
        level=0,
        owning_unit=setda,
        description="Peta proses bisnis level 0 pemerintah daerah.",
    )
    pds = list(Unit.objects.filter(region=region, is_perangkat_daerah=True).order_by("order", "name")[:6])
    Participation.objects.bulk_create(
        [Participation(process=root, unit=u) for u in pds if u.pk != setda.pk]
        + [Participation(process=root, outside_party="Masyarakat")]
    )
    _sipoc(
        root,
        [
            (
                "Pemerintah Pusat",
                "Kebijakan nasional",
                "Perencanaan pembangunan daerah",
                "RPJMD dan RKPD",
                "Perangkat Daerah",
            ),
            ("Perangkat Daerah", "Program dan anggaran", "Pelayanan publik", "Layanan kepada masyarakat", "Masyarakat"),
            ("BKPSDM", "Kebutuhan ASN", "Manajemen ASN", "ASN yang kompeten", "Perangkat Daerah"),
        ],
        sekda,
    )
    _drawn(
        root,
        MapKind.PETA_SUBPROSES,
        "Peta subproses level 0",
        [u.name for u in pds[:3]],
        [
            (0, "Menetapkan arah kebijakan"),
            (1, "Menyusun rencana"),
            (2, "Melaksanakan layanan"),
            (0, "Mengevaluasi kinerja"),
        ],
        approver=sekda,
    )
    level1 = {}
    for code, name, kind, owner, partners, outside, tasks in LEVEL1:
        owning = _unit(region, owner)
        if owning is None:
            continue
        p = Process.objects.create(
            region=region, code=code, name=name, kind=kind, level=1, parent=root, owning_unit=owning
        )
        units = [u for u in (_unit(region, c) for c in partners) if u is not None]
        Participation.objects.bulk_create(
            [Participation(process=p, unit=u) for u in units]
            + [Participation(process=p, outside_party=o) for o in outside]
        )
        lanes = [owning.name] + [u.name for u in units[:2]]
        _drawn(
            p,
            MapKind.PETA_LINTAS_FUNGSI,
            f"Peta lintas fungsi {name}",
            lanes,
            [(i % len(lanes), t) for i, t in enumerate(tasks)],
            approver=_leader(region, owning),
        )
        level1[owner] = p
    kominfo, bid = _unit(region, "DISKOMINFO"), _unit(region, "DISKOMINFO.BID1")
    # The finished review: version 1 of the Kominfo map was revised into version 2, approved.
    if "DISKOMINFO" in level1:
        first = MapVersion.objects.filter(map__process=level1["DISKOMINFO"]).first()
        xml, svg = simple_bpmn(
            first.map.title,
            [kominfo.name, "Perangkat Daerah pengusul"],
            [
                (1, "Mengajukan usulan aplikasi"),
                (0, "Menganalisis kebutuhan"),
                (0, "Membangun aplikasi"),
                (0, "Uji coba bersama pengusul"),
                (0, "Mengoperasikan layanan"),
            ],
        )
        second = MapVersion.objects.create(
            map=first.map,
            number=2,
            method=MapMethod.BPMN,
            bpmn_xml=xml,
            svg=svg,
            note="Revisi hasil reviu versi 1",
            status=VersionStatus.APPROVED,
            approved_at=timezone.now(),
            approved_by=_leader(region, kominfo),
        )
        MapVersion.objects.filter(pk=first.pk).update(status=VersionStatus.SUPERSEDED, retired_at=timezone.now())
        Review.objects.create(
            region=region,
            map_version=first,
            decision=Decision.REVISE,
            new_map_version=second,
            reviewer=_leader(region, kominfo),
            decided_on=timezone.localdate() - dt.timedelta(days=20),
            findings="Uji coba bersama PD pengusul belum tergambar; usulan datang dari PD pengusul, bukan dari Diskominfo.",
        )
    today = timezone.localdate()
    if kominfo and bid:
        pos = list(
            Position.objects.filter(region=region, unit__in=[bid, kominfo], is_leader=True).order_by("-kelas_jabatan")
        )
        staff = Position.objects.filter(region=region, unit=bid, is_leader=False).first()
        cols = [p for p in [staff, *reversed(pos)] if p is not None][:3]
        steps = [
            StepInput(
                1,
                "Menerima permohonan pembuatan aplikasi dari perangkat daerah",
                0,
                "terminator",
                "Surat permohonan",
                "10 menit",
                "Permohonan tercatat",
            ),
            StepInput(
                2,
                "Menganalisis kebutuhan dan menyusun telaahan",
                0,
                "proses",
                "Formulir analisis kebutuhan",
                "3 hari",
                "Telaahan staf",
            ),
            StepInput(
                3,
                "Memeriksa telaahan dan kesesuaian dengan arsitektur SPBE",
                1,
                "keputusan",
                "Telaahan staf",
                "1 hari",
                "Telaahan diperiksa",
                "Bila tidak sesuai, kembali ke langkah 2",
                yes_to=4,
                no_to=2,
            ),
            StepInput(
                4,
                "Menyetujui pembangunan aplikasi",
                len(cols) - 1,
                "proses",
                "Telaahan yang sudah diperiksa",
                "1 hari",
                "Disposisi persetujuan",
            ),
            StepInput(
                5,
                "Membangun dan menguji aplikasi",
                0,
                "proses",
                "Disposisi, dokumen kebutuhan",
                "30 hari",
                "Aplikasi teruji",
            ),
            StepInput(
                6,
                "Menyerahkan aplikasi kepada perangkat daerah pengusul",
                1,
                "terminator",
                "Berita acara",
                "1 hari",
                "Berita acara serah terima",
            ),
        ]
        v = _sop(
            region,
            bid,
            level1.get("DISKOMINFO"),
            "Pembangunan Aplikasi Layanan Publik",
            "800/001/DISKOMINFO/2026",
            cols,
            steps,
            _leader(region, kominfo),
            today - dt.timedelta(days=240),
        )
        # Overdue: six months after it took effect, nobody has monitored it yet.
        Monitoring.objects.create(region=region, sop_version=v, due_on=today - dt.timedelta(days=57))
    bkpsdm, bkbid = _unit(region, "BKPSDM"), _unit(region, "BKPSDM.BID2")
    if bkpsdm and bkbid:
        lead = Position.objects.filter(region=region, unit=bkbid, is_leader=True).first()
        staff = Position.objects.filter(region=region, unit=bkbid, is_leader=False).first()
        head = Position.objects.filter(region=region, unit=bkpsdm, is_leader=True).first()
        cols = [p for p in (staff, lead, head) if p is not None]
        steps = [
            StepInput(
                1,
                "Menerima usulan mutasi dari perangkat daerah",
                0,
                "terminator",
                "Surat usulan, data pegawai",
                "15 menit",
                "Usulan tercatat",
            ),
            StepInput(
                2,
                "Memverifikasi kelengkapan berkas dan kesesuaian peta jabatan",
                0,
                "proses",
                "Berkas usulan",
                "2 hari",
                "Hasil verifikasi",
            ),
            StepInput(
                3,
                "Menilai hasil verifikasi",
                1,
                "keputusan",
                "Hasil verifikasi",
                "1 hari",
                "Nota pertimbangan",
                "Berkas tidak lengkap dikembalikan",
                yes_to=4,
                no_to=2,
            ),
            StepInput(
                4,
                "Menandatangani keputusan mutasi",
                len(cols) - 1,
                "proses",
                "Rancangan keputusan",
                "1 hari",
                "Keputusan mutasi",
            ),
            StepInput(
                5,
                "Menyampaikan keputusan kepada pegawai",
                0,
                "terminator",
                "Keputusan mutasi",
                "1 hari",
                "Tanda terima",
            ),
        ]
        v2 = _sop(
            region,
            bkbid,
            level1.get("BKPSDM"),
            "Mutasi Pegawai antar Perangkat Daerah",
            "800/014/BKPSDM/2026",
            cols,
            steps,
            _leader(region, bkpsdm),
            today - dt.timedelta(days=200),
        )
        done = Monitoring.objects.create(
            region=region,
            sop_version=v2,
            due_on=today - dt.timedelta(days=20),
            done_on=today - dt.timedelta(days=18),
            assessor=_leader(region, bkbid),
            summary="Secara umum berjalan; verifikasi lambat.",
        )
        MonitoringItem.objects.bulk_create(
            [
                MonitoringItem(
                    monitoring=done,
                    step=s,
                    runs_well=s.no != 2,
                    notes="Verifikasi melebihi 2 hari" if s.no == 2 else "",
                    action="Tambahkan daftar periksa verifikasi" if s.no == 2 else "",
                )
                for s in v2.steps.all()
            ]
        )
        Monitoring.objects.create(region=region, sop_version=v2, due_on=today + dt.timedelta(days=160))


def link_demo_team(region) -> None:
    """Name the process the demo team runs; called once the execution demo made the team."""
    from sikerja.assignments.models import Assignment  # assignments name processes, not the reverse

    unit_code, title, code = DEMO_TEAM
    process = Process.objects.filter(region=region, code=code).first()
    if process is not None:
        Assignment.objects.filter(region=region, owning_unit__code=unit_code, title=title, process=None).update(
            process=process
        )
