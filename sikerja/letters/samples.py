"""Samples: fictitious payloads rendered as previews (issue 10 item 1).

A sample is never a letter: it is rendered with CONTOH across every page, carries no number and
a verification code that no issued document can have, names fictitious people only, and is
never stored — no number is taken, no ``Document`` is written. The template preview (admins)
and the demo's "contoh surat" (only with ``SIKERJA_DEMO``) both go through ``sample_file``."""

from __future__ import annotations

from dataclasses import replace

from django.utils import timezone

from sikerja.letters.citations import PERMENPANRB_53_2014, agreement_basis, regulation_citation
from sikerja.letters.models import DocumentKind
from sikerja.letters.payloads import (
    ASSIGNMENT_KINDS,
    AssignmentPayload,
    KeputusanPayload,
    NotaDinasPayload,
    PerjanjianKinerjaPayload,
    Person,
    Signer,
    TargetRow,
    TeamMember,
)
from sikerja.letters.render import build_context
from sikerja.organisation.models import Unit

SAMPLE_PERSONS = [
    Person("Budi Santoso, S.Kom.", "198703152010011002", "Penata Tingkat I (III/d)", "Pranata Komputer Ahli Muda", "Bidang Aplikasi Informatika"),
    Person("Siti Rahmawati, S.T.", "199105222015032001", "Penata (III/c)", "Pranata Komputer Ahli Pertama", "Bidang Aplikasi Informatika"),
    Person("Andi Pratama, A.Md.", "199402102019031004", "Pengatur Tingkat I (II/d)", "Pranata Komputer Terampil", "Bidang Persandian"),
]
SAMPLE_SIGNER = Signer("Dr. Hendra Wijaya, M.Si.", "197501012000031001", "Pembina Utama Muda (IV/c)", "Kepala Dinas Komunikasi dan Informatika")
DASAR = [
    "Peraturan Bupati tentang Sistem Kerja pada Instansi Pemerintah Daerah untuk Penyederhanaan Birokrasi.",
    "Dokumen Pelaksanaan Anggaran Dinas Komunikasi dan Informatika Tahun Anggaran berjalan.",
]
UNTUK = [
    "Melaksanakan pengembangan aplikasi layanan kepegawaian terintegrasi sesuai rencana kerja;",
    "Melaporkan hasil pelaksanaan tugas secara berkala kepada pimpinan unit;",
    "Melaksanakan perintah ini dengan penuh tanggung jawab.",
]


def sample_payload(kind: str, *, persons: list[Person] | None = None, signer: Signer | None = None, place: str = "Sungai Lestari", official: str | None = None):
    """``official=""`` lets issue_document name the signer's office in a keputusan."""
    persons = persons or SAMPLE_PERSONS
    common = {"place": place, "date": timezone.localdate(), "signer": signer or SAMPLE_SIGNER}
    if kind in {k.value for k in ASSIGNMENT_KINDS}:
        return AssignmentPayload(subject="Pengembangan Aplikasi Layanan Kepegawaian", dasar=list(DASAR), persons=list(persons), untuk=list(UNTUK), **common)
    if kind == DocumentKind.PERJANJIAN_KINERJA:
        return PerjanjianKinerjaPayload(
            subject="Perjanjian Kinerja Tahun Anggaran Berjalan",
            year=common["date"].year,
            unit="Dinas Komunikasi dan Informatika",
            dasar=[PERMENPANRB_53_2014],
            pihak_kedua=persons[0],
            pihak_kedua_title=persons[0].jabatan or "Sekretaris Daerah",
            targets=[
                TargetRow("Meningkatnya kualitas layanan digital", "Persentase layanan publik yang tersedia daring", "80%"),
                TargetRow("Meningkatnya tata kelola SPBE", "Indeks SPBE", "3,5"),
            ],
            **common,
        )
    if kind == DocumentKind.KEPUTUSAN:
        roles = ["Ketua"] + ["Anggota"] * (len(persons) - 1)
        return KeputusanPayload(
            subject="Pembentukan Tim Kerja Transformasi Digital Layanan Kepegawaian",
            official=SAMPLE_SIGNER.position if official is None else official,
            menimbang=[
                "bahwa untuk mempercepat transformasi digital layanan kepegawaian perlu dibentuk tim kerja lintas bidang;",
                "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan Kepala Dinas tentang Pembentukan Tim Kerja Transformasi Digital Layanan Kepegawaian;",
            ],
            mengingat=[
                "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara;",
                "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 7 Tahun 2022 tentang Sistem Kerja pada Instansi Pemerintah untuk Penyederhanaan Birokrasi;",
            ],
            dictums=[
                "Membentuk Tim Kerja Transformasi Digital Layanan Kepegawaian dengan susunan keanggotaan sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.",
                "Tim Kerja sebagaimana dimaksud dalam Diktum KESATU bertugas menyusun rencana kerja, melaksanakan kegiatan, dan melaporkan hasilnya secara berkala kepada pimpinan unit.",
                "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
            ],
            team=[TeamMember(role=r, person=p) for r, p in zip(roles, persons, strict=True)],
            **common,
        )
    return NotaDinasPayload(
        subject="Permohonan Keterlibatan Pegawai dalam Tim Kerja" if kind == DocumentKind.NOTA_DINAS_PERMOHONAN else "Jawaban Permohonan Keterlibatan Pegawai",
        kepada="Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        tembusan=["Sekretaris Daerah"],
        body=[
            "Dalam rangka pelaksanaan Tim Kerja Transformasi Digital Layanan Kepegawaian, dengan hormat kami mohon keterlibatan pegawai sebagaimana tercantum di bawah ini.",
        ],
        persons=list(persons[:2]),
        reference="000.1.5/012/BKPSDM/2025" if kind == DocumentKind.NOTA_DINAS_JAWABAN else "",
        reference_date=common["date"] if kind == DocumentKind.NOTA_DINAS_JAWABAN else None,
        reference_subject="Permohonan Keterlibatan Pegawai dalam Tim Kerja" if kind == DocumentKind.NOTA_DINAS_JAWABAN else "",
        **common,
    )


def _sample_signer(unit: Unit | None) -> Signer:
    """The fictitious signer under the real title of the unit's leading position, so the sample
    reads like the unit's letter without naming anyone who holds the office."""
    from sikerja.organisation.models import Position

    position = Position.objects.filter(unit=unit, is_leader=True).values_list("name", flat=True).first() if unit else None
    return replace(SAMPLE_SIGNER, position=position or SAMPLE_SIGNER.position)


def sample_context(region, kind: str, *, unit: Unit | None = None) -> dict:
    from sikerja.letters.selectors import kop_for

    unit = unit or Unit.objects.filter(region=region, is_perangkat_daerah=True).order_by("order", "pk").first()
    signer = _sample_signer(unit)
    payload = sample_payload(kind, signer=signer, place=region.capital or region.name, official=signer.position)
    regulation = regulation_citation(region.profile)  # the region's regulation by its real title
    if isinstance(payload, AssignmentPayload):
        budget = f"Dokumen Pelaksanaan Anggaran {unit.name} Tahun Anggaran berjalan." if unit else payload.dasar[1]
        payload.dasar = [regulation, budget]
    elif isinstance(payload, KeputusanPayload):
        payload.mengingat = [*payload.mengingat, f"{regulation};"]
    elif isinstance(payload, PerjanjianKinerjaPayload):
        payload.dasar = agreement_basis(region.profile)
        payload.unit = unit.name if unit else payload.unit
    return build_context(
        kind=kind, payload=payload, number="", code="", kop=kop_for(region, unit), unit_name=unit.name if unit else "",
        sample=True,
    )


def sample_file(region, kind: str, engine: str, *, template=None) -> bytes:
    """The sample of ``kind`` as PDF (engine ``html``) or DOCX, with ``template`` (a
    ``LetterTemplate`` version) or else the region's template in force."""
    from sikerja.letters.render import render_docx, render_pdf
    from sikerja.letters.selectors import active_template

    tpl = template if template is not None else active_template(region, kind, engine)
    context = sample_context(region, kind)
    if engine == "docx":
        return render_docx(context, bytes(tpl.docx) if tpl else None)
    return render_pdf(context, tpl.content if tpl else None)
