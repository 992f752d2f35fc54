"""Relations, tables: row products and column totals: right texts stay silent, one changed figure gives one finding.

Every sentence is written for these tests, in shapes found on real school and union pages.
"""

from __future__ import annotations

from relation_helpers import figures


class TestTables:
    HEADER = "序号\t项目\t数量\t单价（元）\t金额（元）"

    def test_row_products_and_column_totals(self):
        rows = [self.HEADER, "1\t奖品\t20\t15\t300", "2\t证书\t40\t5\t200", "合计\t\t60\t\t500"]
        assert figures("\n".join(rows)) == []
        wrong = [self.HEADER, "1\t奖品\t20\t15\t320", "2\t证书\t40\t5\t200", "合计\t\t60\t\t520"]
        (row, total) = figures("\n".join(wrong))
        assert (row.stated, row.computed) == (320, 300) and (total.stated, total.computed) == (520, 500)

    def test_markdown_tables_and_unit_price_columns_are_not_summed(self):
        text = "| 项目 | 人数 | 标准（元/人） | 金额 |\n|---|---|---|---|\n| 午餐 | 40 | 45 | 1800 |\n| 晚餐 | 40 | 50 | 2000 |\n| 合计 | 80 | 95 | 3800 |"
        assert figures(text) == []
