"""Plain-text reports the notebooks print (checked by nbval): no widgets here."""

from __future__ import annotations

from .. import model as m
from ..ledger import check_ledger, compute
from ..money import ZERO, format_yuan


def _width(text: str) -> int:
    """Display width: CJK characters count two columns."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - _width(text))
    return gap + text if right else text + gap


def ledger_report(draft: m.Draft) -> str:
    """Every ledger of *draft* recomputed: stated beside computed per line, the total, 大写 and findings."""
    out: list[str] = []
    for key, section in draft.sections_of("ledger"):
        result = compute(section)
        out.append(f"【{section.title}】")
        out.append(f"{_pad('项目', 16)}{_pad('计算方式', 30)}{_pad('所写', 8, True)}{_pad('计算', 8, True)}  核对")
        for r in result.lines:
            stated = "—" if r.stated is None else format_yuan(r.stated)
            mark = "" if r.stated is None else ("✓" if r.difference == 0 else f"✗ 差 {format_yuan(r.difference)}")
            out.append(f"{_pad(f'{r.index + 1}. {r.line.name}', 16)}{_pad(r.formula, 30)}{_pad(stated, 8, True)}{_pad(format_yuan(r.subtotal), 8, True)}  {mark}")
        stated_total = "—" if section.stated_total is None else format_yuan(section.stated_total)
        ok = section.stated_total is None or section.stated_total == result.total
        out.append(f"{_pad(section.total_label, 46)}{_pad(stated_total, 8, True)}{_pad(format_yuan(result.total), 8, True)}  {'✓' if ok else '✗'}")
        out.append(f"计算{section.total_label}：{format_yuan(result.total)} 元（大写：{result.total_upper}）")
        findings = check_ledger(section, f"sections.{key}")
        if findings:
            out.append(f"发现 {len(findings)} 处问题：")
            out.extend(f"  - {f.message}" for f in findings)
        else:
            out.append("各项数字核对无误。")
        out.append("")
    return "\n".join(out).rstrip() + "\n" if out else "（本草稿没有经费预算）\n"


def spending_report(plan: m.Draft, summary: m.Draft) -> str:
    """Money spent (the summary's ledgers) against the plan's budget, line by line where names match."""
    budget = {line.name: r.subtotal for _, s in plan.sections_of("ledger") for r, line in zip(compute(s).lines, s.lines)}
    out = ["【经费使用与预算对照】"]
    planned_total = sum(budget.values(), ZERO)
    spent_total = ZERO
    for _, section in summary.sections_of("ledger"):
        for r in compute(section).lines:
            spent_total += r.subtotal
            planned = budget.get(r.line.name)
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
