"""The five flowchart symbols of SOP AP (PermenPANRB 35/2012, Lampiran: simbol diagram alir).

A step is drawn as one of three; the arrow joins steps and the off-page connector (pentagon)
marks where a page ends, both drawn by the generator, never typed. Anything else is a sixth
symbol and is refused."""

from django.utils.translation import gettext

TERMINATOR, PROCESS, DECISION, ARROW, OFF_PAGE = "terminator", "proses", "keputusan", "panah", "penghubung"
FIVE_SYMBOLS = (TERMINATOR, PROCESS, DECISION, ARROW, OFF_PAGE)
STEP_SYMBOLS = [(TERMINATOR, "Kapsul (mulai/selesai)"), (PROCESS, "Proses"), (DECISION, "Keputusan")]
STEP_SYMBOL_KEYS = frozenset(s for s, _ in STEP_SYMBOLS)
# Words people type in a spreadsheet for the three step symbols.
ALIASES = {
    "terminator": TERMINATOR,
    "kapsul": TERMINATOR,
    "mulai": TERMINATOR,
    "selesai": TERMINATOR,
    "proses": PROCESS,
    "process": PROCESS,
    "kegiatan": PROCESS,
    "keputusan": DECISION,
    "decision": DECISION,
    "belah ketupat": DECISION,
    "panah": ARROW,
    "arrow": ARROW,
    "penghubung": OFF_PAGE,
    "off-page": OFF_PAGE,
    "off page": OFF_PAGE,
}


def step_symbol(word: str) -> str:
    """The step symbol a typed word names; ValueError (in the active language) for the others."""
    key = ALIASES.get((word or "").strip().lower())
    if key in STEP_SYMBOL_KEYS:
        return key
    if key in (ARROW, OFF_PAGE):
        raise ValueError(
            gettext(
                "Simbol '%(word)s' digambar otomatis (panah antarlangkah, penghubung antarhalaman); pilih kapsul, "
                "proses atau keputusan."
            )
            % {"word": word}
        )
    raise ValueError(
        gettext(
            "Simbol '%(word)s' tidak dikenal: SOP AP hanya memakai lima simbol (kapsul, proses, keputusan, panah, "
            "penghubung antarhalaman)."
        )
        % {"word": word}
    )
