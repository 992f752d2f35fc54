"""Constrained field types shared by the document model.

Each type validates one kind of value a draft holds (an amount, a head count,
a piece of text) and fails with a Chinese message that names the problem and
quotes what it received. The messages reach users through kit.drafts.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

from .money import MAX_AMOUNT, MoneyError, decimals_of, money

# XML 1.0 forbids C0 controls except tab, newline and carriage return; the
# issue asks us to refuse carriage returns in drafts too, and Python strings
# may also carry lone surrogates or U+FFFE/U+FFFF, which no DOCX can hold.
_ILLEGAL = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")


def shown(value: Any) -> str:
    """Quote a received value for a message, shortened if long."""
    text = str(value)
    if len(text) > 40:
        text = text[:37] + "…"
    return f"“{text}”"


def _error(kind: str, message: str, **ctx: Any) -> PydanticCustomError:
    return PydanticCustomError(kind, message, ctx)


def check_text(value: Any) -> str:
    """Validate free text: a string without XML-illegal characters."""
    if not isinstance(value, str):
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            value = str(value)  # "2024" typed for a title is still text
        else:
            raise _error("kit_text", "必须是文字，收到 {got}", got=shown(value))
    bad = _ILLEGAL.search(value)
    if bad:
        code = f"U+{ord(bad.group()):04X}"
        raise _error(
            "kit_control_char",
            "含有不可见的控制字符 {code}（第 {pos} 个字符），文档无法保存此字符，请删除",
            code=code,
            pos=bad.start() + 1,
        )
    return value


def check_nonempty(value: Any) -> str:
    text = check_text(value)
    if not text.strip():
        raise _error("kit_empty", "不能为空")
    return text


# A head count times the largest amount stays exact in Decimal's 28 digits.
MAX_COUNT = 999_999_999
# Text longer than this is not a figure anyone types (and 1e99999999 is refused
# before Decimal or int ever expands it).
MAX_FIGURE_CHARS = 40
# Figures other than amounts and counts (areas, rates, percentages): at most
# 15 integer digits and 6 decimals.
MAX_NUMBER = Decimal("999999999999999")
MAX_NUMBER_DECIMALS = 6


def _bounded_text(value: str, kind: str, message: str) -> str:
    if len(value) > MAX_FIGURE_CHARS:
        raise _error(kind, message, got=shown(value))
    return value


def check_count(value: Any) -> int:
    """A head count: a non-negative whole number, at most :data:`MAX_COUNT`."""
    message = "必须是非负整数，收到 {got}"
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, str)):
        raise _error("kit_count", message, got=shown(value))
    if isinstance(value, str):
        try:
            value = Decimal(_bounded_text(value.strip(), "kit_count", message))
        except ArithmeticError:
            raise _error("kit_count", message, got=shown(value)) from None
    if isinstance(value, Decimal):
        if not value.is_finite() or decimals_of(value):
            raise _error("kit_count", message, got=shown(value))
        if value.adjusted() > 9:  # before int(): 1e99999999 would take forever
            raise _error("kit_count", "人数（数量）过大：最多 999999999，收到 {got}", got=shown(value))
        if value != value.to_integral_value():
            raise _error("kit_count", message, got=shown(value))
        value = int(value)
    if value < 0:
        raise _error("kit_count", message, got=shown(value))
    if value > MAX_COUNT:
        raise _error("kit_count", "人数（数量）过大：最多 999999999，收到 {got}", got=shown(value))
    return value


def check_amount(value: Any) -> Decimal:
    """A money amount in yuan: exact, non-negative, at most two decimals."""
    if isinstance(value, float):
        raise _error("kit_float", "金额不能用二进制浮点数，请写成文字或 Decimal，收到 {got}", got=shown(value))
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, str)):
        raise _error("kit_amount", "必须是金额数字，收到 {got}", got=shown(value))
    try:
        amount = money(_bounded_text(value, "kit_amount", "必须是金额数字，收到 {got}") if isinstance(value, str) else value)
    except MoneyError:
        raise _error("kit_amount", "必须是金额数字，收到 {got}", got=shown(value)) from None
    if amount < 0:
        raise _error("kit_amount", "金额不能为负数，收到 {got}", got=shown(value))
    if decimals_of(amount) > 2:
        raise _error("kit_amount", "金额最多两位小数（精确到分），收到 {got}", got=shown(value))
    if amount > MAX_AMOUNT:
        raise _error(
            "kit_amount",
            "金额超过上限：大写金额最多写到 999,999,999,999.99 元（千亿位），收到 {got}",
            got=shown(value),
        )
    return amount


def check_number(value: Any) -> Decimal:
    """A non-negative figure (a count of books, an area in m², a rate)."""
    if isinstance(value, float):
        raise _error("kit_float", "数字不能用二进制浮点数，收到 {got}", got=shown(value))
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, str)):
        raise _error("kit_number", "必须是数字，收到 {got}", got=shown(value))
    try:
        number = money(_bounded_text(value, "kit_number", "必须是数字，收到 {got}") if isinstance(value, str) else value)
    except MoneyError:
        raise _error("kit_number", "必须是数字，收到 {got}", got=shown(value)) from None
    if number < 0:
        raise _error("kit_number", "不能为负数，收到 {got}", got=shown(value))
    if number > MAX_NUMBER or decimals_of(number) > MAX_NUMBER_DECIMALS:
        raise _error("kit_number", "数字过大或小数位太多（最多 15 位整数、6 位小数），收到 {got}", got=shown(value))
    return number


_DOC_NUMBER = re.compile(r"^(?P<code>[^\s〔〕\[\]()（）]+)〔(?P<year>\d{4})〕(?P<seq>[1-9]\d*)号$")


def check_doc_number(value: Any) -> str:
    """发文字号 such as 教基〔2023〕23号 (GB/T 9704 7.2.4)."""
    text = check_nonempty(value).strip()
    if not _DOC_NUMBER.match(text):
        raise _error(
            "kit_doc_number",
            "发文字号格式应为「机关代字〔2024〕3号」：年份四位、用六角括号〔〕，序号不加“第”、不编虚位（不写 03），收到 {got}",
            got=shown(value),
        )
    return text


def check_key(value: Any) -> str:
    text = check_nonempty(value)
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", text):
        raise _error("kit_key", "只能用英文字母、数字和下划线（如 pupils、left_behind），收到 {got}", got=shown(value))
    return text


Text = Annotated[str, BeforeValidator(check_text)]
NonEmptyText = Annotated[str, BeforeValidator(check_nonempty)]
Count = Annotated[int, BeforeValidator(check_count)]
Amount = Annotated[Decimal, BeforeValidator(check_amount)]
Number = Annotated[Decimal, BeforeValidator(check_number)]
DocNumber = Annotated[str, BeforeValidator(check_doc_number)]
Key = Annotated[str, BeforeValidator(check_key)]
