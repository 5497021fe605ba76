"""Forms of the profile editor (PLT-6). One setting per form: its value as the widget that fits
its kind in the schema (ya/tidak, a list to pick one from, boxes to tick, one list per scope),
or a YAML text for nested structures; the article, note, "tidak diatur" and a required reason.
The form builds the entry; the schema check (``profile_check``) decides, in the service too."""

from __future__ import annotations

import yaml
from django import forms
from django.utils.translation import gettext_lazy as _

from sikerja.inputs import LONG_TEXT, SHORT_TEXT
from sikerja.tenancy.profile_check import ARTICLE_MAX, MAX_YAML_CHARS, SettingError, check_entry, parse_yaml, words
from sikerja.tenancy.profile_schema import SCHEMA

YES_NO = [("ya", _("Ya")), ("tidak", _("Tidak"))]


def _choices(values) -> list[tuple[str, str]]:
    return [(v, words(v)) for v in values]


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]  # "lintas PD" -> "Lintas PD" (capitalize() would lower "PD")


def widget_kind(key: str) -> str:
    spec = SCHEMA[key]
    if spec["type"] == "mapping" and spec["values"]["type"] == "choice":
        return "per_key"
    return spec["type"] if spec["type"] in ("bool", "choice", "list", "text") else "yaml"


class DeriveForm(forms.Form):
    name = forms.CharField(
        label=_("Nama peraturan daerah"), max_length=SHORT_TEXT, required=False,
        help_text=_("Mis. “Perbup Sungai Lestari 12/2025”. Kosong: nama profil bawaan dipakai. Pasal dikutip dengan nama ini."),
    )  # fmt: skip
    legal_basis = forms.CharField(label=_("Dasar hukum"), max_length=300, required=False)
    reason = forms.CharField(label=_("Alasan"), max_length=LONG_TEXT, widget=forms.Textarea(attrs={"rows": 3}))


class SettingForm(forms.Form):
    article = forms.CharField(label=_("Pasal dasar"), max_length=ARTICLE_MAX, required=False)
    note = forms.CharField(
        label=_("Catatan"), max_length=LONG_TEXT, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    silent = forms.BooleanField(
        label=_("Tidak diatur"), required=False,
        help_text=_("Peraturan daerah tidak mengatur hal ini: SiKerja tidak menambah batasan; pasal boleh kosong."),
    )  # fmt: skip
    reason = forms.CharField(
        label=_("Alasan perubahan"), max_length=LONG_TEXT, widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Alasan perubahan wajib diisi.")},
    )  # fmt: skip
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1, max_value=2**31 - 1)

    def __init__(self, *args, key: str | None = None, entry: dict | None = None, **kwargs):
        entry = entry or {}
        super().__init__(*args, **kwargs)
        self.key = key
        self.kind = widget_kind(key) if key else None
        if key is None:
            return
        spec, value = SCHEMA[key], entry.get("value")
        self.fields["article"].initial = entry.get("article") or ""
        self.fields["note"].initial = entry.get("note") or ""
        self.fields["silent"].initial = bool(entry.get("silent"))
        if self.kind == "bool":
            self.fields["value"] = forms.ChoiceField(
                label=_("Nilai"), choices=YES_NO, required=False, widget=forms.RadioSelect,
                initial=None if value is None else ("ya" if value else "tidak"),
            )  # fmt: skip
        elif self.kind == "choice":
            self.fields["value"] = forms.ChoiceField(
                label=_("Nilai"), choices=[("", _("— pilih —")), *_choices(spec["choices"])], required=False, initial=value
            )
        elif self.kind == "list":
            self.fields["value"] = forms.MultipleChoiceField(
                label=_("Nilai"), choices=_choices(spec["choices"]), required=False,
                widget=forms.CheckboxSelectMultiple, initial=value or [],
            )  # fmt: skip
        elif self.kind == "text":
            self.fields["value"] = forms.CharField(
                label=_("Nilai"),
                max_length=spec["max"],
                required=False,
                initial=value,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        elif self.kind == "per_key":
            options = [("", _("— tidak diatur untuk ini —")), *_choices(spec["values"]["choices"])]
            for k in spec["keys"]:
                self.fields[f"map_{k}"] = forms.ChoiceField(
                    label=_first_upper(words(k)), choices=options, required=False, initial=(value or {}).get(k, "")
                )
        else:  # number and nested structures: YAML text, read with safe_load only
            text = "" if value is None else yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=100)
            self.fields["value"] = forms.CharField(
                label=_("Nilai (YAML)"), max_length=MAX_YAML_CHARS, required=False, initial=text,
                widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "false", "class": "mono"}),
            )  # fmt: skip

    def value_fields(self):
        return [self[name] for name in self.fields if name == "value" or name.startswith("map_")]

    def _value(self, data):
        if self.kind == "bool":
            return {"ya": True, "tidak": False}.get(data.get("value") or "")
        if self.kind == "choice":
            return data.get("value") or None
        if self.kind == "list":
            return list(data.get("value") or [])
        if self.kind == "text":
            return (data.get("value") or "").strip() or None
        if self.kind == "per_key":
            picked = {k: data.get(f"map_{k}") for k in SCHEMA[self.key]["keys"]}
            return {k: v for k, v in picked.items() if v} or None
        text = data.get("value") or ""
        return parse_yaml(text) if text.strip() else None

    def clean(self):
        data = super().clean()
        if self.key is None or self.errors:
            return data
        try:
            silent = bool(data.get("silent"))
            value = None if silent else self._value(data)
            data["entry"] = check_entry(
                self.key, {"value": value, "article": data.get("article"), "note": data.get("note"), "silent": silent}
            )
        except SettingError as exc:
            raise forms.ValidationError(exc.messages) from None
        return data


class RevertForm(forms.Form):
    reason = forms.CharField(label=_("Alasan"), max_length=LONG_TEXT, widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1, max_value=2**31 - 1)
