"""Checks on the original wording: placeholders, pasted noise, traditional characters."""

from __future__ import annotations

from ..checks.placeholders import find_placeholders
from ..findings import Finding
from .lines import Prepared, finding
from .noise import find_adverts, find_mojibake, find_noise, shown_noise, to_simplified, traditional_diff

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


_NOISE_MESSAGES = {
    "pinyin": "夹带拼音注音 {n} 处（从网页复制带来的），如{examples}",
    "invisible": "夹带不可见或防复制字符 {n} 处，如{examples}",
    "question": "有 {n} 处「?」应是丢失的全角空格，如{examples}",
    "mojibake": "有 {n} 处乱码（UTF-8 文字被当作其他编码读取），可还原，如{examples}",
    "lost": "有 {n} 处文字已丢失、无法还原（如「锟斤拷」「�」），如{examples}",
    "advert": "夹带网页上的广告或说明文字 {n} 处，如{examples}",
}
_NOISE_ADVICE = {
    "mojibake": "找回原始文件，或用 UTF-8 编码重新打开后再复制",
    "lost": "对照原始文件补上丢失的文字",
    "advert": "删除这些网页上的文字",
}


def check_noise(prepared: list[Prepared]) -> list[Finding]:
    """One finding per kind of pasted noise for the whole document: the count and three examples.

    ``kit clean`` removes every one; a page of 93 pinyin readings is one
    finding, not 93 that bury the rest.
    """
    hits: dict[str, list[tuple[Prepared, object]]] = {}
    for at in prepared:
        text = at.line.text
        for n in [*find_noise(text), *find_mojibake(text), *find_adverts(text)]:
            hits.setdefault(n.kind, []).append((at, n))
    findings = []
    for kind, found in hits.items():
        examples = []
        for at, n in found[:3]:
            context = _context(at.line.text, n.start, n.end, 4).strip()
            if kind in ("mojibake",):
                context = f"{n.text[:12]}→{n.replacement[:12]}"
            examples.append(f"「{shown_noise(context)}」")
        first_at, first = found[0]
        message = _NOISE_MESSAGES[kind].format(n=len(found), examples="".join(examples))
        findings.append(
            finding(
                "noise", "warning", first_at, message, _context(first_at.line.text, first.start, first.end, 4).strip(),
                _NOISE_ADVICE.get(kind, "运行 kit clean 一次清除"), start=None,
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
