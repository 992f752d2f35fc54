"""The last line of defence: an unexpected exception becomes a short Chinese
report and a log file, never a traceback on a clerk's screen.

The log (the command line, the kit's version and the traceback) goes to
``$KIT_LOG_DIR``, else ``~/.cache/fangan-kit/logs``, else the system's
temporary folder. Only programming errors get here: everything a user can
cause is an :class:`kit.errors.InputError` or :class:`kit.drafts.DraftError`
with its own message (exit code 2).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Sequence

EXIT_INTERNAL = 3


def _log_folders() -> list[Path]:
    folders = []
    if os.environ.get("KIT_LOG_DIR"):
        folders.append(Path(os.environ["KIT_LOG_DIR"]))
    cache = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache")
    folders.append(Path(cache) / "fangan-kit" / "logs")
    folders.append(Path(tempfile.gettempdir()))
    return folders


def write_log(exc: BaseException, argv: Sequence[str]) -> Path | None:
    """Write the traceback of *exc* to a new log file; None if no folder is writable."""
    from . import __version__

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    text = "".join(
        [
            f"fangan-kit {__version__}, Python {sys.version.split()[0]}\n",
            f"command: kit {' '.join(argv)}\n\n",
            *traceback.format_exception(type(exc), exc, exc.__traceback__),
        ]
    )
    for folder in _log_folders():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"kit-{stamp}-{os.getpid()}.log"
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
            return path
        except OSError:
            continue
    return None


def internal_error_report(exc: BaseException, argv: Sequence[str]) -> str:
    """The short Chinese report for an unexpected exception (its log written first)."""
    log = write_log(exc, argv)
    where = f"详细信息已记入日志文件：{log}" if log else "（日志文件也无法写入）"
    return (
        f"程序内部出错（{type(exc).__name__}），本次操作没有完成。\n"
        f"{where}\n请把这条信息和日志文件发给维护人员。"
    )
