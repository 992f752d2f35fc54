"""Who may use ``kit app``: the door's verdicts without a server, and the start-up refusals in Chinese."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from kit.door import FOREIGN_HOST, FOREIGN_ORIGIN, LOGIN, NO_TOKEN, OK, Door, app_token, refusal_page, without_token

ROOT = Path(__file__).resolve().parents[1]
DOOR = Door(8866, "s3cret-token-abc")
LATIN_WORD = re.compile(r"[A-Za-z]{4,}")


def verdict(door: Door = DOOR, *, method="GET", host="127.0.0.1:8866", origin=None, query=None, cookie=None, auth=None, ws=False) -> str:
    return door.verdict(method=method, host=host, origin=origin, query_token=query, cookie=cookie, authorization=auth, websocket=ws)


def test_the_served_address_with_the_cookie_comes_in():
    assert verdict(cookie=DOOR.cookie_value) == OK
    assert verdict(host="localhost:8866", cookie=DOOR.cookie_value) == OK
    assert verdict(host="LOCALHOST:8866", origin="http://localhost:8866", cookie=DOOR.cookie_value) == OK


def test_the_token_in_a_page_address_logs_in_and_elsewhere_just_passes():
    assert verdict(query=DOOR.token) == LOGIN
    assert verdict(method="POST", query=DOOR.token) == OK
    assert verdict(query=DOOR.token, ws=True) == OK
    assert verdict(auth=f"token {DOOR.token}") == OK
    assert verdict(auth=f"Token  {DOOR.token}") == OK


@pytest.mark.parametrize("host", ["evil.example:8866", "127.0.0.1:8867", "localhost", "127.0.0.1", "127.0.0.2:8866", "[::1]:8866", "", None, "0.0.0.0:8866"])
def test_a_foreign_host_is_refused_even_with_the_token(host):
    assert verdict(host=host, cookie=DOOR.cookie_value, query=DOOR.token) == FOREIGN_HOST


@pytest.mark.parametrize("origin", ["http://evil.example", "http://evil.example:8866", "https://127.0.0.1:8866", "http://127.0.0.1:8867", "null", "file://"])
def test_a_foreign_origin_is_refused_even_with_the_token(origin):
    assert verdict(origin=origin, cookie=DOOR.cookie_value) == FOREIGN_ORIGIN
    assert verdict(origin=origin, query=DOOR.token, ws=True) == FOREIGN_ORIGIN


@pytest.mark.parametrize("given", [dict(), dict(query="wrong"), dict(cookie="0" * 64), dict(cookie=DOOR.token), dict(auth="token wrong"),
                                   dict(auth=f"Bearer {DOOR.token}"), dict(query=""), dict(cookie=Door(8867, DOOR.token).cookie_value)])
def test_without_the_token_nothing_comes_in(given):
    assert verdict(**given) == NO_TOKEN


def test_the_cookie_does_not_hold_the_token_and_the_printed_address_does():
    assert DOOR.token not in DOOR.cookie_value
    assert DOOR.url("/") == "http://127.0.0.1:8866/?token=s3cret-token-abc"
    assert DOOR.url("/voila/render/notebooks/summary.ipynb") == "http://127.0.0.1:8866/voila/render/notebooks/summary.ipynb?token=s3cret-token-abc"


KERNEL_QUERY = "/voila/query/0f3c2a9e-1b2d-4c5e-8f70-9a1b2c3d4e5f"


def test_the_kernel_key_reads_a_page_request_and_opens_nothing_else():
    key = f"kit-kernel {DOOR.kernel_key}"

    def kernel(path=KERNEL_QUERY, *, auth=key, ws=True, **kw):
        return DOOR.verdict(method="GET", host=kw.get("host", "127.0.0.1:8866"), origin=kw.get("origin"), query_token=None,
                            cookie=None, authorization=auth, websocket=ws, path=path)

    assert kernel() == OK
    assert DOOR.token not in DOOR.kernel_key and DOOR.kernel_key not in (DOOR.cookie_value, Door(8867, DOOR.token).kernel_key)
    assert kernel(auth="kit-kernel wrong") == NO_TOKEN
    assert kernel(auth=f"token {DOOR.kernel_key}") == NO_TOKEN
    assert kernel(ws=False) == NO_TOKEN
    for path in ("/", "/api/kernels/0f3c2a9e-1b2d-4c5e-8f70-9a1b2c3d4e5f/channels", "/voila/query/", KERNEL_QUERY + "/x",
                 "/voila/query/../api/kernels", "/kit/api/kernels"):
        assert kernel(path) == NO_TOKEN, path
    assert kernel(host="evil.example:8866") == FOREIGN_HOST  # the Host and Origin rules hold for kernels too
    assert kernel(origin="http://evil.example") == FOREIGN_ORIGIN


def test_the_redirect_after_login_keeps_the_rest_of_the_address():
    assert without_token("/?token=abc") == "/"
    assert without_token("/voila/render/notebooks/summary.ipynb?draft=%E6%96%B9%E6%A1%88.yaml&token=abc") == "/voila/render/notebooks/summary.ipynb?draft=%E6%96%B9%E6%A1%88.yaml"


@pytest.mark.parametrize("why", [NO_TOKEN, FOREIGN_HOST, FOREIGN_ORIGIN])
def test_every_refusal_page_is_chinese(why):
    page = refusal_page(why, DOOR)
    text = re.sub(r"<[^>]+>", "", re.sub(r"<style>.*?</style>", "", page))
    words = [w for w in LATIN_WORD.findall(text) if w not in ("localhost", "http", "token")]
    assert "lang='zh-CN'" in page and words == [], words


def test_the_token_comes_from_the_environment_or_is_random(monkeypatch):
    monkeypatch.setenv("KIT_APP_TOKEN", "my-own-token-1")
    assert app_token() == "my-own-token-1"
    monkeypatch.delenv("KIT_APP_TOKEN")
    first, second = app_token(), app_token()
    assert first != second and len(first) >= 32


# -- start-up refusals: exit 2, one Chinese line, no English log line ---------------------------


def run_app(tmp_path, *args, **env) -> subprocess.CompletedProcess:
    environ = {**os.environ, "KIT_DRAFTS_DIR": str(tmp_path / "drafts"), "KIT_LOG_DIR": str(tmp_path / "logs"), **env}
    return subprocess.run([sys.executable, "-m", "kit.cli", "app", *args], cwd=ROOT, env=environ, capture_output=True, text=True, timeout=60)


def assert_refused_in_chinese(done: subprocess.CompletedProcess, *words: str) -> None:
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert done.stderr.startswith("错误：") and done.stderr.count("\n") == 1, done.stderr
    assert "Traceback" not in done.stderr and "CRITICAL" not in done.stderr and "ERROR" not in done.stderr
    for word in words:
        assert word in done.stderr


def test_a_busy_port_is_said_in_chinese_with_exit_code_2(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = run_app(tmp_path, "--port", str(port))
    assert_refused_in_chinese(done, f"端口 {port} 已被占用", f"--port {port + 1}")


def test_a_port_out_of_range_is_said_in_chinese(tmp_path):
    assert_refused_in_chinese(run_app(tmp_path, "--port", "0"), "端口 0 不能使用")
    assert_refused_in_chinese(run_app(tmp_path, "--port", "70000"), "端口 70000 不能使用")


def test_a_drafts_folder_that_cannot_be_made_is_said_in_chinese(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_bytes(b"x")
    done = run_app(tmp_path, "--port", str(free_port()), KIT_DRAFTS_DIR=str(blocker / "drafts"))
    assert_refused_in_chinese(done, "草稿文件夹", "不能写入", "KIT_DRAFTS_DIR")
    assert blocker.read_bytes() == b"x"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes into any folder")
def test_a_read_only_drafts_folder_is_said_in_chinese(tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        done = run_app(tmp_path, "--port", str(free_port()))
    finally:
        folder.chmod(0o755)
    assert_refused_in_chinese(done, "草稿文件夹", "不能写入", "没有权限")


def test_a_malformed_token_in_the_environment_is_said_in_chinese(tmp_path):
    assert_refused_in_chinese(run_app(tmp_path, "--port", str(free_port()), KIT_APP_TOKEN="a b"), "KIT_APP_TOKEN")


@pytest.mark.parametrize("value", ["x", "-1", "5", "1.5"])
def test_a_malformed_pool_size_is_said_in_chinese(tmp_path, value):
    assert_refused_in_chinese(run_app(tmp_path, "--port", str(free_port()), KIT_APP_POOL=value), "KIT_APP_POOL", "0 到 4")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
