from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from sikerja.organisation.models import Competence, Employee, Placement, PlacementCheckDay, Position, Unit


class StaleChecksAdmin(SimpleHistoryAdmin):
    """An edit here bypasses the services that keep the stored kedudukan checks current (issue
    15 item 1): drop the region's day row so the next report read recomputes the region whole."""

    def _stale(self, obj):
        PlacementCheckDay.objects.filter(region_id=obj.region_id).delete()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self._stale(obj)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        self._stale(obj)

    def delete_queryset(self, request, queryset):
        regions = set(queryset.values_list("region_id", flat=True))
        super().delete_queryset(request, queryset)
        PlacementCheckDay.objects.filter(region_id__in=regions).delete()


@admin.register(Unit)
class UnitAdmin(StaleChecksAdmin):
    list_display = ("name", "code", "unit_type", "region", "is_perangkat_daerah", "is_mandiri")
    list_filter = ("region", "unit_type", "is_perangkat_daerah")
    search_fields = ("name", "code")
    raw_id_fields = ("parent", "perangkat_daerah")


@admin.register(Position)
class PositionAdmin(StaleChecksAdmin):
    list_display = ("name", "code", "kind", "jf_level", "unit", "is_leader", "required")
    list_filter = ("region", "kind", "jf_level")
    search_fields = ("name", "code")
    raw_id_fields = ("unit",)


@admin.register(Employee)
class EmployeeAdmin(StaleChecksAdmin):
    list_display = ("name", "nip", "status", "golongan", "unit", "position")
    list_filter = ("region", "status")
    search_fields = ("name", "nip")
    raw_id_fields = ("unit", "position", "user")


@admin.register(Placement)
class PlacementAdmin(StaleChecksAdmin):
    list_display = ("employee", "assessor", "effective_from", "effective_until", "basis_number")
    raw_id_fields = ("employee", "assessor", "unit")


admin.site.register(Competence)
