"""Pack versions and the kit versions a pack needs (``kit: ">=0.1,<1"`` in pack.yaml).

A version is dotted numbers (``1.0.2``); a requirement is comma-separated
clauses ``>=``, ``>``, ``<=``, ``<``, ``==``, ``!=`` each followed by a version.
Versions compare number by number, missing numbers counting as 0 (``1.0`` ==
``1.0.0``). Written here rather than taken from ``packaging`` to keep the kit's
dependencies as they are; nothing fancier (pre-releases, ``~=``) is accepted.
"""

from __future__ import annotations

import operator
import re

VERSION_RE = re.compile(r"^\d{1,6}(\.\d{1,6}){0,3}$")
CLAUSE_RE = re.compile(r"^(>=|<=|==|!=|>|<)\s*(\d{1,6}(?:\.\d{1,6}){0,3})$")
_OPS = {">=": operator.ge, "<=": operator.le, "==": operator.eq, "!=": operator.ne, ">": operator.gt, "<": operator.lt}


class VersionError(ValueError):
    """A version or a requirement that cannot be read (message in Chinese)."""


def version_key(text: str) -> tuple[int, ...]:
    """*text* (``1.2``) as a tuple to compare, four numbers long (``(1, 2, 0, 0)``)."""
    if not isinstance(text, str) or not VERSION_RE.match(text.strip()):
        raise VersionError(f"版本号「{text}」应为用点分隔的数字，如 1.0.0")
    numbers = [int(n) for n in text.strip().split(".")]
    return tuple(numbers + [0] * (4 - len(numbers)))


def parse_requirement(text: str) -> list[tuple[str, tuple[int, ...]]]:
    """The clauses of a requirement such as ``>=0.1,<1``."""
    if not isinstance(text, str) or not text.strip():
        raise VersionError("所需方案工坊版本应写成如 >=0.1,<1 的文字")
    clauses = []
    for part in text.split(","):
        match = CLAUSE_RE.match(part.strip())
        if not match:
            raise VersionError(f"所需方案工坊版本「{text}」中的「{part.strip()}」看不懂；应写成如 >=0.1,<1")
        clauses.append((match.group(1), version_key(match.group(2))))
    return clauses


def satisfies(version: str, requirement: str) -> bool:
    """Whether *version* meets every clause of *requirement*."""
    key = version_key(version)
    return all(_OPS[op](key, bound) for op, bound in parse_requirement(requirement))
