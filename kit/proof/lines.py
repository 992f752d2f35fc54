"""Lines prepared for analysis: noise removed, simplified, digits folded.

Checks read :attr:`Prepared.text` and quote the original through
:meth:`Prepared.quote`, so a figure in 建设(shè) text or in traditional
characters is still found, and the quote is what the author wrote.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from ..cnnum import find_amounts
from ..findings import Finding, Severity
from .noise import clean_line
from .source import Line

_FOLD = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)} | {"．": ".", "％": "%"})


class Prepared(NamedTuple):
    line: Line
    text: str
    origin: list[int]

    def quote(self, start: int = 0, end: int | None = None) -> str:
        """The original text behind ``text[start:end]``."""
        end = len(self.text) if end is None else end
        if not self.origin or start >= end:
            return self.line.text.strip()
        return self.line.text[self.origin[start] : self.origin[end - 1] + 1].strip()


def prepare(lines: list[Line]) -> list[Prepared]:
    out = []
    for line in lines:
        cleaned = clean_line(line.text)
        out.append(Prepared(line, cleaned.text.translate(_FOLD), cleaned.origin))
    return out


def finding(kind: str, severity: Severity, at: Prepared, message: str, quote: str, suggestion: str, **figures) -> Finding:
    """A finding located at line *at*, quoting *quote*."""
    return Finding(
        kind=kind,
        severity=severity,
        where=at.line.where,
        message=message,
        quote=quote,
        suggestion=suggestion,
        paragraph=at.line.paragraph,
        line=at.line.line,
        **figures,
    )


# -- numbers with their units ------------------------------------------------------

UNIT = re.compile(r"万?(平方米|平米|㎡|m²|元|人次|人|名|位|户|个|台|套|间|册|本|项|次|%|所|条|件|岁|天|张|份|辆|场|支|盒|袋|箱|块|把|双|部|桌)")
AREA, MONEY, PERCENT = "平方米", "元", "%"
_SAME_UNIT = {"平米": AREA, "㎡": AREA, "m²": AREA, "名": "人", "位": "人", "本": "册"}


class Token(NamedTuple):
    start: int
    end: int  # end of the number (the unit follows)
    value: Decimal
    unit: str  # normalised: 元 平方米 人 % 户 …, "" when none
    upper: bool  # 大写 money


def tokens(text: str) -> list[Token]:
    """Every number in *text* with the unit written after it."""
    out = []
    for span in find_amounts(text):
        if span.text.endswith(("元", "整", "角", "分", "正")):
            out.append(Token(span.start, span.end, span.value, MONEY, True))
            continue
        m = UNIT.match(text, span.end)
        unit = _SAME_UNIT.get(m.group(1), m.group(1)) if m else ""
        value = span.value * 10000 if m and m.group().startswith("万") else span.value
        out.append(Token(span.start, span.end + (len(m.group()) if m and unit == MONEY else 0), value, unit, False))
    return out


def places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


CLAUSE = re.compile(r"[^；;。]+")


def clauses(text: str) -> list[tuple[int, str]]:
    """(offset, clause) for each part of *text* between ；and 。."""
    return [(m.start(), m.group()) for m in CLAUSE.finditer(text) if m.group().strip()]
