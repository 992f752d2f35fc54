"""DocumentStructure → an HTML preview: an A4-like page with the same wording.

Fonts are named as in the DOCX, with fallbacks for machines without them.
Every text is HTML-escaped. ``standalone=False`` gives a fragment with its
own ``<style>`` (scoped under ``.kit-doc``) for a notebook widget.
"""

from __future__ import annotations

from html import escape

from ..structure import Block, DocumentStructure, Heading, Paragraph, RoleLine, Table, title_lines, width
from . import layout as L

_FANG = f"'{L.FONT_FANGSONG}', '仿宋', FangSong, STFangsong, 'FandolFang', serif"
_HEI = f"'{L.FONT_HEI}', SimHei, 'Heiti SC', 'FandolHei', sans-serif"
_KAI = f"'{L.FONT_KAI}', '楷体', KaiTi, STKaiti, 'FandolKai', serif"
_TITLE = f"'{L.FONT_TITLE}', '小标宋', '宋体', SimSun, 'FandolSong', serif"
_SONG = f"'{L.FONT_SONG}', SimSun, 'FandolSong', serif"

CSS = f"""
.kit-doc {{ background: #e8e8e8; padding: 16px 0; }}
.kit-doc .page {{ box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 0 auto 16px; background: #fff;
  padding: {L.MARGIN_TOP.mm:g}mm {L.MARGIN_RIGHT.mm:g}mm {L.MARGIN_BOTTOM.mm:g}mm {L.MARGIN_LEFT.mm:g}mm;
  box-shadow: 0 1px 4px rgba(0,0,0,.3); color: #000; font-family: {_FANG}; font-size: {L.BODY_SIZE.pt:g}pt;
  line-height: {L.LINE_PITCH.pt:g}pt; letter-spacing: {L.CHAR_SPACING.pt:g}pt; }}
.kit-doc p {{ margin: 0; text-indent: 2em; text-align: justify; }}
.kit-doc p.title {{ font-family: {_TITLE}; font-size: {L.TITLE_SIZE.pt:g}pt; text-align: center; text-indent: 0; letter-spacing: 0; }}
.kit-doc p.recipient, .kit-doc p.label {{ text-indent: 0; }}
.kit-doc p.label {{ font-family: {_HEI}; }}
.kit-doc p.h1 {{ font-family: {_HEI}; }}
.kit-doc p.h2 .head {{ font-family: {_KAI}; }}
.kit-doc p.right {{ text-align: right; text-indent: 0; }}
.kit-doc p.blank {{ height: {L.LINE_PITCH.pt:g}pt; }}
.kit-doc .red-mark {{ font-family: {_TITLE}; color: #f00; font-size: 36pt; line-height: 1.2; text-align: center;
  text-indent: 0; margin-top: {L.RED_MARK_TOP.mm:g}mm; }}
.kit-doc .doc-number {{ text-align: center; text-indent: 0; margin-top: {2 * L.LINE_PITCH.pt:g}pt;
  padding-bottom: {L.RED_RULE_GAP.mm:g}mm; border-bottom: 2px solid #f00; }}
.kit-doc table {{ border-collapse: collapse; width: 100%; font-size: {L.TABLE_SIZE.pt:g}pt; line-height: 1.4; letter-spacing: 0; }}
.kit-doc td, .kit-doc th {{ border: 1px solid #000; padding: 2pt 4pt; text-align: center; }}
.kit-doc .colophon {{ margin-top: {L.LINE_PITCH.pt:g}pt; font-size: {L.COLOPHON_SIZE.pt:g}pt; border-top: 1.3px solid #000;
  border-bottom: 1.3px solid #000; letter-spacing: 0; }}
.kit-doc .colophon p {{ text-indent: 0; padding: 0 1em; }}
.kit-doc .colophon p + p {{ border-top: 1px solid #000; display: flex; justify-content: space-between; }}
.kit-doc .page-number {{ font-family: {_SONG}; font-size: {L.PAGE_NUMBER_SIZE.pt:g}pt; text-align: right; margin-top: 7mm; }}
"""


def _p(text: str, cls: str = "", style: str = "") -> str:
    c = f' class="{cls}"' if cls else ""
    s = f' style="{style}"' if style else ""
    return f"<p{c}{s}>{text}</p>"


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        head = f'<span class="head">{escape(block.label + block.text)}</span>'
        body = f"<span>{escape(block.body)}</span>" if block.body else ""
        return _p(head + body, f"h{block.level}")
    if isinstance(block, Paragraph):
        lead = escape(block.lead)
        if lead and block.bold_lead:
            lead = f"<b>{lead}</b>"
        return _p(lead + escape(block.text))
    if isinstance(block, RoleLine):
        pad = 2 + width(block.label)
        lines = "<br>".join(escape(e) for e in block.entries)
        return _p(escape(block.label) + lines, style=f"text-indent:-{width(block.label):g}em;padding-left:{pad:g}em")
    return _table(block)


def _table(table: Table) -> str:
    head = "".join(f"<th>{escape(c)}</th>" for c in table.columns)
    rows = ["<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in table.rows]
    if table.total:
        rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in table.total) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def render(s: DocumentStructure, *, standalone: bool = True, title: str = "") -> str:
    """The preview of *s*: a whole HTML page, or a fragment with its own style."""
    main: list[str] = []
    if s.red_header is not None:
        main.append(_p(escape(s.red_header.mark), "red-mark"))
        main.append(_p(escape(s.red_header.doc_number or ""), "doc-number"))
        main.append(_p("", "blank"))
    main += [_p(escape(line), "title") for line in s.title_lines]
    main.append(_p("", "blank"))
    if s.recipient:
        main.append(_p(escape(s.recipient), "recipient"))
    main += [_block(b) for b in s.blocks]
    if s.attachment_note:
        main.append(_p("", "blank"))
        main += [_p(escape(line), style="" if i == 0 else "text-indent:0;padding-left:5em") for i, line in enumerate(s.attachment_note)]
    sig = s.signature
    main.append(_p("", "blank"))
    main.append(_p(escape(sig.issuer), "right", f"padding-right:{sig.issuer_right_chars:g}em"))
    main.append(_p(escape(sig.date), "right", f"padding-right:{sig.date_right_chars:g}em"))
    pages = ["".join(main)]
    for page in s.attachments:
        parts = [_p(escape(page.label), "label"), _p("", "blank")]
        parts += [_p(escape(line), "title") for line in title_lines(page.title)]
        parts.append(_p("", "blank"))
        parts += [_p(escape(t)) for t in page.paragraphs]
        parts += [_block(b) for b in page.blocks]
        pages.append("".join(parts))
    if s.colophon is not None:
        c = s.colophon
        lines = [_p(escape(c.cc))] if c.cc else []
        lines.append(_p(f"<span>{escape(c.office)}</span><span>{escape(c.date)}</span>"))
        pages[-1] += f'<div class="colophon">{"".join(lines)}</div>'
    html = "".join(
        f'<div class="page">{p}<div class="page-number" style="text-align:{"right" if n % 2 else "left"}">— {n} —</div></div>'
        for n, p in enumerate(pages, 1)
    )
    fragment = f'<style>{CSS}</style><div class="kit-doc">{html}</div>'
    if not standalone:
        return fragment
    name = escape(title or " ".join(s.title_lines))
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{name}</title></head><body style=\"margin:0\">{fragment}</body></html>\n"
    )
