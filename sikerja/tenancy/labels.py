"""Indonesian labels for profile settings and their values, for pages and exports."""

SETTING_LABELS = {
    "scopes": "Lingkup penugasan",
    "assignment_modes": "Cara penugasan",
    "work_forms": "Bentuk kerja",
    "assignment_availability": "Pemeriksaan ketersediaan waktu dan kompetensi sebelum penugasan",
    "placement_basis": "Dasar kedudukan",
    "placement_without_peta_jabatan": "Kedudukan bila peta jabatan belum ditetapkan",
    "placement_superiors": "Atasan langsung JF/pelaksana",
    "level_placement": "Kedudukan menurut jenjang JF",
    "pelaksana_placement": "Kedudukan jabatan pelaksana",
    "assessor_min_kind": "Pejabat penilai kinerja paling rendah",
    "assessor_delegation_allowed": "Pendelegasian kewenangan PPK",
    "mandiri_head_may_supervise": "Pimpinan unit kerja mandiri membawahi JF/pelaksana",
    "mandiri_head_may_be_assessor": "Kepala unit kerja mandiri sebagai PPK",
    "placement_set_by": "Kedudukan ditetapkan oleh",
    "individual_assignment_by": "Penugasan individu ditetapkan oleh",
    "individual_letter_kind": "Naskah penugasan individu",
    "letter_signer": "Penanda tangan surat penugasan",
    "cross_unit_request_required": "Lintas unit diawali permohonan",
    "rejection_requires_reason": "Penolakan wajib disertai alasan",
    "team_formed_by": "Tim kerja dibentuk oleh",
    "team_instrument": "Naskah pembentukan tim",
    "team_decree_when_law_requires": "Keputusan bila diwajibkan peraturan",
    "ketua_eligible_kinds": "Yang dapat menjadi ketua tim",
    "ketua_priority": "Urutan prioritas ketua tim",
    "ketua_prefer_owning_unit": "Ketua diutamakan dari unit pemilik kinerja",
    "voluntary_needs_superior_approval": "Pengajuan sukarela perlu persetujuan atasan",
    "voluntary_flow": "Alur pengajuan sukarela",
    "voluntary_application_steps": "Langkah pengajuan sukarela dan naskahnya",
    "incidental_tasks": "Tugas insidental / tambahan",
    "individual_reports_to": "Pegawai (individu) melapor kepada",
    "member_reports_to": "Anggota tim melapor kepada",
    "ketua_reports_to": "Ketua tim melapor kepada",
    "three_stage_mechanism": "Mekanisme kerja tiga tahap",
    "unit_type_patterns": "Pola kedudukan per jenis unit",
    "review_chains": "Rantai reviu per jenis unit",
    "report_on_request": "Permintaan laporan sewaktu-waktu",
    "problem_escalation": "Penyampaian kendala dan rekomendasi",
    "governance_teams": "Tim tata kelola",
    "spbe_coordinator": "Koordinator SPBE",
    "governance_team_composition": "Susunan tim tetap (SPBE, transformasi manajemen)",
    "electronic_letter_valid_proof": "Naskah elektronik sebagai bukti sah",
    "shared_application": "Aplikasi umum berbagi pakai",
    "unit_patterns": "Pola PPK per jenis unit",
    "kinerja_curve_most_share": "Bagian yang dihitung 'sebagian besar' pada pola distribusi predikat",
    "kinerja_curve_rounding": "Pembulatan pola distribusi bagi unit kecil",
    "kinerja_curve_scope": "Pola distribusi diperiksa per unit atau per PD",
}

VALUE_LABELS = {
    "dalam_unit": "dalam unit", "lintas_unit": "lintas unit", "lintas_pd": "lintas PD",
    "lintas_instansi": "lintas instansi", "penunjukan": "penunjukan", "pengajuan_sukarela": "pengajuan sukarela",
    "individu": "individu", "tim_kerja": "tim kerja", "jenjang": "pola jenjang JF", "peta_jabatan": "peta jabatan",
    "umum": "ketentuan umum", "jpt_utama": "JPT utama", "jpt_madya": "JPT madya", "jpt_pratama": "JPT pratama",
    "administrator": "administrator", "pengawas": "pengawas", "fungsional": "fungsional", "pelaksana": "pelaksana",
    "fungsional_pimpinan_mandiri": "JF pimpinan unit kerja mandiri",
    "fungsional_pimpinan_unit": "JF kepala seksi/sub bagian", "bagan_organisasi": "bagan/struktur organisasi", "ppk": "PPK", "pimpinan_unit": "pimpinan unit",
    "pimpinan_unit_pemilik_kinerja": "pimpinan unit pemilik kinerja", "kepala_pd": "kepala PD",
    "sekretaris_daerah": "Sekretaris Daerah", "bupati": "Bupati", "pimpinan_pd": "pimpinan PD", "ketua": "ketua tim",
    "surat_perintah": "surat perintah", "surat_tugas": "surat tugas", "surat_perintah_tugas": "surat perintah tugas",
    "surat_penugasan": "surat penugasan", "keputusan": "keputusan", "pejabat_pembina_kepegawaian": "pejabat pembina kepegawaian",
    "jf_keahlian": "JF kategori keahlian", "managerial_experience": "pengalaman/kompetensi manajerial",
    "highest_jf_level": "jenjang JF tertinggi", "highest_pangkat_pelaksana": "pelaksana berpangkat tertinggi",
    "ppu_ps11": "alur PPU Pasal 11", "tugas_insidental": "tugas insidental", "penugasan_tambahan": "penugasan tambahan",
    "tim_koordinasi_spbe": "Tim Koordinasi SPBE", "tim_pelaksana_spbe": "Tim Pelaksana SPBE",
    "kelompok_kerja_spbe": "kelompok kerja SPBE", "sekretariat_spbe": "sekretariat SPBE",
    "tim_transformasi_manajemen": "tim transformasi manajemen",
    "ahli_utama": "ahli utama", "ahli_madya": "ahli madya", "ahli_muda": "ahli muda", "ahli_pertama": "ahli pertama",
    "penyelia": "penyelia", "mahir": "mahir", "terampil": "terampil", "pemula": "pemula",
    "default": "biasanya", "fallback": "bila tidak ada", "fallback_condition": "syarat",
    "tegas": "dihitung tepat", "terdekat": "dibulatkan ke terdekat", "unit": "per unit organisasi", "pd": "per perangkat daerah",
    "capacity_hours_per_week": "kapasitas jam kerja per minggu", "competence_article": "pasal relevansi kompetensi",
}  # fmt: skip


def value_label(value) -> str:
    """A setting's value in words: lists joined, mappings as 'key: value' lines, booleans as ya/tidak."""
    if value is None:
        return "tidak diatur"
    if value is True:
        return "ya"
    if value is False:
        return "tidak"
    if isinstance(value, list):
        return ", ".join(value_label(v) for v in value) if value else "tidak ada"
    if isinstance(value, dict):
        return "; ".join(f"{VALUE_LABELS.get(k, k)}: {value_label(v)}" for k, v in value.items())
    if isinstance(value, float | int):
        return f"{value:g}".replace(".", ",")  # 37.5 -> "37,5" as Indonesian pages write it
    return VALUE_LABELS.get(str(value), str(value))
