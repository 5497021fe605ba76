"""The shape of the fictional Kabupaten: every unit type of ORG-1, laid out as in PPU Lampiran B.1.

Pure data and a pure planner: ``plan_region(n_employees)`` returns units with their leading
and other managerial positions and their staff positions with head counts, scaled so the
whole region holds about ``n_employees`` people.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sikerja.organisation.choices import JF_LEVEL_CATEGORY, UnitType

JPT, ADM, PGW, JF, PLK = "jpt_pratama", "administrator", "pengawas", "fungsional", "pelaksana"
KELAS = {JPT: 14, ADM: 12, PGW: 9, PLK: 6}
JF_KELAS = {
    "ahli_utama": 14, "ahli_madya": 12, "ahli_muda": 10, "ahli_pertama": 8,
    "penyelia": 8, "mahir": 7, "terampil": 6, "pemula": 5,
}  # fmt: skip


@dataclass
class Pos:
    name: str
    kind: str
    level: str = ""
    field: str = "umum"  # which degree list fits (names.DEGREES)

    @property
    def kelas(self) -> int:
        return JF_KELAS[self.level] if self.kind == JF else KELAS[self.kind]

    @property
    def category(self) -> str:
        return JF_LEVEL_CATEGORY[self.level] if self.level else ""


@dataclass
class UnitPlan:
    code: str
    name: str
    unit_type: str
    parent: str | None
    leader: Pos | None
    is_pd: bool = False
    is_mandiri: bool = False
    managers: list[Pos] = field(default_factory=list)  # non-leading PPK posts (Sekretaris Kelurahan, Kasi, ...)
    staff: list[tuple[Pos, int]] = field(default_factory=list)


def jf(name: str, level: str, fld: str = "umum") -> Pos:
    label = level.replace("_", " ").title()
    return Pos(f"{name} {label}", JF, level, fld)


def plk(name: str) -> Pos:
    return Pos(name, PLK, "", "pelaksana")


GENERIC_PELAKSANA = [plk("Pengadministrasi Perkantoran"), plk("Penata Layanan Operasional"), plk("Operator Layanan Operasional"), plk("Pengelola Layanan Operasional")]
KEUANGAN = [jf("Analis Keuangan Pusat dan Daerah", "ahli_pertama"), plk("Pengelola Keuangan"), plk("Bendahara")]
UMUM_KEPEGAWAIAN = [jf("Analis Sumber Daya Manusia Aparatur", "ahli_pertama"), jf("Arsiparis", "terampil"), plk("Pengadministrasi Perkantoran")]

# Dinas and badan with the JF that does their work: (code, name, type, [bidang], jf name, field)
DINAS = [
    ("DISDIK", "Dinas Pendidikan dan Kebudayaan", UnitType.DINAS, ["Pembinaan SD", "Pembinaan SMP", "Kebudayaan"], "Pengembang Teknologi Pembelajaran", "guru"),
    ("DINKES", "Dinas Kesehatan", UnitType.DINAS, ["Kesehatan Masyarakat", "Pencegahan dan Pengendalian Penyakit", "Pelayanan dan Sumber Daya Kesehatan"], "Epidemiolog Kesehatan", "kesehatan"),
    ("DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", UnitType.DINAS, ["Bina Marga", "Sumber Daya Air", "Cipta Karya dan Tata Ruang"], "Teknik Jalan dan Jembatan", "teknik"),
    ("DISKOMINFO", "Dinas Komunikasi, Informatika, Statistik dan Persandian", UnitType.DINAS, ["Aplikasi Informatika", "Informasi dan Komunikasi Publik", "Statistik dan Persandian"], "Pranata Komputer", "it"),
    ("DISTAN", "Dinas Pertanian dan Ketahanan Pangan", UnitType.DINAS, ["Tanaman Pangan", "Hortikultura dan Perkebunan", "Ketahanan Pangan"], "Penyuluh Pertanian", "umum"),
    ("DINSOS", "Dinas Sosial", UnitType.DINAS, ["Rehabilitasi Sosial", "Perlindungan dan Jaminan Sosial"], "Pekerja Sosial", "umum"),
    ("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", UnitType.DINAS, ["Pelayanan Pendaftaran Penduduk", "Pelayanan Pencatatan Sipil"], "Administrator Database Kependudukan", "it"),
    ("DLH", "Dinas Lingkungan Hidup", UnitType.DINAS, ["Tata Lingkungan", "Pengelolaan Sampah dan Limbah B3"], "Pengendali Dampak Lingkungan", "teknik"),
    ("DISHUB", "Dinas Perhubungan", UnitType.DINAS, ["Lalu Lintas dan Angkutan", "Sarana dan Prasarana"], "Penguji Kendaraan Bermotor", "teknik"),
    ("BAPPEDA", "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", UnitType.BADAN, ["Perencanaan Pemerintahan dan Pembangunan Manusia", "Perekonomian dan Infrastruktur", "Riset dan Inovasi"], "Perencana", "umum"),
    ("BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah", UnitType.BADAN, ["Anggaran", "Perbendaharaan", "Akuntansi dan Aset"], "Analis Keuangan Pusat dan Daerah", "umum"),
    ("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", UnitType.BADAN, ["Pengadaan dan Informasi Kepegawaian", "Mutasi dan Promosi", "Pengembangan Kompetensi"], "Analis Sumber Daya Manusia Aparatur", "umum"),
    ("BPBD", "Badan Penanggulangan Bencana Daerah", UnitType.BADAN, ["Pencegahan dan Kesiapsiagaan", "Kedaruratan dan Logistik"], "Analis Bencana", "umum"),
]
SETDA_ASISTEN = [
    ("Pemerintahan dan Kesejahteraan Rakyat", ["Pemerintahan", "Hukum", "Kesejahteraan Rakyat"]),
    ("Perekonomian dan Pembangunan", ["Perekonomian dan Sumber Daya Alam", "Administrasi Pembangunan", "Pengadaan Barang dan Jasa"]),
    ("Administrasi Umum", ["Organisasi", "Umum", "Protokol dan Komunikasi Pimpinan"]),
]
KECAMATAN = ["Sungai Jernih", "Batu Ampar", "Tanjung Harapan", "Muara Lestari", "Long Ikis", "Sepaku Baru", "Babulu Darat", "Waru Indah", "Petung Raya", "Gunung Seteleng", "Rintik", "Sotek", "Riko", "Buluminung", "Nenang", "Girimukti", "Sukaraja", "Api-api", "Maridan", "Semoi"]
KELURAHAN_SUFFIX = ["Ilir", "Ulu", "Tengah", "Baru"]


def _bidang(parent: str, code: str, name: str, jf_name: str, fld: str, seksi: int) -> list[UnitPlan]:
    units = [
        UnitPlan(
            code, f"Bidang {name}", UnitType.BIDANG, parent, Pos(f"Kepala Bidang {name}", ADM),
            staff=[(jf(jf_name, "ahli_muda", fld), 2), (jf(jf_name, "ahli_pertama", fld), 2), (jf(jf_name, "terampil", fld), 1), (GENERIC_PELAKSANA[0], 1)],
        )
    ]
    for i in range(seksi):
        s_name = ["Perencanaan dan Evaluasi", "Pelayanan", "Pembinaan dan Pengawasan"][i % 3]
        units.append(
            UnitPlan(
                f"{code}.S{i + 1}", f"Seksi {s_name} {name}", UnitType.SEKSI, code, Pos(f"Kepala Seksi {s_name}", PGW),
                staff=[(jf(jf_name, "ahli_pertama", fld), 1), (jf(jf_name, "mahir", fld), 1), (GENERIC_PELAKSANA[(i + 1) % 4], 2)],
            )
        )
    return units


def _sekretariat(parent: str, code: str, title: str = "Sekretariat") -> list[UnitPlan]:
    return [
        UnitPlan(code, title, UnitType.SEKRETARIAT, parent, Pos("Sekretaris", ADM), staff=[(jf("Perencana", "ahli_muda"), 1)]),
        UnitPlan(f"{code}.UK", "Sub Bagian Umum dan Kepegawaian", UnitType.SUBBAGIAN, code, Pos("Kepala Sub Bagian Umum dan Kepegawaian", PGW), staff=[(p, 1) for p in UMUM_KEPEGAWAIAN] + [(GENERIC_PELAKSANA[2], 2)]),
        UnitPlan(f"{code}.KEU", "Sub Bagian Keuangan", UnitType.SUBBAGIAN, code, Pos("Kepala Sub Bagian Keuangan", PGW), staff=[(p, 1) for p in KEUANGAN]),
    ]


def plan_region(n_employees: int = 5000, place: str = "Sungai Lestari") -> list[UnitPlan]:
    """Units of the region, parents before children. Counts grow with ``n_employees``."""
    units: list[UnitPlan] = []
    n_kec = max(3, min(len(KECAMATAN), n_employees // 600))
    n_sekolah = max(3, n_employees // 110)
    n_puskesmas = max(2, n_employees // 450)

    # Sekretariat Daerah (PPU Lamp B.1 a): Sekda → asisten → bagian → sub bagian.
    units.append(UnitPlan("SETDA", "Sekretariat Daerah", UnitType.SETDA, None, Pos("Sekretaris Daerah", JPT), is_pd=True, staff=[(jf("Analis Kebijakan", "ahli_madya"), 2)]))
    for a, (as_name, bagian) in enumerate(SETDA_ASISTEN, 1):
        acode = f"SETDA.AS{a}"
        units.append(UnitPlan(acode, f"Asisten {as_name}", UnitType.ASISTEN, "SETDA", Pos(f"Asisten {as_name}", JPT)))
        for b, bname in enumerate(bagian, 1):
            bcode = f"{acode}.B{b}"
            jf_name = "Pengelola Pengadaan Barang/Jasa" if "Pengadaan" in bname else ("Analis Hukum" if bname == "Hukum" else "Analis Kebijakan")
            units.append(UnitPlan(bcode, f"Bagian {bname}", UnitType.BAGIAN, acode, Pos(f"Kepala Bagian {bname}", ADM), staff=[(jf(jf_name, "ahli_muda"), 2), (jf(jf_name, "ahli_pertama"), 2), (GENERIC_PELAKSANA[b % 4], 2)]))
            if "Pengadaan" in bname or bname == "Umum":
                sub = "Pengelolaan Pengadaan Barang dan Jasa" if "Pengadaan" in bname else "Tata Usaha Pimpinan"
                units.append(UnitPlan(f"{bcode}.SB1", f"Sub Bagian {sub}", UnitType.SUBBAGIAN, bcode, Pos(f"Kepala Sub Bagian {sub}", PGW), staff=[(GENERIC_PELAKSANA[0], 3), (GENERIC_PELAKSANA[3], 2)]))

    # Sekretariat DPRD (b).
    units.append(UnitPlan("SETWAN", "Sekretariat DPRD", UnitType.SETWAN, None, Pos("Sekretaris DPRD", JPT), is_pd=True))
    for b, bname in enumerate(["Umum dan Keuangan", "Persidangan dan Perundang-undangan", "Fasilitasi Penganggaran dan Pengawasan"], 1):
        units.append(UnitPlan(f"SETWAN.B{b}", f"Bagian {bname}", UnitType.BAGIAN, "SETWAN", Pos(f"Kepala Bagian {bname}", ADM), staff=[(jf("Analis Legislatif", "ahli_muda"), 1), (jf("Analis Legislatif", "ahli_pertama"), 2), (GENERIC_PELAKSANA[1], 2)]))
    units.append(UnitPlan("SETWAN.B1.UM", "Sub Bagian Umum", UnitType.SUBBAGIAN, "SETWAN.B1", Pos("Kepala Sub Bagian Umum", PGW), staff=[(GENERIC_PELAKSANA[0], 3)]))

    # Inspektorat (c).
    units.append(UnitPlan("INSP", "Inspektorat Daerah", UnitType.INSPEKTORAT, None, Pos("Inspektur", JPT), is_pd=True, staff=[(jf("Auditor", "ahli_madya"), 2)]))
    units += _sekretariat("INSP", "INSP.SEK")[:2]
    for i, wil in enumerate(["I", "II", "III", "IV"], 1):
        units.append(UnitPlan(f"INSP.IRB{i}", f"Inspektur Pembantu Wilayah {wil}", UnitType.INSPEKTUR_PEMBANTU, "INSP", Pos(f"Inspektur Pembantu Wilayah {wil}", ADM), staff=[(jf("Auditor", "ahli_muda"), 2), (jf("Auditor", "ahli_pertama"), 2), (jf("Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah", "ahli_pertama"), 2), (jf("Auditor", "penyelia"), 1)]))

    # Dinas / badan (d), each with sekretariat and bidang.
    for code, name, utype, bidang, jf_name, fld in DINAS:
        head = "Kepala Badan" if utype == UnitType.BADAN else "Kepala Dinas"
        units.append(UnitPlan(code, name, utype, None, Pos(f"{head} {name.split(' ', 1)[1]}", JPT), is_pd=True, staff=[(jf(jf_name, "ahli_madya", fld), 1)]))
        units += _sekretariat(code, f"{code}.SEK")
        for i, bname in enumerate(bidang, 1):
            units += _bidang(code, f"{code}.BID{i}", bname, jf_name, fld, seksi=(i % 3))

    # Satuan Polisi Pamong Praja (d).
    units.append(UnitPlan("SATPOLPP", "Satuan Polisi Pamong Praja", UnitType.SATPOL_PP, None, Pos("Kepala Satuan Polisi Pamong Praja", JPT), is_pd=True))
    units += _sekretariat("SATPOLPP", "SATPOLPP.SEK")
    for i, bname in enumerate(["Penegakan Peraturan Daerah", "Ketertiban Umum dan Ketenteraman Masyarakat", "Perlindungan Masyarakat"], 1):
        units.append(UnitPlan(f"SATPOLPP.BID{i}", f"Bidang {bname}", UnitType.BIDANG, "SATPOLPP", Pos(f"Kepala Bidang {bname}", ADM), staff=[(jf("Polisi Pamong Praja", "ahli_muda"), 1), (jf("Polisi Pamong Praja", "ahli_pertama"), 2), (jf("Polisi Pamong Praja", "penyelia"), 2), (jf("Polisi Pamong Praja", "mahir"), 3), (jf("Polisi Pamong Praja", "terampil"), 4)]))

    # DPMPTSP (e): a JF from penyetaraan of an administrator acts as koordinator ketua tim.
    units.append(UnitPlan("DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", UnitType.DPMPTSP, None, Pos("Kepala Dinas Penanaman Modal dan PTSP", JPT), is_pd=True, staff=[(Pos("Penata Perizinan Ahli Madya (Koordinator Ketua Tim Kerja)", JF, "ahli_madya"), 2)]))
    # PPU Lamp B.1 e 3): the sekretaris (and kasubbag umum) assess the JF and pelaksana.
    dpm_sek, dpm_umum = _sekretariat("DPMPTSP", "DPMPTSP.SEK")[:2]
    dpm_sek.staff += [(jf("Penata Perizinan", "ahli_muda"), 3), (jf("Penata Perizinan", "ahli_pertama"), 3), (jf("Analis Kebijakan", "ahli_muda"), 1), (GENERIC_PELAKSANA[1], 2)]
    units += [dpm_sek, dpm_umum]

    # RSUD (g): led by an administrator, a UPT of the health office.
    units.append(UnitPlan("RSUD", "Rumah Sakit Umum Daerah Sungai Lestari", UnitType.RSUD, "DINKES", Pos("Direktur RSUD", ADM)))
    for i, (bname, jf_names) in enumerate([
        ("Bidang Pelayanan Medik", [("Dokter", "ahli_madya", "dokter", 4), ("Dokter", "ahli_muda", "dokter", 6), ("Dokter", "ahli_pertama", "dokter", 6)]),
        ("Bidang Keperawatan", [("Perawat", "ahli_muda", "kesehatan", 6), ("Perawat", "ahli_pertama", "kesehatan", 14), ("Perawat", "terampil", "kesehatan", 20), ("Bidan", "terampil", "kesehatan", 8)]),
        ("Bidang Penunjang", [("Apoteker", "ahli_pertama", "kesehatan", 3), ("Radiografer", "terampil", "kesehatan", 3), ("Pranata Laboratorium Kesehatan", "terampil", "kesehatan", 4)]),
        ("Bagian Umum dan Keuangan", [("Analis Keuangan Pusat dan Daerah", "ahli_pertama", "umum", 2)]),
    ], 1):
        bcode = f"RSUD.B{i}"
        units.append(UnitPlan(bcode, bname, UnitType.BIDANG if bname.startswith("Bidang") else UnitType.BAGIAN, "RSUD", Pos(f"Kepala {bname}", ADM), staff=[(jf(n, lv, f), c) for n, lv, f, c in jf_names[:1]] + [(GENERIC_PELAKSANA[0], 2)]))
        units.append(UnitPlan(f"{bcode}.S1", f"Seksi {bname.split(' ', 1)[1]}", UnitType.SEKSI, bcode, Pos(f"Kepala Seksi {bname.split(' ', 1)[1]}", PGW), staff=[(jf(n, lv, f), c) for n, lv, f, c in jf_names[1:]] + [(GENERIC_PELAKSANA[2], 3)]))

    # Puskesmas (j): a unit kerja mandiri led by a pejabat fungsional.
    for i in range(n_puskesmas):
        kec = KECAMATAN[i % len(KECAMATAN)]
        units.append(UnitPlan(f"PKM{i + 1:03d}", f"UPTD Puskesmas {kec}{'' if i < len(KECAMATAN) else ' ' + str(i // len(KECAMATAN) + 1)}", UnitType.PUSKESMAS, "DINKES", Pos("Kepala Puskesmas (Dokter Ahli Muda)", JF, "ahli_muda", "dokter"), is_mandiri=True, staff=[(jf("Dokter", "ahli_pertama", "dokter"), 2), (jf("Perawat", "ahli_pertama", "kesehatan"), 2), (jf("Perawat", "terampil", "kesehatan"), 4), (jf("Bidan", "terampil", "kesehatan"), 4), (jf("Nutrisionis", "terampil", "kesehatan"), 1), (jf("Sanitarian", "terampil", "kesehatan"), 1), (GENERIC_PELAKSANA[0], 2)]))

    # Sekolah (j): led by a guru as kepala sekolah.
    for i in range(n_sekolah):
        level = "SD" if i % 3 else "SMP"
        units.append(UnitPlan(f"SKL{i + 1:04d}", f"{level} Negeri {i // 3 + 1 if level == 'SMP' else i - i // 3} Sungai Lestari", UnitType.SEKOLAH, "DISDIK", Pos("Kepala Sekolah (Guru Ahli Madya)", JF, "ahli_madya", "guru"), is_mandiri=True, staff=[(jf("Guru", "ahli_muda", "guru"), 3), (jf("Guru", "ahli_pertama", "guru"), 5), (GENERIC_PELAKSANA[0], 1)]))

    # UPT tipe A (i.1) under DLH and DISHUB; tipe B under DISTAN.
    units.append(UnitPlan("DLH.UPT1", "UPTD Pengelolaan Sampah", UnitType.UPT_A, "DLH", Pos("Kepala UPTD Pengelolaan Sampah", PGW), managers=[Pos("Kepala Sub Bagian Tata Usaha", PGW)], staff=[(jf("Pengendali Dampak Lingkungan", "terampil", "teknik"), 2), (GENERIC_PELAKSANA[3], 8)]))
    units.append(UnitPlan("DISHUB.UPT1", "UPTD Pengujian Kendaraan Bermotor", UnitType.UPT_A, "DISHUB", Pos("Kepala UPTD Pengujian Kendaraan Bermotor", PGW), managers=[Pos("Kepala Sub Bagian Tata Usaha", PGW)], staff=[(jf("Penguji Kendaraan Bermotor", "terampil", "teknik"), 4), (GENERIC_PELAKSANA[2], 3)]))
    units.append(UnitPlan("DISTAN.UPT1", "UPTD Balai Benih", UnitType.UPT_B, "DISTAN", Pos("Kepala UPTD Balai Benih", PGW), staff=[(jf("Pengawas Benih Tanaman", "terampil"), 3), (GENERIC_PELAKSANA[3], 3)]))

    # Kecamatan (h) with kelurahan (i.2).
    for k in range(n_kec):
        kname = KECAMATAN[k]
        kcode = f"KEC{k + 1:02d}"
        units.append(UnitPlan(kcode, f"Kecamatan {kname}", UnitType.KECAMATAN, None, Pos(f"Camat {kname}", ADM), is_pd=True))
        units.append(UnitPlan(f"{kcode}.SEK", "Sekretariat Kecamatan", UnitType.SEKRETARIAT, kcode, Pos("Sekretaris Camat", ADM)))
        units.append(UnitPlan(f"{kcode}.SEK.UM", "Sub Bagian Umum dan Kepegawaian", UnitType.SUBBAGIAN, f"{kcode}.SEK", Pos("Kepala Sub Bagian Umum dan Kepegawaian", PGW), staff=[(GENERIC_PELAKSANA[0], 2), (jf("Arsiparis", "terampil"), 1)]))
        for s, sname in enumerate(["Pemerintahan", "Ekonomi dan Pembangunan", "Kesejahteraan Sosial"], 1):
            units.append(UnitPlan(f"{kcode}.S{s}", f"Seksi {sname}", UnitType.SEKSI, kcode, Pos(f"Kepala Seksi {sname}", PGW), staff=[(jf("Analis Kebijakan", "ahli_pertama"), 1), (GENERIC_PELAKSANA[s % 4], 2)]))
        for j, suf in enumerate(KELURAHAN_SUFFIX[: 2 + k % 2], 1):
            units.append(UnitPlan(f"{kcode}.KEL{j}", f"Kelurahan {kname} {suf}", UnitType.KELURAHAN, kcode, Pos(f"Lurah {kname} {suf}", PGW), managers=[Pos("Sekretaris Kelurahan", PGW), Pos("Kepala Seksi Pemerintahan", PGW), Pos("Kepala Seksi Pemberdayaan Masyarakat", PGW)], staff=[(GENERIC_PELAKSANA[(j + k) % 4], 4), (jf("Pranata Komputer", "terampil", "it"), 1)]))
    _follow_patterns(units)
    if place != "Sungai Lestari":
        for u in units:
            u.name = u.name.replace("Sungai Lestari", place)
    return units


# PPU Lamp B.1 a–c, e: in these perangkat daerah a pengawas assesses only pelaksana.
PENGAWAS_ASSESSES_ONLY_PELAKSANA = {UnitType.SETDA, UnitType.SETWAN, UnitType.INSPEKTORAT, UnitType.DPMPTSP}


def _follow_patterns(units: list[UnitPlan]) -> None:
    """Seat staff where every profile accepts their PPK.

    Pelaksana of an administrator's unit that has pengawas below it move to that pengawas
    (BU Ps 17(4), BT Ps 8(4)); JF of a pengawas' unit in Setda/Setwan/Inspektorat/DPMPTSP move
    up to the administrator (PPU Lamp B.1 a–c, e).
    """
    by_code = {u.code: u for u in units}
    children: dict[str, list[UnitPlan]] = {}
    for u in units:
        if u.parent:
            children.setdefault(u.parent, []).append(u)

    def pd_type(u: UnitPlan) -> str:
        while u.parent and not u.is_pd:
            u = by_code[u.parent]
        return u.unit_type

    for u in units:
        if u.leader and u.leader.kind == ADM:
            pgw_children = [c for c in children.get(u.code, []) if c.leader and c.leader.kind == PGW]
            if pgw_children:
                moving = [(p, c) for p, c in u.staff if p.kind == PLK]
                u.staff = [(p, c) for p, c in u.staff if p.kind != PLK]
                pgw_children[0].staff += moving
    for u in units:
        if u.leader and u.leader.kind == PGW and u.parent and pd_type(u) in PENGAWAS_ASSESSES_ONLY_PELAKSANA:
            parent = by_code[u.parent]
            if parent.leader and parent.leader.kind == ADM:
                parent.staff += [(p, c) for p, c in u.staff if p.kind == JF]
                u.staff = [(p, c) for p, c in u.staff if p.kind != JF]


def scale_staff(units: list[UnitPlan], n_employees: int) -> None:
    """Multiply staff head counts so leaders + managers + staff ≈ n_employees.

    Every unit keeps at least one person in its first staff position, so even a small demo
    region has someone to assess in each unit; the rest is spread proportionally.
    """
    fixed = sum((1 if u.leader else 0) + len(u.managers) + (1 if u.staff else 0) for u in units)
    base = sum(c for u in units for _, c in u.staff)
    factor = max(n_employees - fixed, 0) / base if base else 0
    carry = 0.0
    for u in units:
        scaled = []
        for i, (pos, count) in enumerate(u.staff):
            exact = count * factor + carry
            whole = int(exact)
            carry = exact - whole
            scaled.append((pos, whole + (1 if i == 0 else 0)))
        u.staff = scaled
