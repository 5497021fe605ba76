"""Tindak lanjut (KIN-4, PermenPANRB 6/2022 tindak lanjut hasil evaluasi): which follow-ups a
predikat allows. Rewards for those at or above expectation, sanctions for misconduct and for
Sangat Kurang, a development plan for everyone below expectation."""

from django.utils.translation import gettext

from sikerja.performance.rules.predikat import (
    BAIK,
    BUTUH_PERBAIKAN,
    KURANG,
    PREDIKAT_LABELS,
    SANGAT_BAIK,
    SANGAT_KURANG,
    RuleError,
)

PENGHARGAAN, SANKSI, PENGEMBANGAN = "penghargaan", "sanksi", "pengembangan"
ARTICLE = "PermenPANRB 6/2022 (tindak lanjut evaluasi kinerja)"

ALLOWED = {
    SANGAT_BAIK: {PENGHARGAAN},
    BAIK: {PENGHARGAAN},
    BUTUH_PERBAIKAN: {PENGEMBANGAN},
    KURANG: {PENGEMBANGAN, SANKSI},
    SANGAT_KURANG: {PENGEMBANGAN, SANKSI},
}
KIND_LABELS = {
    PENGHARGAAN: "rekomendasi penghargaan",
    SANKSI: "rekomendasi sanksi",
    PENGEMBANGAN: "rencana pengembangan",
}


def check_follow_up(predikat: str, kind: str) -> str:
    if kind not in KIND_LABELS:
        raise RuleError(gettext("Jenis tindak lanjut harus penghargaan, sanksi atau rencana pengembangan."))
    if kind not in ALLOWED.get(predikat, set()):
        raise RuleError(
            gettext("Predikat %(predikat)s tidak ditindaklanjuti dengan %(kind)s.") % {"predikat": PREDIKAT_LABELS.get(predikat, predikat), "kind": KIND_LABELS[kind]}
        )
    return kind


def needs_development_plan(predikat: str) -> bool:
    return PENGEMBANGAN in ALLOWED.get(predikat, set())
