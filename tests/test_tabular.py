"""kit.tabular: the ledger as a DataFrame and an .xlsx sheet, Decimal throughout."""

from decimal import Decimal

import pandas as pd
import pytest

from kit.drafts import load_draft
from kit.model import LedgerSection
from kit.tabular import COLUMNS, ledger_frame, lines_from_frame, parse_components, read_xlsx, write_xlsx

from bad_drafts import SAMPLES

D = Decimal
WORKED = load_draft(SAMPLES / "consolation_budget.yaml").sections["budget"]


def test_frame_has_one_row_per_line_and_the_computed_columns():
    frame = ledger_frame(WORKED)
    assert list(frame.columns) == COLUMNS
    assert list(frame["项目"]) == ["退休教师", "困难职工", "生重大病教师", "困难退休教师", "参加慰问人员"]
    assert list(frame["计算小计"]) == [D("1500"), D("450"), D("900"), D("250"), D("220")]
    assert list(frame["所写小计"]) == [D("1500"), D("450"), D("900"), D("250"), D("180")]
    assert list(frame["差额"]) == [D("0"), D("0"), D("0"), D("0"), D("-40")]
    assert frame.loc[1, "每人合计"] == D("150")
    assert frame.loc[4, "每人合计"] is None
    assert frame.loc[1, "组成"] == "慰问金100+慰问品50"


def test_frame_money_columns_hold_decimals_never_floats():
    frame = ledger_frame(WORKED)
    for column in ("每人合计", "计算小计", "所写小计", "差额"):
        assert frame[column].dtype == object
        assert all(v is None or isinstance(v, Decimal) for v in frame[column])


def test_frame_back_to_lines_gives_the_same_lines():
    assert lines_from_frame(ledger_frame(WORKED)) == list(WORKED.lines)


@pytest.mark.parametrize(
    ("sample", "key"),
    [("consolation_budget.yaml", "budget"), ("liushou_home_plan.yaml", "budget"), ("liushou_summary.yaml", "spending")],
)
def test_xlsx_write_then_read_gives_the_same_lines(tmp_path, sample, key):
    section = load_draft(SAMPLES / sample).sections[key]
    path = tmp_path / "ledger.xlsx"
    write_xlsx(section, path)
    lines = read_xlsx(path)
    assert lines == list(section.lines)
    assert [line.stated_subtotal for line in lines] == [line.stated_subtotal for line in section.lines]
    assert all(isinstance(c.amount, Decimal) for line in lines for c in line.components)


def test_xlsx_keeps_the_wrong_stated_subtotal_and_shows_the_total_and_uppercase(tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "worked.xlsx"
    write_xlsx(WORKED, path)
    assert read_xlsx(path)[4].stated_subtotal == D("180")
    rows = [[c.value for c in row] for row in load_workbook(path).active.iter_rows()]
    assert rows[0] == COLUMNS
    total_row, upper_row = rows[-2], rows[-1]
    assert total_row[1] == "五项总计"
    assert D(str(total_row[6])) == D("3320") and D(str(total_row[7])) == D("3280")
    assert upper_row[4] == "叁仟叁佰贰拾元整"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["worked.xlsx"]


def test_fen_amounts_survive_the_spreadsheet(tmp_path):
    section = LedgerSection.model_validate(
        {
            "title": "预算",
            "lines": [
                {"name": "文具", "kind": "per_head", "count": 3, "components": [{"name": "笔", "amount": "0.10"}, {"name": "本", "amount": "2.35"}], "stated_subtotal": "7.35"},
                {"name": "邮费", "kind": "fixed", "components": [{"name": "邮票", "amount": "1.20"}], "category": "办公"},
            ],
        }
    )
    path = tmp_path / "fen.xlsx"
    write_xlsx(section, path)
    assert read_xlsx(path) == list(section.lines)


def test_a_sheet_typed_by_hand_reads_as_ledger_lines():
    frame = pd.DataFrame(
        [
            {"项目": "退休教师", "类型": "按人", "人数": 15.0, "组成": "慰问品 100元", "所写小计": 1500.0},
            {"项目": "参加慰问人员", "类型": "固定", "人数": None, "组成": "餐费80＋油费80+香烟60", "所写小计": None},
        ]
    )
    retired, visitors = lines_from_frame(frame)
    assert retired.count == 15 and retired.components[0].amount == D("100") and retired.stated_subtotal == D("1500")
    assert visitors.kind == "fixed" and [c.name for c in visitors.components] == ["餐费", "油费", "香烟"]
    assert visitors.stated_subtotal is None


@pytest.mark.parametrize("text", ["慰问金", "100", "慰问金一百"])
def test_components_without_name_or_amount_are_refused(text):
    with pytest.raises(ValueError, match="名称金额"):
        parse_components(text)
