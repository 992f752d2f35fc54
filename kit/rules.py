"""The rules findings cite: an identifier, the clause it rests on, and how strong it is.

Every finding names one rule (``Finding.rule``); ``kit rules`` lists them and
``--json`` carries the clause and strength with each finding. A clause is a
standard's number, a regulation's article, or 实务 (office practice) where
no text prescribes it; the strength is 必须, 应当 or 建议.
"""

from __future__ import annotations

from typing import NamedTuple


class Rule(NamedTuple):
    id: str
    title: str
    clause: str
    strength: str  # 必须 / 应当 / 建议


GBT9704 = "GB/T 9704-2012《党政机关公文格式》"
ACCOUNTING = "《会计基础工作规范》第五十二条"

RULES: dict[str, Rule] = {r.id: r for r in (
    Rule("SUM-LINE", "每一项的小计等于数量乘标准、或各笔金额之和", "实务", "必须"),
    Rule("SUM-TOTAL", "合计等于各项小计之和", "实务", "必须"),
    Rule("SUM-ITEMS", "“N项合计”的项数与所列项目一致", "实务", "必须"),
    Rule("UPPER-VALUE", "大写金额与数字金额一致", ACCOUNTING, "必须"),
    Rule("UPPER-FORM", "大写金额按规范写法（壹贰叁…元整）", ACCOUNTING, "应当"),
    Rule("EQUATION", "写出的算式成立", "实务", "必须"),
    Rule("PARTS", "各组成部分之和等于所写总数", "实务", "必须"),
    Rule("SHARE", "占比按所写位数四舍五入", "GB/T 8170-2008《数值修约规则与极限数值的表示和判定》", "应当"),
    Rule("SHARE-SET", "涵盖全部情况的各项占比合计为 100%", "实务", "必须"),
    Rule("THRESHOLD", "按基数和百分比算出的标准", "实务", "必须"),
    Rule("SCORE-TOTAL", "评分标准各项分值之和等于满分", "实务", "必须"),
    Rule("SCORE-SUB", "评分标准细项分值之和等于所属项目的分值", "实务", "必须"),
    Rule("SCORE-PASS", "评分标准的等次分数线不高于满分", "实务", "必须"),
    Rule("TABLE-ROW", "表格中数量×单价等于金额", "实务", "必须"),
    Rule("TABLE-TOTAL", "表格合计行等于上面各行之和", "实务", "必须"),
    Rule("TABLE-ROW-PRODUCT", "表格中两栏相乘等于金额栏（表中其他行同样如此）", "实务", "必须"),
    Rule("TABLE-ROW-SUM", "表格中一行的合计栏等于前面各栏之和", "实务", "必须"),
    Rule("MINIMUM", "每人标准不低于政策规定的下限", "实务（以上级文件规定为准）", "必须"),
    Rule("NUM-SEQ", "层次序数依次编排，不跳号、不重复", f"{GBT9704} 7.3.3", "应当"),
    Rule("NUM-FORM", "层次序数写作“一、”“（一）”“1.”“（1）”", f"{GBT9704} 7.3.3", "应当"),
    Rule("PLACEHOLDER", "成文中不留 xx、××、（ ）等占位符", "实务", "必须"),
    Rule("NOISE-PINYIN", "不夹带从网页复制来的拼音注音", "实务", "必须"),
    Rule("NOISE-INVISIBLE", "不夹带不可见字符和防复制字符", "实务", "必须"),
    Rule("NOISE-SPACE", "全角空格不被“?”替代", "实务", "必须"),
    Rule("NOISE-HTML", "不夹带网页代码（&nbsp;、<br> 等）", "实务", "必须"),
    Rule("NOISE-MOJIBAKE", "不含乱码", "实务", "必须"),
    Rule("NOISE-LOST", "不含已无法还原的丢失文字", "实务", "必须"),
    Rule("NOISE-ADVERT", "不夹带网页广告和说明文字", "实务", "必须"),
    Rule("TRADITIONAL", "使用规范汉字（简体字）", "《中华人民共和国国家通用语言文字法》第九条、第十条", "必须"),
    Rule("PUNCT-WIDTH", "中文句子中使用全角标点", "GB/T 15834-2011《标点符号用法》", "应当"),
    Rule("DATE-FORM", "成文日期用阿拉伯数字，年份写全，月、日不编虚位", f"{GBT9704} 7.3.5；GB/T 15835-2011", "应当"),
    Rule("HEADER-YEAR", "发文字号的年份与成文日期一致", f"{GBT9704} 7.2.4", "应当"),
    Rule("HEADER-PRINT", "印发日期不早于成文日期", f"{GBT9704} 7.4.3", "应当"),
    Rule("STRUCTURE", "方案应有的几个部分", "实务", "建议"),
    Rule("ENCODING", "文本文件使用 UTF-8 编码", "实务", "建议"),
    Rule("INTERNAL", "检查程序本身出错（请报告）", "—", "建议"),
)}


def rule(rule_id: str) -> Rule:
    """The rule with *rule_id*; an unknown id is a programming error."""
    try:
        return RULES[rule_id]
    except KeyError:
        raise ValueError(f"unknown rule id {rule_id!r}") from None


def format_rules() -> str:
    """The rules as a Chinese table for ``kit rules``."""
    lines = ["规则编号        要求                                    依据（强度）"]
    for r in RULES.values():
        lines.append(f"{r.id:<15} {r.title}\n                依据：{r.clause}（{r.strength}）")
    return "\n".join(lines)
