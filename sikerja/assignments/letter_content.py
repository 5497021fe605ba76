"""Wording of the letters of penugasan: the surat perintah / surat tugas / keputusan that assigns,
and the nota dinas that ask for and answer an involvement. Builds payloads only; issuing them
(numbering, signer, capacity) is the transitions' work through ``sikerja.letters``."""

from __future__ import annotations

from sikerja.assignments import officials, rules
from sikerja.assignments.models import Assignment, Member, Mode, Step
from sikerja.i18n import in_indonesian
from sikerja.letters.citations import assignment_basis
from sikerja.letters.models import DocumentKind
from sikerja.letters.payloads import (
    AssignmentPayload,
    KeputusanPayload,
    NotaDinasPayload,
    Person,
    TeamMember,
    person_from_employee,
)
from sikerja.letters.rules import date_id
from sikerja.organisation.models import Employee


@in_indonesian
def period_words(a: Assignment) -> str:
    """Dates in words, as tata naskah dinas writes them: "2 Desember 2026 s.d. 31 Maret 2027"."""
    return f"{date_id(a.starts_on)} s.d. {date_id(a.ends_on)}"


def hours_words(hours) -> str:
    """"8 jam", "7,5 jam" (never "8.0 jam")."""
    text = f"{hours:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{text} jam"


@in_indonesian
def basis(a: Assignment) -> list[str]:
    """Dasar: the regulation by its title and the nota dinas that asked and answered, by number
    and date (issue 10 item 3). The explanations in ``a.decisions`` stay on screen."""
    regulations, memos = assignment_basis(a)
    return regulations + memos


def person(m: Member, *, with_role: bool = False) -> Person:
    """The member as the letter names them; in a team with their place in it (ketua,
    sekretaris, anggota), and an external member with their agency."""
    role = m.get_role_display() if with_role else ""
    if m.employee_id:
        p = person_from_employee(m.employee)
        p.role = role
        return p
    return Person(
        name=m.external_name, nip=m.external_nip, jabatan=m.external_position, unit=m.external_org, role=role, external=True
    )


@in_indonesian
def reporting_words(report, *, team: bool) -> str:
    """To whom the assignee reports, in the letter's words; the article stays on screen and in
    Dasar (naskah dinas cite law only in Dasar)."""
    who = "Ketua tim melaporkan" if team else "Melaporkan"
    return f"{who} pelaksanaan tugas kepada {rules.common.words(report.roles, 'dan/atau')}."


@in_indonesian
def letter_payload(a: Assignment, approved: list[Member], kind: str):
    profile = officials.profile_of(a.region)
    report = rules.ketua_reports_to(profile) if a.is_team else rules.individual_reports_to(profile)
    if kind == DocumentKind.KEPUTUSAN:
        regulations, memos = assignment_basis(a)
        return KeputusanPayload(
            subject=f"Pembentukan Tim Kerja {a.title}",
            menimbang=[
                f"bahwa untuk mencapai {a.target} perlu dibentuk tim kerja {a.title}",
                "bahwa berdasarkan pertimbangan tersebut perlu menetapkan keputusan tentang pembentukan tim kerja",
            ],
            mengingat=regulations,
            memperhatikan=memos,
            dictums=[
                f"Membentuk Tim Kerja {a.title} dengan susunan keanggotaan sebagaimana tercantum dalam Lampiran "
                f"yang merupakan bagian tidak terpisahkan dari Keputusan ini.",
                f"Tim Kerja bertugas: {a.purpose}; dengan ekspektasi/target kinerja: {a.target}.",
                f"Tim Kerja melaksanakan tugas dalam jangka waktu {period_words(a)}"
                + (f"; {a.other_arrangements}" if a.other_arrangements else "")
                + ".",
                f"Ketua Tim Kerja melaporkan pelaksanaan tugas kepada {rules.common.words(report.roles, 'dan/atau')}.",
                *recording_words(a),
                "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
            ],
            team=[TeamMember(role=m.get_role_display(), person=person(m)) for m in ketua_first(approved)],
        )
    if a.mode == Mode.PENGAJUAN_SUKARELA:
        # The applicant's own sentence ("Saya ingin membantu ...") belongs to the surat
        # permohonan cited in Dasar; the surat penugasan names the receiving unit and the work.
        untuk = [f"Melaksanakan tugas pada {a.owning_unit.name} dalam kegiatan {a.title}"]
    else:
        untuk = [f"{a.title}: {a.purpose}"]
    untuk += [
        f"Ekspektasi/target kinerja: {a.target}",
        f"Jangka waktu: {period_words(a)}, dengan alokasi waktu {hours_words(a.hours_per_week)} per minggu",
    ]
    if a.is_team:
        ketua = next(m for m in approved if m.role == Member.Role.KETUA)
        untuk.append(f"Ketua tim: {ketua.display_name}; susunan tim sebagaimana tercantum dalam daftar nama.")
    if a.other_arrangements:
        untuk.append(f"Pengaturan lainnya: {a.other_arrangements}")
    untuk.append(reporting_words(report, team=a.is_team))
    untuk.extend(recording_words(a))
    untuk.append("Melaksanakan tugas ini dengan penuh tanggung jawab.")
    return AssignmentPayload(
        subject=a.title, dasar=basis(a), persons=[person(m, with_role=a.is_team) for m in ketua_first(approved)],
        untuk=untuk,
    )


@in_indonesian
def recording_words(a: Assignment) -> list[str]:
    """A letter entered after its period began says so, and why (issue 9 item 4)."""
    if not a.recording_reason:
        return []
    return [f"Naskah ini mencatat penugasan yang telah berjalan sejak {date_id(a.starts_on)}; alasan: {a.recording_reason}."]


@in_indonesian
def amendment_payload(a: Assignment, *, kind: str, letter_kind: str, new_ends_on, reason: str, approved: list[Member]):
    """The letter that ends an issued assignment early or extends it; it names the first letter
    (its number and date) as its basis, so the two are read together."""
    first = a.letter
    reference = f"{first.get_kind_display()} Nomor {first.number} tanggal {date_id(first.date)} tentang {a.title}"
    ending = kind == "diakhiri"
    change = (
        f"Mengakhiri penugasan {a.title} sebagaimana dimaksud dalam {reference} pada tanggal {date_id(new_ends_on)}."
        if ending
        else f"Memperpanjang jangka waktu penugasan {a.title} sebagaimana dimaksud dalam {reference} sampai dengan "
        f"tanggal {date_id(new_ends_on)}."
    )
    subject = f"{'Pengakhiran' if ending else 'Perpanjangan'} Penugasan {a.title}"
    if letter_kind == DocumentKind.KEPUTUSAN:
        return KeputusanPayload(
            subject=subject,
            menimbang=[f"bahwa {reason}", f"bahwa perlu mengubah {reference}"],
            mengingat=[*basis(a), reference],
            dictums=[change, "Ketentuan lain dalam Keputusan tersebut tetap berlaku.",
                     "Keputusan ini mulai berlaku pada tanggal ditetapkan."],  # fmt: skip
            team=[TeamMember(role=m.get_role_display(), person=person(m)) for m in ketua_first(approved)],
        )
    return AssignmentPayload(
        subject=subject,
        dasar=[*basis(a), reference],
        persons=[person(m, with_role=a.is_team) for m in ketua_first(approved)],
        untuk=[change, f"Alasan: {reason}", "Ketentuan lain dalam naskah penugasan tersebut tetap berlaku."],
    )


def ketua_first(members: list[Member]) -> list[Member]:
    rank = {Member.Role.KETUA: 0, Member.Role.SEKRETARIS: 1, Member.Role.ANGGOTA: 2}
    return sorted(members, key=lambda m: (rank.get(m.role, 3), m.pk))


@in_indonesian
def request_memo(a: Assignment, *, sender: Employee, leader: Employee, group: list[Member]) -> NotaDinasPayload:
    """The nota dinas permohonan pelibatan to a home leader: what the request must say (PEN-6)."""
    return NotaDinasPayload(
        subject=f"Permohonan pelibatan dalam {a.title}",
        kepada=f"{leader.position.name if leader.position_id else leader.full_name}",
        dari=sender.position.name if sender.position_id else sender.full_name,
        body=[
            f"Dalam rangka {a.title}, kami mohon pelibatan pegawai berikut.",
            f"Maksud dan tujuan: {a.purpose}",
            f"Kompetensi yang dibutuhkan: {', '.join(a.competences) or '-'}",
            f"Ekspektasi/target kinerja: {a.target}",
            f"Durasi: {period_words(a)} ({hours_words(a.hours_per_week)} per minggu)",
        ],
        persons=[person(m, with_role=a.is_team) for m in group],
    )


def answer_memo(a: Assignment, step: Step, *, holder: Employee, approved, rejected, reason: str) -> NotaDinasPayload:
    """The nota dinas jawaban of a home leader to the initiator."""
    asked = step.request_document if step.request_document_id else None
    body = [f"Menjawab permohonan pelibatan dalam {a.title}:"]
    if approved:
        body.append("Disetujui: " + ", ".join(m.display_name for m in approved) + ".")
    if rejected:
        body.append("Tidak disetujui: " + ", ".join(m.display_name for m in rejected) + ".")
    if reason:
        # The approver's note, whether it explains a refusal or accompanies an approval.
        body.append(f"{'Alasan' if rejected else 'Catatan'}: {reason}")
    if step.article:
        body.append(f"Hal ini sesuai dengan ketentuan {step.article}.")
    initiator = a.initiated_by
    return NotaDinasPayload(
        subject=f"Jawaban permohonan pelibatan dalam {a.title}",
        kepada=initiator.position.name if initiator.position_id else initiator.full_name,
        dari=holder.position.name if holder.position_id else holder.full_name,
        body=body,
        persons=[person(m, with_role=a.is_team) for m in approved + rejected],
        reference=asked.number if asked else "",
        reference_date=asked.date if asked else None,
        reference_subject=asked.subject if asked else "",
    )


def _office(e: Employee) -> str:
    return e.position.name if e.position_id else e.full_name


def step_memo(a: Assignment, step: Step, *, sender: Employee, to: Employee, copies: list[Employee], note: str = ""):
    """A letter a step of the voluntary flow produces, as its rule names it (``Step.produces``):
    the applicant's own surat permohonan (PPU Ps 11(3) huruf b, copied to their own leader) or the
    owning leader's surat jawaban persetujuan (huruf c)."""
    answering = step.produces.get("document") == DocumentKind.NOTA_DINAS_JAWABAN
    earlier = a.steps.filter(order__lt=step.order, document__isnull=False).order_by("-order").first()
    if answering:
        subject = f"Persetujuan keterlibatan dalam {a.title}"
        body = [
            f"Menjawab permohonan Saudara untuk dilibatkan dalam pelaksanaan kinerja {a.title}: disetujui.",
            f"Ekspektasi/target kinerja: {a.target}",
            f"Durasi: {period_words(a)} ({hours_words(a.hours_per_week)} per minggu)",
        ]
    else:
        subject = f"Permohonan untuk dilibatkan dalam {a.title}"
        body = [
            f"Dengan hormat, saya mohon dilibatkan dalam pelaksanaan kinerja {a.title}.",
            f"Maksud dan tujuan: {a.purpose}",
            f"Kompetensi yang saya miliki/butuhkan: {', '.join(a.competences) or '-'}",
            f"Ekspektasi/target kinerja: {a.target}",
            f"Durasi: {period_words(a)} ({hours_words(a.hours_per_week)} per minggu)",
        ]
    if note:
        body.append(f"Catatan: {note}")
    if step.article:
        body.append(f"Hal ini sesuai dengan ketentuan {step.article}.")
    reference = earlier.document if answering and earlier else None
    return NotaDinasPayload(
        subject=subject,
        kepada=_office(to),
        dari=_office(sender),
        tembusan=[_office(e) for e in copies],
        body=body,
        persons=[person(m, with_role=a.is_team) for m in a.members.select_related("employee")],
        reference=reference.number if reference else "",
        reference_date=reference.date if reference else None,
        reference_subject=reference.subject if reference else "",
    )
