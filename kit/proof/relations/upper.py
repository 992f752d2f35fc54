"""大写 beside a figure: ``3320元（大写：叁仟叁佰贰拾元整）`` must say the same amount.

Totals of budgets are left to :mod:`.budget`, which compares their 大写 with
the corrected total.
"""

from __future__ import annotations

import re

from decimal import Decimal, InvalidOperation

from ...cnnum import ChineseNumberError, money_upper, parse_money_upper
from ...findings import Finding
from ...money import format_yuan
from ..passage import Statement, located
from .budget import BESIDE



_BARE_UPPER = re.compile(  # 小写6248元,大写(陆仟贰佰肆拾捌): a 大写 written without 元
    r"(?<![0-9,.])(?P<fig>[0-9][0-9,]*(?:\.[0-9]+)?)\s*元?\s*[,，]?\s*[）)]?\s*[（(]?\s*大写(?:金额)?[：:\s]*[（(]?\s*"
    r"(?P<up>[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+)(?![零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分])"
)


def check_upper(statements: list[Statement], claimed: set[tuple[int, int]]) -> list[Finding]:
    findings = []
    for st in statements:
        findings.extend(_bare_upper(st, claimed))
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
                stated=u.value, computed=f.value, difference=u.value - f.value, rule="UPPER-VALUE",
            ))
    return findings


def _bare_upper(st: Statement, claimed: set[tuple[int, int]]) -> list[Finding]:
    out = []
    for m in _BARE_UPPER.finditer(st.text):
        if (st.index, m.start("up")) in claimed:
            continue
        try:
            upper = parse_money_upper(m.group("up") + "元")
            figure = Decimal(m.group("fig").replace(",", ""))
        except (ChineseNumberError, InvalidOperation):
            continue
        if upper == figure:
            continue
        out.append(located(
            "arithmetic", "error", st, m.start("up"), m.end("up"),
            f"数字写作 {format_yuan(figure)} 元，大写却是「{m.group('up')}」（{format_yuan(upper)} 元），两者不一致",
            f"若 {format_yuan(figure)} 元无误，大写应为「{money_upper(figure)}」；否则改正前面的数字",
            quote=m.group().strip(), stated=upper, computed=figure, difference=upper - figure, rule="UPPER-VALUE",
        ))
    return out
