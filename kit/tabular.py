"""The ledger as a table: to and from a pandas DataFrame and an .xlsx file.

One row per line. Components are written as ``慰问金100+慰问品50`` in one
cell so the sheet reads like the document; amounts stay Decimal in the
DataFrame (object columns), never float.
"""

from __future__ import annotations

import os
import re
from decimal import Decimal
from typing import Any

import pandas as pd

from .outputs import atomic_write
from .ledger import compute
from .model import Component, LedgerLine, LedgerSection
from .money import money

COLUMNS = ["序号", "项目", "类型", "人数", "组成", "每人合计", "计算小计", "所写小计", "差额", "类别", "备注"]
KIND_LABEL = {"per_head": "按人", "fixed": "固定"}
_PART = re.compile(r"^(?P<name>.*?)\s*(?P<amount>\d[\d,]*(?:\.\d+)?)\s*元?$")


def components_text(line: LedgerLine) -> str:
    return "+".join(f"{c.name}{c.amount}" for c in line.components)


def parse_components(text: str) -> list[Component]:
    """``慰问金100+慰问品50`` → components (a name must not end in digits)."""
    parts = []
    for chunk in re.split(r"[+＋]", str(text)):
        match = _PART.match(chunk.strip())
        if not match or not match["name"].strip():
            raise ValueError(f"组成「{chunk.strip()}」应写成“名称金额”，如 慰问金100")
        parts.append(Component(name=match["name"].strip(), amount=match["amount"]))
    return parts


def ledger_frame(section: LedgerSection) -> pd.DataFrame:
    """The ledger with its computed columns (每人合计, 计算小计, 差额)."""
    result = compute(section)
    rows = []
    for r in result.lines:
        rows.append(
            {
                "序号": r.index + 1,
                "项目": r.line.name,
                "类型": KIND_LABEL[r.line.kind],
                "人数": r.line.count,
                "组成": components_text(r.line),
                "每人合计": r.per_head,
                "计算小计": r.subtotal,
                "所写小计": r.stated,
                "差额": r.difference,
                "类别": r.line.category,
                "备注": r.line.note,
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS, dtype=object)


def _cell(value: Any) -> Any:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return None
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _amount(value: Any) -> Decimal | None:
    value = _cell(value)
    if value is None:
        return None
    if isinstance(value, float):
        # Spreadsheets store numbers as binary floats; the shortest repr of a
        # value typed to the fen is that decimal, which the model re-checks.
        value = repr(value)
    return money(value)


def lines_from_frame(frame: pd.DataFrame) -> list[LedgerLine]:
    """Ledger lines from a frame with at least 项目, 类型, 人数, 组成 (所写小计, 类别, 备注 optional)."""
    lines = []
    for _, row in frame.iterrows():
        kind = "fixed" if str(_cell(row.get("类型")) or "按人").strip() in ("固定", "fixed") else "per_head"
        count = _cell(row.get("人数"))
        if isinstance(count, float) and count.is_integer():
            count = int(count)
        lines.append(
            LedgerLine(
                name=row["项目"],
                kind=kind,
                count=count if kind == "per_head" else None,
                components=parse_components(row["组成"]),
                stated_subtotal=_amount(row.get("所写小计")),
                category=_cell(row.get("类别")),
                note=_cell(row.get("备注")),
            )
        )
    return lines


def xlsx_bytes(section: LedgerSection) -> bytes:
    """The ledger, its total and 大写 as an .xlsx file's bytes.

    Text is written as text: a cell typed ``=HYPERLINK(…)`` in a draft stays
    those characters in the sheet, never a live formula.
    """
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font

    frame = ledger_frame(section)
    result = compute(section)
    book = Workbook()
    sheet = book.active
    sheet.title = "经费预算"
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in frame.itertuples(index=False):
        sheet.append([_cell(v) for v in row])
    sheet.append([None, section.total_label, None, None, None, None, result.total, section.stated_total, None if section.stated_total is None else section.stated_total - result.total])
    sheet.append([None, "大写", None, None, result.total_upper])
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl would store text starting with = as a formula
    for row in sheet.iter_rows(min_row=2):
        for cell in row[5:9]:
            cell.number_format = "0.00"
    for column, width in zip("ABCDEFGHIJK", (6, 18, 6, 6, 30, 10, 10, 10, 8, 8, 24)):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_xlsx(section: LedgerSection, path: str | os.PathLike) -> None:
    """Write the ledger, its total and 大写 to *path* (atomically)."""
    atomic_write(path, xlsx_bytes(section))


def read_xlsx(path: str | os.PathLike) -> list[LedgerLine]:
    """Ledger lines from a sheet written by :func:`write_xlsx` (total rows skipped)."""
    frame = pd.read_excel(path, dtype=object)
    frame = frame[frame["类型"].notna()]
    return lines_from_frame(frame)
