from django import forms
from django.contrib import admin

from sikerja.letters.models import Document, NumberingScheme
from sikerja.letters.rules import pattern_error


class NumberingSchemeForm(forms.ModelForm):
    class Meta:
        model = NumberingScheme
        fields = ["region", "pattern", "default_classification", "classification"]

    def clean_pattern(self):
        pattern = self.cleaned_data["pattern"]
        problem = pattern_error(pattern)
        if problem:
            raise forms.ValidationError(problem)
        return pattern


@admin.register(NumberingScheme)
class NumberingSchemeAdmin(admin.ModelAdmin):
    form = NumberingSchemeForm
    list_display = ["region", "pattern", "default_classification"]


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    """Read-only: issued documents are immutable; revoke through SiKerja."""

    list_display = ["number", "kind", "date", "region", "status"]
    list_filter = ["kind", "status", "region"]
    search_fields = ["number", "subject", "verification_code"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
