"""kit fix: sure corrections as tracked changes in the clerk's own DOCX, comments for the rest; rules; PDF input."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from kit.cli import main
from kit.docx_revisions import paragraph_chars
from kit.docx_xml import qn
from kit.proof import check_document, check_text
from kit.proof.fix import Plan, fix_text
from kit.proof.source import lines_of_text
from kit.rules import RULES

LINES = [
    "关于做好元旦慰问工作的方案",
    "一、慰问时间：20xx年12月30日",
    "二、慰问对象及费用预算",
    "1.退休教师共15人，人均慰问品100元，共1500元。",
    "2.困难员工共3人，人均慰问金100元，慰问品50元，共450元。",
    "3.生重大病教师共2人，人均慰问金400元，慰问品50元，共900元。",
    "4.困难退休教师共1人，人均慰问金200元，慰问品50元，共250元。",
    "5.参加慰问人员伙食费补助80元；车辆燃油费补助80元；香烟60元,共180元。",
    "五项总计：慰问经费总支3280元（大写：叁仟贰佰捌拾元整）。",
    "四、慰问要求",
    "慰问组要认真做好记录,把组织的温馨(xīn)送到每一位老师家中。",
]
EXPECTED = {  # (deleted, inserted) for every tracked change
    (",", "，"), ("180", "220"), ("3280", "3320"), ("叁仟贰佰捌拾元整", "叁仟叁佰贰拾元整"), ("四", "三"), (",", "，"), ("(xīn)", ""),
}


def make_docx(path: Path) -> Path:
    document = docx.Document()
    for i, text in enumerate(LINES):
        p = document.add_paragraph(style="List Bullet" if i == 3 else None)
        if i == 7:  # three runs, two formats: the split must keep them
            head, tail = text.split("香烟")
            p.add_run(head).bold = True
            r = p.add_run("香烟" + tail)
            r.font.size = Pt(14)
        else:
            p.add_run(text)
    document.save(path)
    return path


def revisions(path: Path) -> list[tuple[str, str]]:
    """(deleted text, inserted text) pairs in document order, a deletion paired with the insertion after it."""
    body = docx.Document(str(path)).element.body
    pairs = []
    for node in body.iter(qn("w:del"), qn("w:ins")):
        text = "".join(t.text or "" for t in node.iter(qn("w:delText"), qn("w:t")))
        if node.tag == qn("w:del"):
            pairs.append([text, ""])
            nxt = node.getnext()
            if nxt is not None and nxt.tag == qn("w:ins"):
                pairs[-1][1] = "".join(t.text or "" for t in nxt.iter(qn("w:t")))
        elif node.getprevious() is None or node.getprevious().tag != qn("w:del"):
            pairs.append(["", text])
    return [tuple(p) for p in pairs]


def accept_all(body: etree._Element) -> None:
    for node in list(body.iter(qn("w:del"))):
        node.getparent().remove(node)
    for node in list(body.iter(qn("w:ins"))):
        parent = node.getparent()
        for child in list(node):
            node.addprevious(child)
        parent.remove(node)


def reject_all(body: etree._Element) -> None:
    for node in list(body.iter(qn("w:ins"))):
        node.getparent().remove(node)
    for node in list(body.iter(qn("w:del"))):
        for t in node.iter(qn("w:delText")):
            t.tag = qn("w:t")
        for child in list(node):
            node.addprevious(child)
        node.getparent().remove(node)


@pytest.fixture
def fixed(tmp_path) -> tuple[Path, Path]:
    original = make_docx(tmp_path / "去年方案.docx")
    out = tmp_path / "改正稿.docx"
    assert main(["fix", str(original), "-o", str(out)]) == 0
    return original, out


def test_the_worked_budget_gets_exactly_the_expected_tracked_changes_and_one_comment(fixed):
    _, out = fixed
    pairs = revisions(out)
    assert set(pairs) == EXPECTED and len(pairs) == 7  # two commas, the figures, the 大写, the skip, the pinyin
    document = docx.Document(str(out))
    authors = {n.get(qn("w:author")) for n in document.element.body.iter(qn("w:ins"), qn("w:del"))}
    assert authors == {"方案工坊"}
    comments = list(document.comments)
    assert len(comments) == 1 and "20xx" in comments[0].text and comments[0].author == "方案工坊"


def test_accepting_every_change_gives_the_corrected_text(fixed):
    _, out = fixed
    body = copy.deepcopy(docx.Document(str(out)).element.body)
    accept_all(body)
    text = "\n".join("".join(c.text for c in paragraph_chars(p)) for p in body.iter(qn("w:p")))
    assert "香烟60元，共220元" in text and "总支3320元" in text and "叁仟叁佰贰拾元整" in text
    assert "三、慰问要求" in text and "温馨送到" in text and "(xīn)" not in text


def test_formatting_outside_the_changes_is_untouched(fixed):
    original, out = fixed
    before, after = docx.Document(str(original)), docx.Document(str(out))
    assert etree.tostring(before.styles.element) == etree.tostring(after.styles.element)
    body = copy.deepcopy(after.element.body)
    reject_all(body)
    old_ps, new_ps = list(before.element.body.iter(qn("w:p"))), list(body.iter(qn("w:p")))
    assert len(old_ps) == len(new_ps)
    for old, new in zip(old_ps, new_ps):
        assert canon(old.find(qn("w:pPr"))) == canon(new.find(qn("w:pPr")))
        shape = lambda p: [(c.text, canon(c.run.find(qn("w:rPr")))) for c in paragraph_chars(p)]
        assert shape(old) == shape(new)  # same characters, each with the same run properties


def canon(node) -> tuple | None:
    """An element compared by tag, attributes, text and children, whatever namespace declarations it carries."""
    if node is None:
        return None
    return (node.tag, sorted(node.attrib.items()), node.text, [canon(c) for c in node])


def test_kit_check_on_the_fixed_document_finds_nothing_mechanical(fixed):
    _, out = fixed
    left = check_document(out)
    assert [f.kind for f in left] == ["placeholder"] and not any(f.edits for f in left)


def test_dry_run_lists_the_changes_and_writes_nothing(tmp_path, capsys):
    original = make_docx(tmp_path / "a.docx")
    assert main(["fix", str(original), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "「180」→「220」" in out and "批注" in out and "SUM-LINE" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx"]


def test_fix_never_writes_onto_its_input(tmp_path, capsys):
    original = make_docx(tmp_path / "a.docx")
    before = original.read_bytes()
    assert main(["fix", str(original), "-o", str(original)]) == 2
    assert "不能就是原文件" in capsys.readouterr().err and original.read_bytes() == before


def test_text_files_get_a_corrected_copy(tmp_path, capsys):
    source = tmp_path / "a.txt"
    source.write_text("\n".join(LINES), encoding="utf-8")
    out = tmp_path / "b.txt"
    assert main(["fix", str(source), "-o", str(out)]) == 0
    fixed = out.read_text(encoding="utf-8")
    assert "共220元" in fixed and "总支3320元（大写：叁仟叁佰贰拾元整）" in fixed and "三、慰问要求" in fixed
    assert "20xx" in fixed and "批注" in capsys.readouterr().out  # a placeholder is the clerk's to fill
    assert not any(f.edits for f in check_document(out))


@pytest.mark.office
def test_libreoffice_opens_the_fixed_document_and_draws_the_changes(fixed, tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice not installed")
    _, out = fixed
    done = subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                          capture_output=True, timeout=180)
    pdf = tmp_path / "改正稿.pdf"
    assert done.returncode == 0 and pdf.exists()
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True).stdout.decode()
    assert "220" in text and "180" in text  # both drawn: the deletion struck through, the insertion underlined
    png = Path("test-artifacts/fix")
    png.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "1", str(pdf), str(png / "fixed")], check=True)


# -- sure corrections only ------------------------------------------------------------

CORRECT = st.builds(
    lambda c, r, a, b: "\n".join([
        "三、经费预算",
        f"1.困难职工{c}人，每人慰问金{r}元，共{c * r}元；",
        f"2.交通费{a}元，餐费{b}元，小计{a + b}元。",
        f"两项合计：{c * r + a + b}元。",
        f"全校学生{c + 10}人，其中男生{c}人、女生10人，留守儿童{c}人，占全校学生{c + 10}人的"
        f"{(Decimal(c) * 100 / (c + 10)).quantize(Decimal('0.1'), rounding='ROUND_HALF_UP')}%。",
        f"费用{a}×2={a * 2}元。",
    ]),
    st.integers(1, 300), st.integers(1, 2000), st.integers(1, 5000), st.integers(1, 5000),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=CORRECT)
def test_correct_documents_get_no_change(text):
    plan = Plan(check_text(text))
    assert plan.edits == [] and plan.comments == []
    assert fix_text(text, plan) == text


def test_a_doubtful_share_is_a_comment_not_a_change():
    plan = Plan(check_text("参加人数33人，占全体会员224人的14%。"))
    assert plan.edits == [] and len(plan.comments) == 1


# -- rules ---------------------------------------------------------------------------


def test_every_finding_names_a_rule_with_its_clause(tmp_path, capsys):
    source = tmp_path / "a.txt"
    source.write_text("\n".join(LINES), encoding="utf-8")
    assert main(["check", str(source), "--json"]) == 1
    found = json.loads(capsys.readouterr().out)
    assert found and all(f["rule"] in RULES and f["clause"] and f["strength"] in ("必须", "应当", "建议") for f in found)


def test_kit_rules_lists_them_in_chinese(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    for rule in RULES.values():
        assert rule.id in out and rule.clause in out
    assert "GB/T 9704-2012" in out and "GB/T 15834" in out and "GB/T 15835" in out


# -- pdf -------------------------------------------------------------------------------


@pytest.mark.office
def test_a_pdf_gives_the_same_findings_as_its_docx_with_pages(tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice not installed")
    source = make_docx(tmp_path / "worked.docx")
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   capture_output=True, timeout=180, check=True)
    from_docx = [(f.kind, f.rule, f.stated, f.computed) for f in check_document(source)]
    from_pdf = check_document(tmp_path / "worked.pdf")
    assert [(f.kind, f.rule, f.stated, f.computed) for f in from_pdf] == from_docx
    assert all(f.page == 1 and f.where.startswith("第1页") for f in from_pdf)


def test_an_image_only_pdf_is_refused_with_a_message(tmp_path, capsys):
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler not installed")
    pdf = tmp_path / "扫描件.pdf"
    pdf.write_bytes(_blank_pdf())
    assert main(["check", str(pdf)]) == 2
    assert "没有文字层" in capsys.readouterr().err


def test_a_wrapped_pdf_line_is_joined():
    from kit.proof.source import pdf_lines

    text = "1.退休教师共15人，每人慰问品100元，共15\n00元；\n2.困难职工3人。\f— 2 —\n三、要求"
    lines = pdf_lines(text)
    assert [(ln.page, ln.text) for ln in lines] == [
        (1, "1.退休教师共15人，每人慰问品100元，共1500元；"), (1, "2.困难职工3人。"), (2, "三、要求")]


def _blank_pdf() -> bytes:
    """A one-page PDF with nothing on it but an empty content stream (what a scan without OCR gives us to read)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length 0 >>\nstream\n\nendstream"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_lines_of_text_still_number_paragraphs():
    assert lines_of_text("a\nb")[1].where == "第2段第1行"


def test_fixing_leaves_nothing_mechanical_and_creates_nothing_new():
    text = "\n".join([
        "下面是小編為大家整理的方案,僅供參考。",
        "一、活动安排",
        "(1)合唱:《春天》 (2)朗诵:《相信未来》(3)舞蹈:《恰恰》",
        "(4)独唱:《飞翔》(6)小品:《新年》",
        "组织的温馨(xīn),送到每一位老师家中(见附件)。",
        "三、经费",
        "1、奖品费用300元;",
        "3、交通费200元。",
    ])
    before = check_text(text)
    fixed = fix_text(text, Plan(before))
    after = check_text(fixed)
    assert not any(f.edits for f in after)
    assert {(f.kind, f.rule) for f in after} <= {(f.kind, f.rule) for f in before}
    assert "（见附件）。" in fixed and "温馨，" in fixed and "2.交通费" in fixed


def test_every_rule_id_the_checks_can_give_is_listed():
    import re
    from pathlib import Path

    import kit

    used = set()
    for path in Path(kit.__file__).parent.rglob("*.py"):
        used |= set(re.findall(r"""rule=["']([A-Z][A-Z0-9-]+)["']""", path.read_text(encoding="utf-8")))
    assert {"TABLE-ROW-PRODUCT", "TABLE-ROW-SUM", "PARTS"} <= used
    assert sorted(used - set(RULES)) == []


def test_a_corrected_figure_keeps_its_thousands_separators(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("项目 数量 单价 金额\n讲座 12 300 3,600\n印刷 450 2.5 1,125\n横幅 3 80 240\n培训 25 120 3,300\n", encoding="utf-8")
    assert main(["fix", str(source), "-o", str(tmp_path / "b.txt")]) == 0
    assert "培训 25 120 3,000" in (tmp_path / "b.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("unit", ["万元", " 万元", "千元"])
def test_a_corrected_figure_keeps_its_multiplier_written_apart(tmp_path, unit):
    source = tmp_path / "a.txt"
    source.write_text(f"（4）加班费：超时加班费346{unit}、未休假加班费789{unit}，合计1,153{unit}。\n", encoding="utf-8")
    assert main(["fix", str(source), "-o", str(tmp_path / "b.txt")]) == 0
    assert f"合计1,135{unit}。" in (tmp_path / "b.txt").read_text(encoding="utf-8")  # not 11,350,000 before the 万
