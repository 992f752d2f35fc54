"""Every raw WordprocessingML helper of the kit, in one place.

python-docx has no API for East Asian fonts without theme attributes,
``firstLineChars``, the document grid, fields, odd/even footers, paragraph
borders or frames; these functions build those ``w:`` elements with lxml.
Code above this module speaks in headings, paragraphs and tables and never
writes XML. Lengths are python-docx :class:`~docx.shared.Length` values,
converted to twips or eighth-points only here.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from docx.shared import Length, Twips
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


@lru_cache(maxsize=None)
def qn(tag: str) -> str:
    """``w:p`` → ``{namespace}p``."""
    prefix, local = tag.split(":")
    return "{%s}%s" % ({"w": W_NS, "r": R_NS}[prefix], local)


def el(tag: str, attrs: dict[str, object] | None = None, children: Iterable[etree._Element] = ()) -> etree._Element:
    """A ``w:`` element with ``w:``-prefixed attributes and children."""
    node = etree.Element(qn(tag))
    for key, value in (attrs or {}).items():
        node.set(qn(key) if ":" in key else key, str(value))
    for child in children:
        if child is not None:
            node.append(child)
    return node


def twips(length: Length) -> int:
    return int(round(length.twips))


def eighth_points(length: Length) -> int:
    return int(round(length.pt * 8))


# -- run properties -------------------------------------------------------------


def rfonts(name: str, hint_east_asia: bool = False) -> etree._Element:
    """``w:rFonts`` naming *name* in every slot, East Asian included, no theme fonts.

    With *hint_east_asia*, shared punctuation (“” — ……) uses the East Asian
    font instead of the Latin one.
    """
    attrs: dict[str, object] = {"w:ascii": name, "w:hAnsi": name, "w:eastAsia": name, "w:cs": name}
    if hint_east_asia:
        attrs["w:hint"] = "eastAsia"
    return el("w:rFonts", attrs)


def strip_theme_fonts(root: etree._Element) -> None:
    """Remove theme-font attributes from every ``w:rFonts`` under *root*."""
    for node in root.iter(qn("w:rFonts")):
        for attr in _THEME_ATTRS:
            node.attrib.pop(qn(f"w:{attr}"), None)


def size(length: Length) -> list[etree._Element]:
    """``w:sz`` and ``w:szCs`` in half-points."""
    half = int(round(length.pt * 2))
    return [el("w:sz", {"w:val": half}), el("w:szCs", {"w:val": half})]


def rpr(
    *,
    font: str | None = None,
    font_size: Length | None = None,
    bold: bool = False,
    color: str | None = None,
    char_spacing: Length | None = None,
    style: str | None = None,
    hint_east_asia: bool = False,
    lang: str | None = None,
) -> etree._Element:
    """``w:rPr`` in schema order; every argument left None is left out."""
    children: list[etree._Element] = []
    if style:
        children.append(el("w:rStyle", {"w:val": style}))
    if font:
        children.append(rfonts(font, hint_east_asia))
    elif hint_east_asia:
        children.append(el("w:rFonts", {"w:hint": "eastAsia"}))
    if bold:
        children += [el("w:b"), el("w:bCs")]
    if color:
        children.append(el("w:color", {"w:val": color}))
    if char_spacing is not None:
        children.append(el("w:spacing", {"w:val": twips(char_spacing)}))
    if font_size is not None:
        children += size(font_size)
    if lang:
        children.append(el("w:lang", {"w:val": "en-US", "w:eastAsia": lang}))
    return el("w:rPr", children=children)


_SHARED_PUNCTUATION = set("“”‘’—…·")


def run(text: str, *, style: str | None = None, bold: bool = False, props: etree._Element | None = None) -> etree._Element:
    """A ``w:r`` holding *text* (spaces kept); tabs become ``w:tab``.

    A run of shared punctuation gets ``w:hint="eastAsia"`` so the quotes and
    dashes take the Chinese font's full-width shapes.
    """
    r = el("w:r")
    if props is not None:
        r.append(props)
    elif style or bold or _SHARED_PUNCTUATION.intersection(text):
        r.append(rpr(style=style, bold=bold, hint_east_asia=bool(_SHARED_PUNCTUATION.intersection(text))))
    for i, part in enumerate(text.split("\t")):
        if i:
            r.append(el("w:tab"))
        if part:
            t = etree.SubElement(r, qn("w:t"))
            t.text = part
            t.set(XML_SPACE, "preserve")
    return r


def line_break_run() -> etree._Element:
    return el("w:r", children=[el("w:br")])


def page_break_run() -> etree._Element:
    return el("w:r", children=[el("w:br", {"w:type": "page"})])


def page_field(props_factory) -> list[etree._Element]:
    """Runs of a real PAGE field: fldChar begin, instrText, separate, 1, end."""

    def r(*children: etree._Element) -> etree._Element:
        return el("w:r", children=[props_factory(), *children])

    instr = el("w:instrText")
    instr.text = " PAGE "
    instr.set(XML_SPACE, "preserve")
    shown = el("w:t")
    shown.text = "1"
    return [
        r(el("w:fldChar", {"w:fldCharType": "begin"})),
        r(instr),
        r(el("w:fldChar", {"w:fldCharType": "separate"})),
        r(shown),
        r(el("w:fldChar", {"w:fldCharType": "end"})),
    ]


# -- paragraph properties -------------------------------------------------------


def ind(
    *,
    first_line_chars: float | None = None,
    left_chars: float | None = None,
    right_chars: float | None = None,
    hanging_chars: float | None = None,
    char_width: Length,
) -> etree._Element:
    """``w:ind`` in characters (``*Chars`` in hundredths) plus twips for old readers."""
    attrs: dict[str, object] = {}
    for name, chars in (("left", left_chars), ("right", right_chars)):
        if chars is not None:
            attrs[f"w:{name}"] = int(round(chars * char_width.twips))
            attrs[f"w:{name}Chars"] = int(round(chars * 100))
    if hanging_chars is not None:
        attrs["w:hanging"] = int(round(hanging_chars * char_width.twips))
        attrs["w:hangingChars"] = int(round(hanging_chars * 100))
    elif first_line_chars is not None:
        attrs["w:firstLine"] = int(round(first_line_chars * char_width.twips))
        attrs["w:firstLineChars"] = int(round(first_line_chars * 100))
    return el("w:ind", attrs)


def spacing(*, line: Length | None = None, rule: str = "exact", before: Length | None = None, after: Length | None = None) -> etree._Element:
    """``w:spacing``: *rule* ``exact`` (twips) or ``auto`` (line in 240ths)."""
    attrs: dict[str, object] = {}
    if before is not None:
        attrs["w:before"] = twips(before)
        attrs["w:beforeLines"] = 0
    if after is not None:
        attrs["w:after"] = twips(after)
        attrs["w:afterLines"] = 0
    if line is not None:
        attrs["w:line"] = twips(line) if rule != "auto" else int(line)
        attrs["w:lineRule"] = rule
    return el("w:spacing", attrs)


def border(edge: str, width: Length, color: str = "000000", space: Length | None = None) -> etree._Element:
    """One ``w:pBdr`` edge (top, bottom, between) as a single line of *width*."""
    attrs = {"w:val": "single", "w:sz": eighth_points(width), "w:color": color}
    attrs["w:space"] = int(round(space.pt)) if space is not None else 0
    return el(f"w:{edge}", attrs)


def pbdr(*edges: etree._Element) -> etree._Element:
    order = {qn(f"w:{n}"): i for i, n in enumerate(("top", "left", "bottom", "right", "between", "bar"))}
    return el("w:pBdr", children=sorted(edges, key=lambda e: order[e.tag]))


def frame_bottom(width: Length) -> etree._Element:
    """``w:framePr`` anchoring a paragraph block to the foot of the text block."""
    return el(
        "w:framePr",
        {"w:w": twips(width), "w:wrap": "notBeside", "w:vAnchor": "margin", "w:hAnchor": "margin", "w:yAlign": "bottom", "w:xAlign": "center"},
    )


# Schema order of w:pPr children used by the kit (CT_PPrBase).
_PPR_ORDER = [
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "pBdr",
    "tabs", "snapToGrid", "spacing", "ind", "jc", "outlineLvl",
]


_PPR_RANK = {"{%s}%s" % (W_NS, n): i for i, n in enumerate(_PPR_ORDER)}


def ppr(style: str | None = None, *children: etree._Element) -> etree._Element:
    """``w:pPr`` with *style* and *children* sorted into schema order."""
    items = ([el("w:pStyle", {"w:val": style})] if style else []) + [c for c in children if c is not None]
    return el("w:pPr", children=sorted(items, key=lambda e: _PPR_RANK.get(e.tag, 99)))


def tabs(*stops: tuple[str, Length]) -> etree._Element:
    """``w:tabs`` with (alignment, position) stops."""
    return el("w:tabs", children=[el("w:tab", {"w:val": kind, "w:pos": twips(pos)}) for kind, pos in stops])


def jc(value: str) -> etree._Element:
    return el("w:jc", {"w:val": value})


def flag(tag: str, on: bool = True) -> etree._Element:
    """An on/off property such as ``w:keepNext``; off writes ``w:val="0"``."""
    return el(tag) if on else el(tag, {"w:val": "0"})


def paragraph(props: etree._Element | None, runs: Iterable[etree._Element] = ()) -> etree._Element:
    return el("w:p", children=[props, *runs] if props is not None else list(runs))


# -- tables -----------------------------------------------------------------------


def table(style: str, widths: list[Length], rows: list[list[etree._Element]], header_rows: int = 1) -> etree._Element:
    """A ``w:tbl`` of fixed column *widths*; each cell is a list of paragraphs."""
    tbl = el("w:tbl")
    tbl.append(
        el(
            "w:tblPr",
            children=[
                el("w:tblStyle", {"w:val": style}),
                el("w:tblW", {"w:w": sum(twips(w) for w in widths), "w:type": "dxa"}),
                el("w:jc", {"w:val": "center"}),
                el("w:tblLayout", {"w:type": "fixed"}),
            ],
        )
    )
    tbl.append(el("w:tblGrid", children=[el("w:gridCol", {"w:w": twips(w)}) for w in widths]))
    for index, cells in enumerate(rows):
        trpr = el("w:trPr", children=[el("w:cantSplit")] + ([el("w:tblHeader")] if index < header_rows else []))
        tr = el("w:tr", children=[trpr])
        for width, paragraphs in zip(widths, cells):
            tcpr = el("w:tcPr", children=[el("w:tcW", {"w:w": twips(width), "w:type": "dxa"}), el("w:vAlign", {"w:val": "center"})])
            tr.append(el("w:tc", children=[tcpr, *paragraphs]))
        tbl.append(tr)
    return tbl


def colophon_table(style: str, width: Length, rows: list[list[list[etree._Element]]], thick: Length, thin: Length) -> etree._Element:
    """A one-column table floating at the foot of the text block, rules only:
    *thick* above and below, *thin* between rows (GB 7.4 版记)."""
    tbl = table(style, [width], rows, header_rows=0)
    tblpr = tbl.find(qn("w:tblPr"))
    tblpr.insert(
        1,
        el("w:tblpPr", {"w:leftFromText": 0, "w:rightFromText": 0, "w:vertAnchor": "margin",
                        "w:horzAnchor": "margin", "w:tblpXSpec": "center", "w:tblpYSpec": "bottom"}),
    )
    edge = lambda name, w: el(f"w:{name}", {"w:val": "single", "w:sz": eighth_points(w), "w:space": 0, "w:color": "000000"})  # noqa: E731
    none = lambda name: el(f"w:{name}", {"w:val": "nil"})  # noqa: E731
    borders = el("w:tblBorders", children=[edge("top", thick), none("left"), edge("bottom", thick), none("right"),
                                            edge("insideH", thin), none("insideV")])
    tblpr.find(qn("w:tblLayout")).addprevious(borders)
    return tbl


# -- section and settings -----------------------------------------------------------


def doc_grid(line_pitch: Length, grid_type: str = "lines", char_space: int | None = None) -> etree._Element:
    attrs: dict[str, object] = {"w:type": grid_type, "w:linePitch": twips(line_pitch)}
    if char_space is not None:
        attrs["w:charSpace"] = char_space
    return el("w:docGrid", attrs)


def sect_pr(
    *,
    page_width: Length,
    page_height: Length,
    margins: dict[str, Length],
    line_pitch: Length,
    footers: dict[str, str],
) -> etree._Element:
    """``w:sectPr``: footer references (type → relationship id), page, margins, grid."""
    refs = [el("w:footerReference", {"w:type": kind, "r:id": rid}) for kind, rid in footers.items()]
    mar = {f"w:{k}": twips(v) for k, v in margins.items()}
    return el(
        "w:sectPr",
        children=[
            *refs,
            el("w:pgSz", {"w:w": twips(page_width), "w:h": twips(page_height)}),
            el("w:pgMar", mar),
            el("w:cols", {"w:space": 425}),
            doc_grid(line_pitch),
        ],
    )


def set_even_and_odd_headers(settings: etree._Element) -> None:
    """Add ``w:evenAndOddHeaders`` to a settings root (schema position kept)."""
    if settings.find(qn("w:evenAndOddHeaders")) is not None:
        return
    node = el("w:evenAndOddHeaders")
    # CT_Settings puts it after w:defaultTableStyle and before these.
    for name in _AFTER_EVEN_AND_ODD:
        anchor = settings.find(qn(f"w:{name}"))
        if anchor is not None:
            anchor.addprevious(node)
            return
    settings.append(node)


_AFTER_EVEN_AND_ODD = (
    "bookFoldRevPrinting", "bookFoldPrinting", "bookFoldPrintingSheets", "drawingGridHorizontalSpacing",
    "drawingGridVerticalSpacing", "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin", "drawingGridVerticalOrigin",
    "doNotShadeFormData", "noPunctuationKerning", "characterSpacingControl", "printTwoOnOne",
    "strictFirstAndLastChars", "noLineBreaksAfter", "noLineBreaksBefore", "savePreviewPicture",
    "doNotValidateAgainstSchema", "saveInvalidXml", "ignoreMixedContent", "alwaysShowPlaceholderText",
    "doNotDemarcateInvalidXml", "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt",
    "showXMLTags", "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults", "footnotePr",
    "endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang",
    "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade",
    "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
    "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
)


def body_of(document: etree._Element) -> etree._Element:
    return document.find(qn("w:body"))


def clear_body(body: etree._Element) -> etree._Element | None:
    """Remove everything but the final ``w:sectPr``; return that sectPr."""
    sect = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not sect:
            body.remove(child)
    return sect


def texts(root: etree._Element) -> list[str]:
    """Paragraph texts under *root* (``w:t`` joined per ``w:p``), for tests and checks."""
    out = []
    for p in root.iter(qn("w:p")):
        out.append("".join(t.text or "" for t in p.iter(qn("w:t"))))
    return out
