"""Lines prepared for analysis: noise removed, simplified, digits folded.

Checks read :attr:`Prepared.text` and quote the original through
:meth:`Prepared.quote`, so a figure in 建设(shè) text or in traditional
characters is still found, and the quote is what the author wrote.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..findings import Edit, Finding, Severity
from .noise import clean_line
from .source import Line

_FOLD = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)} | {"．": ".", "％": "%"})


class Prepared(NamedTuple):
    line: Line
    text: str
    origin: list[int]

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the author's text behind ``text[start:end]``."""
        if not self.origin or start >= len(self.origin):
            return start, end
        if end <= start:  # an insertion: before the character at *start*
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[min(end, len(self.origin)) - 1] + 1

    def edit(self, start: int, end: int, text: str) -> Edit:
        """Replace ``text[start:end]`` (prepared coordinates) with *text*, as an edit of the original line."""
        a, b = self.original(start, end)
        return Edit(self.line.paragraph, self.line.line, a, b, text, self.line.text[a:b])

    def quote(self, start: int = 0, end: int | None = None) -> str:
        """The original text behind ``text[start:end]``."""
        end = len(self.text) if end is None else end
        if not self.origin or start >= end:
            return self.line.text.strip()
        return self.line.text[self.origin[start] : self.origin[end - 1] + 1].strip()


# ６９３，７００元: full-width digits take a full-width comma as their thousands separator (one character for one,
# so the map back to the author's text holds). Between ASCII digits ， stays a pause: 693，700 are two figures.
_WIDE_THOUSANDS = re.compile(r"(?<=[０-９])，(?=[０-９]{3}(?![０-９]))")


def prepare(lines: list[Line]) -> list[Prepared]:
    out = []
    for line in lines:
        cleaned = clean_line(line.text)
        out.append(Prepared(line, _WIDE_THOUSANDS.sub(",", cleaned.text).translate(_FOLD), cleaned.origin))
    return out


def finding(kind: str, severity: Severity, at: Prepared, message: str, quote: str, suggestion: str,
            start: int | None = None, end: int | None = None, **figures) -> Finding:
    """A finding located at line *at*, quoting *quote*; *start*/*end* index ``at.text``."""
    span = None
    if start is not None and at.origin and start < len(at.origin):
        stop = min(end if end is not None else start + 1, len(at.origin))
        span = (at.origin[start], at.origin[stop - 1] + 1)
    return Finding(
        kind=kind,
        severity=severity,
        where=at.line.where,
        message=message,
        quote=quote,
        suggestion=suggestion,
        paragraph=at.line.paragraph,
        line=at.line.line,
        span=span,
        page=at.line.page,
        **figures,
    )
