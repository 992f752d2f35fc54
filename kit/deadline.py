"""A time budget for one piece of work, so that no input stalls a batch.

    with time_budget(30, "「旧方案.docx」"):
        findings = check_document(path)

When the budget runs out, :class:`TimeBudgetExceeded` is raised inside the
work. It is a ``BaseException``, so no ``except Exception`` on the way (the
check runner turns crashes into findings) can swallow it; the command line
reports it like unusable input (exit code 2). The
budget uses ``SIGALRM`` and so applies only in the main thread of a POSIX
process (the command line); elsewhere the work runs unbounded.
"""

from __future__ import annotations

import os
import signal
import threading
from contextlib import contextmanager
from typing import Iterator

DEFAULT_CHECK_SECONDS = 60.0


class TimeBudgetExceeded(BaseException):
    """The work took longer than its budget; the message is Chinese."""


def check_seconds() -> float:
    """The per-document budget of ``kit check``: ``$KIT_CHECK_SECONDS`` or 60 s (0 = none)."""
    try:
        return float(os.environ.get("KIT_CHECK_SECONDS", DEFAULT_CHECK_SECONDS))
    except ValueError:
        return DEFAULT_CHECK_SECONDS


@contextmanager
def time_budget(seconds: float, what: str) -> Iterator[None]:
    """Raise :class:`TimeBudgetExceeded` naming *what* if the body runs longer than *seconds*."""
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum, frame):  # noqa: ARG001 - signal handler signature
        raise TimeBudgetExceeded(
            f"{what}检查超过 {seconds:g} 秒仍未完成，已停止（文档可能含有异常内容）；"
            "可设置环境变量 KIT_CHECK_SECONDS 放宽时限"
        )

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
