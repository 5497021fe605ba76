"""Naskah dinas (issue 4, PEN-15): numbered, verifiable letters and decrees as PDF and DOCX.

models (Document immutable once issued) · payloads (typed dataclasses per kind) · rules (pure:
numbers, dictums, Plh./Plt., codes) · render (HTML→PDF with WeasyPrint, DOCX with docxtpl,
QR with segno) · docx_default (built-in DOCX templates) · selectors (reads, permissions) ·
services (issue, revoke, letterheads, templates) · samples · views/public_views · api ·
signing (PAdES interface, TODO).
"""
