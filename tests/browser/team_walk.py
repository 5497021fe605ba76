"""One team's work, from the perjanjian kinerja target to an accepted result, in the browser
(issue 12 "Done means"): the steps shared by the PPU and Barito Utara walks.

Every hand-over a user makes is a click on a page, the penugasan proposed from the strategy
included; only what is not issue 12's — the logins, and the consents and letter of penugasan's
own flow — is done through services. Every
official is read back through the ORM and the profile's rules (who approves the plan, whom a
report goes to, who reviews), never hard-coded."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone
from playwright.sync_api import expect

from sikerja.accounts.models import Role
from sikerja.assignments.actions.roles import nearest_leader, subtree_ids
from sikerja.assignments.models import Assignment
from sikerja.execution.demo import _issue, _login
from sikerja.execution.models import PerformanceAgreement, Report, Strategy, StrategyAssignment, Work
from sikerja.execution.services.plans import approvers
from sikerja.execution.services.reports import recipients_of
from sikerja.execution.services.reviews import planned_chain
from sikerja.organisation.models import Employee

from .conftest import DEFAULT_TIMEOUT_MS


@dataclass
class Walk:
    """What a walk needs: the region, the agreement's unit, who hands the target to whom (in
    order, the first being the agreement's leader), the owning unit and the team."""

    region: object
    agreement_unit: object
    handers: list[Employee]  # leader, then each responsible official in turn
    owning_unit: object
    ketua: Employee
    members: list[Employee]
    title: str
    live_url: str
    browser: object
    shots: object
    prefix: str
    contexts: list = field(default_factory=list)
    pages: dict = field(default_factory=dict)

    # --- logins and pages ------------------------------------------------------------------------
    def username(self, employee: Employee) -> str:
        employee.refresh_from_db()
        if employee.user_id is None:
            roles = [(Role.PIMPINAN_UNIT, employee.position.unit)] if employee.position.is_leader else []
            _login(employee, f"{self.prefix}.{employee.pk}", roles or [(Role.PEGAWAI, None)], self.region)
            employee.refresh_from_db()
        return employee.user.username

    def page(self, employee: Employee, width: int = 1366):
        from sikerja.organisation.demo.builder import DEMO_PASSWORD

        key = (employee.pk, width)
        if key not in self.pages:
            context = self.browser.new_context(viewport={"width": width, "height": 900}, locale="id-ID")
            context.set_default_timeout(DEFAULT_TIMEOUT_MS)
            self.contexts.append(context)
            page = context.new_page()
            page.goto(f"{self.live_url}/masuk/")
            page.locator("#id_username").fill(self.username(employee))
            page.locator("#id_password").fill(DEMO_PASSWORD)
            page.get_by_role("button", name="Masuk").click()
            expect(page).to_have_url(f"{self.live_url}/")
            self.pages[key] = page
        return self.pages[key]

    def close(self):
        for context in self.contexts:
            context.close()

    # --- the loop --------------------------------------------------------------------------------
    def agreement_and_target(self) -> tuple[PerformanceAgreement, object]:
        """The leader drafts the unit's perjanjian kinerja and signs it; when the unit has a
        superior in the system, the superior countersigns."""
        leader = self.handers[0]
        page = self.page(leader)
        page.get_by_role("link", name="Pelaksanaan", exact=True).click()
        page.goto(f"{self.live_url}/pelaksanaan/perjanjian-kinerja/")
        form = page.locator("#agreement-form")
        form.locator("#pk-unit").select_option(str(self.agreement_unit.pk))
        form.locator("#s-1").fill("Meningkatnya kualitas tata kelola pemerintahan")
        form.locator("#i-1").fill("Persentase rekomendasi evaluasi yang ditindaklanjuti")
        form.locator("#t-1").fill("85%")
        form.get_by_role("button", name="Simpan sebagai draf").click()
        expect(page.get_by_text("Perjanjian kinerja disusun. Periksa lalu tandatangani.")).to_be_visible()
        page.get_by_role("button", name="Tandatangani sebagai pihak pertama").click()
        expect(page.get_by_text("Perjanjian kinerja ditandatangani.")).to_be_visible()
        agreement = PerformanceAgreement.objects.get(region=self.region, unit=self.agreement_unit)
        if agreement.superior_id:
            other = self.page(agreement.superior)
            other.goto(f"{self.live_url}/pelaksanaan/perjanjian-kinerja/{agreement.pk}/")
            other.get_by_role("button", name="Tandatangani sebagai pihak kedua").click()
            expect(other.get_by_text("Perjanjian kinerja disetujui atasan; kini berlaku.")).to_be_visible()
        agreement.refresh_from_db()
        assert agreement.status == PerformanceAgreement.Status.DISETUJUI
        return agreement, agreement.targets.get()

    def hand_down(self, agreement, target) -> Employee:
        """Each holder hands the target on, down the cascade the profile names."""
        url = f"{self.live_url}/pelaksanaan/perjanjian-kinerja/{agreement.pk}/"
        for hander, responsible in zip(self.handers, self.handers[1:], strict=False):
            page = self.page(hander)
            page.goto(url)
            form = page.locator(f"#hand-form-{target.pk}")
            form.locator("select[name=responsible]").select_option(str(responsible.pk))
            form.get_by_role("button", name="Serahkan target").click()
            expect(page.get_by_text("Target diserahkan kepada penanggung jawabnya.")).to_be_visible()
            expect(page.locator(f"#targets tr[data-target='{target.pk}']")).to_contain_text(responsible.full_name)
        return self.handers[-1]

    def strategy(self, agreement, target, responsible) -> Strategy:
        """A team with a ketua; officials of other units are needed when a member is not of the
        owning unit (their home leader is asked through penugasan's involvement request)."""
        page = self.page(responsible)
        page.goto(f"{self.live_url}/pelaksanaan/perjanjian-kinerja/{agreement.pk}/")
        form = page.locator(f"#strategy-form-{target.pk}")
        form.locator("select[name=form]").select_option("tim_kerja")
        form.get_by_label("Perlu ketua tim").check()
        inside = set(subtree_ids(self.owning_unit))
        if any(m.unit_id not in inside for m in [self.ketua, *self.members]):
            form.get_by_label("Perlu pejabat dari unit lain").check()
        form.locator("textarea[name=description]").fill(
            "Tim kerja dengan ketua dari pejabat fungsional analis kebijakan."
        )
        form.get_by_role("button", name="Simpan strategi").click()
        expect(page.get_by_text("Strategi pelaksanaan dicatat. Usulkan penugasan dari strategi ini.")).to_be_visible()
        return Strategy.objects.get(target=target)

    def _add_candidate(self, page, person: Employee) -> None:
        panel = page.locator("#candidate-panel")
        panel.get_by_role("searchbox", name="Nama atau NIP").fill(person.name)
        panel.get_by_role("button", name="Cari calon").click()
        row = page.locator(f"#candidate-table tr[data-employee='{person.pk}']")
        row.get_by_role("button", name=f"Tambahkan {person.full_name}").click()
        expect(page.locator(f"#member-rows tr[data-employee='{person.pk}']")).to_be_visible()

    def propose(self, agreement, target, strategy, responsible) -> Work:
        """The responsible official proposes the team from the strategy (issue 12 item 2):
        penugasan's penunjukan form, opened from the strategy, names the target it serves and is
        prefilled from it. The consents and the letter (penugasan's own flow, not issue 12's) are
        then given by their officials through penugasan's services."""
        page = self.page(responsible)
        page.goto(f"{self.live_url}/pelaksanaan/perjanjian-kinerja/{agreement.pk}/")
        page.locator(f"#propose-from-{strategy.pk}").click()
        expect(page).to_have_url(f"{self.live_url}/penugasan/baru/?strategi={strategy.pk}")
        notice = page.locator("#strategy-notice")
        for shown in (target.sasaran, target.indikator, target.target, "memerlukan ketua tim"):
            expect(notice).to_contain_text(shown)
        expect(page.locator("input[name=form]")).to_have_count(1)  # the strategy decided: tim kerja
        expect(page.locator("input[name=form][value=tim_kerja]")).to_be_checked()
        expect(page.locator("#id_owning_unit")).to_have_value(str(self.owning_unit.pk))
        expect(page.locator("#id_title")).to_have_value(target.indikator)
        expect(page.locator("#id_target")).to_have_value(f"{target.indikator}: {target.target}")
        start = timezone.localdate()
        page.locator("#id_title").fill(self.title)
        page.locator("#id_starts_on").fill(start.isoformat())
        page.locator("#id_ends_on").fill((start + dt.timedelta(days=60)).isoformat())
        page.locator("#id_hours_per_week").fill("4")
        for person in [self.ketua, *self.members]:
            self._add_candidate(page, person)
        # After the search: the panel lists only holders of the competences asked for.
        page.locator("#id_competences").fill("Analisis kebijakan")
        page.locator(f"#role_{self.ketua.pk}").select_option("ketua")
        self.shots(page, f"{self.prefix}-penugasan-dari-strategi")
        phone = self.page(responsible, width=390)  # the notice and form fit a phone
        phone.goto(f"{self.live_url}/penugasan/baru/?strategi={strategy.pk}")
        expect(phone.locator("#strategy-notice")).to_contain_text(target.indikator)
        assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), "halaman melebar"
        page.get_by_role("button", name="Kirim penunjukan").click()
        a = Assignment.objects.get(region=self.region, title=self.title)
        expect(page).to_have_url(f"{self.live_url}/penugasan/{a.pk}/")
        assert StrategyAssignment.objects.get(assignment=a).strategy_id == strategy.pk
        _issue(self.region, a)
        a.refresh_from_db()
        assert a.status == "diterbitkan", a.status
        return Work.objects.get(assignment=a)

    def served(self, agreement, target, strategy, responsible, work) -> None:
        """The strategy lists its assignment with its status; the issued work serves the target."""
        assert work.target_id == target.pk and work.strategy_id == strategy.pk
        page = self.page(responsible)
        page.goto(f"{self.live_url}/pelaksanaan/perjanjian-kinerja/{agreement.pk}/")
        proposed = page.locator(f"#proposed-{strategy.pk}")
        expect(proposed).to_contain_text(self.title)
        expect(proposed).to_contain_text("Diterbitkan")
        expect(page.locator(f"#works-{target.pk}")).to_contain_text(self.title)
        self.shots(page, f"{self.prefix}-target-penugasan")
        proposed.get_by_role("link", name="Pelaksanaan", exact=True).click()
        expect(page).to_have_url(f"{self.live_url}/pelaksanaan/{work.pk}/")
        expect(page.locator("#served-target")).to_contain_text(target.indikator)

    def plan(self, work) -> None:
        """The ketua drafts the activity and budget plan; its approver (the PPK or pimpinan unit,
        read from the rules) approves it."""
        page = self.page(self.ketua)
        page.goto(f"{self.live_url}/pelaksanaan/{work.pk}/rencana/")
        row = page.locator("#plan-form tbody tr").first
        row.locator("input[name=name]").fill("Inventarisasi dan analisis rekomendasi")
        row.locator("input[name=output]").fill("Matriks tindak lanjut")
        row.locator("input[name=starts_on]").fill(work.starts_on.isoformat())
        row.locator("input[name=ends_on]").fill(work.ends_on.isoformat())
        row.locator("input[name=b_desc]").fill("Rapat koordinasi")
        row.locator("input[name=b_amount]").fill("2.500.000")
        row.locator("input[name=b_code]").fill("4.01.01.2.01.0001")
        page.get_by_role("button", name="Simpan rencana").click()
        expect(page.locator("#plan-total")).to_have_text("Rp2.500.000")
        page.get_by_role("button", name="Ajukan rencana untuk disetujui").click()
        work.refresh_from_db()
        approver = approvers(work)[0]
        other = self.page(approver)
        other.goto(f"{self.live_url}/pelaksanaan/{work.pk}/rencana/")
        other.locator("#plan-notes").fill("Sesuai DPA.")
        other.get_by_role("button", name="Setujui rencana").click()
        expect(other.locator("#plan-status")).to_contain_text("Disetujui")
        expect(other.locator("#plan-decision")).to_contain_text(approver.full_name)

    def tasks(self, work) -> None:
        page = self.page(self.ketua)
        page.goto(f"{self.live_url}/pelaksanaan/{work.pk}/tim/")
        expect(page.locator(f"#members li[data-member='{self.ketua.pk}']")).to_contain_text("(ketua)")
        for member in self.members:
            form = page.locator("#task-form")
            form.locator("#task-title").fill(f"Menyusun matriks tindak lanjut: {member.name}"[:300])
            form.locator("#task-assignee").select_option(str(member.pk))
            form.locator("#task-due").fill((work.starts_on + dt.timedelta(days=20)).isoformat())
            form.locator("#task-role").fill("Analis")
            form.locator("#task-comp").fill("Analisis kebijakan")
            form.get_by_role("button", name="Tambah tugas").click()
            expect(page.locator("#tasks")).to_contain_text(member.full_name)
        self.shots(page, f"{self.prefix}-tim-rincian")

    def _report(self, page, progress: int, text: str) -> None:
        page.locator("#report-progress").fill(str(progress))
        page.locator("#report-realisation").fill(text)
        page.locator("#report-budget").fill("900.000")
        page.locator("#report-links").fill("https://drive.example.go.id/tindak-lanjut")
        page.get_by_role("button", name="Sampaikan laporan").click()
        expect(page.get_by_text("Laporan kemajuan disampaikan.")).to_be_visible()

    def member_report(self, work) -> None:
        """A member reports to the ketua — on a phone (390 px)."""
        member = self.members[0]
        page = self.page(member, width=390)
        page.goto(f"{self.live_url}/pelaksanaan/")
        page.locator(f"tr[data-work='{work.pk}']").get_by_role("link", name=self.title).click()
        self._report(page, 40, "Inventarisasi rekomendasi bagian saya selesai.")
        report = Report.objects.get(work=work, author=member)
        expected = recipients_of(work, member, "anggota")[0]
        article = page.locator(f"#report-{report.pk}")
        for r in expected:
            expect(article.locator(".recipients")).to_contain_text(r["name"])
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), "halaman melebar"
        self.shots(page, f"{self.prefix}-laporan-anggota-390")
        # The ketua's feedback on it (umpan balik berkala, PEL-4).
        lead = self.page(self.ketua)
        lead.goto(f"{self.live_url}/pelaksanaan/{work.pk}/")
        lead.locator(f"#fb-{report.pk}").fill("Lanjutkan dengan analisis prioritas.")
        lead.locator(f"#feedback-form-{report.pk}").get_by_role("button", name="Simpan umpan balik").click()
        expect(lead.locator(f"#report-{report.pk} .feedback")).to_contain_text("Lanjutkan dengan analisis prioritas.")

    def ketua_report_and_submit(self, work, target) -> list:
        """The ketua reports the team's progress to whom the profile names, then submits the
        result; the planned review chain is shown before it is sent."""
        page = self.page(self.ketua)
        page.goto(f"{self.live_url}/pelaksanaan/{work.pk}/")
        self._report(page, 100, "Seluruh rekomendasi ditindaklanjuti; matriks disahkan.")
        report = Report.objects.get(work=work, author=self.ketua)
        expected, line = recipients_of(work, self.ketua, "ketua")
        recipients = page.locator(f"#report-{report.pk} .recipients")
        assert expected, "laporan ketua tanpa penerima"
        for r in expected:
            expect(recipients).to_contain_text(r["name"])
        expect(recipients).to_contain_text(line.article)
        # The pimpinan unit follows it on the monitoring page (PEL-4 pimpinan unit e).
        watcher = self.page(nearest_leader(self.owning_unit))
        watcher.goto(f"{self.live_url}/pelaksanaan/pemantauan/")
        row = watcher.locator(f"#monitor tr[data-work='{work.pk}']")
        expect(row).to_contain_text(self.title)
        expect(row).to_contain_text(target.indikator)
        expect(row).to_contain_text("100%")
        expect(row).to_contain_text("Rp900.000 dari Rp2.500.000")  # budget realised against the plan
        resolved = planned_chain(work)[1]
        people = Employee.objects.in_bulk([r.official_id for r in resolved])
        chain = [people[r.official_id] for r in resolved]
        for official in chain:
            expect(page.locator("#planned-chain")).to_contain_text(official.full_name)
        page.locator("#submit-summary").fill("Rekomendasi evaluasi ditindaklanjuti 85%.")
        page.get_by_role("button", name="Sampaikan hasil").click()
        expect(page.get_by_text("Hasil pelaksanaan disampaikan untuk direviu.")).to_be_visible()
        self.shots(page, f"{self.prefix}-hasil-diajukan")
        return list(zip(chain, [r.stage for r in resolved], strict=True))

    def reviews(self, work, chain) -> None:
        """Each reviewer finds the result in "Menunggu reviu" and forwards it; the last accepts."""
        for official, stage in chain:
            page = self.page(official)
            page.goto(f"{self.live_url}/pelaksanaan/")
            page.locator("#reviews-link").click()
            page.locator("#waiting-reviews").get_by_role("link", name=self.title).click()
            expect(page.locator("#review-form")).to_contain_text(stage.label)
            expect(page.locator("#review-form")).to_contain_text(stage.article)
            if stage.accepts:
                page.get_by_role("button", name="Terima, sesuai target").click()
                expect(page.get_by_text("Hasil diterima; penugasan selesai.")).to_be_visible()
            else:
                page.locator("#review-notes").fill(f"Diteruskan oleh {stage.label}.")
                page.get_by_role("button", name="Teruskan ke tahap berikutnya").click()
                expect(page.get_by_text("Hasil diteruskan ke tahap reviu berikutnya.")).to_be_visible()
        assert chain[-1][1].accepts

    def selesai(self, agreement, target, work, chain) -> None:
        page = self.page(self.ketua)
        page.goto(f"{self.live_url}/pelaksanaan/{work.pk}/")
        expect(page.locator("h1 .badge")).to_have_text("Selesai")
        for official, _stage in chain:
            expect(page.locator("#review-chain")).to_contain_text(official.full_name)
        expect(page.locator("#accepted-at")).to_be_visible()
        self.shots(page, f"{self.prefix}-selesai")
        leader = self.page(self.handers[0])
        leader.goto(f"{self.live_url}/pelaksanaan/perjanjian-kinerja/{agreement.pk}/")
        expect(leader.locator(f"#works-{target.pk}")).to_contain_text("Selesai")
        work.refresh_from_db()
        assert work.status == Work.Status.SELESAI and work.accepted_at and work.target_id == target.pk

    def run(self) -> tuple:
        agreement, target = self.agreement_and_target()
        responsible = self.hand_down(agreement, target)
        strategy = self.strategy(agreement, target, responsible)
        work = self.propose(agreement, target, strategy, responsible)
        self.served(agreement, target, strategy, responsible, work)
        self.plan(work)
        self.tasks(work)
        self.member_report(work)
        chain = self.ketua_report_and_submit(work, target)
        self.reviews(work, chain)
        self.selesai(agreement, target, work, chain)
        return work, chain
