"""YAML for drafts: exact numbers in, exact numbers out, positions kept.

PyYAML's safe loader turns ``12.50`` into a float and silently keeps the last
of two duplicate keys; drafts need neither. This module reads decimals as
:class:`~decimal.Decimal`, refuses duplicate keys, and can tell the line of
any path in the file so messages can point at it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import yaml


class DuplicateKeyError(ValueError):
    def __init__(self, key: str, line: int):
        super().__init__(key)
        self.key, self.line = key, line


class _Loader(yaml.SafeLoader):
    pass


def _construct_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    text = str(loader.construct_scalar(node)).replace("_", "")
    try:
        return Decimal(text)
    except ArithmeticError:
        return text  # .inf / .nan: left as text; the model refuses them


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict:
    loader.flatten_mapping(node)
    seen: set = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise DuplicateKeyError(str(key), key_node.start_mark.line + 1)
        seen.add(key)
    return loader.construct_mapping(node, deep=True)


_Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


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


def loads(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass


def dumps(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)


def line_of(text: str, path: tuple) -> int | None:
    """1-based line in *text* of the node at *path* (keys and list indexes).

    Falls back to the deepest node that exists, so a missing key points at
    its parent mapping.
    """
    try:
        node = yaml.compose(text, Loader=_Loader)
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


__all__ = ["DuplicateKeyError", "dumps", "line_of", "loads"]
