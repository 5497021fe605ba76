"""Check API responses against the OpenAPI document the API publishes.

``#/components/schemas/...`` references are resolved by validating against a schema whose
root also carries the document's ``components``, so JSON-pointer refs land where they should.
In strict mode every object schema that lists properties refuses undocumented keys, so a
field the code returns but the schema does not describe is caught too.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

OPENAPI_URL = "/api/v1/openapi.json"


def load_openapi(client) -> dict:
    response = client.get(OPENAPI_URL)
    assert response.status_code == 200, response.content
    return json.loads(response.content)


def _forbid_extra(node: Any) -> Any:
    if isinstance(node, dict):
        node = {k: _forbid_extra(v) for k, v in node.items()}
        if node.get("type") == "object" and "properties" in node and "additionalProperties" not in node:
            node["additionalProperties"] = False
        return node
    if isinstance(node, list):
        return [_forbid_extra(v) for v in node]
    return node


def operation_for(doc: dict, url: str, method: str = "get") -> tuple[str, dict]:
    """The path template and operation that serve ``url`` (query string ignored)."""
    path = url.split("?", 1)[0]
    for template, ops in doc["paths"].items():
        pattern = "^" + re.sub(r"\\{[^/]+\\}", "[^/]+", re.escape(template)) + "$"
        if re.match(pattern, path) and method in ops:
            return template, ops[method]
    raise AssertionError(f"{method.upper()} {path} is not documented in the OpenAPI schema")


def response_schema(doc: dict, url: str, status: int = 200, *, strict: bool = True, method: str = "get") -> dict:
    _, op = operation_for(doc, url, method)
    responses = op["responses"]
    assert str(status) in responses, f"{method.upper()} {url}: status {status} is not documented"
    schema = copy.deepcopy(responses[str(status)]["content"]["application/json"]["schema"])
    components = copy.deepcopy(doc.get("components", {}))
    if strict:
        schema, components = _forbid_extra(schema), _forbid_extra(components)
    schema["components"] = components
    return schema


def validation_errors(doc: dict, url: str, body: Any, status: int = 200, *, strict: bool = True) -> list[str]:
    validator = Draft202012Validator(response_schema(doc, url, status, strict=strict), format_checker=FormatChecker())
    return [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in validator.iter_errors(body)]


def assert_matches_schema(doc: dict, url: str, response, status: int | None = None) -> None:
    status = status or response.status_code
    body = json.loads(response.content)
    errors = validation_errors(doc, url, body, status)
    assert not errors, f"{url} ({status}) does not match its OpenAPI schema:\n" + "\n".join(errors[:20])


def unresolved_refs(doc: dict) -> list[str]:
    """Every ``$ref`` in the document that does not point at an existing component."""
    missing: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                target: Any = doc
                for part in ref.removeprefix("#/").split("/"):
                    target = target.get(part) if isinstance(target, dict) else None
                if target is None:
                    missing.append(ref)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(doc)
    return missing
