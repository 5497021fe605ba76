"""The event log page for the region's administrators (PLT-6): filters who, what, when and
which object; each row in words, with a link to the object's page where it has one."""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from sikerja.audit import selectors, words
from sikerja.inputs import SEARCH_TEXT, decision_date_validator
from sikerja.web.decorators import page_context, region_view

PAGE_SIZE = 50
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class LogFilterForm(forms.Form):
    who = forms.CharField(label=_("Siapa"), required=False, max_length=SEARCH_TEXT)
    topic = forms.ChoiceField(label=_("Apa"), required=False)
    object_type = forms.ChoiceField(label=_("Jenis objek"), required=False)
    object_id = forms.CharField(label=_("ID objek"), required=False, max_length=40)
    date_from = forms.DateField(
        label=_("Dari tanggal"), required=False, widget=DATE, validators=[decision_date_validator("Dari tanggal")]
    )
    date_to = forms.DateField(
        label=_("Sampai tanggal"), required=False, widget=DATE, validators=[decision_date_validator("Sampai tanggal")]
    )

    def __init__(self, *args, object_types=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [
            ("", _("Semua peristiwa")),
            *sorted(((t, words.topic_words(t)) for t in words.TOPIC_WORDS), key=lambda x: x[1]),
        ]
        self.fields["object_type"].choices = [("", _("Semua objek"))] + [
            (t, words.object_kind_words(t)) for t in object_types
        ]

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            raise forms.ValidationError(_("Tanggal akhir mendahului tanggal awal."))
        return data


def _row(e) -> dict:
    link = None
    if e.object_type in words.OBJECT_PAGES:
        try:
            link = reverse(words.OBJECT_PAGES[e.object_type], args=[int(e.object_id)])
        except (NoReverseMatch, ValueError):
            link = None
    return {
        "at": e.at,
        "what": words.verb_words(e.verb),
        "who": (e.actor.get_full_name() or e.actor.username) if e.actor_id else "sistem",
        "on_behalf_of": e.on_behalf_of,
        "kind": words.object_kind_words(e.object_type),
        "object": e.object_repr,
        "link": link,
        "reason": e.reason,
    }


@region_view
@require_GET
def event_log(request, actor):
    if not selectors.may_read_log(actor):
        raise PermissionDenied("Log peristiwa hanya untuk admin BKPSDM dan admin organisasi daerah ini.")
    form = LogFilterForm(request.GET or None, object_types=selectors.object_types(actor))
    if form.is_bound and not form.is_valid():
        return render(request, "audit/log.html", page_context(actor, "log", form=form, page=None, rows=[]), status=400)
    data = form.cleaned_data if form.is_bound else {}
    query = selectors.LogFilter(**{k: v for k, v in data.items() if v not in (None, "")})
    page = Paginator(selectors.event_log(actor, query), PAGE_SIZE).get_page(request.GET.get("halaman"))
    params = request.GET.copy()
    params.pop("halaman", None)
    return render(
        request,
        "audit/log.html",
        page_context(
            actor, "log", form=form, page=page, rows=[_row(e) for e in page.object_list], params=params.urlencode()
        ),
    )
