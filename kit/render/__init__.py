"""Render a draft: official-style DOCX (GB/T 9704-2012) and an HTML preview.

Both renderers consume one :class:`kit.structure.DocumentStructure`, so the
wording and numbering are decided once.

    render_docx(draft, "out/方案.docx", red_header=True)
    data = docx_bytes(draft)
    html = render_html(draft, standalone=False)   # fragment for a widget
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from .. import structure
from ..drafts import atomic_write, load_draft
from ..errors import InputError
from ..model import Draft
from . import html as _html

# The DOCX writer (python-docx, lxml) is imported by the functions that write one: an app page
# or ``kit preview`` that only shows the HTML preview does not load it.


def __getattr__(name: str):
    if name == "load_template":
        from .template import load_template

        return load_template
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["render_docx", "docx_bytes", "render_html", "cli_render", "cli_preview", "load_template"]


def docx_bytes(
    draft: Draft, *, red_header: bool = False, colophon: bool = False, template: str | os.PathLike | None = None
) -> bytes:
    """The DOCX of *draft*, built in memory.

    *template* is a DOCX path; None means the draft's pack's template, or
    templates/docx/official.docx.
    """
    from . import docx as _docx
    from .template import template_for

    s = structure.build(draft, red_header=red_header, colophon=colophon)
    return _docx.render(s, template_for(draft.pack, template))


def _check_folder(out_path: str | os.PathLike) -> Path:
    path = Path(out_path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"输出文件夹「{folder}」不存在，请先创建该文件夹或换一个保存位置")
    if path.is_dir():
        raise InputError(f"输出路径「{path}」是一个文件夹，请写上文件名（如 方案.docx）")
    return path


def _write(path: Path, data: bytes) -> None:
    try:
        atomic_write(path, data)
    except OSError as exc:
        raise InputError(f"无法写入「{path}」：{exc.strerror or exc}") from None


def render_docx(
    draft: Draft,
    out_path: str | os.PathLike,
    *,
    red_header: bool = False,
    colophon: bool = False,
    template: str | os.PathLike | None = None,
) -> None:
    """Write the DOCX of *draft* to *out_path* atomically.

    The whole file is built in memory first: a failed render writes nothing
    and leaves an existing file untouched. A missing output folder raises
    :class:`kit.errors.InputError` naming it.
    """
    path = _check_folder(out_path)
    data = docx_bytes(draft, red_header=red_header, colophon=colophon, template=template)
    _write(path, data)


def render_html(draft: Draft, *, standalone: bool = True, red_header: bool = False, colophon: bool = False) -> str:
    """The HTML preview of *draft*: a page, or a fragment with its own <style>."""
    s = structure.build(draft, red_header=red_header, colophon=colophon)
    return _html.render(s, standalone=standalone, title=draft.header.title)


def cli_render(args: argparse.Namespace) -> int:
    """``kit render DRAFT -o OUT.docx [--red-header] [--colophon] [--template T]``."""
    draft = load_draft(args.draft)
    render_docx(
        draft,
        args.output,
        red_header=getattr(args, "red_header", False),
        colophon=getattr(args, "colophon", False),
        template=getattr(args, "template", None),
    )
    print(f"已生成 {args.output}")
    return 0


def cli_preview(args: argparse.Namespace) -> int:
    """``kit preview DRAFT -o OUT.html``."""
    draft = load_draft(args.draft)
    path = _check_folder(args.output)
    html = render_html(
        draft, red_header=getattr(args, "red_header", False), colophon=getattr(args, "colophon", False)
    )
    _write(path, html.encode("utf-8"))
    print(f"已生成预览 {args.output}")
    return 0
