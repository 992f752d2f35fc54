"""Checks on the original wording: placeholders, pasted noise, traditional characters."""

from __future__ import annotations

import re

from ..checks.placeholders import find_placeholders
from ..findings import Edit, Finding
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
                    context, f"把「{hit.text}」换成实际内容", start=hit.start, end=hit.end, rule="PLACEHOLDER",
                )
            )
    return findings


_NOISE_MESSAGES = {
    "pinyin": "夹带拼音注音 {n} 处（从网页复制带来的），如{examples}",
    "invisible": "夹带不可见或防复制字符 {n} 处，如{examples}",
    "question": "有 {n} 处「?」应是丢失的全角空格，如{examples}",
    "html": "夹带网页代码 {n} 处（如 &nbsp; <br>），如{examples}",
    "mojibake": "有 {n} 处乱码（UTF-8 文字被当作其他编码读取），可还原，如{examples}",
    "lost": "有 {n} 处文字已丢失、无法还原（如「锟斤拷」「�」），如{examples}",
    "advert": "夹带网页上的广告或说明文字 {n} 处，如{examples}",
}
_NOISE_RULES = {"pinyin": "NOISE-PINYIN", "invisible": "NOISE-INVISIBLE", "question": "NOISE-SPACE", "html": "NOISE-HTML",
                "mojibake": "NOISE-MOJIBAKE", "lost": "NOISE-LOST", "advert": "NOISE-ADVERT"}
_FIXABLE = {"pinyin", "invisible", "question", "mojibake", "html"}  # the rest needs a person: a comment, not an edit
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
        for n in [*find_noise(text), *find_mojibake(text)]:
            hits.setdefault(n.kind, []).append((at, n))
        for n in find_adverts(at.text):  # read simplified, so 小編 is found as 小编
            a, b = at.original(n.start, n.end)
            hits.setdefault(n.kind, []).append((at, n._replace(start=a, end=b, text=text[a:b])))
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
        edits = tuple(
            Edit(at.line.paragraph, at.line.line, n.start, n.end, n.replacement, n.text) for at, n in found
        ) if kind in _FIXABLE else ()
        findings.append(
            finding(
                "noise", "warning", first_at, message, _context(first_at.line.text, first.start, first.end, 4).strip(),
                _NOISE_ADVICE.get(kind, "运行 kit clean 一次清除"), start=first.start, end=first.end,
                rule=_NOISE_RULES[kind], edits=edits,
            )
        )
    return findings


def check_traditional(prepared: list[Prepared]) -> list[Finding]:
    """Traditional characters: one finding for the document (how many, where first, examples), an edit each."""
    hits = []
    for at in prepared:
        diff = traditional_diff(at.line.text)
        if diff:
            hits.append((at, diff))
    if not hits:
        return []
    nonblank = sum(1 for at in prepared if at.line.text.strip())
    chars = sum(len(diff) for _, diff in hits)
    at, diff = hits[0]
    examples = "、".join(list(dict.fromkeys(f"{a}→{b}" for _, d in hits for _, a, b in d[:3]))[:8])
    edits = tuple(e for a, d in hits for e in _char_edits(a, d))
    start, end = diff[0][0], diff[-1][0] + 1
    quote = _context(at.line.text, start, end, 2).strip()
    if len(hits) >= WHOLE_DOCUMENT_PARAGRAPHS and len(hits) * 2 >= nonblank:
        message = f"全文使用繁体字：{len(hits)} 段共 {chars} 个繁体字（如 {examples}），正式公文应使用规范简体字"
        advice = "运行 kit clean 把全文转为简体"
    elif len(hits) == 1:
        message = f"本段有 {len(diff)} 个繁体字（{examples}）"
        advice = f"改为「{to_simplified(quote)}」"
    else:
        message = f"有 {len(hits)} 段夹有繁体字，共 {chars} 个（如 {examples}），第一处在{at.line.where}"
        advice = "运行 kit clean 或 kit fix 转为简体"
    return [finding("traditional", "warning", at, message, quote, advice, start=start, end=end, rule="TRADITIONAL", edits=edits)]


def _char_edits(at: Prepared, diff: list[tuple[int, str, str]]) -> list[Edit]:
    """One edit per run of adjacent changed characters."""
    edits: list[Edit] = []
    for i, a, b in diff:
        last = edits[-1] if edits else None
        if last and last.end == i:
            edits[-1] = last._replace(end=i + 1, text=last.text + b, old=last.old + a)
        else:
            edits.append(Edit(at.line.paragraph, at.line.line, i, i + 1, b, a))
    return edits


# -- punctuation ----------------------------------------------------------------------

_CJK = "\u3400-\u9fff\uf900-\ufaff"
_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "(": "（", ")": "）"}
_HALF_PUNCT = re.compile(rf"(?<=[{_CJK}”’）》」)])([,;:!])|(?<=[{_CJK}])([,;:!])(?=\s*[\d{_CJK}“])")
_HALF_BRACKETS = re.compile(rf"\(([^()]*[{_CJK}][^()]*)\)")


def half_width_punctuation(text: str) -> list[tuple[int, int, str]]:
    """(start, end, full-width form) for ASCII , ; : ! ( ) written inside Chinese text.

    Thousands separators (1,500), times (8:30) and brackets holding no Chinese
    (A4, (shè) pinyin, which is noise and removed as such) are left alone.
    """
    out = []
    for m in _HALF_PUNCT.finditer(text):
        ch = m.group(1) or m.group(2)
        pos = m.start(1) if m.group(1) else m.start(2)
        out.append((pos, pos + 1, _FULL[ch]))
    for m in _HALF_BRACKETS.finditer(text):
        out.append((m.start(), m.start() + 1, "（"))
        out.append((m.end() - 1, m.end(), "）"))
    return sorted(set(out))


def check_punctuation(prepared: list[Prepared]) -> list[Finding]:
    """Half-width punctuation in Chinese sentences: one finding for the document, every place an edit."""
    edits = []
    first = None
    for at in prepared:  # read with noise removed and simplified, so 温馨(xīn), and 說明) count
        for start, end, full in half_width_punctuation(at.text):
            a, b = at.original(start, end)
            if at.line.text[a:b] not in _FULL:
                continue
            edits.append(Edit(at.line.paragraph, at.line.line, a, b, full, at.line.text[a:b]))
            first = first or (at, a)
    if not edits:
        return []
    at, start = first
    examples = "".join(f"「{e.old}」→「{e.text}」" for e in list(dict.fromkeys(edits))[:3])
    return [
        finding(
            "punctuation", "warning", at,
            f"中文句子中有 {len(edits)} 处半角标点（如 {examples}），应使用全角标点",
            _context(at.line.text, start, start + 1, 6).strip(), "改为全角标点（kit fix 可逐处修改）",
            start=start, end=start + 1, rule="PUNCT-WIDTH", edits=tuple(edits),
        )
    ]


# -- dates -----------------------------------------------------------------------------

_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0", "Ｏ": "0"}
_DATE = re.compile(
    r"(?P<y>[〇○零一二三四五六七八九]{4}|\d{4})年(?P<m>[一二三四五六七八九十]{1,2}|\d{1,2})月(?P<d>[一二三四五六七八九十]{1,3}|\d{1,2})日"
)


def _cn_small(text: str) -> int:
    if text.isdigit():
        return int(text)
    from ..cnnum import parse_cn_int

    return parse_cn_int(text)


def date_forms(text: str) -> list[tuple[int, int, str]]:
    """二〇二三年一月十五日 or 2023年01月05日 → 2023年1月15日 / 2023年1月5日 (GB/T 9704-2012 7.3.5)."""
    out = []
    for m in _DATE.finditer(text):
        try:
            year = "".join(_CN_DIGIT.get(c, c) for c in m.group("y"))
            month, day = _cn_small(m.group("m")), _cn_small(m.group("d"))
        except ValueError:
            continue
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        right = f"{year}年{month}月{day}日"
        if right != m.group():
            out.append((m.start(), m.end(), right))
    return out


def check_dates(prepared: list[Prepared]) -> list[Finding]:
    """Dates in Chinese numerals or with leading zeros: one finding, an edit each."""
    findings = []
    for at in prepared:
        for start, end, right in date_forms(at.line.text):
            old = at.line.text[start:end]
            findings.append(finding(
                "date", "warning", at, f"日期「{old}」应写作「{right}」（阿拉伯数字，月、日不编虚位）", old,
                f"改为「{right}」", start=start, end=end, rule="DATE-FORM",
                edits=(Edit(at.line.paragraph, at.line.line, start, end, right, old),),
            ))
    return findings
