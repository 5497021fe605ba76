from django.contrib import admin

from sikerja.accounts.models import ApiToken, RoleAssignment


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ("user", "region", "role", "unit")
    list_filter = ("region", "role")
    raw_id_fields = ("unit",)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "name", "prefix", "created_at", "last_used_at", "revoked")
    readonly_fields = ("prefix", "digest")
