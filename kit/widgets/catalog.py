"""The clerk's drafts folder: list, create, copy, rename, delete to a bin, restore, remember.

Nothing here imports ipywidgets or tornado: the start page (:mod:`kit.startpage`)
and the apps (:mod:`kit.widgets.jobs`) call these functions. Every refusal is a
:class:`CatalogError` with a Chinese message.

A draft is any ``*.yaml`` file directly in the drafts folder. Deleted drafts
go to the bin (``回收站/``) under a time-stamped name and can be restored.
Which draft each app worked on last is kept in ``.kit-state.json``.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..doctypes import get_type, starting_data
from ..drafts import DraftError, atomic_write, load_draft, save_data

BIN = "回收站"
STATE = ".kit-state.json"
SUFFIX = ".yaml"


@dataclass(frozen=True)
class Job:
    """One of the three things the app is for: its notebook, title and the draft types it edits."""

    key: str
    notebook: str
    title: str
    types: tuple[str, ...]
    blurb: str


JOBS = (
    Job("consolation", "consolation_budget.ipynb", "慰问方案与经费预算", ("consolation",), "元旦、春节走访慰问：人数、标准、小计、合计和大写自动算好"),
    Job("plan", "draft_plan.ipynb", "起草建设方案", ("plan", "notice"), "留守儿童之家、职工之家等建设方案、实施方案，逐节填写"),
    Job("summary", "summary.ipynb", "撰写工作总结", ("summary",), "根据学期初的方案写总结，经费支出与预算逐项对照"),
)
JOB_OF_TYPE = {t: job for job in JOBS for t in job.types}
NEW_TYPES = {"consolation": "慰问活动方案", "plan": "建设方案 / 实施方案", "notice": "通知", "summary": "工作总结"}


class CatalogError(ValueError):
    """A draft operation refused; the message is for the clerk, in Chinese."""


@dataclass(frozen=True)
class Entry:
    """One draft as the start page lists it."""

    name: str  # file name, 慰问方案.yaml
    title: str  # the document title, or why it cannot be opened
    type: str  # consolation, plan … ("" when unreadable)
    modified: _dt.datetime
    ok: bool = True

    @property
    def stem(self) -> str:
        return self.name[: -len(SUFFIX)] if self.name.endswith(SUFFIX) else self.name

    @property
    def type_label(self) -> str:
        return NEW_TYPES.get(self.type, self.type or "无法识别")

    @property
    def job(self) -> Job | None:
        return JOB_OF_TYPE.get(self.type)


def job(key: str) -> Job:
    for j in JOBS:
        if j.key == key:
            return j
    raise KeyError(key)


# -- names ----------------------------------------------------------------------------

_BAD = re.compile(r"[\\/:*?\"<>|\x00-\x1f]")


def file_name(name: str) -> str:
    """The file name for a draft name the clerk typed (``元旦慰问`` → ``元旦慰问.yaml``)."""
    name = (name or "").strip()
    if name.endswith(SUFFIX):
        name = name[: -len(SUFFIX)].strip()
    if not name:
        raise CatalogError("请填写草稿名称")
    if _BAD.search(name):
        raise CatalogError(f"草稿名称「{name}」中不能有 \\ / : * ? \" < > | 这些符号")
    if name.startswith(".") or name == BIN:
        raise CatalogError(f"草稿名称「{name}」不能使用，请换一个")
    if len(name) > 60:
        raise CatalogError("草稿名称太长，请不要超过 60 个字")
    return name + SUFFIX


def _existing(folder: Path, name: str) -> Path:
    path = folder / Path(name).name
    if path.suffix != SUFFIX or not path.is_file():
        raise CatalogError(f"找不到草稿「{Path(name).stem}」")
    return path


def _free(folder: Path, name: str) -> Path:
    path = folder / file_name(name)
    if path.exists():
        raise CatalogError(f"已经有名为「{path.stem}」的草稿，请换一个名称")
    return path


# -- listing ----------------------------------------------------------------------------


def _entry(path: Path) -> Entry:
    modified = _dt.datetime.fromtimestamp(path.stat().st_mtime)
    try:
        draft = load_draft(path)
    except DraftError:
        return Entry(path.name, "（草稿有问题，打开后可查看原因）", "", modified, ok=False)
    return Entry(path.name, draft.header.title, draft.type, modified)


def list_drafts(folder: str | os.PathLike, types: tuple[str, ...] | None = None) -> list[Entry]:
    """The drafts in *folder*, last changed first; only those of *types* if given."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    entries = [_entry(p) for p in folder.glob(f"*{SUFFIX}") if p.is_file() and not p.name.startswith(".")]
    if types is not None:
        entries = [e for e in entries if e.type in types]
    return sorted(entries, key=lambda e: (e.modified, e.name), reverse=True)


def list_bin(folder: str | os.PathLike) -> list[Entry]:
    """Deleted drafts, last deleted first."""
    return list_drafts(Path(folder) / BIN)


# -- changing ------------------------------------------------------------------------------


def new_draft(folder: str | os.PathLike, name: str, type_name: str, today: _dt.date | None = None) -> Path:
    """A new draft of *type_name* named *name*, dated *today*; refuses an existing name."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if type_name not in NEW_TYPES:
        raise CatalogError(f"不能新建这种文书：{type_name}")
    target = _free(folder, name)
    data = starting_data(type_name)
    data["header"]["date"] = today or _dt.date.today()
    save_data(data, target)
    target.with_name(target.name + ".bak").unlink(missing_ok=True)
    return target


def save_new(folder: str | os.PathLike, name: str, data: dict[str, Any]) -> Path:
    """Save plain draft *data* as a new draft named *name*."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    target = _free(folder, name)
    save_data(data, target)
    return target


def copy_draft(folder: str | os.PathLike, name: str, new_name: str) -> Path:
    folder = Path(folder)
    source = _existing(folder, name)
    target = _free(folder, new_name)
    atomic_write(target, source.read_bytes())
    return target


def rename_draft(folder: str | os.PathLike, name: str, new_name: str) -> Path:
    folder = Path(folder)
    source = _existing(folder, name)
    target = _free(folder, new_name)
    os.replace(source, target)
    backup = source.with_name(source.name + ".bak")
    if backup.exists():
        os.replace(backup, target.with_name(target.name + ".bak"))
    _rename_in_state(folder, source.name, target.name)
    return target


def delete_draft(folder: str | os.PathLike, name: str, now: _dt.datetime | None = None) -> Path:
    """Move a draft (and its backup) to the bin; returns where it went."""
    folder = Path(folder)
    source = _existing(folder, name)
    bin_dir = folder / BIN
    bin_dir.mkdir(exist_ok=True)
    stamp = (now or _dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = _numbered(bin_dir, f"{source.stem}（{stamp}删除）", lambda n: f"{source.stem}（{stamp}删除{n}）")
    _move_with_backup(source, target)
    _rename_in_state(folder, source.name, None)
    return target


def _numbered(folder: Path, first: str, nth) -> Path:
    """``first`` in *folder* if free, else ``nth(2)``, ``nth(3)``, … (names without the suffix)."""
    target, n = folder / f"{first}{SUFFIX}", 1
    while target.exists():
        n += 1
        target = folder / f"{nth(n)}{SUFFIX}"
    return target


def _move_with_backup(source: Path, target: Path) -> None:
    """Move a draft and its ``.bak`` together."""
    os.replace(source, target)
    backup = source.with_name(source.name + ".bak")
    if backup.exists():
        os.replace(backup, target.with_name(target.name + ".bak"))


_DELETED = re.compile(r"（\d{8}-\d{6}删除\d*）$")


def restore_draft(folder: str | os.PathLike, bin_name: str) -> Path:
    """Put a draft from the bin back under its old name (or a free name close to it)."""
    folder = Path(folder)
    source = _existing(folder / BIN, bin_name)
    stem = _DELETED.sub("", source.stem) or "恢复的草稿"
    target = _numbered(folder, stem, lambda n: f"{stem}（恢复{n}）")
    _move_with_backup(source, target)
    return target


# -- what each app worked on last -------------------------------------------------------------


def _state(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads((folder / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_state(folder: Path, data: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write(folder / STATE, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


def remember(folder: str | os.PathLike, job_key: str, name: str) -> None:
    """Record that app *job_key* has draft *name* open (reopened after a reload or restart)."""
    folder = Path(folder)
    data = _state(folder)
    last = dict(data.get("last") or {})
    if last.get(job_key) == name:
        return
    last[job_key] = name
    data["last"] = last
    _write_state(folder, data)


def last_opened(folder: str | os.PathLike, job_key: str) -> Path | None:
    """The draft app *job_key* worked on last, if it still exists."""
    folder = Path(folder)
    name = (_state(folder).get("last") or {}).get(job_key)
    if not isinstance(name, str):
        return None
    path = folder / Path(name).name
    return path if path.is_file() else None


def _rename_in_state(folder: Path, old: str, new: str | None) -> None:
    data = _state(folder)
    last = dict(data.get("last") or {})
    changed = {k: v for k, v in last.items() if v == old}
    if not changed:
        return
    for k in changed:
        if new is None:
            del last[k]
        else:
            last[k] = new
    data["last"] = last
    _write_state(folder, data)


def job_title(job_key: str) -> str:
    return job(job_key).title


def type_label(type_name: str) -> str:
    try:
        return NEW_TYPES.get(type_name) or get_type(type_name).label
    except KeyError:
        return type_name
