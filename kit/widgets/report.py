"""Plain-text reports the notebooks print (checked by nbval): no widgets here.

``ledger_report`` is kit.textreport's, the same text ``kit ledger`` prints."""

from __future__ import annotations

from .. import model as m
from ..ledger import compute
from ..textreport import ledger_report
from ..money import ZERO, format_yuan


def spending_report(plan: m.Draft, summary: m.Draft) -> str:
    """Money spent (the summary's ledgers) against the plan's budget, line by line where names match."""
    budget = {line.name: r.subtotal for _, s in plan.sections_of("ledger") for r, line in zip(compute(s).lines, s.lines)}
    out = ["【经费使用与预算对照】"]
    own = [line.budget for _, s in summary.sections_of("ledger") for line in s.lines if line.budget is not None]
    planned_total = sum(own, ZERO) if own else sum(budget.values(), ZERO)
    spent_total = ZERO
    for _, section in summary.sections_of("ledger"):
        for r in compute(section).lines:
            spent_total += r.subtotal
            planned = r.line.budget if r.line.budget is not None else budget.get(r.line.name)
            if planned is None:
                out.append(f"  {r.line.name}：支出 {format_yuan(r.subtotal)} 元（预算中没有此项）")
            else:
                diff = r.subtotal - planned
                gap = "与预算持平" if diff == 0 else (f"超出预算 {format_yuan(diff)} 元" if diff > 0 else f"节余 {format_yuan(-diff)} 元")
                out.append(f"  {r.line.name}：预算 {format_yuan(planned)} 元，支出 {format_yuan(r.subtotal)} 元，{gap}")
    diff = spent_total - planned_total
    gap = "与预算持平" if diff == 0 else (f"超出预算 {format_yuan(diff)} 元" if diff > 0 else f"节余 {format_yuan(-diff)} 元")
    out.append(f"  合计：预算 {format_yuan(planned_total)} 元，支出 {format_yuan(spent_total)} 元，{gap}")
    return "\n".join(out) + "\n"


__all__ = ["ledger_report", "spending_report"]
