"""Choosing where a draft starts: a sample, a blank draft of a type, or a summary made from a plan."""

from __future__ import annotations

import copy
import os
import re
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

import ipywidgets as W
import traitlets

from ..doctypes import starting_data
from ..drafts import draft_data, load_draft, save_data
from .app import DraftApp
from .controls import close_tree
from .session import drafts_dir, working_copy

Opener = Callable[[Path], Path]  # workdir -> the working draft file


def from_file(source: str | os.PathLike) -> Opener:
    """Start from a copy of *source* (reused once made)."""
    return lambda workdir: working_copy(source, workdir)


def blank(type_name: str, file_name: str) -> Opener:
    """Start from the document type's starting draft (made once, reused afterwards)."""

    def open_blank(workdir: Path) -> Path:
        target = workdir / file_name
        if not target.exists():
            workdir.mkdir(parents=True, exist_ok=True)
            data = starting_data(type_name)
            data["header"]["date"] = datetime.now().date()  # a new draft is dated today
            save_data(data, target)
        return target

    return open_blank


def summary_data_from_plan(plan: dict[str, Any]) -> dict[str, Any]:
    """Plain data of a summary started from a plan: its facts, activities and budget carried over.

    The budget lines become the spending ledger with nothing stated yet: the
    user replaces the planned figures with what was actually spent.
    """
    data = copy.deepcopy(starting_data("summary"))
    header = plan["header"]
    title = re.sub(r"(建设|实施|活动)?方案$", "", header["title"]) + "工作总结"
    data["header"] = {"title": title, "issuer": header["issuer"], "date": datetime.now().date()}  # written today
    sections = dict(data.get("sections") or {})
    for key, section in (plan.get("sections") or {}).items():
        if section["kind"] == "facts":
            sections["basics"] = {**copy.deepcopy(section), "title": "基本情况"}
        elif section["kind"] == "activities":
            sections["activities"] = {**copy.deepcopy(section), "title": "开展的活动"}
        elif section["kind"] == "ledger":
            spending = copy.deepcopy(section)
            from ..ledger import compute_line
            from ..model import LedgerLine

            for i, line in enumerate(spending.get("lines", [])):
                line.pop("stated_subtotal", None)
                line["budget"] = compute_line(i, LedgerLine.model_validate(line)).subtotal  # the plan's figure, kept beside the spending
            spending.pop("stated_total", None)
            spending.pop("stated_total_upper", None)
            sections["spending"] = {**spending, "title": "经费使用情况"}
    order = ["basics", "practice", "activities", "results", "spending", "problems", "next"]
    data["sections"] = {k: sections[k] for k in order if k in sections}
    return data


def summary_of(plan_source: str | os.PathLike, file_name: str) -> Opener:
    """Start a summary from the plan at *plan_source* (made once, reused afterwards)."""

    def open_summary(workdir: Path) -> Path:
        target = workdir / file_name
        if not target.exists():
            workdir.mkdir(parents=True, exist_ok=True)
            save_data(summary_data_from_plan(draft_data(load_draft(plan_source))), target)
        return target

    return open_summary


IMPORT_SUFFIXES = (".docx", ".txt")


def importer_available() -> bool:
    """Whether :mod:`kit.proof` (the importer) is installed; found, not imported: the page that offers
    从旧文档导入 does not load the proofreader until a document is imported."""
    from importlib.util import find_spec

    try:
        return find_spec("kit.proof") is not None  # the package, not a module in it: that would run its __init__
    except ImportError:
        return False


def import_to_draft(file_name: str, content: bytes, workdir: str | os.PathLike, doc_type: str | None = None) -> Path:
    """Turn an old document (.docx or .txt) into a new draft file in *workdir*; returns its path.

    The uploaded file is kept beside the draft; an existing draft is never
    overwritten (``名称-2.yaml`` and so on). Raises :class:`kit.errors.InputError`
    or :class:`kit.drafts.DraftError` with a Chinese message when the file cannot be used.
    """
    from ..errors import InputError
    from ..proof import import_document

    workdir = Path(workdir)
    name = Path(file_name).name
    stem, suffix = Path(name).stem or "导入的文档", Path(name).suffix.lower()
    if suffix not in IMPORT_SUFFIXES:
        raise InputError(f"只能导入 Word 文档（.docx）或文本文件（.txt），收到「{name}」")
    folder = workdir / "imported"
    folder.mkdir(parents=True, exist_ok=True)
    original = folder / f"{stem}{suffix}"
    original.write_bytes(content)
    data = import_document(original, doc_type)
    target, n = workdir / f"{stem}.yaml", 1
    while target.exists():
        n += 1
        target = workdir / f"{stem}-{n}.yaml"
    save_data(data, target)
    return target


class DraftPicker(W.VBox):
    """A choice of starting points above the app; choosing one opens its working draft."""

    choice = traitlets.Unicode("", help="Label of the starting point now open")

    def __init__(
        self,
        choices: dict[str, Opener],
        *,
        workdir: str | os.PathLike | None = None,
        output: str | os.PathLike | None = None,
        focus: str | None = None,
        allow_import: bool = False,
        doc_type: str | None = None,
    ):
        self.choices = dict(choices)
        self.doc_type = doc_type
        self.on_open: list[Callable[[DraftApp], None]] = []
        self.workdir = Path(workdir).resolve() if workdir else drafts_dir()
        self.output, self.focus = output, focus
        self.select = W.Dropdown(options=list(choices), description="从这里开始：", style={"description_width": "initial"}, layout=W.Layout(width="420px"))
        self.select.add_class("kit-picker")
        self.holder = W.VBox()
        self.app: DraftApp | None = None
        top: list[W.Widget] = [self.select]
        self.upload = W.FileUpload(accept=",".join(IMPORT_SUFFIXES), multiple=False, description="从旧文档导入", layout=W.Layout(width="auto"))
        self.upload.add_class("kit-import")
        self.import_status = W.HTML()
        self.import_status.add_class("kit-import-status")
        if allow_import and importer_available():
            top += [self.upload, self.import_status]
            self.upload.observe(self._uploaded, "value")
        super().__init__([W.HBox(top, layout=W.Layout(flex_flow="row wrap", align_items="center")), self.holder])
        self.select.observe(lambda change: self.show(change["new"]), "value")
        self.show(self.select.value)

    def _uploaded(self, change: dict) -> None:
        for item in change["new"]:
            self.import_file(item["name"], bytes(item["content"]))

    def import_file(self, file_name: str, content: bytes) -> Path | None:
        """Import an old document as a new draft and open it; a Chinese message if it cannot be used."""
        from ..drafts import DraftError
        from ..errors import InputError

        try:
            path = import_to_draft(file_name, content, self.workdir, self.doc_type)
        except DraftError as exc:
            self.import_status.value = f"<span class='kit-error'>导入后的草稿有问题：{'；'.join(p.format() for p in exc.problems[:5])}</span>"
            return None
        except (InputError, OSError, ValueError) as exc:
            self.import_status.value = f"<span class='kit-error'>无法导入：{exc}</span>"
            return None
        label = f"导入：{path.stem}"
        self.choices[label] = from_file(path)
        self.select.options = list(self.choices)
        self.select.value = label  # opens it
        self.import_status.value = f"<span class='kit-ok'>已导入「{file_name}」，请逐节核对</span>"
        return path

    def show(self, label: str) -> DraftApp | None:
        """Open the working draft of starting point *label*; a Chinese message instead if it is unusable."""
        from ..drafts import DraftError

        old = self.app
        self.choice = label
        try:
            self.app = DraftApp(self.choices[label](self.workdir), output=self.output, focus=self.focus)
        except DraftError as exc:
            self.app = None
            self.holder.children = [self._broken(label, exc)]
        else:
            self.holder.children = [self.app]
            for hook in self.on_open:
                hook(self.app)
        if old is not None:
            close_tree(old)
        return self.app

    def _broken(self, label: str, exc: Exception) -> W.Widget:
        """The message for a draft that cannot be opened, with a way to start again from the original."""
        from .controls import button, escape

        problems = "".join(f"<li>{escape(p.format())}</li>" for p in getattr(exc, "problems", [])[:10])
        message = W.HTML(f"<div class='kit-error'><b>草稿无法打开：</b>{escape(getattr(exc, 'source', ''))}<ul>{problems}</ul></div>")
        copy_path = Path(getattr(exc, "source", ""))
        if copy_path.parent != self.workdir or not copy_path.is_file():
            return message

        def start_again() -> None:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            copy_path.rename(copy_path.with_name(f"{copy_path.stem}.有问题-{stamp}{copy_path.suffix}.txt"))
            self.show(label)

        again = button("把有问题的草稿改名保存，从原文件重新开始", "kit-start-again", start_again, style="warning")
        return W.VBox([message, again])


class SpendingComparison(W.HTML):
    """Money spent (the open summary's ledgers) against the plan's budget, kept up to date."""

    def __init__(self, picker: "DraftPicker | Any", plan_source: "str | os.PathLike | Callable[[], os.PathLike]"):
        super().__init__()
        self.add_class("kit-spending")
        self.plan_source = plan_source  # a path, or a function giving the plan now chosen
        self.app: DraftApp | None = None
        picker.on_open.append(self.attach)
        self.attach(picker.app)

    def attach(self, app: DraftApp | None) -> None:
        self.app = app
        if app is None:
            return
        app.session.listeners.append(lambda _s: self.update())
        self.update()

    def update(self) -> None:
        from .controls import escape
        from .report import spending_report

        if self.app is None:
            self.value = ""
            return
        source = self.plan_source() if callable(self.plan_source) else self.plan_source
        text = spending_report(load_draft(source), self.app.session.draft)
        self.value = f"<pre style='font-size:14px'>{escape(text)}</pre>"
