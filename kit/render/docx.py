"""DocumentStructure → DOCX bytes, through the template's named styles.

Fonts, sizes and spacing come from the template's styles (a school that
restyles 「heading 1」 in Word sees it honoured); only what the standard fixes
per paragraph is written here: the signature's right indents, the attachment
note's hanging indent, page breaks, the red header and the colophon.
"""

from __future__ import annotations

import math

from docx.shared import Length, Pt
from lxml import etree

from .. import docx_xml as x
from ..structure import AttachmentPage, Block, DocumentStructure, Heading, Paragraph, RoleLine, Table, title_lines, width
from . import layout as L
from .template import Template


class _Body:
    """Appends paragraphs and tables to a ``w:body`` by style name."""

    def __init__(self, template: Template, body: etree._Element, sect: etree._Element | None):
        self.t = template
        self.body = body
        self.sect = sect

    def add(self, node: etree._Element) -> etree._Element:
        if self.sect is not None:
            self.sect.addprevious(node)
        else:
            self.body.append(node)
        return node

    def para(self, style: str, runs: list[etree._Element] = (), *props: etree._Element) -> etree._Element:
        return self.add(x.paragraph(x.ppr(self.t.style(style), *props), runs))

    def blank(self) -> etree._Element:
        return self.para(L.STYLE_BODY)

    def body_run(self, text: str) -> etree._Element:
        """Body text after a heading's label: the body character style."""
        style = self.t.style(L.STYLE_BODY_CHAR) if self.t.has_style(L.STYLE_BODY_CHAR) else None
        return x.run(text, style=style)


def _red_header(out: _Body, s: DocumentStructure) -> None:
    mark = s.red_header.mark
    fit = math.floor(L.TEXT_WIDTH.pt * 0.95 / max(width(mark), 1) * 2) / 2
    size = Pt(min(L.RED_MARK_MAX_SIZE.pt, fit))
    out.para(
        L.STYLE_RED_MARK,
        [x.run(mark, props=x.rpr(font_size=size) if size != L.RED_MARK_MAX_SIZE else None)],
        x.spacing(before=L.RED_MARK_TOP),
    )
    rule = x.pbdr(x.border("bottom", L.RED_RULE_WIDTH, L.RED, space=L.RED_RULE_GAP))
    number = s.red_header.doc_number or ""
    out.para(L.STYLE_DOC_NUMBER, [x.run(number)] if number else [], x.spacing(before=Length(2 * L.LINE_PITCH)), rule)
    out.blank()


def _heading(out: _Body, h: Heading) -> None:
    runs = [x.run(h.label + h.text)]
    if h.body:
        runs.append(out.body_run(h.body))
    keep = [x.flag("w:keepNext")] if not h.body and h.level > 1 else []
    out.para(L.STYLE_HEADING[h.level], runs, *keep)


def _paragraph(out: _Body, p: Paragraph) -> None:
    runs = [x.run(p.lead, bold=p.bold_lead)] if p.lead else []
    out.para(L.STYLE_BODY, runs + [x.run(p.text)])


_TABLE_WIDTHS = {5: (14, 36, 56, 22, 28)}  # mm: 序号 项目 标准 金额 备注


def _role_line(out: _Body, line: RoleLine) -> None:
    """Label, then one entry a line; later entries line up under the first."""
    runs = [x.run(line.label)]
    for i, entry in enumerate(line.entries):
        if i:
            runs.append(x.line_break_run())
        runs.append(x.run(entry))
    hang = width(line.label)
    # left-aligned: a justified line ending in a manual break is stretched across the line
    out.para(L.STYLE_BODY, runs, x.ind(left_chars=L.BODY_INDENT_CHARS + hang, hanging_chars=hang, char_width=L.CHAR_WIDTH), x.jc("left"))


def _table(out: _Body, table: Table) -> None:
    n = len(table.columns)
    mm = _TABLE_WIDTHS.get(n) or tuple([156 / n] * n)
    widths = [Length(int(L.TEXT_WIDTH * w / sum(mm))) for w in mm]
    cell_style = L.STYLE_TABLE_TEXT if out.t.has_style(L.STYLE_TABLE_TEXT) else L.STYLE_BODY

    def cell(text: str, bold: bool = False) -> list[etree._Element]:
        return [x.paragraph(x.ppr(out.t.style(cell_style)), [x.run(text, bold=bold)] if text else [])]

    rows = [[cell(c, bold=True) for c in table.columns]]
    rows += [[cell(c) for c in row] for row in table.rows]
    if table.total:
        rows.append([cell(c, bold=i == 0) for i, c in enumerate(table.total)])
    out.add(x.table(out.t.style(L.STYLE_TABLE), widths, rows))


def _block(out: _Body, block: Block) -> None:
    if isinstance(block, Heading):
        _heading(out, block)
    elif isinstance(block, Paragraph):
        _paragraph(out, block)
    elif isinstance(block, RoleLine):
        _role_line(out, block)
    else:
        _table(out, block)


def _keep_with_next(p: etree._Element) -> None:
    """Keep *p* on the page of the paragraph after it (the signature never stands alone)."""
    ppr = p.find(x.qn("w:pPr"))
    if ppr.find(x.qn("w:keepNext")) is None:
        style = ppr.find(x.qn("w:pStyle"))
        (style.addnext if style is not None else lambda n: ppr.insert(0, n))(x.flag("w:keepNext"))


def _attachment_note(out: _Body, lines: tuple[str, ...]) -> None:
    _keep_with_next(out.blank())
    hang = width("附件：")
    for i, line in enumerate(lines):
        if i == 0:
            props = x.ind(first_line_chars=L.BODY_INDENT_CHARS, char_width=L.CHAR_WIDTH)
        else:  # later names line up under the first one
            props = x.ind(first_line_chars=0, left_chars=L.BODY_INDENT_CHARS + hang, char_width=L.CHAR_WIDTH)
        _keep_with_next(out.para(L.STYLE_BODY, [x.run(line)], props))


def _signature(out: _Body, s: DocumentStructure) -> None:
    sig = s.signature
    _keep_with_next(out.blank())
    _keep_with_next(out.para(L.STYLE_SIGNATURE, [x.run(sig.issuer)], x.ind(right_chars=sig.issuer_right_chars, char_width=L.CHAR_WIDTH)))
    out.para(L.STYLE_DATE, [x.run(sig.date)], x.ind(right_chars=sig.date_right_chars, char_width=L.CHAR_WIDTH))


def _attachment(out: _Body, page: AttachmentPage) -> None:
    """New page; 附件N in 黑体 on line 1, the title on line 3 (GB 7.3.7)."""
    out.para(L.STYLE_ATTACHMENT_LABEL, [x.run(page.label)], x.flag("w:pageBreakBefore"))
    out.blank()
    for line in title_lines(page.title):
        out.para(L.STYLE_TITLE, [x.run(line)])
    out.blank()
    for text in page.paragraphs:
        out.para(L.STYLE_BODY, [x.run(text)])


def _colophon(out: _Body, s: DocumentStructure) -> None:
    """抄送 and 印发 at the foot of the last page, between rules (GB 7.4).

    A floating table anchored to the bottom margin: thick rules above and
    below, a thin rule between the lines.
    """
    c = s.colophon
    stop = Length(L.TEXT_WIDTH - L.CHAR_WIDTH - x.Twips(216))  # right indent 1 character, cell margins

    def cell(text: str, *props: etree._Element) -> list[etree._Element]:
        return [x.paragraph(x.ppr(out.t.style(L.STYLE_COLOPHON), *props), [x.run(text)])]

    rows = [[cell(c.cc)]] if c.cc else []
    rows.append([cell(f"{c.office}\t{c.date}", x.tabs(("right", stop)))])
    out.add(x.colophon_table(out.t.style(L.STYLE_TABLE), L.TEXT_WIDTH, rows, L.COLOPHON_RULE_THICK, L.COLOPHON_RULE_THIN))
    # A body may not end with a table (Word repairs it, LibreOffice drops a
    # floating one): close with a paragraph one point high.
    out.para(L.STYLE_BODY, [], x.flag("w:snapToGrid", False), x.spacing(line=Pt(1), rule="exact"))


def render(structure: DocumentStructure, template: Template) -> bytes:
    """The DOCX of *structure* poured into *template*."""
    document = template.new_document()
    body = x.body_of(document)
    out = _Body(template, body, body.find(x.qn("w:sectPr")))
    s = structure
    if s.red_header is not None:
        _red_header(out, s)
    for line in s.title_lines:
        out.para(L.STYLE_TITLE, [x.run(line)])
    out.blank()
    if s.recipient:
        out.para(L.STYLE_RECIPIENT, [x.run(s.recipient)])
    for block in s.blocks:
        _block(out, block)
    last = out.body[-2] if out.sect is not None else out.body[-1]
    if last.tag == x.qn("w:p"):  # the last lines of the body go with the signature
        _keep_with_next(last)
    if s.attachment_note:
        _attachment_note(out, s.attachment_note)
    _signature(out, s)
    for page in s.attachments:
        _attachment(out, page)
    if s.colophon is not None:
        _colophon(out, s)
    return template.package(document)
