"""kit.drafts: loading with every problem reported, saving atomically with a backup."""

import datetime as dt
import os
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kit.drafts as drafts
from kit.drafts import DraftError, draft_data, dump_draft, load_draft, parse_draft, save_data, save_draft, validate_data
from kit.model import Draft

from bad_drafts import BAD_FIELDS, BAD_FILES, GOOD_TEXT, SAMPLES

D = Decimal


@pytest.fixture
def good_file(tmp_path):
    path = tmp_path / "budget.yaml"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    return path


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp") or ".tmp." in p.name)


# -- loading ----------------------------------------------------------------------


def test_the_worked_budget_loads_with_its_figures_as_stated():
    draft = load_draft(SAMPLES / "consolation_budget.yaml")
    budget = draft.sections["budget"]
    assert draft.type == "consolation"
    assert budget.stated_total == D("3280")
    assert [line.stated_subtotal for line in budget.lines] == [D("1500"), D("450"), D("900"), D("250"), D("180")]
    assert all(isinstance(c.amount, Decimal) for line in budget.lines for c in line.components)
    assert draft.header.date == dt.date(2023, 12, 20)


def test_decimal_amounts_are_read_exactly_not_as_floats():
    draft = parse_draft(GOOD_TEXT.replace("amount: 60", "amount: 60.10"))
    amount = draft.sections["budget"].lines[4].components[2].amount
    assert amount == D("60.10") and isinstance(amount, Decimal)


def test_missing_file(tmp_path):
    with pytest.raises(DraftError) as info:
        load_draft(tmp_path / "nowhere.yaml")
    assert "文件不存在" in info.value.format()
    assert "nowhere.yaml" in info.value.format()


def test_a_folder_is_not_a_draft(tmp_path):
    with pytest.raises(DraftError, match="文件夹"):
        load_draft(tmp_path)


@pytest.mark.parametrize(("case", "raw", "fragments"), BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_unusable_file_is_refused_with_a_chinese_reason(tmp_path, case, raw, fragments):
    path = tmp_path / f"{case}.yaml"
    path.write_bytes(raw)
    with pytest.raises(DraftError) as info:
        load_draft(path)
    text = info.value.format()
    assert str(path) in text
    for fragment in fragments:
        assert fragment in text


def test_duplicate_key_names_its_line():
    text = GOOD_TEXT.replace("      stated_subtotal: 450\n", "      stated_subtotal: 450\n      stated_subtotal: 460\n")
    with pytest.raises(DraftError) as info:
        parse_draft(text)
    (problem,) = info.value.problems
    assert "stated_subtotal" in problem.message and "重复" in problem.message
    assert problem.line == text.splitlines().index("      stated_subtotal: 460") + 1


@pytest.mark.parametrize(("case", "breaks", "path", "fragments"), BAD_FIELDS, ids=[c[0] for c in BAD_FIELDS])
def test_bad_field_is_named_with_a_chinese_message(case, breaks, path, fragments):
    with pytest.raises(DraftError) as info:
        parse_draft(breaks(GOOD_TEXT), "budget.yaml")
    problems = {p.path: p for p in info.value.problems}
    assert path in problems, info.value.format()
    problem = problems[path]
    for fragment in fragments:
        assert fragment in problem.message
    assert problem.line is not None
    assert f"第{problem.line}行 {path}：" in info.value.format()


def test_negative_count_message_reads_like_the_issue():
    text = GOOD_TEXT.replace("      kind: fixed\n", "      kind: per_head\n      count: -2\n")
    with pytest.raises(DraftError) as info:
        parse_draft(text)
    assert "sections.budget.lines[4].count：必须是非负整数" in info.value.format()


def test_every_problem_is_reported_not_just_the_first():
    text = GOOD_TEXT.replace("count: 15", "count: 多").replace("amount: 80", "amount: 80.001")
    with pytest.raises(DraftError) as info:
        parse_draft(text)
    paths = [p.path for p in info.value.problems]
    assert "sections.budget.lines[0].count" in paths
    assert "sections.budget.lines[4].components[0].amount" in paths


def test_float_in_plain_data_is_refused():
    data = draft_data(parse_draft(GOOD_TEXT))
    data["sections"]["budget"]["stated_total"] = 3280.0
    with pytest.raises(DraftError, match="浮点数"):
        validate_data(data)


def test_per_head_line_needs_a_count():
    with pytest.raises(DraftError, match="人数 count"):
        parse_draft(GOOD_TEXT.replace("      count: 15\n", ""))


# -- saving -----------------------------------------------------------------------


def test_save_then_load_gives_the_same_draft(tmp_path):
    draft = parse_draft(GOOD_TEXT)
    path = tmp_path / "copy.yaml"
    save_draft(draft, path)
    assert load_draft(path) == draft
    assert not (tmp_path / "copy.yaml.bak").exists()


def test_save_keeps_the_previous_version_as_bak(good_file):
    before = good_file.read_bytes()
    data = draft_data(load_draft(good_file))
    data["sections"]["budget"]["lines"][4]["stated_subtotal"] = 220
    data["sections"]["budget"]["stated_total"] = 3320
    save_data(data, good_file)
    assert (good_file.parent / "budget.yaml.bak").read_bytes() == before
    assert load_draft(good_file).sections["budget"].stated_total == D("3320")
    assert _leftovers(good_file.parent) == []


@pytest.mark.parametrize(("case", "breaks", "path", "fragments"), BAD_FIELDS, ids=[c[0] for c in BAD_FIELDS])
def test_invalid_data_never_overwrites_a_good_draft(good_file, case, breaks, path, fragments):
    from kit.yamlio import loads

    before = good_file.read_bytes()
    try:
        data = loads(breaks(GOOD_TEXT))
    except Exception:  # noqa: BLE001 - a YAML-level break cannot even be data
        pytest.skip("not representable as data")
    with pytest.raises(DraftError) as info:
        save_data(data, good_file)
    assert path in [p.path for p in info.value.problems]
    assert good_file.read_bytes() == before
    assert not (good_file.parent / "budget.yaml.bak").exists()
    assert _leftovers(good_file.parent) == []


def test_failed_rename_leaves_the_old_file_and_no_temporary(good_file, monkeypatch):
    before = good_file.read_bytes()
    draft = parse_draft(GOOD_TEXT.replace("stated_total: 3280", "stated_total: 3320"))

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(drafts.os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_draft(draft, good_file)
    assert good_file.read_bytes() == before
    assert _leftovers(good_file.parent) == []
    assert sorted(p.name for p in good_file.parent.iterdir()) == ["budget.yaml"]


def test_saving_into_a_missing_folder_says_so(tmp_path):
    with pytest.raises(FileNotFoundError, match="文件夹不存在"):
        save_draft(parse_draft(GOOD_TEXT), tmp_path / "no" / "such.yaml")


def test_saved_file_is_readable_yaml_with_a_comment_header(tmp_path):
    path = tmp_path / "d.yaml"
    save_draft(parse_draft(GOOD_TEXT), path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# 方案工坊草稿")
    assert "stated_total: 3280" in text
    assert "慰问品" in text  # unicode kept, not escaped


# -- round trips ------------------------------------------------------------------

ODD_TEXT = [
    "𠮷野家的𠮷",
    "表情😀👨‍👩‍👧",
    "a & b < c > d",
    "\"双引号\" 和 '单引号'",
    "第一行\n第二行\n",
    "末尾换行\n",
    "  前后空格  ",
    "\t以制表符开头",
    "行尾空格 \n下一行",
    "007",
    "0x1F",
    "yes",
    "no",
    "on",
    "null",
    "~",
    "true",
    "1.5",
    "1e3",
    ".inf",
    "2024-01-15",
    "12:30:00",
    "# 像注释",
    "- 像列表",
    "键: 值",
    "[1, 2]",
    "{a: 1}",
    "*别名",
    "&锚点",
    "!标签",
    "%指令",
    "@at",
    "`反引号`",
    "\u3000全角空格开头",
    "零宽\u200b字符",
    "\u2028行分隔符",
    "\x85下一行",
    "\x7f删除符",
    "\ufeff字节序标记",
    "【待填：单位名称】",
]
_ILLEGAL = [chr(c) for c in range(0x20) if c not in (0x09, 0x0A)] + ["\ufffe", "\uffff"]
any_text = st.one_of(
    st.sampled_from(ODD_TEXT),
    st.text(st.characters(exclude_categories=["Cs"], exclude_characters=_ILLEGAL), max_size=20),
)
text = st.one_of(st.just(""), any_text)
nonempty = any_text.filter(lambda s: s.strip() != "")
keys = st.one_of(st.sampled_from(["null", "yes", "no", "on", "true", "y", "_", "e1", "x1"]), st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,6}", fullmatch=True))
amounts = st.one_of(st.integers(0, 10**6), st.decimals(min_value=0, max_value=D("999999999999.99"), places=2))
numbers = st.one_of(st.integers(0, 10**9), st.decimals(min_value=0, max_value=D("1e9"), places=3))
dates = st.dates(dt.date(1949, 10, 1), dt.date(2100, 12, 31))
optional = lambda s: st.one_of(st.none(), s)  # noqa: E731
person = st.fixed_dictionaries({"name": nonempty}, optional={"title": optional(text)})


def _item(depth):
    base = {"text": nonempty}
    extra = {"lead": optional(text)}
    if depth:
        extra["sub"] = st.lists(_item(depth - 1), max_size=2)
    return st.fixed_dictionaries(base, optional=extra)


@st.composite
def facts_sections(draw):
    fact_keys = draw(st.lists(keys, min_size=3, max_size=5, unique=True))
    facts = [{"key": k, "label": draw(nonempty), "value": draw(numbers), "unit": draw(text)} for k in fact_keys]
    shares = [
        {"part": draw(st.sampled_from(fact_keys)), "whole": draw(st.sampled_from(fact_keys)), "decimals": draw(st.integers(0, 4))}
        for _ in range(draw(st.integers(0, 2)))
    ]
    sums = [{"whole": fact_keys[0], "parts": fact_keys[1:3]}] if draw(st.booleans()) else []
    return {"kind": "facts", "title": draw(nonempty), "facts": facts, "shares": shares, "sums": sums, "paragraphs": draw(st.lists(text, max_size=2))}


component = st.fixed_dictionaries({"name": nonempty, "amount": amounts})
ledger_line = st.one_of(
    st.fixed_dictionaries(
        {"name": nonempty, "kind": st.just("per_head"), "count": st.integers(0, 10**4), "components": st.lists(component, min_size=1, max_size=3)},
        optional={"category": optional(text), "note": optional(text), "stated_subtotal": optional(amounts)},
    ),
    st.fixed_dictionaries(
        {"name": nonempty, "kind": st.just("fixed"), "components": st.lists(component, min_size=1, max_size=3)},
        optional={"note": optional(text), "stated_subtotal": optional(amounts)},
    ),
)
section = st.one_of(
    st.fixed_dictionaries({"kind": st.just("prose"), "title": nonempty, "paragraphs": st.lists(text, max_size=3)}, optional={"intro": st.lists(text, max_size=2)}),
    st.fixed_dictionaries({"kind": st.just("items"), "title": nonempty, "items": st.lists(_item(2), max_size=3)}),
    st.fixed_dictionaries(
        {"kind": st.just("ledger"), "title": nonempty, "lines": st.lists(ledger_line, max_size=4)},
        optional={
            "style": st.sampled_from(["prose", "table"]),
            "total_label": nonempty,
            "stated_total": optional(amounts),
            "stated_total_upper": optional(text),
            "minimums": st.lists(st.fixed_dictionaries({"category": nonempty, "per_head": amounts}), max_size=2),
        },
    ),
    st.fixed_dictionaries(
        {"kind": st.just("organisation"), "title": nonempty, "leader": person},
        optional={
            "group_name": nonempty,
            "deputies": st.lists(person, max_size=2),
            "members": st.lists(person, max_size=2),
            "members_collective": optional(text),
            "office": st.fixed_dictionaries({}, optional={"location": optional(text), "head": optional(person), "members": st.lists(person, max_size=2), "duty": optional(text)}),
            "duties": st.lists(st.fixed_dictionaries({"who": nonempty, "what": nonempty}), max_size=2),
        },
    ),
    st.fixed_dictionaries(
        {"kind": st.just("activities"), "title": nonempty, "items": st.lists(
            st.fixed_dictionaries({"name": nonempty}, optional={"content": text, "frequency": optional(text), "responsible": optional(text), "participants": optional(text)}),
            max_size=3,
        )}
    ),
    st.fixed_dictionaries(
        {"kind": st.just("targets"), "title": nonempty, "targets": st.lists(
            st.fixed_dictionaries(
                {"label": nonempty, "value": st.decimals(min_value=0, max_value=100, places=1)},
                optional={"op": st.sampled_from(["≥", "≤", "="]), "note": optional(text)},
            ),
            max_size=3,
        )}
    ),
    facts_sections(),
)
doc_numbers = st.builds(lambda code, year, seq: f"{code}〔{year}〕{seq}号", st.sampled_from(["东中工", "青石小", "教基", "ABC"]), st.integers(1949, 2100), st.integers(1, 999))
header = st.fixed_dictionaries(
    {"title": nonempty, "issuer": nonempty, "date": dates},
    optional={
        "recipient": optional(text),
        "doc_number": optional(doc_numbers),
        "attachments": st.lists(st.fixed_dictionaries({"title": nonempty}, optional={"paragraphs": st.lists(text, max_size=2)}), max_size=2),
        "cc": st.lists(nonempty, max_size=2),
        "print_office": optional(text),
        "print_date": optional(dates),
    },
)
draft_dicts = st.fixed_dictionaries(
    {
        "schema_version": st.just(1),
        "type": st.sampled_from(["plan", "consolation", "notice", "summary"]),
        "header": header,
        "sections": st.dictionaries(keys, section, max_size=4),
    },
    optional={"pack": optional(text)},
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(draft_dicts)
def test_any_valid_draft_survives_save_and_load(tmp_path, data):
    draft = Draft.model_validate(data)
    path = tmp_path / "round.yaml"
    save_draft(draft, path)
    again = load_draft(path)
    assert again == draft
    assert draft_data(again) == draft_data(draft)
    assert parse_draft(dump_draft(again)) == draft
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("odd", ODD_TEXT)
def test_odd_text_keeps_its_exact_characters(tmp_path, odd):
    data = draft_data(parse_draft(GOOD_TEXT))
    data["header"]["title"] = "标题" + odd
    data["header"]["recipient"] = odd
    data["sections"]["purpose"]["paragraphs"] = [odd, odd + odd]
    path = tmp_path / "odd.yaml"
    draft = save_data(data, path)
    again = load_draft(path)
    assert again.header.recipient == odd
    assert again.header.title == "标题" + odd
    assert again.sections["purpose"].paragraphs == [odd, odd + odd]
    assert again == draft


@pytest.mark.parametrize("typed", ["007", "yes", "null", "1.5", "2024-01-15", "true", "~"])
def test_strings_yaml_would_mistype_stay_strings(tmp_path, typed):
    data = draft_data(parse_draft(GOOD_TEXT))
    data["sections"]["budget"]["lines"][0]["note"] = typed
    data["sections"]["budget"]["lines"][0]["category"] = typed
    path = tmp_path / "typed.yaml"
    save_data(data, path)
    line = load_draft(path).sections["budget"].lines[0]
    assert line.note == typed and type(line.note) is str
    assert line.category == typed
