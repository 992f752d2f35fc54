"""Proofread a document: relations, numbering, placeholders and noise, findings in reading order."""

from __future__ import annotations

from pathlib import Path

from ..findings import Finding, run_checks
from .lines import Prepared, prepare
from .numbering import check_label_forms, check_numbering
from .passage import statements
from .relations import Explain, check_relations
from .source import Document, lines_of_text, read_document
from .text_checks import check_dates, check_noise, check_placeholders, check_punctuation, check_traditional


def check_arithmetic(prepared: list[Prepared], explain: Explain | None = None) -> list[Finding]:
    return check_relations(statements(prepared), explain)


PROSE_CHECKS = (check_arithmetic, check_numbering, check_placeholders, check_noise, check_traditional,
                check_label_forms, check_punctuation, check_dates)


def check_lines(document: Document, explain: Explain | None = None) -> list[Finding]:
    prepared = prepare(document.lines)
    checks = [lambda p: check_arithmetic(p, explain), *PROSE_CHECKS[1:]] if explain is not None else PROSE_CHECKS
    findings = run_checks(checks, prepared)
    if document.encoding_note:
        findings.append(
            Finding(
                kind="encoding", severity="warning", where="（整个文件）",
                message=document.encoding_note,
                suggestion="用记事本或 WPS 另存为 UTF-8 编码", rule="ENCODING",
            )
        )
    elif document.encoding:
        findings.append(
            Finding(
                kind="encoding", severity="info", where="（整个文件）",
                message=f"文件不是 UTF-8 编码，已按 {document.encoding} 读取",
                suggestion="用 kit clean 或记事本另存为 UTF-8 编码", rule="ENCODING",
            )
        )
    return sorted(findings, key=lambda f: (f.paragraph or 0, f.line or 0, (f.span or (0, 0))[0]))


def check_text(text: str, source: str = "文本", explain: Explain | None = None) -> list[Finding]:
    """Findings for *text*, each line of which is a paragraph."""
    return check_lines(Document(source, "text", lines_of_text(text)), explain)


def check_document(path: str | Path, explain: Explain | None = None) -> list[Finding]:
    """Findings for a .docx, .txt or .md file; unusable files raise InputError."""
    return check_lines(read_document(path), explain)
