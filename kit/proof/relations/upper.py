"""大写 beside a figure: ``3320元（大写：叁仟叁佰贰拾元整）`` must say the same amount.

Totals of budgets are left to :mod:`.budget`, which compares their 大写 with
the corrected total.
"""

from __future__ import annotations

import re

from ...cnnum import money_upper
from ...findings import Finding
from ...money import format_yuan
from ..passage import Statement, located
from .budget import BESIDE



def check_upper(statements: list[Statement], claimed: set[tuple[int, int]]) -> list[Finding]:
    findings = []
    for st in statements:
        qs = st.quantities
        for i, u in enumerate(qs):
            if not u.upper or i == 0 or (st.index, u.start) in claimed:
                continue
            f = qs[i - 1]
            if not f.is_money or f.upper or not f.exact or not BESIDE.fullmatch(st.text[f.end : u.start]):
                continue
            if f.value == u.value:
                continue
            findings.append(located(
                "arithmetic", "error", st, u.start, u.end,
                f"数字写作 {format_yuan(f.value)} 元，大写却是「{u.text}」（{format_yuan(u.value)} 元），两者不一致",
                f"若 {format_yuan(f.value)} 元无误，大写应为「{money_upper(f.value)}」；否则改正前面的数字",
                quote=st.quote(f.start, u.end).strip(),
                stated=u.value, computed=f.value, difference=u.value - f.value,
            ))
    return findings
