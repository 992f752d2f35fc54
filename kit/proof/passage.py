"""Statements: a document's lines joined into the units that relations live in.

A numbered item or a paragraph is one statement, and so is an item whose
line breaks in the middle of a sentence (``…香烟60元,`` / ``共180元。``):
a line that ends with a comma, an enumeration comma or an operator runs on
into the next one. Relations are read from statements; findings point back
at the physical line and the characters the figure came from.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from bisect import bisect_left
from functools import lru_cache
from dataclasses import dataclass, field

from decimal import ROUND_HALF_UP, Decimal

from ..cnnum import chinese_int, money_upper
from ..findings import Edit, Finding, Severity
from ..quantities import Quantity, quantities
from .lines import Prepared
from .numbering import Label, label_of

_RUNS_ON = re.compile(r"[，,、＋+×xX*＝=]\s*$")
_TAB_ROW = re.compile(r"\t|^\s*\|.*\|\s*$")


@dataclass
class Statement:
    """One item or paragraph: its text, the lines it came from and its figures."""

    parts: list[tuple[int, Prepared]]  # (offset in text, line)
    text: str
    label: Label | None
    index: int  # position among the document's statements
    _quantities: list[Quantity] | None = field(default=None, repr=False)
    _starts: list[int] | None = field(default=None, repr=False)

    @property
    def quantities(self) -> list[Quantity]:
        if self._quantities is None:
            self._quantities = quantities(self.text)
        return self._quantities

    def quantities_in(self, start: int, end: int) -> list[Quantity]:
        """The figures that begin in ``text[start:end]``, found by bisection: checks ask this of every figure."""
        if self._starts is None:
            self._starts = [q.start for q in self.quantities]
        return self.quantities[bisect_left(self._starts, start) : bisect_left(self._starts, end)]

    @property
    def first(self) -> Prepared:
        return self.parts[0][1]

    def line_at(self, pos: int) -> tuple[Prepared, int]:
        """The line holding character *pos* of :attr:`text`, and *pos* within that line."""
        for offset, at in reversed(self.parts):
            if pos >= offset:
                return at, pos - offset
        return self.parts[0][1], pos

    def quote(self, start: int, end: int) -> str:
        """The author's original text behind ``text[start:end]`` (across lines when needed)."""
        pieces = []
        for offset, at in self.parts:
            a, b = max(start, offset), min(end, offset + len(at.text))
            if a < b:
                pieces.append(at.quote(a - offset, b - offset))
        return "".join(pieces) or self.first.line.text.strip()

    def is_heading(self) -> bool:
        """A label or short title line without figures: 四、慰问费用预算 / 经费预算："""
        text = self.text.strip()
        if self.label and len(text) - self.label.end <= 24 and not re.search(r"[。；;]", text):
            return not any(q.is_money for q in self.quantities)
        return len(text) <= 20 and not re.search(r"[。；;，,]", text[:-1]) and not any(q.is_money for q in self.quantities)


FULL_STOP = re.compile(r"[。！？!?]")  # where a sentence ends (not at ；, which only ends a clause)


def depth(text: str, pos: int) -> int:
    """How many brackets are open at *pos*: 甲校20人（女生9人） puts 9 one level below 20."""
    return max(0, _opened(text)[pos])


@lru_cache(maxsize=32)
def _opened(text: str) -> list[int]:
    """Brackets opened less brackets closed before each position: every check asks of many figures of one text."""
    out, level = [0], 0
    for c in text:
        level += (c in "（(") - (c in "）)")
        out.append(level)
    return out


def statements(prepared: list[Prepared]) -> list[Statement]:
    """The document's statements in reading order; table rows and blank lines stand alone."""
    out: list[Statement] = []
    current: list[tuple[int, Prepared]] = []
    text = ""

    def close() -> None:
        nonlocal current, text
        if current:
            out.append(Statement(current, text, label_of(current[0][1].text), len(out)))
        current, text = [], ""

    width = _wrap_width([at.line.text for at in prepared])  # the page cut the text as written, noise and all
    wrapped = False  # the line before was cut by the page's width, mid-sentence
    for k, at in enumerate(prepared):
        line = at.text
        if not line.strip() or _TAB_ROW.search(line):
            close()
            wrapped = False
            if line.strip():
                out.append(Statement([(0, at)], line, None, len(out)))
            continue
        joins = current and (_RUNS_ON.search(text) or wrapped or _ASIDE.match(line)) and not label_of(line)
        if not joins:
            close()
        current.append((len(text), at))
        text += line
        after_raw = prepared[k + 1].line.text if k + 1 < len(prepared) else ""
        wrapped = width is not None and (_cut_at(at.line.text, width) or _cut_before_figure(at.line.text, after_raw, width))
        after = prepared[k + 1].text if k + 1 < len(prepared) else ""
        aside = bool(_ASIDE.match(after)) and not _ENDS.search(line) and not label_of(after)
        if not _RUNS_ON.search(line) and not wrapped and not aside:
            close()
    close()
    return out


_ASIDE = re.compile(r"\s*[（(][^）)\d]")  # 每生230元⏎（社会实践费190元、车费40元）: a bracket on its own line goes with the line before
_ENDS = re.compile(r"[。！？!?；;：:）)」』”\"’'》】]\s*$")


def _display_width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line.rstrip())


def _characters(line: str) -> int:
    return len(line.rstrip())


# a row of a table laid out in columns (| , wide gaps, or figures set apart by spaces: 人 10 80 960), never a cut sentence
_COLUMNS = re.compile(r"[|｜]|\S {3,}\S|\u3000{2,}|\d\s+[\d.,]+\s+\d")


@dataclass(frozen=True)
class _Wrap:
    measure: object  # how the page measured a line: display columns (PDF) or characters (a text editor)
    width: int
    least: int  # the shortest width that counts as cut (the longest word put on the next line)


def _cut_at(line: str, wrap: _Wrap) -> bool:
    return wrap.least <= wrap.measure(line) <= wrap.width and not _ENDS.search(line) and not _COLUMNS.search(line)


_LEADING_FIGURE = re.compile(r"[0-9０-９][0-9０-９,.，．]*\s?(?:%|％|万|亿)?")


def _cut_before_figure(line: str, after: str, wrap: _Wrap) -> bool:
    """…分别占专任教师的12.0%、31.6%和⏎56.4%。: a figure is never cut, so a line may stop short by the figure that
    did not fit."""
    m = _LEADING_FIGURE.match(after)
    return (bool(m) and not _ENDS.search(line) and not _COLUMNS.search(line)
            and wrap.least - wrap.measure(m.group()) <= wrap.measure(line) < wrap.least)


def _wrap_width(lines: list[str]) -> _Wrap | None:
    """The width a hard-wrapped text (copied from a PDF page, or cut by an editor at so many characters) was cut
    at, or None.

    养殖业⏎552个，加工业47个…: a sentence cut by the page goes on in the next line. A text is taken as wrapped
    when at least four long lines, a third of the lines that end mid-sentence, stop within three columns (or
    two characters) of one width; lines that end a sentence or a heading are never that long and that alike by
    chance. Columns are tried first, as PDF pages measure them; then characters.
    """
    candidates = [x for x in lines if x.strip() and not _ENDS.search(x) and not _COLUMNS.search(x)]
    found = []
    for measure, longest, slack in ((_display_width, 40, 3), (_characters, 20, 2)):
        open_ends = [w for w in map(measure, candidates) if w >= longest]
        if len(open_ends) < 4:
            continue
        counts = Counter(open_ends)
        best, hits = max(((w, sum(counts[v] for v in range(w - slack, w + 1))) for w in counts), key=lambda x: (x[1], x[0]))
        if hits >= 4 and hits * 3 >= len(open_ends):
            found.append((hits / len(open_ends), hits, _Wrap(measure, best, best - slack)))
    return max(found, key=lambda x: (x[0], x[1]))[2] if found else None  # the measure the cut lines agree on best


def at_precision(value: Decimal, written: Quantity) -> Decimal:
    """*value* rounded half-up to the step *written* was written at (1.5万 → to the thousand, 12.45% → to 0.01)."""
    step = written.resolution
    return (value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step


def rewrite(q: Quantity, value: Decimal) -> str:
    """*value* written the way the author wrote *q*: 6.8万 → 6.2万, 一千四百 → 一千五百, 壹仟… → 壹仟…, 180 → 220."""
    written = q.text[: q.number_end - q.start]
    if q.upper:
        return money_upper(value)
    if written and written[0] in "零〇一二两三四五六七八九十百千万亿" and value == value.to_integral_value():
        return chinese_int(int(value))
    suffix = written[-1] if written[-1:] in "万亿" else ""
    number = value / q.scale if suffix or q.scale > 1 else value  # 1,153 万元, 346千元: the multiplier stays as written
    if suffix and number != number.quantize(Decimal("0.0001")):
        suffix, number = "", value  # not a round figure in 万: write it out
    digits = _digits(number, q.places)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", written[: len(written) - len(suffix)]):  # 10,050 → 10,500: the thousands kept as written
        whole, _, fraction = digits.partition(".")
        digits = f"{int(whole):,}" + (f".{fraction}" if fraction else "")
    return digits + suffix


def _digits(number: Decimal, places: int) -> str:
    """220, 243.5 (as many decimals as the author wrote, when exact), 6.2."""
    if number == number.to_integral_value():
        return f"{number:.0f}"
    step = Decimal(1).scaleb(-places)
    if places and number == number.quantize(step):
        return f"{number.quantize(step):f}"
    return f"{number.normalize():f}"


def figure_edit(st: Statement, q: Quantity, value: Decimal) -> Edit:
    """An edit replacing the digits of figure *q* (its unit kept) with *value*."""
    at, pos = st.line_at(q.start)
    end = pos + (q.number_end - q.start) if not q.upper else pos + (q.end - q.start)
    return at.edit(pos, end, rewrite(q, value))


def located(kind: str, severity: Severity, st: Statement, start: int, end: int, message: str, suggestion: str,
            quote: str | None = None, **figures) -> Finding:
    """A finding at the figure ``st.text[start:end]``: paragraph, line and character span of the original."""
    at, pos = st.line_at(start)
    stop = pos + (end - start)
    origin = at.origin
    span = None
    if origin and pos < len(origin):
        span = (origin[pos], origin[min(stop, len(origin)) - 1] + 1)
    return Finding(
        kind=kind, severity=severity, where=at.line.where, message=message,
        quote=quote if quote is not None else st.quote(start, end), suggestion=suggestion,
        paragraph=at.line.paragraph, line=at.line.line, span=span, page=at.line.page, **figures,
    )
