"""Two windows on one draft (each browser tab has its own kernel and session): nothing is lost.

Different fields: both edits are in the file. The same field: the second is told,
in Chinese, and the file keeps the first. A folder that cannot be written, or a
draft removed meanwhile: a Chinese message, the file as it was.
"""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest

pytest.importorskip("ipywidgets")

import kit.widgets as kw  # noqa: E402
from kit.drafts import load_draft  # noqa: E402
from kit.widgets.merge import MISSING, Clash, merge  # noqa: E402
from kit.widgets.session import DraftSession, parse_path  # noqa: E402

SAMPLE = kw.sample_path("consolation_budget.yaml")
TITLE, PURPOSE = parse_path("header.title"), parse_path("sections.purpose.paragraphs[0]")
COUNT0 = parse_path("sections.budget.lines[0].count")


@pytest.fixture()
def draft(tmp_path) -> Path:
    folder = tmp_path / "drafts"
    folder.mkdir()
    path = folder / "元旦慰问.yaml"
    shutil.copyfile(SAMPLE, path)
    return path


# -- the merge itself ----------------------------------------------------------------------


def test_changes_on_different_keys_are_both_kept():
    base = {"a": 1, "b": {"c": 2, "d": 3}}
    assert merge(base, {"a": 9, "b": {"c": 2, "d": 3}}, {"a": 1, "b": {"c": 2, "d": 7}}) == {"a": 9, "b": {"c": 2, "d": 7}}


def test_the_same_value_changed_twice_is_a_clash_naming_its_path():
    with pytest.raises(Clash) as clash:
        merge({"x": [{"n": 1}]}, {"x": [{"n": 2}]}, {"x": [{"n": 3}]})
    assert clash.value.path == ("x", 0, "n")


def test_the_same_change_on_both_sides_is_no_clash():
    assert merge({"a": 1}, {"a": 2}, {"a": 2}) == {"a": 2}


def test_rows_appended_on_both_sides_are_all_kept_and_edits_of_old_rows_too():
    base = {"rows": [{"n": 1}]}
    ours = {"rows": [{"n": 5}, {"n": 2}]}
    theirs = {"rows": [{"n": 1}, {"n": 3}]}
    assert merge(base, ours, theirs) == {"rows": [{"n": 5}, {"n": 3}, {"n": 2}]}


def test_a_row_removed_while_the_list_changed_elsewhere_is_a_clash():
    with pytest.raises(Clash):
        merge({"rows": [1, 2]}, {"rows": [1]}, {"rows": [1, 2, 3]})


def test_a_key_removed_on_one_side_stays_removed():
    assert merge({"a": 1, "b": 2}, {"a": 1}, {"a": 3, "b": 2}) == {"a": 3}
    assert merge({"a": 1}, {"a": 1, "new": 1}, {"a": 1}) == {"a": 1, "new": 1}
    assert merge(MISSING, MISSING, {"x": 1}) == {"x": 1}


def test_key_order_follows_the_side_that_reordered():
    base = {"a": 1, "b": 2, "c": 3}
    ours = {"c": 3, "a": 1, "b": 2}
    assert list(merge(base, ours, {"a": 1, "b": 5, "c": 3})) == ["c", "a", "b"]


# -- two sessions on one file ------------------------------------------------------------------


def test_two_windows_editing_different_fields_both_keep_their_edit(draft):
    first, second = DraftSession(draft), DraftSession(draft)
    assert first.edit(TITLE, "东湖小学元旦慰问方案") == []
    assert second.edit(PURPOSE, "让每一位退休教师感受到学校的关怀。") == []  # it never saw the new title
    saved = load_draft(draft)
    assert saved.header.title == "东湖小学元旦慰问方案"
    assert saved.sections["purpose"].paragraphs[0] == "让每一位退休教师感受到学校的关怀。"
    assert "另一个窗口" in second.take_elsewhere() and second.take_elsewhere() == ""
    assert first.edit(COUNT0, 16) == []  # and back the other way
    saved = load_draft(draft)
    assert saved.sections["budget"].lines[0].count == 16 and saved.header.title == "东湖小学元旦慰问方案"
    assert saved.sections["purpose"].paragraphs[0] == "让每一位退休教师感受到学校的关怀。"


def test_the_second_window_editing_the_same_field_is_told_and_the_first_edit_stays(draft):
    first, second = DraftSession(draft), DraftSession(draft)
    assert first.edit(TITLE, "甲写的标题") == []
    before = draft.read_bytes()
    problems = second.edit(TITLE, "乙写的标题")
    assert len(problems) == 1 and problems[0].path == "header.title"
    assert "另一个窗口" in problems[0].message and "甲写的标题" in problems[0].message
    assert draft.read_bytes() == before
    assert second.get(TITLE) == "甲写的标题"  # the session took the file up
    assert second.edit(TITLE, "乙写的标题") == []  # changing it again is deliberate: saved
    assert load_draft(draft).header.title == "乙写的标题"


def test_lines_added_in_two_windows_are_both_kept(draft):
    first, second = DraftSession(draft), DraftSession(draft)
    lines = parse_path("sections.budget.lines")
    n = len(first.get(lines))
    item = {"name": "甲的新项目", "kind": "fixed", "components": [{"name": "金额", "amount": 10}]}
    assert first.list_op(lines, "add", item=item) == []
    assert second.list_op(lines, "add", item={**item, "name": "乙的新项目"}) == []
    names = [line.name for line in load_draft(draft).sections["budget"].lines]
    assert len(names) == n + 2 and names[-2:] == ["甲的新项目", "乙的新项目"]


def test_undo_never_wipes_another_windows_edit(draft):
    first, second = DraftSession(draft), DraftSession(draft)
    snapshot = first.snapshot()
    assert first.remove_section("time") == []
    assert second.edit(TITLE, "乙改的标题") == []
    problems = first.restore(snapshot)
    assert problems and "另一个窗口" in problems[0].message
    assert load_draft(draft).header.title == "乙改的标题"


def test_a_draft_removed_meanwhile_is_said_in_chinese_and_not_recreated(draft):
    session = DraftSession(draft)
    draft.rename(draft.with_name("改了名.yaml"))
    problems = session.edit(TITLE, "新标题")
    assert problems and "已不在草稿文件夹里" in problems[0].message
    assert not draft.exists()


def test_an_unwritable_folder_refuses_the_edit_in_chinese_and_leaves_the_file(draft, monkeypatch):
    session = DraftSession(draft)
    before = draft.read_bytes()

    def refuse(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(draft))

    monkeypatch.setattr("kit.drafts.atomic_write", refuse)
    problems = session.edit(TITLE, "新标题")
    assert problems and "不能写入" in problems[0].message and "没有权限" in problems[0].message
    assert "Permission" not in problems[0].message
    assert draft.read_bytes() == before
    assert session.get(TITLE) != "新标题"


def test_a_read_only_folder_cannot_even_be_locked_and_still_says_so(draft, monkeypatch):
    session = DraftSession(draft)

    def read_only(*_args, **_kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr("kit.widgets.session.os.open", read_only)
    problems = session.edit(TITLE, "新标题")
    assert problems and "只读" in problems[0].message


# -- two apps: the second shows what the first did -------------------------------------------


def test_the_app_shows_the_merged_draft_and_says_so(draft, tmp_path):
    first = kw.DraftApp(draft, output=tmp_path / "out")
    second = kw.DraftApp(draft, output=tmp_path / "out")
    first.field("header.title").input.value = "甲写的标题"
    first.field("header.title").flush()
    count = second.field("sections.budget.lines[0].count")
    count.input.value = "16"
    assert load_draft(draft).header.title == "甲写的标题"
    assert load_draft(draft).sections["budget"].lines[0].count == 16
    assert second.field("header.title").input.value == "甲写的标题"  # reloaded on screen
    assert "另一个窗口" in second.notice.children[0].value


def test_the_app_keeps_a_clashing_input_on_screen_marked_unsaved(draft, tmp_path):
    first = kw.DraftApp(draft, output=tmp_path / "out")
    second = kw.DraftApp(draft, output=tmp_path / "out")
    first.field("sections.budget.lines[0].count").input.value = "16"
    count = second.field("sections.budget.lines[0].count")
    count.input.value = "17"
    assert load_draft(draft).sections["budget"].lines[0].count == 16
    assert count.input.value == "17" and count.invalid and "另一个窗口" in count.message
    assert "未保存" in second.status.value
    count.input.value = "18"  # changed again: the clerk's value wins, deliberately
    assert load_draft(draft).sections["budget"].lines[0].count == 18 and not count.invalid


# -- a drafts folder that cannot be written, in the app ------------------------------------------


def test_a_job_app_on_a_folder_that_cannot_be_made_says_so_in_chinese(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_bytes(b"x")
    job = kw.JobApp("consolation", workdir=blocker / "drafts", output=tmp_path / "out")  # no exception, no cell error
    assert job.app is None
    assert "草稿文件夹" in job.message.value and "不能写入" in job.message.value and "KIT_DRAFTS_DIR" in job.message.value
    assert blocker.read_bytes() == b"x"


def test_a_job_app_whose_folder_turned_read_only_opens_the_draft_and_says_edits_cannot_be_saved(draft, tmp_path, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("kit.widgets.session.os.open", refuse)  # the folder lock: the first write of every save
    monkeypatch.setattr("kit.widgets.catalog.atomic_write", refuse)
    monkeypatch.setattr("kit.widgets.jobs.folder_problem", lambda folder: f"草稿文件夹「{folder}」不能写入（没有权限）")
    job = kw.JobApp("consolation", workdir=draft.parent, output=tmp_path / "out", draft=draft)
    assert job.app is not None and "不能写入" in job.message.value
    before = draft.read_bytes()
    title = job.app.field("header.title")
    title.input.value = "新标题"
    title.flush()
    assert title.invalid and "不能写入" in title.message and "没有权限" in title.message
    assert "未保存" in job.app.status.value
    assert draft.read_bytes() == before


def test_the_start_page_says_in_chinese_when_the_folder_refuses_a_new_draft(monkeypatch, tmp_path):
    pytest.importorskip("tornado")
    from kit import startpage

    def refuse(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    routes = dict(startpage.handlers("/", lambda: tmp_path))
    monkeypatch.setattr(startpage, "new_draft", refuse)
    handler = routes["/kit/new"].__new__(routes["/kit/new"])
    seen = {}
    handler.get_argument = lambda name, default="": {"name": "新方案", "type": "plan"}.get(name, default)
    handler.redirect = lambda url: seen.setdefault("url", url)
    routes["/kit/new"].post.__wrapped__(handler)
    from urllib.parse import parse_qs, urlparse

    error = parse_qs(urlparse(seen["url"]).query)["error"][0]
    assert "草稿文件夹" in error and "没有权限" in error
