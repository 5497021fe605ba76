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
    "assignment.process_named": gettext_noop("Proses bisnis penugasan ditetapkan"),
    "assignment.issued": gettext_noop("Naskah penugasan diterbitkan"),
    "assignment.ditolak": gettext_noop("Penugasan ditolak"),
    "assignment.dibatalkan": gettext_noop("Penugasan dibatalkan"),
    "assignment.dicabut": gettext_noop("Naskah penugasan dicabut"),
    "assignment.diakhiri": gettext_noop("Penugasan diakhiri lebih awal"),
    "assignment.diperpanjang": gettext_noop("Penugasan diperpanjang"),
    "assignment.perubahan_dicabut": gettext_noop("Naskah perubahan penugasan dicabut"),
    "assignment.standing_recorded": gettext_noop("Tim tetap dicatat"),
    "feedback.given": gettext_noop("Umpan balik diberikan"),
    # The newer apps (accounts SSO, pelaksanaan, kinerja, proses bisnis). A test
    # (sikerja/audit/tests/test_verb_words.py) fails when a recorded verb has no words here.
    "sso.configured": gettext_noop("Masuk tunggal (SSO) diatur"),
    "login.oidc": gettext_noop("Masuk melalui SSO"),
    "agreement.created": gettext_noop("Perjanjian kinerja dibuat"),
    "agreement.targets_set": gettext_noop("Sasaran perjanjian kinerja ditetapkan"),
    "agreement.signed": gettext_noop("Perjanjian kinerja ditandatangani"),
    "agreement.countersigned": gettext_noop("Perjanjian kinerja ditandatangani atasan"),
    "agreement.target_handed": gettext_noop("Sasaran diserahkan kepada penanggung jawab"),
    "agreement.strategy_recorded": gettext_noop("Strategi pencapaian dicatat"),
    "work.created": gettext_noop("Pelaksanaan penugasan dimulai"),
    "work.period_set": gettext_noop("Periode pelaksanaan ditetapkan"),
    "work.target_linked": gettext_noop("Pelaksanaan dikaitkan dengan sasaran"),
    "work.plan_saved": gettext_noop("Rencana kerja disimpan"),
    "work.plan_submitted": gettext_noop("Rencana kerja diajukan"),
    "work.plan_approved": gettext_noop("Rencana kerja disetujui"),
    "work.plan_returned": gettext_noop("Rencana kerja dikembalikan"),
    "work.task_added": gettext_noop("Tugas tim ditambahkan"),
    "work.task_marked": gettext_noop("Status tugas tim ditandai"),
    "work.duty_linked": gettext_noop("Tugas dikaitkan dengan anggota"),
    "work.coordination_recorded": gettext_noop("Koordinasi tim dicatat"),
    "work.member_note_written": gettext_noop("Catatan anggota ditulis"),
    "work.problem_raised": gettext_noop("Kendala dilaporkan"),
    "work.problem_decided": gettext_noop("Kendala diputus"),
    "work.report_requested": gettext_noop("Laporan diminta"),
    "work.request_answered": gettext_noop("Permintaan dijawab"),
    "work.report_submitted": gettext_noop("Laporan pelaksanaan disampaikan"),
    "work.feedback_given": gettext_noop("Umpan balik pelaksanaan diberikan"),
    "work.result_submitted": gettext_noop("Hasil kerja disampaikan untuk direviu"),
    "work.review_diteruskan": gettext_noop("Reviu hasil kerja: diteruskan"),
    "work.review_dikembalikan": gettext_noop("Reviu hasil kerja: dikembalikan untuk diperbaiki"),
    "work.review_diterima": gettext_noop("Reviu hasil kerja: diterima"),
    "kinerja.period_opened": gettext_noop("Periode kinerja dibuka"),
    "kinerja.period_closed": gettext_noop("Periode kinerja ditutup"),
    "kinerja.drafts_generated": gettext_noop("Rancangan SKP dibuat"),
    "kinerja.mph_adjusted": gettext_noop("Matriks peran hasil disesuaikan"),
    "kinerja.mph_undone": gettext_noop("Penyesuaian matriks peran hasil dibatalkan"),
    "kinerja.skp_drafted": gettext_noop("SKP disusun"),
    "kinerja.rhk_added": gettext_noop("Rencana hasil kerja ditambahkan"),
    "kinerja.rhk_removed": gettext_noop("Rencana hasil kerja dihapus"),
    "kinerja.skp_lampiran": gettext_noop("Lampiran SKP diubah"),
    "kinerja.expectation_set": gettext_noop("Ekspektasi pimpinan ditetapkan"),
    "kinerja.skp_submitted": gettext_noop("SKP diajukan"),
    "kinerja.skp_approved": gettext_noop("SKP disetujui"),
    "kinerja.skp_returned": gettext_noop("SKP dikembalikan"),
    "kinerja.skp_revised": gettext_noop("SKP direvisi"),
    "kinerja.evidence_added": gettext_noop("Bukti dukung ditambahkan"),
    "kinerja.feedback_given": gettext_noop("Umpan balik kinerja diberikan"),
    "kinerja.coaching": gettext_noop("Pembinaan kinerja dicatat"),
    "kinerja.evaluated": gettext_noop("Kinerja dievaluasi"),
    "kinerja.finalised": gettext_noop("Evaluasi kinerja ditetapkan"),
    "kinerja.unit_predikat": gettext_noop("Predikat kinerja unit ditetapkan"),
    "kinerja.follow_up": gettext_noop("Tindak lanjut evaluasi dicatat"),
    "process.created": gettext_noop("Proses bisnis dibuat"),
    "process.participants_set": gettext_noop("Pihak dalam proses bisnis ditetapkan"),
    "process.map_created": gettext_noop("Peta proses dibuat"),
    "process.map_version_created": gettext_noop("Versi baru peta proses dibuat"),
    "process.sipoc_saved": gettext_noop("Tabel SIPOC disimpan"),
    "process.drawing_saved": gettext_noop("Gambar peta proses disimpan"),
    "process.map_approved": gettext_noop("Peta proses disahkan"),
    "process.review_tetap": gettext_noop("Evaluasi peta proses: dipertahankan"),
    "process.review_revisi": gettext_noop("Evaluasi peta proses: direvisi"),
    "process.review_cabut": gettext_noop("Evaluasi peta proses: dicabut"),
    "sop.created": gettext_noop("SOP dibuat"),
    "sop.identity_saved": gettext_noop("Identitas SOP disimpan"),
    "sop.steps_saved": gettext_noop("Langkah SOP disimpan"),
    "sop.approved": gettext_noop("SOP disahkan"),
    "sop.version_created": gettext_noop("Versi baru SOP dibuat"),
    "sop.monitored": gettext_noop("Pelaksanaan SOP dipantau"),
    "sop.review_tetap": gettext_noop("Evaluasi SOP: dipertahankan"),
    "sop.review_revisi": gettext_noop("Evaluasi SOP: direvisi"),
    "sop.review_cabut": gettext_noop("Evaluasi SOP: dicabut"),
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
    "agreement": gettext_noop("Perjanjian kinerja"),
    "work": gettext_noop("Pelaksanaan penugasan"),
    "kinerja": gettext_noop("Pengelolaan kinerja"),
    "process": gettext_noop("Proses bisnis"),
    "sop": gettext_noop("SOP"),
    "sso": gettext_noop("Masuk tunggal (SSO)"),
    "login": gettext_noop("Masuk"),
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
