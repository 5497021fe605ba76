"""Plausible Indonesian names for a fictional region. Deterministic given a random.Random."""

MALE = ["Agus", "Ahmad", "Andi", "Arif", "Bambang", "Budi", "Dedi", "Dimas", "Eko", "Fajar", "Fauzi", "Gunawan", "Hadi", "Hendra", "Heru", "Ilham", "Imam", "Indra", "Joko", "Kurniawan", "Lukman", "Made", "Muhammad", "Nanang", "Nyoman", "Putu", "Rahmat", "Rizky", "Rudi", "Sigit", "Slamet", "Sugeng", "Surya", "Syahrul", "Taufik", "Teguh", "Wahyu", "Wayan", "Yusuf", "Zainal", "Abdul", "Arifin", "Hasan", "Iwan"]
FEMALE = ["Ani", "Ayu", "Dewi", "Diah", "Dian", "Eka", "Endang", "Fitri", "Gita", "Hana", "Indah", "Intan", "Kartika", "Lestari", "Lina", "Maya", "Mega", "Nur", "Nurul", "Putri", "Rani", "Ratna", "Rina", "Rini", "Sari", "Siti", "Sri", "Tri", "Wulan", "Yanti", "Yuni", "Yulia", "Zahra", "Aisyah", "Anisa", "Desi", "Evi", "Farida", "Ketut", "Komang", "Lilis", "Melati"]
FAMILY = ["Saputra", "Wijaya", "Pratama", "Hidayat", "Setiawan", "Nugroho", "Santoso", "Kusuma", "Siregar", "Nasution", "Harahap", "Lubis", "Simanjuntak", "Sitompul", "Tanjung", "Rahman", "Hakim", "Syahputra", "Ramadhan", "Firmansyah", "Susanto", "Gunadi", "Permana", "Wibowo", "Purnomo", "Utomo", "Hartono", "Suryadi", "Irawan", "Maulana", "Fauzan", "Rahmawati", "Handayani", "Kurniasih", "Anggraini", "Puspitasari", "Wulandari", "Safitri", "Lestari", "Marpaung", "Panjaitan", "Tambunan", "Daulay", "Effendi", "Syamsuddin", "Mappanyukki", "Lamba", "Rante", "Kalalo", "Tumbelaka", "Pane", "Batubara", "Sembiring", "Ginting"]
DEGREES = {
    "guru": ["S.Pd.", "S.Pd.", "S.Pd., M.Pd.", "S.Si."],
    "dokter": ["dr.", "dr.", "dr., Sp.PD", "dr., Sp.A"],
    "kesehatan": ["S.Kep., Ners", "A.Md.Kep.", "A.Md.Keb.", "S.Farm., Apt.", "S.K.M.", "A.Md.Gz."],
    "teknik": ["S.T.", "S.T., M.T.", "A.Md."],
    "it": ["S.Kom.", "S.Kom., M.Kom.", "A.Md.Kom.", "S.T."],
    "umum": ["S.E.", "S.Sos.", "S.H.", "S.I.P.", "S.AP.", "M.Si.", "S.E., M.M.", ""],
    "pelaksana": ["", "", "", "A.Md.", "S.E.", "S.Sos."],
}


def person(rng, gender: str) -> str:
    first = rng.choice(MALE if gender == "L" else FEMALE)
    if rng.random() < 0.35:
        return first
    middle = rng.choice(MALE if gender == "L" else FEMALE) if rng.random() < 0.2 else ""
    return " ".join(p for p in (first, middle, rng.choice(FAMILY)) if p)
