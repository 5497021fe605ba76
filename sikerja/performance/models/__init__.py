from sikerja.performance.models.choices import OrgPredikat, Predikat, Rating
from sikerja.performance.models.evaluation import Evaluation, FollowUp, Realisation, UnitPredikat
from sikerja.performance.models.mph import MphAdjustment
from sikerja.performance.models.periods import Period
from sikerja.performance.models.skp import Coaching, Expectation, Iki, Rhk, Skp, SkpEvidence, SkpFeedback

__all__ = [
    "Coaching",
    "Evaluation",
    "Expectation",
    "FollowUp",
    "Iki",
    "MphAdjustment",
    "OrgPredikat",
    "Period",
    "Predikat",
    "Rating",
    "Realisation",
    "Rhk",
    "Skp",
    "SkpEvidence",
    "SkpFeedback",
    "UnitPredikat",
]
