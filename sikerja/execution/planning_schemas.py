"""Output schemas of perencanaan, the plan, the team records and monitoring over the API
(``sikerja.api.pelaksanaan_perencanaan``); descriptions in Indonesian, as OpenAPI shows them."""

import datetime as dt

from ninja import Field, Schema


class StrategyOut(Schema):
    id: int
    form: str = Field(..., description="individu atau tim_kerja.")
    needs_other_units: bool = Field(..., description="Perlu pelibatan pejabat lintas unit.")
    needs_ketua: bool = Field(..., description="Perlu ketua tim.")
    description: str
    decided_by_id: int
    created_at: dt.datetime


class TargetOut(Schema):
    id: int
    order: int
    sasaran: str
    indikator: str
    target: str
    responsible_id: int | None = Field(None, description="Penanggung jawab target saat ini.")
    handed_by_id: int | None = None
    handed_at: dt.datetime | None = None
    strategies: list[StrategyOut]
    work_ids: list[int] = Field(..., description="Pelaksanaan penugasan yang melayani target ini.")

    @staticmethod
    def resolve_strategies(obj):
        return list(obj.strategies.all())

    @staticmethod
    def resolve_work_ids(obj):
        return [w.pk for w in obj.works.all()]


class AgreementOut(Schema):
    id: int
    unit_id: int
    unit_name: str
    year: int
    status: str = Field(..., description="draf, ditandatangani (pihak pertama), disetujui (kedua pihak).")
    leader_id: int = Field(..., description="Pihak pertama.")
    superior_id: int | None = Field(None, description="Pihak kedua; kosong bila kepala daerah (di luar aplikasi).")
    signed_at: dt.datetime | None = None
    superior_signed_at: dt.datetime | None = None
    document_number: str | None = Field(
        None, description="Nomor naskah perjanjian kinerja (terbit saat pihak pertama menandatangani)."
    )
    targets: list[TargetOut]

    @staticmethod
    def resolve_document_number(obj):
        return obj.document.number if obj.document_id else None

    @staticmethod
    def resolve_unit_name(obj):
        return obj.unit.name

    @staticmethod
    def resolve_targets(obj):
        return list(obj.targets.all())


class BudgetLineOut(Schema):
    description: str
    amount: int = Field(..., description="Rupiah.")
    source_code: str = Field(..., description="Sumber/kode DPA.")


class ActivityOut(Schema):
    id: int
    name: str
    output: str
    starts_on: dt.date
    ends_on: dt.date
    budget: list[BudgetLineOut]

    @staticmethod
    def resolve_budget(obj):
        return [
            {"description": b.description, "amount": int(b.amount), "source_code": b.source_code}
            for b in obj.budget_lines.all()
        ]


class PlanOut(Schema):
    work_id: int
    status: str = Field(..., description="belum_disusun, draf, diajukan, disetujui, dikembalikan.")
    notes: str = ""
    decided_by_id: int | None = None
    on_behalf_of_id: int | None = None
    decided_at: dt.datetime | None = None
    total: int = Field(..., description="Jumlah anggaran (rupiah).")
    activities: list[ActivityOut]


class TaskOut(Schema):
    id: int
    kind: str
    title: str
    assignee_id: int
    role: str
    competence: str
    duty_reference: str
    activity_id: int | None = None
    due_on: dt.date
    done: bool


class CoordinationOut(Schema):
    id: int
    work_id: int
    other_work_id: int | None = None
    other_official_id: int | None = None
    subject: str
    notes: str
    held_on: dt.date
    recorded_by_id: int


class DecisionOut(Schema):
    id: int
    unit_id: int
    leader_id: int
    chosen: int | None = Field(None, description="Nomor rekomendasi yang dipilih; 0 = keputusan lain.")
    decision: str
    decided_by_id: int | None = None
    on_behalf_of_id: int | None = None
    decided_at: dt.datetime | None = None


class ProblemOut(Schema):
    id: int
    title: str
    description: str
    recommendations: list[str]
    raised_by_id: int
    status: str
    article: str
    decisions: list[DecisionOut]

    @staticmethod
    def resolve_decisions(obj):
        return list(obj.decisions.all())


class RequestOut(Schema):
    id: int
    requested_by_id: int
    on_behalf_of_id: int | None = None
    addressee_id: int
    note: str
    due_on: dt.date
    article: str
    answered_at: dt.datetime | None = None


class MemberNoteOut(Schema):
    id: int
    member_id: int
    ppk_id: int | None = None
    rating: str
    contribution: str
    written_by_id: int


class TeamOut(Schema):
    work_id: int
    duty_reference: str = Field(..., description="Butir kegiatan JF / uraian tugas pelaksana (penugasan individu).")
    tasks: list[TaskOut]
    coordinations: list[CoordinationOut]
    problems: list[ProblemOut]
    requests: list[RequestOut]
    member_notes: list[MemberNoteOut]


class MonitorRowOut(Schema):
    id: int
    title: str
    is_team: bool
    owning_unit_name: str
    lead_name: str
    target_id: int | None = None
    status: str
    plan_status: str
    progress: int
    expected_progress: int = Field(..., description="Kemajuan menurut jadwal (bagian masa penugasan yang sudah lewat).")
    budget_planned: int
    budget_realised: int
    late_reports: int
    open_problems: int
    waiting_reviews: int

    @staticmethod
    def resolve_title(obj):
        return obj.assignment.title

    @staticmethod
    def resolve_owning_unit_name(obj):
        return obj.owning_unit.name

    @staticmethod
    def resolve_lead_name(obj):
        return obj.lead.full_name

    @staticmethod
    def resolve_expected_progress(obj):
        return obj.expected

    @staticmethod
    def resolve_late_reports(obj):
        return obj.late_count
