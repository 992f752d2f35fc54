"""The clerk's drafts folder and the start page, without a server (kit.widgets.catalog, kit.startpage)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from kit.drafts import load_draft
from kit.startpage import page_html
from kit.widgets import catalog
from kit.widgets.catalog import CatalogError


def test_new_draft_is_named_by_the_clerk_and_dated_today(tmp_path):
    path = catalog.new_draft(tmp_path, "我校留守儿童之家方案", "plan", today=dt.date(2026, 3, 9))
    assert path.name == "我校留守儿童之家方案.yaml"
    assert load_draft(path).header.date == dt.date(2026, 3, 9)
    with pytest.raises(CatalogError, match="已经有名为"):
        catalog.new_draft(tmp_path, "我校留守儿童之家方案", "plan")


@pytest.mark.parametrize("bad", ["", "  ", "a/b", ".隐藏", "回收站"])
def test_unusable_names_are_refused_in_chinese(tmp_path, bad):
    with pytest.raises(CatalogError):
        catalog.new_draft(tmp_path, bad, "plan")


def test_copy_rename_delete_and_restore(tmp_path):
    first = catalog.new_draft(tmp_path, "方案甲", "consolation")
    raw = first.read_bytes()
    assert catalog.copy_draft(tmp_path, first.name, "方案乙").read_bytes() == raw
    catalog.remember(tmp_path, "consolation", first.name)
    renamed = catalog.rename_draft(tmp_path, first.name, "方案丙")
    assert catalog.last_opened(tmp_path, "consolation") == renamed  # the app follows the rename
    binned = catalog.delete_draft(tmp_path, renamed.name)
    assert not renamed.exists() and binned.parent.name == "回收站"
    assert [e.stem for e in catalog.list_drafts(tmp_path)] == ["方案乙"]
    assert catalog.last_opened(tmp_path, "consolation") is None
    back = catalog.restore_draft(tmp_path, binned.name)
    assert back.name == "方案丙.yaml" and back.read_bytes() == raw


def test_listing_shows_title_type_and_last_change_newest_first(tmp_path):
    a = catalog.new_draft(tmp_path, "甲", "plan")
    b = catalog.new_draft(tmp_path, "乙", "summary")
    import os

    os.utime(a, (1_700_000_000, 1_700_000_000))
    (tmp_path / "坏的.yaml").write_text("schema_version: 1\n", encoding="utf-8")
    entries = catalog.list_drafts(tmp_path)
    assert [e.stem for e in entries][-1] == "甲" and entries[0].type_label in ("工作总结", "无法识别")
    assert [e.ok for e in entries if e.stem == "坏的"] == [False]
    assert [e.stem for e in catalog.list_drafts(tmp_path, ("summary",))] == ["乙"]


def test_start_page_is_chinese_and_lists_the_jobs_and_drafts(tmp_path):
    catalog.new_draft(tmp_path, "元旦慰问", "consolation")
    catalog.delete_draft(tmp_path, catalog.new_draft(tmp_path, "旧方案", "plan").name)
    page = page_html(tmp_path, xsrf="t0ken")
    for text in ("慰问方案与经费预算", "起草建设方案", "撰写工作总结", "元旦慰问", "回收站（1 份）", "新建"):
        assert text in page
    visible = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", page, flags=re.S)
    visible = re.sub(r"<[^>]+>", " ", visible)
    assert not re.search(r"[A-Za-z]{3,}", visible.replace("GB/T", ""))
    assert "draft=%E5%85%83" in page  # each draft opens in its app by its file name
