"""YAML for drafts: exact numbers in, exact numbers out, positions kept.

libyaml (in PyYAML's wheels) scans and parses when it is there (:func:`loads`: about 5× faster);
PyYAML's composer, resolver and constructors build the data either way, and any error is read
again and worded by the pure-Python loader, so both paths give the same data and the same errors.

PyYAML's safe loader turns ``12.50`` into a float and silently keeps the last
of two duplicate keys; drafts need neither. This module reads decimals as
:class:`~decimal.Decimal`, refuses duplicate keys, and can tell the line of
any path in the file so messages can point at it.

Reading is bounded before anything is built: aliases (``*name``, the
"billion laughs") are refused, nesting stops at :data:`MAX_DEPTH`, and an
unquoted number may not be longer than :data:`MAX_NUMBER_CHARS` characters or
reach beyond 10^±:data:`MAX_NUMBER_EXPONENT` (``count: 1e99999999``). A value
the safe loader cannot build (``2024-02-30``, an unhashable key) is a
:class:`RefusedYAML` at its line, with a Chinese message, like every other
YAML error.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver


class DuplicateKeyError(ValueError):
    def __init__(self, key: str, line: int):
        super().__init__(key)
        self.key, self.line = key, line


# Bounds checked while the file is read, before any value is built: drafts need
# no aliases, no deep nesting and no number longer than an amount.
MAX_DEPTH = 40  # mappings and lists inside each other (a draft uses about 8)
MAX_NUMBER_CHARS = 40  # the characters of one unquoted number
MAX_NUMBER_EXPONENT = 40  # 1e40 and 1e-40 are the furthest a number may reach


class RefusedYAML(yaml.MarkedYAMLError):
    """YAML the kit refuses to read; ``problem`` is a Chinese message."""

    def __init__(self, problem: str, mark: yaml.Mark | None):
        super().__init__(problem=problem, problem_mark=mark)


class _Bounded:
    """The bounds and the refusals, shared by both loaders (they compose in Python either way)."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise RefusedYAML(f"草稿中不能使用 YAML 别名（*{event.anchor}），请把内容直接写出", event.start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise RefusedYAML(f"层次太深（超过 {MAX_DEPTH} 层嵌套），草稿不需要这么多层", self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (DuplicateKeyError, yaml.YAMLError):
            raise
        except Exception as exc:  # noqa: BLE001 - whatever a constructor trips on, it is the file's content
            raise RefusedYAML(_unreadable_value(node, exc), node.start_mark) from None


def _unreadable_value(node: yaml.Node, exc: Exception) -> str:
    value = str(node.value)[:40] if isinstance(node, yaml.ScalarNode) else ""
    if node.tag == "tag:yaml.org,2002:timestamp" and _looks_like_date(value):
        return f"日期「{value}」不存在（请检查月份和日子，如 2 月没有 30 日）"
    if node.tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
        return f"「{value}」不是可用的数字"
    return f"无法读取的值「{value}」（{type(exc).__name__}）" if value else f"无法读取的内容（{type(exc).__name__}）"


def _looks_like_date(value: str) -> bool:
    return bool(re.match(r"\d{4}-\d{1,2}-\d{1,2}", value))


def _number_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    text = str(loader.construct_scalar(node))
    if len(text) > MAX_NUMBER_CHARS:
        raise RefusedYAML(
            f"数字「{text[:20]}…」太长（{len(text)} 个字符）；编号、证件号等请加引号写成文字", node.start_mark
        )
    return text


def _bounded(number: Decimal, text: str, node: yaml.Node) -> Decimal:
    if number.is_finite() and number and not -MAX_NUMBER_EXPONENT <= number.adjusted() <= MAX_NUMBER_EXPONENT:
        raise RefusedYAML(f"数字「{text}」过大或过小，草稿中的数字不会用到这么多位", node.start_mark)
    return number


def _construct_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    text = _number_text(loader, node).replace("_", "")
    try:
        number = Decimal(text)
    except ArithmeticError:
        return text  # .inf / .nan: left as text; the model refuses them
    return _bounded(number, text, node)


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    _number_text(loader, node)
    return loader.construct_yaml_int(node)


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict:
    loader.flatten_mapping(node)
    seen: set = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise RefusedYAML("字段名只能是文字，不能是列表或映射（检查是否多写了 ? 或方括号）", key_node.start_mark) from None
        if key in seen:
            raise DuplicateKeyError(str(key), key_node.start_mark.line + 1)
        seen.add(key)
    return loader.construct_mapping(node, deep=True)


class _PureLoader(_Bounded, yaml.SafeLoader):
    """PyYAML's pure-Python safe loader: the reference, and the one that words every error."""


try:  # libyaml, part of PyYAML's wheels; a PyYAML built without it leaves only the pure loader
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _CParser = None

if _CParser is not None:

    class _CLoader(_Bounded, Composer, _CParser, SafeConstructor, Resolver):
        """libyaml scans and parses (most of the time); PyYAML's own composer, resolver and
        constructors (the ones above) build the data, so bounds, tags and values are the pure
        loader's, and the marks carry the same lines."""

        def __init__(self, stream: Any):
            _CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

else:  # pragma: no cover
    _CLoader = None

for _loader in filter(None, (_PureLoader, _CLoader)):
    _loader.add_constructor("tag:yaml.org,2002:float", _construct_float)
    _loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

# Texts the C path leaves to the pure loader, where libyaml's rules differ from PyYAML's (found by
# tests/test_yamlio_c.py): characters PyYAML refuses; tabs (libyaml lets ``0\t`` through, PyYAML
# refuses it); ASCII ``?`` (libyaml takes some complex keys in flow collections PyYAML refuses) and
# ``!`` (a bare ``!`` tag on an empty value is null to PyYAML, "" to libyaml); the byte-order mark
# and the line breaks YAML 1.1 knows besides \n and \r (so lines are counted one way); a block
# scalar's header run into a comment (``|#``). Chinese drafts seldom have any of them (their
# punctuation is full-width); those that do are read as before, by the pure loader.
_PURE_ONLY = re.compile(r"[^\x0A\x0D\x20-\x7E\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]|[!?\x85\u2028\u2029\uFEFF]|[|>][-+0-9]*#")


class _Dumper(yaml.SafeDumper):
    pass


def _represent_decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    text = format(value, "f")
    tag = "tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int"
    return dumper.represent_scalar(tag, text)


# Line breaks YAML 1.1 knows besides \n: PyYAML writes them raw in plain,
# single-quoted and block scalars and then reads them back as other text
# (NEL became "\x85  " in a single-quoted scalar); double quotes escape them.
_OTHER_BREAKS = ("\x85", "\u2028", "\u2029")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if any(b in value for b in _OTHER_BREAKS):
        style = '"'
    else:
        style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(Decimal, _represent_decimal)
_Dumper.add_representer(str, _represent_str)


def _with_c(text: str, use_c: bool | None) -> bool:
    if use_c is None:
        use_c = _CLoader is not None
    return use_c and _CLoader is not None and isinstance(text, str) and not _PURE_ONLY.search(text)


def loads(text: str, *, use_c: bool | None = None) -> Any:
    """The data of YAML *text*: decimals exact, duplicate keys and the bounds refused.

    With libyaml (*use_c* None or True, and PyYAML built with it) the text is scanned and parsed in
    C, about 5× faster; whatever goes wrong there is read again by the pure loader, so every error
    (its wording, its line) is the pure loader's. ``use_c=False`` reads with the pure loader only."""
    if _with_c(text, use_c):
        try:
            return yaml.load(text, Loader=_CLoader)  # noqa: S506 - safe constructors only
        except Exception:  # noqa: BLE001 - said by the pure loader below, as it always was
            pass
    return yaml.load(text, Loader=_PureLoader)  # noqa: S506 - a SafeLoader subclass


def dumps(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)


def compose(text: str, *, use_c: bool | None = None) -> yaml.Node | None:
    """The node tree of *text* (positions kept), read as :func:`loads` reads it."""
    if _with_c(text, use_c):
        try:
            return yaml.compose(text, Loader=_CLoader)
        except Exception:  # noqa: BLE001 - the pure loader says what is wrong
            pass
    return yaml.compose(text, Loader=_PureLoader)


def line_of(text: str, path: tuple, *, use_c: bool | None = None) -> int | None:
    """1-based line in *text* of the node at *path* (keys and list indexes).

    Falls back to the deepest node that exists, so a missing key points at
    its parent mapping.
    """
    try:
        node = compose(text, use_c=use_c)
    except yaml.YAMLError:
        return None
    line = None
    for step in path:
        if node is None:
            break
        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            match = [(k, v) for k, v in node.value if k.value == str(step)]
            if not match:
                return line
            key_node, node = match[0]
            line = key_node.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            return line
    return line


HAS_LIBYAML = _CLoader is not None

__all__ = ["HAS_LIBYAML", "DuplicateKeyError", "RefusedYAML", "compose", "dumps", "line_of", "loads"]
