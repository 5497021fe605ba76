"""Consistency of a position's kind, JF category and level (ORG-3, ORG-4) — pure."""

from django.utils.translation import gettext as _

from sikerja.organisation.choices import JF_LEVEL_CATEGORY, PositionKind

ARTICLE = "BU Ps 10"  # a citation: a value, not a word to translate


def position_column(kind: str, jf_category: str, jf_level: str) -> str:
    """The import column that ``position_error`` is about (decided on the facts, not its words)."""
    if kind not in PositionKind.values:
        return "jenis"
    if kind == PositionKind.FUNGSIONAL:
        if jf_level and jf_level in JF_LEVEL_CATEGORY and jf_category and JF_LEVEL_CATEGORY[jf_level] != jf_category:
            return "kategori_jf"
        return "jenjang_jf"
    return "kategori_jf" if not jf_level else "jenjang_jf"


def position_error(kind: str, jf_category: str, jf_level: str) -> str | None:
    if kind not in PositionKind.values:
        return _("Jenis jabatan '%(kind)s' tidak dikenal.") % {"kind": kind}
    if kind == PositionKind.FUNGSIONAL:
        if not jf_level:
            return _("Jabatan fungsional wajib mempunyai jenjang (%(article)s).") % {"article": ARTICLE}
        if jf_level not in JF_LEVEL_CATEGORY:
            return _("Jenjang JF '%(level)s' tidak dikenal.") % {"level": jf_level}
        if jf_category and JF_LEVEL_CATEGORY[jf_level] != jf_category:
            return _("Jenjang %(level)s bukan kategori %(category)s (%(article)s).") % {
                "level": jf_level,
                "category": jf_category,
                "article": ARTICLE,
            }
    elif jf_level or jf_category:
        return _("Hanya jabatan fungsional yang mempunyai kategori dan jenjang JF.")
    return None
