"""Opening a zip package (DOCX documents, DOCX templates) without trusting it.

One check for every zip the kit reads: the file's size, its signature (an
encrypted or legacy Word file is an OLE compound file), the members a DOCX
must have, and zip bombs — declared sizes and ratios in the directory, then
actual sizes counted while decompressing, so a lying directory is caught too.
A damaged archive (an end-of-archive record pointing past the end, a bad
CRC, a truncated member) is refused with the same kind of Chinese message.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from .errors import InputError, os_error_message

MAX_DOCX_BYTES = 20 * 1024 * 1024  # the .docx file itself
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024  # all members together, uncompressed
MAX_MEMBERS = 2000
MAX_RATIO = 100  # uncompressed / compressed, for members above RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DOCX_MEMBERS = ("word/document.xml", "[Content_Types].xml")


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def file_size(path: Path, what: str) -> int:
    """The size of the file at *path*, refusing a missing file or a folder."""
    if not path.exists():
        raise InputError(f"{what}「{path}」不存在")
    if path.is_dir():
        raise InputError(f"「{path}」是一个文件夹，不是 {what}")
    try:
        return path.stat().st_size
    except OSError as exc:
        raise InputError(os_error_message(exc, path, "读取")) from None


def read_head(path: Path, size: int) -> bytes:
    """The first *size* bytes of *path* (to tell a format by its signature), any read error in Chinese."""
    try:
        with open(path, "rb") as handle:
            return handle.read(size)
    except OSError as exc:
        raise InputError(os_error_message(exc, path, "读取")) from None


def check_docx_package(path: Path, what: str = "Word 文档") -> None:
    """Refuse anything but a sane DOCX zip at *path*; *what* names it in messages."""
    path = Path(path)
    size = file_size(path, what)
    if size == 0:
        raise InputError(f"「{path}」是空文件，不是有效的 {what}")
    if size > MAX_DOCX_BYTES:
        raise InputError(f"「{path}」太大（{_mb(size)}），{what}不能超过 {_mb(MAX_DOCX_BYTES)}")
    head = read_head(path, 8)
    if head.startswith(OLE_SIGNATURE):
        raise InputError(
            f"「{path}」设有打开密码，或是旧版 Word（.doc）格式，无法读取；请在 Word/WPS 中取消密码并另存为 .docx"
        )
    if not head.startswith(b"PK"):
        raise InputError(f"「{path}」不是有效的 {what}（.docx 应为 zip 格式），可能是改了扩展名的其他文件")
    _check_zip(path, what, DOCX_MEMBERS, "已损坏，无法打开（{error}）；请在 Word/WPS 中打开后重新保存")


def _bomb(path: Path, what: str) -> InputError:
    return InputError(f"{what}「{path}」解压后体积异常（疑似“压缩炸弹”），拒绝处理；上限为解压后 {_mb(MAX_UNZIPPED_BYTES)}")


def _check_sizes(path: Path, infos: list[zipfile.ZipInfo], what: str) -> None:
    if len(infos) > MAX_MEMBERS:
        raise _bomb(path, what)
    if sum(info.file_size for info in infos) > MAX_UNZIPPED_BYTES:
        raise _bomb(path, what)
    for info in infos:
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _bomb(path, what)


def _count_unzipped(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo, what: str) -> None:
    """Decompress one member in chunks, stopping as soon as it exceeds its declared size."""
    limit = min(info.file_size, MAX_UNZIPPED_BYTES)
    seen = 0
    with zf.open(info) as member:
        while chunk := member.read(1 << 16):
            seen += len(chunk)
            if seen > limit:
                raise _bomb(path, what)


def check_zip_archive(path: Path, what: str = "压缩包") -> None:
    """Refuse anything but a sane zip at *path* (template packs): the same size, damage and
    zip-bomb checks as :func:`check_docx_package`, without the members a DOCX must have."""
    path = Path(path)
    size = file_size(path, what)
    if size > MAX_DOCX_BYTES:
        raise InputError(f"「{path}」太大（{_mb(size)}），{what}不能超过 {_mb(MAX_DOCX_BYTES)}")
    _check_zip(path, what, (), f"不是有效的 {what}，或已损坏（{{error}}）")


def _check_zip(path: Path, what: str, members: tuple[str, ...], damaged: str) -> None:
    """Open the zip without trusting its directory: required *members*, declared and actual sizes, damage."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {info.filename for info in infos}
            if any(member not in names for member in members):
                raise InputError(f"「{path}」是压缩包，但不是 {what}（缺少 word/document.xml）")
            _check_sizes(path, infos, what)
            for info in infos:
                _count_unzipped(path, zf, info, what)
    except InputError:
        raise
    except PermissionError as exc:
        raise InputError(os_error_message(exc, path, "读取")) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError,
            ValueError, OSError, OverflowError) as exc:
        raise InputError(f"「{path}」" + damaged.format(error=type(exc).__name__)) from None
