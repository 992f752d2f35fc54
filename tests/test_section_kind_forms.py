"""The thresholds and scoring forms in the app: edits saved, figures recomputed, findings shown."""

from __future__ import annotations

import pytest

pytest.importorskip("ipywidgets")

import kit.widgets as kw  # noqa: E402
from kit.drafts import load_draft  # noqa: E402
from kit.resources import resources  # noqa: E402
from kit.widgets.forms import starting_section  # noqa: E402


def open_pack(name, tmp_path, focus):
    return kw.DraftApp.open(resources().packs / name / "draft.yaml", workdir=tmp_path / "drafts", output=tmp_path / "out", focus=focus)


def set_text(app, path, value):
    field = app.field(path)
    field.input.value = value
    return field


def test_changing_the_base_recomputes_every_threshold_and_flags_stated_ones(tmp_path):
    app = open_pack("hardship_notice", tmp_path, "thresholds")
    form = app.form("thresholds")
    assert "1560元" in form.computed.value and "kit-error" not in form.computed.value
    assert "kit-thresholds-line-percent-1" in app.field("sections.thresholds.lines[1].percent").input._dom_classes
    set_text(app, "sections.thresholds.base", "800")
    assert load_draft(app.session.path).sections["thresholds"].base == 800
    assert all(f"{v}元" in form.computed.value for v in ("1200", "1600", "2400"))
    assert form.computed.value.count("kit-error") == 3  # the three stated figures are now wrong


def test_a_scoring_item_at_30_points_shows_the_sum_and_one_finding(tmp_path):
    app = open_pack("union_home", tmp_path, "scoring")
    form = app.form("scoring")
    assert "20+25+20+20+15 = 100 分" in form.computed.value
    set_text(app, "sections.scoring.items[2].points", "30")
    assert "20+25+30+20+15 = 110 分" in form.computed.value and form.computed.value.count("kit-error") == 1
    assert "kit-scoring-item0-sub-name-0" in app.field("sections.scoring.items[0].sub[0].name").input._dom_classes
    set_text(app, "sections.scoring.items[0].sub[0].name", "组织机构健全")
    assert load_draft(app.session.path).sections["scoring"].items[0].sub[0].name == "组织机构健全"


@pytest.mark.parametrize("kind", ["thresholds", "scoring"])
def test_a_new_section_of_each_kind_starts_valid(kind):
    from kit.sections import get_kind

    data = starting_section(kind, "新的一节")
    assert get_kind(kind).model.model_validate(data).title == "新的一节"
