"""Column widths from the content and role of each column, not from how many columns there are.

Each role has a narrowest and a widest natural width in characters; a column
takes the width of its longest cell (header included) within those bounds,
and the room left on the 156 mm line goes to the ``text`` columns (or to all
columns when there is none). Widths are relative (characters); the renderers
scale them to the text block.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

# role: (narrowest, widest) natural width in full characters, padding included
ROLE_BOUNDS = {
    "index": (2.5, 3.5),
    "name": (4.0, 8.0),
    "figure": (3.0, 7.0),
    "note": (3.0, 7.0),
    "text": (5.0, 24.0),
}
LINE_CHARS = 31.5  # 156 mm of 4号 (14 pt = 4.94 mm) table text
CELL_PADDING = 1.0  # the cell margins (2 × 1.9 mm), in characters


def column_widths(table: Any, layout: Any) -> tuple[float, ...]:
    """Relative widths (characters) of *table*'s columns under *layout* (a TableLayout)."""
    from ..structure import width

    rows = [table.columns, *table.rows, *([table.total] if table.total else [])]
    roles = [layout.role(c) for c in table.columns]
    natural = []
    for i, role in enumerate(roles):
        low, high = ROLE_BOUNDS.get(role, ROLE_BOUNDS["text"])
        longest = max((width(r[i]) for r in rows if i < len(r)), default=0.0) + CELL_PADDING
        natural.append(min(max(longest, low), high))
    flexible = [i for i, r in enumerate(roles) if r == "text"] or list(range(len(roles)))
    room = LINE_CHARS - sum(natural)
    if room > 0:  # the room left goes to the free-text columns
        natural = [w + room / len(flexible) if i in flexible else w for i, w in enumerate(natural)]
    elif room < 0:  # too wide: the free-text columns give way first (they wrap), down to their narrowest
        low = ROLE_BOUNDS["text"][0]
        give = sum(natural[i] - low for i in flexible if natural[i] > low)
        cut = min(-room, give)
        natural = [w - (w - low) / give * cut if i in flexible and w > low and give else w for i, w in enumerate(natural)]
        if sum(natural) > LINE_CHARS:  # still too wide: every column in proportion
            natural = [w * LINE_CHARS / sum(natural) for w in natural]
    return tuple(round(w, 2) for w in natural)


def lay_out(block: Any, layout: Any) -> Any:
    """*block* with column widths when it is a table without them and *layout* is given."""
    from ..structure import Table

    if layout is None or not isinstance(block, Table) or block.widths:
        return block
    return replace(block, widths=column_widths(block, layout))
