"""The DOCX as LibreOffice prints it: text, fonts, 22 lines a page, page numbers,
the colophon at the foot of an unnumbered last page.

Each sample is converted once per session (one soffice run for all, which
also converts COLOPHON_SAMPLES rendered with --red-header --colophon), with
tests/fontconfig/fonts.conf mapping the official font names to Fandol fonts.
Skipped without soffice unless KIT_REQUIRE_OFFICE=1.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from kit import structure
from kit.drafts import load_draft
from kit.render import render_docx

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "sample_data").glob("*.yaml"))
FONTS_CONF = Path(__file__).resolve().parent / "fontconfig" / "fonts.conf"
PAGE_HEIGHT_PT = 841.89
BODY_BOTTOM_PT = PAGE_HEIGHT_PT - 35 / 25.4 * 72  # text block ends 35 mm above the page foot
MM = 72 / 25.4
COLOPHON_SAMPLES = [p for p in SAMPLES if p.stem in ("consolation_budget", "liushou_home_plan")]
# blank pages the office suite inserts (the one before an even-page colophon) are printed, so they are exported too
PDF_EXPORT = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'

pytestmark = pytest.mark.office


def _need(tool: str) -> None:
    if shutil.which(tool) is None:
        if os.environ.get("KIT_REQUIRE_OFFICE") == "1":
            pytest.fail(f"{tool} is required (KIT_REQUIRE_OFFICE=1)")
        pytest.skip(f"{tool} not installed")


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    for tool in ("soffice", "pdftotext", "pdffonts"):
        _need(tool)
    out = tmp_path_factory.mktemp("office")
    docs = []
    for path in SAMPLES:
        target = out / f"{path.stem}.docx"
        render_docx(load_draft(path), target)
        docs.append(str(target))
    for path in COLOPHON_SAMPLES:
        target = out / f"colophon-{path.stem}.docx"
        render_docx(load_draft(path), target, red_header=True, colophon=True)
        docs.append(str(target))
    env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF)}
    profile = (out / "profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", PDF_EXPORT, "--outdir", str(out), *docs],
        env=env, capture_output=True, timeout=180, check=False,
    )
    result = {p.stem: out / f"{p.stem}.pdf" for p in SAMPLES}
    result |= {f"colophon-{p.stem}": out / f"colophon-{p.stem}.pdf" for p in COLOPHON_SAMPLES}
    missing = [name for name, pdf in result.items() if not pdf.is_file()]
    assert not missing, f"LibreOffice made no PDF for {missing}"  # soffice exits 0 even when it fails
    return result


def words(pdf: Path) -> list[tuple[int, float, float, float, str]]:
    """(page, xMin, yMin, xMax, word) from pdftotext -bbox."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    out, page = [], 0
    for line in html.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*)</word>', line)
        if m:
            out.append((page, float(m[1]), float(m[2]), float(m[3]), m[4]))
    return out


def body_lines(pdf: Path) -> dict[int, list[float]]:
    """Tops of the text lines above the page number, per page (words within 10 pt merge)."""
    ys: dict[int, list[float]] = defaultdict(list)
    for page, _, y, _, _ in words(pdf):
        if y < BODY_BOTTOM_PT:
            ys[page].append(y)
    lines: dict[int, list[float]] = {}
    for page, values in ys.items():
        tops: list[float] = []
        for y in sorted(values):
            if not tops or y - tops[-1] > 10:
                tops.append(y)
        lines[page] = tops
    return lines


def grid_pages(lines: dict[int, list[float]]) -> dict[int, list[float]]:
    """Pages on the 28.95 pt grid only (a table's single-spaced rows are not)."""
    return {p: t for p, t in lines.items() if all(b - a > 25 for a, b in zip(t, t[1:]))}


def fragments(pdf: Path) -> list[tuple[int, float, str, str]]:
    """(page, baseline y, text, base font without subset prefix) of every text fragment."""
    found: list[tuple[int, float, str, str]] = []
    for number, page in enumerate(PdfReader(str(pdf)).pages, 1):

        def visit(text, cm, tm, font, size, number=number):
            if text.strip() and font is not None:
                found.append((number, tm[5] * cm[3] + cm[5], text.strip(), str(font.get("/BaseFont", "")).split("+")[-1]))

        page.extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_pdf_has_the_text(pdfs, path):
    pdf = pdfs[path.stem]
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = re.sub(r"\s+", "", text)
    s = structure.build(load_draft(path))
    for h in s.headings():
        assert re.sub(r"\s+", "", h.label + h.text) in flat
    assert re.sub(r"\s+", "", s.signature.date) in flat
    assert "—1—" in flat


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_page_numbers_odd_right_even_left(pdfs, path):
    pdf = pdfs[path.stem]
    foot = [(p, x0, x1, w) for p, x0, y, x1, w in words(pdf) if y > BODY_BOTTOM_PT and w.isdigit()]
    pages = {p for p, *_ in foot}
    assert pages == set(range(1, max(pages) + 1))
    for page, x0, x1, number in foot:
        assert int(number) == page
        if page % 2:
            assert x0 > 595.28 / 2, f"page {page} number should be on the right"
        else:
            assert x1 < 595.28 / 2, f"page {page} number should be on the left"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_no_page_holds_more_than_22_lines_and_full_pages_hold_22(pdfs, path):
    lines = grid_pages(body_lines(pdfs[path.stem]))
    assert lines and max(len(v) for v in lines.values()) <= 22
    if len(lines) >= 3:
        assert max(len(v) for v in lines.values()) == 22


def test_a_full_body_line_has_28_characters(pdfs):
    pdf = pdfs["liushou_home_plan"] if "liushou_home_plan" in pdfs else next(iter(pdfs.values()))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    cjk = [len(re.findall(r"[\u3000-\u9fff\uff00-\uffef]", line)) for line in text.splitlines()]
    assert cjk.count(28) >= 10 and cjk.count(28) > sum(1 for n in cjk if n > 28)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_fonts_body_fang_headings_hei_kai_title_song(pdfs, path):
    s = structure.build(load_draft(path))
    frags = fragments(pdfs[path.stem])
    top = max(y for page, y, _, _ in frags if page == 1)
    title = {f for page, y, _, f in frags if page == 1 and abs(y - top) < 2}
    assert title == {"FandolSong-Regular"}  # the first line of page 1 is the title

    def fonts_starting(prefix: str) -> set[str]:
        return {f for _, _, t, f in frags if t.startswith(prefix)}

    first = s.headings(1)[0]
    assert fonts_starting(first.label + first.text[:2]) == {"FandolHei-Regular"}
    if s.headings(2):
        assert "FandolKai-Regular" in fonts_starting("（一）")
    body = next(b for b in s.blocks if isinstance(b, structure.Paragraph) and not b.lead)
    assert fonts_starting(body.text[:6]) == {"FandolFang-Regular"}
    used = {f for *_, f in frags}
    assert used <= {"FandolSong-Regular", "FandolFang-Regular", "FandolHei-Regular", "FandolKai-Regular"}


@pytest.mark.parametrize("path", COLOPHON_SAMPLES, ids=lambda p: p.stem)
def test_colophon_sits_at_the_foot_of_an_unnumbered_last_page(pdfs, path):
    """GB 7.4: 版记 at the foot of the last page, 印发 on the last line; 7.5: no page number there."""
    found = words(pdfs[f"colophon-{path.stem}"])
    last = max(p for p, *_ in found)
    on_last = [(y, w) for p, _, y, _, w in found if p == last]
    issued = [y for y, w in on_last if "印发" in w]
    assert issued, "no 印发 line on the last page"
    # the 印发 line's top lies within the bottom 40 mm of the text block, its foot inside it
    assert BODY_BOTTOM_PT - 40 * MM < issued[0] < BODY_BOTTOM_PT - 18, issued[0]
    assert max(y for y, _ in on_last) == pytest.approx(issued[0], abs=2), "the 印发 line is the page's last"
    if load_draft(path).header.cc:
        cc = [y for y, w in on_last if w.startswith("抄送")]
        assert cc and issued[0] - 40 < cc[0] < issued[0]
    # no — N — on the last page; every page before it keeps its number, but a blank page before it (GB 7.5)
    assert not [w for y, w in on_last if y > BODY_BOTTOM_PT], "the colophon page has a page number"
    numbered = {p for p, _, y, _, w in found if y > BODY_BOTTOM_PT and w.isdigit()}
    blank = {p for p in range(1, last) if not [w for q, *_, w in found if q == p]}
    assert numbered | blank == set(range(1, last)) and not numbered & blank
    assert blank <= {last - 1}


@pytest.mark.parametrize("path", COLOPHON_SAMPLES, ids=lambda p: p.stem)
def test_colophon_is_on_the_last_even_page(pdfs, path):
    """GB 7.4: the 版记 is on the last page, an even one (封四).

    A body ending on an odd page is followed by the colophon page; one ending
    on an even page by a blank page without a number (GB 7.5), then the colophon.
    """
    pdf = pdfs[f"colophon-{path.stem}"]
    pages = len(PdfReader(str(pdf)).pages)
    assert pages % 2 == 0, f"{pages} pages"
    texts = [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
             for n in range(1, pages + 1)]
    assert "日印发" in texts[-1] and "日印发" not in "".join(texts[:-1])
    body_end = max(n for n, t in enumerate(texts[:-1], 1) if t.strip())
    assert body_end in (pages - 1, pages - 2)
    if body_end == pages - 2:  # the body ended on an even page: the page between is blank, without a number
        assert body_end % 2 == 0 and texts[pages - 2].strip() == ""
    else:
        assert body_end % 2 == 1


def test_one_sample_needs_the_blank_page_and_one_does_not(pdfs):
    """The two colophon samples cover both cases (body ending on an even page, and on an odd one)."""
    ends = set()
    for path in COLOPHON_SAMPLES:
        pdf = pdfs[f"colophon-{path.stem}"]
        pages = len(PdfReader(str(pdf)).pages)
        previous = subprocess.run(["pdftotext", "-f", str(pages - 1), "-l", str(pages - 1), str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        ends.add(previous.strip() == "")
    assert ends == {True, False}


# -- tables: column widths from their content, nothing cut ---------------------------------------


def _table_drafts() -> dict[str, object]:
    """The table samples, and the same with seven-figure amounts and a summary's six columns."""
    from kit.drafts import draft_data, validate_data
    from kit.widgets.picker import summary_data_from_plan

    big = draft_data(load_draft(ROOT / "sample_data" / "liushou_home_plan.yaml"))
    for i, line in enumerate(big["sections"]["budget"]["lines"]):
        for c in line["components"]:
            c["amount"] = c["amount"] * 1000 + i + Decimal("0.89")
        line.pop("stated_subtotal", None)
    big["sections"]["budget"].pop("stated_total", None)
    summary = summary_data_from_plan(big)
    for line in summary["sections"]["spending"]["lines"]:
        line["components"] = [{"name": "支出", "amount": line["budget"] - 1234}]
    return {
        "table-plan": load_draft(ROOT / "sample_data" / "liushou_home_plan.yaml"),
        "table-summary": load_draft(ROOT / "sample_data" / "liushou_summary.yaml"),
        "table-big-plan": validate_data(big),
        "table-big-summary": validate_data(summary),
    }


@pytest.fixture(scope="session")
def table_pdfs(tmp_path_factory) -> dict[str, tuple[object, Path]]:
    for tool in ("soffice", "pdftotext", "pdftoppm"):
        _need(tool)
    out = tmp_path_factory.mktemp("tables")
    drafts = _table_drafts()
    for name, draft in drafts.items():
        render_docx(draft, out / f"{name}.docx")
    env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF)}
    subprocess.run(["soffice", f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless", "--convert-to", PDF_EXPORT,
                    "--outdir", str(out), *(str(out / f"{n}.docx") for n in drafts)], env=env, capture_output=True, timeout=180, check=False)
    missing = [n for n in drafts if not (out / f"{n}.pdf").is_file()]
    assert not missing, f"LibreOffice made no PDF for {missing}"
    return {n: (drafts[n], out / f"{n}.pdf") for n in drafts}


TEXT_LEFT_PT = 1587 / 20  # the template's left margin: LibreOffice puts the table's edge there


def _table_pages(pdf: Path) -> list[int]:
    pages = len(PdfReader(str(pdf)).pages)
    return [n for n in range(1, pages + 1)
            if "序号" in subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True, text=True, check=True).stdout]


@pytest.mark.parametrize("name", ["table-plan", "table-summary", "table-big-plan", "table-big-summary"])
def test_table_cells_are_never_cut(table_pdfs, name):
    """Each column, cropped from the printed page, holds every cell's text whole; figures stay on one line."""
    from kit.render.docx import column_widths

    draft, pdf = table_pdfs[name]
    [table] = [b for b in structure.build(draft).blocks if isinstance(b, structure.Table)]
    edges = [TEXT_LEFT_PT]
    for w in column_widths(table):
        edges.append(edges[-1] + w.pt)
    pages = _table_pages(pdf)
    assert pages
    cells = [table.columns, *table.rows, table.total]
    for c in range(len(table.columns)):
        column = "".join(
            subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), "-x", str(int(edges[c]) + 1), "-y", "0",
                            "-W", str(int(edges[c + 1] - edges[c]) - 1), "-H", "842", str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout for p in pages)
        flat = re.sub(r"\s+", "", column)
        for row in cells:
            assert re.sub(r"\s+", "", row[c]) in flat, (name, table.columns[c], row[c], column)
    # every figure is printed whole on one line, inside its column; a header breaks only before （
    found = [(x0, x1, w) for p, x0, _, x1, w in words(pdf) if p in pages]
    for c in range(len(table.columns)):
        inside = [w for x0, x1, w in found if edges[c] - 1 < x0 and x1 < edges[c + 1] + 1]
        for text in [r[c] for r in cells[1:] if re.fullmatch(r"[\d.,—-]+", r[c] or "")]:
            assert text in inside, (name, text, "not whole on one line inside its column")
        header = table.columns[c]
        assert header in inside or all(piece in inside for piece in re.split(r"(?=（)", header)), (name, header)


def test_a_table_page_as_printed(table_pdfs, tmp_path):
    """The seven-figure summary table as LibreOffice prints it (PNG kept in test-artifacts/ for a look)."""
    _draft, pdf = table_pdfs["table-big-summary"]
    page = _table_pages(pdf)[0]
    target = ROOT / "test-artifacts" / "office"
    target.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-f", str(page), "-l", str(page), "-r", "80", "-png", "-singlefile", str(pdf), str(target / "table-big-summary")], check=True)
    assert (target / "table-big-summary.png").stat().st_size > 10_000
