"""``kit pack test``: is a pack shareable? Manifest, files, template, notebook, render, checks.

A pack passes when its manifest is complete (name, label, type, version, the
kit versions it needs, author) and the kit meets it; every file stays inside
the pack folder (no path in pack.yaml leaving it, no symbolic link out of it,
bounded size); its DOCX template, if any, is a DOCX the renderer can use; its
draft is valid and of the manifest's type; its check notebook is the generated
one and prints, under nbval, exactly the outputs it records; the draft renders
to DOCX and HTML; and its checks find no error but the 【待填】 placeholders a
template leaves for its user. Every refusal is a :class:`~kit.doctypes.PackError`
with a Chinese message naming the pack and the problem.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..doctypes import Pack, PackError, load_pack
from .notebook import NOTEBOOK, check_notebook, run_nbval

NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
REQUIRED = ("label", "version", "kit", "author")
MAX_PACK_BYTES = 30 * 1024 * 1024
MAX_PACK_FILES = 500
REQUIRED_STYLES = ("title", "heading 1", "heading 2")
TEMPLATE_ALLOWED_RULES = {"PLACEHOLDER"}  # a template leaves these for its user
IGNORED = {".git", "__pycache__", ".ipynb_checkpoints", ".pytest_cache"}
# What a pack may hold. Its notebook runs with the pack as working directory, where Python
# and IPython would pick up modules and configuration files: no code of any kind gets in.
ALLOWED_SUFFIXES = {".yaml", ".yml", ".docx", ".ipynb", ".md", ".txt", ".png", ".jpg", ".jpeg", ".xlsx", ".pdf"}
ALLOWED_NAMES = {"LICENSE", "README", ".gitignore", ".gitattributes"}


@dataclass
class Report:
    """What ``kit pack test`` found for one pack: the steps passed, and the findings it tolerated."""

    pack: Pack
    steps: list[str] = field(default_factory=list)
    placeholders: int = 0

    def format(self) -> str:
        p = self.pack
        head = f"模板包 {p.name}（{p.label}，文书类型 {p.type}）版本 {p.version}，需要方案工坊 {p.kit}，作者 {p.author}"
        return "\n".join([head] + [f"  ✓ {s}" for s in self.steps])


def scan_files(folder: Path, name: str) -> None:
    """Refuse a symbolic link leading out of *folder*, a file of a kind a pack does not hold, and a pack too big to share."""
    root = folder.resolve()
    total = count = 0
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if d not in IGNORED]
        for entry in dirnames + filenames:
            path = Path(dirpath) / entry
            if path.is_symlink():
                target = path.resolve()
                if target != root and root not in target.parents:
                    raise PackError(f"模板包「{name}」中的「{path.relative_to(folder)}」是指向模板包文件夹之外的符号链接"
                                    f"（{os.readlink(path)}），出于安全考虑拒绝使用")
        for entry in filenames:
            if Path(entry).suffix.lower() not in ALLOWED_SUFFIXES and entry not in ALLOWED_NAMES:
                raise PackError(f"模板包「{name}」中的「{(Path(dirpath) / entry).relative_to(folder)}」不是模板包应有的文件"
                                f"（只能有 {'、'.join(sorted(ALLOWED_SUFFIXES))} 文件）；出于安全考虑，模板包中不能有程序或配置文件")
            count += 1
            total += (Path(dirpath) / entry).lstat().st_size
        if count > MAX_PACK_FILES or total > MAX_PACK_BYTES:
            raise PackError(f"模板包「{name}」文件太多或太大（上限 {MAX_PACK_FILES} 个文件、{MAX_PACK_BYTES // 1024 // 1024} MB）")


def validate(folder: str | os.PathLike) -> Pack:
    """The pack in *folder* if its manifest, files, template and draft are usable for sharing."""
    from ..doctypes import registry

    folder = Path(folder)
    if not folder.is_dir():
        raise PackError(f"「{folder}」不是文件夹，也不是已注册的模板包")
    scan_files(folder, folder.name)
    pack = load_pack(folder)  # paths confined to the folder, kit version met, template zip checked
    if not NAME_RE.match(pack.name):
        raise PackError(f"模板包名称「{pack.name}」只能由英文字母、数字、_ 和 - 组成（安装时用作文件夹名），中文名称请写在 label")
    missing = [key for key in REQUIRED if not getattr(pack, key)]
    if missing:
        raise PackError(f"模板包清单「{folder / 'pack.yaml'}」缺少 {'、'.join(missing)}（可分享的模板包必须写明）")
    if pack.type not in registry().types:
        raise PackError(f"模板包「{pack.name}」的文书类型「{pack.type}」未注册；可用：{'、'.join(registry().types)}")
    if pack.docx_template is not None:
        _check_template(pack)
    draft = _draft(pack)
    if draft.type != pack.type:
        raise PackError(f"模板包「{pack.name}」的草稿是「{draft.type}」类型，清单中写的是「{pack.type}」")
    return pack


def _check_template(pack: Pack) -> None:
    from ..errors import InputError
    from ..render.template import load_template

    try:
        template = load_template(pack.docx_template)
    except InputError as exc:
        raise PackError(f"模板包「{pack.name}」的 DOCX 模板不能用：{exc}") from None
    missing = [s for s in REQUIRED_STYLES if s not in template.styles]
    if missing:
        raise PackError(f"模板包「{pack.name}」的 DOCX 模板「{pack.docx_template.name}」不是方案工坊可用的模板："
                        f"缺少样式 {'、'.join(missing)}（请以 templates/docx/official.docx 为底修改）")


def _draft(pack: Pack):
    from ..drafts import DraftError, load_draft

    try:
        return load_draft(pack.draft_file)
    except DraftError as exc:
        problems = "；".join(p.format() for p in exc.problems[:5])
        raise PackError(f"模板包「{pack.name}」的草稿 {pack.draft_file.name} 有误：{problems}") from None


def _render_and_check(pack: Pack, report: Report) -> None:
    from .. import check
    from ..errors import InputError
    from ..render import docx_bytes, render_html

    draft = _draft(pack)
    try:
        data = docx_bytes(draft, template=pack.docx_template)
        html = render_html(draft)
    except InputError as exc:
        raise PackError(f"模板包「{pack.name}」无法生成文档：{exc}") from None
    report.steps.append(f"生成 DOCX（{len(data) // 1024} KB，{'模板包自带模板' if pack.docx_template else '内置模板'}）和网页预览（{len(html) // 1024} KB）")
    findings = check(draft)
    errors = [f for f in findings if f.severity == "error" and f.rule not in TEMPLATE_ALLOWED_RULES]
    if errors:
        listed = "\n".join(f"  {f.format()}" for f in errors[:10])
        raise PackError(f"模板包「{pack.name}」的草稿检查出 {len(errors)} 处错误，不能分享：\n{listed}")
    report.placeholders = sum(f.rule in TEMPLATE_ALLOWED_RULES for f in findings)
    report.steps.append(f"检查草稿：没有错误（留给使用者填写的占位符 {report.placeholders} 处，其他提示 "
                        f"{len(findings) - report.placeholders} 条）")


def test_packs(folders: list[Path]) -> list[Report]:
    """Test every pack in *folders*; the first failure raises :class:`PackError`, nothing else happens.

    The cheap steps (manifest, files, template, draft, the notebook's recorded
    outputs, rendering, checks) run for every pack first; the notebooks then run
    under nbval, all in one pytest session.
    """
    reports = []
    for folder in folders:
        pack = validate(folder)
        report = Report(pack, ["清单完整，文件都在模板包文件夹内，方案工坊版本符合"])
        if pack.docx_template is not None:
            report.steps.append(f"DOCX 模板 {pack.docx_template.name} 可用")
        report.steps.append(f"草稿 {pack.draft_file.name} 有效")
        check_notebook(pack.folder, pack.name)
        _render_and_check(pack, report)
        reports.append(report)
    results = run_nbval([r.pack.folder / NOTEBOOK for r in reports])
    for report in reports:
        failures = results[report.pack.folder / NOTEBOOK]
        if failures:
            raise PackError(f"模板包「{report.pack.name}」的检查笔记本 {NOTEBOOK} 在 nbval 下没有通过（输出与记录不符或运行出错）：\n"
                            + "\n".join(f"  {f}" for f in failures[:3]))
        report.steps.append(f"检查笔记本 {NOTEBOOK} 在 nbval 下运行，输出与记录一致")
    return reports


test_packs.__test__ = False  # not a pytest test, despite the name
