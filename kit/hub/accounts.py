"""School accounts: one per school, made and reset by the administrator (``kit hub school …``).

The file is ``accounts.json`` in the hub's folder, mode 0600::

    {"schools": {"dongfeng": {"label": "东风中学", "password": "scrypt$16384$8$1$<salt>$<hash>"}}}

Passwords are stored as scrypt hashes (standard library, memory-hard, a random
salt each); a check compares in constant time. Nobody can sign up: an account
exists only once the administrator has added it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

NAME = re.compile(r"[a-z][a-z0-9-]{1,31}")
MIN_PASSWORD = 8
_N, _R, _P = 2**14, 8, 1


@dataclass(frozen=True)
class School:
    name: str
    label: str


def check_name(name: str) -> str:
    if not NAME.fullmatch(name or ""):
        raise InputError(f"账号名「{name}」不能使用：请用 2 到 32 个小写英文字母、数字或减号，以字母开头（例如 dongfeng-zx）")
    return name


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise InputError(f"密码太短：至少 {MIN_PASSWORD} 个字符")
    return password


def new_password() -> str:
    """A password to hand to a school: 12 letters and digits, without look-alikes (0 O 1 l I)."""
    alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(12))


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, maxmem=64 * 1024 * 1024)
    b64 = lambda b: base64.b64encode(b).decode("ascii")  # noqa: E731
    return f"scrypt${_N}${_R}${_P}${b64(salt)}${b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        want = base64.b64decode(digest)
        got = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                             maxmem=64 * 1024 * 1024, dklen=len(want))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, want)


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"schools": {}}
    except (OSError, ValueError) as exc:
        raise InputError(f"账号文件 {path} 无法读取：{exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("schools"), dict):
        raise InputError(f"账号文件 {path} 格式不对")
    return data


def _write(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".accounts-", dir=path.parent)  # 0600 from mkstemp
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, indent=1)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def schools(path: Path) -> list[School]:
    data = _read(path)
    return [School(name, entry.get("label", "")) for name, entry in sorted(data["schools"].items())]


def add_school(path: Path, name: str, password: str, label: str = "") -> None:
    check_name(name)
    check_password(password)
    data = _read(path)
    if name in data["schools"]:
        raise InputError(f"账号「{name}」已经存在；要重设密码请用 kit hub school password {name}")
    data["schools"][name] = {"label": label, "password": hash_password(password)}
    _write(path, data)


def set_password(path: Path, name: str, password: str) -> None:
    check_password(password)
    data = _read(path)
    if name not in data["schools"]:
        raise InputError(f"没有账号「{name}」（kit hub school list 列出全部账号）")
    data["schools"][name]["password"] = hash_password(password)
    _write(path, data)


def authenticate(path: Path, name: str, password: str) -> bool:
    """Whether *password* is the password of the school account *name* (False for an unknown name)."""
    entry = _read(path)["schools"].get(name)
    if not isinstance(entry, dict):
        verify_password(password, hash_password("timing"))  # as long as for a known name
        return False
    return verify_password(password, entry.get("password", ""))


def label(path: Path, name: str) -> str:
    entry = _read(path)["schools"].get(name) or {}
    return entry.get("label", "") if isinstance(entry, dict) else ""
