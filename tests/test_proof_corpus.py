"""The proofreading corpus: every planted error found, nothing else reported.

Each document in tests/corpus is checked as written (.txt) and as a Word
document generated from it (.docx, one paragraph per line). The planted
errors are declared in tests/corpus/manifest.yaml; a finding matching no
declared error is a false positive.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import pytest
import yaml

from kit.proof import check_document

CORPUS = Path(__file__).parent / "corpus"
MANIFEST = yaml.safe_load((CORPUS / "manifest.yaml").read_text(encoding="utf-8"))


def write_docx(text: str, path: Path) -> Path:
    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    document.save(path)
    return path


def matches(expected: dict, finding) -> bool:
    if finding.kind != expected["kind"]:
        return False
    for key in ("stated", "computed"):
        if key in expected and getattr(finding, key) != Decimal(str(expected[key])):
            return False
    return "quote" not in expected or expected["quote"] in (finding.quote or "")


def score(expected: list[dict], findings: list) -> tuple[list[dict], list]:
    """(missed expectations, unexpected findings), matching one to one."""
    left = list(findings)
    missed = []
    for want in expected:
        hit = next((f for f in left if matches(want, f)), None)
        if hit is None:
            missed.append(want)
        else:
            left.remove(hit)
    return missed, left


@pytest.fixture(scope="module")
def corpus_files(tmp_path_factory) -> list[tuple[str, Path]]:
    folder = tmp_path_factory.mktemp("corpus_docx")
    files = []
    for name in MANIFEST:
        txt = CORPUS / name
        files.append((name, txt))
        docx_path = write_docx(txt.read_text(encoding="utf-8").rstrip("\n"), folder / (txt.stem + ".docx"))
        files.append((name, docx_path))
    return files


def test_the_corpus_is_big_enough():
    assert len(MANIFEST) >= 12
    assert sum(len(v) for v in MANIFEST.values()) >= 30
    kinds = {e["kind"] for v in MANIFEST.values() for e in v}
    assert kinds >= {"arithmetic", "numbering", "placeholder", "noise", "traditional"}
    assert set(MANIFEST) == {p.name for p in CORPUS.glob("*.txt")}


def test_every_planted_error_is_found_and_nothing_else(corpus_files, capsys):
    planted = found = false_positives = 0
    lines = []
    for name, path in corpus_files:
        expected = MANIFEST[name]
        findings = check_document(path)
        missed, extra = score(expected, findings)
        planted += len(expected)
        found += len(expected) - len(missed)
        false_positives += len(extra)
        status = "ok" if not missed and not extra else "有差异"
        lines.append(f"{path.name:<34} 预置 {len(expected):>2}  检出 {len(expected) - len(missed):>2}  误报 {len(extra)}  {status}")
        lines += [f"    漏检：{m}" for m in missed]
        lines += [f"    误报：{f.where} {f.kind} {f.quote!r} {f.message}" for f in extra]
    recall = found / planted
    lines.append(f"文档 {len(corpus_files)} 份（{len(MANIFEST)} 篇 × txt/docx），预置错误 {planted} 处，"
                 f"检出 {found} 处，召回率 {recall:.1%}，误报 {false_positives} 条")
    report = "\n".join(lines)
    with capsys.disabled():
        print("\n" + report)
    assert recall == 1 and false_positives == 0, report


@pytest.mark.parametrize("name", [n for n, v in MANIFEST.items() if v])
def test_each_finding_quotes_locates_and_suggests(name):
    for finding in check_document(CORPUS / name):
        assert finding.quote and finding.suggestion
        assert finding.paragraph and finding.line
        assert finding.where == f"第{finding.paragraph}段第{finding.line}行"
        source_line = (CORPUS / name).read_text(encoding="utf-8").split("\n")[finding.paragraph - 1]
        assert finding.quote in source_line
