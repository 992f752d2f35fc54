"""A memory limit for one school's server and its kernels.

JupyterHub's LocalProcessSpawner takes ``mem_limit`` but does not enforce it.
Here it is enforced in the spawned process before it runs anything:

* **cgroup** (preferred): when the hub may make a memory cgroup below its own
  (cgroup v1 ``memory`` hierarchy, or cgroup v2 with the memory controller),
  each school gets ``…/fangan-hub/<school>`` with the limit, and the server
  joins it before exec; its kernels, started later, are in it too. The limit
  is on the whole school (server + kernels); past it the kernel's OOM killer
  ends a process of that school only.
* **rlimit** (fallback): ``RLIMIT_AS`` on each process of the school (the
  server and each kernel inherit it). It bounds address space, not resident
  memory, so it must be set well above what a kernel maps (about 1 GiB of
  address space for a kit kernel); an allocation past it fails with MemoryError.

:func:`memory_limiter` returns what the spawner needs; ``tests/test_hub.py``
shows that each kind stops a process that allocates past it.
"""

from __future__ import annotations

import os
import resource
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

CGROUP_ROOT = Path("/sys/fs/cgroup")
GROUP = "fangan-hub"


@dataclass(frozen=True)
class Limiter:
    kind: str  # "cgroup-v1", "cgroup-v2" or "rlimit"
    limit: int
    folder: Path | None  # the school's cgroup folder

    def preexec(self) -> Callable[[], None]:
        """A function the child runs between fork and exec: join the cgroup, or set the rlimit."""
        folder, limit = self.folder, self.limit

        def enter() -> None:
            if folder is not None:
                (folder / "cgroup.procs").write_text(str(os.getpid()))
            else:
                resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

        return enter

    def usage(self) -> int | None:
        """Bytes charged to the school's cgroup now (None without a cgroup)."""
        if self.folder is None:
            return None
        name = "memory.usage_in_bytes" if self.kind == "cgroup-v1" else "memory.current"
        try:
            return int((self.folder / name).read_text())
        except (OSError, ValueError):
            return None

    def release(self) -> None:
        """Remove the school's cgroup if it is empty (it is made again at the next start)."""
        if self.folder is not None:
            for folder in (self.folder, self.folder.parent):  # the school's, then fangan-hub/ once no school is left
                try:
                    folder.rmdir()
                except OSError:
                    return


def _own_cgroup(controller: str) -> str | None:
    try:
        lines = Path("/proc/self/cgroup").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        _, controllers, path = line.split(":", 2)
        if controller in controllers.split(",") or (controller == "" and controllers == ""):
            return path
    return None


def _v1_folder(name: str, limit: int) -> Path | None:
    own = _own_cgroup("memory")
    base = CGROUP_ROOT / "memory"
    if own is None or not (base / "memory.limit_in_bytes").exists():
        return None
    folder = base / own.lstrip("/") / GROUP / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "memory.limit_in_bytes").write_text(str(limit))
        swap = folder / "memory.memsw.limit_in_bytes"
        if swap.exists():
            try:
                swap.write_text(str(limit))  # no swapping past the limit either
            except OSError:
                pass
    except OSError:
        return None
    return folder


def _v2_folder(name: str, limit: int) -> Path | None:
    own = _own_cgroup("")
    controllers = CGROUP_ROOT / "cgroup.controllers"
    if own is None or not controllers.exists() or "memory" not in controllers.read_text().split():
        return None
    parent = CGROUP_ROOT / own.lstrip("/") / GROUP
    try:
        parent.mkdir(parents=True, exist_ok=True)
        (parent / "cgroup.subtree_control").write_text("+memory")
        folder = parent / name
        folder.mkdir(exist_ok=True)
        (folder / "memory.max").write_text(str(limit))
        (folder / "memory.swap.max").write_text("0") if (folder / "memory.swap.max").exists() else None
    except OSError:
        return None
    return folder


def memory_limiter(name: str, limit: int, *, allow_cgroup: bool = True) -> Limiter:
    """The limiter for school *name*: a cgroup if one can be made here, else an rlimit."""
    if allow_cgroup:
        folder = _v1_folder(name, limit)
        if folder is not None:
            return Limiter("cgroup-v1", limit, folder)
        folder = _v2_folder(name, limit)
        if folder is not None:
            return Limiter("cgroup-v2", limit, folder)
    return Limiter("rlimit", limit, None)
