"""``kit fix``: the sure corrections, written into the clerk's own document.

Only findings that carry :class:`~kit.findings.Edit` values are applied —
the relation engine attaches them only when every figure of the relation was
understood — and nothing else: what needs a person (a placeholder, a doubtful
share, parts that may not be all of a whole, pasted adverts) becomes a Word
comment on the spot (``.docx``) or a line of the change list (``.txt``/``.md``).

* ``.docx``: every correction is a tracked change (``w:del`` + ``w:ins``,
  author 方案工坊), runs split only where an edit begins or ends, so Word and
  WPS show each one for acceptance and the formatting around it is untouched.
* ``.txt``/``.md``: a corrected copy, and the change list printed.

Edits that overlap are resolved by kind (figures first, then numbering,
noise, characters, dates, label forms, punctuation); the loser is dropped.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ..errors import InputError
from ..outputs import prepare_output, write_output
from ..findings import Edit, Finding
from ..rules import rule
from .check import check_lines
from .source import DOCX_SUFFIXES, TEXT_SUFFIXES, check_docx_package, docx_paragraphs, read_document

AUTHOR = "方案工坊"
PRIORITY = ("arithmetic", "numbering", "noise", "traditional", "date", "numbering-form", "punctuation")


class Plan:
    """The edits to apply (non-overlapping, in document order) and the findings left to a person."""

    def __init__(self, findings: list[Finding]):
        ranked = sorted((f for f in findings if f.edits), key=lambda f: PRIORITY.index(f.kind) if f.kind in PRIORITY else 99)
        taken: list[tuple[Edit, Finding]] = []
        for f in ranked:
            for e in f.edits:
                if not any(_overlap(e, other) for other, _ in taken):
                    taken.append((e, f))
        self.edits = sorted(taken, key=lambda pair: (pair[0].paragraph, pair[0].line, pair[0].start))
        self.comments = [f for f in findings if not f.edits and f.severity in ("error", "warning") and f.paragraph]

    def describe(self) -> str:
        """The change list: each correction, or one line for a kind made many times (punctuation)."""
        by_finding: dict[int, list[Edit]] = {}
        owners: dict[int, Finding] = {}
        for e, f in self.edits:
            by_finding.setdefault(id(f), []).append(e)
            owners[id(f)] = f
        lines = []
        for key, edits in by_finding.items():
            f = owners[key]
            if len(edits) <= 3:
                for e in edits:
                    change = f"「{e.old}」→「{e.text or '（删除）'}」" if e.old else f"插入「{e.text}」"
                    lines.append(f"修改 第{e.paragraph}段第{e.line}行：{change}［{f.rule}］")
            else:
                e = edits[0]
                lines.append(f"修改 {len(edits)} 处，如第{e.paragraph}段第{e.line}行「{e.old}」→「{e.text or '（删除）'}」［{f.rule}］")
        for f in self.comments:
            lines.append(f"批注 {f.where}：{f.message}［{f.rule}］")
        return "\n".join(lines) if lines else "没有需要修改的地方。"


def _overlap(a: Edit, b: Edit) -> bool:
    if (a.paragraph, a.line) != (b.paragraph, b.line):
        return False
    if a.start == a.end or b.start == b.end:
        return a.start == b.start
    return a.start < b.end and b.start < a.end


def comment_text(f: Finding) -> str:
    found = rule(f.rule) if f.rule else None
    basis = f"（依据：{found.clause}，{found.strength}）" if found else ""
    advice = f"建议：{f.suggestion}" if f.suggestion else ""
    return f"{f.message}{basis}{advice}"


# -- text files ------------------------------------------------------------------------


def fix_text(text: str, plan: Plan) -> str:
    """*text* with the plan's edits applied (each line of a text file is a paragraph)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for e, _ in sorted(plan.edits, key=lambda pair: (pair[0].paragraph, -pair[0].start)):
        line = lines[e.paragraph - 1]
        lines[e.paragraph - 1] = line[: e.start] + e.text + line[e.end :]
    return "\n".join(lines)


# -- docx ------------------------------------------------------------------------------


def fix_docx(path: Path, out: Path, plan: Plan, when: dt.datetime | None = None) -> tuple[int, int, list[str]]:
    """Write *path* with the plan as tracked changes and comments to *out*: (changes, comments, skipped)."""
    import docx
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    from ..docx_revisions import IdSource, Revision, paragraph_chars, replace_range, runs_between

    check_docx_package(path)
    document = docx.Document(str(path))
    paragraphs = docx_paragraphs(document)
    stamp = (when or dt.datetime.now(dt.timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
    revision = Revision(AUTHOR, stamp)
    ids = IdSource(document.element)
    skipped: list[str] = []

    def locate(paragraph: int, line: int, start: int, end: int, anchor: bool = False):
        text, parts = paragraphs[paragraph - 1]
        lines = text.split("\n")
        offset = sum(len(x) + 1 for x in lines[: line - 1]) + start
        if anchor and parts and offset < parts[0][1]:
            return parts[0][0], 0  # a comment on a label Word numbers itself: at the paragraph's first character
        for p, base in reversed(parts):
            if offset >= base:
                length = len(paragraph_chars(p))
                if offset + (end - start) <= base + length:
                    return p, offset - base
                return None
        return None

    changes = 0
    unapplied: list = []  # findings an edit of which could not be made: told in a comment instead
    for e, f in sorted(plan.edits, key=lambda pair: (pair[0].paragraph, pair[0].line, -pair[0].start)):
        where = locate(e.paragraph, e.line, e.start, e.end)
        if where is None or not replace_range(where[0], where[1], where[1] + (e.end - e.start), e.text, revision, ids):
            skipped.append(f"第{e.paragraph}段第{e.line}行「{e.old}」→「{e.text}」")
            if f not in unapplied:  # (a label Word numbers itself is in no run: the clerk renumbers in Word)
                unapplied.append(f)
            continue
        changes += 1
    notes = 0
    for f in plan.comments + unapplied:
        start, end = f.span or (0, 1)
        where = locate(f.paragraph, f.line or 1, start, max(end, start + 1), anchor=True)
        if where is None:
            continue
        p, local = where
        runs = runs_between(p, local, local + max(end - start, 1))
        if not runs:
            continue
        proxy = Paragraph(p, document._body)
        document.add_comment([Run(r, proxy) for r in runs], text=comment_text(f), author=AUTHOR, initials="方案")
        notes += 1
    _save_atomically(document, out)
    return changes, notes, skipped


def _save_atomically(document, out: Path) -> None:
    """Save through the kit's rule for outputs (atomic, umask, an existing file kept as .bak)."""
    import io

    buffer = io.BytesIO()
    document.save(buffer)
    write_output(out, buffer.getvalue())


# -- command -----------------------------------------------------------------------------


def cli_fix(args: argparse.Namespace) -> int:
    source = Path(args.file)
    suffix = source.suffix.lower()
    if suffix not in DOCX_SUFFIXES | TEXT_SUFFIXES:
        raise InputError(f"kit fix 只能修改 .docx、.txt、.md 文件，「{source.name}」不是")
    document = read_document(source)
    plan = Plan(check_lines(document))
    if args.dry_run or not args.output:
        print(plan.describe())
        if not args.output and not args.dry_run:
            print("（未写文件：请用 -o 指定改好的文件名，或用 --dry-run 只查看）")
        return 0
    out = prepare_output(args.output, inputs=[source], force=args.force, suffixes=(suffix,),
                         what=f"与原文件同为 {suffix} 格式的文件")
    if suffix in DOCX_SUFFIXES:
        changes, notes, skipped = fix_docx(source, out, plan)
        print(plan.describe())
        print(f"已写入 {out}：修订 {changes} 处（在 Word/WPS 的“审阅”中逐条接受或拒绝），批注 {notes} 条。")
        for s in skipped:
            print(f"未能自动修改（请手工改）：{s}")
    else:
        fixed = fix_text(document.raw or document.text, plan)
        write_output(out, fixed.encode("utf-8"))
        print(plan.describe())
        print(f"已写入改正后的文本 {out}：修改 {len(plan.edits)} 处；标为“批注”的 {len(plan.comments)} 处需要您亲自处理。")
    return 0
