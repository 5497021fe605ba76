"""BPMN 2.0 maps: safe validation, SVG sanitising, version diffs (pure Python, no models).

Public API (the processes app and its API import from here):
    validate_bpmn(xml: bytes) -> ParsedMap      raises BpmnError(messages)
    sanitize_svg(svg: str) -> str               raises BpmnError(messages)
    diff_maps(old: bytes, new: bytes) -> MapDiff
    make_large_bpmn(n_elements=500) -> bytes    for tests and the benchmark
"""

from .diff import ElementChange, MapDiff, diff_elements, diff_maps
from .errors import BpmnError
from .model import FlowNode, Lane, ParsedMap, Participant, Process, type_label
from .safexml import MAX_BPMN_BYTES, MAX_SVG_BYTES
from .samples import EMPTY_BPMN, make_large_bpmn, make_large_svg
from .svg import sanitize_svg
from .validate import validate_bpmn

__all__ = [
    "EMPTY_BPMN",
    "MAX_BPMN_BYTES",
    "MAX_SVG_BYTES",
    "BpmnError",
    "ElementChange",
    "FlowNode",
    "Lane",
    "MapDiff",
    "ParsedMap",
    "Participant",
    "Process",
    "diff_elements",
    "diff_maps",
    "make_large_bpmn",
    "make_large_svg",
    "sanitize_svg",
    "type_label",
    "validate_bpmn",
]
