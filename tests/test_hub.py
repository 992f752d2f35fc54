"""``kit hub``: two schools on one JupyterHub, in a real browser, and everything one might try to reach the other's drafts.

Starts ``kit hub start`` on a free loopback port with its folder under
test-artifacts/hub/ (configurable-http-proxy from proxy/node_modules, which
``./dev test`` installs), adds two school accounts with ``kit hub school add``,
logs both in through the hub's Chinese login form with Debian's chromium, and
edits a draft in each in the app. Then, as school A: school B's pages, files
and drafts by every address (B's server, A's own server with ``../``, the
contents, files, terminals and kernels APIs, the hub's API), and code sent
down A's own kernel websocket to read B's draft: each answered 403 or 404, or
dropped. Then the hub is stopped and started again (the schools' servers with
it) and both drafts are there, unchanged. Skipped when chromium is missing,
unless KIT_REQUIRE_BROWSER=1.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest

from hubtools import Hub, add_school, kit, login
from test_browser import ARGS, CHROMIUM, _require_browser, english_on_screen, goto_app, wait_saved

pytestmark = pytest.mark.hub
ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts" / "hub"
APP = "voila/render/notebooks/consolation_budget.ipynb"
SCHOOLS = {"alpha": ("alpha-pass-123", "甲小学", "甲校专用方案", "21"), "beta": ("beta-pass-456", "乙中学", "乙校机密方案", "22")}


def _require_proxy() -> None:
    from kit.hub.config import proxy_command

    if proxy_command() is None:
        if os.environ.get("KIT_REQUIRE_BROWSER") == "1":
            pytest.fail("configurable-http-proxy 不可用（./dev test 会安装到 proxy/node_modules）")
        pytest.skip("configurable-http-proxy 不可用")


@pytest.fixture(scope="module")
def hub():
    _require_browser()
    _require_proxy()
    run = ARTIFACTS / f"run-{os.getpid()}"
    shutil.rmtree(run, ignore_errors=True)
    home = run / "home"
    home.mkdir(parents=True)
    for name, (password, label, *_rest) in SCHOOLS.items():
        add_school(home, name, password, label)
    hub = Hub(home, run / "hub.log")
    hub.start()
    try:
        yield hub
    finally:
        hub.stop()
        shutil.copyfile(run / "hub.log", ARTIFACTS / "hub.log")  # kept for diagnosis
        shutil.rmtree(run, ignore_errors=True)


@pytest.fixture(scope="module")
def browser(hub):
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=90_000)
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def new_draft_with_count(page, base: str, name: str, draft: str, count: str) -> None:
    """On the school's start page: a new consolation draft named *draft*, its first count set in the app."""
    from playwright.sync_api import expect

    page.locator(".kit-new input[name=name]").fill(draft)
    page.locator(".kit-new select").select_option("consolation")
    page.locator(".kit-new button").click()
    page.locator(".kit-generate").wait_for(state="visible")
    assert f"/user/{name}/{APP}" in page.url
    field = page.locator(".kit-budget-count-0 input")
    expect(field).to_have_value("10")
    field.fill(count)
    field.press("Tab")
    wait_saved(page)
    page.locator(".kit-generate").click()
    expect(page.locator(".kit-download a")).to_be_visible()


STATE: dict = {}


def test_two_schools_each_see_only_their_own_drafts_and_cannot_reach_the_others(hub, browser):
    from playwright.sync_api import expect

    base = hub.base
    pages = {}
    # A wrong password first: refused, in Chinese.
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + "/hub/login", wait_until="domcontentloaded")
    assert english_on_screen(page) == []
    shot(page, "login")
    page.fill("#username_input", "alpha")
    page.fill("#password_input", "not-the-password")
    page.click("#login_submit")
    expect(page.locator(".kit-login-error")).to_contain_text("账号或密码不对")
    assert english_on_screen(page) == ["alpha"]  # the account name typed, nothing else
    context.close()

    for name, (password, _label, draft, count) in SCHOOLS.items():
        context, page = login(browser, base, name, password)
        assert english_on_screen(page) == []
        shot(page, f"start_page_{name}_new")
        new_draft_with_count(page, base, name, draft, count)
        pages[name] = (context, page)
    home = hub.home
    a_draft = home / "schools" / "alpha" / "drafts" / "甲校专用方案.yaml"
    b_draft = home / "schools" / "beta" / "drafts" / "乙校机密方案.yaml"
    assert "count: 21" in a_draft.read_text(encoding="utf-8") and "count: 22" in b_draft.read_text(encoding="utf-8")
    b_docx = next((home / "schools" / "beta" / "drafts" / "out").glob("*.docx"))
    a_docx = next((home / "schools" / "alpha" / "drafts" / "out").glob("*.docx"))
    STATE["files"] = {p: p.read_bytes() for p in (a_draft, b_draft)}

    # Each start page lists its own draft only.
    for name, (context, page) in pages.items():
        page.goto(f"{base}/user/{name}/", wait_until="domcontentloaded")
        own, other = (SCHOOLS[name][2], SCHOOLS["beta" if name == "alpha" else "alpha"][2])
        expect(page.locator(".kit-draft", has_text=own)).to_have_count(1)
        assert other not in page.content()
        shot(page, f"start_page_{name}")

    # A's own download works: the school's generated documents are served to it.
    a_context, a_page = pages["alpha"]
    answer = a_context.request.get(f"{base}/user/alpha/voila/files/drafts/out/{quote(a_docx.name)}")
    assert answer.status == 200 and answer.body()[:2] == b"PK"

    # Everything A might try for B's drafts.
    b_name, b_out = quote(b_draft.name), quote(b_docx.name)
    attempts = [
        f"/user/beta/",
        f"/user/beta/{APP}?draft={b_name}",
        f"/user/beta/voila/files/drafts/out/{b_out}",
        f"/user/beta/voila/files/drafts/{b_name}",
        f"/user/beta/kit/api/kernels",
        f"/user/alpha/voila/files/drafts/{quote('甲校专用方案.yaml')}",  # drafts themselves are never files to fetch
        f"/user/alpha/voila/files/..%2F..%2Fbeta%2Fdrafts%2F{b_name}",
        f"/user/alpha/voila/files/drafts/out/..%2F..%2F..%2Fbeta%2Fdrafts%2Fout%2F{b_out}",
        f"/user/alpha/voila/files/%2E%2E/%2E%2E/beta/drafts/out/{b_out}",
        f"/user/alpha/voila/files/{quote(str(b_docx))}",
        f"/user/alpha/voila/render/..%2F..%2Fbeta%2Fdrafts%2F{b_name}",
        f"/user/alpha/voila/render/templates/packs/consolation/check.ipynb",
        f"/user/alpha/voila/api/contents/",
        f"/user/alpha/api/contents/",
        f"/user/alpha/api/contents/..%2Fbeta%2Fdrafts",
        f"/user/alpha/files/..%2Fbeta%2Fdrafts%2F{b_name}",
        f"/user/alpha/tree/",
        f"/user/alpha/lab",
        f"/user/alpha/terminals/1",
        f"/user/alpha/api/terminals",
        f"/user/alpha/api/sessions",
        f"/user/alpha/api/kernels",
        f"/user/alpha/api/kernelspecs",
        f"/user/alpha/nbconvert/html/notebooks/consolation_budget.ipynb",
        f"/hub/api/users/beta",
        f"/hub/api/users",
        f"/hub/admin",
        f"/user-redirect/../user/beta/",
    ]
    secrets = ("乙校机密方案", "count: 22")
    for path in attempts:
        answer = a_context.request.get(base + path, max_redirects=10)
        body = answer.body()
        assert answer.status in (403, 404), (path, answer.status, answer.url)
        assert not any(s.encode() in body for s in secrets) and body[:2] != b"PK", path
    for path in ("/user/alpha/api/kernels", "/user/alpha/api/sessions", "/user/alpha/api/contents/x.ipynb", "/user/alpha/api/terminals"):
        answer = a_context.request.post(base + path, data="{}", headers={"Content-Type": "application/json"}, max_redirects=0)
        assert answer.status in (403, 404, 405), (path, answer.status)

    # What A sees at B's address, a mistyped address or a refused file: a Chinese page.
    a_page.goto(f"{base}/user/beta/", wait_until="domcontentloaded")
    expect(a_page.locator("h1")).to_contain_text("没有权限")
    assert set(english_on_screen(a_page)) <= {"alpha"}  # the navigation bar names the signed-in account
    shot(a_page, "alpha_at_beta")
    for path in ("/user/alpha/nothing-here", f"/user/alpha/voila/files/drafts/{quote('甲校专用方案.yaml')}"):
        a_page.goto(base + path, wait_until="domcontentloaded")
        assert english_on_screen(a_page) == [], path
        assert "回到我的草稿" in a_page.content()

    # A's page opened with ../ in its draft name opens one of A's drafts, never B's.
    goto_app(a_page, f"{base}/user/alpha/{APP}?draft={quote('../../beta/drafts/' + b_draft.name)}")
    chosen = a_page.locator(".kit-chooser select option:checked").inner_text()
    assert "乙校" not in chosen and "乙校机密方案" not in a_page.content()

    # Code down A's own kernel websocket: dropped (only widget messages pass); kernel_info answers, as a control.
    kernels = json.loads(a_context.request.get(f"{base}/user/alpha/kit/api/kernels").body())
    assert kernels, "the open app page has a kernel"
    proof = hub.home / "executed.txt"
    code = f"open({str(proof)!r}, 'w').write(open({str(b_draft)!r}, encoding='utf-8').read()); print(open({str(b_draft)!r}, encoding='utf-8').read())"
    ws_url = f"ws://127.0.0.1:{hub.port}/user/alpha/api/kernels/{kernels[0]['id']}/channels"
    got = a_page.evaluate(
        """async ([url, code]) => {
          const ws = new WebSocket(url);
          const got = [];
          await new Promise((ok, bad) => { ws.onopen = ok; ws.onerror = () => bad(new Error('websocket refused')); });
          ws.onmessage = (e) => got.push(typeof e.data === 'string' ? e.data : '[binary]');
          const send = (type, content, channel) => ws.send(JSON.stringify({
            header: {msg_id: 'attack-' + type + Math.random(), username: 'alpha', session: 'attack', msg_type: type, version: '5.3', date: new Date().toISOString()},
            parent_header: {}, metadata: {}, content: content, channel: channel, buffers: []}));
          send('execute_request', {code: code, silent: false, store_history: false, user_expressions: {}, allow_stdin: false, stop_on_error: true}, 'shell');
          send('execute_request', {code: code, silent: false, store_history: false, user_expressions: {}, allow_stdin: false, stop_on_error: true}, 'control');
          send('debug_request', {seq: 1, type: 'request', command: 'evaluate', arguments: {expression: code}}, 'control');
          send('inspect_request', {code: code, cursor_pos: 3, detail_level: 1}, 'shell');
          send('kernel_info_request', {}, 'shell');
          await new Promise(r => setTimeout(r, 5000));
          ws.close();
          return got;
        }""",
        [ws_url, code],
    )
    types = [json.loads(m)["header"]["msg_type"] for m in got if m.startswith("{")]
    assert "kernel_info_reply" in types, types  # the socket works
    assert not {"execute_reply", "execute_result", "stream", "error", "debug_reply", "inspect_reply"} & set(types), types
    assert not proof.exists()
    assert not any("乙校机密方案" in m or "count: 22" in m for m in got)

    # Signed out: nothing but the login page.
    stranger = browser.new_context()
    for path in (f"/user/alpha/", f"/user/alpha/voila/files/drafts/out/{quote(a_docx.name)}", f"/user/alpha/{APP}"):
        answer = stranger.request.get(base + path, max_redirects=10)
        body = answer.body()
        assert body[:2] != b"PK" and "甲校专用方案".encode() not in body, path
        assert "/hub/login" in answer.url or answer.status in (403, 404), (path, answer.status, answer.url)
    stranger.close()

    # Each school's server runs under its memory limit.
    servers = hub.servers()
    assert set(servers) == {"alpha", "beta"}
    from kit.hub.limits import memory_limiter

    probe = memory_limiter(f"probe-{os.getpid()}", 1 << 30)
    probe.release()
    if probe.kind.startswith("cgroup"):
        for name, pid in servers.items():
            assert f"fangan-hub/{name}" in Path(f"/proc/{pid}/cgroup").read_text()
    else:
        import resource

        for pid in servers.values():
            assert resource.prlimit(pid, resource.RLIMIT_AS)[0] == 1 << 30
    # The start page names the school and signs it out.
    a_page.goto(f"{base}/user/alpha/", wait_until="domcontentloaded")
    expect(a_page.locator(".kit-school")).to_contain_text("甲小学")
    a_page.locator(".kit-school a").click()
    expect(a_page.locator("h1")).to_contain_text("学校登录")  # signed out: back at the login form
    answer = a_context.request.get(f"{base}/user/alpha/", max_redirects=10)
    assert "/hub/login" in answer.url and "甲校专用方案".encode() not in answer.body()
    for context, _page in pages.values():
        context.close()


def test_drafts_survive_restarting_the_hub_and_the_servers(hub, browser):
    from playwright.sync_api import expect

    files = STATE.get("files")
    if not files:
        pytest.skip("needs the first test's drafts")
    old_servers = hub.servers()
    assert hub.stop() == []  # the hub stopped everything it started (servers, kernels, culler, proxy) by itself
    assert all(not Path(f"/proc/{pid}").exists() for pid in old_servers.values())
    assert all(path.read_bytes() == data for path, data in files.items())
    hub.start()
    for name, (password, _label, draft, count) in SCHOOLS.items():
        context, page = login(browser, hub.base, name, password)
        expect(page.locator(".kit-draft", has_text=draft)).to_have_count(1)
        goto_app(page, f"{hub.base}/user/{name}/{APP}?draft={quote(draft + '.yaml')}")
        expect(page.locator(".kit-budget-count-0 input")).to_have_value(count)
        shot(page, f"after_restart_{name}")
        context.close()
    assert hub.servers().keys() == {"alpha", "beta"}
    assert all(path.read_bytes() == data for path, data in files.items())


# -- without a browser ----------------------------------------------------------------------


ALLOCATE = "import sys; b = b'x' * ({mib} << 20); print('allocated', len(b) >> 20)"


def _allocate(limiter, mib: int) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", ALLOCATE.format(mib=mib)], preexec_fn=limiter.preexec(),
                          capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("kind", ["cgroup", "rlimit"])
def test_the_memory_limit_stops_a_school_process_that_allocates_past_it(kind):
    from kit.hub.limits import memory_limiter

    limiter = memory_limiter(f"test-{os.getpid()}-{kind}", 400 << 20, allow_cgroup=kind == "cgroup")
    if kind == "cgroup" and not limiter.kind.startswith("cgroup"):
        pytest.skip("no memory cgroup can be made here (the hub falls back to the rlimit)")
    try:
        small = _allocate(limiter, 50)
        assert small.returncode == 0 and "allocated 50" in small.stdout, small.stderr
        big = _allocate(limiter, 800)
        assert big.returncode != 0 and "allocated" not in big.stdout
        if kind == "cgroup":
            assert big.returncode == -9  # the OOM killer, inside the school's cgroup only
        else:
            assert "MemoryError" in big.stderr
    finally:
        limiter.release()


def test_accounts_passwords_and_backup_through_kit_hub(tmp_path):
    from kit.hub import accounts

    home = tmp_path / "hub"
    add_school(home, "dongfeng-zx", "first-password", "东风中学")
    path = home / "accounts.json"
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert "first-password" not in path.read_text(encoding="utf-8")
    assert accounts.authenticate(path, "dongfeng-zx", "first-password")
    assert not accounts.authenticate(path, "dongfeng-zx", "First-password")
    assert not accounts.authenticate(path, "nobody", "first-password")

    again = kit("hub", "school", "add", "dongfeng-zx", "--password-stdin", home=home, stdin="whatever-123\n")
    assert again.returncode == 2 and "已经存在" in again.stderr
    bad = kit("hub", "school", "add", "东风", home=home)
    assert bad.returncode == 2 and "账号名" in bad.stderr
    short = kit("hub", "school", "add", "xinhua", "--password-stdin", home=home, stdin="short\n")
    assert short.returncode == 2 and "密码太短" in short.stderr

    reset = kit("hub", "school", "password", "dongfeng-zx", home=home)
    assert reset.returncode == 0 and "新密码：" in reset.stdout
    new = reset.stdout.split("新密码：")[1].split()[0]
    assert accounts.authenticate(path, "dongfeng-zx", new) and not accounts.authenticate(path, "dongfeng-zx", "first-password")
    listed = kit("hub", "school", "list", home=home)
    assert "dongfeng-zx" in listed.stdout and "东风中学" in listed.stdout

    draft = home / "schools" / "dongfeng-zx" / "drafts" / "春节慰问.yaml"
    draft.write_text("schema_version: 1\n", encoding="utf-8")
    target = tmp_path / "备份.zip"
    done = kit("hub", "backup", "-o", str(target), home=home)
    assert done.returncode == 0 and "已备份 1 份草稿" in done.stdout
    with zipfile.ZipFile(target) as z:
        assert set(z.namelist()) == {"accounts.json", "schools/dongfeng-zx/drafts/春节慰问.yaml"}
        assert z.read("schools/dongfeng-zx/drafts/春节慰问.yaml") == draft.read_bytes()


def test_a_pack_installed_for_every_school_is_read_only_and_offered_to_each(tmp_path):
    home = tmp_path / "hub"
    made = kit("pack", "new", "county_union_home", "--from", str(ROOT / "sample_data" / "union_home_plan.yaml"),
               "-o", str(tmp_path / "county_union_home"), "--author", "某某县教育工会", "--label", "县局共享模板", home=home)
    assert made.returncode == 0, made.stderr
    done = kit("hub", "pack", "install", str(tmp_path / "county_union_home"), home=home)
    assert done.returncode == 0, done.stdout + done.stderr
    installed = home / "packs" / "county_union_home"
    assert (installed / "pack.yaml").is_file()
    assert not any(p.stat().st_mode & 0o222 for p in [installed, *installed.rglob("*")])  # read-only for the schools' servers
    again = kit("hub", "pack", "install", str(tmp_path / "county_union_home"), "--force", home=home)
    assert again.returncode == 0, again.stderr  # the administrator can still update it
    env = {**os.environ, "KIT_PACK_HOME": str(home / "packs")}  # what SchoolSpawner gives every school's server
    listed = subprocess.run([sys.executable, "-c", "from kit.packs.manage import pack_choices; print(pack_choices(('plan',)))"],
                            env=env, capture_output=True, text=True, timeout=60)
    assert "县局共享模板" in listed.stdout, listed.stderr


def test_an_idle_school_server_is_stopped_by_the_culler_and_its_drafts_stay(tmp_path):
    """jupyterhub-idle-culler runs as the hub's service: a server nobody uses is stopped (here after 8 s)."""
    import re
    import time

    import requests

    _require_proxy()
    home = tmp_path / "home"
    add_school(home, "gamma", "gamma-pass-789")
    hub = Hub(home, tmp_path / "hub.log", extra_env={"KIT_HUB_CULL_SECONDS": "8"})
    hub.start()
    try:
        session = requests.Session()
        form = session.get(hub.base + "/hub/login", timeout=30).text
        xsrf = re.search(r'name="_xsrf" value="([^"]+)"', form).group(1)
        session.post(hub.base + "/hub/login", data={"username": "gamma", "password": "gamma-pass-789", "_xsrf": xsrf}, timeout=120)
        deadline = time.monotonic() + 90
        while "gamma" not in hub.servers():
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.5)
        while "我的草稿" not in session.get(hub.base + "/user/gamma/", timeout=60).content.decode("utf-8"):
            assert time.monotonic() < deadline, "the start page did not come"
            time.sleep(1)
        (home / "schools" / "gamma" / "drafts" / "留着.yaml").write_text("schema_version: 1\n", encoding="utf-8")
        deadline = time.monotonic() + 60
        while "gamma" in hub.servers():
            assert time.monotonic() < deadline, "the idle server was not culled within 60 s"
            time.sleep(1)
        assert "Culling server gamma" in (tmp_path / "hub.log").read_text(encoding="utf-8")
        deadline = time.monotonic() + 30
        while "已暂停" not in (paused := session.get(hub.base + "/user/gamma/", timeout=30).content.decode("utf-8")):
            assert time.monotonic() < deadline, paused[-500:]  # the hub's page: "stopping", then "paused, drafts kept"
            time.sleep(1)
        assert "继续使用" in paused
        assert (home / "schools" / "gamma" / "drafts" / "留着.yaml").is_file()
    finally:
        hub.stop()
