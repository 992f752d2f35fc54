"""DocumentStructure → DOCX bytes, through the template's named styles.

Fonts, sizes and spacing come from the template's styles (a school that
restyles 「heading 1」 in Word sees it honoured); only what the standard fixes
per paragraph is written here: the signature's right indents, the attachment
note's hanging indent, page breaks, the red header and the colophon.
"""

from __future__ import annotations

import math
import re

from docx.shared import Length, Pt, Twips

from .. import docx_xml as x
from ..structure import AttachmentPage, Block, DocumentStructure, Heading, Paragraph, RoleLine, Table, title_lines, width
from . import layout as L
from .template import Template

# The body is written as XML text (kit.docx_xml's *_xml builders): a render
# makes a few hundred paragraphs, and strings cost a fraction of lxml elements.


class _Body:
    """Collects the body's paragraphs and tables (XML text) by style name."""

    def __init__(self, template: Template):
        self.t = template
        self.parts: list[str] = []
        self.body_char = template.style(L.STYLE_BODY_CHAR) if template.has_style(L.STYLE_BODY_CHAR) else None

    def para(self, style: str, runs: list[str] = (), *props: str) -> int:
        """Append a paragraph; its index in :attr:`parts`."""
        self.parts.append(f"<w:p>{x.ppr_xml(self.t.style(style), *props)}{''.join(runs)}</w:p>")
        return len(self.parts) - 1

    def blank(self) -> int:
        return self.para(L.STYLE_BODY)

    def keep_with_next(self, index: int) -> None:
        """Keep paragraph *index* on the page of the paragraph after it (the signature never stands alone)."""
        self.parts[index] = x.with_keep_next(self.parts[index])

    def body_run(self, text: str) -> str:
        """Body text after a heading's label: the body character style."""
        return x.run_xml(text, style=self.body_char)


_KEEP_NEXT = x.flag_xml("w:keepNext")


def _red_header(out: _Body, s: DocumentStructure) -> None:
    mark = s.red_header.mark
    fit = math.floor(L.TEXT_WIDTH.pt * 0.95 / max(width(mark), 1) * 2) / 2
    size = min(L.RED_MARK_MAX_SIZE.pt, fit)
    props = x.rpr_xml(font_size=size) if size != L.RED_MARK_MAX_SIZE.pt else None
    out.para(L.STYLE_RED_MARK, [x.run_xml(mark, props=props)], x.spacing_xml(before=L.RED_MARK_TOP))
    rule = x.pbdr_xml(bottom=(L.RED_RULE_WIDTH, L.RED, L.RED_RULE_GAP))
    number = s.red_header.doc_number or ""
    out.para(L.STYLE_DOC_NUMBER, [x.run_xml(number)] if number else [], x.spacing_xml(before=Length(2 * L.LINE_PITCH)), rule)
    out.blank()


def _heading(out: _Body, h: Heading) -> int:
    runs = [x.run_xml(h.label + h.text)]
    if h.body:
        runs.append(out.body_run(h.body))
    keep = [_KEEP_NEXT] if not h.body and h.level > 1 else []
    return out.para(L.STYLE_HEADING[h.level], runs, *keep)


def _paragraph(out: _Body, p: Paragraph) -> int:
    runs = [x.run_xml(p.lead, bold=p.bold_lead)] if p.lead else []
    return out.para(L.STYLE_BODY, runs + [x.run_xml(p.text)])


# Table columns are sized from their content (see column_widths): a cell's text is measured in
# 4号 characters (figures and Latin letters 0.55: half a character in 仿宋, and a margin for others),
# plus the cell's left and right margins (Word's default, 0.19 cm each).
_CELL_MARGINS = Twips(2 * 108)
_CELL_SLACK = 0.4  # characters: rounding in either office suite, bold header glyphs
_UNBROKEN = re.compile(r"[0-9A-Za-z.,:%+\-/×]+[元万人个台部册名次件套%]?|[（(][^（()）]{0,3}[)）]")  # 3500.50元, （元）


def _measure(text: str) -> float:
    """Printed width of *text* in a cell, in characters."""
    return sum(0.55 if ord(ch) < 0x2000 else 1.0 for ch in text)


def _unbroken(text: str) -> float:
    """The widest piece of *text* that must never be broken across lines (a figure with its unit), in characters."""
    return max([_measure(m.group(0)) for m in _UNBROKEN.finditer(text)] + [min(1.0, _measure(text))])


def _pieces(text: str) -> float:
    """The widest piece of a header that reads well alone (预算 / （元）), in characters; at least two."""
    return max([_measure(p) for p in re.split(r"(?=[（(])", text) if p] + [min(2.0, _measure(text))])


def _share(base: list[float], goal: list[float], room: float) -> list[float]:
    """*base* plus what *room* leaves, shared in proportion to how far each column is from its *goal*."""
    spare, wants = room - sum(base), [max(g - b, 0.0) for b, g in zip(base, goal)]
    return [b + spare * w / sum(wants) for b, w in zip(base, wants)]


def column_widths(table: Table, total_width: Length = L.TEXT_WIDTH, size: Length = L.TABLE_SIZE) -> list[Length]:
    """Widths of *table*'s columns from their content, summing to *total_width*.

    Three needs per column, in characters: *hard*, its widest figure with its
    unit (never broken, so never cut); *soft*, also two characters of text and
    the header in pieces (预算 / （元）); *whole*, every cell on one line. The
    widest level every column can have is given, and the room left goes to
    the columns still short of the next level, in proportion to the shortfall.
    """
    cells = [table.columns, *table.rows, *([table.total] if table.total else [])]
    n = len(table.columns)
    column = [[r[c] for r in cells if c < len(r) and r[c]] for c in range(n)]
    hard = [max(_unbroken(t) for t in texts) + _CELL_SLACK for texts in column]
    soft = [max(h, _pieces(table.columns[c]) + _CELL_SLACK, *(min(2.0, _measure(t)) + _CELL_SLACK for t in column[c])) for c, h in enumerate(hard)]
    whole = [max(s, *(_measure(t) + _CELL_SLACK for t in column[c])) for c, s in enumerate(soft)]
    room = (total_width - n * _CELL_MARGINS) / size
    if sum(whole) <= room:
        chars = [w + (room - sum(whole)) * w / sum(whole) for w in whole]  # every cell on one line: the rest by size
    elif sum(soft) <= room:
        chars = _share(soft, whole, room)
    elif sum(hard) <= room:
        chars = _share(hard, soft, room)
    else:  # figures too wide for the page together: in proportion (the office suite wraps them)
        chars = [h * room / sum(hard) for h in hard]
    twips = [int(c * size.twips + _CELL_MARGINS.twips) for c in chars]
    twips[-1] += int(Length(total_width).twips) - sum(twips)  # exact sum
    return [Twips(t) for t in twips]


def _role_line(out: _Body, line: RoleLine) -> int:
    """Label, then one entry a line; later entries line up under the first."""
    runs = [x.run_xml(line.label)]
    for i, entry in enumerate(line.entries):
        if i:
            runs.append(x.LINE_BREAK_RUN_XML)
        runs.append(x.run_xml(entry))
    hang = width(line.label)
    # left-aligned: a justified line ending in a manual break is stretched across the line
    return out.para(L.STYLE_BODY, runs, x.ind_xml(left_chars=L.BODY_INDENT_CHARS + hang, hanging_chars=hang, char_width=L.CHAR_WIDTH),
                    x.jc_xml("left"))


def _table(out: _Body, table: Table) -> None:
    widths = column_widths(table)
    ppr = x.ppr_xml(out.t.style(L.STYLE_TABLE_TEXT if out.t.has_style(L.STYLE_TABLE_TEXT) else L.STYLE_BODY))

    def cell(text: str, bold: bool = False) -> list[str]:
        return [f"<w:p>{ppr}{x.run_xml(text, bold=bold) if text else ''}</w:p>"]

    rows = [[cell(c, bold=True) for c in table.columns]]
    rows += [[cell(c) for c in row] for row in table.rows]
    if table.total:
        rows.append([cell(c, bold=i == 0) for i, c in enumerate(table.total)])
    out.parts.append(x.table_xml(out.t.style(L.STYLE_TABLE), widths, rows))


def _block(out: _Body, block: Block) -> int | None:
    """Write *block*; the index of its paragraph (None for a table)."""
    if isinstance(block, Heading):
        return _heading(out, block)
    if isinstance(block, Paragraph):
        return _paragraph(out, block)
    if isinstance(block, RoleLine):
        return _role_line(out, block)
    _table(out, block)
    return None


def _attachment_note(out: _Body, lines: tuple[str, ...]) -> None:
    out.keep_with_next(out.blank())
    hang = width("附件：")
    for i, line in enumerate(lines):
        if i == 0:
            props = x.ind_xml(first_line_chars=L.BODY_INDENT_CHARS, char_width=L.CHAR_WIDTH)
        else:  # later names line up under the first one
            props = x.ind_xml(first_line_chars=0, left_chars=L.BODY_INDENT_CHARS + hang, char_width=L.CHAR_WIDTH)
        out.keep_with_next(out.para(L.STYLE_BODY, [x.run_xml(line)], props))


def _signature(out: _Body, s: DocumentStructure) -> None:
    sig = s.signature
    out.keep_with_next(out.blank())
    out.keep_with_next(out.para(L.STYLE_SIGNATURE, [x.run_xml(sig.issuer)],
                                x.ind_xml(right_chars=sig.issuer_right_chars, char_width=L.CHAR_WIDTH)))
    out.para(L.STYLE_DATE, [x.run_xml(sig.date)], x.ind_xml(right_chars=sig.date_right_chars, char_width=L.CHAR_WIDTH))


def _attachment(out: _Body, page: AttachmentPage) -> None:
    """New page; 附件N in 黑体 on line 1, the title on line 3 (GB 7.3.7)."""
    out.para(L.STYLE_ATTACHMENT_LABEL, [x.run_xml(page.label)], x.flag_xml("w:pageBreakBefore"))
    out.blank()
    for line in title_lines(page.title):
        out.para(L.STYLE_TITLE, [x.run_xml(line)])
    out.blank()
    for text in page.paragraphs:
        out.para(L.STYLE_BODY, [x.run_xml(text)])
    for block in page.blocks:
        _block(out, block)


# 7.4 colophon: 4号 characters per line between the 1-character indents, less one for punctuation rules
_COLOPHON_CHARS = int((L.TEXT_WIDTH - 2 * L.CHAR_WIDTH) / L.COLOPHON_SIZE) - 1
_COLOPHON_ROW = Twips(L.LINE_PITCH.twips + 21)  # a row: one grid line plus its rule (LibreOffice: 29.7 pt)
_COLOPHON_SLACK = Twips(80)  # room for rounding in either office suite
_CLOSING_LINE = Pt(1)


def _lines(text_width: float, first: int, rest: int) -> int:
    return 1 if text_width <= first else 1 + math.ceil((text_width - first) / rest)


def _colophon(out: _Body, s: DocumentStructure) -> None:
    """抄送 and 印发 between rules at the foot of a last page of their own (GB 7.4).

    The body's last paragraph closes the body's section; the colophon's
    section starts on the next even page (GB 7.4: the last page is 封四; a blank
    page goes between when the body ends on an even page) and has blank
    footers (no page number, GB 7.5).
    A spacer paragraph of exact height fills the text block above the rules,
    so both office suites put the 印发 line on the last line: the height is
    known because every colophon line sits on the 28.95 pt grid. The rules are
    a one-column table's borders (thick above and below, thin between), so they
    span the text block while the lines keep their 1-character indents.
    """
    c = s.colophon
    t = out.t
    out.parts[-1] = x.with_ppr_child(out.parts[-1], t.sect or "<w:sectPr/>")
    style = t.style(L.STYLE_COLOPHON)
    hang = width("抄送：")
    rows, lines = [], 0
    if c.cc:
        props = x.ind_xml(left_chars=1 + hang, hanging_chars=hang, right_chars=1, char_width=L.CHAR_WIDTH)
        rows.append([[x.paragraph_xml(x.ppr_xml(style, props), [x.run_xml(c.cc)])]])
        lines += _lines(width(c.cc), _COLOPHON_CHARS, _COLOPHON_CHARS - int(hang))
    stop = Length(L.TEXT_WIDTH - L.CHAR_WIDTH)  # right tab at the right indent: the date ends 1 character in
    rows.append([[x.paragraph_xml(x.ppr_xml(style, x.tabs_xml(("right", stop))), [x.run_xml(f"{c.office}\t{c.date}")])]])
    lines += _lines(width(c.office) + width(c.date) + 1, _COLOPHON_CHARS, _COLOPHON_CHARS)
    spacer = t.text_height - lines * _COLOPHON_ROW.twips - _CLOSING_LINE.twips - _COLOPHON_SLACK.twips
    no_grid = x.flag_xml("w:snapToGrid", False)
    if spacer > 0:
        out.para(L.STYLE_BODY, [], no_grid, x.spacing_xml(line=Twips(int(spacer)), rule="exact", before=Twips(0), after=Twips(0)))
    table = x.table_xml(t.style(L.STYLE_TABLE), [L.TEXT_WIDTH], rows, header_rows=0,
                        borders=x.rule_borders_xml(L.COLOPHON_RULE_THICK, L.COLOPHON_RULE_THIN),
                        cell_margins=x.cell_margins_xml(Twips(0), Twips(0)))
    out.parts.append(table)
    # A body may not end with a table: close with a paragraph one point high.
    out.para(L.STYLE_BODY, [], no_grid, x.spacing_xml(line=_CLOSING_LINE, rule="exact"))


def render(structure: DocumentStructure, template: Template) -> bytes:
    """The DOCX of *structure* poured into *template*."""
    out = _Body(template)
    s = structure
    if s.red_header is not None:
        _red_header(out, s)
    for line in s.title_lines:
        out.para(L.STYLE_TITLE, [x.run_xml(line)])
    out.blank()
    if s.recipient:
        out.para(L.STYLE_RECIPIENT, [x.run_xml(s.recipient)])
    last = None
    for block in s.blocks:
        last = _block(out, block)
    if last is not None:  # the last lines of the body go with the signature
        out.keep_with_next(last)
    if s.attachment_note:
        _attachment_note(out, s.attachment_note)
    _signature(out, s)
    for page in s.attachments:
        _attachment(out, page)
    if s.colophon is not None:
        _colophon(out, s)
        return template.package("".join(out.parts), last_sect=template.colophon_sect or None)
    return template.package("".join(out.parts))
