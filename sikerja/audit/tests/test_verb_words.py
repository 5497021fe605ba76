"""PLT-6 / PLT-5: every verb the code records reads as words on the audit-log page (in the
page's language), never as a raw code. The verbs are collected from the source: the ``verb``
of every ``record_event``/``record_ppk_action`` call and every value assigned to a variable
named ``verb``. A verb built at run time (an f-string) must be listed in DYNAMIC with all the
values it takes, so that a new one cannot slip past this test."""

import ast
from pathlib import Path

import pytest
from django.utils import translation

from sikerja.assignments.models import Amendment, Assignment
from sikerja.audit import words
from sikerja.execution.models import Review as WorkReview
from sikerja.processes.models.reviews import Decision

SOURCE = Path(__file__).resolve().parents[2]  # the sikerja package
RECORDERS = {"record_event", "record_ppk_action"}

DYNAMIC = {
    "f'assignment.{kind}'": [f"assignment.{k}" for k in Amendment.Kind.values],
    "f'assignment.{status}'": [f"assignment.{s}" for s in (Assignment.Status.DITOLAK, Assignment.Status.DIBATALKAN)],
    "f'process.review_{decision}'": [f"process.review_{d}" for d in Decision.values],
    "f'sop.review_{decision}'": [f"sop.review_{d}" for d in Decision.values],
    "f'work.review_{status}'": [
        f"work.review_{s}"
        for s in (WorkReview.Status.DITERUSKAN, WorkReview.Status.DIKEMBALIKAN, WorkReview.Status.DITERIMA)
    ],
    "f\"work.plan_{('approved' if decision == APPROVE else 'returned')}\"": [
        "work.plan_approved",
        "work.plan_returned",
    ],
}


def _verb_expressions(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name in RECORDERS:
                yield from (k.value for k in node.keywords if k.arg == "verb")
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "verb" for t in node.targets):
            yield node.value


def recorded_verbs() -> tuple[dict[str, str], list[str]]:
    """{verb: where} and the f-string verbs not described in DYNAMIC."""
    found, unknown = {}, []
    for path in sorted(SOURCE.rglob("*.py")):
        rel = path.relative_to(SOURCE).as_posix()
        if "/tests/" in f"/{rel}" or "/migrations/" in rel or rel.startswith("audit/"):
            continue
        for expr in _verb_expressions(ast.parse(path.read_text(encoding="utf-8"))):
            parts = {id(p) for j in ast.walk(expr) if isinstance(j, ast.JoinedStr) for p in j.values}
            for node in ast.walk(expr):
                if isinstance(node, ast.JoinedStr):
                    source = ast.unparse(node)
                    if source not in DYNAMIC:
                        unknown.append(f"{rel}:{node.lineno} {source}")
                    for verb in DYNAMIC.get(source, ()):
                        found.setdefault(verb, rel)
                elif isinstance(node, ast.Constant) and id(node) not in parts and "." in str(node.value):
                    found.setdefault(node.value, f"{rel}:{node.lineno}")  # a verb is topic.action
    return found, unknown


@pytest.mark.req("PLT-6")
def test_every_recorded_verb_has_words():
    found, unknown = recorded_verbs()
    assert not unknown, f"verbs built at run time, add them to DYNAMIC: {unknown}"
    # the scan sees the apps it must (and so would see a new verb there)
    topics = {v.partition(".")[0] for v in found}
    assert {"assignment", "work", "agreement", "kinerja", "process", "sop", "account", "sso", "profile"} <= topics
    assert len(found) > 90
    missing = sorted(f"{v} ({where})" for v, where in found.items() if v not in words.VERB_WORDS)
    assert not missing, f"verbs without words on the audit-log page: {missing}"
    no_topic = sorted({v.partition(".")[0] for v in found} - set(words.TOPIC_WORDS))
    assert not no_topic, f"topics without words in the audit-log filter: {no_topic}"


@pytest.mark.req("PLT-5", "PLT-6")
def test_the_words_speak_the_page_language():
    assert words.verb_words("kinerja.skp_approved") == "SKP disetujui"
    assert words.verb_words("work.review_dikembalikan") == "Reviu hasil kerja: dikembalikan untuk diperbaiki"
    with translation.override("en"):
        assert words.verb_words("kinerja.skp_approved") == "SKP approved"
        assert words.verb_words("sop.review_revisi") == "SOP evaluation: to be revised"
        assert words.topic_words("work") == "Assignment work"
        untranslated = [
            v for v, w in words.VERB_WORDS.items() if words.verb_words(v) == w and v.partition(".")[0] != "sop"
        ]
        assert not untranslated, untranslated
