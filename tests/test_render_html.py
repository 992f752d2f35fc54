"""HTML preview: the same structure as the DOCX, escaped, on an A4-like page."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from kit import structure
from kit.drafts import load_draft, validate_data
from kit.render import render_html

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "sample_data").glob("*.yaml"))


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.parts.append(data)


def text_of(html: str) -> tuple[str, list[str]]:
    parser = _Text()
    parser.feed(html)
    return "".join(parser.parts), parser.tags


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_preview_has_the_structure_text(path):
    draft = load_draft(path)
    html = render_html(draft, red_header=True, colophon=True)
    assert html.startswith("<!DOCTYPE html>")
    text, _ = text_of(html)
    s = structure.build(draft, red_header=True, colophon=True)
    for h in s.headings():
        assert h.label + h.text in text
    assert s.signature.date in text and "— 1 —" in text
    assert "width: 210mm" in html and "仿宋_GB2312" in html and "方正小标宋简体" in html


def test_fragment_for_a_widget_carries_its_style():
    draft = load_draft(SAMPLES[0])
    frag = render_html(draft, standalone=False)
    assert frag.startswith("<style>") and "<html" not in frag and 'class="kit-doc"' in frag


def test_everything_is_escaped():
    data = {
        "schema_version": 1,
        "type": "plan",
        "header": {"title": "A&B<script>alert(1)</script>", "issuer": "张&李<王>", "date": "2024-03-05"},
        "sections": {"a": {"kind": "prose", "title": "<b>要求</b>", "paragraphs": ["𠮷🎉 & <i>"]}},
    }
    html = render_html(validate_data(data))
    assert "<script>" not in html and "<b>要求" not in html and "<i>" not in html
    text, tags = text_of(html)
    assert "A&B<script>alert(1)</script>" in text and "𠮷🎉 & <i>" in text and "张&李<王>" in text
    assert "script" not in tags
