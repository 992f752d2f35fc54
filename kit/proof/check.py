"""Proofread a document: every check on every line, findings in reading order."""

from __future__ import annotations

from pathlib import Path

from ..findings import Finding, run_checks
from .arithmetic import ARITHMETIC_CHECKS
from .lines import prepare
from .numbering import check_numbering
from .source import Document, lines_of_text, read_document
from .text_checks import check_noise, check_placeholders, check_traditional

PROSE_CHECKS = (*ARITHMETIC_CHECKS, check_numbering, check_placeholders, check_noise, check_traditional)


def check_lines(document: Document) -> list[Finding]:
    prepared = prepare(document.lines)
    findings = run_checks(PROSE_CHECKS, prepared)
    if document.encoding:
        findings.append(
            Finding(
                kind="encoding", severity="info", where="（整个文件）",
                message=f"文件不是 UTF-8 编码，已按 {document.encoding} 读取",
                suggestion="用 kit clean 或记事本另存为 UTF-8 编码",
            )
        )
    return sorted(findings, key=lambda f: (f.paragraph or 0, f.line or 0))


def check_text(text: str, source: str = "文本") -> list[Finding]:
    """Findings for *text*, each line of which is a paragraph."""
    return check_lines(Document(source, "text", lines_of_text(text)))


def check_document(path: str | Path) -> list[Finding]:
    """Findings for a .docx, .txt or .md file; unusable files raise InputError."""
    return check_lines(read_document(path))
