from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from sikerja.tenancy.models import Region, RegulationProfile


@admin.register(RegulationProfile)
class RegulationProfileAdmin(SimpleHistoryAdmin):
    list_display = ("name", "key", "version", "is_builtin")


@admin.register(Region)
class RegionAdmin(SimpleHistoryAdmin):
    list_display = ("name", "slug", "profile", "is_active")
