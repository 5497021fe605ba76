"""Bantuan pages: the index of guides and one guide, its articles read from the region's profile."""

from django.http import Http404
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

from sikerja.web.decorators import page_context, region_view

from . import content
from .citations import citations


@region_view
def index(request, actor):
    return render(
        request,
        "guide/index.html",
        page_context(
            actor,
            "bantuan",
            roles=content.by_kind(content.ROLE),
            flows=content.by_kind(content.FLOW),
            mine=content.get(content.role_guide(actor)),
        ),
    )


def _start_url(name: str) -> str:
    try:
        return reverse(name) if name else ""
    except NoReverseMatch:  # a page another module renamed must not break the help
        return ""


@region_view
def detail(request, actor, slug):
    guide = content.get(slug)
    if guide is None:
        raise Http404("Panduan tidak ditemukan.")
    registry = content.registry()
    return render(
        request,
        "guide/detail.html",
        page_context(
            actor,
            "bantuan",
            guide=guide,
            cites=citations(actor.region, guide.settings),
            related=[registry[s] for s in guide.related if s in registry],
            start_url=_start_url(guide.start),
        ),
    )
