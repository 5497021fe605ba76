"""Output schemas of the pelaksanaan API (``sikerja.api.pelaksanaan``): field descriptions in
Indonesian, as the OpenAPI schema shows them."""

import datetime as dt

from ninja import Field, Schema


class WorkOut(Schema):
    id: int = Field(..., description="ID pelaksanaan penugasan.")
    assignment_id: int = Field(..., description="ID penugasan yang dilaksanakan.")
    title: str = Field(..., description="Nama kegiatan/tim.")
    is_team: bool = Field(..., description="true untuk tim kerja, false untuk penugasan individu.")
    owning_unit_name: str = Field(..., description="Unit pemilik kinerja.")
    lead_id: int = Field(..., description="ID ketua tim atau pegawai yang ditugaskan.")
    lead_name: str = Field(..., description="Nama ketua tim atau pegawai yang ditugaskan.")
    status: str = Field(..., description="Tahap: perencanaan, pelaksanaan, evaluasi, selesai.")
    status_label: str = Field(..., description="Nama tahap.")
    progress: int = Field(..., description="Kemajuan terakhir menurut laporan ketua/pegawai (%).")
    budget_realised: int = Field(..., description="Realisasi anggaran terakhir (rupiah).")
    starts_on: dt.date = Field(..., description="Mulai.")
    ends_on: dt.date = Field(..., description="Selesai.")
    accepted_at: dt.datetime | None = Field(None, description="Waktu hasil diterima (selesai).")

    @staticmethod
    def resolve_title(obj) -> str:
        return obj.assignment.title

    @staticmethod
    def resolve_owning_unit_name(obj) -> str:
        return obj.owning_unit.name

    @staticmethod
    def resolve_lead_name(obj) -> str:
        return obj.lead.full_name

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()


class MyWorkOut(WorkOut):
    next_due: dt.date | None = Field(None, description="Jatuh tempo laporan Anda berikutnya.")
    late_count: int = Field(..., description="Jumlah laporan Anda yang lewat jatuh tempo dan belum disampaikan.")


class WorkEvidenceOut(Schema):
    id: int = Field(..., description="ID bukti dukung.")
    filename: str = Field(..., description="Nama berkas; kosong untuk tautan.")
    size: int = Field(..., description="Ukuran berkas (bita).")
    url: str = Field(..., description="Tautan; kosong untuk berkas (unduh lewat /pelaksanaan/bukti/{id}).")


class ReportFeedbackOut(Schema):
    id: int = Field(..., description="ID umpan balik.")
    author_name: str = Field(..., description="Pemberi umpan balik.")
    capacity: str = Field(..., description="Sebagai: ketua, ppk, plh_ppk.")
    text: str = Field(..., description="Umpan balik.")
    created_at: dt.datetime = Field(..., description="Waktu.")

    @staticmethod
    def resolve_author_name(obj) -> str:
        return obj.author.full_name


class ReportRecipientOut(Schema):
    employee_id: int = Field(..., description="ID pegawai penerima laporan.")
    name: str = Field(..., description="Nama penerima.")
    roles: list[str] = Field(..., description="Peran penerima menurut profil regulasi.")


class ProgressReportOut(Schema):
    id: int = Field(..., description="ID laporan kemajuan.")
    kind: str = Field(..., description="anggota (kepada ketua), ketua (laporan tim), individu.")
    author_id: int = Field(..., description="ID penyusun.")
    author_name: str = Field(..., description="Nama penyusun.")
    recipients: list[ReportRecipientOut] = Field(..., description="Disampaikan kepada, menurut profil regulasi.")
    article: str = Field(..., description="Pasal yang menentukan penerima laporan.")
    period_start: dt.date = Field(..., description="Awal periode laporan.")
    period_end: dt.date = Field(..., description="Akhir periode laporan.")
    progress: int = Field(..., description="Kemajuan (%).")
    realisation: str = Field(..., description="Realisasi terhadap rencana.")
    budget_realised: int = Field(..., description="Realisasi anggaran (rupiah).")
    is_late: bool = Field(..., description="true bila disampaikan setelah jatuh tempo.")
    submitted_at: dt.datetime = Field(..., description="Waktu penyampaian.")
    evidence: list[WorkEvidenceOut] = Field(..., description="Bukti dukung (berkas dan tautan).")
    feedback: list[ReportFeedbackOut] = Field(..., description="Umpan balik ketua/PPK.")

    @staticmethod
    def resolve_author_name(obj) -> str:
        return obj.author.full_name

    @staticmethod
    def resolve_evidence(obj):
        return list(obj.evidence.all())

    @staticmethod
    def resolve_feedback(obj):
        return list(obj.feedback.all())


class ResultReviewOut(Schema):
    id: int = Field(..., description="ID tahap reviu.")
    work_id: int = Field(..., description="ID pelaksanaan penugasan.")
    round: int = Field(..., description="Pengajuan ke-.")
    order: int = Field(..., description="Urutan tahap.")
    label: str = Field(..., description="Peninjau menurut profil (mis. Kepala Dinas).")
    article: str = Field(..., description="Dasar pasal tahap ini.")
    official_id: int = Field(..., description="ID pejabat peninjau.")
    official_name: str = Field(..., description="Nama pejabat peninjau.")
    accepts: bool = Field(..., description="true: tahap ini menerima hasil (penugasan selesai).")
    status: str = Field(..., description="antre, menunggu, diteruskan, dikembalikan, diterima, batal.")
    status_label: str = Field(..., description="Nama status.")
    notes: str = Field(..., description="Catatan peninjau.")
    decided_by_name: str | None = Field(None, description="Yang memutus.")
    on_behalf_of_name: str | None = Field(None, description="Atas nama (bila diputus Plh./Plt.).")
    decided_at: dt.datetime | None = Field(None, description="Waktu keputusan.")

    @staticmethod
    def resolve_official_name(obj) -> str:
        return obj.official.full_name

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_decided_by_name(obj) -> str | None:
        return obj.decided_by.full_name if obj.decided_by_id else None

    @staticmethod
    def resolve_on_behalf_of_name(obj) -> str | None:
        return obj.on_behalf_of.full_name if obj.on_behalf_of_id else None


class ReportDueOut(Schema):
    id: int = Field(..., description="ID jadwal laporan.")
    owed_by_id: int = Field(..., description="ID pegawai yang wajib melapor.")
    period_start: dt.date = Field(..., description="Awal periode.")
    period_end: dt.date = Field(..., description="Akhir periode.")
    due_on: dt.date = Field(..., description="Jatuh tempo.")
    report_id: int | None = Field(None, description="Laporan yang menjawabnya.")
    state: str = Field(..., description="dilaporkan, terlambat_dilaporkan, terlambat, terbuka, akan_datang.")


class WorkDetailOut(WorkOut):
    result_summary: str = Field(..., description="Hasil pelaksanaan yang disampaikan.")
    reports: list[ProgressReportOut] = Field(..., description="Laporan kemajuan, terbaru lebih dulu.")
    reviews: list[ResultReviewOut] = Field(..., description="Tahap reviu hasil, pengajuan terbaru lebih dulu.")
    dues: list[ReportDueOut] = Field(..., description="Jadwal laporan per periode.")

    @staticmethod
    def resolve_reports(obj):
        return obj.page.reports

    @staticmethod
    def resolve_reviews(obj):
        return obj.page.reviews

    @staticmethod
    def resolve_dues(obj):
        return [
            {
                "id": r.due.pk,
                "owed_by_id": r.due.owed_by_id,
                "period_start": r.due.period_start,
                "period_end": r.due.period_end,
                "due_on": r.due.due_on,
                "report_id": r.due.report_id,
                "state": r.state,
            }
            for r in obj.page.dues
        ]
