"""Starts a school's server: a local process running :mod:`kit.hub.singleuser`.

Like JupyterHub's SimpleLocalProcessSpawner it starts every school's server as
the hub's own operating-system user (no account per school on the machine);
unlike it, the server it starts serves only the drafting app (see
:mod:`kit.hub.singleuser` for what that leaves a school able to reach), in the
school's own folder, under a memory limit that is enforced (:mod:`kit.hub.limits`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner
from traitlets import Bool, Unicode, default

from .home import HubHome
from .limits import Limiter, memory_limiter


class SchoolSpawner(LocalProcessSpawner):
    hub_home = Unicode("", config=True, help="The hub's folder (kit.hub.home)")
    use_cgroup = Bool(True, config=True, help="Limit memory with a cgroup when one can be made (else an rlimit)")

    @default("cmd")
    def _default_cmd(self):
        return [sys.executable, "-m", "kit.hub.singleuser"]

    @property
    def home(self) -> HubHome:
        return HubHome(Path(self.hub_home))

    @property
    def school_dir(self) -> Path:
        return self.home.school(self.user.name)

    def limiter(self) -> Limiter:
        return memory_limiter(self.user.name, int(self.mem_limit or 0), allow_cgroup=self.use_cgroup)

    def make_preexec_fn(self, name):
        enter = self.limiter().preexec() if self.mem_limit else None
        folder = self.school_dir

        def preexec() -> None:
            os.chdir(folder)
            if enter is not None:
                enter()

        return preexec

    def user_env(self, env):
        folder = self.school_dir
        env.update(
            USER=self.user.name,
            HOME=str(folder),
            KIT_DRAFTS_DIR=str(self.home.drafts(self.user.name)),
            KIT_SERVE_ROOT=str(folder),  # voila/files serves the school's own folder (generated .docx only)
            KIT_PACK_HOME=str(self.home.packs),  # the shared packs: listed and read, never written by a school's server
            KIT_LOG_DIR=str(folder / "logs"),
            KIT_SCHOOL_LABEL=self._label(),
        )
        for keep in ("PYTHONPATH", "KIT_APP_PRELOAD"):
            if keep in os.environ:
                env[keep] = os.environ[keep]
        return env

    def _label(self) -> str:
        from .accounts import label

        try:
            return label(self.home.accounts, self.user.name)
        except Exception:  # noqa: BLE001 - a label is decoration only
            return ""

    async def start(self):
        self.home.drafts(self.user.name).mkdir(parents=True, exist_ok=True)
        os.chmod(self.school_dir, 0o700)
        return await super().start()

    async def stop(self, now=False):
        await super().stop(now=now)
        if self.mem_limit:
            self.limiter().release()

    def memory_usage(self) -> int | None:
        """Bytes the school's cgroup holds now (None with an rlimit)."""
        return self.limiter().usage() if self.mem_limit else None
