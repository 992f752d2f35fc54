"""The editing session behind the widgets: plain data, paths and autosave.

Nothing here imports ipywidgets. A :class:`DraftSession` holds the last valid
plain data of one draft file and applies edits addressed by a path
(``sections.budget.lines[0].count``). An edit that validates is saved at once
(atomically, keeping ``.bak``); an edit that does not is refused with the
draft's problems and the file stays byte-identical.

Two windows (browser tabs, each with its own kernel) may edit one draft. A
session remembers the file as it last read or wrote it; when the file has
changed since, the edit is merged into the file's data field by field
(:mod:`kit.widgets.merge`), so both windows' edits are kept. When both changed
the same field, the edit is refused with a Chinese message, the other
window's value stays in the file and the session takes it up. A file that can
no longer be written (folder read-only, disk full) refuses the edit with a
Chinese message too; nothing here raises on an ordinary fault.
"""

from __future__ import annotations

import contextlib
import copy
import os
import re
import shutil
from pathlib import Path
from typing import Any, Callable, Iterator

from .. import model as m
from ..doctypes import checks_for
from ..drafts import DraftError, Problem, draft_data, load_draft, parse_draft, save_data, validate_data
from ..errors import os_reason
from ..findings import Finding, run_checks
from .merge import MISSING, Clash, merge

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no lock between windows
    fcntl = None  # type: ignore[assignment]

# The app's notebooks and the sample drafts are not installed with the wheel
# (the kit's own files are, see kit.resources): `kit app` and the samples are
# served from a checkout with the kit installed in editable mode. Installed
# from a wheel, PROJECT_ROOT is site-packages and IN_CHECKOUT is False.
PROJECT_ROOT = Path(__file__).resolve().parents[2]
IN_CHECKOUT = (PROJECT_ROOT / "pyproject.toml").is_file() and (PROJECT_ROOT / "notebooks").is_dir()
SAMPLES = PROJECT_ROOT / "sample_data"

PathT = tuple[str | int, ...]
_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def parse_path(text: str) -> PathT:
    """``"sections.budget.lines[0].count"`` → ``("sections", "budget", "lines", 0, "count")``."""
    return tuple(int(i) if i else name for name, i in _STEP.findall(text))


def format_path(path: PathT) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else ("." if out else "") + step
    return out


def get_in(data: Any, path: PathT, default: Any = None) -> Any:
    """The value at *path* in nested dicts and lists, or *default* if absent."""
    for step in path:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return default
    return data


def set_in(data: Any, path: PathT, value: Any) -> None:
    """Set *path* in place, creating missing mappings; ``None`` removes a key."""
    *head, last = path
    for step in head:
        if isinstance(step, str) and (not isinstance(data.get(step), (dict, list))):
            data[step] = {}
        data = data[step]
    if value is None and isinstance(last, str):
        data.pop(last, None)
    else:
        data[last] = value


# -- where drafts live -----------------------------------------------------------------


def drafts_dir() -> Path:
    """The working folder for drafts: ``$KIT_DRAFTS_DIR``, else ``drafts/`` at the project root
    (in a checkout) or in the current folder (an installed kit never writes into site-packages)."""
    env = os.environ.get("KIT_DRAFTS_DIR")
    if env:
        return Path(env).resolve()
    return ((PROJECT_ROOT if IN_CHECKOUT else Path.cwd()) / "drafts").resolve()


def output_dir() -> Path:
    """Where generated documents go: ``$KIT_OUTPUT_DIR`` or ``out/`` inside the drafts folder."""
    env = os.environ.get("KIT_OUTPUT_DIR")
    return Path(env).resolve() if env else drafts_dir() / "out"


def sample_path(name: str) -> Path:
    return SAMPLES / name


def working_copy(source: str | os.PathLike, workdir: str | os.PathLike | None = None) -> Path:
    """The editable copy of *source* in the drafts folder (copied on first use, reused after).

    A file already inside *workdir* is its own working copy. Samples and any
    file elsewhere are never modified: the copy keeps the file name, so
    reopening the same source finds the copy with every edit made since.
    """
    source = Path(source).resolve()
    folder = Path(workdir).resolve() if workdir else drafts_dir()
    if source.parent == folder:
        return source
    folder.mkdir(parents=True, exist_ok=True)
    copy_path = folder / source.name
    if not copy_path.exists():
        load_draft(source)  # refuse to start from a broken file
        tmp = folder / f".{source.name}.copying"
        shutil.copyfile(source, tmp)
        os.replace(tmp, copy_path)
    return copy_path


_FIGURES = ("count", "components", "kind")


def drop_stale_statements(data: dict[str, Any], path: PathT) -> None:
    """After a budget figure at *path* changed, drop what the author wrote that it makes stale.

    A line's count, kind or components changed: its written subtotal; any of
    them, or a line added or removed: the written total and its 大写. In a
    draft the kit computes these; the written figures of lines left alone are
    still compared (check mode, for imported documents).
    """
    if len(path) < 3 or path[0] != "sections" or path[2] != "lines":
        return
    section = get_in(data, path[:2])
    if not isinstance(section, dict) or section.get("kind") != "ledger":
        return
    if len(path) == 3:  # the list of lines itself (a line added or removed)
        pass
    elif len(path) >= 5 and isinstance(path[3], int) and path[4] in _FIGURES:
        line = get_in(data, path[:4])
        if isinstance(line, dict):
            line.pop("stated_subtotal", None)
    else:
        return
    section.pop("stated_total", None)
    section.pop("stated_total_upper", None)


# -- two windows, one file ------------------------------------------------------------------

ELSEWHERE = "这份草稿刚在另一个窗口（或浏览器标签页）里改过"
LOCK_NAME = ".kit-drafts.lock"


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold the drafts folder's lock: one window at a time reads, merges and writes a draft."""
    if fcntl is None:  # pragma: no cover
        yield
        return
    fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def unwritable_message(path: Path, exc: OSError) -> str:
    """The Chinese message for a draft that could not be saved."""
    return (f"草稿文件夹「{path.parent}」不能写入（{os_reason(exc)}）。刚才的修改还在页面上，"
            "请让管理员给这个文件夹写入权限（或腾出磁盘空间）后再改一次；也可以先把要写的内容复制到别处。")


def folder_problem(folder: Path) -> str:
    """Why drafts cannot be saved in *folder*, in Chinese ("" if they can)."""
    import tempfile

    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder, prefix=".kit-write-test-"):
            pass
    except OSError as exc:
        return (f"草稿文件夹「{folder}」不能写入（{os_reason(exc)}），在这里做的修改无法保存。"
                "请让管理员给这个文件夹写入权限，或用环境变量 KIT_DRAFTS_DIR 换一个文件夹后重新启动 kit app。")
    return ""


def _shown(value: Any) -> str:
    if value is MISSING or value is None:
        return "（空）"
    if isinstance(value, (dict, list)):
        return "（已改动）"
    text = str(value)
    return text if len(text) <= 40 else text[:40] + "…"


# -- the session ------------------------------------------------------------------------


class DraftSession:
    """One draft being edited: valid plain data, autosaved on every accepted edit.

    Parameters
    ----------
    path : the draft file written on every accepted edit.
    """

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        for _attempt in range(3):  # the bytes remembered are the bytes loaded, even if another window saves now
            seen = self._read()
            self.draft: m.Draft = load_draft(self.path)
            if self._read() == seen:
                break
        self.seen = seen  # the file as this session last read or wrote it
        self.data: dict[str, Any] = draft_data(self.draft)
        self.listeners: list[Callable[["DraftSession"], None]] = []
        self.saves = 0
        self.elsewhere = ""  # set when another window's edits were taken up; the app shows it, then clears it

    def _read(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except OSError:
            return None

    def take_elsewhere(self) -> str:
        """The note about another window's edits taken up since the last call ("" if none)."""
        note, self.elsewhere = self.elsewhere, ""
        return note

    # reading
    def get(self, path: PathT, default: Any = None) -> Any:
        return get_in(self.data, path, default)

    def findings(self) -> list[Finding]:
        return run_checks(checks_for(self.draft.type), self.draft)

    # writing
    def commit(self, data: dict[str, Any]) -> list[Problem]:
        """Validate *data*; if valid, save it and notify listeners. Returns the problems (empty if saved).

        *data* is this session's data with some changes. If another window saved
        the file meanwhile, those changes are merged into the file's data (see
        the module docstring); a clash, a file gone or an unwritable folder is a
        problem with a Chinese message, and the file is left as it is."""
        try:
            validate_data(copy.deepcopy(data), str(self.path))
        except DraftError as exc:
            return exc.problems
        try:
            with folder_lock(self.path.parent):
                problems = self._save_merged(data)
        except OSError as exc:
            return [Problem("", unwritable_message(self.path, exc))]
        if problems:
            return problems
        self.saves += 1
        for listener in list(self.listeners):
            listener(self)
        return []

    def _save_merged(self, data: dict[str, Any]) -> list[Problem]:
        raw = self._read()
        if raw is None:
            return [Problem("", f"草稿「{self.path.stem}」已不在草稿文件夹里（可能在“我的草稿”里被删除或改名了）。"
                                "请回到“我的草稿”打开它现在的名字；刚才的修改还在页面上。")]
        if raw != self.seen:
            try:
                theirs = draft_data(parse_draft(raw.decode("utf-8-sig"), str(self.path)))
            except (DraftError, UnicodeDecodeError):
                return [Problem("", f"{ELSEWHERE}，但那边存下的文件现在打不开。请刷新页面查看。")]
            try:
                data = merge(self.data, data, theirs)
            except Clash as clash:
                self._take_up(theirs, raw)
                where = format_path(clash.path)
                return [Problem(where, f"{ELSEWHERE}，这一处在那边已改为「{_shown(get_in(theirs, clash.path, MISSING))}」。"
                                       "页面上是您刚才的输入；再改一次就以您的为准，刷新页面可以看到那边的全部修改。")]
            self.elsewhere = f"{ELSEWHERE}：那边的修改和您的修改都已保存，页面已更新为最新内容。"
            try:
                validate_data(copy.deepcopy(data), str(self.path))
            except DraftError as exc:
                self._take_up(theirs, raw)
                return [Problem(p.path, f"{ELSEWHERE}，合在一起后{p.message}") for p in exc.problems]
        draft = save_data(copy.deepcopy(data), self.path)
        self.draft, self.data = draft, draft_data(draft)
        self.seen = self._read()
        return []

    def _take_up(self, theirs: dict[str, Any], raw: bytes) -> None:
        """Adopt the file another window saved: the next edit starts from it."""
        self.draft = validate_data(copy.deepcopy(theirs), str(self.path))
        self.data, self.seen = draft_data(self.draft), raw
        self.elsewhere = f"{ELSEWHERE}。您的修改没有保存（红框处），请核对后再改；刷新页面可以看到那边的全部修改。"

    def edit(self, path: PathT, value: Any) -> list[Problem]:
        """Set one value (``None`` removes an optional key) and save if the draft stays valid.

        Text naming a figure that does not exist (``{{退休老师.人数}}``) is refused
        with a message naming it; a figure of a budget line changed makes the
        subtotal and total the author once wrote stale, so they are dropped
        (the kit computes them: see :func:`drop_stale_statements`).
        """
        if isinstance(value, str) and "{{" in value:
            from ..refs import new_reference_problems

            messages = new_reference_problems(self.draft, get_in(self.data, path), value)
            if messages:
                return [Problem(format_path(path), message) for message in messages]
        data = copy.deepcopy(self.data)
        set_in(data, path, value)
        drop_stale_statements(data, path)
        return self.commit(data)

    def list_op(self, path: PathT, op: str, index: int | None = None, item: Any = None) -> list[Problem]:
        """Change the list at *path*: ``add`` *item* (at the end), ``remove``, ``up`` or ``down`` *index*."""
        data = copy.deepcopy(self.data)
        items = list(get_in(data, path) or [])
        if op == "add":
            items.append(copy.deepcopy(item))
        elif op == "remove":
            del items[index]
        elif op in ("up", "down"):
            other = index - 1 if op == "up" else index + 1
            if not 0 <= other < len(items):
                return []
            items[index], items[other] = items[other], items[index]
        else:
            raise ValueError(f"unknown list operation {op!r}")
        set_in(data, path, items)
        if op in ("add", "remove"):
            drop_stale_statements(data, path)
        return self.commit(data)

    def snapshot(self) -> bytes:
        """The draft file as it is now (for 撤销)."""
        return self.path.read_bytes()

    def restore(self, raw: bytes) -> list[Problem]:
        """Put back a :meth:`snapshot`: the file becomes byte-identical to it, and listeners are told.

        Refused (a Chinese problem) when another window saved the file since this
        session last did: putting the snapshot back would undo that window's edits."""
        from ..drafts import atomic_write

        try:
            draft = parse_draft(raw.decode("utf-8-sig"), str(self.path))
        except DraftError as exc:
            return exc.problems
        try:
            with folder_lock(self.path.parent):
                if self._read() != self.seen:
                    return [Problem("", f"没有撤销：{ELSEWHERE}，撤销会抹掉那边的修改。请刷新页面查看后再改。")]
                atomic_write(self.path, raw, backup=True)
                self.seen = self._read()
        except OSError as exc:
            return [Problem("", unwritable_message(self.path, exc))]
        self.draft, self.data = draft, draft_data(draft)
        self.saves += 1
        for listener in list(self.listeners):
            listener(self)
        return []

    def add_section(self, key: str, body: dict[str, Any], order: list[str]) -> list[Problem]:
        """Insert section *key* keeping the declared *order* of the document type."""
        data = copy.deepcopy(self.data)
        sections = dict(data.get("sections") or {})
        sections[key] = body
        keys = [k for k in sections if k != key]
        earlier = set(order[: order.index(key)]) if key in order else set(order)
        position = max((i + 1 for i, k in enumerate(keys) if k in earlier), default=0)
        keys.insert(position, key)
        data["sections"] = {k: sections[k] for k in keys}
        return self.commit(data)

    def remove_section(self, key: str) -> list[Problem]:
        data = copy.deepcopy(self.data)
        data.get("sections", {}).pop(key, None)
        return self.commit(data)
