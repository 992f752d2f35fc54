"""Three-way merge of a draft's plain data: two windows' edits kept field by field.

``merge(base, ours, theirs)``: *base* is the data both windows started from,
*ours* this window's new data, *theirs* what another window saved meanwhile.
Where only one side changed a value, that change is kept; where both changed
the same value differently, :class:`Clash` names its path (nothing is chosen
for the user). Lists merge item by item; items appended on either side are all kept
(theirs first); an item removed on one side while the other changed the
list is a clash.
"""

from __future__ import annotations

from typing import Any

PathT = tuple[str | int, ...]  # as in kit.widgets.session
MISSING = object()


class Clash(Exception):
    """Both sides changed the value at :attr:`path` differently."""

    def __init__(self, path: PathT):
        super().__init__(path)
        self.path = path


def same(a: Any, b: Any) -> bool:
    """Equal, with the order of mapping keys counted (``==`` ignores it; sections are ordered)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def merge(base: Any, ours: Any, theirs: Any, path: PathT = ()) -> Any:
    """The data with the changes of both *ours* and *theirs* since *base* (``MISSING`` = absent)."""
    if same(ours, base):
        return theirs
    if same(theirs, base) or same(ours, theirs):
        return ours
    if all(isinstance(x, dict) for x in (base, ours, theirs)):
        return _merge_dicts(base, ours, theirs, path)
    if all(isinstance(x, list) for x in (base, ours, theirs)):
        return _merge_lists(base, ours, theirs, path)
    raise Clash(path)


def _merge_dicts(base: dict, ours: dict, theirs: dict, path: PathT) -> dict:
    # Key order is meaningful (sections are the document's order): follow the side that reordered.
    order = list(ours) if [k for k in ours if k in base] != [k for k in base if k in ours] else list(theirs)
    order += [k for k in (*ours, *theirs) if k not in order]
    out = {}
    for key in order:
        value = merge(base.get(key, MISSING), ours.get(key, MISSING), theirs.get(key, MISSING), path + (key,))
        if value is not MISSING:
            out[key] = value
    return out


def _merge_lists(base: list, ours: list, theirs: list, path: PathT) -> list:
    n = len(base)
    if len(ours) < n or len(theirs) < n:  # an item removed on one side while the list changed on the other
        raise Clash(path)
    kept = [merge(b, o, t, path + (i,)) for i, (b, o, t) in enumerate(zip(base, ours, theirs))]
    return kept + theirs[n:] + ours[n:]  # items appended on either side are all kept
