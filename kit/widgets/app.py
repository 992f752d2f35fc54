"""The whole drafting app: header and section forms, live preview, findings, 生成 DOCX.

>>> app = DraftApp.open("sample_data/consolation_budget.yaml", workdir="drafts")  # doctest: +SKIP
>>> app  # displayed in a notebook or served by Voilà                              # doctest: +SKIP
"""

from __future__ import annotations

import html
import os
from datetime import datetime
from pathlib import Path
from typing import Any

import ipywidgets as W
import traitlets

from ..doctypes import get_type
from ..drafts import Problem
from ..findings import SEVERITY_LABEL, Finding
from ..outputs import safe_file_name
from .controls import STYLE, FormContext, ListEditor, button, close_tree, escape, flush_pending, problem_text, shown
from ..sections import form_for
from .forms import ActivitiesForm, FactsForm, HeaderForm, ItemsForm, OrganisationForm, ProseForm, SectionForm, TargetsForm, starting_section
from .ledger_form import LedgerForm
from .session import PROJECT_ROOT, DraftSession, output_dir, parse_path, working_copy

PREVIEW_ZOOM = "<style>html { zoom: 0.6; }</style>"  # an A4 page fits beside the form
FORMS: dict[str, type[SectionForm]] = {
    form.kind: form for form in (ProseForm, OrganisationForm, LedgerForm, ActivitiesForm, ItemsForm, FactsForm, TargetsForm)
}


def render_module() -> Any | None:
    """kit.render if it is installed, else None (the app then offers no preview or DOCX)."""
    try:
        from .. import render
    except ImportError:
        return None
    return render if hasattr(render, "render_docx") else None


def serve_root() -> Path:
    """The folder Voilà serves files from (``voila/files/…``): ``$KIT_SERVE_ROOT`` or the project root."""
    return Path(os.environ.get("KIT_SERVE_ROOT") or PROJECT_ROOT).resolve()


def download_href(path: Path, notebook_depth: int = 1) -> str | None:
    """A link relative to ``…/voila/render/<notebooks>/<name>.ipynb`` that Voilà serves, or None if unreachable."""
    try:
        rel = path.resolve().relative_to(serve_root())
    except ValueError:
        return None
    up = "../" * (notebook_depth + 1)
    return up + "files/" + "/".join(rel.parts)


def docx_name(title: str) -> str:
    """A file name from the document title: unsafe characters and bidi controls dropped (:func:`kit.outputs.safe_file_name`)."""
    return safe_file_name(title, ".docx")


def finding_lines(findings: list[Finding]) -> str:
    if not findings:
        return "<div class='kit-ok'>✓ 未发现问题</div>"
    rows = [f"<li><b>[{SEVERITY_LABEL[f.severity]}]</b> {escape(f.message)}" + (f"<br><i>建议：{escape(f.suggestion)}</i>" if f.suggestion else "") + "</li>" for f in findings]
    return f"<div><b>检查发现 {len(findings)} 处问题：</b><ul>{''.join(rows)}</ul></div>"


class _ClassOrWidgetOpen:
    """``DraftApp.open(source)`` opens a draft; ``widget.open()`` (ipywidgets' comm opener) still works."""

    def __init__(self, func):
        self.func = func

    def __get__(self, obj, cls):
        if obj is None:
            return self.func.__get__(cls, type(cls))
        return W.Widget.open.__get__(obj, cls)


class DraftApp(W.VBox):
    """Edit one draft file section by section; every accepted change is saved at once."""

    saved_at = traitlets.Unicode("", help="Time of the last save, shown in the status line")
    docx_path = traitlets.Unicode("", help="The last DOCX written, or empty")

    def __init__(self, path: str | os.PathLike, *, output: str | os.PathLike | None = None, focus: str | None = None, source: str | os.PathLike | None = None):
        self.session = DraftSession(path)
        self.output = Path(output).resolve() if output else output_dir()
        self.source = Path(source) if source else self.session.path
        self.focus = focus
        self.doctype = get_type(self.session.draft.type)
        self.contexts: dict[str, FormContext] = {}
        self.forms: dict[str, W.Widget] = {}
        self.status = W.HTML()
        self.status.add_class("kit-status")
        self.generate_button = button("生成文档", "kit-generate", self.generate, style="primary", width="140px")
        self.red_header = W.Checkbox(value=False, description="加红头", tooltip="文件开头加发文机关标志和红线", indent=False, layout=W.Layout(width="90px"))
        self.colophon = W.Checkbox(value=False, description="加版记", tooltip="最后一页加抄送、印发机关和印发日期", indent=False, layout=W.Layout(width="90px"))
        self.red_header.add_class("kit-red-header")
        self.colophon.add_class("kit-colophon")
        for box in (self.red_header, self.colophon):
            box.observe(lambda _change: self.refresh(), "value")  # the preview shows them too
        self.notice = W.HBox(layout=W.Layout(align_items="center"))
        self.notice.add_class("kit-notice")
        self.download = W.HTML()
        self.download.add_class("kit-download")
        self.preview = W.HTML(layout=W.Layout(width="100%"))
        self.preview.add_class("kit-preview")
        self.findings = W.HTML()
        self.findings.add_class("kit-findings")
        self.tabs = W.Tab(layout=W.Layout(width="100%"))
        self.extra = W.HBox()
        heading = W.HTML(f"<h3 style='margin:4px 0'>{escape(self.doctype.label)}：{escape(self.session.path.stem)}</h3>"
                         "<div style='color:#666'>每次修改都自动保存（上一版保留为备份）。</div>")
        toolbar = W.HBox([self.generate_button, self.red_header, self.colophon, self.status], layout=W.Layout(align_items="center"))
        left = self.left = W.VBox([self.tabs, self.extra], layout=W.Layout(width="62%"))
        right = W.VBox([W.HTML("<b>预览</b>"), self.preview], layout=W.Layout(width="38%", padding="0 0 0 8px"))
        left.add_class("kit-left")
        right.add_class("kit-right")
        main = W.HBox([left, right])
        main.add_class("kit-main")
        super().__init__([W.HTML(STYLE), heading, toolbar, self.download, self.notice, main, self.findings])
        self.session.listeners.append(lambda _s: self.refresh())
        self.build()
        self.refresh()

    # -- construction ------------------------------------------------------------------

    @_ClassOrWidgetOpen
    def open(cls, source: str | os.PathLike, *, workdir: str | os.PathLike | None = None, output: str | os.PathLike | None = None, focus: str | None = None) -> "DraftApp":
        """Open the working copy of *source* (copied into *workdir* on first use, reused afterwards)."""
        return cls(working_copy(source, workdir), output=output, focus=focus, source=source)

    def _context(self, name: str) -> FormContext:
        ctx = FormContext(self.session, name, on_result=self._on_result)
        self.contexts[name] = ctx
        return ctx

    def build(self) -> None:
        """(Re)build the tabs: one per section, in the draft's order; forms are made when first shown."""
        old = list(self.tabs.children)
        old_tabs = self.tabs
        for ctx in self.contexts.values():  # forms being replaced stop listening
            ctx.forget()
        self.contexts.clear()
        self.forms = {}
        self.section_keys = ["header", *self.session.draft.sections]
        self.holders = {key: W.VBox() for key in self.section_keys}
        if getattr(self, "_on_tab", None):
            self.tabs.unobserve(self._on_tab, "selected_index")
        # A new Tab each time: the browser resets a Tab whose children change to its first page,
        # and the clerk must stay on the section just added.
        selected = self.section_keys.index(self.focus) if self.focus in self.section_keys else 0
        self.tabs = W.Tab(children=list(self.holders.values()), titles=["文件信息", *(s.title for s in self.session.draft.sections.values())],
                          selected_index=selected, layout=W.Layout(width="100%"))
        self.left.children = [self.tabs, *self.left.children[1:]]
        old_tabs.close()
        self.form(self.section_keys[self.tabs.selected_index])
        self._on_tab = lambda change: change["new"] is not None and self.form(self.section_keys[change["new"]])
        self.tabs.observe(self._on_tab, "selected_index")
        missing = [s for s in self.doctype.sections if s.key not in self.session.draft.sections]
        self.extra.children = [W.HTML("添加一节：")] + [button(f"＋{s.title}", f"kit-add-section-{s.key}", lambda s=s: self.add_section(s.key)) for s in missing] if missing else []
        for widget in old:
            close_tree(widget)

    def form(self, key: str) -> W.Widget:
        """The form of section *key* (or ``"header"``), built the first time it is asked for."""
        if key not in self.forms:
            if key == "header":
                made: W.Widget = HeaderForm(self._context("header"))
            else:
                kind = self.session.draft.sections[key].kind
                made = self._section_form(FORMS.get(kind) or form_for(kind), key)
            self.forms[key] = made
            self.holders[key].children = [made]
        return self.forms[key]

    def _section_form(self, form_cls: type[SectionForm], key: str) -> W.Widget:
        form = form_cls(self._context(key), key)
        spec = self.doctype.section(key)
        if spec is not None and spec.required:
            return form
        remove = button("删除本节", f"kit-{key}-remove-section", lambda: self.ask_remove_section(key), style="danger")
        form.children = list(form.children) + [remove]
        return form

    def add_section(self, key: str) -> list[Problem]:
        spec = self.doctype.section(key)
        problems = self.session.add_section(key, starting_section(spec.kind, spec.title), [s.key for s in self.doctype.sections])
        if not problems:
            self.focus = key
            self.build()
        self._on_result((), problems)
        return problems

    def ask_remove_section(self, key: str) -> None:
        """删除本节 asks first: the section is only removed after 确定删除."""
        title = self.session.draft.sections[key].title
        yes = button(f"确定删除「{title}」", f"kit-{key}-confirm-remove", lambda: self.remove_section(key), style="danger")
        no = button("取消", f"kit-{key}-cancel-remove", lambda: setattr(self.notice, "children", []))
        self.notice.children = [W.HTML(f"<b>要删除「{escape(title)}」这一节吗？</b>（删除后可以撤销）"), yes, no]

    def remove_section(self, key: str) -> list[Problem]:
        before = self.session.snapshot()
        title = self.session.draft.sections[key].title
        problems = self.session.remove_section(key)
        if not problems:
            self.focus = "header"
            self.build()
            undo = button("撤销", "kit-undo", lambda: self.undo(before, key), style="warning")
            self.notice.children = [W.HTML(f"已删除「{escape(title)}」一节。"), undo]
        self._on_result((), problems)
        return problems

    def undo(self, raw: bytes, focus: str | None = None) -> list[Problem]:
        """Put the draft file back exactly as it was before the last deletion."""
        problems = self.session.restore(raw)
        if not problems:
            self.focus = focus or self.focus
            self.build()
            self.notice.children = [W.HTML("<span class='kit-ok'>已撤销删除</span>")]
        self._on_result((), problems)
        return problems

    # -- reacting --------------------------------------------------------------------------

    def field(self, path: str):
        """The field widget showing *path* (``sections.budget.lines[0].count``), its form built if needed."""
        steps = parse_path(path)
        self.form("header" if steps[0] == "header" else str(steps[1]))
        for ctx in self.contexts.values():
            if path in ctx.fields:
                return ctx.fields[path]
        raise KeyError(path)

    def _on_result(self, path: tuple, problems: list[Problem]) -> None:
        note = self.session.take_elsewhere()
        if note:  # another window's edits were taken up: show them, and say so
            self.show_latest(keep=tuple(path) if problems else None)
            self.notice.children = [W.HTML(f"<div class='kit-elsewhere' style='background:#fff8e1;padding:6px 10px;border-radius:4px'>{escape(note)}</div>")]
        if problems:
            self.status.value = f"<span class='kit-error'>未保存：{escape(problem_text(problems))}</span>"
            for p in problems:  # mark every field a problem points at
                for ctx in self.contexts.values():
                    target = ctx.fields.get(p.path)
                    if target is not None and target.path != tuple(path):
                        target.show_problems([p])
        else:
            if "kit-refused" in self.download.value and not self.refused_fields():
                self.download.value = ""  # everything mended: the refusal no longer applies
            self.saved_at = datetime.now().strftime("%H:%M:%S")
            self.status.value = f"<span class='kit-ok'>已自动保存（{self.saved_at}）</span>"

    def show_latest(self, keep: tuple | None = None) -> None:
        """Show the draft as the session has it now (after another window's edits were merged in):
        sections added or removed elsewhere rebuild the tabs; otherwise lists are rebuilt and fields
        reloaded, except *keep* (a refused input stays on screen) and fields still being typed in."""
        if list(self.session.draft.sections) != self.section_keys[1:]:
            self.focus = self.section_keys[self.tabs.selected_index or 0]
            self.build()
            return
        stack: list[W.Widget] = list(self.forms.values())
        while stack:
            widget = stack.pop()
            if isinstance(widget, ListEditor) and widget.count != len(widget.items()):
                widget.rebuild()
            stack.extend(getattr(widget, "children", ()))
        for ctx in self.contexts.values():
            for f in list(ctx.fields.values()):
                if f.path != keep and getattr(f, "_pending", None) is None and f.input.value != shown(self.session.get(f.path)):
                    try:
                        f.reload()
                    except traitlets.TraitError:  # a choice the list does not offer: left as shown
                        pass
        self.refresh()

    def refresh(self) -> None:
        """Update the preview and the findings after a saved change."""
        self.findings.value = finding_lines(self.session.findings())
        render = render_module()
        if render is None:
            self.preview.value = "<div style='color:#666'>（预览模块尚未安装）</div>"
            return
        try:
            page = render.render_html(self.session.draft, standalone=True, red_header=self.red_header.value, colophon=self.colophon.value)
        except Exception as exc:  # noqa: BLE001 - shown, the form keeps working
            self.preview.value = f"<div class='kit-error'>预览出错：{escape(str(exc))}</div>"
            return
        page = PREVIEW_ZOOM + page
        self.preview.value = f"<iframe srcdoc=\"{html.escape(page, quote=True)}\" style='width:100%;height:640px;border:1px solid #ccc;background:#fff'></iframe>"

    def refused_fields(self) -> list[str]:
        """Where a refused value is on screen, as the clerk reads it (节 › 栏目), in tab order."""
        flush_pending()
        out = []
        for key, ctx in self.contexts.items():
            section = "文件信息" if key == "header" else self.session.draft.sections[key].title if key in self.session.draft.sections else key
            for f in ctx.fields.values():
                if f.invalid:
                    rows = [step for step in f.path if isinstance(step, int)]
                    where = f"第{rows[0] + 1}项的" if rows else ""
                    out.append(f"「{section}」{where}「{f.label or '内容'}」：{f.message}")
        return out

    def generate(self) -> Path | None:
        """Write the DOCX into the output folder and show a download button; refuse while a value is refused."""
        refused = self.refused_fields()
        if refused:
            items = "".join(f"<li>{escape(r)}</li>" for r in refused)
            self.download.value = f"<div class='kit-error kit-refused'><b>没有生成：下面的内容还没有改好（红框处），改好后再点“生成文档”。</b><ul>{items}</ul></div>"
            return None
        render = render_module()
        if render is None:
            self.download.value = "<span class='kit-error'>生成文档的模块尚未安装</span>"
            return None
        self.output.mkdir(parents=True, exist_ok=True)
        target = self.output / docx_name(self.session.draft.header.title)
        try:
            render.render_docx(self.session.draft, target, red_header=self.red_header.value, colophon=self.colophon.value)
        except Exception as exc:  # noqa: BLE001 - the user sees why, in Chinese
            self.download.value = f"<span class='kit-error'>生成失败：{escape(str(exc))}</span>"
            return None
        self.docx_path = str(target)
        href = download_href(target)
        link = f"<a href='{escape(href)}' download='{escape(target.name)}' target='_blank'>⬇ 下载 {escape(target.name)}</a>" if href else ""
        self.download.value = f"<span class='kit-ok'>已生成</span> {link} <span style='color:#666'>（保存在 {escape(str(target))}）</span>"
        return target
