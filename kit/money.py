"""Exact money: the one constructor for amounts, and fen rounding.

Every amount in the kit is a :class:`decimal.Decimal` built by :func:`money`.
Floats are refused: binary fractions are how budgets stop adding up.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

FEN = Decimal("0.01")
ZERO = Decimal("0")

# The largest amount the kit accepts anywhere: the limit of uppercase money
# (大写) that kit.cnnum can write, 千亿 level.
MAX_AMOUNT = Decimal("999999999999.99")

_STRIP = str.maketrans({",": None, "，": None, "元": None, " ": None, "\u3000": None})


class MoneyError(ValueError):
    """An amount that cannot be used; the message is Chinese and user-facing."""


def money(value: str | int | Decimal) -> Decimal:
    """Return *value* as an exact Decimal amount in yuan.

    Accepts ``str`` (``"1,500"``, ``"1500元"``), ``int`` or ``Decimal``.
    Raises :class:`TypeError` for ``float`` (a programming error) and
    :class:`MoneyError` for text that is not an amount.
    """
    if isinstance(value, bool) or isinstance(value, float):
        raise TypeError("money() refuses float and bool; pass str, int or Decimal")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        text = value.translate(_STRIP)
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise MoneyError(f"不是有效的金额：「{value}」") from None
    else:
        raise TypeError(f"money() cannot take {type(value).__name__}")
    if not result.is_finite():
        raise MoneyError(f"不是有效的金额：「{value}」")
    return result


def to_fen(amount: Decimal) -> Decimal:
    """Round *amount* half-up to the fen (0.01 yuan)."""
    return amount.quantize(FEN, rounding=ROUND_HALF_UP)


def share_percent(part: Decimal, whole: Decimal, decimals: int) -> Decimal:
    """*part* of *whole* as a percentage, rounded half-up to *decimals* places
    (17 of 116 at one place → 14.7). The one rule for shares, so the checked
    figure and the printed figure cannot disagree. *whole* must not be 0."""
    return (part * 100 / whole).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def decimals_of(amount: Decimal) -> int:
    """Number of decimal places written in *amount* (``Decimal("1.50")`` → 2)."""
    exponent = amount.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def format_yuan(amount: Decimal) -> str:
    """Format for Chinese prose: ``3280`` → ``"3280"``, ``12.5`` → ``"12.50"``.

    Whole yuan are written without decimals, as in the documents; anything
    with jiao or fen is written to the fen.
    """
    amount = to_fen(amount)
    if amount == amount.to_integral_value():
        return f"{amount:.0f}"
    return f"{amount:.2f}"


def format_signed(amount: Decimal) -> str:
    """Like :func:`format_yuan` but always with a sign: ``+40``, ``-40``."""
    sign = "+" if amount >= 0 else "-"
    return sign + format_yuan(abs(amount))


def format_scaled(value: Decimal, scale: int) -> str:
    """*value* in the author's scale: 225000 with 万 → 22.5万 (one figure reads like the figures beside it)."""
    if scale in (10**3, 10**4, 10**8):
        return f"{(value / scale).normalize():f}" + {10**3: "千", 10**4: "万", 10**8: "亿"}[scale]
    return format_figure(value)


def format_figure(value: Decimal) -> str:
    """A figure as prose writes it: money to the fen when it has at most two decimals (3280, 12.50), else as written (14.73)."""
    return format_yuan(value) if decimals_of(value) <= 2 else str(value)
