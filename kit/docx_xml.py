"""Every raw WordprocessingML helper of the kit, in one place.

python-docx has no API for East Asian fonts without theme attributes,
``firstLineChars``, the document grid, fields, odd/even footers, paragraph
borders or frames; these functions build those ``w:`` elements with lxml.
Code above this module speaks in headings, paragraphs and tables and never
writes XML. Lengths are python-docx :class:`~docx.shared.Length` values,
converted to twips or eighth-points only here.

Two forms of the same markup: lxml elements (``el``, ``ppr``, ``run`` …) for
the template builder and the tests, and XML text (``*_xml`` functions, the
"text builders" section) for the renderer's body, which is hot: writing a
paragraph as a string costs a fraction of building its elements. Attribute
values are computed once (``ind_attrs``, ``spacing_attrs``, ``border_attrs``)
and serialised by either form. The text form always uses the ``w:`` prefix.
"""

from __future__ import annotations

import re
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


def ind_attrs(
    *,
    first_line_chars: float | None = None,
    left_chars: float | None = None,
    right_chars: float | None = None,
    hanging_chars: float | None = None,
    char_width: Length,
) -> dict[str, object]:
    """``w:ind`` attributes in characters (``*Chars`` in hundredths) plus twips for old readers."""
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
    return attrs


def ind(**kwargs) -> etree._Element:
    """``w:ind`` element; arguments as :func:`ind_attrs`."""
    return el("w:ind", ind_attrs(**kwargs))


def spacing_attrs(*, line: Length | None = None, rule: str = "exact", before: Length | None = None, after: Length | None = None) -> dict[str, object]:
    """``w:spacing`` attributes: *rule* ``exact`` (twips) or ``auto`` (line in 240ths)."""
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
    return attrs


def spacing(**kwargs) -> etree._Element:
    """``w:spacing`` element; arguments as :func:`spacing_attrs`."""
    return el("w:spacing", spacing_attrs(**kwargs))


def border_attrs(width: Length, color: str = "000000", space: Length | None = None) -> dict[str, object]:
    """A border edge (paragraph or table) as a single line of *width*."""
    return {"w:val": "single", "w:sz": eighth_points(width), "w:space": int(round(space.pt)) if space is not None else 0, "w:color": color}


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


def jc(value: str) -> etree._Element:
    return el("w:jc", {"w:val": value})


def flag(tag: str, on: bool = True) -> etree._Element:
    """An on/off property such as ``w:keepNext``; off writes ``w:val="0"``."""
    return el(tag) if on else el(tag, {"w:val": "0"})


def paragraph(props: etree._Element | None, runs: Iterable[etree._Element] = ()) -> etree._Element:
    return el("w:p", children=[props, *runs] if props is not None else list(runs))


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


# -- text builders (the renderer's fast path) ------------------------------------------

# Characters XML 1.0 cannot hold; lxml refuses them, the text form drops them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def esc(text: str) -> str:
    """*text* as XML character data (also safe in double-quoted attributes)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    if _NOT_XML.search(text):
        text = _NOT_XML.sub("", text)
    return text


def tag_xml(tag: str, attrs: dict[str, object] | None = None, inner: str = "") -> str:
    """``<w:tag w:a="v">inner</w:tag>`` (self-closing when *inner* is empty)."""
    a = "".join(f' {k}="{esc(str(v))}"' for k, v in attrs.items()) if attrs else ""
    return f"<{tag}{a}>{inner}</{tag}>" if inner else f"<{tag}{a}/>"


@lru_cache(maxsize=256)
def rpr_xml(style: str | None = None, bold: bool = False, hint_east_asia: bool = False, font_size: float | None = None) -> str:
    """``w:rPr`` text for the renderer's runs (*font_size* in points)."""
    inner = ""
    if style:
        inner += tag_xml("w:rStyle", {"w:val": style})
    if hint_east_asia:
        inner += '<w:rFonts w:hint="eastAsia"/>'
    if bold:
        inner += "<w:b/><w:bCs/>"
    if font_size is not None:
        half = int(round(font_size * 2))
        inner += f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'
    return f"<w:rPr>{inner}</w:rPr>" if inner else ""


def run_xml(text: str, *, style: str | None = None, bold: bool = False, props: str | None = None) -> str:
    """A ``w:r`` holding *text*, as :func:`run` builds it."""
    if props is None:
        hint = not _SHARED_PUNCTUATION.isdisjoint(text)
        props = rpr_xml(style, bold, hint) if (style or bold or hint) else ""
    if "\t" not in text:
        return f'<w:r>{props}<w:t xml:space="preserve">{esc(text)}</w:t></w:r>' if text else f"<w:r>{props}</w:r>"
    inner = "<w:tab/>".join(f'<w:t xml:space="preserve">{esc(part)}</w:t>' if part else "" for part in text.split("\t"))
    return f"<w:r>{props}{inner}</w:r>"


LINE_BREAK_RUN_XML = "<w:r><w:br/></w:r>"

_TAG_NAME = re.compile(r"<w:(\w+)")
_PPR_RANK_XML = {n: i for i, n in enumerate(_PPR_ORDER)}


@lru_cache(maxsize=1024)
def ppr_xml(style: str | None = None, *children: str) -> str:
    """``w:pPr`` text with *style* and the *children* texts in schema order."""
    items = sorted((c for c in children if c), key=lambda c: _PPR_RANK_XML.get(_TAG_NAME.match(c)[1], 99))
    head = f'<w:pStyle w:val="{esc(style)}"/>' if style else ""
    return f"<w:pPr>{head}{''.join(items)}</w:pPr>"


def paragraph_xml(props: str, runs: Iterable[str] = ()) -> str:
    return f"<w:p>{props}{''.join(runs)}</w:p>"


def flag_xml(tag: str, on: bool = True) -> str:
    return f"<{tag}/>" if on else f'<{tag} w:val="0"/>'


def ind_xml(**kwargs) -> str:
    return tag_xml("w:ind", ind_attrs(**kwargs))


def spacing_xml(**kwargs) -> str:
    return tag_xml("w:spacing", spacing_attrs(**kwargs))


def pbdr_xml(**edges: tuple[Length, str, Length | None]) -> str:
    """``w:pBdr`` text; *edges* maps top/bottom/between to (width, color, space)."""
    order = ("top", "left", "bottom", "right", "between", "bar")
    return tag_xml("w:pBdr", inner="".join(tag_xml(f"w:{e}", border_attrs(*edges[e])) for e in order if e in edges))


def tabs_xml(*stops: tuple[str, Length]) -> str:
    return tag_xml("w:tabs", inner="".join(tag_xml("w:tab", {"w:val": kind, "w:pos": twips(pos)}) for kind, pos in stops))


def jc_xml(value: str) -> str:
    return f'<w:jc w:val="{value}"/>'


def with_ppr_child(p: str, child: str) -> str:
    """Paragraph text *p* (as :func:`paragraph_xml` writes it) with *child* appended to its ``w:pPr``."""
    end = p.find("</w:pPr>")
    return p[:end] + child + p[end:] if end >= 0 else p.replace("<w:p>", f"<w:p><w:pPr>{child}</w:pPr>", 1)


def with_keep_next(p: str) -> str:
    """Paragraph text *p* with ``w:keepNext`` in its ``w:pPr`` (schema position kept)."""
    head = p[: p.find("</w:pPr>")]
    if "<w:keepNext/>" in head:
        return p
    style = head.find("<w:pStyle ")
    at = head.index("/>", style) + 2 if style >= 0 else (head.find("<w:pPr>") + 7 if "<w:pPr>" in head else -1)
    if at < 0:
        return p.replace("<w:p>", "<w:p><w:pPr><w:keepNext/></w:pPr>", 1)
    return p[:at] + "<w:keepNext/>" + p[at:]


def table_xml(
    style: str,
    widths: list[Length],
    rows: list[list[list[str]]],
    *,
    header_rows: int = 1,
    borders: str = "",
    cell_margins: str = "",
    cant_split: bool = True,
) -> str:
    """A ``w:tbl`` of fixed column *widths*; each cell is a list of paragraph texts.

    *borders* (``w:tblBorders`` text) and *cell_margins* (``w:tblCellMar``
    text) override the table style's.
    """
    tw = [twips(w) for w in widths]
    out = [
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{esc(style)}"/><w:tblW w:w="{sum(tw)}" w:type="dxa"/>'
        f'<w:jc w:val="center"/>{borders}<w:tblLayout w:type="fixed"/>{cell_margins}</w:tblPr><w:tblGrid>',
        "".join(f'<w:gridCol w:w="{w}"/>' for w in tw),
        "</w:tblGrid>",
    ]
    split = "<w:cantSplit/>" if cant_split else ""
    for index, cells in enumerate(rows):
        header = "<w:tblHeader/>" if index < header_rows else ""
        out.append(f"<w:tr><w:trPr>{split}{header}</w:trPr>" if split or header else "<w:tr>")
        for w, paragraphs in zip(tw, cells):
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>{"".join(paragraphs)}</w:tc>')
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def rule_borders_xml(thick: Length, thin: Length) -> str:
    """``w:tblBorders`` of rules only: *thick* above and below, *thin* between rows (GB 7.4 版记)."""
    edge = lambda name, w: tag_xml(f"w:{name}", border_attrs(w))  # noqa: E731
    return ("<w:tblBorders>" + edge("top", thick) + '<w:left w:val="nil"/>' + edge("bottom", thick)
            + '<w:right w:val="nil"/>' + edge("insideH", thin) + '<w:insideV w:val="nil"/></w:tblBorders>')


def cell_margins_xml(left: Length, right: Length) -> str:
    return f'<w:tblCellMar><w:left w:w="{twips(left)}" w:type="dxa"/><w:right w:w="{twips(right)}" w:type="dxa"/></w:tblCellMar>'
