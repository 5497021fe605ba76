from django.contrib import admin

from sikerja.notifications.models import Notification, NotificationSettings, WorkerHeartbeat


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("recipient", "verb", "title", "created_at", "read_at", "emailed_at")
    list_filter = ("verb",)
    raw_id_fields = ("recipient",)


admin.site.register(NotificationSettings)
admin.site.register(WorkerHeartbeat)
