"""The thresholds and scoring tables as LibreOffice prints them (GB/T 9704 checks of
tests/test_render_office.py on the notice and 职工之家 packs): inside the text block,
headers on one line, page numbers, 22 grid lines at most, Fandol fonts only."""

from __future__ import annotations

import os
import subprocess

import pytest

from kit import structure
from kit.drafts import load_draft
from kit.render import render_docx
from kit.resources import resources
from test_render_office import BODY_BOTTOM_PT, FONTS_CONF, MM, _need, body_lines, fragments, grid_pages, words

PACKS = ("hardship_notice", "union_home")

pytestmark = pytest.mark.office


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    for tool in ("soffice", "pdftotext"):
        _need(tool)
    out = tmp_path_factory.mktemp("office-kinds")
    docs = []
    for name in PACKS:
        render_docx(load_draft(resources().packs / name / "draft.yaml"), out / f"{name}.docx")
        docs.append(str(out / f"{name}.docx"))
    env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF)}
    subprocess.run(["soffice", f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless", "--convert-to", "pdf", "--outdir", str(out), *docs],
                   env=env, capture_output=True, timeout=180, check=False)
    result = {name: out / f"{name}.pdf" for name in PACKS}
    assert all(p.is_file() for p in result.values()), "LibreOffice made no PDF"
    return result


@pytest.mark.parametrize("name", PACKS)
def test_tables_stay_in_the_text_block_and_short_headers_do_not_wrap(pdfs, name):
    found = words(pdfs[name])
    left, right = 28 * MM, (210 - 26) * MM
    draft = load_draft(resources().packs / name / "draft.yaml")
    s = structure.build(draft)
    cells = {c for b in [*s.blocks, *(b for page in s.attachments for b in page.blocks)] if isinstance(b, structure.Table)
             for row in (b.columns, *b.rows) for c in row}
    in_table = [(x0, x1, w) for _, x0, y, x1, w in found if y < BODY_BOTTOM_PT and w in cells]
    assert len(in_table) > 10
    assert all(left - 1 <= x0 and x1 <= right + 1 for x0, x1, _ in in_table)
    texts = [w for *_, w in in_table]
    for header in ("序号", "档次" if name == "hardship_notice" else "分值"):  # headers break only before （ (kit.render.docx)
        assert header in texts, f"header {header} is broken over lines"


def test_the_notice_prints_the_derived_figures(pdfs):
    texts = [w for *_, w in words(pdfs["hardship_notice"])]
    assert {"1170", "1560", "2340"} <= set(texts)


def test_the_scoring_sheet_is_on_the_attachment_page_with_its_total(pdfs):
    found = words(pdfs["union_home"])
    label_page = next(p for p, _, _, _, w in found if w == "附件")
    on_page = [w for p, *_, w in found if p == label_page]
    assert "合计" in on_page and "100" in on_page and "组织建设" in on_page


@pytest.mark.parametrize("name", PACKS)
def test_page_numbers_grid_lines_and_fonts(pdfs, name):
    found = words(pdfs[name])
    numbers = {p: w for p, _, y, _, w in found if y > BODY_BOTTOM_PT and w.isdigit()}
    assert numbers == {p: str(p) for p in range(1, max(numbers) + 1)}
    lines = grid_pages(body_lines(pdfs[name]))
    assert max(len(v) for v in lines.values()) <= 22
    fonts = {f for *_, f in fragments(pdfs[name])}
    assert fonts <= {"FandolSong-Regular", "FandolFang-Regular", "FandolHei-Regular", "FandolKai-Regular"}
