"""kit.money: the one constructor for amounts, fen rounding, formatting."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kit.money import MAX_AMOUNT, MoneyError, decimals_of, format_signed, format_yuan, money, to_fen

D = Decimal


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        ("1500", D("1500")),
        ("1,500", D("1500")),
        ("1，500", D("1500")),
        ("1500元", D("1500")),
        (" 3 280 元", D("3280")),
        ("12.50", D("12.50")),
        (450, D("450")),
        (D("0.05"), D("0.05")),
    ],
)
def test_money_reads_amounts_as_written_in_budgets(written, amount):
    result = money(written)
    assert result == amount
    assert type(result) is Decimal


def test_money_keeps_the_written_precision():
    assert decimals_of(money("12.50")) == 2
    assert decimals_of(money("12")) == 0


@pytest.mark.parametrize("value", [1.5, 0.1, True, False])
def test_money_refuses_float_and_bool_as_programming_errors(value):
    with pytest.raises(TypeError):
        money(value)


@pytest.mark.parametrize("text", ["三千", "abc", "", "NaN", "Infinity", "1.2.3"])
def test_money_refuses_text_that_is_not_an_amount_with_a_chinese_message(text):
    with pytest.raises(MoneyError, match="不是有效的金额"):
        money(text)


@pytest.mark.parametrize(
    ("amount", "fen"),
    [
        ("0.005", "0.01"),
        ("0.015", "0.02"),
        ("0.025", "0.03"),  # half-even would give 0.02
        ("2.675", "2.68"),  # the float 2.675 rounds to 2.67
        ("0.0049", "0.00"),
        ("1499.995", "1500.00"),
    ],
)
def test_to_fen_rounds_half_up(amount, fen):
    assert to_fen(D(amount)) == D(fen)
    assert str(to_fen(D(amount))) == fen


@pytest.mark.parametrize(
    ("amount", "text"),
    [(D("3280"), "3280"), (D("3280.00"), "3280"), (D("12.5"), "12.50"), (D("0.05"), "0.05"), (D("0"), "0")],
)
def test_format_yuan_writes_whole_yuan_without_decimals(amount, text):
    assert format_yuan(amount) == text


def test_format_signed_always_shows_the_sign():
    assert format_signed(D("40")) == "+40"
    assert format_signed(D("-40")) == "-40"
    assert format_signed(D("0")) == "+0"


def test_max_amount_is_the_limit_of_uppercase_money():
    assert MAX_AMOUNT == D("999999999999.99")


@given(st.decimals(min_value=0, max_value=MAX_AMOUNT, places=2))
def test_money_of_its_own_text_is_the_same_amount(amount):
    assert money(format(amount, "f")) == amount
    assert money(f"{amount:,}元") == amount
