"""The DOCX template a document is poured into, loaded once and reused.

A template is any DOCX whose styles carry the names in :mod:`kit.render.layout`
(templates/docx/official.docx, a pack's ``docx_template`` or ``--template``).
It is opened with python-docx once to check it is a Word document; then its
parts are kept as bytes and its ``word/document.xml`` as a parsed tree with
an empty body, so a render only deep-copies that small tree, fills the body
and zips the parts again — styles, footers and settings are never re-parsed.
"""

from __future__ import annotations

import copy
import io
import os
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import docx
from lxml import etree

from .. import docx_xml as x
from ..errors import InputError

PROJECT_TEMPLATE = Path(__file__).resolve().parents[2] / "templates" / "docx" / "official.docx"
DOCUMENT_PART = "word/document.xml"
SETTINGS_PART = "word/settings.xml"
STYLES_PART = "word/styles.xml"


@dataclass(frozen=True)
class Template:
    path: Path
    members: tuple[tuple[str, tuple[int, ...], bytes], ...]  # (name, date_time, bytes), in order
    document: etree._Element  # word/document.xml with an empty body (sectPr kept)
    styles: dict[str, str]  # lower-cased style name → styleId
    default_style: str

    def style(self, name: str) -> str:
        """The styleId of style *name*; the default paragraph style when absent."""
        return self.styles.get(name.lower(), self.default_style)

    def has_style(self, name: str) -> bool:
        return name.lower() in self.styles

    def new_document(self) -> etree._Element:
        return copy.deepcopy(self.document)

    def package(self, document: etree._Element) -> bytes:
        """The DOCX bytes: the template's parts with *document* as the main part."""
        data = etree.tostring(document, xml_declaration=True, encoding="UTF-8", standalone=True)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            for name, date_time, blob in self.members:
                info = zipfile.ZipInfo(name, date_time=date_time)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, data if name == DOCUMENT_PART else blob)
        return buffer.getvalue()


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


@lru_cache(maxsize=8)
def _load(path: str, mtime_ns: int, size: int) -> Template:
    data = Path(path).read_bytes()
    try:
        docx.Document(io.BytesIO(data))  # a real Word document, or a clear error
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = []
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
                blob = etree.tostring(settings, xml_declaration=True, encoding="UTF-8", standalone=True)
            members.append((info.filename, info.date_time, blob))
    except Exception as exc:  # noqa: BLE001 - any unreadable template is the user's input
        raise InputError(f"DOCX 模板「{path}」无法读取：{exc}") from None
    if document is None:
        raise InputError(f"DOCX 模板「{path}」中没有正文部分 {DOCUMENT_PART}")
    x.clear_body(x.body_of(document))
    names, default = _style_map(styles_xml)
    return Template(Path(path), tuple(members), document, names, default)


def load_template(path: str | os.PathLike | None = None) -> Template:
    """The template at *path* (default: the project's official.docx), cached."""
    p = Path(path) if path is not None else PROJECT_TEMPLATE
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
