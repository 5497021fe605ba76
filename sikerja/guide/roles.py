"""Guides per role (PLT-7): what a person in this office does in SiKerja and where."""

from django.utils.translation import gettext_lazy as _

from .content import ROLE, Guide, Step, c

BASE = "web/base.html"
HOME = "web/home.html"
INBOX = "assignments/inbox.html"
DETAIL = "assignments/detail.html"
TABS = "organisation/kedudukan/_tabs.html"

ROLES = (
    Guide(
        slug="pegawai",
        kind=ROLE,
        title=_("Pejabat fungsional dan pelaksana"),
        purpose=_(
            "Melihat penugasan yang Anda terima beserta naskahnya, mengajukan diri secara sukarela, dan mengetahui "
            "kepada siapa Anda berkedudukan dan melapor."
        ),
        who=_("Setiap pejabat fungsional dan pelaksana yang memiliki akun SiKerja."),
        steps=(
            Step(
                _("Di beranda, “Menunggu tindakan Anda” memuat hal yang perlu Anda kerjakan; “Penugasan saya” dan "
                  "“Tim saya” memuat penugasan yang sedang berjalan."),
                (c("Menunggu tindakan Anda", HOME), c("Penugasan saya", HOME), c("Tim saya", HOME)),
            ),
            Step(
                _("Menu “Penugasan”, bagian “Penugasan yang Anda terima”: buka judulnya untuk rinciannya, atau nomor "
                  "naskahnya untuk PDF-nya."),
                (c("Penugasan", BASE), c("Penugasan yang Anda terima", INBOX)),
            ),
            Step(
                _("Untuk terlibat dalam kinerja unit lain, tekan “Pengajuan sukarela”."),
                (c("Pengajuan sukarela", INBOX),),
            ),
            Step(
                _("Ikon “Notifikasi” memberi tahu bila ada penugasan baru, keputusan, atau naskah yang terbit."),
                (c("Notifikasi", BASE),),
            ),
        ),
        settings=("placement_superiors", "individual_reports_to", "member_reports_to", "ketua_reports_to"),
        related=("pengajuan-sukarela", "notifikasi", "akun", "kedudukan"),
        start="penugasan:inbox",
    ),
    Guide(
        slug="pimpinan-unit",
        kind=ROLE,
        title=_("Pimpinan unit organisasi dan pejabat penilai kinerja (PPK)"),
        purpose=_(
            "Menugaskan pegawai untuk kinerja unit Anda, menjawab permohonan pelibatan pegawai unit Anda, "
            "menerbitkan naskah penugasan bila Anda penanda tangannya, dan memantau beban kerja pegawai yang Anda nilai."
        ),
        who=_("Pimpinan unit organisasi, pejabat penilai kinerja, dan Plh./Plt.-nya selama berlaku."),
        steps=(
            Step(
                _("Di beranda, “Menunggu tindakan Anda” memuat langkah yang menunggu keputusan Anda, yang terlama di "
                  "atas; “Pegawai yang Anda nilai” menampilkan beban kerja pegawai Anda minggu ini."),
                (c("Menunggu tindakan Anda", HOME), c("Pegawai yang Anda nilai", HOME)),
            ),
            Step(
                _("Untuk menugaskan, buka menu “Penugasan” dan tekan “Penunjukan baru”."),
                (c("Penugasan", BASE), c("Penunjukan baru", INBOX)),
            ),
            Step(
                _("Untuk memutus, buka penugasannya; di “Tindakan Anda” pilih “Setujui semua”, "
                  "“Setujui yang dicentang saja” atau “Tolak semua”, atau tekan “Terbitkan naskah” bila Anda penanda "
                  "tangannya."),
                (c("Tindakan Anda", DETAIL), c("Setujui semua", DETAIL), c("Setujui yang dicentang saja", DETAIL),
                 c("Tolak semua", DETAIL), c("Terbitkan naskah", DETAIL)),
            ),
            Step(
                _("Menu “Kedudukan”, tab “Pegawai yang saya nilai”: daftar pegawai yang Anda nilai, termasuk sebagai "
                  "Plh./Plt."),
                (c("Kedudukan", BASE), c("Pegawai yang saya nilai", TABS)),
            ),
        ),
        settings=(
            "individual_assignment_by", "letter_signer", "cross_unit_request_required", "rejection_requires_reason",
            "assessor_min_kind",
        ),
        related=("penunjukan", "jawaban-permohonan", "naskah", "ubah-cabut"),
        start="penugasan:inbox",
    ),
    Guide(
        slug="kepala-pd",
        kind=ROLE,
        title=_("Kepala perangkat daerah"),
        purpose=_(
            "Memutus penugasan lintas perangkat daerah, menandatangani naskah yang menjadi kewenangan Anda, "
            "mengubah atau mencabutnya, dan memeriksa kedudukan pegawai di perangkat daerah Anda."
        ),
        who=_("Kepala perangkat daerah dan Plh./Plt.-nya selama berlaku."),
        steps=(
            Step(
                _("Langkah yang menunggu Anda tampil di “Menunggu tindakan Anda” pada beranda dan menu “Penugasan”."),
                (c("Menunggu tindakan Anda", HOME), c("Penugasan", BASE)),
            ),
            Step(
                _("Pada penugasan yang sudah terbit, bagian “Ubah atau cabut penugasan” memungkinkan Anda mengakhiri "
                  "lebih awal, memperpanjang, atau mencabut naskahnya."),
                (c("Ubah atau cabut penugasan", DETAIL),),
            ),
            Step(
                _("Menu “Kedudukan”, tab “Laporan validasi”: pegawai di perangkat daerah Anda yang kedudukannya belum "
                  "sesuai peraturan daerah."),
                (c("Kedudukan", BASE), c("Laporan validasi", TABS)),
            ),
        ),
        settings=("letter_signer", "scopes", "team_formed_by", "team_instrument"),
        related=("jawaban-permohonan", "naskah", "ubah-cabut", "kedudukan"),
        start="penugasan:inbox",
    ),
    Guide(
        slug="sekda",
        kind=ROLE,
        title=_("Sekretaris Daerah"),
        purpose=_(
            "Melihat penugasan dan kedudukan pegawai se-daerah, memutus langkah yang menjadi kewenangan Anda, dan "
            "mencatat tim tetap tata kelola seperti tim SPBE."
        ),
        who=_("Sekretaris Daerah dan Plh./Plt.-nya. Akun ini wajib memakai verifikasi dua langkah."),
        steps=(
            Step(
                _("“Menunggu tindakan Anda” di beranda memuat langkah yang menunggu keputusan Anda."),
                (c("Menunggu tindakan Anda", HOME),),
            ),
            Step(
                _("Halaman “Tim tetap tata kelola”: tekan “Catat tim tetap” untuk mencatat tim yang ditetapkan dengan "
                  "keputusan."),
                (c("Tim tetap tata kelola", "assignments/standing/list.html"),
                 c("Catat tim tetap", "assignments/standing/list.html")),
            ),
            Step(
                _("Menu “Kedudukan”, tab “Laporan validasi”: kedudukan pegawai se-daerah yang belum sesuai."),
                (c("Kedudukan", BASE), c("Laporan validasi", TABS)),
            ),
        ),
        settings=("governance_teams", "spbe_coordinator", "letter_signer"),
        related=("tim-tetap", "jawaban-permohonan", "akun"),
        start="standing:list",
    ),
    Guide(
        slug="admin-bkpsdm",
        kind=ROLE,
        title=_("Admin BKPSDM"),
        purpose=_(
            "Mengelola akun dan peran pengguna di daerah Anda, menetapkan kedudukan dan pejabat penilai kinerja, "
            "serta mencatat Plh./Plt. dan pendelegasian kewenangan."
        ),
        who=_("Pengelola kepegawaian (BKPSDM). Akun ini wajib memakai verifikasi dua langkah."),
        steps=(
            Step(
                _("Di beranda, “Kerapian data” menampilkan pekerjaan data yang tertunda: pegawai tanpa PPK, "
                  "pendelegasian yang berakhir minggu ini, akun yang belum dibuat."),
                (c("Kerapian data", HOME),),
            ),
            Step(
                _("Menu “Kelola akun”: “Buat akun” atau “Buat semua” untuk pegawai tanpa akun; di halaman pengguna "
                  "“Berikan peran” dan “Atur ulang kata sandi”."),
                (c("Kelola akun", BASE), c("Buat akun", "accounts/admin_index.html"),
                 c("Buat semua", "accounts/admin_index.html"), c("Berikan peran", "accounts/admin_user.html"),
                 c("Atur ulang kata sandi", "accounts/admin_user.html")),
            ),
            Step(
                _("Menu “Kedudukan”: “Laporan validasi” untuk kedudukan yang belum sesuai, “Pendelegasian PPK” untuk "
                  "mencatat Plh./Plt."),
                (c("Kedudukan", BASE), c("Laporan validasi", TABS), c("Pendelegasian PPK", TABS)),
            ),
        ),
        settings=("placement_set_by", "assessor_min_kind", "assessor_delegation_allowed"),
        related=("akun", "kedudukan", "pendelegasian", "impor-ekspor"),
        start="accounts:admin",
    ),
    Guide(
        slug="admin-organisasi",
        kind=ROLE,
        title=_("Admin organisasi"),
        purpose=_(
            "Memelihara data organisasi (unit, jabatan, pegawai) melalui impor dan ekspor, mengatur kop surat dan "
            "templat naskah, mencabut naskah yang keliru, dan mencatat tim tetap tata kelola."
        ),
        who=_("Pengelola kelembagaan di Bagian Organisasi. Akun ini wajib memakai verifikasi dua langkah."),
        steps=(
            Step(
                _("Menu “Impor/Ekspor”: unduh data atau templatnya, unggah berkas, periksa pratinjaunya, lalu "
                  "“Impor sekarang”."),
                (c("Impor/Ekspor", BASE), c("Impor sekarang", "organisation/io/batch.html")),
            ),
            Step(
                _("Menu “Surat”: “Kop surat & templat” untuk kop surat dan templat naskah tiap perangkat daerah; "
                  "halaman sebuah naskah memuat “Cabut naskah”."),
                (c("Surat", BASE), c("Kop surat & templat", "letters/pages/list.html"),
                 c("Cabut naskah", "letters/pages/detail.html")),
            ),
            Step(
                _("Halaman “Tim tetap tata kelola”: “Catat tim tetap”."),
                (c("Tim tetap tata kelola", "assignments/standing/list.html"),
                 c("Catat tim tetap", "assignments/standing/list.html")),
            ),
        ),
        settings=("placement_basis", "shared_application", "governance_teams"),
        related=("impor-ekspor", "naskah", "tim-tetap"),
        start="io:index",
    ),
)  # fmt: skip
