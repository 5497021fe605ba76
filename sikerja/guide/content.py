"""The shape of a guide and the registry of all guides (PLT-7).

Guides are data, not views: a view only looks one up and resolves the articles it names from
the region's own regulation profile. A step names the on-screen controls it tells the user to
press together with the template that shows them, so a test can prove the guide matches the
screen (a renamed button fails the test instead of silently misleading users).
"""

from __future__ import annotations

from dataclasses import dataclass, field

ROLE = "peran"
FLOW = "alur"


@dataclass(frozen=True)
class Control:
    """A button, link or heading exactly as the template shows it."""

    text: str
    template: str


@dataclass(frozen=True)
class Step:
    text: str
    controls: tuple[Control, ...] = ()


@dataclass(frozen=True)
class Guide:
    slug: str
    kind: str  # ROLE or FLOW
    title: str
    purpose: str  # what it is for
    who: str  # who does it
    steps: tuple[Step, ...]
    # Profile settings whose article governs this guide; the article is read from the
    # region's own profile at render time, never written here.
    settings: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    start: str = ""  # URL name of the page where the work starts
    notes: tuple[str, ...] = field(default_factory=tuple)


def c(text: str, template: str) -> Control:
    return Control(text, template)


def registry() -> dict[str, Guide]:
    from .flows import FLOWS
    from .roles import ROLES

    guides = {g.slug: g for g in (*ROLES, *FLOWS)}
    assert len(guides) == len(ROLES) + len(FLOWS), "duplicate guide slug"
    return guides


def get(slug: str) -> Guide | None:
    return registry().get(slug)


def by_kind(kind: str) -> list[Guide]:
    return [g for g in registry().values() if g.kind == kind]


# Which role guide fits an actor best, most specific office first.
ROLE_ORDER = (
    ("admin_bkpsdm", "admin-bkpsdm"),
    ("admin_organisasi", "admin-organisasi"),
    ("sekda", "sekda"),
    ("kepala_pd", "kepala-pd"),
    ("pimpinan_unit", "pimpinan-unit"),
    ("ppk", "pimpinan-unit"),
)


def role_guide(actor) -> str:
    """The slug of the role guide for the person on the page (the home page's help link)."""
    roles = getattr(actor, "roles", set()) or set()
    for role, slug in ROLE_ORDER:
        if role in roles:
            return slug
    employee = getattr(actor, "employee", None)
    position = getattr(employee, "position", None) if employee is not None else None
    if position is not None and getattr(position, "is_leader", False):
        return "pimpinan-unit"
    return "pegawai"
