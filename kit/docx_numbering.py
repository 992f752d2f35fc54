"""The numbers Word writes itself: list labels from ``numbering.xml``, as the clerk sees them on the page.

A clerk's Word file often numbers its headings and items automatically (一、 二、, （一）, 1.):
the labels are not in the text of the paragraphs but in the numbering definitions, and
python-docx reads only the text. Without them the checker would see no outline at all, and
the importer no sections. :class:`Labels` renders each paragraph's label the way Word does
(ECMA-376 §17.9): the paragraph's ``w:numPr`` (or its style's), the list instance ``w:num``
and its ``w:abstractNum`` level — start, number format, ``lvlText`` such as ``%1、`` or
``（%1）``, restarts below a level that moves on, ``w:startOverride`` on a new instance.

Written here because no maintained Python library renders Word's Chinese number formats
(chineseCounting 一、二, ideographTraditional 甲乙丙, chineseLegalSimplified 壹贰叁…):
python-docx exposes the XML only, and the list renderers found (docx2python, mammoth) know
decimal, letters and roman numerals. Bullets render as nothing: they are no outline label.
"""

from __future__ import annotations

from .cnnum import chinese_int
from .docx_xml import qn

_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_LEGAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")


def format_number(n: int, fmt: str) -> str:
    """*n* in Word's number format *fmt*; an unknown format falls back to decimal, as Word does."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
               "japaneseCounting", "ideographDigital"):
        return chinese_int(n) if n > 0 else "〇"
    if fmt == "chineseLegalSimplified":
        return chinese_int(n).translate(_LEGAL) if n > 0 else "零"
    if fmt == "ideographTraditional" and 1 <= n <= len(_STEMS):
        return _STEMS[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt in ("decimalEnclosedParen", "decimalEnclosedFullstop"):
        return str(n)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter") and n > 0:
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and n > 0:
        out, rest = "", n
        for value, digits in _ROMAN:
            while rest >= value:
                out, rest = out + digits, rest - value
        return out.upper() if fmt == "upperRoman" else out
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


class _Level:
    __slots__ = ("start", "fmt", "text", "legal", "restart", "suffix")

    def __init__(self, lvl) -> None:
        def val(tag: str, default: str | None = None) -> str | None:
            node = lvl.find(qn(tag))
            return node.get(qn("w:val"), default) if node is not None else default

        self.start = _int(val("w:start"), 0)
        self.fmt = val("w:numFmt", "decimal") or "decimal"
        self.text = val("w:lvlText", "") or ""
        self.legal = lvl.find(qn("w:isLgl")) is not None
        restart = val("w:lvlRestart")
        self.restart = _int(restart, -1) if restart is not None else None  # None: after any higher level
        self.suffix = val("w:suff", "tab")


class Labels:
    """Renders the automatic label of each body paragraph, in document order (counters run as Word's do)."""

    def __init__(self, document) -> None:
        self._levels: dict[str, dict[int, _Level]] = {}  # abstractNumId -> ilvl -> level
        self._num: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}  # numId -> (abstract, starts, levels)
        self._styles: dict[str, tuple[str | None, int | None, str | None]] = {}  # styleId -> (numId, ilvl, basedOn)
        self._counters: dict[str, dict[int, int]] = {}  # abstractNumId -> ilvl -> current number
        self._started: set[tuple[str, int]] = set()  # (numId, ilvl) whose startOverride was applied
        try:
            numbering = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        for abstract in numbering.iterchildren(qn("w:abstractNum")):
            key = abstract.get(qn("w:abstractNumId"))
            self._levels[key] = {_int(lvl.get(qn("w:ilvl")), 0): _Level(lvl) for lvl in abstract.iterchildren(qn("w:lvl"))}
        for num in numbering.iterchildren(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is None:
                continue
            starts, overrides = {}, {}
            for override in num.iterchildren(qn("w:lvlOverride")):
                ilvl = _int(override.get(qn("w:ilvl")), 0)
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    starts[ilvl] = _int(start.get(qn("w:val")), 0)
                lvl = override.find(qn("w:lvl"))
                if lvl is not None:
                    overrides[ilvl] = _Level(lvl)
            self._num[num.get(qn("w:numId"))] = (ref.get(qn("w:val")), starts, overrides)
        try:
            styles = document.part.styles.element
        except (NotImplementedError, KeyError, AttributeError):
            styles = None
        if styles is not None:
            for style in styles.iterchildren(qn("w:style")):
                ppr = style.find(qn("w:pPr"))
                numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
                based = style.find(qn("w:basedOn"))
                num_id, ilvl = _numpr(numpr)
                self._styles[style.get(qn("w:styleId"))] = (num_id, ilvl, based.get(qn("w:val")) if based is not None else None)

    def label(self, p) -> str:
        """The label Word shows before paragraph *p* (a ``w:p``), advancing the counters; '' when it has none."""
        num_id, ilvl = self._numbering_of(p)
        if not num_id or num_id == "0" or num_id not in self._num:
            return ""
        abstract, starts, overrides = self._num[num_id]
        levels = {**self._levels.get(abstract, {}), **overrides}
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self._counters.setdefault(abstract, {})
        if ilvl in starts and (num_id, ilvl) not in self._started:
            self._started.add((num_id, ilvl))
            counters[ilvl] = starts[ilvl] - 1  # a list restarted by the clerk: a new instance, its own start
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [d for d in counters if d > ilvl]:
            below = levels.get(deeper)
            if below is None or below.restart is None or below.restart != 0 and ilvl <= below.restart - 1:
                del counters[deeper]  # 一、 moves on: its （一） start again
        if level.fmt in ("bullet", "none"):
            return ""
        text = level.text
        for k in range(8, -1, -1):
            token = f"%{k + 1}"
            if token in text:
                shown = levels.get(k)
                n = counters.get(k, shown.start if shown is not None else 1)
                fmt = "decimal" if level.legal or shown is None else shown.fmt
                text = text.replace(token, format_number(n, fmt))
        if level.suffix == "space" or level.suffix == "tab" and text[-1:].isalnum():
            text += " "  # 1<tab>按时到场 → 1 按时到场: a number with no punctuation stays apart from the text
        return text

    def _numbering_of(self, p) -> tuple[str | None, int]:
        ppr = p.find(qn("w:pPr"))
        if ppr is not None:
            numpr = ppr.find(qn("w:numPr"))
            if numpr is not None:
                num_id, ilvl = _numpr(numpr)
                if num_id is not None:
                    return num_id, ilvl or 0
            style = ppr.find(qn("w:pStyle"))
            style_id = style.get(qn("w:val")) if style is not None else None
        else:
            style_id = None
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self._styles:  # 标题 1 linked to a list: its level
            seen.add(style_id)
            num_id, ilvl, based = self._styles[style_id]
            if num_id is not None:
                return num_id, ilvl or 0
            style_id = based
        return None, 0


def _numpr(numpr) -> tuple[str | None, int | None]:
    if numpr is None:
        return None, None
    num = numpr.find(qn("w:numId"))
    lvl = numpr.find(qn("w:ilvl"))
    return (num.get(qn("w:val")) if num is not None else None), (_int(lvl.get(qn("w:val")), 0) if lvl is not None else None)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
