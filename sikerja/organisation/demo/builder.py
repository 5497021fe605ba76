"""Builds a demo region from the blueprint, in bulk, deterministically for a given seed."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from sikerja.accounts.models import Role, RoleAssignment
from sikerja.execution.demo import seed_execution
from sikerja.organisation.choices import KIND_RANK, CompetenceKind, EmploymentStatus, PositionKind
from sikerja.organisation.demo import names
from sikerja.organisation.demo.blueprint import JF, PLK, Pos, UnitPlan, plan_region, scale_staff
from sikerja.organisation.models import Competence, Delegation, Employee, EmployeeCompetence, Placement, Position, Unit
from sikerja.organisation.placement_checks import refresh as refresh_findings
from sikerja.organisation.rules.nip import PPPK_FIRST_YEAR, build_nip
from sikerja.performance.demo import seed_performance
from sikerja.processes.demo import link_demo_team, seed_processes
from sikerja.tenancy.models import Region, RegulationProfile
from sikerja.tenancy.services import sync_builtin_profiles

DEMO_PASSWORD = "sikerja-demo"
BATCH = 2000
PLACEMENT_BASIS = "800.1.3.3/{n:04d}/BKPSDM/2025"
PLACEMENT_DATE = dt.date(2025, 1, 2)

GOLONGAN_BY_POS = {
    "jpt_pratama": ["IV/c", "IV/d"],
    "administrator": ["IV/a", "IV/b"],
    "pengawas": ["III/c", "III/d"],
    "ahli_utama": ["IV/d", "IV/e"],
    "ahli_madya": ["IV/a", "IV/b", "IV/c"],
    "ahli_muda": ["III/c", "III/d"],
    "ahli_pertama": ["III/a", "III/b"],
    "penyelia": ["III/b", "III/c", "III/d"],
    "mahir": ["II/d", "III/a", "III/b"],
    "terampil": ["II/b", "II/c", "II/d"],
    "pemula": ["II/a"],
    "pelaksana": ["II/a", "II/b", "II/c", "II/d", "III/a", "III/b"],
}
PPPK_GOLONGAN_BY_FIELD = {"guru": "IX", "dokter": "XI", "kesehatan": "VII", "it": "IX", "teknik": "VII", "umum": "IX", "pelaksana": "V"}
COMPETENCES = {
    "guru": ["Pembelajaran Berdiferensiasi", "Asesmen Pembelajaran", "Kurikulum Merdeka", "Bimbingan Konseling"],
    "dokter": ["Pelayanan Klinis", "Kegawatdaruratan Medis", "Kesehatan Masyarakat"],
    "kesehatan": ["Asuhan Keperawatan", "Kesehatan Ibu dan Anak", "Gizi Masyarakat", "Surveilans Epidemiologi", "Kefarmasian"],
    "teknik": ["Perencanaan Teknis Jalan", "Pengawasan Konstruksi", "Analisis Dampak Lingkungan", "Sistem Informasi Geografis"],
    "it": ["Pengembangan Aplikasi", "Administrasi Basis Data", "Keamanan Informasi", "Analisis Data dan Statistik", "Jaringan Komputer"],
    "umum": ["Penyusunan Kebijakan", "Perencanaan dan Penganggaran", "Pengelolaan Keuangan Daerah", "Manajemen SDM Aparatur", "Audit dan Pengawasan", "Pengadaan Barang/Jasa", "Penyusunan Produk Hukum", "Pelayanan Publik", "Manajemen Proyek"],
    "pelaksana": ["Administrasi Perkantoran", "Kearsipan", "Pengolahan Data", "Pelayanan Publik"],
}


@dataclass
class _Person:
    unit_code: str
    pos: Pos
    pos_code: str
    role: str  # "leader", "manager", "staff"
    employee: Employee | None = None


def _min_assessor_rank(pos: Pos) -> int:
    """Lowest kind an assessor may hold for this position (BU Ps 17(3)-(4), BT Ps 8(3)-(4)).

    The demo region is built to satisfy the strictest profile so every profile's report on it
    starts clean.
    """
    if pos.kind == JF:
        if pos.level in ("ahli_utama", "ahli_madya"):
            return KIND_RANK[PositionKind.JPT_PRATAMA]
        if pos.level == "ahli_muda":
            return KIND_RANK[PositionKind.ADMINISTRATOR]
        return KIND_RANK[PositionKind.PENGAWAS]
    if pos.kind == PLK:
        return KIND_RANK[PositionKind.PENGAWAS]
    return KIND_RANK[pos.kind] + 1  # a manager answers to the next level up


class DemoBuilder:
    def __init__(self, *, n_employees: int, seed: int, region_slug: str, region_name: str, profile_key: str, province: str):
        self.seed = seed
        self.rng = random.Random(seed)
        self.n = n_employees
        self.region_slug = region_slug
        self.region_name = region_name
        self.profile_key = profile_key
        self.province = province
        self.used_nips: set[str] = set()

    # --- entry point ---------------------------------------------------------------
    @transaction.atomic
    def build(self) -> Region:
        sync_builtin_profiles()
        profile = RegulationProfile.objects.get(key=self.profile_key)
        region = Region.objects.create(
            slug=self.region_slug, name=self.region_name, province=self.province, profile=profile,
            capital="Sungai Lestari", address="Jl. Pangeran Antasari No. 1, Sungai Lestari",
        )
        plans = plan_region(self.n, place=self.region_name.split(" ", 1)[-1])
        scale_staff(plans, self.n)
        units = self._create_units(region, plans)
        people = self._create_positions_and_people(region, plans, units)
        self._create_competences(region, people)
        self._create_placements(region, plans, units, people)
        self._create_delegations(region, profile, plans, people)
        self.region = region
        self.units = units
        self.people = people
        return region

    # --- units ------------------------------------------------------------------------
    def _create_units(self, region, plans: list[UnitPlan]) -> dict[str, Unit]:
        units: dict[str, Unit] = {}
        by_code = {p.code: p for p in plans}

        def depth(p: UnitPlan) -> int:
            d = 0
            while p.parent:
                p = by_code[p.parent]
                d += 1
            return d

        def root(p: UnitPlan) -> str:
            while p.parent and not p.is_pd:
                p = by_code[p.parent]
            return p.code

        for level in sorted({depth(p) for p in plans}):
            batch = []
            for order, p in enumerate(plans):
                if depth(p) != level:
                    continue
                batch.append(
                    Unit(
                        region=region, name=p.name, code=p.code, unit_type=p.unit_type, order=order,
                        is_perangkat_daerah=p.is_pd, is_mandiri=p.is_mandiri,
                        parent=units[p.parent] if p.parent else None,
                        perangkat_daerah=None if p.is_pd else units.get(root(p)),
                    )
                )
            for u in Unit.objects.bulk_create(batch, batch_size=BATCH):
                units[u.code] = u
        pds = [u for u in units.values() if u.is_perangkat_daerah]
        for u in pds:
            u.perangkat_daerah = u
        Unit.objects.bulk_update(pds, ["perangkat_daerah"], batch_size=BATCH)
        return units

    # --- positions and employees ------------------------------------------------------
    def _create_positions_and_people(self, region, plans, units) -> list[_Person]:
        positions: list[Position] = []
        people: list[_Person] = []
        for p in plans:
            slots = [(p.leader, "leader", 1)] if p.leader else []
            slots += [(m, "manager", 1) for m in p.managers]
            slots += [(s, "staff", c) for s, c in p.staff]
            for i, (pos, role, count) in enumerate(slots, 1):
                code = f"{p.code}.J{i:02d}"
                vacancy = 0 if role != "staff" else self.rng.choice((0, 0, 1))
                positions.append(
                    Position(
                        region=region, unit=units[p.code], name=pos.name, code=code, kind=pos.kind,
                        jf_category=pos.category, jf_level=pos.level, kelas_jabatan=pos.kelas,
                        is_leader=(role == "leader"), required=count + vacancy,
                        workload_hours=self._workload(code, role),
                    )
                )
                people += [_Person(p.code, pos, code, role) for _ in range(count)]
        by_code = {pos.code: pos for pos in Position.objects.bulk_create(positions, batch_size=BATCH)}
        employees = [self._employee(region, person, units[person.unit_code], by_code[person.pos_code]) for person in people]
        Employee.objects.bulk_create(employees, batch_size=BATCH)
        for person, emp in zip(people, employees, strict=True):
            person.employee = emp
        return people

    def _workload(self, code: str, role: str) -> float:
        """Hours per week of the position's own duties (as an ABK would give), drawn from a
        generator of its own so the rest of the region stays as it was for a given seed."""
        low, high = {"leader": (30, 36), "manager": (28, 34)}.get(role, (18, 32))
        return random.Random(f"{self.seed}:{code}").randint(low * 2, high * 2) / 2

    def _employee(self, region, person: _Person, unit: Unit, position: Position) -> Employee:
        rng = self.rng
        pos = person.pos
        gender = rng.choice("LP")
        senior = pos.kind in ("jpt_pratama", "administrator") or pos.level in ("ahli_utama", "ahli_madya")
        birth = dt.date(rng.randint(1966, 1978) if senior else rng.randint(1968, 2000), rng.randint(1, 12), rng.randint(1, 28))
        earliest = birth.year + 21
        appointed = dt.date(rng.randint(earliest, max(earliest, 2024)), rng.choice((1, 3, 4)), 1)
        status = EmploymentStatus.PNS
        if person.role == "staff" and pos.level in ("ahli_pertama", "terampil", "") and rng.random() < 0.22:
            status = EmploymentStatus.PPPK
        golongan = PPPK_GOLONGAN_BY_FIELD[pos.field] if status == EmploymentStatus.PPPK else rng.choice(GOLONGAN_BY_POS[pos.level or pos.kind])
        pppk = status == EmploymentStatus.PPPK
        if pppk:
            # PPPK are appointed from 2019 on, and their NI PPPK carries the year and 21 (issue 9
            # item 13). Drawn from a generator of its own so the rest of the region stays as it was.
            own = random.Random(f"{self.seed}:pppk:{person.pos_code}:{birth}")
            appointed = dt.date(own.randint(max(PPPK_FIRST_YEAR, birth.year + 21), max(PPPK_FIRST_YEAR, 2024)), 1, 1)
        nip = self._nip(birth, appointed, gender, ni_pppk=pppk)
        degree_pool = names.DEGREES[pos.field]
        degree = rng.choice(degree_pool)
        front = "dr." if degree.startswith("dr.") else ""
        back = degree.removeprefix("dr.").strip(", ")
        return Employee(
            region=region, nip=nip, name=names.person(rng, gender), front_title=front, back_title=back,
            status=status, golongan=golongan, gender=gender, birth_date=birth, appointed_on=appointed,
            unit=unit, position=position,
            has_managerial_experience=pos.kind not in (JF, PLK) or (pos.level in ("ahli_madya", "ahli_muda") and rng.random() < 0.3),
        )

    def _nip(self, birth: dt.date, appointed: dt.date, gender: str, ni_pppk: bool = False) -> str:
        while True:
            nip = build_nip(
                birth_date=birth, appointed_on=appointed, gender=gender, serial=self.rng.randint(1, 999), ni_pppk=ni_pppk
            )
            if nip not in self.used_nips:
                self.used_nips.add(nip)
                return nip

    # --- competences ------------------------------------------------------------------
    def _create_competences(self, region, people: list[_Person]) -> None:
        comps = {}
        for fld, items in COMPETENCES.items():
            kind = CompetenceKind.KETERAMPILAN if fld in ("pelaksana", "it") else CompetenceKind.KEAHLIAN if fld in ("dokter", "teknik") else CompetenceKind.KOMPETENSI
            for name in items:
                comps.setdefault(name, Competence(region=region, name=name, kind=kind))
        Competence.objects.bulk_create(comps.values())
        links = []
        for person in people:
            pool = list(dict.fromkeys(COMPETENCES[person.pos.field] + (COMPETENCES["umum"] if person.pos.kind not in (JF, PLK) else [])))
            for name in self.rng.sample(pool, k=min(len(pool), self.rng.randint(1, 3))):
                links.append(EmployeeCompetence(employee=person.employee, competence=comps[name], level=self.rng.randint(1, 4)))
        EmployeeCompetence.objects.bulk_create(links, batch_size=BATCH)

    # --- placements (kedudukan) ---------------------------------------------------------
    def _create_placements(self, region, plans, units, people: list[_Person]) -> None:
        parent_of = {p.code: p.parent for p in plans}
        mandiri = {p.code for p in plans if p.is_mandiri}
        leader: dict[str, _Person] = {}
        managers: dict[str, list[_Person]] = {}
        for person in people:
            if person.role == "leader":
                leader[person.unit_code] = person
            elif person.role == "manager":
                managers.setdefault(person.unit_code, []).append(person)
        sekda = leader["SETDA"]
        turn: dict[str, int] = {}

        def rank(person: _Person) -> int:
            return KIND_RANK.get(person.pos.kind, 0)

        def assessor_for(person: _Person) -> _Person | None:
            need = _min_assessor_rank(person.pos)
            code = person.unit_code
            if person.role == "leader":
                code = parent_of[code]
            elif person.role == "manager":
                return leader[code]
            else:
                # PPU Lamp B.1 i: sekretaris kelurahan, kepala seksi, kasubbag TU assess the staff.
                pool = [m for m in managers.get(code, []) if rank(m) >= need]
                if pool:
                    turn[code] = turn.get(code, -1) + 1
                    return pool[turn[code] % len(pool)]
                if code in mandiri:  # KED-2: the head of a unit kerja mandiri supervises its staff
                    return leader[code]
            while code:
                head = leader.get(code)
                if head and head is not person and rank(head) >= need:
                    return head
                code = parent_of[code]
            return sekda if person is not sekda else None

        placements = []
        for n, person in enumerate(people, 1):
            boss = assessor_for(person)
            if boss is None:
                continue
            placements.append(
                Placement(
                    region=region, employee=person.employee, assessor=boss.employee, unit=units[person.unit_code],
                    basis_number=PLACEMENT_BASIS.format(n=n), basis_date=PLACEMENT_DATE, effective_from=PLACEMENT_DATE,
                )
            )
        Placement.objects.bulk_create(placements, batch_size=BATCH)

    # --- delegations -----------------------------------------------------------------
    def _create_delegations(self, region, profile, plans, people: list[_Person]) -> None:
        """Where a profile does not let a JF head of a unit kerja mandiri be PPK by office
        (MU/BU/BT Ps 1), the region delegates the authority to them, as such a region must."""
        settings = profile.settings
        if settings.get("mandiri_head_may_be_assessor", {}).get("value") or not settings.get(
            "assessor_delegation_allowed", {}
        ).get("value"):
            return
        leader = {p.unit_code: p.employee for p in people if p.role == "leader"}
        by_code = {p.code: p for p in plans}
        delegations = []
        for n, plan in enumerate((p for p in plans if p.is_mandiri), 1):
            pd = plan
            while pd.parent and not pd.is_pd:
                pd = by_code[pd.parent]
            delegations.append(
                Delegation(
                    region=region, kind=Delegation.Kind.AUTHORITY, delegator=leader[pd.code], delegate=leader[plan.code],
                    starts_on=PLACEMENT_DATE, ends_on=dt.date(2029, 12, 31), basis_number=f"800.1.3.4/{n:04d}/BKPSDM/2025",
                    basis_date=PLACEMENT_DATE, reason="Kepala unit kerja mandiri sebagai pejabat penilai kinerja stafnya.",
                )
            )
        Delegation.objects.bulk_create(delegations, batch_size=BATCH)

    # --- demo logins ------------------------------------------------------------------
    def create_demo_users(self, prefix: str = "") -> list[tuple[str, str]]:
        """Logins that show each role; returns (username, description)."""
        by_unit_leader = {p.unit_code: p.employee for p in self.people if p.role == "leader"}
        first_staff = {}
        for p in self.people:
            if p.role == "staff":
                first_staff.setdefault(p.unit_code, p.employee)
        units = self.units
        spec = [
            ("admin.bkpsdm", "Admin BKPSDM (se-daerah)", first_staff["BKPSDM.BID1"], [(Role.ADMIN_BKPSDM, None)]),
            ("admin.organisasi", "Admin Bagian Organisasi (se-daerah)", first_staff["SETDA.AS3.B1"], [(Role.ADMIN_ORGANISASI, None)]),
            ("sekda", "Sekretaris Daerah", by_unit_leader["SETDA"], [(Role.SEKDA, None)]),
            ("kadis.kominfo", "Kepala Dinas Kominfo (kepala PD)", by_unit_leader["DISKOMINFO"], [(Role.KEPALA_PD, units["DISKOMINFO"])]),
            ("kabid.aptika", "Kepala Bidang Aplikasi Informatika (pimpinan unit, PPK)", by_unit_leader["DISKOMINFO.BID1"], [(Role.PIMPINAN_UNIT, units["DISKOMINFO.BID1"]), (Role.PPK, units["DISKOMINFO.BID1"])]),
            ("pegawai.kominfo", "Pranata Komputer di Bidang Aplikasi Informatika", first_staff["DISKOMINFO.BID1"], [(Role.PEGAWAI, None)]),
            ("kabid.ikp", "Kepala Bidang Informasi dan Komunikasi Publik (pimpinan unit lain di Kominfo)", by_unit_leader["DISKOMINFO.BID2"], [(Role.PIMPINAN_UNIT, units["DISKOMINFO.BID2"]), (Role.PPK, units["DISKOMINFO.BID2"])]),
            ("pegawai.ikp", "Pegawai di Bidang Informasi dan Komunikasi Publik", first_staff["DISKOMINFO.BID2"], [(Role.PEGAWAI, None)]),
            ("kaban.bappeda", "Kepala Bappeda (kepala perangkat daerah lain)", by_unit_leader["BAPPEDA"], [(Role.KEPALA_PD, units["BAPPEDA"])]),
            ("kabid.riset", "Kepala Bidang Riset dan Inovasi, Bappeda (pimpinan unit di PD lain)", by_unit_leader["BAPPEDA.BID3"], [(Role.PIMPINAN_UNIT, units["BAPPEDA.BID3"]), (Role.PPK, units["BAPPEDA.BID3"])]),
            ("pegawai.bappeda", "Perencana di Bidang Riset dan Inovasi, Bappeda", first_staff["BAPPEDA.BID3"], [(Role.PEGAWAI, None)]),
        ]
        User = get_user_model()
        out = []
        demo_hash = make_password(DEMO_PASSWORD)  # one PBKDF2 run for all demo logins (issue 15 item 6)
        for username, description, employee, roles in spec:
            username = f"{prefix}.{username}" if prefix else username
            user = User.objects.create(username=username, password=demo_hash, first_name=employee.name[:150])
            employee.user = user
            employee.save(update_fields=["user"])
            for role, unit in roles:
                RoleAssignment.objects.create(user=user, region=self.region, role=role, unit=unit)
            out.append((username, description))
        return out


def build_demo_region(*, n_employees=5000, seed=20240601, slug="sungai-lestari", name="Kabupaten Sungai Lestari", profile="penajam-paser-utara", province="Kalimantan Timur", with_users=True, user_prefix="", with_execution=False):
    builder = DemoBuilder(n_employees=n_employees, seed=seed, region_slug=slug, region_name=name, profile_key=profile, province=province)
    with transaction.atomic():
        region = builder.build()
        seed_processes(region)  # proses bisnis and SOP AP (issue 14)
        logins = builder.create_demo_users(user_prefix) if with_users else []
        logins += seed_execution(region, user_prefix) if with_users and with_execution else []
        link_demo_team(region)  # a team names the process it runs (issue 14 item 7)
        seed_performance(region)  # kinerja (issue 13): SKPs, evidence, one finished quarter
        refresh_findings(region)  # the stored kedudukan findings of the new region (issue 15 item 1)
    return region, logins, builder
