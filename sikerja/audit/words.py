"""How the event log reads to an administrator: each recorded verb in words, and what kind of
thing each object is. A verb not listed reads as its object kind and action, never as a code."""

from __future__ import annotations

from django.apps import apps

VERB_WORDS = {
    "account.created": "Akun dibuat",
    "account.deactivated": "Akun dinonaktifkan",
    "account.reactivated": "Akun diaktifkan kembali",
    "account.password_reset": "Kata sandi diatur ulang",
    "role.granted": "Peran diberikan",
    "role.withdrawn": "Peran dicabut",
    "employee.updated": "Data pegawai diubah",
    "employee.moved": "Mutasi pegawai dicatat",
    "employee.deactivated": "Pegawai dinonaktifkan",
    "placement.set": "Kedudukan ditetapkan",
    "placement.withdrawn": "Kedudukan terjadwal ditarik",
    "placement.corrected": "Kedudukan dikoreksi",
    "delegation.created": "Plh./Plt. ditetapkan",
    "delegation.revoked": "Plh./Plt. dicabut",
    "unit.renamed": "Unit diganti nama",
    "unit.checked": "Unit diperiksa",
    "import.applied": "Impor data diterapkan",
    "profile.loaded": "Profil regulasi dimuat",
    "profile.upgraded": "Profil regulasi diperbarui",
    "profile.derived": "Profil regulasi daerah dibuat",
    "profile.setting_changed": "Pengaturan profil regulasi diubah",
    "profile.reverted": "Profil regulasi dikembalikan ke versi terdahulu",
    "document.issued": "Naskah diterbitkan",
    "document.revoked": "Naskah dicabut",
    "document.number_unused": "Nomor naskah tidak terpakai",
    "letterhead.uploaded": "Kop surat diunggah",
    "letter_template.uploaded": "Templat naskah diunggah",
    "letter_template.builtin": "Templat bawaan dipakai",
    "letter_template.activated": "Templat naskah diaktifkan",
    "assignment.proposed": "Penunjukan diusulkan",
    "assignment.applied": "Pengajuan sukarela disampaikan",
    "assignment.step_decided": "Langkah penugasan diputus",
    "assignment.issued": "Naskah penugasan diterbitkan",
    "assignment.ditolak": "Penugasan ditolak",
    "assignment.dibatalkan": "Penugasan dibatalkan",
    "assignment.dicabut": "Naskah penugasan dicabut",
    "assignment.diakhiri": "Penugasan diakhiri lebih awal",
    "assignment.diperpanjang": "Penugasan diperpanjang",
    "assignment.perubahan_dicabut": "Naskah perubahan penugasan dicabut",
    "assignment.standing_recorded": "Tim tetap dicatat",
    "feedback.given": "Umpan balik diberikan",
}

# The filter "what" groups verbs by the part before the dot.
TOPIC_WORDS = {
    "account": "Akun",
    "role": "Peran",
    "employee": "Data pegawai",
    "placement": "Kedudukan",
    "delegation": "Plh./Plt.",
    "unit": "Unit organisasi",
    "import": "Impor data",
    "profile": "Profil regulasi",
    "document": "Naskah dinas",
    "letterhead": "Kop surat",
    "letter_template": "Templat naskah",
    "assignment": "Penugasan",
    "feedback": "Umpan balik",
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
        return VERB_WORDS[verb]
    topic, _, action = verb.partition(".")
    return f"{TOPIC_WORDS.get(topic, topic.replace('_', ' ').capitalize())}: {action.replace('_', ' ')}"


def object_kind_words(object_type: str) -> str:
    try:
        model = apps.get_model(object_type)
    except (LookupError, ValueError):
        return object_type.rpartition(".")[2].replace("_", " ")
    return str(model._meta.verbose_name).capitalize()
