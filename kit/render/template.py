"""The DOCX template a document is poured into, loaded once and reused.

A template is any DOCX whose styles carry the names in :mod:`kit.render.layout`
(templates/docx/official.docx, a pack's ``docx_template`` or ``--template``).
It is opened with python-docx once to check it is a Word document; then its
``word/document.xml`` is cut into the text before the body, the final
``w:sectPr`` and the text after it, and every other part is compressed once.
A render writes the body as XML text, compresses that one part and joins the
stored pieces into a zip: styles, footers and settings are never re-parsed or
re-compressed.

A document with a colophon (版记) gets a last section of its own whose
footers are an empty footer part added here, so the colophon page carries no
page number (GB 7.5).
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import docx
from lxml import etree

from .. import docx_xml as x
from ..errors import InputError
from ..resources import resources
from ..ziplimits import check_docx_package

DOCUMENT_PART = "word/document.xml"
SETTINGS_PART = "word/settings.xml"
STYLES_PART = "word/styles.xml"
CONTENT_TYPES_PART = "[Content_Types].xml"
DOCUMENT_RELS_PART = "word/_rels/document.xml.rels"
BLANK_FOOTER_PART = "word/footerKitBlank.xml"
BLANK_FOOTER_ID = "rIdKitBlankFooter"
FOOTER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
FOOTER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOCUMENT_LEVEL = 1  # zlib level of the one part compressed per render: fastest, ~10 % larger


# -- a small zip writer for parts compressed in advance ------------------------------

_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")


@dataclass(frozen=True)
class _Member:
    name: bytes
    flags: int
    time: int
    date: int
    crc: int
    size: int
    data: bytes  # raw deflate stream


def _member(name: str, date_time: tuple[int, ...], blob: bytes, level: int = 9) -> _Member:
    y, mo, d, h, mi, sec = date_time
    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    data = packer.compress(blob) + packer.flush()
    encoded = name.encode("utf-8")
    flags = 0x800 if not name.isascii() else 0
    return _Member(encoded, flags, (h << 11) | (mi << 5) | (sec // 2), ((y - 1980) << 9) | (mo << 5) | d,
                   zlib.crc32(blob), len(blob), data)


def _zip(members: list[_Member]) -> bytes:
    """A zip of deflated *members* (their ``data`` already compressed)."""
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for m in members:
        header = _LOCAL.pack(b"PK\x03\x04", 20, 0, m.flags, 8, m.time, m.date, m.crc, len(m.data), m.size, len(m.name), 0)
        central.append(_CENTRAL.pack(b"PK\x01\x02", 20, 3, 20, 0, m.flags, 8, m.time, m.date, m.crc, len(m.data), m.size,
                                     len(m.name), 0, 0, 0, 0, 0o644 << 16, offset) + m.name)
        out += (header, m.name, m.data)
        offset += len(header) + len(m.name) + len(m.data)
    directory = b"".join(central)
    out += (directory, _END.pack(b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), offset, 0))
    return b"".join(out)


# -- the template ----------------------------------------------------------------------


@dataclass(frozen=True)
class Template:
    path: Path
    styles: dict[str, str]  # lower-cased style name → styleId
    default_style: str
    head: bytes  # word/document.xml up to the body's content
    sect: str  # the template's final w:sectPr, as XML text
    colophon_sect: str  # the same for a last section that starts a page and has blank footers
    sect_bytes: bytes  # the final w:sectPr as the template's document writes it
    end: bytes  # the closing tags after it
    document_time: tuple[int, ...]  # the zip date of the main part
    text_height: int  # twips: page height less top and bottom margins
    members: tuple[tuple[str, _Member | None], ...]  # (name, part); None marks the document
    colophon_members: tuple[tuple[str, _Member | None], ...]  # the same plus the blank footer

    def style(self, name: str) -> str:
        """The styleId of style *name*; the default paragraph style when absent."""
        return self.styles.get(name.lower(), self.default_style)

    def has_style(self, name: str) -> bool:
        return name.lower() in self.styles

    def package(self, body: str, *, last_sect: str | None = None) -> bytes:
        """The DOCX bytes: the template's parts with *body* (XML text) in the main part.

        *last_sect* replaces the template's final ``w:sectPr`` (the colophon
        section); the blank footer part is then included.
        """
        sect = self.sect_bytes if last_sect is None else last_sect.encode("utf-8")
        data = b"".join((self.head, body.encode("utf-8"), sect, self.end))
        document = _member(DOCUMENT_PART, self.document_time, data, DOCUMENT_LEVEL)
        parts = self.members if last_sect is None else self.colophon_members
        return _zip([m if m is not None else document for _, m in parts])


def _style_map(styles_xml: bytes) -> tuple[dict[str, str], str]:
    root = etree.fromstring(styles_xml)
    names: dict[str, str] = {}
    default = "Normal"
    for node in root.iter(x.qn("w:style")):
        sid = node.get(x.qn("w:styleId"))
        name = node.find(x.qn("w:name"))
        if sid and name is not None:
            names.setdefault(name.get(x.qn("w:val"), "").lower(), sid)
        if node.get(x.qn("w:type")) == "paragraph" and node.get(x.qn("w:default")) in ("1", "true"):
            default = sid or default
    return names, default


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _colophon_sect(sect: etree._Element) -> str:
    """*sect* for the colophon's own last section: the next even page (GB 7.4; the office suite puts a blank page between when needed), blank footers (GB 7.5)."""
    sect = etree.fromstring(etree.tostring(sect))
    for ref in sect.findall(x.qn("w:footerReference")):
        sect.remove(ref)
    for node in sect.findall(x.qn("w:type")):
        sect.remove(node)
    refs = [x.el("w:footerReference", {"w:type": kind, "r:id": BLANK_FOOTER_ID}) for kind in ("default", "even", "first")]
    headers = sect.findall(x.qn("w:headerReference"))
    at = sect.index(headers[-1]) + 1 if headers else 0
    for i, ref in enumerate(refs):
        sect.insert(at + i, ref)
    # w:type follows the references and the footnote/endnote properties
    after = [sect.find(x.qn(f"w:{n}")) for n in ("endnotePr", "footnotePr")]
    anchor = next((n for n in after if n is not None), refs[-1])
    anchor.addnext(x.el("w:type", {"w:val": "evenPage"}))
    # Word also aligns the page's text to the bottom (LibreOffice 7.4 ignores it; the spacer does the work there)
    later = [sect.find(x.qn(f"w:{n}")) for n in ("noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings")]
    valign = x.el("w:vAlign", {"w:val": "bottom"})
    first_later = next((n for n in later if n is not None), None)
    if first_later is not None:
        first_later.addprevious(valign)
    else:
        sect.append(valign)
    return etree.tostring(sect, encoding="unicode")


def _text_height(sect: etree._Element | None) -> int:
    """Twips between the top and bottom margins (the text block's height); GB's 225 mm by default."""
    try:
        size, margins = sect.find(x.qn("w:pgSz")), sect.find(x.qn("w:pgMar"))
        return int(size.get(x.qn("w:h"))) - abs(int(margins.get(x.qn("w:top")))) - abs(int(margins.get(x.qn("w:bottom"))))
    except (AttributeError, TypeError, ValueError):
        return 12756


def _blank_footer() -> bytes:
    root = etree.Element(x.qn("w:ftr"), nsmap={"w": x.W_NS})
    root.append(x.el("w:p"))
    return _xml(root)


def _with_blank_footer(name: str, blob: bytes) -> bytes:
    """Content types and document relationships naming the blank footer part."""
    root = etree.fromstring(blob)
    if name == CONTENT_TYPES_PART:
        etree.SubElement(root, f"{{{CT_NS}}}Override", PartName="/" + BLANK_FOOTER_PART, ContentType=FOOTER_TYPE)
    else:
        etree.SubElement(root, f"{{{REL_NS}}}Relationship", Id=BLANK_FOOTER_ID, Type=FOOTER_REL,
                         Target=BLANK_FOOTER_PART.split("/", 1)[1])
    return _xml(root)


def _split_document(document: etree._Element) -> tuple[bytes, bytes, bytes, str]:
    """(text before the body content, the final sectPr as written, the closing tags, the sectPr standalone)."""
    if document.nsmap.get("w") != x.W_NS:
        raise ValueError("正文部分没有使用标准的 w: 命名空间前缀")
    body = x.body_of(document)
    sect = x.clear_body(body)
    start, stop = etree.PI("kit", "body"), etree.PI("kit", "end")
    body.append(start)
    if sect is not None:  # without one, Word's defaults apply
        body.append(sect)
    body.append(stop)
    head, rest = _xml(document).split(b"<?kit body?>")
    sect_bytes, end = rest.split(b"<?kit end?>")
    body.remove(start)
    body.remove(stop)
    return head, sect_bytes, end, etree.tostring(sect, encoding="unicode") if sect is not None else ""


@lru_cache(maxsize=8)
def _load(path: str, mtime_ns: int, size: int) -> Template:
    check_docx_package(Path(path), "DOCX 模板")  # size and zip-bomb limits, as for documents
    data = Path(path).read_bytes()
    try:
        docx.Document(io.BytesIO(data))  # a real Word document, or a clear error
        archive = zipfile.ZipFile(io.BytesIO(data))
        blobs: list[tuple[str, tuple[int, ...], bytes]] = []
        document = None
        styles_xml = b""
        for info in archive.infolist():
            blob = archive.read(info)
            if info.filename == DOCUMENT_PART:
                document = etree.fromstring(blob)
            elif info.filename == STYLES_PART:
                styles_xml = blob
            elif info.filename == SETTINGS_PART:
                settings = etree.fromstring(blob)
                x.set_even_and_odd_headers(settings)  # odd/even page numbers need it
                blob = _xml(settings)
            blobs.append((info.filename, info.date_time, blob))
        if document is None:
            raise InputError(f"DOCX 模板「{path}」中没有正文部分 {DOCUMENT_PART}")
        head, sect_bytes, end, sect_text = _split_document(document)
        colophon_sect = _colophon_sect(etree.fromstring(sect_text)) if sect_text else ""
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - any unreadable template is the user's input
        raise InputError(f"DOCX 模板「{path}」无法读取：{exc}") from None
    members: list[tuple[str, _Member | None]] = []
    colophon: list[tuple[str, _Member | None]] = []
    document_time = (1980, 1, 1, 0, 0, 0)
    for name, date_time, blob in blobs:
        if name == DOCUMENT_PART:
            members.append((name, None))
            colophon.append((name, None))
            document_time = date_time
            continue
        members.append((name, _member(name, date_time, blob)))
        if name in (CONTENT_TYPES_PART, DOCUMENT_RELS_PART):
            colophon.append((name, _member(name, date_time, _with_blank_footer(name, blob))))
        else:
            colophon.append((name, members[-1][1]))
    colophon.append((BLANK_FOOTER_PART, _member(BLANK_FOOTER_PART, document_time, _blank_footer())))
    names, default = _style_map(styles_xml)
    height = _text_height(etree.fromstring(sect_text) if sect_text else None)
    return Template(Path(path), names, default, head, sect_text, colophon_sect, sect_bytes, end, document_time, height,
                    tuple(members), tuple(colophon))


def load_template(path: str | os.PathLike | None = None) -> Template:
    """The template at *path* (default: the built-in official.docx), cached."""
    p = Path(path) if path is not None else resources().template
    try:
        st = p.stat()
    except OSError:
        raise InputError(f"找不到 DOCX 模板「{p}」") from None
    if not p.is_file():
        raise InputError(f"DOCX 模板「{p}」不是文件")
    return _load(str(p.resolve()), st.st_mtime_ns, st.st_size)


def template_for(pack: str | None, template: str | os.PathLike | None) -> Template:
    """``--template`` first, then the draft's pack's docx_template, then the default."""
    if template is not None:
        return load_template(template)
    if pack:
        from ..doctypes import registry

        found = registry().packs.get(pack)
        if found is not None and found.docx_template is not None:
            return load_template(found.docx_template)
    return load_template(None)
