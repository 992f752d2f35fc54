"""The app's door: who may use ``kit app`` (a token, the served Host, the page's own Origin).

Voilà serves the app on 127.0.0.1 only, but a loopback port is reachable from
every web page the clerk opens: a page could post to it, open a kernel
websocket from another Origin, or reach it under its own name through DNS
rebinding (then the ``Host`` header names that site). So every request, before
any Voilà or Jupyter handler sees it (static files and the kernel websocket
included), passes :meth:`Door.verdict`:

* ``Host`` must be the served address (``127.0.0.1:PORT`` or ``localhost:PORT``);
* an ``Origin`` header, when present (every websocket and every POST from a
  browser), must be one of those two addresses;
* the request must carry the token: ``?token=`` in the address (a page address
  is then answered with a cookie and a redirect to the same address without
  it), the cookie, or ``Authorization: token …`` (scripts).

Refused requests get 403 and a short Chinese page saying what to do.
:func:`guard` installs the check as the first routing rule of a tornado
application; :class:`Door` itself is plain (tested without a server).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from dataclasses import dataclass
from html import escape
from urllib.parse import parse_qsl, urlencode

from .errors import InputError

TOKEN_ENV = "KIT_APP_TOKEN"
_TOKEN_FORM = re.compile(r"[A-Za-z0-9._~-]{8,200}")

QUERY_PATH = re.compile(r"/voila/query/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")  # where a kernel started ahead reads its page's request

OK, LOGIN, FOREIGN_HOST, FOREIGN_ORIGIN, NO_TOKEN = "ok", "login", "foreign-host", "foreign-origin", "no-token"


def app_token() -> str:
    """The token of this run: ``$KIT_APP_TOKEN`` if set (8 or more of ``A-Z a-z 0-9 . _ ~ -``), else a new random one."""
    given = os.environ.get(TOKEN_ENV)
    if given is None or given == "":
        return secrets.token_urlsafe(24)
    if not _TOKEN_FORM.fullmatch(given):
        raise InputError(f"环境变量 {TOKEN_ENV} 不能用作口令：至少 8 个字符，只能用英文字母、数字和 . _ ~ -")
    return given


@dataclass(frozen=True)
class Door:
    """Who may come in: the served port and this run's token."""

    port: int
    token: str

    @property
    def hosts(self) -> frozenset[str]:
        """The ``Host`` headers of the served address."""
        return frozenset({f"127.0.0.1:{self.port}", f"localhost:{self.port}"})

    @property
    def origins(self) -> frozenset[str]:
        return frozenset(f"http://{host}" for host in self.hosts)

    @property
    def cookie_name(self) -> str:
        return f"kit-app-{self.port}"  # cookies ignore the port: one name per served app

    @property
    def cookie_value(self) -> str:
        """What the cookie holds: derived from the token (the token itself never sits in a cookie)."""
        return hmac.new(self.token.encode("utf-8"), f"fangan-kit app cookie {self.port}".encode(), hashlib.sha256).hexdigest()

    @property
    def kernel_key(self) -> str:
        """What a kernel started ahead shows to read its page's request (``/voila/query/<kernel>`` only):
        derived from the token, so the kernel never holds the token itself."""
        return hmac.new(self.token.encode("utf-8"), f"fangan-kit kernel query {self.port}".encode(), hashlib.sha256).hexdigest()

    def url(self, path: str = "/") -> str:
        """The address to print: ``http://127.0.0.1:PORT/path?token=…``."""
        joiner = "&" if "?" in path else "?"
        return f"http://127.0.0.1:{self.port}{path}{joiner}{urlencode({'token': self.token})}"

    def verdict(self, *, method: str, host: str | None, origin: str | None, query_token: str | None,
                cookie: str | None, authorization: str | None, websocket: bool = False, path: str = "") -> str:
        """:data:`OK`, :data:`LOGIN` (a right ``?token=`` on a page address: set the cookie and
        redirect), or why the request is refused: :data:`FOREIGN_HOST`, :data:`FOREIGN_ORIGIN`, :data:`NO_TOKEN`.

        A kernel waiting in the pool reads its page's request at ``/voila/query/<kernel>`` with
        ``Authorization: kit-kernel`` and :attr:`kernel_key`; that key opens nothing else."""
        if (host or "").lower() not in self.hosts:
            return FOREIGN_HOST
        if origin is not None and origin.lower().rstrip("/") not in self.origins:
            return FOREIGN_ORIGIN  # "null" included: sandboxed frames, file:// pages
        if cookie is not None and hmac.compare_digest(cookie.encode(), self.cookie_value.encode()):
            return OK
        scheme, _, value = (authorization or "").partition(" ")
        if scheme.lower() == "token" and hmac.compare_digest(value.strip().encode(), self.token.encode()):
            return OK
        if (scheme.lower() == "kit-kernel" and websocket and QUERY_PATH.fullmatch(path)
                and hmac.compare_digest(value.strip().encode(), self.kernel_key.encode())):
            return OK
        if query_token is not None and hmac.compare_digest(query_token.encode(), self.token.encode()):
            return LOGIN if method in ("GET", "HEAD") and not websocket else OK
        return NO_TOKEN


def without_token(uri: str) -> str:
    """*uri* (path and query) with its ``token`` parameter removed."""
    path, _, query = uri.partition("?")
    kept = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k != "token"]
    return path + ("?" + urlencode(kept) if kept else "")


_PAGE = (
    "<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>方案工坊 · {title}</title>"
    "<style>body{{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;max-width:680px;margin:60px auto;padding:0 20px;color:#222}}"
    "h1{{font-size:22px;color:#b71c1c}}p{{font-size:16px;line-height:1.7}}code{{background:#f1f3f5;padding:1px 4px}}</style>"
    "</head><body><h1>{title}</h1>{body}</body></html>"
)


def refusal_page(verdict: str, door: Door) -> str:
    """The Chinese page for a refused request."""
    served = f"<code>http://127.0.0.1:{door.port}/</code>"
    if verdict == NO_TOKEN:
        title = "请使用带口令的地址"
        body = (
            "<p>方案工坊只为启动它的人服务：请打开启动 <code>kit app</code>（或 <code>./dev app</code>）时屏幕上打印的完整地址，"
            "地址末尾带有 <code>?token=</code> 和一串口令。</p>"
            "<p>应用每次重新启动，口令都会更换；书签或旧地址打不开时，请使用新打印的地址。</p>"
        )
    elif verdict == FOREIGN_ORIGIN:
        title = "已拒绝来自其他网页的请求"
        body = f"<p>这个请求来自别的网页，不是方案工坊自己的页面，已被拒绝。请直接在浏览器中打开 {served} 开头的地址使用方案工坊。</p>"
    else:
        title = "地址不对"
        body = f"<p>方案工坊只在本机的 {served}（或 <code>http://localhost:{door.port}/</code>）提供服务，不接受用其他网址访问。</p>"
    return _PAGE.format(title=escape(title), body=body)


# -- tornado ------------------------------------------------------------------------------


def _request_verdict(door: Door, request) -> str:
    from http.cookies import CookieError

    try:
        cookie = request.cookies.get(door.cookie_name)
    except CookieError:
        cookie = None
    tokens = request.query_arguments.get("token")
    return door.verdict(
        method=request.method or "",
        host=request.headers.get("Host"),
        origin=request.headers.get("Origin") or request.headers.get("Sec-WebSocket-Origin"),
        query_token=tokens[-1].decode("utf-8", "replace") if tokens else None,
        cookie=cookie.value if cookie is not None else None,
        authorization=request.headers.get("Authorization"),
        websocket=request.headers.get("Upgrade", "").lower() == "websocket",
        path=request.path or "",
    )


def guard(app, door: Door) -> None:
    """Make *door* the first routing rule of the tornado application *app*: every request it
    does not let through goes to a handler that refuses it (or sets the cookie and redirects)."""
    from tornado import web
    from tornado.routing import Matcher, Rule

    class Closed(Matcher):
        def match(self, request):
            return None if _request_verdict(door, request) == OK else {}

    class Refusal(web.RequestHandler):
        def check_xsrf_cookie(self) -> None:  # refused anyway; no English XSRF message first
            return None

        def prepare(self) -> None:
            verdict = _request_verdict(door, self.request)
            self.set_header("Cache-Control", "no-store")
            if verdict == LOGIN:
                self.set_cookie(door.cookie_name, door.cookie_value, path="/", httponly=True, samesite="Strict")
                self.redirect(without_token(self.request.uri or "/"))
                return
            self.set_status(403)
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(refusal_page(verdict, door) if self.request.method != "HEAD" else "")

        def write_error(self, status_code: int, **kwargs) -> None:
            self.finish(f"<!DOCTYPE html><meta charset='utf-8'><p>请求无法处理（{status_code}）。</p>")

    app.default_router.rules.insert(0, Rule(Closed(), Refusal))
