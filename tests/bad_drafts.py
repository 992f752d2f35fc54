"""Broken variants of the worked budget draft, shared by the draft and CLI tests.

Each case is (id, how to break the YAML text, the path the message must name,
fragments the Chinese message must contain).
"""

from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "sample_data"
GOOD_TEXT = (SAMPLES / "consolation_budget.yaml").read_text(encoding="utf-8")
TITLE = "title: 东湖中学2024年元旦走访慰问活动方案"


def _replace(old: str, new: str, count: int = 1):
    def breaks(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, count)

    return breaks


# (id, mutation, path named in the message, fragments of the message)
BAD_FIELDS = [
    ("wrong_type_count", _replace("count: 15", "count: 多"), "sections.budget.lines[0].count", ["必须是非负整数", "多"]),
    ("negative_count", _replace("count: 1\n", "count: -1\n"), "sections.budget.lines[3].count", ["必须是非负整数", "-1"]),
    ("fractional_count", _replace("count: 3\n", "count: 2.5\n"), "sections.budget.lines[1].count", ["必须是非负整数", "2.5"]),
    ("three_decimals", _replace("amount: 400", "amount: 400.125"), "sections.budget.lines[2].components[0].amount", ["两位小数", "400.125"]),
    ("too_large", _replace("stated_total: 3280", "stated_total: 1000000000000"), "sections.budget.stated_total", ["999,999,999,999.99"]),
    ("negative_amount", _replace("amount: 80", "amount: -80"), "sections.budget.lines[4].components[0].amount", ["负数"]),
    ("misspelled_key", _replace("count: 2\n", "cuont: 2\n"), "sections.budget.lines[2].cuont", ["未知字段「cuont」", "count"]),
    ("control_char", _replace(TITLE, 'title: "东湖中学\\a慰问方案"'), "header.title", ["控制字符", "U+0007"]),
    ("empty_title", _replace(TITLE, 'title: ""'), "header.title", ["不能为空"]),
    ("blank_title", _replace(TITLE, 'title: "\u3000 "'), "header.title", ["不能为空"]),
    ("bad_kind", _replace("kind: fixed", "kind: fixd"), "sections.budget.lines[4].kind", ["per_head", "fixed"]),
    ("bad_date", _replace("date: 2023-12-20", "date: 2023年12月20日"), "header.date", ["日期"]),
    ("bad_doc_number", _replace("东中工〔2023〕12号", "东中工[2023]第12号"), "header.doc_number", ["六角括号"]),
    ("missing_issuer", _replace("  issuer: 东湖中学工会委员会\n", ""), "header.issuer", ["缺少必填字段"]),
    ("components_not_a_list", _replace("components:\n      - name: 慰问品\n        amount: 100", "components: 100"), "sections.budget.lines[0].components", ["列表"]),
]

# Whole-file problems: (id, bytes of the file, fragments of the message)
BAD_FILES = [
    ("binary_docx", b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)), ["二进制"]),
    ("binary_nul", b"schema_version: 1\x00\x00\x00", ["二进制"]),
    ("gbk", "标题: 东湖中学".encode("gbk"), ["UTF-8"]),
    ("invalid_yaml", GOOD_TEXT.replace("  issuer: 东湖中学工会委员会", "  issuer: [东湖中学工会委员会").encode(), ["不是有效的 YAML", "第9行"]),
    ("duplicate_key", GOOD_TEXT.replace("  date: 2023-12-20\n", "  date: 2023-12-20\n  date: 2023-12-21\n", 1).encode(), ["重复", "date"]),
    ("empty", b"", ["空"]),
    ("not_a_mapping", b"- 1\n- 2\n", ["映射"]),
    ("no_schema_version", GOOD_TEXT.replace("schema_version: 1\n", "").encode(), ["schema_version"]),
    ("unknown_type", GOOD_TEXT.replace("type: consolation", "type: letter").encode(), ["未知的文书类型", "letter"]),
]
