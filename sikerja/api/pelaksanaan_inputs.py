"""Input schemas of ``sikerja.api.pelaksanaan_perencanaan``: every text has a maximum length,
every enum its values, every date its window (issue 9 item 15)."""

from typing import Annotated, Literal

from ninja import Field, Schema

from sikerja.api.schemas import DecisionDate

Text = Field(..., max_length=4000)


class TargetIn(Schema):
    sasaran: str = Field(..., max_length=500)
    indikator: str = Field(..., max_length=500)
    target: str = Field(..., max_length=200)


class AgreementIn(Schema):
    unit_id: int = Field(..., ge=1, le=2**63 - 1, description="Unit yang Anda pimpin.")
    year: int = Field(..., ge=1900, le=2100, description="Tahun perjanjian (tahun lalu, ini atau depan).")
    targets: list[TargetIn] = Field(..., max_length=50)


class TargetsIn(Schema):
    targets: list[TargetIn] = Field(..., max_length=50)


class HandIn(Schema):
    responsible_id: int = Field(..., ge=1, le=2**63 - 1, description="Pejabat penanggung jawab.")


class StrategyIn(Schema):
    form: Literal["individu", "tim_kerja"]
    needs_other_units: bool = False
    needs_ketua: bool = False
    description: str = Text


class LinkIn(Schema):
    work_id: int = Field(..., ge=1, le=2**63 - 1)


class BudgetIn(Schema):
    description: str = Field(..., max_length=300)
    amount: str = Field(..., max_length=30, description="Rupiah, mis. 1.500.000.")
    source_code: str = Field(..., max_length=100, description="Sumber/kode DPA.")


class ActivityIn(Schema):
    name: str = Field(..., max_length=300)
    output: str = Field(..., max_length=300)
    starts_on: DecisionDate
    ends_on: DecisionDate
    budget: list[BudgetIn] = Field([], max_length=20)


class PlanIn(Schema):
    activities: list[ActivityIn] = Field(..., max_length=30)


class PlanDecisionIn(Schema):
    decision: Literal["setujui", "kembalikan"]
    notes: str = Field("", max_length=4000, description="Wajib bila dikembalikan.")


class TaskIn(Schema):
    title: str = Field(..., max_length=300)
    assignee_id: int = Field(..., ge=1, le=2**63 - 1)
    due_on: DecisionDate
    role: str = Field("", max_length=200)
    competence: str = Field("", max_length=300)
    activity_id: int = Field(0, ge=0, le=2**63 - 1, description="0: tanpa kegiatan rencana.")
    duty_reference: str = Field("", max_length=500)


class DutyIn(Schema):
    reference: str = Field(..., max_length=500, description="Butir kegiatan JF / uraian tugas pelaksana.")


class CoordinationIn(Schema):
    subject: str = Field(..., max_length=300)
    notes: str = Text
    held_on: DecisionDate
    other_work_id: int = Field(0, ge=0, le=2**63 - 1)
    other_official_id: int = Field(0, ge=0, le=2**63 - 1)


class ProblemIn(Schema):
    title: str = Field(..., max_length=300)
    description: str = Text
    recommendations: list[Annotated[str, Field(max_length=500)]] = Field(..., max_length=5)
    several_must_act: bool = False


class ProblemDecisionIn(Schema):
    chosen: int = Field(..., ge=0, le=5, description="Nomor rekomendasi; 0 = keputusan lain.")
    decision: str = Field("", max_length=4000)


class RequestIn(Schema):
    addressee_id: int = Field(..., ge=1, le=2**63 - 1)
    note: str = Text
    due_on: DecisionDate


class AnswerIn(Schema):
    progress: int = Field(..., ge=0, le=100)
    realisation: str = Text
    budget_realised: str = Field("", max_length=30)
    links: str = Field("", max_length=6000)


class MemberNoteIn(Schema):
    member_id: int = Field(..., ge=1, le=2**63 - 1)
    rating: Literal["di_atas", "sesuai", "di_bawah"]
    contribution: str = Text


class MonitorFilters(Schema):
    tahap: Literal["", "perencanaan", "pelaksanaan", "evaluasi", "selesai"] = ""
    terlambat: bool = False
