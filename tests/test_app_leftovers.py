"""Two leftovers of issue 13 in the app: the 大写 placeholder never becomes the author's 大写,
and the DOCX file names of the app lose bidirectional controls."""

from __future__ import annotations

from decimal import Decimal

import pytest

pytest.importorskip("ipywidgets")

from kit import model as m  # noqa: E402
from kit.ledger import OVER_LIMIT_UPPER, compute  # noqa: E402
from kit.outputs import BIDI_CONTROLS  # noqa: E402
from kit.widgets.app import docx_name  # noqa: E402
from kit.widgets.ledger_form import corrected_data  # noqa: E402


def ledger(*amounts: str) -> dict:
    return {
        "kind": "ledger",
        "title": "经费预算",
        "lines": [{"name": f"项目{i + 1}", "kind": "fixed", "components": [{"name": "金额", "amount": Decimal(a)}]} for i, a in enumerate(amounts)],
        "stated_total_upper": "玖佰元整",
    }


def result_of(section: dict):
    return compute(m.LedgerSection.model_validate(section))


def test_a_total_beyond_the_upper_limit_drops_the_written_upper_instead_of_saving_the_placeholder():
    section = ledger("600000000000", "600000000000")  # each line valid, the total beyond 999,999,999,999.99
    result = result_of(section)
    assert result.over_limit and result.total_upper == OVER_LIMIT_UPPER
    data = corrected_data(section, result)
    assert "stated_total_upper" not in data
    assert OVER_LIMIT_UPPER not in repr(data)
    assert data["stated_total"] == Decimal("1200000000000")


def test_a_total_within_the_limit_gets_its_computed_upper():
    section = ledger("300", "600")
    data = corrected_data(section, result_of(section))
    assert data["stated_total_upper"] == "玖佰元整"
    assert data["stated_total"] == Decimal("900")
    assert [line["stated_subtotal"] for line in data["lines"]] == [Decimal("300"), Decimal("600")]


def test_the_app_docx_name_drops_bidi_controls_that_spoof_the_suffix():
    spoof = "慰问方案\u202excod.exe"  # shown as 慰问方案exe.docx by a bidi-aware file manager
    name = docx_name(spoof)
    assert name == "慰问方案xcod.exe.docx"  # the characters in their real order, the real suffix last
    assert not any(c in name for c in BIDI_CONTROLS)


@pytest.mark.parametrize("control", list(BIDI_CONTROLS) + ["\u200b", "\ufeff", "\x00", "/", "\\"])
def test_the_app_docx_name_never_keeps_a_control_or_a_separator(control):
    name = docx_name(f"东湖{control}小学{control}方案")
    assert name == "东湖小学方案.docx"


def test_a_title_of_only_controls_still_names_a_file():
    assert docx_name("\u202e\u2066 ") == "文档.docx"
