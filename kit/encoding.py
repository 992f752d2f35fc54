"""Which encoding a text file is in: UTF-8, GB18030 (GBK), Big5 or UTF-16.

A byte-order mark decides at once, and so does valid UTF-8. Otherwise every
candidate that decodes without error is scored by how much of the text looks
like Chinese prose: ASCII, common punctuation, and hanzi among the 6,763 of
GB2312 or the 5,401 frequent ones of Big5 count fully; rarer hanzi count half;
kana, Cyrillic, box drawing, private-use and control characters (what a wrong
guess produces) count nothing. The best score wins; when the runner-up is
close, :attr:`Decoded.note` says the reading is unsure and what else it could
be, and when nothing scores well the file is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

BOMS = ((b"\xef\xbb\xbf", "utf-8-sig", None), (b"\xff\xfe", "utf-16", "UTF-16"), (b"\xfe\xff", "utf-16", "UTF-16"))
# (codec, label shown to the user)
CANDIDATES = (("gb18030", "GBK"), ("cp950", "Big5"), ("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE"))
SAMPLE_CHARS = 20_000  # characters scored per candidate
ACCEPT = 0.6  # below this, no candidate is readable text
CLOSE = 0.08  # a runner-up this close makes the reading unsure
PUNCTUATION = set("·×÷‰℃№—–‘’“”…‥※§°±")


@lru_cache(maxsize=1)
def _common_hanzi() -> frozenset[str]:
    """GB2312's hanzi (rows B0–F7) and Big5's frequent hanzi (A440–C67E)."""
    chars: set[str] = set()
    for lead in range(0xB0, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    for lead in range(0xA4, 0xC7):
        for trail in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
            code = (lead << 8) | trail
            if 0xA440 <= code <= 0xC67E:
                try:
                    chars.add(bytes((lead, trail)).decode("cp950"))
                except UnicodeDecodeError:
                    pass
    return frozenset(chars)


def plausibility(text: str) -> float:
    """The share of *text* (spaces aside, first :data:`SAMPLE_CHARS`) that reads as Chinese prose, 0–1."""
    common = _common_hanzi()
    total = 0
    good = 0.0
    for ch in text[:SAMPLE_CHARS]:
        if ch in " \t\r\n\u3000":
            continue
        total += 1
        o = ord(ch)
        if 0x21 <= o < 0x7F:
            good += 1
        elif 0x4E00 <= o <= 0x9FFF:
            good += 1 if ch in common else 0.5
        elif 0x3001 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E or ch in PUNCTUATION:
            good += 1
        elif 0x2160 <= o <= 0x217F or 0x2460 <= o <= 0x249B or 0x3220 <= o <= 0x3243:  # Ⅻ ① ㈠
            good += 1
    return good / total if total else 1.0


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes: *encoding* is None for UTF-8; *note* is set when unsure."""

    text: str
    encoding: str | None
    note: str | None = None


class UnknownEncoding(ValueError):
    """No candidate encoding reads the bytes as text."""


def decode(raw: bytes) -> Decoded:
    """Decode *raw* as the most plausible of UTF-8, GB18030, Big5, UTF-16; raises :class:`UnknownEncoding`."""
    for bom, codec, label in BOMS:
        if raw.startswith(bom):
            try:
                return Decoded(raw.decode(codec), label)
            except UnicodeDecodeError:
                break  # a mark followed by something else: score the candidates
    if b"\x00" not in raw:
        try:
            return Decoded(raw.decode("utf-8"), None)
        except UnicodeDecodeError:
            pass
    scored: list[tuple[float, int, str, str]] = []
    for rank, (codec, label) in enumerate(CANDIDATES):
        if codec.startswith("utf-16") and len(raw) % 2:
            continue
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        scored.append((plausibility(text), -rank, label, text))
    if not scored:
        raise UnknownEncoding("no candidate decodes")
    scored.sort(reverse=True)
    best_score, _, label, text = scored[0]
    if best_score < ACCEPT:
        raise UnknownEncoding(f"best {label} scores {best_score:.2f}")
    note = None
    if len(scored) > 1 and best_score - scored[1][0] < CLOSE:
        note = f"文字编码判断不确定：按 {label} 读取，也可能是 {scored[1][2]}；如有乱码，请用记事本或 WPS 另存为 UTF-8 编码后再检查"
    return Decoded(text, label, note)
