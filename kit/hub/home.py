"""The hub's folder (``$KIT_HUB_HOME``, else ``hub-data/`` in the checkout).

::

    accounts.json              school accounts (kit.hub.accounts)
    schools/<name>/drafts/     a school's drafts; generated documents in drafts/out/
    packs/                     template packs installed for every school (read-only for schools)
    backups/                   kit hub backup
    jupyterhub.sqlite, jupyterhub_cookie_secret, hub.log   JupyterHub's own state
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..widgets.session import IN_CHECKOUT, PROJECT_ROOT

HOME_ENV = "KIT_HUB_HOME"


@dataclass(frozen=True)
class HubHome:
    root: Path

    @property
    def accounts(self) -> Path:
        return self.root / "accounts.json"

    @property
    def schools(self) -> Path:
        return self.root / "schools"

    def school(self, name: str) -> Path:
        return self.schools / name

    def drafts(self, name: str) -> Path:
        return self.school(name) / "drafts"

    @property
    def packs(self) -> Path:
        return self.root / "packs"

    @property
    def backups(self) -> Path:
        return self.root / "backups"


def hub_home() -> HubHome:
    env = os.environ.get(HOME_ENV)
    if env:
        return HubHome(Path(env).resolve())
    return HubHome(((PROJECT_ROOT if IN_CHECKOUT else Path.cwd()) / "hub-data").resolve())
