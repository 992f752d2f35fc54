"""Checks on the original wording: placeholders, pasted noise, traditional characters."""

from __future__ import annotations

from ..checks.placeholders import find_placeholders
from ..findings import Finding
from .lines import Prepared, finding
from .noise import find_noise, shown_noise, to_simplified, traditional_diff

# Over this many paragraphs, and half of the text, traditional characters are
# reported once for the whole document rather than paragraph by paragraph.
WHOLE_DOCUMENT_PARAGRAPHS = 5


def _context(text: str, start: int, end: int, width: int = 6) -> str:
    return text[max(0, start - width) : end + width]


def check_placeholders(prepared: list[Prepared]) -> list[Finding]:
    findings = []
    for at in prepared:
        text = at.line.text
        for hit in find_placeholders(text):
            context = _context(text, hit.start, hit.end).strip()
            findings.append(
                finding(
                    "placeholder", "error", at,
                    f"还有未填写的占位符「{hit.text}」：…{context}…",
                    context, f"把「{hit.text}」换成实际内容",
                )
            )
    return findings


_ASCII_SPACE = " \t"  # strip these from a suggestion, never the full-width spaces it restores
_NOISE_MESSAGES = {
    "pinyin": "夹带拼音注音「{text}」（从网页复制带来的）",
    "invisible": "夹带不可见或防复制字符「{text}」",
    "question": "「?」应是丢失的全角空格",
}


def check_noise(prepared: list[Prepared]) -> list[Finding]:
    """Pinyin readings each on their own; invisible characters and lost spaces once per line."""
    findings = []
    for at in prepared:
        text = at.line.text
        noise = find_noise(text)
        grouped: dict[str, list] = {}
        for n in noise:
            grouped.setdefault(n.kind, []).append(n)
        for kind, hits in grouped.items():
            singles = hits if kind == "pinyin" else hits[:1]
            for n in singles:
                context = _context(text, n.start, n.end, 4)
                fixed = context.replace(n.text, n.replacement, 1)
                more = f"（本行共 {len(hits)} 处）" if len(singles) < len(hits) else ""
                message = _NOISE_MESSAGES[kind].format(text=shown_noise(n.text)) + more
                findings.append(
                    finding(
                        "noise", "warning", at, message, context,
                        f"改为「{shown_noise(fixed).strip(_ASCII_SPACE)}」（可运行 kit clean 一次清除）",
                    )
                )
    return findings


def check_traditional(prepared: list[Prepared]) -> list[Finding]:
    """Traditional characters: one finding per paragraph, or one for the whole document."""
    hits = []
    for at in prepared:
        diff = traditional_diff(at.line.text)
        if diff:
            hits.append((at, diff))
    if not hits:
        return []
    nonblank = sum(1 for at in prepared if at.line.text.strip())
    chars = sum(len(diff) for _, diff in hits)
    if len(hits) >= WHOLE_DOCUMENT_PARAGRAPHS and len(hits) * 2 >= nonblank:
        at, diff = hits[0]
        examples = "、".join(dict.fromkeys(f"{a}→{b}" for _, d in hits for _, a, b in d[:3]))
        examples = "、".join(examples.split("、")[:8])
        quote = at.line.text.strip()[:30]
        return [
            finding(
                "traditional", "warning", at,
                f"全文使用繁体字：{len(hits)} 段共 {chars} 个繁体字（如 {examples}），正式公文应使用规范简体字",
                quote, "运行 kit clean 把全文转为简体",
            )
        ]
    findings = []
    for at, diff in hits:
        start, end = diff[0][0], diff[-1][0] + 1
        quote = _context(at.line.text, start, end, 2).strip()
        examples = "、".join(f"{a}→{b}" for _, a, b in diff[:6])
        findings.append(
            finding(
                "traditional", "warning", at,
                f"本段有 {len(diff)} 个繁体字（{examples}）",
                quote, f"改为「{to_simplified(quote)}」",
            )
        )
    return findings
