"""Sample data: fictitious payloads for template previews, and a real sample letter from the
region's own data so a new user can see what SiKerja issues."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone

from sikerja.letters.models import DocumentKind
from sikerja.letters.payloads import (
    ASSIGNMENT_KINDS,
    AssignmentPayload,
    KeputusanPayload,
    NotaDinasPayload,
    Person,
    Signer,
    TeamMember,
    person_from_employee,
)
from sikerja.letters.render import build_context
from sikerja.organisation.models import Employee, Unit

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
            "Demikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.",
        ],
        persons=list(persons[:2]),
        reference="000.1.5/012/BKPSDM/2025" if kind == DocumentKind.NOTA_DINAS_JAWABAN else "",
        **common,
    )


def sample_context(region, kind: str, *, unit: Unit | None = None) -> dict:
    from sikerja.letters.selectors import kop_for

    unit = unit or Unit.objects.filter(region=region, is_perangkat_daerah=True).order_by("order", "pk").first()
    payload = sample_payload(kind, place=region.capital or region.name)
    return build_context(
        kind=kind, payload=payload, number=f"800.1.11.1/000/CONTOH/{payload.date.year}", code="CONTOH0000",
        kop=kop_for(region, unit), unit_name=unit.name if unit else "",
    )


def issue_sample_letter(*, actor, kind: str = DocumentKind.SURAT_PERINTAH):
    """A real letter from the region's data: the head of a PD orders three of its staff."""
    from sikerja.letters.services import issue_document

    leaders = (
        Employee.objects.filter(region=actor.region, is_active=True, position__is_leader=True, position__unit__is_perangkat_daerah=True)
        .select_related("position__unit")
        .order_by("-position__unit__code")
    )
    preferred = leaders.filter(position__unit__code="DISKOMINFO").first() or leaders.first()
    if preferred is None:
        raise ValidationError("Belum ada kepala perangkat daerah di data organisasi untuk contoh surat.")
    pd = preferred.position.unit
    staff = list(
        Employee.objects.filter(region=actor.region, is_active=True, unit__perangkat_daerah=pd)
        .exclude(pk=preferred.pk).select_related("position", "unit").order_by("-golongan", "name")[:3]
    )
    if not staff:
        raise ValidationError("Perangkat daerah contoh belum mempunyai pegawai.")
    payload = sample_payload(kind, persons=[person_from_employee(e) for e in staff], place=actor.region.capital or actor.region.name, official="")
    payload.date = timezone.localdate()
    return issue_document(actor=actor, kind=kind, issuing_unit=pd, payload=payload, signer=preferred, capacity="definitif")
