"""The one exception for unusable input outside drafts (exit code 2), and the
Chinese reason for a failed file operation."""

from __future__ import annotations

import errno
import os


class InputError(Exception):
    """Input the kit cannot use: a missing, unreadable or malformed file, a bad
    output path. The message is Chinese, names the file, and is shown to the
    user as is; the CLI exits with code 2."""


# errno → what a clerk can act on
_REASONS = {
    errno.ENOSPC: "磁盘已满，请清理磁盘空间或换一个保存位置",
    errno.EDQUOT: "超出磁盘配额，请清理空间或换一个保存位置",
    errno.EROFS: "所在磁盘是只读的（如光盘或写保护的 U 盘），请换一个保存位置",
    errno.EACCES: "没有权限（文件或文件夹不允许当前用户读写），请换一个位置或请管理员授权",
    errno.EPERM: "操作不被允许（文件可能被锁定或没有权限）",
    errno.EISDIR: "这是一个文件夹，不是文件；请写上文件名",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.ENOENT: "文件或文件夹不存在",
    errno.EEXIST: "文件已存在",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EBUSY: "文件正被其他程序占用，请关闭后重试",
    errno.ETXTBSY: "文件正被其他程序占用，请关闭后重试",
    errno.EMFILE: "同时打开的文件太多",
    errno.EIO: "读写磁盘时出错（磁盘或 U 盘可能已损坏或被拔出）",
    errno.EINVAL: "文件内容或路径无效",
    errno.EFBIG: "文件太大",
    errno.ELOOP: "路径中的符号链接太多（可能循环）",
}


def os_reason(exc: OSError) -> str:
    """A Chinese reason for *exc*, from its errno (the system's text as a fallback)."""
    if isinstance(exc, PermissionError) and exc.errno is None:
        return _REASONS[errno.EACCES]
    reason = _REASONS.get(exc.errno or -1)
    if reason:
        return reason
    return f"系统错误：{exc.strerror or exc}"


def os_error_message(exc: OSError, path: str | os.PathLike | None = None, action: str = "读写") -> str:
    """``无法写入「out.docx」：磁盘已满……`` — the file first, then the reason."""
    name = path if path is not None else (exc.filename or "")
    where = f"「{name}」" if name else "文件"
    return f"无法{action}{where}：{os_reason(exc)}"
