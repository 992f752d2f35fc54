"""Outline numbering: 一、 → （一） → 1. / 1、 → （1）, at every level.

Each level counts from 1 and restarts under a new parent (a new 一、 restarts
（一）, 1. and （1）); an attachment (附件) restarts everything. A number that
repeats, skips or goes backwards is reported with the label it should have.
Figures such as 1.5万 or 2023.1.5 and dates are not labels.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..cnnum import ChineseNumberError, chinese_int, parse_cn_int
from ..findings import Finding
from .lines import Prepared, finding

_CN = "一二三四五六七八九十"
_LEAD = r"^[\s\u3000]*(?:#{1,6}\s*)?"
LEVELS = (
    (1, re.compile(_LEAD + rf"([{_CN}]{{1,3}})(、)(?![{_CN}]+(?:、|年级|个|月))")),
    (2, re.compile(_LEAD + rf"([（(])([{_CN}]{{1,3}})([）)])")),
    (3, re.compile(_LEAD + r"(\d{1,2})([.．](?![\d０-９])|、)(?!\d)")),
    (4, re.compile(_LEAD + r"([（(])(\d{1,2})([）)])")),
)
RESTART = re.compile(_LEAD + r"附件")
LEVEL_NAMES = {1: "一级标题（一、）", 2: "二级标题（（一））", 3: "三级序号（1.）", 4: "四级序号（（1））"}


class Label(NamedTuple):
    level: int
    number: int
    text: str  # as written: （三）
    start: int
    end: int

    def renumbered(self, n: int) -> str:
        """The same label style with number *n*: （三） → （二）, 3、 → 2、."""
        written = chinese_int(n) if self.level <= 2 else str(n)
        return re.sub(rf"[{_CN}]+|\d+", written, self.text, count=1)


def label_of(text: str) -> Label | None:
    """The outline label at the start of *text*, if any."""
    for level, pattern in LEVELS:
        m = pattern.match(text)
        if not m:
            continue
        digits = next(g for g in m.groups() if g and (g[0].isdigit() or g[0] in _CN))
        try:
            number = int(digits) if digits.isdigit() else parse_cn_int(digits)
        except ChineseNumberError:
            continue
        body_start = m.start(1)
        return Label(level, number, text[body_start : m.end()], body_start, m.end())
    return None


def check_numbering(prepared: list[Prepared]) -> list[Finding]:
    """Gaps, repeats and reversals of outline numbers at every level."""
    findings: list[Finding] = []
    last = {1: 0, 2: 0, 3: 0, 4: 0}
    for at in prepared:
        if RESTART.match(at.text):
            last = dict.fromkeys(last, 0)
            continue
        label = label_of(at.text)
        if label is None:
            continue
        level, n = label.level, label.number
        expected = last[level] + 1
        if n != expected:
            if n == last[level]:
                what = f"与上一个{LEVEL_NAMES[level]}重复"
            elif n > expected:
                missing = label.renumbered(expected) if n == expected + 1 else f"{label.renumbered(expected)}至{label.renumbered(n - 1)}"
                what = f"跳号：前面缺少「{missing}」"
            else:
                what = f"顺序颠倒：排在「{label.renumbered(last[level])}」之后"
            quote = at.quote(label.start, min(len(at.text), label.end + 12))
            findings.append(
                finding(
                    "numbering", "error", at,
                    f"{LEVEL_NAMES[level]}「{label.text}」{what}，按顺序应为「{label.renumbered(expected)}」",
                    quote, f"改为「{label.renumbered(expected)}」，并顺延后面的序号",
                )
            )
        last[level] = max(last[level], n)  # a number going backwards does not rewind the count
        for deeper in range(level + 1, 5):
            last[deeper] = 0
    return findings
