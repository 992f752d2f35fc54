"""A school's server under the hub: the drafting app and its start page, and nothing else.

Started by :class:`kit.hub.spawner.SchoolSpawner` as ``python -m kit.hub.singleuser``
with JupyterHub's environment (``JUPYTERHUB_*``: where it is served, its OAuth
client) and the school's folders (``KIT_DRAFTS_DIR``, ``KIT_SERVE_ROOT``, ``KIT_PACK_HOME``).
It is the Voilà app of ``kit app`` (:func:`kit.app.kit_voila_class`) with
JupyterHub's OAuth in place of ``kit app``'s token door.

Why one operating-system user for every school, and how schools stay apart
(the choice issue 11 left open). Real accounts per school would need the hub
to run as root, create system users, and make the checkout and its
virtualenv readable to them wherever it was cloned; and a school could still
run any code as its own user. Instead a school's server offers no way to name
a file or run code:

* only these routes exist: the start page and its draft actions (names are
  checked: no folder part), the three app notebooks (any other path: 404),
  Voilà's static files, generated ``.docx`` files from the school's own
  folder (``voila/files``, nothing else matches the allowlist), the kernel
  and its websocket, the OAuth callback. No contents API, no terminals, no
  JupyterLab, no kernel creation by API;
* the kernel websocket passes only ``comm_open``, ``comm_msg``, ``comm_close``,
  ``comm_info_request`` and ``kernel_info_request`` (Jupyter Server's
  ``allowed_message_types``): the page's widgets talk to the kernel through
  comms; ``execute_request`` (and ``inspect``, ``complete``, ``history``,
  ``debug`` …) is dropped, so no school runs code of its own choosing; Voilà
  runs the notebook itself, server-side;
* every route but static files needs a hub login with access to this server
  (``access:servers!server=<school>/``): school A's cookie gets 403 at school B's.
"""

from __future__ import annotations

import os
import sys
from urllib.parse import urlparse

ERRORS = {
    403: ("没有权限", "这个文件或页面不能打开：每所学校只能打开本校的草稿和本校生成的文档。"),
    404: ("找不到这个页面", "地址可能输错了，或者文件已经不在了。"),
    405: ("不能这样打开", "请从方案工坊的页面上操作。"),
}
ALLOWED_MESSAGES = ["comm_open", "comm_msg", "comm_close", "comm_info_request", "kernel_info_request"]


def hub_voila_class():
    from jupyterhub.singleuser.extension import JupyterHubIdentityProvider, JupyterHubOAuthCallbackHandler
    from tornado import web
    from voila.static_file_handler import AllowListFileHandler
    from voila.tornado.contentshandler import VoilaContentsHandler

    from ..app import NOTEBOOKS, kit_voila_class
    from ..widgets.app import serve_root

    class SchoolIdentity(JupyterHubIdentityProvider):
        """JupyterHub's identity provider, taking the keywords Voilà passes (it has no token of its own)."""

        def __init__(self, **kwargs):
            kwargs.pop("token", None)
            kwargs.pop("login_handler_class", None)
            super().__init__(**kwargs)

        def get_handlers(self):
            return []  # added below, under the server's prefix

    def chinese_error(handler, status_code: int) -> None:
        """A short Chinese page for an error answer of the school's server (never tornado's or Jupyter's English one)."""
        from html import escape

        from ..door import _PAGE

        title, text = ERRORS.get(status_code, (f"出错了（{status_code}）", "请稍后再试；多次出现请联系县里的管理员。"))
        home = escape(handler.settings.get("base_url", "/"))
        body = f"<p>{escape(text)}</p><p><a href='{home}'>回到我的草稿</a></p>"
        handler.set_header("Content-Type", "text/html; charset=utf-8")
        handler.finish(_PAGE.format(title=escape(title), body=body))

    class NotFound(web.RequestHandler):
        def prepare(self) -> None:
            raise web.HTTPError(404)

        def write_error(self, status_code: int, **kwargs) -> None:
            chinese_error(self, status_code)

    def signed_in(cls):
        """*cls* with a hub login required before anything else (for handlers that do not check it themselves)."""

        class SignedIn(cls):
            def write_error(self, status_code: int, **kwargs) -> None:
                chinese_error(self, status_code)

            async def prepare(self):
                identity = self.settings["identity_provider"]
                user = await identity.get_user(self)
                if user is None:
                    if self.request.method in ("GET", "HEAD") and "websocket" not in self.request.headers.get("Upgrade", "").lower():
                        self.redirect(self.get_login_url())
                        return
                    raise web.HTTPError(403)
                result = super().prepare()
                if result is not None:
                    await result

        SignedIn.__name__ = f"SignedIn{cls.__name__}"
        return SignedIn

    base = kit_voila_class(None)

    class SchoolVoila(base):
        identity_provider_class = SchoolIdentity

        def init_handlers(self) -> list:
            kept = []
            for handler in super().init_handlers():
                pattern, cls, *rest = handler
                if cls is VoilaContentsHandler or not pattern.startswith(self.server_url):
                    continue  # Voilà's file listing; the identity provider's unprefixed routes
                if cls.__name__ == "ExecutionRequestHandler":
                    continue  # runs notebook cells on request (JupyterLab preview): not for schools
                if issubclass(cls, AllowListFileHandler):
                    rest = [{**rest[0], "path": str(serve_root())}]
                if cls.__name__ == "NotebookPage":
                    cls = only_the_apps(cls)
                kept.append((pattern, signed_in(cls), *rest) if not is_static(cls) else (pattern, cls, *rest))
            callback = (self.server_url + "oauth_callback", JupyterHubOAuthCallbackHandler, {"hub_auth": self.identity_provider.hub_auth})
            logout = (self.server_url + "logout", web.RedirectHandler, {"url": self.identity_provider.hub_auth.hub_prefix + "logout"})
            version = (self.server_url + "api", HubVersion)
            return [callback, logout, version, *kept, (self.server_url + ".*", NotFound)]

    class HubVersion(web.RequestHandler):
        """What the hub asks a new server for: its JupyterHub version (nothing about the school)."""

        def get(self) -> None:
            import jupyterhub

            self.set_header("X-JupyterHub-Version", jupyterhub.__version__)
            self.finish({"version": jupyterhub.__version__})

    def is_static(cls) -> bool:
        return issubclass(cls, web.StaticFileHandler) and not issubclass(cls, AllowListFileHandler)

    def only_the_apps(cls):
        allowed = {f"notebooks/{name}" for name in NOTEBOOKS}

        class AppPage(cls):
            async def get(self, path=None):
                if path not in allowed:
                    raise web.HTTPError(404)
                return await super().get(path)

        return AppPage

    return SchoolVoila


def argv() -> list[str]:
    """Voilà's options for this school's server (port and prefix from JupyterHub's environment)."""
    from ..app import voila_argv

    url = urlparse(os.environ["JUPYTERHUB_SERVICE_URL"])
    prefix = os.environ["JUPYTERHUB_SERVICE_PREFIX"]
    # No kernels started ahead on a county's server: three idle kernels (about 220 MB) per school would
    # double a school's memory (bench/hub_load.py measures about 245 MB for a school with one page open),
    # and a waiting kernel reads its page's address through kit app's door, which a school's server has not.
    kept = [a for a in voila_argv(url.port or 80, pool=0) if not a.startswith("--VoilaConfiguration.file_allowlist=")]
    return kept + [
        f"--Voila.base_url={prefix}",
        *(f"--MappingKernelManager.allowed_message_types={m}" for m in ALLOWED_MESSAGES),
        r"--VoilaConfiguration.file_allowlist=drafts/out/[^/]*\.docx",  # generated documents only
    ]


def main() -> int:
    from ..app import _environment
    from ..errors import InputError

    try:
        _environment()
    except InputError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    app = hub_voila_class()()
    app.initialize(argv())
    app.start()
    return 0


if __name__ == "__main__":
    sys.exit(main())
