"""Small widgets bound to a draft path: a field with its error marker, and list editors.

A :class:`Field` shows one value of the draft. When the user commits a change
(Enter or leaving the box; text fields never update on every keystroke) it
asks the session to apply it; a refused value stays on screen, marked red
with the Chinese reason beside it, and nothing is saved.
"""

from __future__ import annotations

import asyncio
import atexit
import html
import weakref
from dataclasses import dataclass, field
from typing import Any, Callable

import ipywidgets as W
import traitlets

from ..drafts import Problem
from .session import DraftSession, PathT, format_path

STYLE = """<style>
.kit-invalid input, .kit-invalid textarea, .kit-invalid select { border: 2px solid #c62828 !important; background: #fff5f5; }
.kit-error { color: #c62828; font-size: 13px; }
.kit-ok { color: #2e7d32; }
.kit-bad { color: #c62828; font-weight: bold; }
.kit-row { border-bottom: 1px dashed #ccc; padding: 4px 0; }
.kit-heading { font-weight: bold; margin-top: 6px; }
.kit-pending { color: #8a6d00; font-size: 13px; }
.kit-download a { display: inline-block; background: #1565c0; color: #fff !important; padding: 6px 14px; border-radius: 4px; text-decoration: none; font-size: 15px; }
.kit-home { text-decoration: none; }
.widget-tab > .lm-TabBar .lm-TabBar-content { flex-wrap: wrap; }
.widget-tab > .lm-TabBar .lm-TabBar-tab { flex: 0 0 auto !important; min-width: fit-content !important; max-width: none !important; }
.widget-tab > .lm-TabBar { height: auto !important; }
@media (max-width: 1400px) {
  .kit-main { flex-direction: column !important; }
  .kit-left, .kit-right { width: 100% !important; padding: 0 !important; }
}
</style>"""

SAVE_DELAY = 0.6  # seconds of no typing before text is saved
_PENDING: "weakref.WeakSet[Field]" = weakref.WeakSet()


def flush_pending() -> None:
    """Save every text still waiting for its typing pause (before 生成 DOCX, or when the kernel stops)."""
    for f in list(_PENDING):
        f.flush()


def _flush_at_exit() -> None:
    try:
        flush_pending()
    except Exception:  # noqa: BLE001 - the kernel is stopping; the file is saved or untouched
        pass


atexit.register(_flush_at_exit)


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def shown(value: Any) -> str:
    """A draft value as the text an input shows (``None`` → empty)."""
    return "" if value is None else str(value)


def escape(text: str) -> str:
    return html.escape(text, quote=True)


@dataclass
class FormContext:
    """What every field of one section needs: the session, the section's CSS name, a field registry."""

    session: DraftSession
    section: str  # CSS name: the section key, or "header"
    fields: dict[str, "Field"] = field(default_factory=dict)
    on_result: Callable[[PathT, list[Problem]], None] | None = None
    owned: list[Callable] = field(default_factory=list)

    def listen(self, fn: Callable[[DraftSession], None]) -> None:
        """Call *fn* after every saved change, until :meth:`forget` (the form is rebuilt)."""
        self.owned.append(fn)
        self.session.listeners.append(fn)

    def forget_one(self, fn: Callable[[DraftSession], None]) -> None:
        """Stop calling *fn* (its widget was closed)."""
        if fn in self.owned:
            self.owned.remove(fn)
        if fn in self.session.listeners:
            self.session.listeners.remove(fn)

    def forget(self) -> None:
        for fn in self.owned:
            if fn in self.session.listeners:
                self.session.listeners.remove(fn)
        self.owned.clear()

    def css(self, name: str, *indices: int) -> str:
        return "-".join(["kit", self.section, name, *map(str, indices)])

    def report(self, path: PathT, problems: list[Problem]) -> None:
        if self.on_result:
            self.on_result(path, problems)


def problem_text(problems: list[Problem]) -> str:
    seen: list[str] = []
    for p in problems:
        if p.message not in seen:
            seen.append(p.message)
    return "；".join(seen)


class Field(W.HBox):
    """An input for the value at *path*, with a red marker and message when refused."""

    invalid = traitlets.Bool(False, help="True while the shown value was refused and not saved")
    message = traitlets.Unicode("", help="The Chinese reason the shown value was refused")

    def __init__(
        self,
        ctx: FormContext,
        path: PathT,
        label: str,
        css: str,
        *,
        kind: str = "text",
        optional: bool = False,
        options: tuple = (),  # values, or (label, value) pairs to show Chinese labels
        width: str = "320px",
        placeholder: str = "",
    ):
        self.ctx, self.path, self.kind, self.optional = ctx, tuple(path), kind, optional
        value = shown(ctx.session.get(self.path))
        common = dict(description=label, tooltip=label or None, style={"description_width": "initial"}, layout=W.Layout(width=width))
        if kind == "choice":
            pairs = [o if isinstance(o, tuple) else (o, o) for o in options]
            values = [v for _, v in pairs]
            self.input = W.Dropdown(options=pairs, value=value if value in values else values[0], **common)
        elif kind == "area":  # text is sent while typing and saved after a pause (see _changed)
            self.input = W.Textarea(value=value, continuous_update=True, placeholder=placeholder, rows=3, **common)
        else:
            self.input = W.Text(value=value, continuous_update=kind == "text", placeholder=placeholder, **common)
        self.input.add_class(css)
        if kind in ("number", "date"):  # sent when the box is left; the page warns before leaving it typed
            self.input.add_class("kit-on-leave")
        self.error = W.HTML("", layout=W.Layout(width="auto"))
        self.error.add_class("kit-error")
        self.error.add_class(f"{css}-error")
        super().__init__([self.input, self.error])
        ctx.fields[format_path(self.path)] = self
        self.label = label
        self._syncing = False
        self._pending: str | None = None
        self._timer: asyncio.TimerHandle | None = None
        self.input.observe(self._changed, "value")

    def to_value(self, raw: str) -> Any:
        """The draft value for the text typed: trimmed numbers; empty optional text removes the key."""
        if self.kind in ("number", "date"):
            raw = raw.strip()
        if self.optional and not raw.strip():
            return None
        return raw

    def _changed(self, change: dict) -> None:
        if self._syncing:
            return
        loop = _running_loop() if self.kind in ("text", "area") else None
        if loop is None:  # numbers, dates and choices arrive whole: saved at once
            self.commit(change["new"])
            return
        self._pending = change["new"]
        if self._timer is not None:
            self._timer.cancel()
        self._timer = loop.call_later(SAVE_DELAY, self.flush)
        _PENDING.add(self)
        self.add_class("kit-unsaved")
        if not self.invalid:
            self.error.value = "<span class='kit-pending'>● 未保存</span>"

    def flush(self) -> list[Problem]:
        """Save the text typed since the last pause, if any."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        _PENDING.discard(self)
        raw, self._pending = self._pending, None
        self.remove_class("kit-unsaved")
        if raw is None:
            return []
        if self.error.value.startswith("<span class='kit-pending'>"):
            self.error.value = ""
        return self.commit(raw)

    def commit(self, raw: str) -> list[Problem]:
        problems = self.ctx.session.edit(self.path, self.to_value(raw))
        if problems:
            self.show_problems(problems)
        else:
            self.clear()
            self.sync()
        self.ctx.report(self.path, problems)
        return problems

    def sync(self) -> None:
        """Show the saved value again (numbers as normalised)."""
        value = shown(self.ctx.session.get(self.path))
        if self.kind != "choice" and value != self.input.value and self.kind in ("number", "date"):
            self._syncing = True
            try:
                self.input.value = value
            finally:
                self._syncing = False

    def reload(self) -> None:
        """Show the saved value, whatever is on screen, and clear any error."""
        self._syncing = True
        try:
            self.input.value = shown(self.ctx.session.get(self.path))
        finally:
            self._syncing = False
        self.clear()

    def show_problems(self, problems: list[Problem]) -> None:
        self.invalid, self.message = True, problem_text(problems)
        self.error.value = f"<span title='未保存'>● {escape(self.message)}（未保存）</span>"
        self.input.add_class("kit-invalid")

    def clear(self) -> None:
        self.invalid, self.message = False, ""
        self.error.value = ""
        self.input.remove_class("kit-invalid")


def button(label: str, css: str, on_click: Callable[[], Any], *, style: str = "", tooltip: str = "", width: str = "auto") -> W.Button:
    b = W.Button(description=label, button_style=style, tooltip=tooltip or label, layout=W.Layout(width=width))
    b.add_class(css)
    b.on_click(lambda _b: on_click())
    return b


def close_tree(widget: W.Widget) -> None:
    """Close *widget* and every widget inside it (frees their comms)."""
    for child in getattr(widget, "children", ()):
        close_tree(child)
    widget.close()


RowBuilder = Callable[[PathT, int], W.Widget]


class ListEditor(W.VBox):
    """A list in the draft: one row per item, with add, remove, move up and move down."""

    count = traitlets.Int(0, help="Number of rows shown")

    def __init__(self, ctx: FormContext, path: PathT, build_row: RowBuilder, new_item: Callable[[int], Any], *, title: str, css: str, add_label: str = "添加"):
        self.ctx, self.path, self.build_row, self.new_item, self.css = ctx, tuple(path), build_row, new_item, css
        self.heading = W.HTML(f"<div class='kit-heading'>{escape(title)}</div>")
        self.rows = W.VBox()
        self.add_button = button(f"＋ {add_label}", f"{css}-add", self.add)
        self.status = W.HTML("")
        self.status.add_class("kit-error")
        self.confirm = W.HBox(layout=W.Layout(align_items="center"))
        self.confirm.add_class(f"{css}-confirm")
        self.after_change: list[Callable[[], None]] = []
        super().__init__([self.heading, self.rows, W.HBox([self.add_button, self.status, self.confirm])])
        self.rebuild()

    def items(self) -> list:
        return list(self.ctx.session.get(self.path) or [])

    def rebuild(self) -> None:
        old = self.rows.children
        prefix = format_path(self.path)
        for key in [k for k in self.ctx.fields if k.startswith(prefix + "[")]:
            del self.ctx.fields[key]
        rows = []
        for i in range(len(self.items())):
            body = self.build_row(self.path + (i,), i)
            tools = W.HBox(
                layout=W.Layout(flex="0 0 auto", min_width="140px"),
                children=[
                    button("↑", f"{self.css}-up-{i}", lambda i=i: self.op("up", i), tooltip="上移", width="36px"),
                    button("↓", f"{self.css}-down-{i}", lambda i=i: self.op("down", i), tooltip="下移", width="36px"),
                    button("删除", f"{self.css}-remove-{i}", lambda i=i: self.ask_remove(i), style="danger", width="56px"),
                ]
            )
            body.layout.flex = "1 1 auto"
            row = W.HBox([body, tools])
            row.add_class("kit-row")
            rows.append(row)
        self.rows.children = rows  # reassign: traitlets sees it
        self.count = len(rows)
        for widget in old:
            close_tree(widget)

    def op(self, op: str, index: int | None = None) -> list[Problem]:
        item = self.new_item(len(self.items())) if op == "add" else None
        problems = self.ctx.session.list_op(self.path, op, index, item)
        self.status.value = escape(problem_text(problems)) if problems else ""
        if not problems:
            self.rebuild()
            for hook in self.after_change:
                hook()
        self.ctx.report(self.path, problems)
        return problems

    def add(self) -> list[Problem]:
        return self.op("add")

    def ask_remove(self, index: int) -> None:
        """删除 asks first; after 确定删除 an 撤销 button puts the row back."""
        yes = button("确定删除", f"{self.css}-confirm-remove", lambda: self.remove(index), style="danger")
        no = button("取消", f"{self.css}-cancel-remove", lambda: setattr(self.confirm, "children", []))
        self.confirm.children = [W.HTML(f"删除第{index + 1}项？"), yes, no]

    def remove(self, index: int) -> list[Problem]:
        before = self.ctx.session.snapshot()
        problems = self.op("remove", index)
        if not problems:
            self.confirm.children = [W.HTML(f"已删除第{index + 1}项。"), button("撤销", f"{self.css}-undo", lambda: self.undo(before), style="warning")]
        return problems

    def undo(self, raw: bytes) -> list[Problem]:
        problems = self.ctx.session.restore(raw)
        if not problems:
            self.rebuild()
            for hook in self.after_change:
                hook()
            self.confirm.children = [W.HTML("<span class='kit-ok'>已撤销</span>")]
        self.ctx.report(self.path, problems)
        return problems
