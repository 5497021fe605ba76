"""Consistency of a position's kind, JF category and level (ORG-3, ORG-4) — pure."""

from sikerja.organisation.choices import JF_LEVEL_CATEGORY, PositionKind


def position_error(kind: str, jf_category: str, jf_level: str) -> str | None:
    if kind not in PositionKind.values:
        return f"Jenis jabatan '{kind}' tidak dikenal."
    if kind == PositionKind.FUNGSIONAL:
        if not jf_level:
            return "Jabatan fungsional wajib mempunyai jenjang (BU Ps 10)."
        if jf_level not in JF_LEVEL_CATEGORY:
            return f"Jenjang JF '{jf_level}' tidak dikenal."
        if jf_category and JF_LEVEL_CATEGORY[jf_level] != jf_category:
            return f"Jenjang {jf_level} bukan kategori {jf_category} (BU Ps 10)."
    elif jf_level or jf_category:
        return "Hanya jabatan fungsional yang mempunyai kategori dan jenjang JF."
    return None
