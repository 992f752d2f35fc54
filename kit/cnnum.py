"""Chinese numerals <-> numbers for official school documents.

Hand-written on purpose: cn2an truncates instead of rounding when writing
大写 amounts and mis-parses ordinary words such as 「一些」 as 「1些」.  Here
amounts are rounded half-up to the fen, and anything that is not clearly a
number raises ChineseNumberError (message in simplified Chinese).

    chinese_int(101)                 -> "一百零一"
    ordinal(2, 2)                    -> "（二）"
    money_upper(Decimal("1500.05"))  -> "壹仟伍佰元零伍分"
    parse_money_upper("壹仟伍佰元整") -> Decimal("1500.00")
    parse_cn_int("两百")             -> 200
    parse_amount("1.5万元")          -> Decimal("15000")
    find_amounts(text)               -> [NumberSpan(start, end, text, value), ...]

Money is Decimal, never float.  Integers are supported up to 999,999,999,999
(千亿 level); 万亿 is never written.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import NamedTuple

MAX_UPPER = Decimal("999999999999.99")
_MAX_INT = 10**12 - 1
_CENT = Decimal("0.01")


class ChineseNumberError(ValueError):
    """A value that cannot be written or read as a Chinese number."""


# --------------------------------------------------------------- writing ---
_LOWER = ("零一二三四五六七八九", ("", "十", "百", "千"))
_UPPER = ("零壹贰叁肆伍陆柒捌玖", ("", "拾", "佰", "仟"))
_SECTION_UNITS = ("", "万", "亿")


def _spell(n: int, style: tuple[str, tuple[str, ...]]) -> str:
    """Spell 0 <= n < 10**12; one 零 per inner run of zeros, also across 万/亿."""
    digits, units = style
    if n == 0:
        return digits[0]
    sections = []
    while n:
        n, section = divmod(n, 10000)
        sections.append(section)
    out: list[str] = []
    gap = False  # zeros skipped since the last written digit
    for idx in range(len(sections) - 1, -1, -1):
        section = sections[idx]
        if section == 0:  # never the leading section
            gap = True
            continue
        if out and (gap or section < 1000):
            out.append(digits[0])
        gap = written = False
        for pos in (3, 2, 1, 0):
            d = section // 10**pos % 10
            if d == 0:
                gap = gap or written
                continue
            if gap:
                out.append(digits[0])
            out.append(digits[d] + units[pos])
            gap, written = False, True
        out.append(_SECTION_UNITS[idx])
        gap = False
    return "".join(out)


def _check_int(n: object, name: str) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"{name} 需要整数，收到 {type(n).__name__}")
    return n


def chinese_int(n: int) -> str:
    """0 -> 零, 10 -> 十, 110 -> 一百一十, 10010 -> 一万零一十, 100000 -> 十万."""
    _check_int(n, "chinese_int")
    if n < 0:
        raise ChineseNumberError(f"不能把负数「{n}」写成中文数字")
    if n > _MAX_INT:
        raise ChineseNumberError(f"数字「{n}」过大，最多写到千亿位")
    text = _spell(n, _LOWER)
    return text[1:] if text.startswith("一十") else text


def ordinal(n: int, level: int) -> str:
    """Outline label of item n: level 1 一、 2 （一） 3 1. 4 （1）."""
    _check_int(n, "ordinal")
    if n < 1:
        raise ValueError(f"序号必须从 1 开始，收到「{n}」")
    labels = {1: "{c}、", 2: "（{c}）", 3: "{n}.", 4: "（{n}）"}
    if level not in labels or isinstance(level, bool):
        raise ValueError(f"标题层级必须是 1 到 4，收到「{level}」")
    return labels[level].format(c=chinese_int(n) if level <= 2 else "", n=n)


def _to_decimal(amount: object) -> Decimal:
    if isinstance(amount, float):
        raise TypeError("金额不能使用浮点数（float），请使用 Decimal、int 或字符串")
    if isinstance(amount, bool):
        raise TypeError("金额不能是布尔值")
    if isinstance(amount, int):
        return Decimal(amount)
    if isinstance(amount, str):
        return parse_amount(amount)
    if isinstance(amount, Decimal):
        if not amount.is_finite():
            raise ChineseNumberError(f"无法识别的金额「{amount}」")
        return amount
    raise TypeError(f"不支持的金额类型：{type(amount).__name__}")


def money_upper(amount: Decimal | int | str) -> str:
    """大写金额, rounded half-up to the fen: 1500.05 -> 壹仟伍佰元零伍分.

    整 follows 元 (3280 -> 叁仟贰佰捌拾元整) and 角 (1.20 -> 壹元贰角整) when
    there are no 分; without 元 it is omitted (0.50 -> 伍角).  Strings go
    through parse_amount, so "1.5万" and "一千五百" are accepted too.
    """
    value = _to_decimal(amount)
    if value < 0:
        raise ChineseNumberError(f"金额不能为负数「{amount}」")
    if value >= MAX_UPPER + Decimal("0.005"):
        raise ChineseNumberError(
            f"金额超过大写可写的上限 {MAX_UPPER:,} 元：「{amount}」")
    cents = int(value.quantize(_CENT, rounding=ROUND_HALF_UP) * 100)
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    digits = _UPPER[0]
    if cents == 0:
        return "零元整"
    out = _spell(yuan, _UPPER) + "元" if yuan else ""
    if jiao:
        out += digits[jiao] + "角"
    elif yuan and fen:
        out += "零"
    if fen:
        out += digits[fen] + "分"
    elif yuan:
        out += "整"
    return out


# --------------------------------------------------------------- reading ---
_DIGIT_VALUES = {c: i for i, c in enumerate("零一二三四五六七八九")}
_DIGIT_VALUES |= {c: i for i, c in enumerate("〇壹贰叁肆伍陆柒捌玖")}
_DIGIT_VALUES |= {"两": 2, "兩": 2, "貮": 2, "貳": 2, "參": 3, "叄": 3, "陸": 6}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}


def _parse_int(s: str, colloquial: bool) -> int:
    """Strict structural parser: units descend, 零 only before a digit.

    Rejects digit strings (二〇二三), words (一些, 万一) and 零 misuse.  With
    colloquial=True a bare final digit right after 百/千/万/亿 scales down
    one place (一千五 -> 1500, 三万五 -> 35000) as in speech.
    """
    bad = ChineseNumberError(f"无法识别的中文数字「{s}」")
    if s in ("零", "〇"):
        return 0
    if not s:
        raise bad
    total = section = last_unit = 0
    digit: int | None = None
    small_cap, big_cap, zero = 10**4, 10**12, False
    for i, ch in enumerate(s):
        if ch in _DIGIT_VALUES:
            if digit is not None:
                raise bad
            if _DIGIT_VALUES[ch]:
                digit = _DIGIT_VALUES[ch]
            elif zero or i in (0, len(s) - 1):
                raise bad
            else:
                zero = True
            continue
        if zero and digit is None:
            raise bad
        if ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            if unit >= small_cap or (digit is None and not (unit == 10 and i == 0)):
                raise bad
            section += (digit or 1) * unit
            small_cap = last_unit = unit
        elif ch in _BIG_UNITS:
            unit = _BIG_UNITS[ch]
            section += digit or 0
            if unit >= big_cap or section == 0:
                raise bad
            total += section * unit
            section, small_cap, big_cap, last_unit = 0, 10**4, unit, unit
        else:
            raise bad
        digit, zero = None, False
    if digit is not None:
        if last_unit >= 100 and not zero:
            if not colloquial:
                raise bad
            digit *= last_unit // 10
        section += digit
    return total + section


def parse_cn_int(text: str) -> int:
    """十一 -> 11, 一百零一 -> 101, 两百 -> 200, 〇 -> 0, 壹拾 -> 10."""
    if not isinstance(text, str):
        raise TypeError(f"parse_cn_int 需要字符串，收到 {type(text).__name__}")
    return _parse_int(text.strip(), colloquial=True)


_MONEY_VARIANTS = str.maketrans({"圆": "元", "圓": "元", "正": "整", "两": "贰", "兩": "贰",
                                 "貮": "贰", "貳": "贰", "〇": "零", "萬": "万", "億": "亿",
                                 "參": "叁", "叄": "叁", "陸": "陆"})
_UD = "壹贰叁肆伍陆柒捌玖"
_MONEY_RE = re.compile(rf"(?:(?P<yuan>[零{_UD}拾佰仟万亿]+)元)?(?:(?P<jiao>[{_UD}])角)?"
                       rf"(?:(?P<zero>零)?(?P<fen>[{_UD}])分)?(?P<zheng>整)?")
_PREFIX_RE = re.compile(r"^(?:人民币|[￥¥])[：:]?")


def parse_money_upper(text: str) -> Decimal:
    """Inverse of money_upper (also 人民币…, 圆, 正, 两/貮); result has 2 places."""
    if not isinstance(text, str):
        raise TypeError(f"parse_money_upper 需要字符串，收到 {type(text).__name__}")
    bad = ChineseNumberError(f"无法识别的大写金额「{text}」")
    s = _PREFIX_RE.sub("", re.sub(r"\s+", "", text).translate(_MONEY_VARIANTS))
    m = _MONEY_RE.fullmatch(s)
    if (not m or not (m["yuan"] or m["jiao"] or m["fen"])
            or (m["zero"] and (not m["yuan"] or m["jiao"])) or (m["zheng"] and m["fen"])):
        raise bad
    try:
        yuan = _parse_int(m["yuan"], colloquial=False) if m["yuan"] else 0
    except ChineseNumberError:
        raise bad from None
    cents = yuan * 100 + _DIGIT_VALUES.get(m["jiao"], 0) * 10 + _DIGIT_VALUES.get(m["fen"], 0)
    return (Decimal(cents) / 100).quantize(_CENT)


_FULLWIDTH = {chr(0xFF10 + i): str(i) for i in range(10)} | {"．": ".", "％": "%"}
_SCAN_TABLE = str.maketrans(_FULLWIDTH)  # same length: offsets stay valid
_AMOUNT_TABLE = str.maketrans(_FULLWIDTH | {"，": ","})
_NUM = r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_MULTIPLIERS = {"": 1, "万": 10**4, "亿": 10**8}
_CN_CHARS = "零〇一二两三四五六七八九十百千万亿"
_ARABIC_AMOUNT = re.compile(rf"({_NUM})([万亿]?)(?:元整?)?")
_CN_AMOUNT = re.compile(rf"([{_CN_CHARS}]+)(?:元整?)?")


def _normalize(d: Decimal) -> Decimal:
    """Drop trailing zeros without exponent notation: 15000.0 -> 15000."""
    d = d.normalize()
    # a figure longer than the default 28 digits (a pasted serial with 亿 after it) still gets its digits back
    return d.quantize(Decimal(1), context=Context(prec=max(28, d.adjusted() + 2))) if d.as_tuple().exponent > 0 else d


def parse_amount(text: str) -> Decimal:
    """One amount as written in budgets: 3280元, 3,280, １５００, 1.5万元, 两千, 壹仟伍佰元整.

    Digit-by-digit strings (二〇二三), words (一些) and anything else raise.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_amount 需要字符串，收到 {type(text).__name__}")
    bad = ChineseNumberError(f"无法识别的金额「{text}」")
    s = _PREFIX_RE.sub("", re.sub(r"\s+", "", text.translate(_AMOUNT_TABLE)))
    try:
        if m := _ARABIC_AMOUNT.fullmatch(s):
            value = Decimal(m[1].replace(",", "")) * _MULTIPLIERS[m[2]]
        elif m := _CN_AMOUNT.fullmatch(s):
            value = Decimal(_parse_int(m[1], colloquial=True))
        else:
            value = parse_money_upper(s)
    except ChineseNumberError:
        raise bad from None
    return _normalize(value)


# --------------------------------------------------------------- scanning ---
class NumberSpan(NamedTuple):
    start: int
    end: int
    text: str
    value: Decimal


_UPPER_RUN = re.compile(r"[零壹贰貮貳叁參叄肆伍陆陸柒捌玖拾佰仟万萬亿億元圆圓角分整正]+")  # 參 叄 陸: traditional
_ARABIC_RUN = re.compile(rf"(?<![0-9.])(?:{_NUM})[万亿]?")
# 共调查中小学生2 400名，4 800眼: thousands set off by a space (statistics reports, PDF text). Only right
# after a word and right before a count's unit, so table cells written "850 120" stay two figures.
# 预算总资金18 189万元 / 18 398.31万元: the same with 万/亿 and decimals.
# 退撫基金1 ,418千元 / 合計3, 551千元: in money, a comma with a space beside it (PDF text) likewise
# (a count such as 分别为12, 345人 may be two figures).
_SPACED_THOUSANDS = re.compile(r"(?<=[\u4e00-\u9fff，,：:（(）)])[1-9][0-9]{0,2}(?:"
                               r"(?: [0-9]{3})+(?:\.[0-9]+)?(?P<mult>[万亿])?(?=[人名例眼户所个元次件份套位项册本张处家辆台间盒箱块条株棵篇场幅枚]|千元)"
                               r"|(?:(?: | ?, | ,)[0-9]{3})+(?:\.[0-9]+)?(?P<mult2>[万亿])?(?=元|千元))")
_CN_RUN = re.compile(rf"[{_CN_CHARS}]+")
# 每人6千元, 3百人 (Taiwanese news): a digit or two before 千/百 and a unit; 1万5千 is _MIXED's.
_ARABIC_THOUSANDS = re.compile(r"(?<![0-9.,万亿])([1-9][0-9]?)([千百])(?=[元人名位个户])")
# 1万7619人, 14万6,200元, 597万8千元, 4亿224万元, 14万417人 (140,417 before a unit): digits on both sides of
# 万/亿 (Taiwanese and news style).
# 3万8 alone stays two numbers: colloquially 38,000, but nothing in the text says so.
_MIXED = re.compile(
    r"(?<![0-9.])(?<![0-9],)(?P<yi>[0-9]{1,4})亿(?P<wan>[0-9]{1,4})万"
    r"|(?<![0-9.])(?<![0-9],)(?P<w>[0-9]{1,4})万(?:(?P<q>[1-9])千|(?P<units>[0-9]{4}|[0-9],[0-9]{3}|[0-9]{3}(?=[人名位元个所户次]))(?![0-9.,]))"
)
_UNIT_AFTER = set("元人名位个项次本台间户所条件天年月日平米%")
_OPEN, _CLOSE = "（(", "）)"
_MAX_RUN = 32  # no amount up to 千亿 with 角分 is longer; longer runs are read from their start only
_MAX_DIGITS = 24  # longer digit runs are serial numbers; Decimal arithmetic stays far from its precision


def _is_ordinal(text: str, start: int, end: int, short: bool = True) -> bool:
    """第N…, and (if short) N、, （N）, "N." at the start of a line are labels."""
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    if before == "第":
        return True
    if not short:
        return False
    if after == "、" or (before in _OPEN and after in _CLOSE):
        return True
    line_start = not text[text.rfind("\n", 0, start) + 1:start].strip()
    return after == "." and line_start


def find_amounts(text: str) -> list[NumberSpan]:
    """Every number in running Chinese text, in order of appearance.

    * 大写 money (叁仟贰佰捌拾元整): the span includes 元/角/分/整.
    * Arabic numbers (3,280  1500.5  １５００  1.5万): the span includes a
      万/亿 multiplier but no unit.  Only an ASCII comma groups thousands;
      the Chinese comma "，" separates list items (120，135，140人).
    * Chinese numerals (十七, 一千五百, 两千): counted only when followed by a
      unit/measure word (元 人 名 个 年 …) or when at least two characters
      long with one of 十百千万亿, so 一些/一起/统一/一定/万一/一直 are not
      numbers.  A four-digit 〇-year (二〇二三年) counts as its year.  Known
      limit: a lone 一 before a unit inside a word (统一年度) still counts.
    * Labels are skipped: 第N, N、, （N）, and "N." at the start of a line.
    """
    scan = text.translate(_SCAN_TABLE)
    spans: list[NumberSpan] = []
    taken = [False] * len(text)

    def add(start: int, end: int, value: Decimal) -> None:
        if any(taken[start:end]):
            return
        taken[start:end] = [True] * (end - start)
        spans.append(NumberSpan(start, end, text[start:end], _normalize(value)))

    for m in _UPPER_RUN.finditer(scan):
        run = m[0]
        if not set(run) & set(_UD + "拾佰仟") or not set(run) & set("元圆圓角分"):
            continue
        for end in range(min(len(run), _MAX_RUN), 0, -1):  # bounded: linear in the text
            try:
                value = parse_money_upper(run[:end])
            except ChineseNumberError:
                continue
            add(m.start(), m.start() + end, value)
            break
    for m in _MIXED.finditer(scan):
        if m["yi"]:
            add(m.start(), m.end(), Decimal(m["yi"]) * 10**8 + Decimal(m["wan"]) * 10**4)
        else:
            rest = Decimal(m["q"]) * 1000 if m["q"] else Decimal(m["units"].replace(",", ""))
            add(m.start(), m.end(), Decimal(m["w"]) * 10**4 + rest)
    for m in _ARABIC_THOUSANDS.finditer(scan):
        add(m.start(), m.end(), Decimal(m[1]) * (1000 if m[2] == "千" else 100))
    for m in _SPACED_THOUSANDS.finditer(scan):
        mult = m["mult"] or m["mult2"] or ""
        digits = m[0][:-1] if mult else m[0]
        add(m.start(), m.end(), Decimal(digits.replace(" ", "").replace(",", "")) * _MULTIPLIERS[mult])
    for m in _ARABIC_RUN.finditer(scan):
        number, mult = (m[0][:-1], m[0][-1]) if m[0][-1] in "万亿" else (m[0], "")
        if len(number) > _MAX_DIGITS:
            continue  # a serial, ID or account number, not an amount
        if _is_ordinal(scan, m.start(), m.end(), short=len(number) <= 2 and not mult):
            continue
        add(m.start(), m.end(), Decimal(number.replace(",", "")) * _MULTIPLIERS[mult])
    for m in _CN_RUN.finditer(scan):
        run, start = m[0], m.start()
        for end in range(min(len(run), _MAX_RUN), 0, -1):
            part, after = run[:end], scan[start + end: start + end + 1]
            if not (after in _UNIT_AFTER or (end >= 2 and set(part) & set("十百千万亿"))):
                continue
            if _is_ordinal(scan, start, start + end):
                break
            try:
                value = Decimal(_parse_int(part, colloquial=True))
            except ChineseNumberError:
                if not (after == "年" and end == 4 and all(c in _DIGIT_VALUES for c in part)):
                    continue
                value = Decimal("".join(str(_DIGIT_VALUES[c]) for c in part))
            add(start, start + end, value)
            break
    return sorted(spans)
