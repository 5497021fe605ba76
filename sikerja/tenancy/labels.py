"""Indonesian labels for profile settings and their values, for pages and exports.

The dictionaries hold the Indonesian text (rules quote it in their messages); pages translate
it at display time with ``setting_label`` and ``value_label`` (PLT-5)."""

from django.utils import formats
from django.utils.translation import gettext, gettext_noop

SETTING_LABELS = {
    "scopes": gettext_noop("Lingkup penugasan"),
    "assignment_modes": gettext_noop("Cara penugasan"),
    "work_forms": gettext_noop("Bentuk kerja"),
    "assignment_availability": gettext_noop("Pemeriksaan ketersediaan waktu dan kompetensi sebelum penugasan"),
    "placement_basis": gettext_noop("Dasar kedudukan"),
    "placement_without_peta_jabatan": gettext_noop("Kedudukan bila peta jabatan belum ditetapkan"),
    "placement_superiors": gettext_noop("Atasan langsung JF/pelaksana"),
    "level_placement": gettext_noop("Kedudukan menurut jenjang JF"),
    "pelaksana_placement": gettext_noop("Kedudukan jabatan pelaksana"),
    "assessor_min_kind": gettext_noop("Pejabat penilai kinerja paling rendah"),
    "assessor_delegation_allowed": gettext_noop("Pendelegasian kewenangan PPK"),
    "mandiri_head_may_supervise": gettext_noop("Pimpinan unit kerja mandiri membawahi JF/pelaksana"),
    "mandiri_head_may_be_assessor": gettext_noop("Kepala unit kerja mandiri sebagai PPK"),
    "placement_set_by": gettext_noop("Kedudukan ditetapkan oleh"),
    "individual_assignment_by": gettext_noop("Penugasan individu ditetapkan oleh"),
    "individual_letter_kind": gettext_noop("Naskah penugasan individu"),
    "letter_signer": gettext_noop("Penanda tangan surat penugasan"),
    "cross_unit_request_required": gettext_noop("Lintas unit diawali permohonan"),
    "rejection_requires_reason": gettext_noop("Penolakan wajib disertai alasan"),
    "team_formed_by": gettext_noop("Tim kerja dibentuk oleh"),
    "team_instrument": gettext_noop("Naskah pembentukan tim"),
    "team_decree_when_law_requires": gettext_noop("Keputusan bila diwajibkan peraturan"),
    "ketua_eligible_kinds": gettext_noop("Yang dapat menjadi ketua tim"),
    "ketua_priority": gettext_noop("Urutan prioritas ketua tim"),
    "ketua_prefer_owning_unit": gettext_noop("Ketua diutamakan dari unit pemilik kinerja"),
    "voluntary_needs_superior_approval": gettext_noop("Pengajuan sukarela perlu persetujuan atasan"),
    "voluntary_flow": gettext_noop("Alur pengajuan sukarela"),
    "voluntary_application_steps": gettext_noop("Langkah pengajuan sukarela dan naskahnya"),
    "incidental_tasks": gettext_noop("Tugas insidental / tambahan"),
    "individual_reports_to": gettext_noop("Pegawai (individu) melapor kepada"),
    "member_reports_to": gettext_noop("Anggota tim melapor kepada"),
    "ketua_reports_to": gettext_noop("Ketua tim melapor kepada"),
    "three_stage_mechanism": gettext_noop("Mekanisme kerja tiga tahap"),
    "unit_type_patterns": gettext_noop("Pola kedudukan per jenis unit"),
    "review_chains": gettext_noop("Rantai reviu per jenis unit"),
    "report_on_request": gettext_noop("Permintaan laporan sewaktu-waktu"),
    "problem_escalation": gettext_noop("Penyampaian kendala dan rekomendasi"),
    "governance_teams": gettext_noop("Tim tata kelola"),
    "spbe_coordinator": gettext_noop("Koordinator SPBE"),
    "governance_team_composition": gettext_noop("Susunan tim tetap (SPBE, transformasi manajemen)"),
    "electronic_letter_valid_proof": gettext_noop("Naskah elektronik sebagai bukti sah"),
    "shared_application": gettext_noop("Aplikasi umum berbagi pakai"),
    "unit_patterns": gettext_noop("Pola PPK per jenis unit"),
    "plan_before_execution": gettext_noop("Perencanaan sebelum pelaksanaan"),
    "target_handover": gettext_noop("Penyerahan target perjanjian kinerja"),
    "kinerja_curve_most_share": gettext_noop("Bagian yang dihitung 'sebagian besar' pada pola distribusi predikat"),
    "kinerja_curve_rounding": gettext_noop("Pembulatan pola distribusi bagi unit kecil"),
    "kinerja_curve_scope": gettext_noop("Pola distribusi diperiksa per unit atau per PD"),
}

VALUE_LABELS = {
    "dalam_unit": gettext_noop("dalam unit"), "lintas_unit": gettext_noop("lintas unit"), "lintas_pd": gettext_noop("lintas PD"),
    "lintas_instansi": gettext_noop("lintas instansi"), "penunjukan": gettext_noop("penunjukan"), "pengajuan_sukarela": gettext_noop("pengajuan sukarela"),
    "individu": gettext_noop("individu"), "tim_kerja": gettext_noop("tim kerja"), "jenjang": gettext_noop("pola jenjang JF"), "peta_jabatan": gettext_noop("peta jabatan"),
    "umum": gettext_noop("ketentuan umum"), "jpt_utama": gettext_noop("JPT utama"), "jpt_madya": gettext_noop("JPT madya"), "jpt_pratama": gettext_noop("JPT pratama"),
    "administrator": gettext_noop("administrator"), "pengawas": gettext_noop("pengawas"), "fungsional": gettext_noop("fungsional"), "pelaksana": gettext_noop("pelaksana"),
    "fungsional_pimpinan_mandiri": gettext_noop("JF pimpinan unit kerja mandiri"),
    "fungsional_pimpinan_unit": gettext_noop("JF kepala seksi/sub bagian"), "bagan_organisasi": gettext_noop("bagan/struktur organisasi"), "ppk": gettext_noop("PPK"), "pimpinan_unit": gettext_noop("pimpinan unit"),
    "pimpinan_unit_pemilik_kinerja": gettext_noop("pimpinan unit pemilik kinerja"), "kepala_pd": gettext_noop("kepala PD"),
    "sekretaris_daerah": gettext_noop("Sekretaris Daerah"), "bupati": gettext_noop("Bupati"), "pimpinan_pd": gettext_noop("pimpinan PD"), "ketua": gettext_noop("ketua tim"),
    "surat_perintah": gettext_noop("surat perintah"), "surat_tugas": gettext_noop("surat tugas"), "surat_perintah_tugas": gettext_noop("surat perintah tugas"),
    "surat_penugasan": gettext_noop("surat penugasan"), "keputusan": gettext_noop("keputusan"), "pejabat_pembina_kepegawaian": gettext_noop("pejabat pembina kepegawaian"),
    "jf_keahlian": gettext_noop("JF kategori keahlian"), "managerial_experience": gettext_noop("pengalaman/kompetensi manajerial"),
    "highest_jf_level": gettext_noop("jenjang JF tertinggi"), "highest_pangkat_pelaksana": gettext_noop("pelaksana berpangkat tertinggi"),
    "ppu_ps11": gettext_noop("alur PPU Pasal 11"), "tugas_insidental": gettext_noop("tugas insidental"), "penugasan_tambahan": gettext_noop("penugasan tambahan"),
    "tim_koordinasi_spbe": gettext_noop("Tim Koordinasi SPBE"), "tim_pelaksana_spbe": gettext_noop("Tim Pelaksana SPBE"),
    "kelompok_kerja_spbe": gettext_noop("kelompok kerja SPBE"), "sekretariat_spbe": gettext_noop("sekretariat SPBE"),
    "tim_transformasi_manajemen": gettext_noop("tim transformasi manajemen"),
    "ahli_utama": gettext_noop("ahli utama"), "ahli_madya": gettext_noop("ahli madya"), "ahli_muda": gettext_noop("ahli muda"), "ahli_pertama": gettext_noop("ahli pertama"),
    "penyelia": gettext_noop("penyelia"), "mahir": gettext_noop("mahir"), "terampil": gettext_noop("terampil"), "pemula": gettext_noop("pemula"),
    "default": gettext_noop("biasanya"), "fallback": gettext_noop("bila tidak ada"), "fallback_condition": gettext_noop("syarat"),
    "capacity_hours_per_week": gettext_noop("kapasitas jam kerja per minggu"), "competence_article": gettext_noop("pasal relevansi kompetensi"),
    "tegas": gettext_noop("dihitung tepat"), "terdekat": gettext_noop("dibulatkan ke terdekat"), "unit": gettext_noop("per unit organisasi"), "pd": gettext_noop("per perangkat daerah"),
}  # fmt: skip


def setting_label(key: str) -> str:
    """A setting's name in the active language."""
    return gettext(SETTING_LABELS[key]) if key in SETTING_LABELS else key


def value_label(value) -> str:
    """A setting's value in words: lists joined, mappings as 'key: value' lines, booleans as ya/tidak."""
    if value is None:
        return gettext("tidak diatur")
    if value is True:
        return gettext("ya")
    if value is False:
        return gettext("tidak")
    if isinstance(value, list):
        return ", ".join(value_label(v) for v in value) if value else gettext("tidak ada")
    if isinstance(value, dict):
        return "; ".join(f"{_word(k)}: {value_label(v)}" for k, v in value.items())
    if isinstance(value, float | int):
        # 37.5 -> "37,5" in Indonesian, "37.5" in English (at most the digits the profile wrote).
        return f"{value:g}".replace(".", formats.get_format("DECIMAL_SEPARATOR"))
    return _word(str(value))


def _word(key: str) -> str:
    return gettext(VALUE_LABELS[key]) if key in VALUE_LABELS else key
