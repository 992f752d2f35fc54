"""Tracked changes in a clerk's own DOCX: reading a paragraph's text, splitting runs, w:ins and w:del.

The raw-XML layer for corrections, beside :mod:`kit.docx_xml` (which builds
new documents). :func:`paragraph_chars` reads a ``w:p`` as Word shows it
with every change accepted (runs inside ``w:ins``, hyperlinks, fields and
content controls included; ``w:del`` and ``w:moveFrom`` left out), and keeps,
for every character, the element it came from — so the proofreader's
character offsets and the places edited here are the same thing.

:func:`replace_range` splits runs only where an edit begins or ends, copying
their run properties, moves the replaced runs into ``w:del`` (``w:t`` becomes
``w:delText``) and writes the new text in a ``w:ins`` run formatted like the
first replaced character. Nothing outside the edited characters changes.
"""

from __future__ import annotations

import copy
from typing import NamedTuple

from lxml import etree

from .docx_xml import XML_SPACE, el, qn

_SKIP = {qn("w:del"), qn("w:moveFrom"), qn("w:pPr"), qn("w:rPr"), qn("w:commentRangeStart"),
         qn("w:commentRangeEnd"), qn("w:bookmarkStart"), qn("w:bookmarkEnd"), qn("w:proofErr")}
_SINGLE = {qn("w:tab"): "\t", qn("w:ptab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
_R, _T = qn("w:r"), qn("w:t")


class Char(NamedTuple):
    """One character of a paragraph and where it lives: its run, the run's child, and the index in that child."""

    text: str
    run: etree._Element
    child: etree._Element
    index: int


def paragraph_chars(p: etree._Element) -> list[Char]:
    """The characters of ``w:p`` with every tracked change accepted, in order."""
    out: list[Char] = []

    def walk(node: etree._Element) -> None:
        for child in node:
            if child.tag in _SKIP:
                continue
            if child.tag == _R:
                for part in child:
                    if part.tag == _T:
                        out.extend(Char(c, child, part, i) for i, c in enumerate(part.text or ""))
                    elif part.tag in _SINGLE:
                        out.append(Char(_SINGLE[part.tag], child, part, 0))
            elif isinstance(child.tag, str):
                walk(child)  # w:ins, w:hyperlink, w:smartTag, w:fldSimple, w:sdt, w:sdtContent, w:customXml

    walk(p)
    return out


def paragraph_text(p: etree._Element) -> str:
    return "".join(c.text for c in paragraph_chars(p))


def _split_run(run: etree._Element, child: etree._Element, index: int) -> etree._Element:
    """Split *run* before character *index* of *child*; returns the new run holding the rest."""
    rest = el("w:r")
    props = run.find(qn("w:rPr"))
    if props is not None:
        rest.append(copy.deepcopy(props))
    for key, value in run.attrib.items():
        rest.set(key, value)
    moving = False
    for part in list(run):
        if part is child:
            moving = True
            if index > 0:
                tail = el("w:t")
                tail.text = (child.text or "")[index:]
                tail.set(XML_SPACE, "preserve")
                child.text = (child.text or "")[:index]
                child.set(XML_SPACE, "preserve")
                rest.append(tail)
                continue
        if moving and part.tag != qn("w:rPr"):
            rest.append(part)  # moves it
    run.addnext(rest)
    return rest


def _boundary(p: etree._Element, pos: int) -> None:
    """Make sure a run starts at character *pos* of *p*."""
    chars = paragraph_chars(p)
    if pos >= len(chars) or pos == 0:
        return
    here, before = chars[pos], chars[pos - 1]
    if here.run is not before.run:
        return
    _split_run(here.run, here.child, here.index)


class Revision(NamedTuple):
    author: str
    date: str  # ISO 8601, e.g. 2026-11-29T10:00:00Z


def replace_range(p: etree._Element, start: int, end: int, text: str, revision: Revision, ids: "IdSource") -> bool:
    """Replace characters [start, end) of *p* with *text* as a tracked change; False when it cannot be done safely."""
    chars = paragraph_chars(p)
    if not (0 <= start <= end <= len(chars)) or (start == end and not text):
        return False
    if start == end:
        anchor = chars[start - 1] if start else None
        props = anchor.run.find(qn("w:rPr")) if anchor else None
        _boundary(p, start)
        ins = _insertion(text, props, revision, ids)
        if anchor is None:
            first = paragraph_chars(p)[0].run
            first.addprevious(ins)
        else:
            anchor.run.addnext(ins)
        return True
    runs = _runs_exactly(p, start, end)
    parents = {r.getparent() for r in runs}
    if len(parents) != 1 or next(iter(parents)).tag in (qn("w:ins"), qn("w:del")):
        return False  # across a hyperlink's edge, or inside another revision: leave it to a person
    props = runs[0].find(qn("w:rPr"))
    deletion = el("w:del", {"w:id": ids.next(), "w:author": revision.author, "w:date": revision.date})
    runs[0].addprevious(deletion)
    for r in runs:
        for t in r.findall(qn("w:t")):
            t.tag = qn("w:delText")
            t.set(XML_SPACE, "preserve")
        deletion.append(r)
    if text:
        deletion.addnext(_insertion(text, props, revision, ids))
    return True


def _insertion(text: str, props: etree._Element | None, revision: Revision, ids: "IdSource") -> etree._Element:
    t = el("w:t")
    t.text = text
    t.set(XML_SPACE, "preserve")
    r = el("w:r", children=[copy.deepcopy(props) if props is not None else None, t])
    return el("w:ins", {"w:id": ids.next(), "w:author": revision.author, "w:date": revision.date}, [r])


def runs_between(p: etree._Element, start: int, end: int) -> list[etree._Element]:
    """The runs holding exactly characters [start, end) of *p* (split where needed), for anchoring a comment."""
    chars = paragraph_chars(p)
    end = min(max(end, start + 1), len(chars))
    if not chars:
        return []
    start = min(start, len(chars) - 1)
    return _runs_exactly(p, start, end)


def _runs_exactly(p: etree._Element, start: int, end: int) -> list[etree._Element]:
    """Split runs at *start* and *end*, then the runs holding characters [start, end) of *p*, in order."""
    _boundary(p, end)
    _boundary(p, start)
    runs: list[etree._Element] = []
    for c in paragraph_chars(p)[start:end]:
        if not runs or runs[-1] is not c.run:
            runs.append(c.run)
    return runs


class IdSource:
    """Revision ids unique within the document: above every w:id already there."""

    def __init__(self, root: etree._Element):
        key = qn("w:id")
        used = [int(v) for node in root.iter() if (v := node.get(key)) is not None and v.lstrip("-").isdigit()]
        self._next = max(used, default=0) + 1

    def next(self) -> int:
        value = self._next
        self._next += 1
        return value
