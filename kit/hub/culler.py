"""jupyterhub-idle-culler as the hub's service, ending at once when the hub stops it.

The hub stops a managed service with SIGINT, then SIGTERM ten seconds later. A
process started from a background shell inherits SIGINT ignored, and Python
then keeps it ignored: the hub's shutdown would wait for the culler. Here both
signals end it straight away (it holds no state: the hub's database has it all).
"""

from __future__ import annotations

import os
import signal


def main() -> None:
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: os._exit(0))
    from jupyterhub_idle_culler import main as cull

    cull()


if __name__ == "__main__":
    main()
