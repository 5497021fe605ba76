"""Writes of pengelolaan kinerja; each in a transaction with its audit event."""

from sikerja.performance.services.common import KinerjaError
from sikerja.performance.services.evaluation import add_follow_up, evaluate, finalise, set_unit_predikat
from sikerja.performance.services.evidence import add_coaching, add_evidence, give_feedback, sync_report_evidence
from sikerja.performance.services.mph import adjust_mph, may_adjust, undo_adjustment
from sikerja.performance.services.periods import close_period, open_year
from sikerja.performance.services.skp import (
    add_rhk,
    decide,
    draft_skp,
    remove_rhk,
    revise,
    rhk_from_mph,
    set_expectation,
    submit,
    update_plan,
)

__all__ = [
    "KinerjaError",
    "add_coaching",
    "add_evidence",
    "add_follow_up",
    "add_rhk",
    "adjust_mph",
    "close_period",
    "decide",
    "draft_skp",
    "evaluate",
    "finalise",
    "give_feedback",
    "may_adjust",
    "open_year",
    "remove_rhk",
    "revise",
    "rhk_from_mph",
    "set_expectation",
    "set_unit_predikat",
    "submit",
    "sync_report_evidence",
    "undo_adjustment",
    "update_plan",
]
