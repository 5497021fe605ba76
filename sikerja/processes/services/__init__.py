from sikerja.processes.services.catalogue import create_process, set_participants
from sikerja.processes.services.common import ProcessError
from sikerja.processes.services.maps import approve_map_version, create_map, new_map_version, save_drawing, save_sipoc
from sikerja.processes.services.monitoring import record_monitoring
from sikerja.processes.services.reviews import review_map_version, review_sop_version
from sikerja.processes.services.sops import (
    approve_sop_version,
    create_sop,
    import_steps_xlsx,
    new_sop_version,
    save_identity,
    save_steps,
)

__all__ = [
    "ProcessError",
    "approve_map_version",
    "approve_sop_version",
    "create_map",
    "create_process",
    "create_sop",
    "import_steps_xlsx",
    "new_map_version",
    "new_sop_version",
    "record_monitoring",
    "review_map_version",
    "review_sop_version",
    "save_drawing",
    "save_identity",
    "save_sipoc",
    "save_steps",
    "set_participants",
]
