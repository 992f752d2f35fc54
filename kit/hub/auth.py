"""The hub's authenticator: the school accounts of :mod:`kit.hub.accounts`.

Why this and not another: a county office creates the accounts itself and
hands each school its password, so there is no sign-up page to disable
(jupyterhub-nativeauthenticator's) and no system accounts to create (PAM's);
the file holds scrypt hashes only, and ``kit hub school …`` manages it without
the hub running. The login page is the hub's, in Chinese (templates/login.html).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from jupyterhub.auth import Authenticator
from traitlets import Unicode


class SchoolAuthenticator(Authenticator):
    accounts_file = Unicode("", config=True, help="Path of accounts.json (kit.hub.accounts)")

    async def authenticate(self, handler, data):
        name = (data.get("username") or "").strip().lower()
        password = data.get("password") or ""
        from .accounts import NAME, authenticate

        if not NAME.fullmatch(name) or not password:
            return None
        ok = await asyncio.get_running_loop().run_in_executor(None, authenticate, Path(self.accounts_file), name, password)
        return name if ok else None

    async def check_allowed(self, username, authentication=None):
        """Only accounts in the file, also for a user the hub's database still knows."""
        from .accounts import schools

        return any(s.name == username for s in schools(Path(self.accounts_file)))
