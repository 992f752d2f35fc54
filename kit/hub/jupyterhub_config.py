# JupyterHub reads this file (kit hub start passes it with -f); everything is in kit.hub.config.
from kit.hub.config import configure

configure(get_config())  # noqa: F821 - defined by JupyterHub when it loads this file
