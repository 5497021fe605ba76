from django import template

from sikerja.execution.rules import format_rupiah

register = template.Library()


@register.filter
def rupiah(value) -> str:
    return format_rupiah(value)


@register.filter
def megabytes(size) -> str:
    return f"{(size or 0) / 1024 / 1024:.1f} MB".replace(".", ",")


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "") if hasattr(mapping, "get") else ""
