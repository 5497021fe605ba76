"""Writes of pelaksanaan, one module per concern (after penugasan's ``actions``): ``works``
(a work per issued assignment, its dues), ``reports`` (progress reports, evidence, feedback),
``reviews`` (submitting the result and its review chain). ``common`` holds the shared checks."""

from sikerja.execution.services.common import ExecutionError
from sikerja.execution.services.reports import give_feedback, submit_report
from sikerja.execution.services.reviews import FORWARD, RETURN, decide_review, submit_result
from sikerja.execution.services.works import ensure_works, set_period, work_for

__all__ = [
    "FORWARD",
    "RETURN",
    "ExecutionError",
    "decide_review",
    "ensure_works",
    "give_feedback",
    "submit_report",
    "submit_result",
    "set_period",
    "work_for",
]
