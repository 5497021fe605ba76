from .checks import PlacementCheck, PlacementCheckDay, PlacementFinding
from .delegations import Delegation
from .employees import Competence, Employee, EmployeeCompetence
from .imports import ImportBatch
from .placements import Placement
from .positions import Position
from .units import Unit

__all__ = [
    "Competence",
    "Delegation",
    "Employee",
    "EmployeeCompetence",
    "ImportBatch",
    "Placement",
    "PlacementCheck",
    "PlacementCheckDay",
    "PlacementFinding",
    "Position",
    "Unit",
]
