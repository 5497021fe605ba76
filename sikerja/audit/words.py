"""How the event log reads to an administrator: each recorded verb in words, and what kind of
thing each object is. A verb not listed reads as its object kind and action, never as a code.
The words are kept in Indonesian and translated when shown (PLT-5)."""

from __future__ import annotations

from django.apps import apps
from django.utils.translation import gettext, gettext_noop

VERB_WORDS = {
    "account.created": gettext_noop("Akun dibuat"),
    "account.deactivated": gettext_noop("Akun dinonaktifkan"),
    "account.reactivated": gettext_noop("Akun diaktifkan kembali"),
    "account.password_reset": gettext_noop("Kata sandi diatur ulang"),
    "role.granted": gettext_noop("Peran diberikan"),
    "role.withdrawn": gettext_noop("Peran dicabut"),
    "employee.updated": gettext_noop("Data pegawai diubah"),
    "employee.moved": gettext_noop("Mutasi pegawai dicatat"),
    "employee.deactivated": gettext_noop("Pegawai dinonaktifkan"),
    "placement.set": gettext_noop("Kedudukan ditetapkan"),
    "placement.withdrawn": gettext_noop("Kedudukan terjadwal ditarik"),
    "placement.corrected": gettext_noop("Kedudukan dikoreksi"),
    "delegation.created": gettext_noop("Plh./Plt. ditetapkan"),
    "delegation.revoked": gettext_noop("Plh./Plt. dicabut"),
    "unit.renamed": gettext_noop("Unit diganti nama"),
    "unit.checked": gettext_noop("Unit diperiksa"),
    "import.applied": gettext_noop("Impor data diterapkan"),
    "profile.loaded": gettext_noop("Profil regulasi dimuat"),
    "profile.upgraded": gettext_noop("Profil regulasi diperbarui"),
    "profile.derived": gettext_noop("Profil regulasi daerah dibuat"),
    "profile.setting_changed": gettext_noop("Pengaturan profil regulasi diubah"),
    "profile.reverted": gettext_noop("Profil regulasi dikembalikan ke versi terdahulu"),
    "document.issued": gettext_noop("Naskah diterbitkan"),
    "document.revoked": gettext_noop("Naskah dicabut"),
    "document.number_unused": gettext_noop("Nomor naskah tidak terpakai"),
    "letterhead.uploaded": gettext_noop("Kop surat diunggah"),
    "letter_template.uploaded": gettext_noop("Templat naskah diunggah"),
    "letter_template.builtin": gettext_noop("Templat bawaan dipakai"),
    "letter_template.activated": gettext_noop("Templat naskah diaktifkan"),
    "assignment.proposed": gettext_noop("Penunjukan diusulkan"),
    "assignment.applied": gettext_noop("Pengajuan sukarela disampaikan"),
    "assignment.step_decided": gettext_noop("Langkah penugasan diputus"),
    "assignment.issued": gettext_noop("Naskah penugasan diterbitkan"),
    "assignment.ditolak": gettext_noop("Penugasan ditolak"),
    "assignment.dibatalkan": gettext_noop("Penugasan dibatalkan"),
    "assignment.dicabut": gettext_noop("Naskah penugasan dicabut"),
    "assignment.diakhiri": gettext_noop("Penugasan diakhiri lebih awal"),
    "assignment.diperpanjang": gettext_noop("Penugasan diperpanjang"),
    "assignment.perubahan_dicabut": gettext_noop("Naskah perubahan penugasan dicabut"),
    "assignment.standing_recorded": gettext_noop("Tim tetap dicatat"),
    "feedback.given": gettext_noop("Umpan balik diberikan"),
}

# The filter "what" groups verbs by the part before the dot.
TOPIC_WORDS = {
    "account": gettext_noop("Akun"),
    "role": gettext_noop("Peran"),
    "employee": gettext_noop("Data pegawai"),
    "placement": gettext_noop("Kedudukan"),
    "delegation": gettext_noop("Plh./Plt."),
    "unit": gettext_noop("Unit organisasi"),
    "import": gettext_noop("Impor data"),
    "profile": gettext_noop("Profil regulasi"),
    "document": gettext_noop("Naskah dinas"),
    "letterhead": gettext_noop("Kop surat"),
    "letter_template": gettext_noop("Templat naskah"),
    "assignment": gettext_noop("Penugasan"),
    "feedback": gettext_noop("Umpan balik"),
}

# Objects that have a page of their own: (url name, takes the object's id).
OBJECT_PAGES = {
    "assignments.assignment": "penugasan:detail",
    "letters.document": "letters:detail",
    "organisation.employee": "web:employee_detail",
    "organisation.unit": "web:unit_detail",
}


def verb_words(verb: str) -> str:
    if verb in VERB_WORDS:
        return gettext(VERB_WORDS[verb])
    topic, _, action = verb.partition(".")
    return f"{topic_words(topic)}: {action.replace('_', ' ')}"


def topic_words(topic: str) -> str:
    return gettext(TOPIC_WORDS[topic]) if topic in TOPIC_WORDS else topic.replace("_", " ").capitalize()


def object_kind_words(object_type: str) -> str:
    try:
        model = apps.get_model(object_type)
    except (LookupError, ValueError):
        return object_type.rpartition(".")[2].replace("_", " ")
    return str(model._meta.verbose_name).capitalize()
