"""Every known profile setting, as data: the shape and allowed values of its ``value`` (PLT-6).

Derived from the shipped profiles (``profiles/*.yaml``) and from what the rules read: a value
outside these lists would reach a rule that does not know it (before this schema, an unknown
signer or scope raised a KeyError deep in the rules). ``sikerja.tenancy.profile_check`` applies
the schema; ``tests/test_profile_schema.py`` proves every built-in profile fits it and every key
the code reads is described here.

Spec kinds: ``bool``; ``choice`` (one of ``choices``); ``list`` (distinct items of ``choices``);
``text`` (``max`` characters); ``number`` (``min``..``max``); ``mapping`` (keys from ``keys``,
each value a ``values`` spec); ``record`` (named ``fields``, ``required`` among them);
``list_of`` (items of ``item`` spec, at most ``max`` items); ``any`` (free nested data, bounded
only by the size limits of the checker, for long regulation texts quoted as structures).
"""

from __future__ import annotations

from sikerja.organisation.choices import UnitType

# --- allowed values, shared by several settings ------------------------------------------------
SCOPES = ("dalam_unit", "lintas_unit", "lintas_pd", "lintas_instansi")
MODES = ("penunjukan", "pengajuan_sukarela")
WORK_FORMS = ("individu", "tim_kerja")
KINDS = ("jpt_utama", "jpt_madya", "jpt_pratama", "administrator", "pengawas", "fungsional", "pelaksana")
SUPERIORS = (
    "jpt_utama", "jpt_madya", "jpt_pratama", "administrator", "pengawas",
    "fungsional_pimpinan_mandiri", "fungsional_pimpinan_unit",
)  # fmt: skip
ASSESSOR_KINDS = ("jpt_pratama", "administrator", "pengawas", "fungsional")
JF_LEVELS = ("ahli_utama", "ahli_madya", "ahli_muda", "ahli_pertama", "penyelia", "mahir", "terampil", "pemula")
# Who may set an assignment, form a team or sign its letter.
SIGNERS = (
    "ppk", "pimpinan_unit", "pimpinan_unit_pemilik_kinerja", "kepala_pd", "pimpinan_pd",
    "sekretaris_daerah", "bupati",
)  # fmt: skip
INSTRUMENTS = ("surat_perintah", "surat_tugas", "surat_perintah_tugas", "surat_penugasan", "keputusan")
REPORT_TO = ("ppk", "pimpinan_unit", "pimpinan_pd", "ketua")
UNIT_TYPES = tuple(UnitType.values)  # the organisation's unit types, inner units included
GOVERNANCE_TEAMS = (
    "tim_koordinasi_spbe", "tim_pelaksana_spbe", "kelompok_kerja_spbe", "sekretariat_spbe",
    "tim_transformasi_manajemen",
)  # fmt: skip
KETUA_PRIORITY = ("jf_keahlian", "managerial_experience", "highest_jf_level", "highest_pangkat_pelaksana")
# "ancestor": the leader of the nearest unit above of the given types (PPU Lampiran huruf C).
REVIEW_ROLES = (
    "ppk", "pimpinan_unit", "pimpinan_unit_pemilik_kinerja", "pimpinan_pd", "ancestor", "ketua", "kepala_pd",
    "sekretaris_daerah",
)  # fmt: skip
ESCALATION_TO = ("pimpinan_unit_pemilik_kinerja", "pimpinan_unit_asal", "pimpinan_unit", "ppk")

TEXT = {"type": "text", "max": 1000}
ARTICLE = {"type": "text", "max": 300}
BOOL = {"type": "bool"}


def choice(values) -> dict:
    return {"type": "choice", "choices": tuple(values)}


def many(values, min_items: int = 1) -> dict:
    return {"type": "list", "choices": tuple(values), "min": min_items}


def mapping(keys, values, min_items: int = 1) -> dict:
    return {"type": "mapping", "keys": tuple(keys), "values": values, "min": min_items}


def record(fields: dict, required=()) -> dict:
    return {"type": "record", "fields": fields, "required": tuple(required)}


def list_of(item: dict, max_items: int = 50, min_items: int = 1) -> dict:
    return {"type": "list_of", "item": item, "max": max_items, "min": min_items}


REVIEW_STEP = record(
    {"role": choice(REVIEW_ROLES), "label": TEXT, "article": ARTICLE, "accepts": BOOL, "unit_types": many(UNIT_TYPES)},
    required=("role", "article"),
)
UNIT_PATTERN = record(
    {
        "article": ARTICLE,
        "sets_performance": TEXT,
        "assessors": mapping(SUPERIORS, many(KINDS)),
        "note": TEXT,
    },
    required=("article", "assessors"),
)
VOLUNTARY_STEPS = record(
    {"flow": {"type": "text", "max": 60}, "article": ARTICLE, "steps": list_of({"type": "any"}, max_items=30)},
    required=("flow", "article", "steps"),
)

# --- one entry per setting ------------------------------------------------------------------------
SCHEMA: dict[str, dict] = {
    "scopes": many(SCOPES),
    "assignment_modes": many(MODES),
    "work_forms": many(WORK_FORMS),
    "assignment_availability": record(
        {"capacity_hours_per_week": {"type": "number", "min": 1, "max": 60}, "competence_article": ARTICLE},
        required=("capacity_hours_per_week",),
    ),
    "placement_basis": choice(("umum", "peta_jabatan", "jenjang")),
    "placement_without_peta_jabatan": choice(("bagan_organisasi",)),
    "placement_superiors": many(SUPERIORS),
    "level_placement": mapping(JF_LEVELS, many(SUPERIORS)),
    "pelaksana_placement": record(
        {"default": choice(SUPERIORS), "fallback": choice(SUPERIORS), "fallback_condition": TEXT},
        required=("default",),
    ),
    "assessor_min_kind": choice(ASSESSOR_KINDS),
    "assessor_delegation_allowed": BOOL,
    "mandiri_head_may_supervise": BOOL,
    "mandiri_head_may_be_assessor": BOOL,
    "placement_set_by": choice(("pejabat_pembina_kepegawaian", "bupati", "sekretaris_daerah")),
    "individual_assignment_by": many(SIGNERS),
    "individual_letter_kind": choice(INSTRUMENTS),
    "letter_signer": mapping(SCOPES, choice(SIGNERS)),
    "cross_unit_request_required": BOOL,
    "rejection_requires_reason": BOOL,
    "team_formed_by": many(SIGNERS),
    "team_instrument": mapping(SCOPES, choice(INSTRUMENTS)),
    "team_decree_when_law_requires": BOOL,
    "ketua_eligible_kinds": many(KINDS),
    "ketua_priority": many(KETUA_PRIORITY),
    "ketua_prefer_owning_unit": BOOL,
    "voluntary_needs_superior_approval": BOOL,
    "voluntary_flow": choice(("umum", "ppu_ps11")),
    "voluntary_application_steps": mapping(SCOPES, VOLUNTARY_STEPS),
    "incidental_tasks": choice(("tugas_insidental", "penugasan_tambahan")),
    "individual_reports_to": many(REPORT_TO),
    "member_reports_to": many(REPORT_TO),
    "ketua_reports_to": many(REPORT_TO),
    "three_stage_mechanism": BOOL,
    "unit_type_patterns": BOOL,
    "review_chains": record(
        {"default": list_of(REVIEW_STEP, 10), "by_unit_type": mapping(UNIT_TYPES, list_of(REVIEW_STEP, 10))},
        required=("default",),
    ),
    "report_on_request": many(("ketua", "anggota")),
    "problem_escalation": record(
        {"team": choice(ESCALATION_TO), "several_must_act": choice(ESCALATION_TO)}, required=("team",)
    ),
    "governance_teams": many(GOVERNANCE_TEAMS),
    "spbe_coordinator": TEXT,
    "governance_team_composition": mapping(GOVERNANCE_TEAMS, {"type": "any"}),
    "electronic_letter_valid_proof": BOOL,
    "shared_application": BOOL,
    "unit_patterns": mapping(UNIT_TYPES, UNIT_PATTERN),
    # Pelaksanaan (issue 12) and kinerja (issue 13).
    "plan_before_execution": BOOL,
    "target_handover": mapping(
        UNIT_TYPES,
        record({"to_unit_types": many(UNIT_TYPES), "to_staff": BOOL, "article": ARTICLE}, required=("to_unit_types",)),
    ),
    "kinerja_curve_most_share": {"type": "number", "min": 0.5, "max": 0.7},
    "kinerja_curve_rounding": choice(("tegas", "terdekat")),
    "kinerja_curve_scope": choice(("unit", "pd")),
}

# Kinds shown as their own widget; everything nested is edited as YAML text.
SIMPLE_KINDS = ("bool", "choice", "list", "text", "number")
