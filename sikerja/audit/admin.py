from django.contrib import admin

from sikerja.audit.models import Event


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    """Read-only: the log is append-only."""

    list_display = ("at", "region", "actor", "verb", "object_type", "object_repr")
    list_filter = ("verb", "region")

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
