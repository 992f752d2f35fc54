"""Regenerate templates/docx/official.docx, the reference DOCX the renderer fills.

    .venv/bin/python scripts/make_template.py [OUTPUT]

The file is built part by part (no python-docx default template: it carries
10 pt after every paragraph, 1.15 line spacing and a Japanese theme font) and
zipped reproducibly: fixed member order, fixed timestamps, fixed core
properties. Running the script twice gives the same bytes; the test
tests/test_render_docx.py compares the committed file with a fresh build.

Styles (by name, so a school may restyle them in Word/WPS): Normal (body),
Title, heading 1–4, Salutation (主送机关), Signature, Date, Attachment Label,
Table Text, Table Grid, Red Header, Doc Number, Colophon, footer, Body Char.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from docx.shared import Length, Mm
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kit import docx_xml as x  # noqa: E402
from kit.render import layout as L  # noqa: E402

OUTPUT = ROOT / "templates" / "docx" / "official.docx"
FIXED_DATE = "2024-01-01T00:00:00Z"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def xml_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def with_w_prefix(root: etree._Element) -> etree._Element:
    """Re-create *root* with the w: and r: prefixes declared on it."""
    nsmap = {"w": x.W_NS, "r": x.R_NS}
    new = etree.Element(root.tag, nsmap=nsmap)
    for key, value in root.attrib.items():
        new.set(key, value)
    for child in root:
        new.append(child)
    return new


# -- styles ---------------------------------------------------------------------


def style(kind: str, style_id: str, name: str, *, based_on: str | None = None, default: bool = False,
          ppr: etree._Element | None = None, rpr: etree._Element | None = None, extra: list | None = None) -> etree._Element:
    attrs = {"w:type": kind, "w:styleId": style_id}
    if default:
        attrs["w:default"] = "1"
    children = [x.el("w:name", {"w:val": name})]
    if based_on:
        children.append(x.el("w:basedOn", {"w:val": based_on}))
    children += [x.el("w:qFormat")] if kind in ("paragraph", "character") else []
    children += extra or []
    if ppr is not None:
        children.append(ppr)
    if rpr is not None:
        children.append(rpr)
    return x.el("w:style", attrs, children)


def no_indent() -> etree._Element:
    return x.ind(first_line_chars=0, left_chars=0, char_width=L.CHAR_WIDTH)


def single_spacing() -> etree._Element:
    return x.spacing(line=240, rule="auto", before=Length(0), after=Length(0))


def styles_xml() -> bytes:
    body_ppr = x.ppr(
        None,
        x.flag("w:widowControl", False),
        x.spacing(line=L.LINE_PITCH, rule="exact", before=Length(0), after=Length(0)),
        x.ind(first_line_chars=L.BODY_INDENT_CHARS, char_width=L.CHAR_WIDTH),
        x.jc("both"),
    )
    defaults = x.el(
        "w:docDefaults",
        children=[
            x.el("w:rPrDefault", children=[x.rpr(font=L.FONT_FANGSONG, font_size=L.BODY_SIZE, lang="zh-CN")]),
            x.el("w:pPrDefault", children=[x.ppr(None, x.spacing(line=L.LINE_PITCH, rule="exact", before=Length(0), after=Length(0)))]),
        ],
    )
    styles = [
        style("paragraph", "Normal", "Normal", default=True, ppr=body_ppr,
              rpr=x.rpr(font=L.FONT_FANGSONG, font_size=L.BODY_SIZE, char_spacing=L.CHAR_SPACING)),
        style("character", "DefaultParagraphFont", "Default Paragraph Font", default=True,
              extra=[x.el("w:uiPriority", {"w:val": 1}), x.el("w:semiHidden"), x.el("w:unhideWhenUsed")]),
        style("table", "TableNormal", "Normal Table", default=True,
              extra=[x.el("w:uiPriority", {"w:val": 99}), x.el("w:semiHidden"), x.el("w:unhideWhenUsed"),
                     x.el("w:tblPr", children=[x.el("w:tblInd", {"w:w": 0, "w:type": "dxa"}), x.el("w:tblCellMar", children=[
                         x.el("w:top", {"w:w": 0, "w:type": "dxa"}), x.el("w:left", {"w:w": 108, "w:type": "dxa"}),
                         x.el("w:bottom", {"w:w": 0, "w:type": "dxa"}), x.el("w:right", {"w:w": 108, "w:type": "dxa"})])])]),
        style("paragraph", "Title", "Title", based_on="Normal",
              ppr=x.ppr(None, no_indent(), x.jc("center")),
              rpr=x.rpr(font=L.FONT_TITLE, font_size=L.TITLE_SIZE, char_spacing=Length(0))),
    ]
    heading_fonts = {1: L.FONT_HEI, 2: L.FONT_KAI, 3: L.FONT_FANGSONG, 4: L.FONT_FANGSONG}
    for level, font in heading_fonts.items():
        styles.append(style("paragraph", f"Heading{level}", f"heading {level}", based_on="Normal",
                            extra=[x.el("w:next", {"w:val": "Normal"})],
                            ppr=x.ppr(None, x.flag("w:keepNext", level == 1), x.el("w:outlineLvl", {"w:val": level - 1})),
                            rpr=x.rpr(font=font)))
    styles += [
        style("character", "BodyChar", "Body Char", rpr=x.rpr(font=L.FONT_FANGSONG)),
        style("paragraph", "Salutation", "Salutation", based_on="Normal", ppr=x.ppr(None, no_indent(), x.jc("left"))),
        style("paragraph", "Signature", "Signature", based_on="Normal", ppr=x.ppr(None, no_indent(), x.jc("right"))),
        style("paragraph", "Date", "Date", based_on="Normal", ppr=x.ppr(None, no_indent(), x.jc("right"))),
        style("paragraph", "AttachmentLabel", "Attachment Label", based_on="Normal",
              ppr=x.ppr(None, no_indent(), x.jc("left")), rpr=x.rpr(font=L.FONT_HEI)),
        style("paragraph", "TableText", "Table Text", based_on="Normal",
              ppr=x.ppr(None, x.flag("w:snapToGrid", False), single_spacing(), no_indent(), x.jc("center")),
              rpr=x.rpr(font_size=L.TABLE_SIZE, char_spacing=Length(0))),
        style("table", "TableGrid", "Table Grid", based_on="TableNormal",
              extra=[x.el("w:tblPr", children=[x.el("w:tblBorders", children=[
                  x.el(f"w:{edge}", {"w:val": "single", "w:sz": 4, "w:space": 0, "w:color": "000000"})
                  for edge in ("top", "left", "bottom", "right", "insideH", "insideV")])])]),
        style("paragraph", "RedHeader", "Red Header", based_on="Normal",
              ppr=x.ppr(None, x.flag("w:snapToGrid", False), single_spacing(), no_indent(), x.jc("center")),
              rpr=x.rpr(font=L.FONT_TITLE, color=L.RED, font_size=L.RED_MARK_MAX_SIZE, char_spacing=Length(0))),
        style("paragraph", "DocNumber", "Doc Number", based_on="Normal", ppr=x.ppr(None, no_indent(), x.jc("center"))),
        style("paragraph", "Colophon", "Colophon", based_on="Normal",
              ppr=x.ppr(None, x.ind(first_line_chars=0, left_chars=1, right_chars=1, char_width=L.CHAR_WIDTH), x.jc("left")),
              rpr=x.rpr(font_size=L.COLOPHON_SIZE, char_spacing=Length(0))),
        style("paragraph", "Footer", "footer", based_on="Normal",
              ppr=x.ppr(None, x.flag("w:snapToGrid", False), single_spacing(), no_indent()),
              rpr=x.rpr(font=L.FONT_SONG, font_size=L.PAGE_NUMBER_SIZE, char_spacing=Length(0))),
    ]
    root = with_w_prefix(x.el("w:styles", children=[defaults, *styles]))
    return xml_bytes(root)


# -- other parts ------------------------------------------------------------------


def footer_xml(side: str) -> bytes:
    """Page number — N —: odd pages right, even pages left, one character in."""
    indent = {"right": {"w:right": x.twips(L.PAGE_NUMBER_INDENT)}, "left": {"w:left": x.twips(L.PAGE_NUMBER_INDENT)}}[side]
    dash = lambda text: x.run(text)  # noqa: E731 - runs take the footer style's 宋体
    runs = [dash("— "), *x.page_field(lambda: x.rpr(hint_east_asia=False)), dash(" —")]
    p = x.paragraph(x.ppr("Footer", x.el("w:ind", indent), x.jc(side)), runs)
    return xml_bytes(with_w_prefix(x.el("w:ftr", children=[p])))


def document_xml() -> bytes:
    margins = {"top": L.MARGIN_TOP, "right": L.MARGIN_RIGHT, "bottom": L.MARGIN_BOTTOM, "left": L.MARGIN_LEFT,
               "header": Mm(15), "footer": L.FOOTER_DISTANCE, "gutter": Length(0)}
    sect = x.sect_pr(page_width=L.PAGE_WIDTH, page_height=L.PAGE_HEIGHT, margins=margins,
                     line_pitch=L.LINE_PITCH, footers={"even": "rId5", "default": "rId4"})
    return xml_bytes(with_w_prefix(x.el("w:document", children=[x.el("w:body", children=[sect])])))


def settings_xml() -> bytes:
    root = x.el("w:settings", children=[
        x.el("w:zoom", {"w:percent": 100}),
        x.el("w:defaultTabStop", {"w:val": 420}),
        x.el("w:characterSpacingControl", {"w:val": "compressPunctuation"}),
        x.el("w:compat", children=[x.el("w:compatSetting", {"w:name": "compatibilityMode", "w:uri": "http://schemas.microsoft.com/office/word", "w:val": 15})]),
    ])
    x.set_even_and_odd_headers(root)
    return xml_bytes(with_w_prefix(root))


def font_table_xml() -> bytes:
    fonts = [(L.FONT_FANGSONG, "仿宋"), (L.FONT_HEI, "SimHei"), (L.FONT_KAI, "楷体"), (L.FONT_TITLE, "宋体"), (L.FONT_SONG, "SimSun")]
    root = x.el("w:fonts", children=[
        x.el("w:font", {"w:name": name}, [x.el("w:altName", {"w:val": alt}), x.el("w:charset", {"w:val": "86"}),
                                          x.el("w:family", {"w:val": "modern"}), x.el("w:pitch", {"w:val": "fixed"})])
        for name, alt in fonts])
    return xml_bytes(with_w_prefix(root))


def content_types() -> bytes:
    root = etree.Element(f"{{{CT_NS}}}Types", nsmap={None: CT_NS})
    for ext, ctype in (("rels", "application/vnd.openxmlformats-package.relationships+xml"), ("xml", "application/xml")):
        etree.SubElement(root, f"{{{CT_NS}}}Default", Extension=ext, ContentType=ctype)
    for part, ctype in (
        ("/word/document.xml", f"{WML}.document.main+xml"),
        ("/word/styles.xml", f"{WML}.styles+xml"),
        ("/word/settings.xml", f"{WML}.settings+xml"),
        ("/word/fontTable.xml", f"{WML}.fontTable+xml"),
        ("/word/footer1.xml", f"{WML}.footer+xml"),
        ("/word/footer2.xml", f"{WML}.footer+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
    ):
        etree.SubElement(root, f"{{{CT_NS}}}Override", PartName=part, ContentType=ctype)
    return xml_bytes(root)


def rels(items: list[tuple[str, str, str]]) -> bytes:
    root = etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS})
    for rid, rtype, target in items:
        etree.SubElement(root, f"{{{REL_NS}}}Relationship", Id=rid, Type=rtype, Target=target)
    return xml_bytes(root)


def core_xml() -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:title>公文模板（GB/T 9704-2012）</dc:title><dc:creator>方案工坊 fangan-kit</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{FIXED_DATE}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{FIXED_DATE}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode("utf-8")


def app_xml() -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>fangan-kit</Application></Properties>"
    ).encode("utf-8")


def parts() -> list[tuple[str, bytes]]:
    """The template's parts in their fixed zip order."""
    return [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", rels([
            ("rId1", f"{OFFICE_REL}/officeDocument", "word/document.xml"),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
            ("rId3", f"{OFFICE_REL}/extended-properties", "docProps/app.xml"),
        ])),
        ("word/document.xml", document_xml()),
        ("word/_rels/document.xml.rels", rels([
            ("rId1", f"{OFFICE_REL}/styles", "styles.xml"),
            ("rId2", f"{OFFICE_REL}/settings", "settings.xml"),
            ("rId3", f"{OFFICE_REL}/fontTable", "fontTable.xml"),
            ("rId4", f"{OFFICE_REL}/footer", "footer1.xml"),
            ("rId5", f"{OFFICE_REL}/footer", "footer2.xml"),
        ])),
        ("word/styles.xml", styles_xml()),
        ("word/settings.xml", settings_xml()),
        ("word/fontTable.xml", font_table_xml()),
        ("word/footer1.xml", footer_xml("right")),
        ("word/footer2.xml", footer_xml("left")),
        ("docProps/core.xml", core_xml()),
        ("docProps/app.xml", app_xml()),
    ]


def zip_parts(members: list[tuple[str, bytes]]) -> bytes:
    """A zip with fixed order, timestamps and permissions: same input, same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=9)
    return buffer.getvalue()


def build() -> bytes:
    return zip_parts(parts())


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else OUTPUT
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(build())
    print(f"已生成模板 {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
