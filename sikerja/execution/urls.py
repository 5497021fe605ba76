"""Pages of pelaksanaan (issue 12), mounted at /pelaksanaan/."""

from django.urls import path

from sikerja.execution import document_views, monitoring_views, planning_views, team_views, views

app_name = "pelaksanaan"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("menunggu-reviu/", views.reviews, name="reviews"),
    path("penugasan/<int:assignment_pk>/", views.from_assignment, name="from_assignment"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/laporan/", views.report, name="report"),
    path("<int:pk>/hasil/", views.submit, name="submit"),
    path("<int:pk>/periode/", views.period, name="period"),
    path("laporan/<int:report_pk>/umpan-balik/", views.feedback, name="feedback"),
    path("reviu/<int:review_pk>/putuskan/", views.decide, name="decide"),
    path("bukti/<int:evidence_pk>/", views.evidence, name="evidence"),
    path("<int:pk>/laporan-pelaksanaan.<str:ext>", document_views.laporan, name="laporan"),
    # perencanaan (MEK-1)
    path("perjanjian-kinerja/", planning_views.agreements, name="agreements"),
    path("perjanjian-kinerja/baru/", planning_views.create, name="agreement_create"),
    path("perjanjian-kinerja/<int:pk>/", planning_views.agreement, name="agreement"),
    path("perjanjian-kinerja/<int:pk>/naskah.<str:ext>", document_views.agreement_document, name="agreement_document"),
    path("perjanjian-kinerja/<int:pk>/target/", planning_views.targets, name="agreement_targets"),
    path("perjanjian-kinerja/<int:pk>/tandatangani/", planning_views.sign, name="agreement_sign"),
    path("perjanjian-kinerja/<int:pk>/setujui/", planning_views.countersign, name="agreement_countersign"),
    path("target/<int:target_pk>/serahkan/", planning_views.hand, name="target_hand"),
    path("target/<int:target_pk>/strategi/", planning_views.strategy, name="target_strategy"),
    path("strategi/<int:strategy_pk>/kaitkan/", planning_views.link, name="strategy_link"),
    # rencana kegiatan dan anggaran (PEL-6), tim (PEL-1, 2, 4, 5; TJ-4)
    path("<int:pk>/rencana/", team_views.plan, name="plan"),
    path("<int:pk>/rencana/simpan/", team_views.plan_save, name="plan_save"),
    path("<int:pk>/rencana/ajukan/", team_views.plan_submit, name="plan_submit"),
    path("<int:pk>/rencana/putuskan/", team_views.plan_decide, name="plan_decide"),
    path("<int:pk>/tim/", team_views.team, name="team"),
    path("<int:pk>/tim/tugas/", team_views.task_add, name="task_add"),
    path("tugas/<int:task_pk>/", team_views.task_done, name="task_done"),
    path("<int:pk>/tim/butir/", team_views.duty, name="duty"),
    path("<int:pk>/tim/koordinasi/", team_views.coordination, name="coordination"),
    path("<int:pk>/tim/koordinasi/mitra/", team_views.coordination_options, name="coordination_options"),
    path("<int:pk>/tim/kendala/", team_views.problem, name="problem"),
    path("kendala/<int:decision_pk>/putuskan/", team_views.problem_decide, name="problem_decide"),
    path("<int:pk>/tim/minta-laporan/", team_views.report_request, name="report_request"),
    path("permintaan/<int:request_pk>/jawab/", team_views.request_answer, name="request_answer"),
    path("<int:pk>/tim/catatan-anggota/", team_views.member_note, name="member_note"),
    # pemantauan (PEL-4 pimpinan unit e)
    path("pemantauan/", monitoring_views.monitoring, name="monitoring"),
    path("pemantauan.xlsx", monitoring_views.monitoring_xlsx, name="monitoring_xlsx"),
]
