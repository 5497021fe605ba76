"""What changed between two versions of a map, element by element (by BPMN id).

Ids are stable in bpmn-js and Camunda Modeler across edits, so an id in both versions is the
same element: a different name means it was renamed, a different type that it was changed
(e.g. a task made a user task). Elements with neither a name nor a diagram role of their own
(DI shapes, incoming/outgoing lists) are not compared; ParsedMap.elements decides.
"""

from dataclasses import dataclass, field

from .model import type_label
from .validate import validate_bpmn


@dataclass(frozen=True)
class ElementChange:
    id: str
    type: str
    name: str
    old_name: str = ""
    old_type: str = ""

    @property
    def type_label(self):
        return type_label(self.type)

    @property
    def old_type_label(self):
        return type_label(self.old_type) if self.old_type else ""


@dataclass
class MapDiff:
    added: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    renamed: list = field(default_factory=list)
    retyped: list = field(default_factory=list)

    @property
    def is_empty(self):
        return not (self.added or self.removed or self.renamed or self.retyped)


def diff_elements(old, new):
    """Diff two {id: (type, name)} mappings (ParsedMap.elements)."""
    d = MapDiff()
    for i, (kind, name) in new.items():
        if i not in old:
            d.added.append(ElementChange(i, kind, name))
            continue
        old_kind, old_name = old[i]
        if old_name != name:
            d.renamed.append(ElementChange(i, kind, name, old_name=old_name))
        if old_kind != kind:
            d.retyped.append(ElementChange(i, kind, name, old_name=old_name, old_type=old_kind))
    for i, (kind, name) in old.items():
        if i not in new:
            d.removed.append(ElementChange(i, kind, name))
    return d


def diff_maps(old: bytes, new: bytes) -> MapDiff:
    """Compare two BPMN files (bytes). Both are validated; BpmnError if either is refused."""
    return diff_elements(validate_bpmn(old).elements, validate_bpmn(new).elements)
