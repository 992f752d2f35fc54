"""The worked budget exactly as its author wrote it, in every form a clerk brings it.

Item 5 with ASCII semicolons and its subtotal on the next line (or joined),
simplified or traditional, .txt or .docx: exactly two figure findings
(180 → 220 and 3280 → 3320), the numbering skip and the two placeholders.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from kit.proof import check_document


TWO_LINE = """关于做好元旦慰问工作的方案
一、慰问时间：20xx年12月xx日
二、慰问对象及费用预算
1、退休教师共15人,人均慰问品100元,共1500元。
2、困难员工共3人,人均慰问金100元,慰问品50元,共450元。
3、生重大病教师共2人,人均慰问金400元,慰问品50元,共900元。
4、困难退休教师共1人,人均慰问金200元,慰问品50元,共250元。
5、参加慰问人员伙食费补助80元;车辆燃油费补助80元;香烟60元,
共180元。
五项总计:慰问经费总支3280元。
四、慰问要求
慰问组要认真做好记录。"""
ONE_LINE = TWO_LINE.replace(",\n共180元", ",共180元")


def traditional(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(text)


def write(text: str, path: Path) -> Path:
    if path.suffix == ".docx":
        document = docx.Document()
        for line in text.split("\n"):
            document.add_paragraph(line)
        document.save(path)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("form", ["two_line", "one_line"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_exactly_the_two_wrong_figures_the_skip_and_the_placeholders(tmp_path, form, script, suffix):
    text = TWO_LINE if form == "two_line" else ONE_LINE
    if script == "traditional":
        text = traditional(text)
    found = check_document(write(text, tmp_path / f"worked{suffix}"))
    figures = sorted((f.stated, f.computed) for f in found if f.kind == "arithmetic")
    assert figures == [(180, 220), (3280, 3320)]
    (skip,) = [f for f in found if f.kind == "numbering"]
    assert skip.quote.startswith(("四、", "四、")) and "三、" in skip.message
    assert [f.quote for f in found if f.kind == "placeholder"] != [] and len([f for f in found if f.kind == "placeholder"]) == 2
    line5 = next(f for f in found if f.stated == 180)
    assert line5.corrected_total == 3320 and "220" in line5.suggestion
