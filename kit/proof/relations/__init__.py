"""Relations a text states, each recomputed in Decimal: the proofreader's arithmetic.

One engine for every figure a document derives from others:

* :mod:`.budget`     count × rate lines, sums of fixed amounts, totals of blocks (via :mod:`kit.ledger`)
* :mod:`.equations`  written-out equations (600x30=18000元, 149/447=0.333)
* :mod:`.differences` A比/较B增加C, growth rates (against a named year, from the sentence before),
  收入−支出=结余, ratios 328:31=10.58:1
* :mod:`.parts`      a whole and its parts, when the parts certainly partition it; 8个班，每班45人，共360人
* :mod:`.shares`     占…% of a whole, 分别占 lists, named rates, shares in brackets, shares beside their
  fraction (47.0%（473/1162）), shares said alike line after line, at the written precision
* :mod:`.slips`      whether a stated figure is a plausible slip of the computed one
* :mod:`.upper`      大写 beside its figure
* :mod:`.thresholds` 150%（即1170元） of a base
* :mod:`.tables`     数量×单价=金额 and column totals in tables

Each check speaks only when every figure of the relation was understood
(:mod:`kit.quantities` says which are exact); what it leaves alone can be
listed with :class:`.explain.Explain` (``kit check --explain``).
"""

from __future__ import annotations

from ...findings import Finding
from ..passage import Statement
from .budget import budget_blocks, check_budgets
from .differences import check_differences
from .equations import check_equations
from .explain import Explain, Skipped
from .slips import plausible
from .parts import check_parts
from .shares import check_fraction_shares, check_placed_shares, check_share_lists, check_share_runs, check_share_sets, check_shares
from .tables import check_tables
from .thresholds import check_thresholds
from .upper import check_upper


def check_relations(statements: list[Statement], explain: Explain | None = None) -> list[Finding]:
    """Every relation finding, one per figure (the first check to judge a figure speaks for it)."""
    claimed: set[tuple[int, int]] = set()
    blocks = budget_blocks(statements)
    for block in blocks:
        if block.total is not None and block.total.upper is not None and block.lines:  # (no lines: the 大写 is checked alone)
            claimed.add((block.total.st.index, block.total.upper.start))
    found = [
        *check_budgets(statements, explain, blocks),
        *check_equations(statements, explain),
        *check_differences(statements),
        *check_tables(statements, explain),
        *check_parts(statements, explain),
        *check_shares(statements, explain),
        *check_share_sets(statements),
        *check_fraction_shares(statements),
        *check_share_lists(statements, explain),
        *check_placed_shares(statements, explain),
        *check_share_runs(statements),
        *check_thresholds(statements),
        *check_upper(statements, claimed),
    ]
    seen: set[tuple] = set()
    out = []
    for f in found:
        if f.stated is not None and f.computed is not None and f.rule not in ("SUM-ITEMS", "SHARE-SET") and not plausible(f.stated, f.computed):
            if explain is not None:
                explain.skipped.append(Skipped(f.where, f.quote or "", f"算得 {f.computed}，与所写 {f.stated} 相差太远，更可能是没有读懂"))
            continue
        key = (f.paragraph, f.line, f.span)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


__all__ = ["Explain", "budget_blocks", "check_relations"]
