from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from sikerja.organisation.models import Competence, Employee, Placement, Position, Unit


@admin.register(Unit)
class UnitAdmin(SimpleHistoryAdmin):
    list_display = ("name", "code", "unit_type", "region", "is_perangkat_daerah", "is_mandiri")
    list_filter = ("region", "unit_type", "is_perangkat_daerah")
    search_fields = ("name", "code")
    raw_id_fields = ("parent", "perangkat_daerah")


@admin.register(Position)
class PositionAdmin(SimpleHistoryAdmin):
    list_display = ("name", "code", "kind", "jf_level", "unit", "is_leader", "required")
    list_filter = ("region", "kind", "jf_level")
    search_fields = ("name", "code")
    raw_id_fields = ("unit",)


@admin.register(Employee)
class EmployeeAdmin(SimpleHistoryAdmin):
    list_display = ("name", "nip", "status", "golongan", "unit", "position")
    list_filter = ("region", "status")
    search_fields = ("name", "nip")
    raw_id_fields = ("unit", "position", "user")


@admin.register(Placement)
class PlacementAdmin(SimpleHistoryAdmin):
    list_display = ("employee", "assessor", "effective_from", "effective_until", "basis_number")
    raw_id_fields = ("employee", "assessor", "unit")


admin.site.register(Competence)
