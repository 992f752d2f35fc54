"""Plain-text reports for terminals and notebooks: aligned tables of CJK text
and the recomputed ledger. Used by ``kit ledger`` and by the notebooks' checked
cells, so both print the same thing."""

from __future__ import annotations

import unicodedata
from typing import Sequence

from .ledger import check_ledger, compute
from .model import Draft, LedgerSection
from .money import format_yuan


def display_width(text: str) -> int:
    """Columns *text* takes in a terminal: wide (CJK) characters count two."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def pad(text: str, width: int, align: str = "<") -> str:
    """Pad *text* with spaces to *width* display columns (``<`` left, ``>`` right)."""
    fill = " " * max(0, width - display_width(text))
    return text + fill if align == "<" else fill + text


def table(rows: Sequence[Sequence[str]], aligns: str, gap: int = 2) -> str:
    """Rows of cells as aligned text columns, widths measured in display columns."""
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(aligns))]
    lines = []
    for row in rows:
        cells = [pad(cell, widths[i], aligns[i]) for i, cell in enumerate(row)]
        lines.append((" " * gap).join(cells).rstrip())
    return "\n".join(lines)


def ledger_text(section: LedgerSection, where: str = "ledger") -> str:
    """One ledger recomputed: stated beside computed per line, the total in
    figures and in 大写, then every finding of the ledger."""
    result = compute(section)
    rows = [("序号", "项目", "计算方式", "所写小计", "计算小计", "核对")]
    for r in result.lines:
        stated = "—" if r.stated is None else format_yuan(r.stated)
        mark = "" if r.stated is None else ("✓" if r.difference == 0 else f"✗ 差 {format_yuan(r.difference)}")
        rows.append((str(r.index + 1), r.line.name, r.formula, stated, format_yuan(r.subtotal), mark))
    stated_total = "—" if section.stated_total is None else format_yuan(section.stated_total)
    ok = section.stated_total is None or section.stated_total == result.total
    rows.append(("", section.total_label, "", stated_total, format_yuan(result.total), "✓" if ok else "✗"))
    out = [table(rows, aligns="<<<>><")]
    out.append(f"计算{section.total_label}：{format_yuan(result.total)} 元（大写：{result.total_upper}）")
    if not ok:
        out.append(f"所写{section.total_label} {stated_total} 元有误，更正后为 {format_yuan(result.total)} 元。")
    findings = check_ledger(section, where)
    if findings:
        out.append(f"发现 {len(findings)} 处问题：")
        out.extend(f"  - {f.message}" for f in findings)
    else:
        out.append("各项数字核对无误。")
    return "\n".join(out) + "\n"


def ledger_report(draft: Draft) -> str:
    """Every ledger of *draft*, each under its title, then what other kinds compute (kit.sections: thresholds, scoring)."""
    from .sections import reports

    parts = [f"【{s.title}】\n" + ledger_text(s, f"sections.{key}") for key, s in draft.sections_of("ledger")]
    text = "\n".join(parts) if parts else "（本草稿没有经费预算）\n"
    others = reports(draft)
    return text + "".join("\n" + r for r in others)


def check_report(draft: Draft) -> str:
    """Every finding of *draft*'s checks, one per entry, and a count (as ``kit check`` prints them)."""
    from . import check

    findings = check(draft)
    if not findings:
        return "未发现问题。\n"
    errors = sum(f.severity == "error" for f in findings)
    return "\n".join(f.format() for f in findings) + f"\n\n共 {len(findings)} 条，其中错误 {errors} 条。\n"
