"""The BPMN modeller's messages (processes/static/processes/modeller.js) in the page's language
(PLT-5): the page hands them to the script as JSON; the script falls back to the Indonesian key."""

from django.utils.translation import gettext, gettext_noop

MODELLER_WORDS = (
    gettext_noop(" (%(n)s bagian peta diabaikan karena tidak dikenali)"),
    gettext_noop(
        "Berkas tidak dapat dibuka sebagai peta BPMN 2.0. Periksa apakah berkas itu diekspor dari aplikasi pemodel BPMN."
    ),
    gettext_noop("Peta baru: mulai menggambar dari palet di kiri."),
    gettext_noop("Mulai peta baru? Gambar yang belum disimpan akan hilang."),
    gettext_noop("Peta baru dibuat."),
    gettext_noop("Berkas .bpmn diunduh."),
    gettext_noop("Peta tidak dapat diekspor."),
    gettext_noop("Pilih satu lajur atau kolam di peta lebih dulu."),
    gettext_noop("Nama lajur diganti menjadi %(name)s."),
    gettext_noop("Berkas terlalu besar; paling besar 5 MB."),
    gettext_noop("Berkas %(name)s dibuka. Simpan untuk menyimpannya."),
    gettext_noop("Berkas tidak dapat dibaca."),
    gettext_noop("Menyimpan peta…"),
    gettext_noop("Peta tidak dapat disimpan: gambarnya belum lengkap."),
)


def modeller_words() -> dict[str, str]:
    return {w: gettext(w) for w in MODELLER_WORDS}
