"""组织领导 lines (组　长：… 副组长：… 成　员：…) as an organisation section."""

from __future__ import annotations

import re
from typing import Any

ROLE = re.compile(r"^(组[\s\u3000]*长|副[\s\u3000]*组[\s\u3000]*长|成[\s\u3000]*员)[\s\u3000]*[：:][\s\u3000]*(.*)$")
GROUP = re.compile(r"成立(?:了)?(?:以.{1,12}为组长的)?([^，。、]{0,16}?(?:领导小组|工作小组|工作专班|小组))")
TITLE_END = re.compile(r"(?:长|书记|主任|主席|委员|校长|老师|教师|干事|会计)$")
COLLECTIVE = re.compile(r"各|全体|负责人|班主任")


def _split(value: str) -> list[str]:
    """Split a list of people at 、，; outside brackets."""
    out, depth, cur = [], 0, ""
    for ch in value:
        depth += ch in "（(" 
        depth -= ch in "）)"
        if depth == 0 and ch in "、，,；;":
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return [p.strip(" \u3000。") for p in out if p.strip(" \u3000。")]


def person(text: str) -> dict[str, Any]:
    """张三（校长） / 校长 张三 / 张三 → name and title."""
    m = re.fullmatch(r"(.+?)[（(](.+?)[）)]", text)
    if m:
        return {"name": m.group(1).strip(), "title": m.group(2).strip()}
    parts = text.split()
    if len(parts) == 2:
        title, name = parts if TITLE_END.search(parts[0]) else parts[::-1]
        return {"name": name, "title": title}
    return {"name": text}


def organisation_section(title: str, texts: list[str]) -> dict[str, Any] | None:
    """An organisation section, or None when there is no 组长 line."""
    roles = [(i, ROLE.match(t)) for i, t in enumerate(texts)]
    roles = [(i, m) for i, m in roles if m]
    leader = next((m for _, m in roles if re.sub(r"\s", "", m.group(1)) == "组长"), None)
    if leader is None or not _split(leader.group(2)):
        return None
    section: dict[str, Any] = {"kind": "organisation", "title": title}
    role_lines = {i for i, _ in roles}
    section["intro"] = [t for i, t in enumerate(texts) if i not in role_lines]
    group = next((GROUP.search(t) for t in texts if GROUP.search(t)), None)
    if group:
        section["group_name"] = group.group(1)
    section["leader"] = person(_split(leader.group(2))[0])
    for _, m in roles:
        role, value = re.sub(r"\s", "", m.group(1)), m.group(2).strip()
        if role == "副组长":
            section.setdefault("deputies", []).extend(person(p) for p in _split(value))
        elif role == "成员":
            if COLLECTIVE.search(value):
                section["members_collective"] = value.rstrip("。")
            else:
                section.setdefault("members", []).extend(person(p) for p in _split(value))
    return section
