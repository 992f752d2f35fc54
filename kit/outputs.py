"""Writing files: the one rule every command follows, and the atomic write under it.

The rule (``kit render/preview/ledger --xlsx/clean/new/import``):

* never onto the command's own input, nor onto an existing draft (unless the
  output *is* a draft: ``new`` and ``import``);
* an existing output is replaced only with ``--force``, after a copy to
  ``NAME.bak``;
* the output's suffix says what it is (``.docx``, ``.html``, ``.xlsx``, ``.yaml``),
  so a slip of the keyboard cannot turn a draft into a DOCX;
* every write is atomic (temporary file, fsync, rename); a temporary left by
  an interrupted write is removed by the next write to the same file; a new
  file gets the mode the umask allows, a replaced one keeps its mode.

Every refusal is a :class:`kit.errors.InputError` naming the file and the reason.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
import threading
from pathlib import Path
from typing import Iterable

from .errors import InputError, os_error_message

try:  # POSIX: a lock on a temporary file says its writer is alive
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

DRAFT_SUFFIXES = (".yaml", ".yml")
TEMP_SUFFIX = ".tmp"
STALE_SECONDS_WITHOUT_LOCKS = 3600  # where locks are unavailable, only old temporaries are removed

# Bidirectional controls (LRE … RLO, LRI … PDI, LRM, RLM, ALM) spoof the order of
# a file name's characters ("方案\u202excod.exe"); other controls break shells.
BIDI_CONTROLS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNSAFE_IN_NAME = re.compile(f"[\\\\/:*?\"<>|\\s\x00-\x1f\x7f{BIDI_CONTROLS}\u200b-\u200d\ufeff]+")


def safe_file_name(text: str, suffix: str = "", default: str = "文档", limit: int = 60) -> str:
    """A file name from *text* (a title): bidi controls, invisible and unsafe characters dropped."""
    name = _UNSAFE_IN_NAME.sub("", text)[:limit].strip(".") or default
    return f"{name}{suffix}"


# -- the umask ---------------------------------------------------------------------

_umask_lock = threading.Lock()


def current_umask() -> int:
    """The process umask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    with _umask_lock:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


# -- atomic write -----------------------------------------------------------------


_SCANNED: dict[str, tuple[float, list[str]]] = {}  # folder -> (when, temporaries seen): a batch writes many files
_RESCAN_SECONDS = 30.0


def _temp_names(folder: Path, name: str) -> Iterable[Path]:
    """Temporaries of *name* in *folder*; the folder is listed at most every 30 s, so writing N files is linear."""
    import time

    key = os.path.abspath(folder)
    now = time.monotonic()
    seen = _SCANNED.get(key)
    if seen is None or now - seen[0] > _RESCAN_SECONDS:
        try:
            temps = [e.name for e in os.scandir(folder) if e.name.endswith((TEMP_SUFFIX, TEMP_SUFFIX + ".bak"))]
        except OSError:
            return []
        seen = _SCANNED[key] = (now, temps)
    prefix = f".{name}."
    found = [folder / n for n in seen[1] if n.startswith(prefix)]
    if found:
        seen[1][:] = [n for n in seen[1] if not n.startswith(prefix)]  # they are dealt with now
    return found


def clean_stale_temporaries(path: str | os.PathLike) -> list[Path]:
    """Remove temporaries an interrupted write of *path* left behind; returns them.

    A writer holds an exclusive lock on its temporary until the rename, so a
    temporary whose lock can be taken belongs to a writer that died.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    removed = []
    for candidate in _temp_names(folder, path.name):
        try:
            if fcntl is None:
                import time

                if time.time() - candidate.stat().st_mtime < STALE_SECONDS_WITHOUT_LOCKS:
                    continue
                candidate.unlink()
            else:
                fd = os.open(candidate, os.O_RDONLY)
                try:
                    try:
                        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    except BlockingIOError:
                        continue  # a live writer
                    candidate.unlink()
                finally:
                    os.close(fd)
            removed.append(candidate)
        except OSError:
            continue
    return removed


def _locked_temp(folder: Path, name: str) -> tuple[int, str]:
    for _ in range(10):
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=TEMP_SUFFIX, dir=folder)
        if fcntl is None:
            return fd, tmp
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd, tmp
        except BlockingIOError:  # a cleaner took it between creation and lock: it will remove it
            os.close(fd)
    raise OSError(f"无法在「{folder}」中建立临时文件")


def atomic_write(path: str | os.PathLike, data: bytes, backup: bool = False) -> None:
    """Write *data* to *path* through a locked temporary file and a rename.

    With *backup*, an existing file is first copied to ``PATH.bak``. If
    anything fails, the existing file is untouched and no temporary is left.
    Raises :class:`OSError` (the caller says which file and why).
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise FileNotFoundError(f"文件夹不存在：{folder}")
    if path.is_dir():
        raise IsADirectoryError(21, "Is a directory", str(path))
    clean_stale_temporaries(path)
    try:
        mode = stat.S_IMODE(path.stat().st_mode)  # a replaced file keeps its mode
    except OSError:
        mode = 0o666 & ~current_umask()
    fd, tmp = _locked_temp(folder, path.name)
    bak_tmp = f"{tmp}.bak"
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            if backup and path.exists():
                shutil.copy2(path, bak_tmp)
                os.replace(bak_tmp, f"{path}.bak")
            os.replace(tmp, path)  # the lock is released only after the rename
        _sync_folder(folder)
    except BaseException:
        for leftover in (tmp, bak_tmp):
            if os.path.exists(leftover):
                os.unlink(leftover)
        raise


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# -- the rule for command outputs -------------------------------------------------------


def looks_like_draft(path: Path) -> bool:
    """True for a .yaml/.yml file or any file whose beginning declares a draft."""
    if path.suffix.lower() in DRAFT_SUFFIXES:
        return True
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return b"schema_version" in head and b"sections" in head


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def prepare_output(
    output: str | os.PathLike,
    *,
    inputs: Iterable[str | os.PathLike] = (),
    force: bool = False,
    suffixes: tuple[str, ...],
    what: str,
) -> Path:
    """Check *output* against the rule before anything is computed or written.

    *suffixes* are the allowed endings (the first one is named in messages);
    *what* names the kind of file (``Word 文档``). Returns the path.
    """
    out = Path(output)
    text = str(output)
    if not text or text.endswith(("/", os.sep)):
        raise InputError(f"输出路径「{text}」没有文件名，请写上文件名（如 {'方案' + suffixes[0]}）")
    if out.suffix.lower() not in suffixes:
        raise InputError(
            f"输出文件「{out}」应以 {'、'.join(suffixes)} 结尾（{what}）；"
            "为免误把草稿或原文件覆盖，不能写成其他扩展名"
        )
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.exists():
        raise InputError(f"输出文件夹「{folder}」不存在，请先创建该文件夹或换一个保存位置")
    if not folder.is_dir():
        raise InputError(f"「{folder}」不是文件夹，无法在其中保存「{out.name}」")
    if out.is_dir():
        raise InputError(f"输出路径「{out}」是一个文件夹，请写上文件名（如 {out / ('方案' + suffixes[0])}）")
    backup = Path(f"{out}.bak")
    for source in inputs:
        source = Path(source)
        if _same_file(out, source) or out.resolve() == source.resolve():
            raise InputError(f"输出文件「{out}」不能就是原文件；请用 -o 另取一个文件名，原文件保持不动")
        if _same_file(backup, source):
            raise InputError(f"输出文件「{out}」的备份 {backup} 就是输入文件，会把它覆盖；请换一个输出文件名")
    if out.exists():
        is_draft_output = suffixes[0] in DRAFT_SUFFIXES
        if not is_draft_output and looks_like_draft(out):
            raise InputError(f"「{out}」是一份草稿，不能用生成的{what}覆盖它；请换一个输出文件名")
        if not out.is_file():
            raise InputError(f"「{out}」不是普通文件，不能覆盖")
        if not force:
            raise InputError(f"「{out}」已存在；如要覆盖请加 --force（原文件会保留为 {out.name}.bak）")
    return out


def write_output(path: Path, data: bytes) -> None:
    """Write a command's output atomically; an existing file is kept as ``.bak`` first."""
    try:
        atomic_write(path, data, backup=path.exists())
    except OSError as exc:
        raise InputError(os_error_message(exc, path, "写入")) from None
