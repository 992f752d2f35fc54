"""Unfilled placeholders left from a model essay: xx, ××, 20xx, 20__年, （ ）, ___."""

from __future__ import annotations

import re
from typing import NamedTuple

_X = "xXｘＸ×✕"
_YEAR_DIGIT = "0-9０-９〇零一二三四五六七八九"
PLACEHOLDER = re.compile(
    "|".join(
        [
            rf"(?<![0-9０-９])(?:20|二[0０〇零])[{_YEAR_DIGIT}]?[{_X}]+(?![0-9０-９])",  # 20xx, 201x, 二0xx, 二零一x (not 620×2)
            rf"(?<![A-Za-z])[{_X}]{{2,}}(?![A-Za-z])",  # xx, XX, ××, ＸＸ
            rf"(?<![A-Za-z0-9{_X}])[{_X}](?=[年月日号])",  # x月x日
            r"[（(][\s\u3000]*[）)]",  # empty （ ）
            rf"(?:20|二[0０〇零])?[{_YEAR_DIGIT}]?[_＿]+(?=[年月日号])|(?<=[年月日])[_＿]+",  # 20__年, _月_日
            r"_{3,}|＿{2,}",  # ____ blanks
            r"【待填[^】]*】",  # the kit's own marker in starting drafts
        ]
    )
)


class Placeholder(NamedTuple):
    start: int
    end: int
    text: str


def find_placeholders(text: str) -> list[Placeholder]:
    """Every placeholder in *text*, in order."""
    return [Placeholder(m.start(), m.end(), m.group()) for m in PLACEHOLDER.finditer(text)]
