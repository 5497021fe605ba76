from django.apps import AppConfig


class ExecutionConfig(AppConfig):
    name = "sikerja.execution"
    label = "execution"
    verbose_name = "Pelaksanaan dan pertanggungjawaban"

    def ready(self):
        # An issued assignment gets its Work (services.works.on_event); the assignments app
        # stays unaware of this one.
        from sikerja.audit.services import event_recorded
        from sikerja.execution.services.works import on_event

        event_recorded.connect(on_event, dispatch_uid="execution.work_for_issued_assignment")
