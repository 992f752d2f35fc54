"""``kit clean``: remove pasted noise and convert to simplified characters.

Text files come out in the same format (always UTF-8); a DOCX comes out as a
DOCX whose changed paragraphs are rewritten into their first run (the run's
formatting is kept, the others are emptied). The output follows the
kit's rule for outputs (:mod:`kit.outputs`) and is written atomically; the report counts each kind of change and shows examples.
"""

from __future__ import annotations

import argparse
import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..outputs import prepare_output, write_output
from .noise import LABELS, clean_line
from .source import DOCX_SUFFIXES, TEXT_SUFFIXES, open_docx, read_text_file

MAX_EXAMPLES = 3


@dataclass
class CleanReport:
    changes: Counter = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    paragraphs: int = 0  # paragraphs changed
    encoding: str | None = None
    encoding_note: str | None = None

    def add(self, cleaned) -> None:
        if not cleaned.changes:
            return
        self.paragraphs += 1
        self.changes.update(cleaned.changes)
        for kind, items in cleaned.examples.items():
            kept = self.examples.setdefault(kind, [])
            kept.extend(items[: MAX_EXAMPLES - len(kept)])

    def format(self) -> str:
        if not self.changes:
            lines = ["没有发现需要清除的杂质，也没有繁体字。"]
        else:
            lines = [f"共修改 {self.paragraphs} 段："]
            for kind in LABELS:
                if self.changes[kind]:
                    unit = "个字" if kind == "traditional" else "处"
                    lines.append(f"  {LABELS[kind]}：{self.changes[kind]} {unit}，如 " + "；".join(self.examples.get(kind, [])))
        if self.encoding:
            lines.append(f"原文件为 {self.encoding} 编码，已改存为 UTF-8。")
        if self.encoding_note:
            lines.append(f"注意：{self.encoding_note}。")
        return "\n".join(lines)


def clean_text(text: str, report: CleanReport | None = None) -> tuple[str, CleanReport]:
    """*text* without pasted noise, in simplified characters, and what changed."""
    report = report or CleanReport()
    out = []
    for line in text.split("\n"):
        cleaned = clean_line(line)
        report.add(cleaned)
        out.append(cleaned.text)
    return "\n".join(out), report


def _clean_paragraph(paragraph, report: CleanReport) -> None:
    cleaned = clean_line(paragraph.text)
    if not cleaned.changes:
        return
    report.add(cleaned)
    runs = paragraph.runs
    if not runs:  # text only inside hyperlinks or fields: leave it
        return
    runs[0].text = cleaned.text
    for run in runs[1:]:
        run.text = ""


def clean_document(path: str | Path) -> tuple[bytes, CleanReport]:
    """The cleaned file's bytes (same format as *path*) and the report."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        document = read_text_file(path)
        text, report = clean_text(document.raw or "")
        report.encoding = document.encoding
        report.encoding_note = document.encoding_note
        return text.encode("utf-8"), report
    if suffix in DOCX_SUFFIXES:
        doc = open_docx(path)
        report = CleanReport()
        for paragraph in _all_paragraphs(doc):
            _clean_paragraph(paragraph, report)
        buffer = io.BytesIO()
        doc.save(buffer)
        return buffer.getvalue(), report
    raise InputError(f"不支持的文件类型「{suffix or '（无扩展名）'}」：kit clean 只能处理 .docx、.txt、.md")


def _all_paragraphs(doc):
    yield from doc.paragraphs
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def cli_clean(args: argparse.Namespace) -> int:
    """``kit clean FILE -o OUT [--force]``: OUT has FILE's format, is never FILE
    itself nor a draft, and replaces an existing file only with --force (after a .bak)."""
    source = Path(args.file)
    suffix = source.suffix.lower()
    if suffix not in TEXT_SUFFIXES | DOCX_SUFFIXES:
        raise InputError(f"不支持的文件类型「{suffix or '（无扩展名）'}」：kit clean 只能处理 .docx、.txt、.md")
    out = prepare_output(args.output, inputs=[source], force=getattr(args, "force", False), suffixes=(suffix,),
                         what=f"与原文件同为 {suffix} 格式的文件")
    data, report = clean_document(source)
    write_output(out, data)
    print(report.format())
    print(f"已写入 {out}")
    return 0
