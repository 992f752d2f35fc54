"""The page's own request, as the kernel behind an app page sees it.

Voilà gives a kernel the page's address in its environment (``QUERY_STRING``:
``draft=名称.yaml`` from the start page). A kernel that ``kit app`` started ahead
(:mod:`kit.kernels`) ran its notebook before any page asked for it; it has no
``QUERY_STRING`` yet, so :func:`page_query` waits here until Voilà hands the
kernel to a page and sends it that page's request over ``/voila/query/<kernel>``
— what :func:`voila.utils.wait_for_request` does, but through the app's door
(``Authorization: kit-kernel …`` with the key ``kit app`` put in the kernel's
environment), and without ever failing the cell: if the request cannot be read,
the app opens the job's last draft and says why.
"""

from __future__ import annotations

import asyncio
import json
import os
import threading

OPEN_SECONDS = 10  # to open the websocket; the answer itself may come hours later (when a page asks)


def preheated() -> bool:
    """True in a kernel started ahead whose page has not been requested yet."""
    return os.environ.get("VOILA_PREHEAT") == "True" and "QUERY_STRING" not in os.environ


def page_query() -> tuple[str, str | None]:
    """The page address's query string, waiting for it in a kernel started ahead; and a Chinese
    problem if it could not be read (the query is then empty)."""
    problem = None
    if preheated():
        try:
            info = _request_info()
        except Exception as exc:  # noqa: BLE001 - any failure: the app opens the last draft and says so
            info = {"QUERY_STRING": ""}
            problem = f"没能读到页面地址中指定的草稿（{type(exc).__name__}），已打开这项工作上次编辑的草稿"
        for key, value in info.items():
            os.environ[str(key)] = str(value)
        os.environ.setdefault("QUERY_STRING", "")
    return os.environ.get("QUERY_STRING", ""), problem


def query_url() -> str:
    ip = os.environ.get("VOILA_APP_IP", "127.0.0.1")
    port = os.environ.get("VOILA_APP_PORT", "8866")
    base = os.environ.get("VOILA_WS_BASE_URL") or os.environ.get("VOILA_SERVER_URL") or "/"
    return f"ws://{ip}:{port}{base}voila/query/{os.environ['VOILA_KERNEL_ID']}"


def _request_info() -> dict:
    """Voilà's request info for this kernel (``QUERY_STRING``, ``SERVER_NAME``…), read on a thread of its own
    (the kernel's event loop is busy running this cell)."""
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    key = os.environ.get("KIT_KERNEL_KEY", "")
    headers = {"Authorization": f"kit-kernel {key}"} if key else {}
    result: dict = {}

    async def read() -> None:
        request = HTTPRequest(query_url(), headers=headers, connect_timeout=OPEN_SECONDS, request_timeout=OPEN_SECONDS)
        connection = await websocket_connect(request)
        try:
            message = await connection.read_message()
        finally:
            connection.close()
        if message is None:
            raise ConnectionError("closed before the request came")
        result["info"] = json.loads(message)

    failure: list[BaseException] = []

    def run() -> None:
        try:
            asyncio.run(read())
        except BaseException as exc:  # noqa: BLE001 - passed on to the caller
            failure.append(exc)

    thread = threading.Thread(target=run, name="kit-page-request", daemon=True)
    thread.start()
    thread.join()
    if failure:
        raise failure[0]
    return result["info"]


__all__ = ["page_query", "preheated", "query_url"]
