"""Document types as plugins, and template packs.

A document type is a :class:`DocType` object published under the entry-point
group ``fangan_kit.doctypes``; the four built-in types are registered the same
way, from this project's ``pyproject.toml``. A plugin that fails to load is
reported in :attr:`Registry.failures` and the others still load.

A template pack is a folder with a ``pack.yaml`` manifest naming its document
type, its starting draft (default section texts) and optionally its DOCX
template. Packs are found in the built-in ``templates/packs`` (installed as
``kit.templates``, see :mod:`kit.resources`), in folders
listed in ``KIT_PACK_PATH`` and under entry-point group ``fangan_kit.packs``
(each returning a folder path), and in the user's pack folder
(:func:`pack_home`), where ``kit pack install`` puts the packs it installs
(:mod:`kit.packs`). A manifest may also give the pack's ``version``, the kit
versions it needs (``kit: ">=0.1,<1"``, see :mod:`kit.doctypes.versions`) and
its ``author``; a pack needing another kit version is refused.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, Callable

from ..findings import Finding
from ..resources import resources

DOCTYPE_GROUP = "fangan_kit.doctypes"
PACK_GROUP = "fangan_kit.packs"


@dataclass(frozen=True)
class SectionSpec:
    """A section a document type offers: its key, kind and usual title."""

    key: str
    kind: str
    title: str
    required: bool = False
    help: str = ""


@dataclass(frozen=True)
class DocType:
    """A document type: its sections, a starting draft and its checks."""

    name: str
    label: str
    sections: tuple[SectionSpec, ...]
    starting_draft: Callable[[], dict[str, Any]]
    checks: tuple[Callable[..., list[Finding]], ...] = ()
    description: str = ""

    def section(self, key: str) -> SectionSpec | None:
        return next((s for s in self.sections if s.key == key), None)


@dataclass(frozen=True)
class Pack:
    """A template pack: a folder with a manifest and a starting draft."""

    name: str
    label: str
    type: str
    folder: Path
    draft_file: Path
    docx_template: Path | None = None
    description: str = ""
    version: str = ""
    kit: str = ""  # the kit versions it needs, e.g. ">=0.1,<1"
    author: str = ""


@dataclass
class Registry:
    types: dict[str, DocType] = field(default_factory=dict)
    packs: dict[str, Pack] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)


class PackError(ValueError):
    """A pack folder that cannot be used (message in Chinese)."""


MAX_MANIFEST_BYTES = 64 * 1024
MANIFEST_KEYS = ("name", "label", "type", "version", "kit", "author", "draft", "docx_template", "description")


def pack_home() -> Path:
    """The user's pack folder, where ``kit pack install`` puts packs: ``$KIT_PACK_HOME``,
    else ``$XDG_DATA_HOME/fangan-kit/packs``, else ``~/.local/share/fangan-kit/packs``."""
    if os.environ.get("KIT_PACK_HOME"):
        return Path(os.environ["KIT_PACK_HOME"])
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "fangan-kit" / "packs"


def kit_version() -> str:
    from .. import __version__

    return __version__


def _versions(data: dict, manifest: Path) -> tuple[str, str]:
    """The pack's version and kit requirement as text, refused when unreadable or unmet."""
    from .versions import VersionError, satisfies, version_key

    version = "" if data.get("version") is None else str(data["version"])
    kit = "" if data.get("kit") is None else str(data["kit"])
    try:
        if version:
            version_key(version)
        if kit and not satisfies(kit_version(), kit):
            raise PackError(f"模板包「{data['name']}」需要方案工坊版本 {kit}，当前版本是 {kit_version()}，不能使用；"
                            "请更新方案工坊，或找适合当前版本的模板包")
    except VersionError as exc:
        raise PackError(f"模板包清单「{manifest}」：{exc}") from None
    return version, kit


def _inside(folder: Path, name: str, what: str, pack: str) -> Path:
    """*name* (from the manifest) as a path that stays inside the pack *folder*."""
    if not isinstance(name, str) or not name.strip():
        raise PackError(f"模板包「{pack}」的{what}路径无效")
    candidate = folder / name
    root = folder.resolve()
    try:
        resolved = candidate.resolve()
    except (OSError, RuntimeError):
        raise PackError(f"模板包「{pack}」的{what} {name} 无法解析") from None
    if Path(name).is_absolute() or (resolved != root and root not in resolved.parents):
        raise PackError(f"模板包「{pack}」的{what}「{name}」在模板包文件夹之外，出于安全考虑拒绝读取")
    return candidate


def load_pack(folder: str | os.PathLike) -> Pack:
    """Read the manifest ``pack.yaml`` of the pack in *folder*.

    The files it names must lie inside *folder* (no ``../``, no absolute path,
    no symbolic link leading out); its DOCX template passes the same package
    checks as any document (:mod:`kit.ziplimits`).
    """
    from ..drafts import MAX_DRAFT_BYTES
    from ..errors import InputError
    from ..yamlio import loads
    from ..ziplimits import check_docx_package

    folder = Path(folder)
    manifest = folder / "pack.yaml"
    if not manifest.is_file():
        raise PackError(f"模板包「{folder}」中没有清单文件 pack.yaml")
    try:
        if manifest.stat().st_size > MAX_MANIFEST_BYTES:
            raise PackError(f"模板包清单「{manifest}」太大，不像是清单文件")
        data = loads(manifest.read_text(encoding="utf-8"))
    except PackError:
        raise
    except Exception as exc:  # noqa: BLE001 - any unreadable manifest
        reason = getattr(exc, "problem", None) or exc
        raise PackError(f"模板包清单「{manifest}」无法读取：{reason}") from None
    if not isinstance(data, dict):
        raise PackError(f"模板包清单「{manifest}」应为“字段: 值”的映射")
    unknown = sorted(str(k) for k in set(data) - set(MANIFEST_KEYS))
    if unknown:
        raise PackError(f"模板包清单「{manifest}」有未知字段：{'、'.join(unknown)}")
    for key in ("name", "type", "draft"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise PackError(f"模板包清单「{manifest}」缺少 {key}")
    for key in ("label", "author", "description", "docx_template"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise PackError(f"模板包清单「{manifest}」的 {key} 应为文字")
    version, kit = _versions(data, manifest)
    draft_file = _inside(folder, data["draft"], "草稿文件", data["name"])
    if not draft_file.is_file():
        raise PackError(f"模板包「{data['name']}」的草稿文件 {draft_file} 不存在")
    if draft_file.stat().st_size > MAX_DRAFT_BYTES:
        raise PackError(f"模板包「{data['name']}」的草稿文件 {draft_file} 太大")
    template = _inside(folder, data["docx_template"], "DOCX 模板", data["name"]) if data.get("docx_template") else None
    if template is not None:
        if not template.is_file():
            raise PackError(f"模板包「{data['name']}」的 DOCX 模板 {template} 不存在")
        try:
            check_docx_package(template, "DOCX 模板")
        except InputError as exc:
            raise PackError(f"模板包「{data['name']}」：{exc}") from None
    return Pack(
        name=data["name"],
        label=str(data.get("label") or data["name"]),
        type=data["type"],
        folder=folder,
        draft_file=draft_file,
        docx_template=template,
        description=str(data.get("description") or ""),
        version=version,
        kit=kit,
        author=str(data.get("author") or ""),
    )


def _pack_folders() -> list[Path]:
    folders: list[Path] = []
    roots = [resources().packs] + [Path(p) for p in os.environ.get("KIT_PACK_PATH", "").split(os.pathsep) if p] + [pack_home()]
    for root in roots:
        try:
            if root.is_dir():
                folders.extend(sorted(p for p in root.iterdir() if (p / "pack.yaml").is_file()))
        except OSError:  # an unreadable folder on KIT_PACK_PATH holds no usable pack
            continue
    return folders


def _load_registry() -> Registry:
    from ..sections import registry as section_kinds

    reg = Registry()
    reg.failures.extend(section_kinds().failures)  # section-kind plugins refused or broken
    for ep in sorted(entry_points(group=DOCTYPE_GROUP), key=lambda e: e.name):
        try:
            doctype = ep.load()
            if not isinstance(doctype, DocType):
                raise TypeError(f"{ep.value} 不是 DocType 对象")
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - a broken plugin (even one calling sys.exit) is reported, not fatal
            reg.failures.append(f"文书类型插件「{ep.name}」（{ep.value}）加载失败：{type(exc).__name__}: {exc}")
            continue
        reg.types[doctype.name] = doctype
    builtin = resources().packs.resolve()
    folders = _pack_folders()
    for ep in entry_points(group=PACK_GROUP):
        try:
            folders.append(Path(ep.load()()))
        except (Exception, SystemExit) as exc:  # noqa: BLE001
            reg.failures.append(f"模板包插件「{ep.name}」加载失败：{type(exc).__name__}: {exc}")
    for folder in folders:
        try:
            pack = load_pack(folder)
        except PackError as exc:
            reg.failures.append(str(exc))
            continue
        if pack.type not in reg.types:
            reg.failures.append(f"模板包「{pack.name}」的文书类型「{pack.type}」未注册")
            continue
        if pack.name in reg.packs:
            first = reg.packs[pack.name]
            kind = "内置模板包" if first.folder.resolve().parent == builtin else "先找到的模板包"
            reg.failures.append(f"模板包「{pack.name}」（{pack.folder}）与{kind}（{first.folder}）同名，已忽略；请改用别的名称")
            continue
        reg.packs[pack.name] = pack
    return reg


@lru_cache(maxsize=1)
def registry() -> Registry:
    """The registered document types and packs (loaded once per process)."""
    return _load_registry()


def reload_registry() -> Registry:
    registry.cache_clear()
    return registry()


def get_type(name: str) -> DocType:
    try:
        return registry().types[name]
    except KeyError:
        known = "、".join(registry().types) or "（无）"
        raise KeyError(f"未知的文书类型「{name}」，可用：{known}") from None


def starting_data(type_name: str, pack: Pack | None = None) -> dict[str, Any]:
    """Plain data of a complete starting draft for *type_name*, from *pack* if given."""
    from ..drafts import load_draft

    doctype = get_type(type_name)
    data = copy.deepcopy(doctype.starting_draft())
    if pack is not None:
        if pack.type != type_name:
            raise PackError(f"模板包「{pack.name}」属于文书类型「{pack.type}」，不是「{type_name}」")
        from ..drafts import draft_data

        pack_data = draft_data(load_draft(pack.draft_file))
        data["header"] = {**data.get("header", {}), **pack_data.get("header", {})}
        data["sections"] = pack_data.get("sections") or data.get("sections", {})
        data["pack"] = pack.name
    return data


def checks_for(type_name: str) -> tuple[Callable[..., list[Finding]], ...]:
    return get_type(type_name).checks
