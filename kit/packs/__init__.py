"""Template packs as the unit schools share: make, test, install, list, remove (``kit pack …``).

A pack is a folder: ``pack.yaml`` (name, label, type, version, the kit versions
it needs, author, its draft and optionally a DOCX template), the draft, and a
check notebook ``check.ipynb`` whose ``# NBVAL_CHECK_OUTPUT`` cells print the
pack's ledger and check report. Reading a manifest is :func:`kit.doctypes.load_pack`;
here are the shareability test (:mod:`.testing`), the notebook (:mod:`.notebook`),
the sources a pack is installed from (:mod:`.sources`) and the user's pack
folder (:mod:`.manage`; :func:`kit.doctypes.pack_home`), which the registry reads,
so installed packs appear in ``kit types``, ``kit new --pack`` and the app.
"""

from __future__ import annotations

from ..doctypes import PackError, pack_home
from .manage import Outcome, install, list_installed, new_pack, record, remove
from .testing import Report, test_packs, validate

__all__ = ["Outcome", "PackError", "Report", "install", "list_installed", "new_pack", "pack_home", "record", "remove",
           "test_packs", "validate"]
