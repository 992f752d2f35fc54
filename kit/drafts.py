"""Draft files: load with every problem reported, save atomically with a backup.

A draft is a UTF-8 YAML file holding a :class:`kit.model.Draft`. Loading
validates it fully and reports *every* problem with its path in the draft and
its line in the file, in Chinese. Saving writes a temporary file next to the
target and renames it over the target, after copying the previous version to
``NAME.yaml.bak``; an invalid draft is never written.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import yaml
from pydantic import BaseModel, ValidationError

from . import model as m
from .errors import os_reason
from .fields import shown
from .outputs import atomic_write
from .yamlio import DuplicateKeyError, RefusedYAML, dumps, line_of, loads

MAX_DRAFT_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a draft: where (path and line) and what."""

    path: str
    message: str
    line: int | None = None

    def format(self) -> str:
        at = f"第{self.line}行" if self.line else ""
        where = " ".join(x for x in (at, self.path) if x) or "（整个文件）"
        return f"{where}：{self.message}"


class DraftError(Exception):
    """A draft that cannot be used; ``problems`` lists everything wrong."""

    def __init__(self, source: str, problems: Iterable[Problem]):
        self.source = source
        self.problems = list(problems)
        super().__init__(self.format())

    def format(self) -> str:
        head = f"草稿「{self.source}」无法使用："
        return "\n".join([head, *("  " + p.format() for p in self.problems)])


# -- error translation ---------------------------------------------------------


def _all_field_names() -> list[str]:
    names: set[str] = set()
    for obj in vars(m).values():
        if isinstance(obj, type) and issubclass(obj, BaseModel):
            names.update(obj.model_fields)
    return sorted(names)


_FIELD_NAMES = _all_field_names()


def _kind_field_names() -> list[str]:
    """Field names of the registered kinds' models and the models they contain (one level)."""
    from .sections import models

    names: set[str] = set()
    for model in models():
        names.update(model.model_fields)
        for f in model.model_fields.values():
            for arg in getattr(f.annotation, "__args__", ()):
                if isinstance(arg, type) and issubclass(arg, BaseModel):
                    names.update(arg.model_fields)
    return sorted(names - set(_FIELD_NAMES))


def format_path(loc: Iterable[Any]) -> str:
    out = ""
    for step in loc:
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out += ("." if out else "") + str(step)
    return out


def _kinds() -> tuple[str, ...]:
    """The registered section kinds (kit.sections), built-in and plugin."""
    from .sections import kind_names

    return kind_names()


def _clean_loc(loc: tuple) -> tuple:
    """Drop the union tags pydantic inserts (``sections.budget.ledger.lines``)."""
    loc = list(loc)
    if len(loc) > 2 and loc[0] == "sections" and loc[2] in _kinds():
        del loc[2]
    return tuple(loc)


def _message(error: dict) -> str:
    kind, ctx, got = error["type"], error.get("ctx") or {}, error.get("input")
    if kind.startswith("kit_"):
        return error["msg"]
    if kind == "missing":
        return "缺少必填字段"
    if kind == "extra_forbidden":
        name = str(error["loc"][-1]) if error["loc"] else ""
        near = difflib.get_close_matches(name, _FIELD_NAMES + _kind_field_names(), n=1, cutoff=0.6)
        hint = f"；是否想写「{near[0]}」？" if near else "；请检查拼写或删除此字段"
        return f"未知字段「{name}」{hint}"
    if kind == "literal_error":
        return f"只能是 {ctx.get('expected', '')}，收到 {shown(got)}"
    if kind == "union_tag_invalid":
        return f"节的类型 kind 只能是 {'、'.join(_kinds())}，收到 {shown(ctx.get('tag'))}"
    if kind == "union_tag_not_found":
        return f"缺少节的类型 kind（可用：{'、'.join(_kinds())}）"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"应为“字段: 值”的映射，收到 {shown(got)}"
    if kind in ("list_type", "tuple_type"):
        return f"应为列表（每项以“- ”开头），收到 {shown(got)}"
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"应为日期，如 2024-01-15，收到 {shown(got)}"
    if kind == "too_short":
        return f"至少需要 {ctx.get('min_length')} 项"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"必须是整数，收到 {shown(got)}"
    if kind == "greater_than_equal":
        return f"不能小于 {ctx.get('ge')}，收到 {shown(got)}"
    if kind == "less_than_equal":
        return f"不能大于 {ctx.get('le')}，收到 {shown(got)}"
    if kind in ("string_type", "str_type"):
        return f"必须是文字，收到 {shown(got)}"
    return f"无效的值：{error['msg']}"


def problems_from(exc: ValidationError, text: str | None = None) -> list[Problem]:
    problems = []
    for error in exc.errors():
        loc = _clean_loc(tuple(error["loc"]))
        line = line_of(text, loc) if text is not None else None
        problems.append(Problem(format_path(loc), _message(error), line))
    return problems


# -- validation and parsing ------------------------------------------------------


def validate_data(data: Any, source: str = "草稿", text: str | None = None) -> m.Draft:
    """Validate plain data as a draft, raising :class:`DraftError` with every problem."""
    if not isinstance(data, dict):
        raise DraftError(source, [Problem("", f"草稿应为“字段: 值”的映射，收到 {shown(type(data).__name__)}")])
    if "schema_version" not in data:
        raise DraftError(source, [Problem("schema_version", "缺少草稿格式版本 schema_version（当前为 1）", 1)])
    if data.get("schema_version") != m.SCHEMA_VERSION:
        got = data.get("schema_version")
        raise DraftError(
            source,
            [Problem("schema_version", f"不支持的草稿格式版本 {shown(got)}，本程序读取版本 {m.SCHEMA_VERSION}", line_of(text or "", ("schema_version",)))],
        )
    try:
        draft = m.Draft.model_validate(data)
    except ValidationError as exc:
        raise DraftError(source, problems_from(exc, text)) from None
    from .doctypes import registry  # late: plugins import the model

    if draft.type not in registry().types:
        known = "、".join(registry().types) or "（无）"
        raise DraftError(
            source,
            [Problem("type", f"未知的文书类型 {shown(draft.type)}，可用：{known}", line_of(text or "", ("type",)))],
        )
    return draft


def parse_draft(text: str, source: str = "草稿") -> m.Draft:
    """Parse YAML *text* as a draft."""
    try:
        data = loads(text)
    except DuplicateKeyError as exc:
        raise DraftError(source, [Problem(exc.key, f"字段「{exc.key}」重复出现，只能写一次", exc.line)]) from None
    except RefusedYAML as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise DraftError(source, [Problem("", str(exc.problem), line)]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        what = getattr(exc, "problem", None) or "格式错误"
        raise DraftError(source, [Problem("", f"不是有效的 YAML：{what}（检查缩进、冒号和引号）", line)]) from None
    if data is None:
        raise DraftError(source, [Problem("", "文件是空的")])
    return validate_data(data, source, text)


def read_text(path: str | os.PathLike) -> str:
    """Read a UTF-8 text file, raising :class:`DraftError` with a Chinese reason."""
    path = Path(path)
    source = str(path)
    if not path.exists():
        raise DraftError(source, [Problem("", "文件不存在")])
    if path.is_dir():
        raise DraftError(source, [Problem("", "这是一个文件夹，不是草稿文件")])
    try:
        size = path.stat().st_size
        if size > MAX_DRAFT_BYTES:
            raise DraftError(source, [Problem("", f"文件太大（{size // 1024 // 1024} MB），草稿不应超过 20 MB")])
        raw = path.read_bytes()
    except OSError as exc:
        raise DraftError(source, [Problem("", f"无法读取文件：{os_reason(exc)}")]) from None
    binary = DraftError(source, [Problem("", "这不是文本草稿，而是二进制文件（如 Word 文档或压缩包）；Word 文档请用 kit import 导入")])
    if raw.startswith(b"PK\x03\x04"):
        raise binary
    head = raw[:8192]
    controls = sum(b < 9 or 13 < b < 32 for b in head)
    if b"\x00" in head or controls > len(head) // 100:
        if _other_encoding(raw, utf16_only=True):
            raise _not_utf8(source, _other_encoding(raw, utf16_only=True))
        raise binary
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        guess = _other_encoding(raw)
        if guess:
            raise _not_utf8(source, guess) from None
        raise DraftError(
            source, [Problem("", f"文件不是 UTF-8 编码（第 {exc.start + 1} 个字节无法识别），请另存为 UTF-8")]
        ) from None


def _other_encoding(raw: bytes, utf16_only: bool = False) -> str | None:
    """The encoding *raw* is most plausibly in (kit.encoding), if it reads as text at all."""
    from .encoding import UnknownEncoding, decode

    try:
        found = decode(raw).encoding
    except UnknownEncoding:
        return None
    if utf16_only and not (found or "").startswith("UTF-16"):
        return None
    return found


def _not_utf8(source: str, encoding: str) -> DraftError:
    return DraftError(source, [Problem("", f"文件是 {encoding} 编码，草稿须为 UTF-8 编码：请用记事本或 WPS 另存为 UTF-8")])


def load_draft(path: str | os.PathLike) -> m.Draft:
    """Load and validate the draft at *path*."""
    return parse_draft(read_text(path), str(path))


# -- saving ---------------------------------------------------------------------


def draft_data(draft: m.Draft) -> dict[str, Any]:
    """The draft as plain data, defaults left out, each section's kind kept."""
    data = draft.model_dump(mode="python", exclude_defaults=True)
    data = {"schema_version": draft.schema_version, **data}
    sections = {}
    for key, section in draft.sections.items():
        body = data.get("sections", {}).get(key, {})
        sections[key] = {"kind": section.kind, **body}
    if sections:
        data["sections"] = sections
    return data


def dump_draft(draft: m.Draft) -> str:
    return "# 方案工坊草稿（fangan-kit draft）\n" + dumps(draft_data(draft))


def save_draft(draft: m.Draft, path: str | os.PathLike) -> None:
    """Save *draft* to *path* atomically, keeping the previous file as ``.bak``.

    The text is parsed back before anything is written, so a draft that would
    not load the same way is never saved.
    """
    text = dump_draft(draft)
    again = parse_draft(text, str(path))
    if again != draft:
        raise RuntimeError("draft did not survive a YAML round trip; refusing to save")
    atomic_write(path, text.encode("utf-8"), backup=True)


def save_data(data: dict[str, Any], path: str | os.PathLike) -> m.Draft:
    """Validate plain *data* and save it; raises :class:`DraftError` and writes nothing if invalid."""
    draft = validate_data(data, str(path))
    save_draft(draft, path)
    return draft
