"""Where packs come from: a folder, a ``.zip``, or a git repository, copied into a staging folder.

Nothing from the source is used in place: a folder is copied (symbolic links
kept as links, so :func:`kit.packs.testing.scan_files` sees where they lead), a
zip is checked against the limits of :mod:`kit.ziplimits` and unpacked member
by member with every name confined to the staging folder (no absolute names,
no ``..``, no symbolic-link members), and a repository is cloned with
``git clone`` (no submodules, no prompts, a time limit) and its ``.git`` removed.
A source may be one pack (``pack.yaml`` at its top) or hold packs in its
sub-folders, as a county's repository of packs does.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import zipfile
from pathlib import Path, PurePosixPath

from ..doctypes import PackError
from .testing import IGNORED, MAX_PACK_BYTES, MAX_PACK_FILES

GIT_SECONDS = 120


def fetch(source: str, staging: Path) -> Path:
    """Copy the packs at *source* into the new folder *staging*; returns it."""
    if source.startswith("-"):
        raise PackError(f"模板包来源「{source}」无效")
    path = Path(source).expanduser()
    if path.is_dir():
        if (path / "HEAD").is_file() and (path / "objects").is_dir():  # a bare git repository
            return _clone(source, staging)
        return _copy_folder(path, staging)
    if path.is_file():
        if path.suffix.lower() == ".zip" or zipfile.is_zipfile(path):
            return _unzip(path, staging)
        raise PackError(f"「{source}」不是模板包文件夹、.zip 压缩包或 git 仓库")
    if "://" in source or source.startswith("git@") or source.endswith(".git"):
        return _clone(source, staging)
    raise PackError(f"找不到模板包来源「{source}」（应为文件夹、.zip 压缩包或 git 仓库地址）")


def _copy_folder(path: Path, staging: Path) -> Path:
    total = count = 0
    for dirpath, dirnames, filenames in os.walk(path):
        dirnames[:] = [d for d in dirnames if d not in IGNORED]
        count += len(filenames)
        total += sum((Path(dirpath) / f).lstat().st_size for f in filenames)
        if count > MAX_PACK_FILES * 20 or total > MAX_PACK_BYTES * 4:
            raise PackError(f"「{path}」中的文件太多或太大，不像是模板包文件夹")
    shutil.copytree(path, staging, symlinks=True, ignore=shutil.ignore_patterns(*IGNORED))
    return staging


def _unzip(path: Path, staging: Path) -> Path:
    from ..errors import InputError
    from ..ziplimits import check_zip_archive

    try:
        check_zip_archive(path, "模板包压缩包")
    except InputError as exc:
        raise PackError(str(exc)) from None
    staging.mkdir()
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            name = info.filename
            parts = PurePosixPath(name.replace("\\", "/")).parts
            if (not parts or name.startswith(("/", "\\")) or ".." in parts or ":" in parts[0]
                    or stat.S_ISLNK(info.external_attr >> 16)):
                raise PackError(f"模板包压缩包「{path}」中的「{name}」会解压到模板包文件夹之外（或是符号链接），出于安全考虑拒绝安装")
            if any(part in IGNORED for part in parts):
                continue
            target = staging.joinpath(*parts)
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as src, open(target, "xb") as dst:
                shutil.copyfileobj(src, dst)
    return staging


def _clone(source: str, staging: Path) -> Path:
    git = shutil.which("git")
    if git is None:
        raise PackError("从 git 仓库安装模板包需要 git（Debian：sudo apt-get install git）")
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_ASKPASS": "true", "SSH_ASKPASS": "true"}
    try:
        run = subprocess.run([git, "clone", "--depth", "1", "--no-recurse-submodules", "--quiet", "--", source, str(staging)],
                             capture_output=True, text=True, timeout=GIT_SECONDS, env=env, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise PackError(f"从「{source}」克隆 git 仓库超过 {GIT_SECONDS} 秒，已放弃；请检查网络或地址") from None
    if run.returncode != 0:
        reason = (run.stderr.strip().splitlines() or ["（git 没有说明原因）"])[-1]
        raise PackError(f"无法从「{source}」克隆 git 仓库：{reason}")
    shutil.rmtree(staging / ".git", ignore_errors=True)
    return staging


def find_packs(root: Path, source: str, names: tuple[str, ...] = ()) -> list[Path]:
    """The pack folders in *root*: itself when it has pack.yaml, else its sub-folders that do.

    With *names*, only the packs of those names (manifest name or folder name).
    """
    if (root / "pack.yaml").is_file():
        folders = [root]
    else:
        folders = sorted(p for p in root.iterdir() if p.is_dir() and not p.is_symlink() and (p / "pack.yaml").is_file())
        if not folders:  # a zip holding one folder that holds the packs
            inner = [p for p in root.iterdir() if p.is_dir() and p.name not in IGNORED]
            if len(inner) == 1 and not (root / "pack.yaml").exists():
                return find_packs(inner[0], source, names)
    if not folders:
        raise PackError(f"「{source}」中没有模板包（应有 pack.yaml，或在各子文件夹中各有一个）")
    if names:
        from ..yamlio import loads

        def name_of(folder: Path) -> str:
            try:
                return str(loads((folder / "pack.yaml").read_text(encoding="utf-8")).get("name"))
            except Exception:  # noqa: BLE001 - the test reports it properly
                return folder.name

        chosen = [f for f in folders if f.name in names or name_of(f) in names]
        found = {f.name for f in chosen} | {name_of(f) for f in chosen}
        unknown = [n for n in names if n not in found]
        if unknown:
            raise PackError(f"「{source}」中没有模板包 {'、'.join(unknown)}；有：{'、'.join(f.name for f in folders)}")
        folders = chosen
    return folders
