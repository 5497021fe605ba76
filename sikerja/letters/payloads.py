"""Typed payloads of each document kind (dataclasses), stored as JSON in ``Document.payload``.

The persons in a payload are a snapshot (name, NIP, pangkat, jabatan at the time of issuing):
a letter keeps saying what it said when it was signed, whatever later happens to the data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field, fields

from sikerja.letters.models import DocumentKind
from sikerja.letters.rules import capacity_prefix, signer_title
from sikerja.organisation.rules.golongan import pangkat_label

ASSIGNMENT_KINDS = (DocumentKind.SURAT_PERINTAH, DocumentKind.SURAT_TUGAS, DocumentKind.SURAT_PENUGASAN)
NOTA_KINDS = (DocumentKind.NOTA_DINAS_PERMOHONAN, DocumentKind.NOTA_DINAS_JAWABAN)
MAX_ITEMS = 200
MAX_TEXT = 2000


def number_label(status: str) -> str:
    """A PPPK's number is the NI PPPK, a PNS's the NIP (issue 10 item 4)."""
    return "NI PPPK" if status == "pppk" else "NIP"


@dataclass
class Person:
    """``unit`` is the unit kerja, or the agency (instansi) of an external member; ``role`` the
    place in a team (Ketua, Sekretaris, Anggota), empty for an individual assignment."""

    name: str
    nip: str = ""
    pangkat: str = ""
    jabatan: str = ""
    unit: str = ""
    employee_id: int | None = None
    status: str = ""  # pns / pppk: which number the letter prints
    role: str = ""
    external: bool = False

    @property
    def nip_label(self) -> str:
        return number_label(self.status)


@dataclass
class Signer:
    """Who signs; ``title`` is the position line with Plh./Plt. when signing on behalf, and
    ``position`` the position of the official signed for (on_behalf_of) in that case."""

    name: str
    nip: str
    pangkat: str
    position: str
    capacity: str = "definitif"
    employee_id: int | None = None
    on_behalf_of_id: int | None = None
    status: str = ""

    @property
    def nip_label(self) -> str:
        return number_label(self.status)

    @property
    def prefix(self) -> str:
        return capacity_prefix(self.capacity).strip()

    @property
    def title(self) -> str:
        return signer_title(self.capacity, self.position)


@dataclass
class TeamMember:
    role: str  # Ketua, Sekretaris, Anggota
    person: Person


@dataclass
class _Common:
    subject: str = ""
    place: str = ""
    date: dt.date | None = None
    signer: Signer | None = None
    # Tembusan: offices that receive a copy; any letter may carry it (the nota dinas prints it in
    # its head, the others under the signature, as tata naskah dinas does).
    tembusan: list[str] = field(default_factory=list)


@dataclass
class AssignmentPayload(_Common):
    """Surat perintah / surat tugas / surat penugasan."""

    dasar: list[str] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    untuk: list[str] = field(default_factory=list)


@dataclass
class KeputusanPayload(_Common):
    """Keputusan: ``subject`` is the TENTANG line; dictums are numbered KESATU, KEDUA, ..."""

    official: str = ""  # e.g. "KEPALA DINAS KOMUNIKASI DAN INFORMATIKA"
    menimbang: list[str] = field(default_factory=list)
    mengingat: list[str] = field(default_factory=list)
    # Memperhatikan: documents that are not legal instruments (the nota dinas that asked and
    # answered), kept apart from Mengingat as tata naskah dinas does; optional.
    memperhatikan: list[str] = field(default_factory=list)
    dictums: list[str] = field(default_factory=list)
    team: list[TeamMember] = field(default_factory=list)


@dataclass
class NotaDinasPayload(_Common):
    """Nota dinas requesting involvement, or the written answer to one; ``subject`` is Hal."""

    kepada: str = ""
    dari: str = ""
    sifat: str = "Biasa"
    lampiran: str = "-"
    body: list[str] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    reference: str = ""  # nomor nota dinas yang dijawab
    reference_date: dt.date | None = None
    reference_subject: str = ""
    closing: str = ""  # empty: the usual "Demikian disampaikan, ..."


@dataclass
class TargetRow:
    """One row of the perjanjian kinerja's table: sasaran, indikator kinerja, target."""

    sasaran: str
    indikator: str
    target: str


@dataclass
class PerjanjianKinerjaPayload(_Common):
    """Perjanjian kinerja (PermenPANRB 53/2014): the signer is pihak pertama (the unit leader,
    or their Plh/Plt); ``pihak_kedua`` is their superior, or empty with ``pihak_kedua_title``
    only when the superior is the kepala daerah, who signs outside the system."""

    year: int = 0
    unit: str = ""
    dasar: list[str] = field(default_factory=list)
    pihak_kedua: Person | None = None
    pihak_kedua_title: str = ""
    targets: list[TargetRow] = field(default_factory=list)


PAYLOAD_CLASS = {
    **{k.value: AssignmentPayload for k in ASSIGNMENT_KINDS},
    DocumentKind.KEPUTUSAN.value: KeputusanPayload,
    **{k.value: NotaDinasPayload for k in NOTA_KINDS},
    DocumentKind.PERJANJIAN_KINERJA.value: PerjanjianKinerjaPayload,
}


class PayloadError(ValueError):
    """Invalid payload; ``messages`` are Indonesian, one per problem."""

    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages


def person_from_employee(employee, *, unit_name: str | None = None) -> Person:
    position = getattr(employee, "position", None)
    unit = getattr(employee, "unit", None)
    return Person(
        name=employee.full_name,
        nip=employee.nip,
        pangkat=pangkat_label(employee.status, employee.golongan),
        jabatan=position.name if position else "Pelaksana",
        unit=unit_name if unit_name is not None else (unit.name if unit else ""),
        employee_id=employee.pk,
        status=employee.status,
    )


def to_dict(payload) -> dict:
    data = asdict(payload)
    for key in ("date", "reference_date"):
        if data.get(key):
            data[key] = data[key].isoformat()
    return data


def _person(data: dict) -> Person:
    return Person(**{f.name: data.get(f.name, f.default) for f in fields(Person)})


def from_dict(kind: str, data: dict):
    """The typed payload of a stored or submitted dict; unknown keys are ignored."""
    cls = PAYLOAD_CLASS.get(kind)
    if cls is None:
        raise PayloadError([f"Jenis naskah '{kind}' tidak dikenal."])
    if not isinstance(data, dict):
        raise PayloadError(["Isi naskah harus berupa objek."])
    names = {f.name for f in fields(cls)}
    values = {k: v for k, v in data.items() if k in names}
    try:
        for key in ("date", "reference_date"):
            if isinstance(values.get(key), str):
                values[key] = dt.date.fromisoformat(values[key]) if values[key] else None
        if isinstance(values.get("signer"), dict):
            values["signer"] = Signer(**values["signer"])
        if "persons" in values:
            values["persons"] = [_person(p) for p in values["persons"]]
        if "team" in values:
            values["team"] = [TeamMember(role=m["role"], person=_person(m["person"])) for m in values["team"]]
        if isinstance(values.get("pihak_kedua"), dict):
            values["pihak_kedua"] = _person(values["pihak_kedua"])
        if "targets" in values:
            values["targets"] = [TargetRow(sasaran=t["sasaran"], indikator=t["indikator"], target=t["target"])
                                 for t in values["targets"]]
        return cls(**values)
    except (TypeError, ValueError, KeyError) as exc:
        raise PayloadError([f"Isi naskah tidak valid: {exc}"]) from exc


def _texts(label: str, items, *, required: bool) -> list[str]:
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        return [f"{label} harus berupa daftar teks."]
    errors = []
    cleaned = [i for i in items if i.strip()]
    if required and not cleaned:
        errors.append(f"{label} wajib diisi paling sedikit satu butir.")
    if len(items) > MAX_ITEMS:
        errors.append(f"{label} paling banyak {MAX_ITEMS} butir.")
    if any(len(i) > MAX_TEXT for i in items):
        errors.append(f"Setiap butir {label} paling panjang {MAX_TEXT} karakter.")
    return errors


def payload_errors(kind: str, payload) -> list[str]:
    """What is missing or wrong, in Indonesian; empty when the payload can be issued."""
    errors: list[str] = []
    if not isinstance(payload, PAYLOAD_CLASS.get(kind, ())):
        return [f"Isi naskah tidak sesuai dengan jenis '{kind}'."]
    if not (payload.subject or "").strip():
        errors.append("Perihal/tentang wajib diisi.")
    elif len(payload.subject) > 500:
        errors.append("Perihal/tentang paling panjang 500 karakter.")
    if len(payload.place or "") > 100:
        errors.append("Tempat paling panjang 100 karakter.")
    if isinstance(payload, AssignmentPayload):
        errors += _texts("Dasar", payload.dasar, required=True)
        errors += _texts("Untuk", payload.untuk, required=True)
        if not payload.persons:
            errors.append("Paling sedikit satu pegawai yang diperintahkan.")
    elif isinstance(payload, KeputusanPayload):
        errors += _texts("Menimbang", payload.menimbang, required=True)
        errors += _texts("Mengingat", payload.mengingat, required=True)
        errors += _texts("Memperhatikan", payload.memperhatikan, required=False)
        errors += _texts("Diktum", payload.dictums, required=True)
        if len(payload.dictums) > 20:
            errors.append("Diktum paling banyak 20 (KESATU sampai KEDUA PULUH).")
    elif isinstance(payload, NotaDinasPayload):
        if not payload.kepada.strip():
            errors.append("Kepada (Yth.) wajib diisi.")
        errors += _texts("Isi nota dinas", payload.body, required=True)
        if len(payload.closing or "") > MAX_TEXT:
            errors.append(f"Penutup paling panjang {MAX_TEXT} karakter.")
    elif isinstance(payload, PerjanjianKinerjaPayload):
        errors += _texts("Dasar", payload.dasar, required=True)
        if not payload.targets:
            errors.append("Perjanjian kinerja memuat paling sedikit satu target.")
        if len(payload.targets) > MAX_ITEMS:
            errors.append(f"Paling banyak {MAX_ITEMS} target dalam satu perjanjian kinerja.")
        if not (payload.pihak_kedua or payload.pihak_kedua_title.strip()):
            errors.append("Pihak kedua (atasan pihak pertama) wajib disebut.")
        if not isinstance(payload.year, int) or not 2000 <= payload.year <= 2100:
            errors.append("Tahun perjanjian kinerja tidak valid.")
    errors += _texts("Tembusan", payload.tembusan, required=False)
    persons = list(getattr(payload, "persons", [])) + [m.person for m in getattr(payload, "team", [])]
    if len(persons) > MAX_ITEMS:
        errors.append(f"Paling banyak {MAX_ITEMS} orang dalam satu naskah.")
    return errors


def party_ids(payload) -> set[int]:
    """Employees named in the letter (for read permissions)."""
    ids = {p.employee_id for p in getattr(payload, "persons", [])}
    ids |= {m.person.employee_id for m in getattr(payload, "team", [])}
    if getattr(payload, "pihak_kedua", None) is not None:
        ids.add(payload.pihak_kedua.employee_id)
    if payload.signer:
        ids |= {payload.signer.employee_id, payload.signer.on_behalf_of_id}
    return {i for i in ids if i}
