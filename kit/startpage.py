"""The start page at the app's root URL: the three jobs and the clerk's drafts, in Chinese.

:func:`page_html` is a plain function (tested without a server); :func:`handlers`
gives the tornado routes ``kit app`` adds to Voilà: the page, the actions on
drafts (new, copy, rename, delete to the bin, restore; each a POST with the
XSRF token) and a redirect from Voilà's English file browser to this page.
No kernel is started for this page.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
from html import escape
from pathlib import Path
from typing import Callable
from urllib.parse import quote, urlencode

from .errors import os_error_message
from .widgets.catalog import JOBS, NEW_TYPES, CatalogError, Entry, copy_draft, delete_draft, job, list_bin, list_drafts, new_draft, rename_draft, restore_draft

APP_TITLE = "方案工坊"


def app_url(base: str, notebook: str, draft: str | None = None) -> str:
    url = f"{base}voila/render/notebooks/{notebook}"
    return url + ("?" + urlencode({"draft": draft}) if draft else "")


def when(moment: _dt.datetime, now: _dt.datetime | None = None) -> str:
    """2024年3月5日 14:20, or 今天 14:20."""
    now = now or _dt.datetime.now()
    clock = f"{moment.hour}:{moment.minute:02d}"
    if moment.date() == now.date():
        return f"今天 {clock}"
    if moment.date() == (now - _dt.timedelta(days=1)).date():
        return f"昨天 {clock}"
    return f"{moment.year}年{moment.month}月{moment.day}日 {clock}"


CSS = """
body { font-family: 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif; margin: 0; background: #f4f5f7; color: #222; }
main { max-width: 1000px; margin: 0 auto; padding: 16px 24px 48px; }
h1 { font-size: 26px; margin: 12px 0 4px; } h2 { font-size: 19px; margin: 28px 0 10px; }
.jobs { display: flex; gap: 14px; flex-wrap: wrap; }
.job { flex: 1 1 280px; background: #fff; border: 1px solid #d0d7de; border-radius: 8px; padding: 14px 16px; text-decoration: none; color: #222; }
.job:hover { border-color: #1565c0; box-shadow: 0 1px 6px rgba(0,0,0,.12); }
.job b { font-size: 18px; color: #1565c0; display: block; margin-bottom: 6px; }
table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid #d0d7de; }
th, td { text-align: left; padding: 8px 10px; border-bottom: 1px solid #e5e7eb; font-size: 15px; vertical-align: middle; }
th { background: #eef2f6; font-weight: 600; }
td.acts { white-space: nowrap; }
button, .open { font: inherit; font-size: 14px; padding: 4px 10px; margin: 0 2px; border-radius: 5px; border: 1px solid #9aa4af; background: #fff; cursor: pointer; color: #222; text-decoration: none; display: inline-block; }
.open { background: #1565c0; border-color: #1565c0; color: #fff; }
button.danger { border-color: #c62828; color: #c62828; }
form.inline { display: inline; }
.new { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; padding: 12px 16px; display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
.new input, .new select { font: inherit; font-size: 15px; padding: 4px 6px; }
.msg { padding: 8px 12px; border-radius: 6px; margin: 10px 0; }
.msg.ok { background: #e8f5e9; color: #1b5e20; } .msg.error { background: #ffebee; color: #b71c1c; }
.muted { color: #666; font-size: 14px; }
.broken { color: #b71c1c; }
"""

SCRIPT = """
document.querySelectorAll('form[data-ask]').forEach(function (form) {
  form.addEventListener('submit', function (event) {
    var answer = window.prompt(form.dataset.ask, form.dataset.suggest || '');
    if (answer === null || !answer.trim()) { event.preventDefault(); return; }
    form.querySelector('input[name=new_name]').value = answer.trim();
  });
});
document.querySelectorAll('form[data-confirm]').forEach(function (form) {
  form.addEventListener('submit', function (event) {
    if (!window.confirm(form.dataset.confirm)) { event.preventDefault(); }
  });
});
"""


def _action(base: str, xsrf: str, action: str, name: str, label: str, *, ask: str = "", suggest: str = "", confirm: str = "", css: str = "") -> str:
    extra = ""
    if ask:
        extra = f" data-ask='{escape(ask)}' data-suggest='{escape(suggest)}'"
    if confirm:
        extra = f" data-confirm='{escape(confirm)}'"
    return (
        f"<form class='inline kit-{action}' method='post' action='{base}kit/{action}'{extra}>"
        f"<input type='hidden' name='_xsrf' value='{escape(xsrf)}'><input type='hidden' name='name' value='{escape(name)}'>"
        f"<input type='hidden' name='new_name' value=''><button type='submit' class='{css}'>{label}</button></form>"
    )


def _row(base: str, xsrf: str, e: Entry, now: _dt.datetime) -> str:
    j = e.job
    title = f"<span class='broken'>{escape(e.title)}</span>" if not e.ok else escape(e.title)
    opener = f"<a class='open' href='{escape(app_url(base, j.notebook, e.name))}'>打开</a>" if j else ""
    if not e.ok:  # a broken draft opens in the app of its file name's guess: the consolation app shows why
        opener = f"<a class='open' href='{escape(app_url(base, JOBS[0].notebook, e.name))}'>查看</a>"
    acts = opener + _action(base, xsrf, "copy", e.name, "复制", ask="复制为（新草稿名称）：", suggest=f"{e.stem}（副本）")
    acts += _action(base, xsrf, "rename", e.name, "改名", ask="新的草稿名称：", suggest=e.stem)
    acts += _action(base, xsrf, "delete", e.name, "删除", confirm=f"把草稿「{e.stem}」移到回收站？（可以从回收站恢复）", css="danger")
    return (
        f"<tr class='kit-draft' data-name='{escape(e.name)}'><td><b>{escape(e.stem)}</b><br><span class='muted'>{title}</span></td>"
        f"<td>{escape(e.type_label)}</td><td>{escape(when(e.modified, now))}</td><td class='acts'>{acts}</td></tr>"
    )


def page_html(folder: Path, *, base: str = "/", xsrf: str = "", ok: str = "", error: str = "", now: _dt.datetime | None = None,
              school: str = "") -> str:
    """The whole start page for the drafts in *folder*; under ``kit hub``, *school* names the signed-in school (with a way out)."""
    now = now or _dt.datetime.now()
    drafts = list_drafts(folder)
    jobs = "".join(
        f"<a class='job kit-job-{j.key}' href='{escape(app_url(base, j.notebook))}'><b>{escape(j.title)}</b>{escape(j.blurb)}</a>" for j in JOBS
    )
    message = ""
    if ok:
        message = f"<div class='msg ok kit-message'>{escape(ok)}</div>"
    if error:
        message = f"<div class='msg error kit-message'>{escape(error)}</div>"
    if drafts:
        rows = "".join(_row(base, xsrf, e, now) for e in drafts)
        table = f"<table class='kit-drafts'><tr><th>草稿</th><th>类型</th><th>最后修改</th><th></th></tr>{rows}</table>"
    else:
        table = "<p class='muted kit-drafts'>还没有草稿。点上面的一项工作开始，或在下面新建一份。</p>"
    from .packs.manage import pack_choices  # packs other schools shared, installed with kit pack install

    choices = [(t, label) for t, label in NEW_TYPES.items()] + [(value, label) for label, value in pack_choices(tuple(NEW_TYPES))]
    options = "".join(f"<option value='{escape(t)}'>{escape(label)}</option>" for t, label in choices)
    new = (
        f"<form class='new kit-new' method='post' action='{base}kit/new'><input type='hidden' name='_xsrf' value='{escape(xsrf)}'>"
        f"<label>名称：<input name='name' required placeholder='如：2025年春节慰问方案' size='28'></label>"
        f"<label>类型：<select name='type'>{options}</select></label><button type='submit' class='open'>新建</button></form>"
    )
    binned = list_bin(folder)
    bin_html = ""
    if binned:
        rows = "".join(
            f"<tr class='kit-binned'><td>{escape(e.stem)}<br><span class='muted'>{escape(e.title)}</span></td><td>{escape(e.type_label)}</td>"
            f"<td>{escape(when(e.modified, now))}</td><td class='acts'>{_action(base, xsrf, 'restore', e.name, '恢复')}</td></tr>"
            for e in binned
        )
        bin_html = f"<details class='kit-bin'><summary>回收站（{len(binned)} 份）</summary><table><tr><th>草稿</th><th>类型</th><th>删除前最后修改</th><th></th></tr>{rows}</table></details>"
    return (
        "<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<link rel='icon' href='data:,'><title>{APP_TITLE} · 我的草稿</title><style>{CSS}</style></head><body><main>"
        + (f"<div class='muted kit-school' style='float:right;margin-top:18px'>{escape(school)} · <a href='{base}logout'>退出登录</a></div>" if school else "")
        + f"<h1>{APP_TITLE}</h1><div class='muted'>起草方案、慰问方案和工作总结，算账不出错，生成公文格式的文档。"
        + ("所有内容都保存在县里的服务器上，只有本校能看到。</div>" if school else "所有内容都保存在本机的草稿文件夹中。</div>")
        + f"{message}<h2>要做什么？</h2><div class='jobs'>{jobs}</div>"
        f"<h2>我的草稿</h2>{table}<h2>新建一份草稿</h2>{new}{bin_html}"
        f"</main><script>{SCRIPT}</script></body></html>"
    )


# -- serving --------------------------------------------------------------------------------


def handlers(base: str, folder: Callable[[], Path]) -> list[tuple]:
    """Tornado routes for the start page and its actions (*folder* gives the drafts folder)."""
    from jupyter_server.base.handlers import JupyterHandler
    from tornado import web

    class StartPage(JupyterHandler):
        @web.authenticated
        def get(self) -> None:
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.set_header("Cache-Control", "no-store")
            token = self.xsrf_token.decode("ascii")  # also sets the _xsrf cookie the apps need to close their kernels
            school = os.environ.get("KIT_SCHOOL_LABEL") or os.environ.get("JUPYTERHUB_USER", "")  # set under kit hub only
            self.finish(page_html(folder(), base=base, xsrf=token, ok=self.get_argument("ok", ""), error=self.get_argument("error", ""), school=school))

    class Kernels(JupyterHandler):
        """The running kernels serving a page (one per open app page): ``[{"id": …}]``, as a test or an admin counts them."""

        @web.authenticated
        def get(self) -> None:
            self.set_header("Content-Type", "application/json")
            manager = self.kernel_manager  # kit.kernels.PageKernels leaves out the kernels still waiting for a page
            ids = manager.page_kernel_ids() if hasattr(manager, "page_kernel_ids") else manager.list_kernel_ids()
            self.finish(json.dumps([{"id": k} for k in ids]))

    class ToStart(JupyterHandler):
        def get(self, *_args) -> None:
            self.redirect(base)

    class Action(JupyterHandler):
        action = ""

        @web.authenticated
        def post(self) -> None:
            name, new_name = self.get_argument("name", ""), self.get_argument("new_name", "")
            try:
                self.done(name, new_name)
            except CatalogError as exc:
                self.redirect(base + "?" + urlencode({"error": str(exc)}))
            except OSError as exc:  # a drafts folder that cannot be written: said on the page, in Chinese
                self.redirect(base + "?" + urlencode({"error": os_error_message(exc, folder(), "写入草稿文件夹")}))

        def back(self, message: str) -> None:
            self.redirect(base + "?" + urlencode({"ok": message}))

    class New(Action):
        def done(self, name: str, _new: str) -> None:
            type_name = self.get_argument("type", "plan")
            from .packs.manage import PACK_CHOICE, PackError, draft_from_pack, pack_type

            if type_name.startswith(PACK_CHOICE):
                try:
                    path = draft_from_pack(folder(), type_name, name.strip() or None)
                except PackError as exc:
                    raise CatalogError(str(exc)) from None
                type_name = pack_type(type_name) or "plan"
            else:
                path = new_draft(folder(), name, type_name)
            target = next(j for j in JOBS if type_name in j.types)
            self.redirect(app_url(base, target.notebook, path.name))

    class Copy(Action):
        def done(self, name: str, new_name: str) -> None:
            path = copy_draft(folder(), name, new_name)
            self.back(f"已复制为「{path.stem}」")

    class Rename(Action):
        def done(self, name: str, new_name: str) -> None:
            path = rename_draft(folder(), name, new_name)
            self.back(f"已改名为「{path.stem}」")

    class Delete(Action):
        def done(self, name: str, _new: str) -> None:
            delete_draft(folder(), name)
            self.back(f"草稿「{Path(name).stem}」已移到回收站，可在页面底部恢复")

    class Restore(Action):
        def done(self, name: str, _new: str) -> None:
            path = restore_draft(folder(), name)
            self.back(f"已恢复草稿「{path.stem}」")

    return [
        (base, StartPage),
        (base + r"voila/tree(/.*)?", ToStart),
        (base + r"kit/api/kernels", Kernels),
        (base + r"kit/new", New),
        (base + r"kit/copy", Copy),
        (base + r"kit/rename", Rename),
        (base + r"kit/delete", Delete),
        (base + r"kit/restore", Restore),
    ]


__all__ = ["app_url", "handlers", "page_html", "job", "quote"]
