"""Writes of penugasan: the public entry points, re-exported from one module per transition in
``sikerja.assignments.actions`` (propose, apply, decide, issue, cancel, lifecycle). Callers import from
here; the actions modules hold the code. Letter wording is in ``letter_content``."""

from sikerja.assignments.actions.apply import apply_voluntarily
from sikerja.assignments.actions.cancel import cancel
from sikerja.assignments.actions.common import (
    ASSIGNEE_KINDS,
    MAX_MEMBERS,
    SCOPE_ORDER,
    AssignmentError,
    MemberInput,
    check_period,
    required_text,
    weekly_hours,
)
from sikerja.assignments.actions.decide import decide
from sikerja.assignments.actions.issue import INSTRUMENT_DOCUMENT, issue
from sikerja.assignments.actions.lifecycle import amend, may_change, revoke, signer_of
from sikerja.assignments.actions.process_link import may_name_process, process_of, set_process
from sikerja.assignments.actions.propose import propose
from sikerja.assignments.actions.roles import candidate_of, nearest_leader
from sikerja.assignments.actions.steps import current_steps

# Older names some callers (standing teams) still import.
_text, _hours, _period = required_text, weekly_hours, check_period

__all__ = [
    "ASSIGNEE_KINDS",
    "INSTRUMENT_DOCUMENT",
    "MAX_MEMBERS",
    "SCOPE_ORDER",
    "AssignmentError",
    "MemberInput",
    "amend",
    "apply_voluntarily",
    "cancel",
    "candidate_of",
    "check_period",
    "current_steps",
    "decide",
    "issue",
    "may_change",
    "may_name_process",
    "nearest_leader",
    "process_of",
    "propose",
    "required_text",
    "revoke",
    "set_process",
    "signer_of",
    "weekly_hours",
]
