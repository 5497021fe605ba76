"""Pure decision rules of penugasan and tim kerja (issue 5): plain data in, a decision out that
names the article of the region's regulation. No ORM here; services and views call these."""

from .availability import (
    AvailabilityDecision,
    AvailabilityRule,
    CompetenceMatch,
    WeekLoad,
    availability,
    availability_rule,
    competence_match,
)
from .common import Profile, national_baseline
from .flows import (
    RequestContentDecision,
    RuleDecision,
    Step,
    VoluntaryFlow,
    needs_request,
    rejection_needs_reason,
    request_content_missing,
    voluntary_steps,
)
from .ketua import Candidate, ExcludedCandidate, KetuaRanking, RankedCandidate, rank_ketua
from .reporting import ReportingDecision, individual_reports_to, ketua_reports_to, member_reports_to
from .scope import ScopeDecision, ScopePermission, assignment_scope, scope_allowed
from .signer import LetterDecision, letter_signer

__all__ = [
    "AvailabilityDecision",
    "Candidate",
    "CompetenceMatch",
    "ExcludedCandidate",
    "KetuaRanking",
    "LetterDecision",
    "Profile",
    "RankedCandidate",
    "ReportingDecision",
    "RequestContentDecision",
    "RuleDecision",
    "ScopeDecision",
    "ScopePermission",
    "Step",
    "VoluntaryFlow",
    "WeekLoad",
    "assignment_scope",
    "AvailabilityRule",
    "availability",
    "availability_rule",
    "competence_match",
    "individual_reports_to",
    "ketua_reports_to",
    "letter_signer",
    "member_reports_to",
    "national_baseline",
    "needs_request",
    "rank_ketua",
    "rejection_needs_reason",
    "request_content_missing",
    "scope_allowed",
    "voluntary_steps",
]
