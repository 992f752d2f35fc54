"""Section kinds as registered units.

A section kind (``prose``, ``ledger``, ``thresholds`` …) is one
:class:`SectionKind` value that declares, in one place, everything the kit
needs to know about it:

* ``model`` — its pydantic class (``kind: Literal[name]``, based on
  :class:`kit.model.SectionBase`), so drafts validate it;
* ``blocks`` — how a section becomes document blocks (:mod:`kit.structure`);
* ``checks`` — functions ``(section, where) -> list[Finding]``;
* its tables are the :class:`kit.structure.Table` blocks ``blocks`` returns
  (header, rows, total row); the DOCX renderer sizes every table's columns
  from their content (:func:`kit.render.docx.column_widths`), so a kind
  declares columns, never widths;
* ``form`` — its form in the app: ``"module:Class"`` (imported only when a
  form is built, so the kit works without ipywidgets), a callable
  ``(FormContext, key) -> widget``;
* ``recognise`` — how ``kit import`` recognises it in an old document:
  ``(title, lines) -> section data | None`` (lines: :class:`kit.proof.lines.Prepared`,
  non-empty), tried in ``priority`` order; like ``form``, may be ``"module:name"``;
* ``starting`` — the fields a new, empty section needs besides kind and title;
* ``report`` — ``(section, where) -> str``, what it computes as plain text, for
  the report pack notebooks record (:func:`kit.textreport.ledger_report`).

The built-in kinds (:mod:`kit.sections.builtin`) are registered with the same
:func:`register` as outside ones; outside packages publish theirs under the
entry-point group ``fangan_kit.sections`` (a :class:`SectionKind`, or a list
of them). A plugin that fails to load, or that names a kind already
registered, is refused with a Chinese message in :attr:`Kinds.failures`
(shown by ``kit types``); the first registration of a name always stands.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import import_module
from importlib.metadata import entry_points
from typing import Any, Callable, Mapping

from pydantic import BaseModel

SECTION_GROUP = "fangan_kit.sections"


@dataclass(frozen=True)
class SectionKind:
    """One section kind: model, blocks, checks, table layout, form, import."""

    name: str
    label: str  # Chinese name shown to users (经费预算)
    model: type[BaseModel]
    blocks: Callable[[Any], list]
    checks: tuple[Callable[[Any, str], list], ...] = ()
    form: str | Callable[..., Any] | None = None
    recognise: str | Callable[[str, list], dict | None] | None = None
    priority: int = 50  # import: lower is tried first
    starting: Mapping[str, Any] = field(default_factory=dict)
    report: Callable[[Any, str], str] | None = None  # plain text of what it computes (kit.textreport, pack notebooks)


@dataclass
class Kinds:
    """The registered kinds in registration order, and the refusals."""

    kinds: dict[str, SectionKind] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)

    def register(self, kind: SectionKind, source: str = "") -> bool:
        """Add *kind*; a second kind of the same name is refused, never preferred."""
        where = f"（{source}）" if source else ""
        if not isinstance(kind, SectionKind):
            self.failures.append(f"分节类型插件{where}不是 SectionKind 对象，已忽略")
            return False
        problem = _problem(kind)
        if problem:
            self.failures.append(f"分节类型「{kind.name}」{where}{problem}，已拒绝")
            return False
        if kind.name in self.kinds:
            first = "内置分节类型" if _is_builtin(kind.name) else "已注册的分节类型"
            self.failures.append(f"分节类型插件{where}重新定义了{first}「{kind.name}」，已拒绝；请改用别的名称")
            return False
        self.kinds[kind.name] = kind
        return True


def _problem(kind: SectionKind) -> str:
    if not kind.name or not kind.name.isidentifier():
        return "的名称不是有效的英文标识符"
    fields = getattr(kind.model, "model_fields", {})
    if "kind" not in fields or fields["kind"].default != kind.name:
        return f"的模型 {getattr(kind.model, '__name__', kind.model)} 没有 kind: Literal[\"{kind.name}\"] = \"{kind.name}\" 字段"
    if "title" not in fields:
        return "的模型没有 title 字段（请以 kit.model.SectionBase 为基类）"
    return ""


def _is_builtin(name: str) -> bool:
    from .builtin import BUILTIN

    return any(k.name == name for k in BUILTIN)


def _load() -> Kinds:
    from .builtin import BUILTIN

    reg = Kinds()
    for kind in BUILTIN:
        reg.register(kind, "内置")
    for ep in sorted(entry_points(group=SECTION_GROUP), key=lambda e: e.name):
        try:
            value = ep.load()
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - a broken plugin is reported, not fatal
            reg.failures.append(f"分节类型插件「{ep.name}」（{ep.value}）加载失败：{type(exc).__name__}: {exc}")
            continue
        for kind in value if isinstance(value, (list, tuple)) else [value]:
            reg.register(kind, f"插件「{ep.name}」 {ep.value}")
    return reg


@lru_cache(maxsize=1)
def registry() -> Kinds:
    """The registered section kinds (built-in first, then plugins; loaded once)."""
    return _load()


def reload_registry() -> Kinds:
    """Load the kinds again (after installing a plugin) and rebuild the draft model."""
    from .. import model

    registry.cache_clear()
    reg = registry()
    model.Draft.model_rebuild(force=True)
    return reg


def kind_names() -> tuple[str, ...]:
    return tuple(registry().kinds)


def get_kind(name: str) -> SectionKind:
    try:
        return registry().kinds[name]
    except KeyError:
        raise KeyError(f"未知的分节类型「{name}」，可用：{'、'.join(kind_names())}") from None


def models() -> tuple[type[BaseModel], ...]:
    return tuple(k.model for k in registry().kinds.values())


def section_blocks(section: Any) -> list:
    """The document blocks of *section*, as its kind builds them."""
    return list(get_kind(section.kind).blocks(section))


def check_section(section: Any, where: str) -> list:
    """Every check of *section*'s kind; a check that crashes becomes a finding."""
    from ..findings import Finding

    findings: list = []
    for check in get_kind(section.kind).checks:
        try:
            findings.extend(check(section, where))
        except Exception as exc:  # noqa: BLE001 - reported, not swallowed
            name = getattr(check, "__name__", repr(check))
            findings.append(Finding("internal", "error", where, f"检查程序 {name} 出错：{type(exc).__name__}: {exc}（其余检查照常进行）", rule="INTERNAL"))
    return findings


def check_sections(draft: Any) -> list:
    """The checks of every section, kind by kind in registration order, sections in document order."""
    findings: list = []
    for name in kind_names():
        for key, section in draft.sections_of(name):
            findings.extend(check_section(section, f"sections.{key}"))
    return findings


def reports(draft: Any) -> list[str]:
    """The plain-text reports of the sections whose kind has one, in document order."""
    out = []
    for key, section in draft.sections.items():
        report = get_kind(section.kind).report
        if report is not None:
            out.append(f"【{section.title}】\n" + report(section, f"sections.{key}"))
    return out


def resolve(ref: str | Callable[..., Any]) -> Callable[..., Any]:
    """``"package.module:Name"`` imported, or a callable as is."""
    if callable(ref):
        return ref
    module, _, attr = ref.partition(":")
    obj: Any = import_module(module)
    for part in attr.split("."):
        obj = getattr(obj, part)
    return obj


def form_for(name: str) -> Callable[..., Any]:
    """The form builder of kind *name* (``(FormContext, key) -> widget``)."""
    kind = get_kind(name)
    if kind.form is None:
        raise KeyError(f"分节类型「{name}」没有表单")
    return resolve(kind.form)


def recognisers() -> list[tuple[SectionKind, Callable[[str, list], dict | None]]]:
    """Kinds that ``kit import`` can recognise, with their recogniser, in the order they are tried."""
    kinds = sorted((k for k in registry().kinds.values() if k.recognise is not None), key=lambda k: k.priority)
    return [(k, resolve(k.recognise)) for k in kinds]


__all__ = [
    "SECTION_GROUP", "SectionKind", "Kinds", "registry", "reload_registry", "kind_names", "get_kind",
    "models", "section_blocks", "check_section", "check_sections", "form_for", "recognisers", "reports",
]
