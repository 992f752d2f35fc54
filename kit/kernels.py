"""The app's kernels, started before a page asks for one (Voilà's preheated kernels).

A clerk opening an app used to wait for a kernel to start, the kit to import and
the draft to load: about two seconds before the form came. ``kit app`` now keeps
:data:`DEFAULT_POOL` kernel per app started ahead (Voilà's ``--preheat_kernel``,
``--pool_size``): each has run its notebook up to the point where the page's own
request matters (which draft: ``?draft=`` in the address) and waits there
(:func:`kit.widgets.request.page_query`). When the page is asked for, Voilà
hands that kernel over, sends it the request (``/voila/query/<kernel>``, through
the door with :attr:`kit.door.Door.kernel_key`), and starts the next one a
second later. Only the three apps are preheated (:func:`denylist`); every other
notebook gets a kernel when asked, as before.

:class:`PageKernels` is the kernel manager Voilà builds its pool on. It
remembers which kernels are still waiting in the pool, so that
``GET /kit/api/kernels`` keeps meaning "one kernel per open app page"
(:meth:`PageKernels.page_kernel_ids`). ``$KIT_APP_POOL`` sets the pool size per
app (0 turns preheating off: each kernel then costs memory only while its page
is open, 75–80 MB each).
"""

from __future__ import annotations

import os
import re
import uuid

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

from .errors import InputError

POOL_ENV = "KIT_APP_POOL"
DEFAULT_POOL = 1
MAX_POOL = 4
KERNEL_KEY_ENV = "KIT_KERNEL_KEY"  # what a waiting kernel shows the door to read its page's request


def pool_size() -> int:
    """Kernels kept started ahead per app: ``$KIT_APP_POOL`` (0 to :data:`MAX_POOL`), else :data:`DEFAULT_POOL`."""
    given = os.environ.get(POOL_ENV, "").strip()
    if not given:
        return DEFAULT_POOL
    if not given.isdigit() or int(given) > MAX_POOL:
        raise InputError(f"环境变量 {POOL_ENV} 应是 0 到 {MAX_POOL} 之间的整数（每个应用预先启动几个内核；0 表示不预先启动），现在是「{given}」")
    return int(given)


def denylist(root: str, notebooks: list[str]) -> str:
    """A ``preheat_denylist`` pattern matching every notebook except *notebooks* (paths relative to the
    served *root*; Voilà 0.5.13 matches it against each notebook's absolute path)."""
    kept = "|".join(re.escape(n) for n in notebooks)
    return rf"^(?!{re.escape(str(root).rstrip('/'))}/(?:{kept})$)"


class PageKernels(AsyncMappingKernelManager):
    """Jupyter's kernel manager, knowing which kernels wait in Voilà's pool for a page.

    A kernel Voilà starts for its pool (environment ``VOILA_PREHEAT=True``) gets
    its id here before it starts, so it is never listed as a page's kernel, not
    even while it starts; it waits in the pool until a page takes it."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._starting_for_pool: set[str] = set()

    async def start_kernel(self, *, kernel_id: str | None = None, path=None, **kwargs) -> str:
        env = kwargs.get("env") or {}
        if kernel_id is None and env.get("VOILA_PREHEAT") == "True":
            kernel_id = str(uuid.uuid4())
            self._starting_for_pool.add(kernel_id)
            try:
                return await super().start_kernel(kernel_id=kernel_id, path=path, **kwargs)
            finally:
                # Voilà puts it in its pool in the same step (no await in between): from now on
                # waiting_kernel_ids finds it there.
                self._starting_for_pool.discard(kernel_id)
        return await super().start_kernel(kernel_id=kernel_id, path=path, **kwargs)

    def waiting_kernel_ids(self) -> set[str]:
        """Kernels started ahead that no page has taken yet."""
        waiting = set(self._starting_for_pool)
        for pool in getattr(self, "_pools", {}).values():  # Voilà's VoilaKernelManager (0.5.13): tasks per notebook
            for task in pool:
                if task.done() and not task.cancelled() and task.exception() is None:
                    waiting.add(task.result()["kernel_id"])
        return waiting

    def page_kernel_ids(self) -> list[str]:
        """The running kernels that serve a page (one per open app page)."""
        waiting = self.waiting_kernel_ids()
        return [k for k in self.list_kernel_ids() if k not in waiting]


__all__ = ["DEFAULT_POOL", "KERNEL_KEY_ENV", "POOL_ENV", "PageKernels", "denylist", "pool_size"]
