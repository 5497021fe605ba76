"""Visible text of a Django template that is not marked for translation (PLT-5).

A small scanner, not an HTML parser: it splits a template into Django tags, HTML tags and
text, and reports each run of text (literal text with ``{{ variables }}`` between two tags)
that has letters and is not inside ``{% translate %}``/``{% blocktranslate %}``, plus the
human-readable attributes (title, placeholder, aria-label, alt, data-added-label) written
literally. The coverage test walks every page template with it, so a string added later
without marking fails the suite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TOKEN = re.compile(
    r"(?P<block>\{%.*?%\}|\{#.*?#\})"
    r"|(?P<var>\{\{.*?\}\})"
    r"|(?P<html><!--.*?-->|<[A-Za-z/!](?:[^>{]|\{[{%#].*?[}%#]\}|\{)*>)",
    re.DOTALL,
)
# Human-readable attributes; a value holding a template tag is assumed marked or computed.
ATTRIBUTE = re.compile(r'\b(title|placeholder|aria-label|alt|data-added-label)="([^"{]*[A-Za-z][^"{]*)"')
LETTERS = re.compile(r"[A-Za-z]{2,}")
# A literal fallback inside a variable or tag: {{ x|default:"tidak ada" }} (mark it as _("...")).
FALLBACK = re.compile(r'\b(?:default|default_if_none):"([^"]*[A-Za-z]{2,}[^"]*)"')
# Never translated: the product's name.
NOT_WORDS = {"SiKerja"}
SKIP_OPEN = {"translate": None, "trans": None}
SKIP_BLOCKS = {"blocktranslate": "endblocktranslate", "blocktrans": "endblocktrans", "comment": "endcomment",
               "verbatim": "endverbatim"}  # fmt: skip
RAW_ELEMENTS = ("script", "style")


@dataclass(frozen=True)
class Token:
    kind: str  # "block", "var", "html" or "text"
    text: str
    start: int


def tokens(source: str) -> list[Token]:
    out, pos = [], 0
    for m in TOKEN.finditer(source):
        if m.start() > pos:
            out.append(Token("text", source[pos : m.start()], pos))
        out.append(Token(m.lastgroup, m.group(), m.start()))
        pos = m.end()
    if pos < len(source):
        out.append(Token("text", source[pos:], pos))
    return out


def tag_name(block: str) -> str:
    inner = block[2:-2].strip()
    return inner.split()[0] if inner else ""


@dataclass(frozen=True)
class Run:
    """Consecutive text and variables between two tags; ``parts`` keep the tokens."""

    parts: tuple[Token, ...]

    @property
    def start(self) -> int:
        return self.parts[0].start

    @property
    def end(self) -> int:
        return self.parts[-1].start + len(self.parts[-1].text)

    @property
    def literal(self) -> str:
        return "".join(p.text for p in self.parts if p.kind == "text")

    @property
    def visible(self) -> bool:
        words = LETTERS.findall(self.literal)
        return any(w not in NOT_WORDS for w in words)


def runs(source: str) -> list[Run]:
    """Every text run outside translation blocks, comments, scripts and styles."""
    found: list[Run] = []
    current: list[Token] = []
    closing: str | None = None  # inside a skipped block until this tag
    raw: str | None = None  # inside <script>/<style> until its end tag

    def flush():
        if current:
            found.append(Run(tuple(current)))
            current.clear()

    for tok in tokens(source):
        if closing:
            if tok.kind == "block" and tag_name(tok.text) == closing:
                closing = None
            continue
        if raw:
            if tok.kind == "html" and tok.text.lower().startswith(f"</{raw}"):
                raw = None
            continue
        if tok.kind in ("text", "var"):
            current.append(tok)
            continue
        flush()
        if tok.kind == "block" and tag_name(tok.text) in SKIP_BLOCKS:
            closing = SKIP_BLOCKS[tag_name(tok.text)]
        elif tok.kind == "html":
            name = re.match(r"<([A-Za-z]+)", tok.text)
            if name and name.group(1).lower() in RAW_ELEMENTS and not tok.text.endswith("/>"):
                raw = name.group(1).lower()
    flush()
    return found


def unmarked(source: str) -> list[str]:
    """The visible strings a person would read untranslated in English."""
    found = [run.literal.strip() for run in runs(source) if run.visible]
    for tok in tokens(source):
        if tok.kind == "html":
            found += [value for _name, value in ATTRIBUTE.findall(tok.text) if LETTERS.search(value)]
        found += FALLBACK.findall(tok.text)
    return found
