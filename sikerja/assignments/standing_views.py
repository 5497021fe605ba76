"""Pages of the standing governance teams (TIK-2, TIK-3): the list with the kinds the region's
profile provides, the form that records one (org admins and the Sekretaris Daerah), and the
detail with members and the composition check. Thin: actor → selector/service → render."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from sikerja.assignments import standing
from sikerja.assignments.models import StandingKind
from sikerja.inputs import decision_date_validator, signed_date_validator
from sikerja.web.decorators import page_context, region_view

DATE = forms.DateInput(attrs={"type": "date"})
LINES = {"rows": 4, "cols": 60}


class StandingTeamForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis tim tetap"))
    title = forms.CharField(label=_("Nama tim"), max_length=300)
    purpose = forms.CharField(
        label=_("Tugas tim"), required=False, max_length=10000, widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=_("Kosongkan untuk memakai tugas yang dirinci peraturan bupati; wajib diisi bila peraturan tidak merincinya."),
    )
    target = forms.CharField(label=_("Ekspektasi/target"), required=False, max_length=10000, widget=forms.Textarea(attrs={"rows": 2, "cols": 60}))
    basis_number = forms.CharField(label=_("Nomor keputusan penetapan"), max_length=120)
    basis_date = forms.DateField(label=_("Tanggal keputusan penetapan"), widget=DATE,
                                 validators=[signed_date_validator("Tanggal keputusan penetapan")])
    starts_on = forms.DateField(label=_("Berlaku mulai"), widget=DATE, validators=[decision_date_validator("Berlaku mulai")])
    ends_on = forms.DateField(label=_("Berlaku sampai"), widget=DATE, validators=[decision_date_validator("Berlaku sampai")])
    hours_per_week = forms.DecimalField(label=_("Alokasi jam per minggu"), min_value=0.5, max_value=60, decimal_places=1,
                                        initial=standing.DEFAULT_HOURS)
    ketua = forms.CharField(label=_("Ketua (NIP atau nomor pegawai)"), max_length=40, required=False)
    sekretaris = forms.CharField(label=_("Sekretaris (NIP atau nomor pegawai, opsional)"), max_length=40, required=False)
    anggota = forms.CharField(label=_("Anggota (satu NIP atau nomor pegawai per baris)"), required=False, max_length=10000,
                              widget=forms.Textarea(attrs=LINES))
    external = forms.CharField(
        label=_("Anggota dari luar pemerintah daerah (satu per baris: nama; unsur/instansi)"), required=False, max_length=20000,
        widget=forms.Textarea(attrs=LINES), help_text=_("Contoh: Dr. Rina Wati; akademisi/Universitas Mulawarman"),
    )

    def __init__(self, *args, kinds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k, StandingKind(k).label) for k in kinds]

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", "Tanggal selesai mendahului tanggal mulai.")
        return data


def _ctx(actor, **extra):
    return page_context(actor, "penugasan", may_record=standing.may_record(actor), **extra)


@region_view
def team_list(request, actor):
    return render(request, "assignments/standing/list.html", _ctx(
        actor, teams=list(standing.standing_teams(actor)), kinds=standing.provided_kinds(actor), help_topic="tim-tetap",
    ))


@region_view
def team_new(request, actor):
    standing.require_recorder(actor)
    kinds = standing.provided_kinds(actor)
    provided = [k.kind for k in kinds if k.provision.allowed]
    wanted = request.GET.get("jenis", "")
    initial = {"kind": wanted} if wanted in provided else {}
    form = StandingTeamForm(request.POST or None, kinds=provided, initial=initial)
    errors: list[str] = []
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                members = standing.members_from_lines(
                    actor, ketua=data["ketua"], sekretaris=data["sekretaris"], anggota=data["anggota"],
                    external=data["external"],
                )
                team = standing.form_standing_team(
                    actor, kind=data["kind"], title=data["title"], purpose=data["purpose"], target=data["target"],
                    starts_on=data["starts_on"], ends_on=data["ends_on"], members=members,
                    basis_number=data["basis_number"], basis_date=data["basis_date"],
                    hours_per_week=data["hours_per_week"],
                )
            except ValidationError as exc:
                errors = list(exc.messages)
            else:
                messages.success(request, _("%(kind)s \"%(title)s\" dicatat berdasarkan keputusan nomor %(number)s.") % {
                    "kind": team.get_standing_kind_display(), "title": team.title, "number": team.basis_number})
                return redirect("standing:detail", pk=team.pk)
        status = 400
    return render(request, "assignments/standing/form.html", _ctx(
        actor, form=form, errors=errors, kinds=[k for k in kinds if k.provision.allowed],
    ), status=status)


@region_view
def team_detail(request, actor, pk):
    detail = standing.standing_team(actor, pk)
    return render(request, "assignments/standing/detail.html", _ctx(actor, d=detail, team=detail.team))
