"""Making, installing, listing and removing packs in the user's pack folder.

``install`` is all or nothing: the source is copied to a temporary folder and
every pack in it is tested there (:func:`kit.packs.testing.test_packs`) before
anything is written to the pack folder; a pack is then copied beside its final
place and renamed into it, so a failure leaves the pack folder as it was. A
pack already installed is replaced by a higher version, left alone at the same
or a lower one (``force`` replaces it anyway); a pack may not take the name of
a built-in pack or of one on ``KIT_PACK_PATH``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..doctypes import Pack, PackError, load_pack, pack_home, registry, reload_registry
from .notebook import write_notebook
from .sources import fetch, find_packs
from .testing import IGNORED, NAME_RE, Report, test_packs

DEFAULT_VERSION = "1.0.0"


def default_requirement() -> str:
    """``>=MAJOR.MINOR,<NEXT`` for the running kit: from this release up to the next major one
    (for 0.x, the next minor one, since 0.x releases may change the draft format)."""
    from ..doctypes import kit_version

    major, minor = (int(n) for n in kit_version().split(".")[:2])
    upper = f"{major}.{minor + 1}" if major == 0 else f"{major + 1}"
    return f">={major}.{minor},<{upper}"


def new_pack(name: str, draft_path: str | os.PathLike, out: str | os.PathLike | None = None, *, label: str | None = None,
             author: str | None = None, version: str = DEFAULT_VERSION, template: str | os.PathLike | None = None,
             description: str = "") -> Path:
    """Make the pack folder *out* (default ``./NAME``) from the finished draft at *draft_path*."""
    from ..drafts import DraftError, draft_data, load_draft, save_data
    from ..yamlio import dumps

    if not NAME_RE.match(name):
        raise PackError(f"模板包名称「{name}」只能由英文字母、数字、_ 和 - 组成（安装时用作文件夹名），中文名称请用 --label")
    target = Path(out) if out else Path(name)
    if target.exists() or target.is_symlink():
        raise PackError(f"「{target}」已存在；请用 -o 指定一个新的文件夹")
    try:
        draft = load_draft(draft_path)
    except DraftError as exc:
        raise PackError(f"草稿「{draft_path}」有误，不能做成模板包：{'；'.join(p.format() for p in exc.problems[:5])}") from None
    data = draft_data(draft)
    data["pack"] = name
    manifest = {"name": name, "label": label or draft.header.title, "type": draft.type, "version": version,
                "kit": default_requirement(), "author": author or draft.header.issuer, "draft": "draft.yaml"}
    if description:
        manifest["description"] = description
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=target.parent))
    try:
        save_data(data, work / "draft.yaml")
        (work / "draft.yaml.bak").unlink(missing_ok=True)
        if template:
            manifest["docx_template"] = "template.docx"
            shutil.copyfile(template, work / "template.docx")
        (work / "pack.yaml").write_text(f"# 方案工坊模板包：{manifest['label']}\n" + dumps(manifest), encoding="utf-8")
        load_pack(work)  # the manifest reads back
        write_notebook(work, manifest["label"])
        work.rename(target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return target


def record(folder: str | os.PathLike) -> Path:
    """Write the check notebook of the pack in *folder* again, with what its draft prints now."""
    pack = load_pack(folder)
    return write_notebook(pack.folder, pack.label)


@dataclass(frozen=True)
class Outcome:
    """What ``install`` did with one pack: installed, updated, or kept what was there."""

    pack: Pack
    action: str  # 安装 / 更新 / 重新安装 / 未改动
    note: str = ""


def _installed(home: Path) -> dict[str, Pack]:
    found = {}
    if home.is_dir():
        for folder in sorted(home.iterdir()):
            if folder.is_dir() and not folder.name.startswith(".") and (folder / "pack.yaml").is_file():
                try:
                    pack = load_pack(folder)
                except PackError:
                    continue
                found[pack.name] = pack
    return found


def _plan(report: Report, installed: dict[str, Pack], home: Path, force: bool) -> Outcome:
    from ..doctypes.versions import version_key

    pack = report.pack
    other = registry().packs.get(pack.name)
    if other is not None and other.folder.resolve().parent != home.resolve():
        raise PackError(f"模板包「{pack.name}」与已有的模板包（{other.folder}）同名，不能安装；请在 pack.yaml 中改用别的名称")
    old = installed.get(pack.name)
    if old is None:
        place = home / pack.name
        if place.exists() or place.is_symlink():
            raise PackError(f"模板包文件夹中已有「{place}」，但不是可用的模板包；请先把它移走")
        return Outcome(pack, "安装")
    if force:
        return Outcome(pack, "重新安装", f"原为版本 {old.version or '（未写）'}")
    if not old.version or version_key(pack.version) > version_key(old.version):
        return Outcome(pack, "更新", f"版本 {old.version or '（未写）'} → {pack.version}")
    return Outcome(pack, "未改动", f"已安装版本 {old.version}，来源中是 {pack.version}（加 --force 可重新安装）")


def install(source: str, names: tuple[str, ...] = (), *, force: bool = False, home: Path | None = None) -> list[Outcome]:
    """Install the packs at *source* (all, or those *names*) into *home* (default :func:`pack_home`)."""
    home = Path(home) if home else pack_home()
    with tempfile.TemporaryDirectory(prefix="kit-pack-install-") as tmp:
        root = fetch(source, Path(tmp) / "source")
        folders = find_packs(root, source, names)
        reports = test_packs(folders)
        seen: set[str] = set()
        for report in reports:
            if report.pack.name in seen:
                raise PackError(f"「{source}」中有两个模板包都叫「{report.pack.name}」")
            seen.add(report.pack.name)
        installed = _installed(home)
        outcomes = [_plan(r, installed, home, force) for r in reports]
        changes = [o for o in outcomes if o.action != "未改动"]
        if changes:
            _put(home, changes, installed)
    reload_registry()
    return outcomes


def _put(home: Path, changes: list[Outcome], installed: dict[str, Pack]) -> None:
    """Copy each changed pack beside its place, then rename them all in; undo everything on failure."""
    made_home = not home.exists()
    home.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[Outcome, Path]] = []
    moved: list[tuple[Path, Path | None]] = []  # (final place, the old pack set aside)
    try:
        for outcome in changes:
            copy = Path(tempfile.mkdtemp(prefix=f".{outcome.pack.name}-new-", dir=home))
            shutil.copytree(outcome.pack.folder, copy, dirs_exist_ok=True, ignore=shutil.ignore_patterns(*IGNORED))
            staged.append((outcome, copy))
        for outcome, copy in staged:
            old = installed.get(outcome.pack.name)
            final = old.folder if old is not None else home / outcome.pack.name
            aside = None
            if old is not None:
                aside = Path(tempfile.mkdtemp(prefix=f".{outcome.pack.name}-old-", dir=home))
                aside.rmdir()
                old.folder.rename(aside)
            copy.rename(final)
            moved.append((final, aside))
    except BaseException:
        for final, aside in reversed(moved):
            shutil.rmtree(final, ignore_errors=True)
            if aside is not None:
                aside.rename(final)
        for _, copy in staged:
            shutil.rmtree(copy, ignore_errors=True)
        if made_home:
            shutil.rmtree(home, ignore_errors=True)
        raise
    for _, aside in moved:
        if aside is not None:
            shutil.rmtree(aside, ignore_errors=True)


def list_installed(home: Path | None = None) -> list[Pack]:
    """The packs in the user's pack folder."""
    return list(_installed(Path(home) if home else pack_home()).values())


def remove(name: str, home: Path | None = None) -> Pack:
    """Remove the installed pack *name* from the user's pack folder."""
    home = Path(home) if home else pack_home()
    pack = _installed(home).get(name)
    if pack is None:
        other = registry().packs.get(name)
        if other is not None:
            raise PackError(f"模板包「{name}」不是用 kit pack install 安装的（在 {other.folder}），不能用 kit pack remove 删除")
        raise PackError(f"没有安装名为「{name}」的模板包（kit pack list 列出已安装的模板包）")
    shutil.rmtree(pack.folder)
    reload_registry()
    return pack


PACK_CHOICE = "pack:"  # the app's draft chooser: a value starting so makes a draft from that pack


def pack_type(choice: str) -> str | None:
    """The document type of the installed pack a choice names (pack:NAME), or None."""
    pack = registry().packs.get(choice[len(PACK_CHOICE):]) if choice.startswith(PACK_CHOICE) else None
    return pack.type if pack else None


def pack_choices(types: tuple[str, ...], home: Path | None = None) -> list[tuple[str, str]]:
    """(label, value) of the installed packs of *types*, for the app's draft chooser."""
    return [(f"从模板包新建：{p.label}", f"{PACK_CHOICE}{p.name}") for p in list_installed(home) if p.type in types]


def draft_from_pack(folder: str | os.PathLike, choice: str, title: str | None = None) -> Path:
    """A new draft in the drafts *folder* from the pack of a chooser *choice*, named *title* (or after the pack), dated today."""
    import datetime as _dt

    from ..doctypes import starting_data
    from ..widgets.catalog import save_new

    name = choice[len(PACK_CHOICE):] if choice.startswith(PACK_CHOICE) else choice
    pack = registry().packs.get(name)
    if pack is None:
        raise PackError(f"找不到模板包「{name}」（可能已被删除）")
    data = starting_data(pack.type, pack)
    data["header"]["date"] = _dt.date.today()
    return save_new(folder, title or pack.label, data)
