"""Two API schemas with the same class name become one component in the OpenAPI document
(Django Ninja names components by class name), and one of them is silently described wrongly.
Every Schema class of the API therefore has its own name."""

import ast
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.req("TIK-1")
def test_every_api_schema_class_has_its_own_name():
    seen = defaultdict(list)
    for path in ROOT.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and any(
                (isinstance(b, ast.Name) and b.id in {"Schema", "ModelSchema"})
                or (isinstance(b, ast.Attribute) and b.attr in {"Schema", "ModelSchema"})
                for b in node.bases
            ):
                seen[node.name].append(str(path.relative_to(ROOT)))
    assert {name: where for name, where in seen.items() if len(where) > 1} == {}
