from sikerja.processes.models.catalogue import Participation, Process, ProcessKind
from sikerja.processes.models.maps import MapKind, MapMethod, MapVersion, ProcessMap, SipocRow
from sikerja.processes.models.reviews import Decision, Review
from sikerja.processes.models.sop import Monitoring, MonitoringItem, Sop, SopActor, SopStep, SopVersion
from sikerja.processes.models.versioning import ImmutableVersion, VersionStatus

__all__ = [
    "Decision",
    "ImmutableVersion",
    "MapKind",
    "MapMethod",
    "MapVersion",
    "Monitoring",
    "MonitoringItem",
    "Participation",
    "Process",
    "ProcessKind",
    "ProcessMap",
    "Review",
    "SipocRow",
    "Sop",
    "SopActor",
    "SopStep",
    "SopVersion",
    "VersionStatus",
]
