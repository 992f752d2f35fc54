"""One job's app (慰问方案, 建设方案, 工作总结): the clerk's own drafts, reopened where they left off.

Which draft opens: the one named in the page address (``?draft=名称.yaml``, from
the start page), else the one this app worked on last, else the job's latest
draft, else a copy of the bundled example. The choice is remembered in the
drafts folder (:func:`kit.widgets.catalog.remember`), so a reload or a restart
reopens it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qs

import ipywidgets as W
import traitlets

from ..drafts import DraftError, draft_data, load_draft, save_data
from . import catalog
from .app import DraftApp
from .controls import button, close_tree, escape
from .request import page_query, preheated
from .session import drafts_dir, folder_problem, sample_path

START_URL = "../../../"  # from voila/render/notebooks/<name>.ipynb to the start page
EXAMPLES = {
    "consolation": ("consolation_budget.yaml", "去年的元旦慰问方案"),
    "plan": ("liushou_home_plan.yaml", "留守儿童之家建设方案（示例）"),
    "summary": ("liushou_summary.yaml", "留守儿童之家工作总结（示例）"),
}
IMPORTING = ("consolation", "plan")  # jobs whose bar offers 从旧文档导入 (last year's document as a new draft)
EXAMPLE_PLANS = {"留守儿童之家建设方案（示例）": "liushou_home_plan.yaml", "职工之家建设方案（示例）": "union_home_plan.yaml"}


def query_draft(query: str | None = None) -> str | None:
    """The ``draft`` named in the page address (Voilà passes it as ``QUERY_STRING``; a kernel
    started ahead waits for it here, see :mod:`kit.widgets.request`)."""
    query = page_query()[0] if query is None else query
    names = parse_qs(query).get("draft")
    return Path(names[0]).name if names else None


def warm_up(job_key: str) -> None:
    """What the first app in a kernel does once (validating a draft, checking it, the preview), done
    ahead on the job's bundled example: a kernel started ahead does it before its page is asked for."""
    from ..doctypes import checks_for
    from ..findings import run_checks
    from .app import render_module

    try:
        draft = load_draft(sample_path(EXAMPLES[job_key][0]))
        run_checks(checks_for(draft.type), draft)
        render = render_module()
        if render is not None:
            render.render_html(draft, standalone=True)
    except Exception:  # noqa: BLE001 - only a warm-up: the app itself says what is wrong, when asked
        pass


def example_copy(job_key: str, folder: Path) -> Path:
    """The job's example as a draft of the clerk's (made once; figures in the prose linked to the budget)."""
    source, stem = EXAMPLES[job_key]
    target = folder / f"{stem}{catalog.SUFFIX}"
    if not target.exists():
        from ..refs import link_figures

        folder.mkdir(parents=True, exist_ok=True)
        save_data(link_figures(draft_data(load_draft(sample_path(source)))), target)
        target.with_name(target.name + ".bak").unlink(missing_ok=True)
    return target


def choose_draft(job_key: str, folder: Path, query: str | None = None) -> Path:
    """The draft the app opens (see the module docstring)."""
    named = query_draft(query)
    if named and (folder / named).is_file():
        return folder / named
    last = catalog.last_opened(folder, job_key)
    if last is not None:
        return last
    own = catalog.list_drafts(folder, catalog.job(job_key).types)
    if own:
        return folder / own[0].name
    return example_copy(job_key, folder)


class JobApp(W.VBox):
    """The bar above a job's drafting app: back to 我的草稿, switch draft, 新建, 从旧文档导入; the app below."""

    draft_name = traitlets.Unicode("", help="File name of the draft now open")

    def __init__(self, job_key: str, *, workdir: str | os.PathLike | None = None, output: str | os.PathLike | None = None,
                 focus: str | None = None, query: str | None = None, draft: str | os.PathLike | None = None,
                 allow_import: bool | None = None):
        self.job = catalog.job(job_key)
        self.folder = Path(workdir).resolve() if workdir else drafts_dir()
        self.output, self.focus = output, focus
        self.on_open: list[Callable[[DraftApp | None], None]] = []
        self.app: DraftApp | None = None
        home = W.HTML(f"<a class='kit-home' href='{START_URL}' style='font-size:15px;color:#1565c0'>← 我的草稿</a>")
        self.chooser = W.Dropdown(description="正在编辑：", tooltip="换一份草稿", style={"description_width": "initial"}, layout=W.Layout(width="460px"))
        self.chooser.add_class("kit-chooser")
        self.new_name = W.Text(placeholder="新草稿的名称", layout=W.Layout(width="220px"), continuous_update=False)
        self.new_name.add_class("kit-new-name")
        self.new_button = button("新建", "kit-new", self.create)
        self.message = W.HTML()
        self.message.add_class("kit-job-message")
        from .picker import IMPORT_SUFFIXES, importer_available

        self.upload = W.FileUpload(accept=",".join(IMPORT_SUFFIXES), multiple=False, description="从旧文档导入",
                                   tooltip="把去年的文档（.docx 文件或纯文本文件）导入为一份新草稿", layout=W.Layout(width="auto"))
        self.upload.add_class("kit-import")
        self.import_status = W.HTML()
        self.import_status.add_class("kit-import-status")
        offer_import = (job_key in IMPORTING if allow_import is None else allow_import) and importer_available()
        tools = [home, self.chooser, self.new_name, self.new_button] + ([self.upload] if offer_import else []) + [self.message, self.import_status]
        if offer_import:
            self.upload.observe(self._uploaded, "value")
        bar = W.HBox(tools, layout=W.Layout(flex_flow="row wrap", align_items="center"))
        self.holder = W.VBox()
        super().__init__([bar, self.holder])
        self._choosing = False
        self.chooser.observe(self._chosen, "value")
        unread = None
        if draft is None and query is None:
            if preheated():  # started ahead: warm up and open the likely draft, then wait until a page asks
                warm_up(job_key)
                likely = catalog.last_opened(self.folder, job_key)  # never a new example: nothing is written ahead
                if likely is not None:
                    try:
                        self.open_draft(likely)
                    except OSError:
                        pass
            query, unread = page_query()
        try:
            if draft is not None:
                from .session import working_copy

                self.open_draft(working_copy(draft, self.folder))
            else:
                chosen = choose_draft(job_key, self.folder, query)
                if self.opened_as_is(chosen):
                    self.refresh_choices()  # drafts added, renamed or removed since it was opened
                else:
                    self.open_draft(chosen)
        except OSError:  # no draft could be made in the folder: said below, in Chinese
            pass
        if unread:
            self.message.value = f"<div class='kit-error kit-unread-address'>{escape(unread)}</div>"
        problem = folder_problem(self.folder)
        if problem:
            self.message.value = f"<div class='kit-error kit-folder-problem'>{escape(problem)}</div>"

    # -- the list of drafts -----------------------------------------------------------------

    def refresh_choices(self) -> None:
        entries = catalog.list_drafts(self.folder, self.job.types)
        names = [e.name for e in entries]
        options = [(f"{e.stem}（{e.title}）" if e.title != e.stem else e.stem, e.name) for e in entries]
        if self.draft_name and self.draft_name not in names:
            options.insert(0, (Path(self.draft_name).stem, self.draft_name))
        from ..packs.manage import pack_choices  # installed template packs: a new draft from one

        options += pack_choices(self.job.types)
        self._choosing = True
        try:
            self.chooser.options = options
            self.chooser.value = self.draft_name or None
        finally:
            self._choosing = False

    def _chosen(self, change: dict) -> None:
        if not self._choosing and change["new"] and change["new"] != self.draft_name:
            from ..packs.manage import PACK_CHOICE, draft_from_pack

            new = change["new"]
            self.open_draft(draft_from_pack(self.folder, new) if new.startswith(PACK_CHOICE) else self.folder / new)

    # -- opening -------------------------------------------------------------------------------

    def opened_as_is(self, path: Path) -> bool:
        """Whether the app shows the draft at *path* as the file is now (opened ahead, unchanged since)."""
        if self.app is None or self.app.session.path != path:
            return False
        return self.app.session.seen is not None and self.app.session.seen == self.app.session._read()

    def open_draft(self, path: Path) -> DraftApp | None:
        """Open the draft at *path* below the bar and remember it for this app."""
        old = self.app
        self.draft_name = path.name
        try:
            catalog.remember(self.folder, self.job.key, path.name)
        except OSError:  # a folder that cannot be written is said once, by the bar
            pass
        try:
            self.app = DraftApp(path, output=self.output, focus=self.focus)
        except DraftError as exc:
            self.app = None
            problems = "".join(f"<li>{escape(p.format())}</li>" for p in exc.problems[:10])
            self.holder.children = [W.HTML(f"<div class='kit-error'><b>草稿「{escape(path.stem)}」无法打开：</b><ul>{problems}</ul>"
                                           "请回到“我的草稿”打开另一份，或新建一份。</div>")]
        else:
            self.holder.children = [self.app]
        self.refresh_choices()
        for hook in self.on_open:
            hook(self.app)
        if old is not None:
            close_tree(old)
        return self.app

    def create(self) -> Path | None:
        """新建: a new draft of this job named by the clerk, opened at once."""
        try:
            path = self.new_draft(self.new_name.value)
        except (catalog.CatalogError, DraftError) as exc:
            self.message.value = f"<span class='kit-error'>{escape(str(exc) if isinstance(exc, catalog.CatalogError) else exc.format())}</span>"
            return None
        self.message.value = f"<span class='kit-ok'>已新建「{escape(path.stem)}」</span>"
        self.new_name.value = ""
        self.open_draft(path)
        return path

    def new_draft(self, name: str) -> Path:
        return catalog.new_draft(self.folder, name, self.job.types[0])

    # -- importing ---------------------------------------------------------------------------

    def _uploaded(self, change: dict) -> None:
        items = list(change["new"])
        for item in items:
            self.import_file(item["name"], bytes(item["content"]))
        if items:
            self.upload.value = ()  # the bytes are in the drafts folder now; the same file may be chosen again

    def import_file(self, file_name: str, content: bytes) -> Path | None:
        """从旧文档导入: *content* (a .docx or .txt) as a new draft of this job, opened at once.

        The draft is named after the file (``去年方案.yaml``, then ``去年方案-2.yaml``;
        never over another draft); None, with the reason in Chinese, if the file cannot be used.
        """
        from ..errors import InputError
        from .picker import import_to_draft

        try:
            path = import_to_draft(file_name, content, self.folder, self.job.types[0])
        except DraftError as exc:
            self.import_status.value = f"<span class='kit-error'>导入后的草稿有问题：{escape('；'.join(p.format() for p in exc.problems[:5]))}</span>"
            return None
        except (InputError, OSError, ValueError) as exc:
            self.import_status.value = f"<span class='kit-error'>无法导入：{escape(str(exc))}</span>"
            return None
        self.message.value = ""
        self.import_status.value = f"<span class='kit-ok'>已导入「{escape(Path(file_name).name)}」为草稿「{escape(path.stem)}」，请逐节核对</span>"
        self.open_draft(path)
        return path


class SummaryJob(JobApp):
    """The summary app: its drafts, and a new summary built from any plan in the drafts."""

    def __init__(self, *args, **kwargs):
        self.plan_choice = W.Dropdown(description="根据方案：", tooltip="总结根据哪一份方案", style={"description_width": "initial"}, layout=W.Layout(width="460px"))
        self.plan_choice.add_class("kit-plan-choice")
        super().__init__("summary", *args, **kwargs)
        self.new_name.placeholder = "新总结的名称"
        self.new_button.description = "根据方案新建总结"
        self.refresh_plans()
        self.plan_choice.observe(lambda _c: [hook(self.app) for hook in self.on_open], "value")
        self.children = [self.children[0], W.HBox([self.plan_choice], layout=W.Layout(margin="4px 0")), self.holder]

    def refresh_plans(self) -> None:
        """Plans in the drafts (last edited first, the default), then the bundled examples."""
        own = [(f"{e.stem}（{e.title}）", str(self.folder / e.name)) for e in catalog.list_drafts(self.folder, ("plan",))]
        examples = [(label, str(sample_path(name))) for label, name in EXAMPLE_PLANS.items()]
        self.plan_choice.options = own + examples
        self.plan_choice.value = (own or examples)[0][1]

    @property
    def plan_path(self) -> Path:
        return Path(self.plan_choice.value)

    def new_draft(self, name: str) -> Path:
        from .picker import summary_data_from_plan

        return catalog.save_new(self.folder, name, summary_data_from_plan(draft_data(load_draft(self.plan_path))))
