"""Helpers shared by the API tests."""

import json

API = "/api/v1"


def body(response) -> dict:
    return json.loads(response.content)


def staff_of(builder, unit_code: str) -> list:
    """Employees the demo builder placed in one unit (without subunits)."""
    return [p.employee for p in builder.people if p.unit_code == unit_code]


def in_subtree(builder, root_code: str) -> list:
    return [p.employee for p in builder.people if p.unit_code == root_code or p.unit_code.startswith(root_code + ".")]


def all_ids(client, url: str, **headers) -> set[int]:
    """Ids of every item of a list endpoint, walking all pages."""
    ids: set[int] = set()
    page = 1
    sep = "&" if "?" in url else "?"
    while True:
        response = client.get(f"{url}{sep}page={page}&page_size=200", headers=headers)
        assert response.status_code == 200, response.content
        data = body(response)
        ids.update(item["id"] for item in data["items"])
        if page >= data["num_pages"]:
            return ids
        page += 1


def first_staff(builder, unit_code: str):
    """The first non-leading employee of a unit; in BID1 of DISKOMINFO that is pegawai.kominfo."""
    return next(p.employee for p in builder.people if p.unit_code == unit_code and p.role == "staff")
