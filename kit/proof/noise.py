"""Noise pasted from template websites, and how to remove it.

Four kinds, each found with its span so it can be quoted and removed:

* ``pinyin``    — a pinyin reading in brackets after a character: 建设(shè),
  设(she4). Only readings that carry a tone mark or tone digit and spell
  real pinyin syllables count, so 图书(book) or (A) are left alone.
* ``invisible`` — anti-copy characters: zero-width spaces and joiners, BOM
  (U+FEFF), soft hyphens, and backticks or acute accents (` ´) standing
  next to Chinese text.
* ``question``  — an ASCII ``?`` where a full-width space was lost: at the
  start of a paragraph or between two Chinese characters (组?长). A real
  question (是否…? / 吗?) is left alone.
* ``traditional`` — characters OpenCC's t2s would change.

:func:`clean_line` removes the first three and converts to simplified
characters, returning the new text, a map from each new character to its
original index (for quoting) and the changes made.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_LETTERS = "a-zA-Zü" + _TONED
_SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|üan|ai|ei|ao|ou|an|en|in|un|vn|ün"
    r"|ia|ie|iu|ua|uo|ui|ue|ve|üe|er|a|o|e|i|u|v|ü)|ng|n|m"
)
PINYIN = re.compile(rf"(?<=[{CJK}])\s?[（(]\s?([{_LETTERS}]{{1,7}}[1-5]?(?:\s[{_LETTERS}]{{1,7}}[1-5]?)?)\s?[)）]")
INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
INVISIBLE = re.compile(rf"[{INVISIBLE_CHARS}]|(?<=[{CJK}，。、：；])[`´ˊˋ]+|[`´ˊˋ]+(?=[{CJK}，。、：；])")
_QUESTION_WORDS = re.compile(r"(?:什么|怎么|怎样|如何|为何|为什么|是否|哪|多少|谁|吗|呢|么|吧)[^，。；]{0,12}$")
# &nbsp; / <br> / &amp; left by a web page's markup: read as the characters they stand for (a space, nothing)
HTML = re.compile(r"(?:&(?:nbsp|ensp|emsp|amp|lt|gt|quot|#160|#12288);|</?(?:br|p|span|div|strong|b|font)\b[^<>\n]{0,60}/?>)+", re.I)
_HTML_AS = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#12288;": "\u3000"}
def _html_as(run: str) -> str:
    """What a run of markup stands for: &amp; → &, &nbsp;&nbsp; → one space, <br> → nothing."""
    if run.lower() in _HTML_AS:
        return _HTML_AS[run.lower()]
    return " " if re.search(r"&(?:nbsp|ensp|emsp|#160);", run, re.I) else ""


LOST_BRACKETS = re.compile(r"#28(?=[^#\n]{1,40}?#29)[^#\n]{1,40}?#29")  # a pair, so 第#28号 alone stays as written
QUESTION = re.compile(rf"^[ \t]*[?？]+(?=[{CJK}“])|(?<=[{CJK}])\?+(?=[{CJK}])")
FULL_SPACE = "\u3000"

LABELS = {"pinyin": "拼音注音", "invisible": "防复制字符", "question": "问号（原为全角空格）", "html": "网页代码（如 &nbsp; <br>）",
          "traditional": "繁体字"}


class Noise(NamedTuple):
    kind: str
    start: int
    end: int
    text: str
    replacement: str


def _plain(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    out = "".join(c for c in decomposed if unicodedata.category(c) != "Mn" or c == "\u0308")
    return unicodedata.normalize("NFC", out).rstrip("12345")


def is_pinyin(reading: str) -> bool:
    """A tone-marked or tone-numbered reading made of real pinyin syllables."""
    words = reading.split()
    toned = all(any(c in _TONED for c in w.lower()) or w[-1] in "12345" for w in words)
    return toned and all(_SYLLABLE.fullmatch(_plain(w)) for w in words)


def _is_question(text: str, at: int) -> bool:
    return bool(_QUESTION_WORDS.search(text[max(0, at - 14) : at]))


def find_noise(text: str) -> list[Noise]:
    """Pinyin, invisible and lost-space noise in one line, in order."""
    out = []
    for m in PINYIN.finditer(text):
        if is_pinyin(m.group(1)):
            out.append(Noise("pinyin", m.start(), m.end(), m.group(), ""))
    for m in INVISIBLE.finditer(text):
        out.append(Noise("invisible", m.start(), m.end(), m.group(), ""))
    for m in HTML.finditer(text):
        out.append(Noise("html", m.start(), m.end(), m.group(), _html_as(m.group())))
    for m in LOST_BRACKETS.finditer(text):  # 保教费#28简称“保教费”#292、…: &#40; and &#41; with & and ; lost
        out.append(Noise("html", m.start(), m.start() + 3, "#28", "（"))
        out.append(Noise("html", m.end() - 3, m.end(), "#29", "）"))
    for m in QUESTION.finditer(text):
        q = m.group().lstrip(" \t")
        start = m.end() - len(q)
        if start and _is_question(text, start):
            continue
        out.append(Noise("question", start, m.end(), q, FULL_SPACE * len(q)))
    out.sort(key=lambda n: (n.start, n.end))
    kept: list[Noise] = []
    for n in out:  # overlapping hits: keep the first
        if not kept or n.start >= kept[-1].end:
            kept.append(n)
    return kept


# -- traditional characters -------------------------------------------------------


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def traditional_chars() -> frozenset[str]:
    """Characters that t2s maps to something else (a quick pre-filter)."""
    import opencc

    table = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    chars = set()
    for row in table.read_text(encoding="utf-8").splitlines():
        parts = row.split("\t")
        if len(parts) == 2 and len(parts[0]) == 1 and parts[1].split(" ")[0] != parts[0]:
            chars.add(parts[0])
    return frozenset(chars)


def to_simplified(text: str) -> str:
    """*text* in simplified characters; unchanged (fast) when it has no traditional character."""
    trad = traditional_chars()
    if not any(c in trad for c in text):
        return text
    converted = _converter().convert(text)
    if len(converted) != len(text):  # a phrase changed length: convert character by character
        converted = "".join(_converter().convert(c) for c in text)
    if "參" in text or "叄" in text:  # 貳拾萬壹仟參佰…元: in a 大写 amount 參 is 叁 (three), not 参 (join)
        chars = list(converted)
        for m in _UPPER_MONEY.finditer(text):
            for i in range(m.start(), m.end()):
                if text[i] in "參叄":
                    chars[i] = "叁"
        converted = "".join(chars)
    return converted


_UPPER_MONEY = re.compile(r"[零壹貳贰叁參叄肆伍陸陆柒捌玖拾佰仟萬万億亿]{2,}[元圆圓](?:[零壹貳贰叁參叄肆伍陸陆柒捌玖][角分])*[整正]?")


def traditional_diff(text: str) -> list[tuple[int, str, str]]:
    """(index, traditional, simplified) for each character t2s changes."""
    simple = to_simplified(text)
    return [(i, a, b) for i, (a, b) in enumerate(zip(text, simple)) if a != b]


# -- cleaning -----------------------------------------------------------------------


class Cleaned(NamedTuple):
    text: str
    origin: list[int]  # origin[i] = index in the original of text[i]
    changes: Counter  # kind -> count
    examples: dict  # kind -> first few "before → after"


def clean_line(text: str, simplify: bool = True) -> Cleaned:
    """Remove noise from one line and convert it to simplified characters."""
    noise = find_noise(text)
    out: list[str] = []
    origin: list[int] = []
    changes: Counter = Counter()
    examples: dict[str, list[str]] = {}
    pos = 0
    for n in noise:
        for i in range(pos, n.start):
            out.append(text[i])
            origin.append(i)
        for j, ch in enumerate(n.replacement):
            out.append(ch)
            origin.append(min(n.start + j, n.end - 1))
        pos = n.end
        changes[n.kind] += 1
        context = text[max(0, n.start - 4) : n.end + 2]
        examples.setdefault(n.kind, []).append(f"{shown_noise(context)} → {shown_noise(context.replace(n.text, n.replacement, 1))}")
    for i in range(pos, len(text)):
        out.append(text[i])
        origin.append(i)
    result = "".join(out)
    if simplify:
        simple = to_simplified(result)
        diff = [(a, b) for a, b in zip(result, simple) if a != b]
        if diff:
            changes["traditional"] += len(diff)
            examples.setdefault("traditional", []).extend(f"{a} → {b}" for a, b in diff)
            result = simple
    return Cleaned(result, origin, changes, examples)


def shown_noise(text: str) -> str:
    """Make invisible characters visible in a message: U+200B → ⟨U+200B⟩."""
    return "".join(f"⟨U+{ord(c):04X}⟩" if c in INVISIBLE_CHARS else c for c in text)


# -- mojibake and pasted page furniture ----------------------------------------------

_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f，。、；：？！“”‘’（）《》【】\s\u3000]{4,}")
_LATIN_RUN = re.compile(r"[\u00c0-\u00ff][\u0080-\u00ff\u2018-\u203a\u0152-\u0178\u02c6-\u02dc\u2122]{2,}(?:[\u00c0-\u00ff\u0080-\u00bf\u2018-\u203a\u0152-\u0178\u02c6-\u02dc\u2122 ]{2,})*")
_LOST = re.compile(r"(?:锟斤拷)+|\ufffd+|(?:烫){3,}|(?:屯){3,}")
ADVERT = re.compile(
    r"小编|更多[^。，]{0,16}(?:请|敬请)?关注|版权(?:说明|声明|归)|免责声明|本文(?:来源|由|转载|系)|转载请|相关推荐|热门推荐|猜你喜欢|"
    r"此处已?隐藏\d*字|下载(?:本文|文档|全文|完整)|扫码|(?:关注|搜索|扫描)[^。，,]{0,8}(?:微信)?公众号|微信公众号[：:]|点击(?:查看|下载|阅读)|原文链接|我要投稿|返回首页|"
    r"A\+\s*A-|[（(](?:精选|通用|优秀)\d+篇[)）]|文章来源|上一篇|下一篇|供大家参考|仅供参考|希望(?:对|能)[^。]{0,12}(?:帮助|有所帮助)"
)


def _restored(run: str, codec: str) -> str | None:
    """*run* re-encoded with *codec* and read as UTF-8, when that gives Chinese text."""
    try:
        restored = run.encode(codec).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    cjk = sum(1 for c in restored if "\u4e00" <= c <= "\u9fff")
    return restored if cjk >= max(2, len(restored) // 2) else None


def find_mojibake(text: str) -> list[Noise]:
    """UTF-8 text that was read as GBK or as Latin-1 on its way here, and lost characters (锟斤拷, �)."""
    out = []
    for m in _NON_ASCII_RUN.finditer(text):
        restored = _restored(m.group(), "gbk")
        if restored:
            out.append(Noise("mojibake", m.start(), m.end(), m.group(), restored))
    for m in _LATIN_RUN.finditer(text):
        for codec in ("cp1252", "latin-1"):
            restored = _restored(m.group(), codec)
            if restored:
                out.append(Noise("mojibake", m.start(), m.end(), m.group(), restored))
                break
    for m in _LOST.finditer(text):
        out.append(Noise("lost", m.start(), m.end(), m.group(), m.group()))
    return sorted(out, key=lambda n: n.start)


def find_adverts(text: str) -> list[Noise]:
    """Page furniture pasted with the text: 小编…, 更多…请关注, 版权说明, 此处已隐藏N字."""
    return [Noise("advert", m.start(), m.end(), m.group(), "") for m in ADVERT.finditer(text)]
