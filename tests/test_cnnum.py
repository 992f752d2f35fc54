"""Tests for kit.cnnum: Chinese numerals, 大写 money, amount parsing and scanning."""
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kit.cnnum import (
    MAX_UPPER,
    ChineseNumberError,
    NumberSpan,
    chinese_int,
    find_amounts,
    money_upper,
    ordinal,
    parse_amount,
    parse_cn_int,
    parse_money_upper,
)

D = Decimal

# ---------------------------------------------------------------- chinese_int

INT_CASES = [
    (0, "零"), (1, "一"), (2, "二"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"),
    (21, "二十一"), (99, "九十九"), (100, "一百"), (101, "一百零一"), (110, "一百一十"),
    (1000, "一千"), (1001, "一千零一"), (1010, "一千零一十"), (1100, "一千一百"),
    (9999, "九千九百九十九"), (10000, "一万"), (10010, "一万零一十"), (100000, "十万"),
    (110000, "十一万"), (1000000, "一百万"), (10001000, "一千万一千"),
    (12000300, "一千二百万零三百"), (99999999, "九千九百九十九万九千九百九十九"),
    (100000000, "一亿"), (100100000, "一亿零一十万"), (1000000001, "十亿零一"),
]


@pytest.mark.parametrize(("n", "text"), INT_CASES)
def test_chinese_int_examples(n, text):
    assert chinese_int(n) == text
    assert parse_cn_int(text) == n


def test_chinese_int_rejects_negative_and_too_large():
    with pytest.raises(ChineseNumberError):
        chinese_int(-1)
    with pytest.raises(ChineseNumberError):
        chinese_int(10**12)
    with pytest.raises(TypeError):
        chinese_int(1.0)
    with pytest.raises(TypeError):
        chinese_int(True)


def test_chinese_number_error_is_value_error():
    assert issubclass(ChineseNumberError, ValueError)


@given(st.integers(min_value=0, max_value=99_999_999))
def test_chinese_int_round_trip(n):
    assert parse_cn_int(chinese_int(n)) == n


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_chinese_int_round_trip_up_to_qianyi(n):
    text = chinese_int(n)
    assert parse_cn_int(text) == n
    assert text == "零" or ("零零" not in text and not text.endswith("零"))


# --------------------------------------------------------------- parse_cn_int


@pytest.mark.parametrize(("text", "n"), [
    ("十一", 11), ("二十", 20), ("一百零一", 101), ("两百", 200), ("〇", 0), ("零", 0),
    ("壹拾", 10), ("壹拾壹", 11), ("贰佰", 200), ("叁仟零伍", 3005), ("两千", 2000),
    ("一万零一十", 10010), ("十万", 100000), (" 十七 ", 17), ("兩百", 200),
    # colloquial shorthand: a bare final digit scales down one place
    ("一千五", 1500), ("一百五", 150), ("三万五", 35000), ("两万三千五", 23500),
    # 零 may be missing or superfluous but the structure is unambiguous
    ("一千零一百", 1100),
])
def test_parse_cn_int(text, n):
    assert parse_cn_int(text) == n


@pytest.mark.parametrize("text", [
    "", "一些", "一起", "统一", "一定", "万一", "一直", "二〇二三", "一二", "十十", "百",
    "千万", "一百零", "零一", "一千零零五", "一千零万", "一万万", "一亿一万亿", "一十百",
    "百十", "12", "abc", "一百零十", "十一、",
])
def test_parse_cn_int_rejects(text):
    with pytest.raises(ChineseNumberError, match="无法识别"):
        parse_cn_int(text)


def test_parse_cn_int_type():
    with pytest.raises(TypeError):
        parse_cn_int(11)


# -------------------------------------------------------------------- ordinal


@pytest.mark.parametrize(("n", "l1", "l2"), [
    (1, "一、", "（一）"), (10, "十、", "（十）"), (11, "十一、", "（十一）"),
    (20, "二十、", "（二十）"), (21, "二十一、", "（二十一）"), (99, "九十九、", "（九十九）"),
])
def test_ordinal_all_levels(n, l1, l2):
    assert ordinal(n, 1) == l1
    assert ordinal(n, 2) == l2
    assert ordinal(n, 3) == f"{n}."
    assert ordinal(n, 4) == f"（{n}）"


@pytest.mark.parametrize(("n", "level"), [(0, 1), (-1, 2), (1, 0), (1, 5), (3, -1)])
def test_ordinal_rejects(n, level):
    with pytest.raises(ValueError):
        ordinal(n, level)


# ---------------------------------------------------------------- money_upper

MONEY_CASES = [
    ("0", "零元整"), ("0.05", "伍分"), ("0.50", "伍角"), ("10", "壹拾元整"),
    ("100010", "壹拾万零壹拾元整"), ("1500.05", "壹仟伍佰元零伍分"),
    ("3280", "叁仟贰佰捌拾元整"), ("100000000", "壹亿元整"), ("1.20", "壹元贰角整"),
    ("1.25", "壹元贰角伍分"), ("1.05", "壹元零伍分"), ("0.25", "贰角伍分"),
    ("1000000001", "壹拾亿零壹元整"), ("100001000", "壹亿零壹仟元整"), ("10000", "壹万元整"),
    ("1", "壹元整"), ("0.01", "壹分"), ("105", "壹佰零伍元整"), ("1010.10", "壹仟零壹拾元壹角整"),
    ("20000000", "贰仟万元整"), ("12000300", "壹仟贰佰万零叁佰元整"),
    ("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
]


@pytest.mark.parametrize(("amount", "text"), MONEY_CASES)
def test_money_upper_examples(amount, text):
    assert money_upper(D(amount)) == text
    assert parse_money_upper(text) == D(amount)


def test_money_upper_accepts_int_and_str():
    assert money_upper(10) == "壹拾元整"
    assert money_upper(0) == "零元整"
    assert money_upper("3280") == "叁仟贰佰捌拾元整"
    assert money_upper("1.5万") == "壹万伍仟元整"
    assert money_upper(D("-0")) == "零元整"


@pytest.mark.parametrize(("amount", "text"), [
    ("0.005", "壹分"), ("0.004", "零元整"), ("1.995", "贰元整"), ("1.994", "壹元玖角玖分"),
    ("2.125", "贰元壹角叁分"), ("2.135", "贰元壹角肆分"), ("0.045", "伍分"),
])
def test_money_upper_rounds_half_up(amount, text):
    assert money_upper(D(amount)) == text


def test_money_upper_rejects_float():
    with pytest.raises(TypeError, match="浮点"):
        money_upper(1.5)
    with pytest.raises(TypeError):
        money_upper(True)
    with pytest.raises(TypeError):
        money_upper([1])


@pytest.mark.parametrize("amount", [D("-0.01"), -1, D("-0.001"), "-5"])
def test_money_upper_rejects_negative(amount):
    with pytest.raises(ChineseNumberError):
        money_upper(amount)


@pytest.mark.parametrize("amount", [
    MAX_UPPER + D("0.01"), D("999999999999.995"), 10**12, D("1E+40"),
])
def test_money_upper_over_limit_mentions_limit(amount):
    with pytest.raises(ChineseNumberError, match="999,999,999,999.99 元"):
        money_upper(amount)


def test_max_upper_value():
    assert MAX_UPPER == D("999999999999.99")
    assert money_upper(D("999999999999.994")).endswith("玖角玖分")


@pytest.mark.parametrize("amount", [D("NaN"), D("Infinity"), "abc", "一些"])
def test_money_upper_rejects_non_numbers(amount):
    with pytest.raises(ChineseNumberError):
        money_upper(amount)


@given(st.integers(min_value=0, max_value=int(MAX_UPPER * 100)))
def test_money_round_trip(cents):
    amount = D(cents).scaleb(-2)
    assert parse_money_upper(money_upper(amount)) == amount


@given(st.decimals(min_value=0, max_value=MAX_UPPER, places=2,
                   allow_nan=False, allow_infinity=False))
def test_money_round_trip_decimals(amount):
    assert parse_money_upper(money_upper(amount)) == amount


# ---------------------------------------------------------- parse_money_upper


@pytest.mark.parametrize(("text", "amount"), [
    ("人民币叁仟贰佰捌拾元整", "3280"), ("人民币：叁仟贰佰捌拾元整", "3280"),
    ("叁仟贰佰捌拾圆整", "3280"), ("叁仟贰佰捌拾元正", "3280"), ("叁仟贰佰捌拾元", "3280"),
    ("贰佰元整", "200"), ("两佰元整", "200"), ("貮佰元整", "200"), ("伍角整", "0.5"),
    ("壹元伍分", "1.05"), (" 壹仟 伍佰元整 ", "1500"), ("拾元整", "10"),
])
def test_parse_money_upper_variants(text, amount):
    assert parse_money_upper(text) == D(amount)


@pytest.mark.parametrize("text", [
    "", "整", "元整", "一千元", "壹千元", "壹仟伍元", "壹元伍分整", "零伍分", "壹元贰角零伍分",
    "壹元零角", "叁仟贰佰捌拾", "一些", "壹万亿元", "3280元",
])
def test_parse_money_upper_rejects(text):
    with pytest.raises(ChineseNumberError, match="大写金额"):
        parse_money_upper(text)


def test_parse_money_upper_type():
    with pytest.raises(TypeError):
        parse_money_upper(D(1))


# ---------------------------------------------------------------- parse_amount


@pytest.mark.parametrize(("text", "amount"), [
    ("3280", "3280"), ("3280元", "3280"), ("3,280", "3280"), ("3，280", "3280"),
    ("１５００", "1500"), ("1.5万", "15000"), ("1.5万元", "15000"), ("一千五百", "1500"),
    ("一千五百元", "1500"), ("壹仟伍佰元整", "1500"), ("两千", "2000"), ("三百五十元", "350"),
    ("十二", "12"), ("0.5", "0.5"), ("人民币3280元", "3280"), ("3280.50元", "3280.5"),
    ("1,234,567.89", "1234567.89"), ("￥1500", "1500"), ("3280元整", "3280"),
    ("2亿", "200000000"), ("一千五百万元", "15000000"), ("１５００．５", "1500.5"),
    ("人民币壹仟伍佰元整", "1500"), ("伍角", "0.5"), (" 3280 元 ", "3280"),
])
def test_parse_amount_forms(text, amount):
    assert parse_amount(text) == D(amount)


def test_parse_amount_normalizes():
    assert str(parse_amount("1.5万")) == "15000"
    assert str(parse_amount("3280.00")) == "3280"
    assert str(parse_amount("0.50")) == "0.5"
    assert str(parse_amount("壹仟伍佰元整")) == "1500"
    assert str(parse_amount("0")) == "0"


@pytest.mark.parametrize("text", [
    "一些", "", "abc", "1.2.3", "二〇二三", "二零二三", "一起", "万一", "-5", "1.", ".5",
    "3,28", "1,2345", "3千", "三点五", "十七名", "1.5万万", "一千伍佰元",
])
def test_parse_amount_rejects_with_quoted_input(text):
    with pytest.raises(ChineseNumberError, match=f"无法识别的金额「{text}」"):
        parse_amount(text)


def test_parse_amount_type():
    with pytest.raises(TypeError):
        parse_amount(3280)


# ----------------------------------------------------------- cn2an pitfalls


@pytest.mark.parametrize("word", ["一些", "一起", "统一", "一定", "万一", "一直"])
def test_cn2an_pitfall_words_are_not_numbers(word):
    with pytest.raises(ChineseNumberError):
        parse_amount(word)
    assert find_amounts(f"我们{word}去看看") == []


def test_money_upper_rounds_instead_of_truncating():
    assert money_upper(D("0.999")) == "壹元整"


# --------------------------------------------------------------- find_amounts


def spans(text):
    return [(s.text, s.value) for s in find_amounts(text)]


def test_find_amounts_mixed_text():
    text = "本次共有十七名学生参加，预算三千二百八十元（人民币叁仟贰佰捌拾元整），另需1.5万元。"
    found = find_amounts(text)
    assert [(s.text, s.value) for s in found] == [
        ("十七", 17), ("三千二百八十", 3280), ("叁仟贰佰捌拾元整", 3280), ("1.5万", 15000),
    ]
    for s in found:
        assert isinstance(s, NumberSpan)
        assert text[s.start:s.end] == s.text


def test_find_amounts_arabic_forms():
    assert spans("合计3,280元，另１５００元，单价12.5元，增长15%。") == [
        ("3,280", 3280), ("１５００", 1500), ("12.5", D("12.5")), ("15", 15),
    ]
    assert str(find_amounts("1.5万元")[0].value) == "15000"


def test_find_amounts_chinese_numerals():
    assert spans("共计一百一十六人，两千元，十二个班，一人一档，三十多位老师") == [
        ("一百一十六", 116), ("两千", 2000), ("十二", 12), ("一", 1), ("三十", 30),
    ]


def test_find_amounts_uppercase_money_variants():
    assert spans("金额：壹仟伍佰元零伍分。") == [("壹仟伍佰元零伍分", D("1500.05"))]
    assert spans("金额伍角整") == [("伍角整", D("0.5"))]
    assert spans("贰佰元整，分两次支付") == [("贰佰元整", 200), ("两", 2)]


def test_find_amounts_skips_words():
    assert spans("大家一起统一思想，一定要注意，万一下雨一直等，一些老师十分重要") == []
    assert spans("千万不要迟到，百年大计") == []


def test_find_amounts_skips_ordinals():
    text = "一、总体情况\n（一）基本信息\n十一、附则\n（十一）其他\n1.经费\n（1）说明\n2、安排\n第十七条 第3项"
    assert spans(text) == []


def test_find_amounts_ordinal_vs_amount():
    assert spans("（十七人）共（三千元）") == [("十七", 17), ("三千", 3000)]
    assert spans("共3.5元") == [("3.5", D("3.5"))]
    assert spans("合计（2023）") == [("2023", 2023)]


def test_find_amounts_chinese_comma_is_not_a_thousands_separator():
    assert spans("人数分别为120，135，140人") == [("120", 120), ("135", 135), ("140", 140)]


def test_digits_around_wan_after_an_ascii_comma_between_words():
    assert spans("提供名额,2万5908人登记") == [("2万5908", 25908)]  # a comma pasted as a Chinese comma
    assert spans("1,2万5908人") == [("1", 1), ("2万", 20000), ("5908", 5908)]  # after a digit: not this reading


def test_three_digits_after_wan_before_a_unit():
    assert spans("在学人数达14万417人") == [("14万417", 140417)]  # Taiwanese news: 140,417
    assert spans("工资3万8") == [("3万", 30000), ("8", 8)]  # colloquial 38,000: not read so


def test_find_amounts_years_and_trailing_words():
    assert spans("二〇二三年九月") == [("二〇二三", 2023), ("九", 9)]
    assert spans("十七一起") == [("十七", 17)]
    assert spans("") == []


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_find_amounts_finds_any_spelled_amount(n):
    found = find_amounts(f"共计{chinese_int(n)}元。")
    assert [s.value for s in found] == [n]


@given(st.integers(min_value=0, max_value=int(MAX_UPPER * 100)))
def test_find_amounts_finds_any_upper_and_arabic_amount(cents):
    amount = D(cents).scaleb(-2)
    text = f"人民币{money_upper(amount)}（{amount:,}元）"
    assert [s.value for s in find_amounts(text)] == [amount, amount]
