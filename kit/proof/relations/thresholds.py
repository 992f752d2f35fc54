"""Thresholds derived from a base: ``低于780元的150%（即1170元）``.

The base is the latest money figure stated before the percentage (a new
一、 heading forgets it); a derived figure written in whole yuan is compared
in whole yuan.
"""

from __future__ import annotations

import re

from ...findings import Finding
from ...money import format_yuan
from ...quantities import MONEY, PERCENT, Quantity
from ..passage import Statement, at_precision, figure_edit, located
from .shares import share_as_written

_GAP = re.compile(r"[)）]?[（(，,：:\s]*(?:即|为|约为|合|相当于|等于)?[：:\s]*(?:人民币)?[￥¥]?\s*")  # 60%即￥44,340.00


def check_thresholds(statements: list[Statement]) -> list[Finding]:
    findings = []
    base: Quantity | None = None
    for st in statements:
        if st.label and st.label.level == 1:
            base = None
        qs = st.quantities
        derived: set[int] = set()
        for i, q in enumerate(qs):
            if q.unit == MONEY and i not in derived and not q.upper and q.exact and not q.is_rate:
                base = q
            if q.unit != PERCENT or i + 1 >= len(qs):
                continue
            value = qs[i + 1]
            if value.unit != MONEY or value.upper or not _GAP.fullmatch(st.text[q.end : value.start]):
                continue
            derived.add(i + 1)
            if base is None or not (q.exact and value.exact):
                continue
            computed = at_precision(base.value * q.value / 100, value)  # 313472.94 × 40% = 125389.176, written 125389.18
            if computed == value.value or value.value % 1000 == 0 and share_as_written(value.value, base.value, q):
                # 114万…10.8%（12万3000）: an amount rounded to the thousand, whose own share is the one written —
                # news writes it so (an amount to the yuan, 40%即29650元 of 73900元, is the share's)
                continue
            findings.append(located(
                "arithmetic", "error", st, value.start, value.end,
                f"{format_yuan(base.value)} 元的 {q.value}% 应为 {format_yuan(computed)} 元，文中写作 {format_yuan(value.value)} 元",
                f"改为 {format_yuan(computed)} 元", quote=st.quote(q.start, value.end).strip(),
                stated=value.value, computed=computed, difference=value.value - computed, rule="THRESHOLD",
                edits=(figure_edit(st, value, computed),),
            ))
    return findings
