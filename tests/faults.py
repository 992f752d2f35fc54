"""Helpers for the fault tests: run the real command, snapshot folders, build hostile files."""

from __future__ import annotations

import hashlib
import io
import os
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "sample_data"
WORKED = SAMPLES / "consolation_budget.yaml"
WORKED_TEXT = WORKED.read_text(encoding="utf-8")


def kit(*args: str, cwd: Path, timeout: float = 60, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``kit`` in a fresh interpreter; a timeout is a failure of the kit (``subprocess.TimeoutExpired``)."""
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", "KIT_LOG_DIR": str(cwd / ".logs"), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "kit.cli", *args],
        capture_output=True, text=True, encoding="utf-8", env=full_env, cwd=cwd, timeout=timeout,
    )


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under *folder* (logs aside) → a hash of its bytes."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and ".logs" not in path.parts:
            out[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def assert_kept(before: dict[str, str], folder: Path, new: tuple[str, ...] = ()) -> None:
    """Every file that existed is byte-identical; the only new files are *new*."""
    after = snapshot(folder)
    for name, digest in before.items():
        assert after.get(name) == digest, f"{name} was changed or removed"
    assert sorted(set(after) - set(before)) == sorted(new)


def refused(run: subprocess.CompletedProcess, *fragments: str, code: int = 2) -> None:
    """Exit *code*, no traceback anywhere, a Chinese message with every fragment."""
    screen = run.stdout + run.stderr
    assert "Traceback" not in screen, screen
    assert run.returncode == code, screen
    for fragment in fragments:
        assert fragment in run.stderr, run.stderr


def write_draft(folder: Path, name: str = "d.yaml", text: str = WORKED_TEXT) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def docx_of_worked(folder: Path, name: str = "ok.docx") -> Path:
    from kit.drafts import load_draft
    from kit.render import docx_bytes

    path = folder / name
    path.write_bytes(docx_bytes(load_draft(WORKED)))
    return path


def end_record_past_the_end(data: bytes) -> bytes:
    """*data* (a zip) whose end-of-central-directory record points past the end of the file."""
    at = data.rfind(b"PK\x05\x06")
    bad = bytearray(data)
    struct.pack_into("<L", bad, at + 16, len(data) + 1000)
    return bytes(bad)


def bomb_docx(size: int = 300 * 1024 * 1024) -> bytes:
    """A small DOCX-shaped zip with one member that inflates to *size* bytes of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
        with zf.open("word/media/zeros.bin", "w", force_zip64=True) as member:
            chunk = b"\x00" * (1 << 20)
            for _ in range(size >> 20):
                member.write(chunk)
    return buffer.getvalue()


def billion_laughs() -> str:
    lines = ["schema_version: 1", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"
