"""Reading documents safely: .txt/.md text and .docx, as numbered lines.

A document becomes a list of :class:`Line` — paragraph number (as Word or a
text editor counts it, from 1) and line within the paragraph (soft line
breaks in DOCX; always 1 in text files, where every line is a paragraph).
Everything unusable raises :class:`kit.errors.InputError` with a Chinese
message, before the file is read whole:

* text files above :data:`MAX_TEXT_BYTES` (10 MB) and empty files;
* DOCX files that are not zips, zips that are not DOCX, encrypted or legacy
  Word files (OLE compound file), corrupt packages, and zip bombs (declared
  sizes and ratios are checked in the zip directory, then actual sizes are
  counted while decompressing, so a lying directory is caught too).

Text that is not UTF-8 is decoded as the most plausible of GB18030 (a
superset of GBK), Big5 and UTF-16 with or without a byte-order mark
(:mod:`kit.encoding`); :attr:`Document.encoding` says which, and the
checks report it as an ``info`` finding, a ``warning`` when the guess is unsure.
Unreadable files (permissions, I/O errors) and damaged DOCX packages are
refused with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from ..errors import InputError
from ..ziplimits import MAX_DOCX_BYTES, MAX_RATIO, MAX_UNZIPPED_BYTES, OLE_SIGNATURE, RATIO_FLOOR  # noqa: F401 - re-exported
from ..ziplimits import check_docx_package as check_docx_package_as
from ..ziplimits import file_size, read_head

MAX_TEXT_BYTES = 10 * 1024 * 1024  # .txt / .md
TEXT_SUFFIXES = {".txt", ".md"}
DOCX_SUFFIXES = {".docx"}
PDF_SUFFIXES = {".pdf"}
MAX_PDF_BYTES = 50 * 1024 * 1024


class Line(NamedTuple):
    """One line of a document and where it is (in a PDF: *page* and the line on it)."""

    paragraph: int
    line: int
    text: str
    page: int | None = None

    @property
    def where(self) -> str:
        if self.page is not None:
            return f"第{self.page}页第{self.line}行"
        return f"第{self.paragraph}段第{self.line}行"


@dataclass
class Document:
    """A document read as lines; *encoding* is set when it was not UTF-8."""

    source: str
    kind: str  # "text" or "docx"
    lines: list[Line] = field(default_factory=list)
    encoding: str | None = None
    raw: str | None = None  # the decoded text of a text file, line endings kept
    encoding_note: str | None = None  # set when the encoding is an unsure guess

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def lines_of_text(text: str) -> list[Line]:
    """Every physical line of *text* is a paragraph (so 第N段 is line N)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [Line(i, 1, t) for i, t in enumerate(text.split("\n"), start=1)]


def lines_of_paragraphs(paragraphs: list[str]) -> list[Line]:
    """Paragraphs (DOCX) split at soft line breaks."""
    out = []
    for p, text in enumerate(paragraphs, start=1):
        for n, part in enumerate(text.split("\n"), start=1):
            out.append(Line(p, n, part))
    return out


def _existing(path: Path) -> int:
    return file_size(path, "文档")


def _sized(path: Path, limit: int, empty: str, too_big: str) -> int:
    """The size of *path*, refusing a missing, empty or oversized file with the given Chinese messages."""
    size = _existing(path)
    if size == 0:
        raise InputError(f"「{path}」{empty}")
    if size > limit:
        raise InputError(f"「{path}」太大（{_mb(size)}），{too_big.format(limit=_mb(limit))}")
    return size


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


# -- text ---------------------------------------------------------------------


def decode_text(raw: bytes, source: str) -> tuple[str, str | None, str | None]:
    """Decode *raw* (see :mod:`kit.encoding`): the text, the encoding when
    it was not UTF-8, and a note when the encoding is a guess that may be wrong."""
    from ..encoding import UnknownEncoding, decode

    try:
        decoded = decode(raw)
    except UnknownEncoding:
        if b"\x00" in raw[:4096]:
            raise InputError(f"「{source}」不是文本文件，而是二进制文件（如 Word 文档、图片或压缩包）") from None
        raise InputError(f"「{source}」的文字编码无法识别，请用记事本或 WPS 另存为 UTF-8 编码") from None
    if any(ch in decoded.text[:4096] for ch in "\x00\x01\x02\x03\x04\x05\x06\x07\x08"):
        raise InputError(f"「{source}」不是文本文件，而是二进制文件（如 Word 文档、图片或压缩包）")
    return decoded.text, decoded.encoding, decoded.note


def read_text_file(path: Path) -> Document:
    _sized(path, MAX_TEXT_BYTES, "是空文件，没有可检查的内容", "文本文件不能超过 {limit}；请拆分后再处理")
    raw = read_head(path, MAX_TEXT_BYTES + 1)
    if raw.startswith(b"PK\x03\x04") or raw.startswith(OLE_SIGNATURE):
        raise InputError(f"「{path}」其实是 Word 文档或压缩包，不是文本文件；如是 Word 文档请把扩展名改为 .docx")
    text, encoding, note = decode_text(raw, str(path))
    if not text.strip():
        raise InputError(f"「{path}」只有空白，没有可检查的内容")
    return Document(str(path), "text", lines_of_text(text), encoding, text, note)


# -- docx ---------------------------------------------------------------------


def check_docx_package(path: Path) -> None:
    """Refuse anything but a sane DOCX zip, without trusting its directory (see :mod:`kit.ziplimits`)."""
    check_docx_package_as(path, "Word 文档")


def docx_paragraphs(doc) -> list[tuple[str, list[tuple[object, int]]]]:
    """Body paragraphs in order, each table row as one paragraph (cells joined by tabs, a merged cell once).

    Each comes with the ``w:p`` elements it is made of and where each starts in
    the text, so that a place in the text is a place in the file (kit fix).
    Text is read with every tracked change accepted (:mod:`kit.docx_revisions`),
    after the label Word numbers the paragraph with (:mod:`kit.docx_numbering`):
    a ``w:p`` starts after its label, which is in no run of the file.
    """
    from docx.table import Table

    from ..docx_numbering import Labels
    from ..docx_revisions import paragraph_text

    labels = Labels(doc)
    out: list[tuple[str, list[tuple[object, int]]]] = []
    for child in doc.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            label = labels.label(child)
            out.append((label + paragraph_text(child), [(child, len(label))]))
        elif tag == "tbl":
            for row in Table(child, doc).rows:
                text, parts, previous = "", [], None
                for cell in row.cells:
                    if previous is not None and cell._tc is previous:
                        continue
                    if previous is not None:
                        text += "\t"
                    previous = cell._tc
                    for k, p in enumerate(cell._tc.iterchildren(qn_p())):
                        if k:
                            text += "\n"
                        text += labels.label(p)
                        parts.append((p, len(text)))
                        text += paragraph_text(p)
                out.append((text, parts))
    return out


def qn_p() -> str:
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"


def docx_paragraph_texts(doc) -> list[str]:
    """Body paragraphs in order; each table row counts as one paragraph (cells joined by tabs)."""
    return [text for text, _ in docx_paragraphs(doc)]


def open_docx(path: Path):
    """The python-docx Document at *path*, after the package checks."""
    check_docx_package(path)
    import docx

    try:
        return docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - any parse failure means a corrupt file
        raise InputError(f"「{path}」已损坏，无法读取其中的文字（{type(exc).__name__}）；请在 Word/WPS 中打开后重新保存") from None


def read_docx_file(path: Path) -> Document:
    doc = open_docx(path)
    paragraphs = docx_paragraph_texts(doc)
    if not any(p.strip() for p in paragraphs):
        raise InputError(f"「{path}」中没有文字")
    return Document(str(path), "docx", lines_of_paragraphs(paragraphs))


# -- pdf ----------------------------------------------------------------------------
#
# Text comes from poppler's pdftotext, in its default reading-order mode: poppler is
# already one of the kit's Debian packages (the office tests use it), maps CJK fonts
# through their ToUnicode tables reliably and runs in milliseconds; its -layout mode
# pads centred and justified Chinese lines with spaces, and the Python PDF libraries
# we tried split CJK runs worse. Office documents are single-column, so reading order
# is the text order.

_PAGE_NUMBER = re.compile(r"^\s*[—－-]?\s*\d{1,4}\s*[—－-]?\s*$")
_CJK_GAP = re.compile(r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]) (?=[0-9A-Za-z%])|(?<=[0-9A-Za-z%]) (?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])")
_ENDS_SENTENCE = re.compile(r"[。；：！？:;!?）)」”]\s*$")


def read_pdf_file(path: Path) -> Document:
    import shutil
    import subprocess

    _sized(path, MAX_PDF_BYTES, "是空文件，不是有效的 PDF", "PDF 不能超过 {limit}")
    head = read_head(path, 1024)
    if not head.lstrip().startswith(b"%PDF"):
        raise InputError(f"「{path}」不是有效的 PDF 文件（可能是改了扩展名的其他文件）")
    tool = shutil.which("pdftotext")
    if tool is None:
        raise InputError("读取 PDF 需要 poppler-utils（pdftotext），请先安装：sudo apt-get install poppler-utils")
    try:
        done = subprocess.run([tool, "-enc", "UTF-8", "-q", str(path), "-"], capture_output=True, timeout=120)
    except subprocess.TimeoutExpired:
        raise InputError(f"「{path}」读取超时，PDF 可能已损坏") from None
    if done.returncode != 0:
        reason = "设有密码" if done.returncode == 1 and b"assword" in done.stderr else "已损坏或无法读取"
        raise InputError(f"「{path}」{reason}，无法取出文字；请用原来的 Word 文档，或另存为不加密的 PDF")
    text = done.stdout.decode("utf-8", errors="replace")
    if not text.replace("\f", "").strip():
        raise InputError(
            f"「{path}」里没有文字层（可能是扫描件或图片），无法检查；请先用 WPS/Word 的“图片转文字”或 OCR 软件识别，另存为 .docx 后再检查"
        )
    return Document(str(path), "pdf", pdf_lines(text))


def pdf_lines(text: str) -> list[Line]:
    """pdftotext output as lines: pages from form feeds, page numbers dropped, wrapped lines joined."""
    out: list[Line] = []
    paragraph = 0
    for page_no, page in enumerate(text.split("\f"), start=1):
        rows = [(n, _CJK_GAP.sub("", row.rstrip())) for n, row in enumerate(page.split("\n"), start=1)]
        rows = [(n, row) for n, row in rows if row.strip() and not _PAGE_NUMBER.match(row)]
        full = max((len(row) for _, row in rows), default=0)
        joined: list[tuple[int, str]] = []
        for n, row in rows:
            if joined and _wrapped(joined[-1][1], row, full):
                joined[-1] = (joined[-1][0], joined[-1][1] + row.strip())
            else:
                joined.append((n, row))
        for n, row in joined:
            paragraph += 1
            out.append(Line(paragraph, n, row, page_no))
    return out


def _wrapped(previous: str, row: str, full: int) -> bool:
    """A line that filled the width and did not end a sentence runs on into the next."""
    from .numbering import label_of

    return len(previous) >= 0.8 * full and not _ENDS_SENTENCE.search(previous) and label_of(row.strip()) is None


def read_document(path: str | Path) -> Document:
    """Read a .txt, .md, .docx or .pdf file as lines, refusing unusable input."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return read_text_file(path)
    if suffix in DOCX_SUFFIXES:
        return read_docx_file(path)
    if suffix in PDF_SUFFIXES:
        return read_pdf_file(path)
    if suffix == ".doc":
        raise InputError(f"「{path}」是旧版 Word（.doc）格式，请在 Word/WPS 中另存为 .docx 后再处理")
    raise InputError(f"不支持的文件类型「{suffix or '（无扩展名）'}」：只能处理 .docx、.pdf、.txt、.md")
