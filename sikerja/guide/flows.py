"""Guides per flow (PLT-7). Texts of buttons and headings are quoted exactly as the templates
show them; each quoted control is listed with its template so the tests can check it exists."""

from django.utils.translation import gettext_lazy as _

from .content import FLOW, Guide, Step, c

BASE = "web/base.html"
INBOX = "assignments/inbox.html"
DETAIL = "assignments/detail.html"
PROPOSE = "assignments/propose.html"
TABS = "organisation/kedudukan/_tabs.html"
PLACE = "organisation/kedudukan/place.html"
REPORT = "organisation/kedudukan/report.html"
DELEG = "organisation/kedudukan/delegations.html"
LETTER = "letters/pages/detail.html"
MINE = "accounts/mine.html"
IO = "organisation/io/index.html"
BATCH = "organisation/io/batch.html"
STANDING = "assignments/standing/list.html"

FLOWS = (
    Guide(
        slug="kedudukan",
        kind=FLOW,
        title=_("Kedudukan, penempatan dan pejabat penilai kinerja"),
        purpose=_(
            "Menetapkan kepada pejabat mana seorang pejabat fungsional atau pelaksana berkedudukan dan siapa "
            "pejabat penilai kinerjanya (PPK), lalu memeriksa apakah kedudukan seluruh pegawai sesuai peraturan "
            "daerah."
        ),
        who=_(
            "Admin BKPSDM menetapkan kedudukan. Kepala perangkat daerah, pimpinan unit dan Sekretaris Daerah "
            "membaca laporan validasi untuk unit dalam cakupannya. Setiap pejabat melihat pegawai yang dinilainya."
        ),
        steps=(
            Step(
                _("Buka menu “Kedudukan”. Tab “Laporan validasi” menampilkan pegawai yang kedudukannya belum sesuai, "
                  "dikelompokkan per perangkat daerah dan unit."),
                (c("Kedudukan", BASE), c("Laporan validasi", TABS)),
            ),
            Step(
                _("Bila laporan perlu dibahas di luar aplikasi, tekan “Unduh XLSX”."),
                (c("Unduh XLSX", REPORT),),
            ),
            Step(
                _("Pada baris pegawai pilih “Tetapkan ulang kedudukan →”, atau dari halaman pegawai tekan "
                  "“Tetapkan kedudukan”."),
                (c("Tetapkan ulang kedudukan →", REPORT), c("Tetapkan kedudukan", "web/employee_detail.html")),
            ),
            Step(
                _("Di bagian “Pilih pejabat penilai kinerja” pilih pejabat bertanda “boleh”. Pejabat yang tidak boleh "
                  "dipilih tampil dengan alasannya dan pasal yang menjadi dasarnya."),
                (c("Pilih pejabat penilai kinerja", PLACE),),
            ),
            Step(
                _("Isi nomor keputusan, tanggal keputusan dan tanggal berlaku, lalu tekan “Tetapkan kedudukan”. "
                  "Kedudukan lama ditutup dan tetap terlihat di “Riwayat kedudukan”."),
                (c("Tetapkan kedudukan", PLACE), c("Riwayat kedudukan", PLACE)),
            ),
            Step(
                _("Tab “Aturan kedudukan profil” menjelaskan aturan kedudukan daerah Anda; tab "
                  "“Pegawai yang saya nilai” menampilkan pegawai yang Anda nilai, termasuk sebagai Plh./Plt."),
                (c("Aturan kedudukan profil", TABS), c("Pegawai yang saya nilai", TABS)),
            ),
        ),
        settings=(
            "placement_set_by", "placement_superiors", "assessor_min_kind", "level_placement",
            "pelaksana_placement", "mandiri_head_may_supervise",
        ),
        related=("pendelegasian", "admin-bkpsdm"),
        start="ked:patterns",
    ),
    Guide(
        slug="pendelegasian",
        kind=FLOW,
        title=_("Pendelegasian Plh./Plt. dan kewenangan penilai kinerja"),
        purpose=_(
            "Mencatat pelaksana harian (Plh.) atau pelaksana tugas (Plt.) selama seorang pejabat berhalangan, atau "
            "pendelegasian kewenangan penilai kinerja kepada pejabat lain. Selama berlaku, penerima bertindak atas "
            "nama pemberi dan setiap tindakannya dicatat atas nama pejabat tersebut."
        ),
        who=_("Admin BKPSDM mencatat dan mencabut. Pejabat penerima melihat langkah milik pemberi di kotak masuknya."),
        steps=(
            Step(_("Buka menu “Kedudukan”, tab “Pendelegasian PPK”."), (c("Pendelegasian PPK", TABS),)),
            Step(
                _("Di bagian “Catat pendelegasian” pilih jenisnya, isi NIP pemberi dan NIP penerima, tanggal mulai "
                  "dan sampai, nomor dan tanggal dasar serta alasannya, lalu tekan “Simpan”."),
                (c("Catat pendelegasian", DELEG), c("Simpan", DELEG)),
            ),
            Step(
                _("Selama berlaku, langkah milik pemberi tampil di “Menunggu tindakan Anda” milik penerima dengan "
                  "keterangan “sebagai Plh./Plt.”; di halaman penugasan tampil tanda Plh./Plt. dan nama pejabat yang "
                  "diwakili."),
                (c("Menunggu tindakan Anda", INBOX), c("sebagai Plh./Plt.", INBOX)),
            ),
            Step(
                _("Untuk mengakhiri sebelum waktunya, tulis alasan pada baris pendelegasian dan tekan “Cabut”."),
                (c("Cabut", DELEG),),
            ),
        ),
        settings=("assessor_delegation_allowed", "assessor_min_kind"),
        related=("kedudukan", "jawaban-permohonan"),
        start="ked:delegations",
    ),
    Guide(
        slug="penunjukan",
        kind=FLOW,
        title=_("Penunjukan dan penugasan lintas unit"),
        purpose=_(
            "Menugaskan pejabat fungsional atau pelaksana, sendiri (individu) atau dalam tim kerja, untuk kinerja "
            "unit Anda, termasuk pegawai dari unit atau perangkat daerah lain."
        ),
        who=_(
            "Pimpinan unit pemilik kinerja, PPK dalam satu unit, atau Plh./Plt.-nya. Bila pegawai berasal dari unit "
            "lain, pimpinan unit asal pegawai menjawab permohonan pelibatan."
        ),
        steps=(
            Step(_("Buka menu “Penugasan” dan tekan “Penunjukan baru”."),
                 (c("Penugasan", BASE), c("Penunjukan baru", INBOX))),
            Step(_("Pilih bentuk penugasan (individu atau tim kerja) dan unit pemilik kinerja, lalu isi nama kegiatan, "
                   "maksud dan tujuan, target, kompetensi yang dibutuhkan, jam per minggu, tanggal mulai dan selesai.")),
            Step(
                _("Di bagian “Cari calon” cari nama atau NIP, saring menurut unit dan jenis jabatan, lalu tekan "
                  "“Cari calon”. Daftar calon menampilkan beban kerja tiap pegawai selama periode itu dan kecocokan "
                  "kompetensinya. Tekan “Tambahkan” pada calon yang dipilih."),
                (c("Cari calon", PROPOSE), c("Tambahkan", "assignments/_candidates.html")),
            ),
            Step(
                _("Untuk tim kerja tekan “Urutkan calon ketua”: SiKerja mengurutkan calon ketua menurut peraturan "
                  "daerah beserta alasannya. Tekan “Jadikan ketua” pada calon pilihan Anda."),
                (c("Urutkan calon ketua", PROPOSE), c("Jadikan ketua", "assignments/_ketua.html")),
            ),
            Step(
                _("Bila beban seorang pegawai melampaui kapasitasnya, isi “Alasan melampaui kapasitas”."),
                (c("Alasan melampaui kapasitas", PROPOSE),),
            ),
            Step(
                _("Tekan “Kirim penunjukan”. Untuk pegawai dari unit lain SiKerja menyusun nota dinas permohonan "
                  "pelibatan kepada pimpinan unit asalnya. Langkah berikutnya dan siapa yang memutus tampil di bagian "
                  "“Langkah” pada halaman penugasan."),
                (c("Kirim penunjukan", PROPOSE), c("Langkah", DETAIL)),
            ),
        ),
        settings=(
            "individual_assignment_by", "scopes", "work_forms", "cross_unit_request_required", "team_formed_by",
            "ketua_eligible_kinds", "ketua_priority",
        ),
        related=("jawaban-permohonan", "naskah", "pimpinan-unit"),
        start="penugasan:propose",
    ),
    Guide(
        slug="pengajuan-sukarela",
        kind=FLOW,
        title=_("Pengajuan sukarela"),
        purpose=_(
            "Pejabat fungsional atau pelaksana mengajukan diri untuk terlibat dalam kinerja unit lain atau unitnya "
            "sendiri."
        ),
        who=_(
            "Pejabat fungsional atau pelaksana mengajukan; sesudahnya pejabat yang ditetapkan peraturan daerah "
            "(atasan/PPK, pimpinan unit pemilik kinerja) memutus."
        ),
        steps=(
            Step(_("Buka menu “Penugasan” dan tekan “Pengajuan sukarela”."), (c("Pengajuan sukarela", INBOX),)),
            Step(
                _("Pilih unit pemilik kinerja. Bagian “Langkah menurut profil” langsung menampilkan "
                  "siapa yang memutus setiap langkah dan pasal dasarnya untuk unit itu."),
                (c("Langkah menurut profil", "assignments/apply.html"),),
            ),
            Step(
                _("Isi kegiatan yang ingin diikuti, maksud dan tujuan, target, kompetensi, periode dan jam per minggu, "
                  "lalu tekan “Sampaikan pengajuan”."),
                (c("Sampaikan pengajuan", "assignments/apply.html"),),
            ),
            Step(
                _("Ikuti prosesnya di “Usulan Anda yang sedang diproses”. Setelah naskah terbit, penugasan tampil di "
                  "“Penugasan yang Anda terima”."),
                (c("Usulan Anda yang sedang diproses", INBOX), c("Penugasan yang Anda terima", INBOX)),
            ),
        ),
        settings=("assignment_modes", "voluntary_flow", "voluntary_needs_superior_approval"),
        related=("jawaban-permohonan", "pegawai"),
        start="penugasan:apply",
    ),
    Guide(
        slug="jawaban-permohonan",
        kind=FLOW,
        title=_("Menjawab permohonan dan memberi persetujuan"),
        purpose=_(
            "Memutus langkah yang menunggu Anda: menjawab permohonan pelibatan pegawai unit Anda, memberi "
            "persetujuan, atau menyampaikan surat."
        ),
        who=_(
            "Pejabat yang namanya tertera pada langkah (pimpinan unit asal pegawai, atasan/PPK, pimpinan unit "
            "pemilik kinerja, kepala perangkat daerah) atau Plh./Plt.-nya."
        ),
        steps=(
            Step(
                _("Di beranda atau menu “Penugasan”, bagian “Menunggu tindakan Anda” memuat langkah yang menunggu, "
                  "yang terlama di atas. Buka judul penugasannya."),
                (c("Menunggu tindakan Anda", INBOX),),
            ),
            Step(
                _("Bagian “Tindakan Anda” menampilkan langkahnya, pasal dasarnya, dan nota dinas permohonan bila ada."),
                (c("Tindakan Anda", DETAIL),),
            ),
            Step(
                _("Permohonan pelibatan: tekan “Setujui semua”; atau hapus centang pegawai yang tidak disetujui, tulis "
                  "alasannya dan tekan “Setujui yang dicentang saja”; atau tulis alasan dan tekan “Tolak semua”."),
                (c("Setujui semua", DETAIL), c("Setujui yang dicentang saja", DETAIL), c("Tolak semua", DETAIL)),
            ),
            Step(
                _("Persetujuan: tekan “Setujui” atau “Tolak” (alasan wajib bila menolak). Menyampaikan surat: "
                  "tekan “Kirim”."),
                (c("Setujui", DETAIL), c("Tolak", DETAIL), c("Kirim", DETAIL)),
            ),
            Step(
                _("Keputusan Anda, waktunya dan atas nama siapa Anda bertindak tercatat di “Riwayat”; pengusul "
                  "menerima notifikasi."),
                (c("Riwayat", DETAIL),),
            ),
        ),
        settings=("cross_unit_request_required", "rejection_requires_reason", "voluntary_needs_superior_approval"),
        related=("penunjukan", "naskah", "pendelegasian"),
        start="penugasan:inbox",
    ),
    Guide(
        slug="naskah",
        kind=FLOW,
        title=_("Penerbitan dan verifikasi naskah"),
        purpose=_(
            "Menerbitkan naskah penugasan (surat perintah, surat tugas atau keputusan) setelah semua persetujuan "
            "lengkap, dan memeriksa keaslian naskah yang diterima."
        ),
        who=_(
            "Penanda tangan menurut peraturan daerah, atau Plh./Plt.-nya, menerbitkan. Siapa pun, termasuk pihak di "
            "luar pemerintah daerah, dapat memverifikasi."
        ),
        steps=(
            Step(
                _("Setelah semua langkah disetujui, penanda tangan melihat langkah penerbitan di “Tindakan Anda”. "
                  "Untuk tim kerja ketua dapat diubah bila perlu. Tekan “Terbitkan naskah”."),
                (c("Tindakan Anda", DETAIL), c("Terbitkan naskah", DETAIL)),
            ),
            Step(
                _("Naskah tampil di menu “Surat” dan pada data penugasan. Buka nomornya, lalu “Lihat PDF”, "
                  "“Unduh PDF” atau “Unduh DOCX”."),
                (c("Surat", BASE), c("Lihat PDF", LETTER), c("Unduh PDF", LETTER), c("Unduh DOCX", LETTER)),
            ),
            Step(
                _("Setiap naskah memuat kode QR dan kode verifikasi. Di halaman “Verifikasi naskah dinas” ketik kodenya "
                  "dan tekan “Periksa”: halaman menyatakan SAH atau DICABUT dan menampilkan sidik SHA-256 berkas PDF "
                  "untuk dibandingkan dengan berkas yang Anda terima."),
                (c("Verifikasi naskah dinas", "letters/pages/verify_form.html"),
                 c("Periksa", "letters/pages/verify_form.html")),
            ),
            Step(
                _("Admin dapat mencabut naskah di bagian “Cabut naskah” pada halaman naskahnya, dengan alasan. Naskah "
                  "yang dicabut tetap tersimpan; untuk koreksi terbitkan naskah pengganti."),
                (c("Cabut naskah", LETTER),),
            ),
        ),
        settings=(
            "letter_signer", "individual_letter_kind", "team_instrument", "team_decree_when_law_requires",
            "electronic_letter_valid_proof",
        ),
        related=("ubah-cabut", "jawaban-permohonan"),
        start="letters:list",
    ),
    Guide(
        slug="ubah-cabut",
        kind=FLOW,
        title=_("Mengakhiri, memperpanjang atau mencabut penugasan"),
        purpose=_("Mengakhiri lebih awal atau memperpanjang penugasan yang sudah terbit, atau mencabut naskahnya."),
        who=_("Penanda tangan naskah penugasan atau Plh./Plt.-nya. Pengusul dapat membatalkan usulan yang belum terbit."),
        steps=(
            Step(
                _("Buka penugasan yang sudah diterbitkan. Bagian “Ubah atau cabut penugasan” tampil bagi penanda "
                  "tangan."),
                (c("Ubah atau cabut penugasan", DETAIL),),
            ),
            Step(
                _("Di “Akhiri lebih awal atau perpanjang” isi tanggal selesai yang baru dan alasannya, lalu tekan "
                  "“Terbitkan naskah perubahan”. Naskah baru merujuk naskah pertama; perpanjangan memeriksa ulang beban "
                  "kerja pegawai pada minggu-minggu tambahan."),
                (c("Akhiri lebih awal atau perpanjang", DETAIL), c("Terbitkan naskah perubahan", DETAIL)),
            ),
            Step(
                _("Untuk mencabut, tulis alasan pencabutan dan tekan “Cabut naskah”. Penugasan berakhir, jam pegawai "
                  "tidak lagi dihitung, dan halaman verifikasi menyatakan naskah DICABUT."),
                (c("Cabut naskah", DETAIL),),
            ),
            Step(
                _("Setiap perubahan tercantum di tabel “Perubahan”. Usulan yang belum terbit dibatalkan dengan "
                  "“Batalkan penugasan”."),
                (c("Perubahan", DETAIL), c("Batalkan penugasan", DETAIL)),
            ),
        ),
        settings=("letter_signer", "individual_letter_kind"),
        related=("naskah",),
        start="penugasan:inbox",
    ),
    Guide(
        slug="tim-tetap",
        kind=FLOW,
        title=_("Tim tetap tata kelola (SPBE)"),
        purpose=_(
            "Mencatat tim tetap tata kelola, misalnya tim koordinasi SPBE, yang ditetapkan dengan keputusan, beserta "
            "susunannya, dan memeriksa susunan itu terhadap peraturan daerah."
        ),
        who=_("Admin organisasi, admin BKPSDM, atau Sekretaris Daerah (atau Plh./Plt.-nya)."),
        steps=(
            Step(
                _("Buka halaman “Tim tetap tata kelola” (tautan di bawah). Bagian “Tim tata kelola menurut” "
                  "menampilkan tim yang diatur peraturan daerah Anda."),
                (c("Tim tetap tata kelola", STANDING), c("Tim tata kelola menurut", STANDING)),
            ),
            Step(
                _("Tekan “Catat tim tetap”, pilih jenis tim, lalu isi nama, nomor dan tanggal keputusan, periode, "
                  "maksud dan target."),
                (c("Catat tim tetap", STANDING),),
            ),
            Step(
                _("Di bagian “Susunan” pilih ketua, sekretaris dan anggota; anggota dari luar pemerintah daerah ditulis "
                  "terpisah. Tekan “Catat tim”."),
                (c("Susunan", "assignments/standing/form.html"), c("Catat tim", "assignments/standing/form.html")),
            ),
            Step(
                _("Halaman tim menampilkan “Susunan keanggotaan” dan “Pemeriksaan susunan” terhadap ketentuan daerah."),
                (c("Susunan keanggotaan", "assignments/standing/detail.html"),
                 c("Pemeriksaan susunan", "assignments/standing/detail.html")),
            ),
        ),
        settings=("governance_teams", "spbe_coordinator", "governance_team_composition"),
        related=("sekda", "admin-organisasi"),
        start="standing:list",
    ),
    Guide(
        slug="akun",
        kind=FLOW,
        title=_("Akun, kata sandi dan verifikasi dua langkah"),
        purpose=_(
            "Masuk, mengganti atau memulihkan kata sandi, mengatur verifikasi dua langkah, serta mengelola sesi dan "
            "token API."
        ),
        who=_(
            "Setiap pengguna untuk akunnya sendiri. Admin BKPSDM membuat akun, mengatur ulang kata sandi, "
            "menonaktifkan akun dan memberikan peran."
        ),
        steps=(
            Step(
                _("Isi nama pengguna dan kata sandi, lalu tekan “Masuk”. Centang “Ingat saya di perangkat ini” hanya "
                  "di perangkat pribadi. Bila lupa, pilih “Lupa kata sandi?”, isi surel Anda dan tekan “Kirim tautan”; "
                  "tautan itu hanya berlaku sekali dan untuk waktu terbatas."),
                (c("Masuk", "web/login.html"), c("Ingat saya di perangkat ini", "web/login.html"),
                 c("Lupa kata sandi?", "web/login.html"), c("Kirim tautan", "accounts/password_reset.html")),
            ),
            Step(
                _("Pilih nama Anda di kanan atas (“Akun saya”), tekan “Ganti kata sandi”, lalu "
                  "“Simpan kata sandi baru”."),
                (c("Akun saya", MINE), c("Ganti kata sandi", MINE),
                 c("Simpan kata sandi baru", "accounts/password_change.html")),
            ),
            Step(
                _("Verifikasi dua langkah, wajib bagi administrator dan Sekretaris Daerah: pilih “Atur sekarang”, "
                  "pindai kode QR dengan aplikasi autentikator, masukkan kode enam angka dan tekan “Aktifkan”. Simpan "
                  "kode pemulihan yang ditampilkan sekali."),
                (c("Atur sekarang", MINE), c("Aktifkan", "accounts/second_factor.html")),
            ),
            Step(
                _("“Sesi aktif” menampilkan perangkat yang sedang masuk; “Akhiri sesi lain” mengeluarkan semuanya "
                  "kecuali perangkat ini. Di “Token API saya”, “Buat token” untuk aplikasi lain dan “Cabut” token yang "
                  "tidak dipakai."),
                (c("Sesi aktif", MINE), c("Akhiri sesi lain", MINE), c("Token API saya", MINE), c("Buat token", MINE),
                 c("Cabut", MINE)),
            ),
            Step(
                _("Admin BKPSDM: menu “Kelola akun”, bagian “Pegawai tanpa akun”: “Buat akun” untuk satu pegawai atau "
                  "“Buat semua”; kata sandi pertama dikirim lewat surel atau dicetak sekali. Di halaman pengguna: "
                  "“Berikan peran”, “Atur ulang kata sandi”, “Nonaktifkan akun” dan “Aktifkan kembali”."),
                (c("Kelola akun", BASE), c("Pegawai tanpa akun", "accounts/admin_index.html"),
                 c("Buat akun", "accounts/admin_index.html"), c("Buat semua", "accounts/admin_index.html"),
                 c("Berikan peran", "accounts/admin_user.html"), c("Atur ulang kata sandi", "accounts/admin_user.html"),
                 c("Nonaktifkan akun", "accounts/admin_user.html"), c("Aktifkan kembali", "accounts/admin_user.html")),
            ),
        ),
        settings=("shared_application",),
        related=("notifikasi", "admin-bkpsdm"),
        start="accounts:mine",
    ),
    Guide(
        slug="notifikasi",
        kind=FLOW,
        title=_("Notifikasi"),
        purpose=_("Mengetahui langkah yang menunggu Anda, keputusan, dan naskah yang terbit, di aplikasi dan lewat surel."),
        who=_("Setiap pengguna."),
        steps=(
            Step(
                _("Ikon lonceng di kanan atas menunjukkan jumlah “Notifikasi” yang belum dibaca. Di bagian "
                  "“Pemberitahuan”, menekan judulnya membuka halaman terkait dan menandainya sudah dibaca."),
                (c("Notifikasi", BASE), c("Pemberitahuan", "notifications/inbox.html")),
            ),
            Step(_("“Tandai semua sudah dibaca” mengosongkan hitungan."),
                 (c("Tandai semua sudah dibaca", "notifications/inbox.html"),)),
            Step(
                _("Di bagian “Surel” pilih apakah notifikasi dikirim lewat surel dan apakah digabung dalam ringkasan "
                  "harian, lalu tekan “Simpan”."),
                (c("Surel", "notifications/inbox.html"), c("Simpan", "notifications/inbox.html")),
            ),
            Step(_("Angka pada menu “Penugasan” adalah jumlah langkah yang menunggu tindakan Anda."),
                 (c("Penugasan", BASE),)),
        ),
        settings=("shared_application",),
        related=("jawaban-permohonan", "akun"),
        start="notifications:inbox",
    ),
    Guide(
        slug="impor-ekspor",
        kind=FLOW,
        title=_("Impor dan ekspor data organisasi"),
        purpose=_(
            "Memasukkan atau memperbarui data unit, jabatan dan pegawai dari berkas XLSX atau CSV, dan mengunduh "
            "data untuk diolah."
        ),
        who=_("Admin BKPSDM dan admin organisasi."),
        steps=(
            Step(
                _("Buka menu “Impor/Ekspor”. Setiap jenis data dapat diunduh sebagai “XLSX” atau “CSV”, juga sebagai "
                  "templat kosong; “Kolom” menjelaskan isian setiap kolom."),
                (c("Impor/Ekspor", BASE), c("XLSX", IO), c("CSV", IO), c("Kolom", IO)),
            ),
            Step(
                _("Di bagian “Unggah berkas” pilih jenis data dan berkasnya, lalu tekan “Periksa berkas (pratinjau)”. "
                  "Belum ada data yang berubah."),
                (c("Unggah berkas", IO), c("Periksa berkas (pratinjau)", IO)),
            ),
            Step(
                _("Pratinjau menampilkan “Rencana perubahan” dan “Baris bermasalah”. Perbaiki baris bermasalah di "
                  "berkas lalu unggah ulang."),
                (c("Rencana perubahan", BATCH), c("Baris bermasalah", BATCH)),
            ),
            Step(
                _("Tekan “Impor sekarang” untuk menerapkan perubahan. Berkas yang pernah diunggah tercatat di "
                  "“Unggahan terakhir”."),
                (c("Impor sekarang", BATCH), c("Unggahan terakhir", IO)),
            ),
        ),
        settings=("placement_basis", "shared_application"),
        related=("admin-organisasi", "admin-bkpsdm"),
        start="io:index",
    ),
)  # fmt: skip
