"""Where the kit's own files are: the reference DOCX and the built-in template packs.

Both live in the repository's ``templates/`` folder, where
``templates/docx/official.docx`` is generated (scripts/make_template.py) and
checked. setup.py installs that folder as the package ``kit.templates``
(``package_dir`` maps it; ``templates/__init__.py`` makes it a regular
package), so the same importlib.resources lookup finds it in a checkout
installed in editable mode (the editable finder maps ``kit.templates`` to
``templates/``) and in an installed wheel (``site-packages/kit/templates/``).
Nothing walks up from ``kit/`` to the repository, and no copy of the template
is kept in ``kit/`` that could drift from the checked one.

The starting drafts of the built-in types are package data of ``kit.data.starting``
(read in :mod:`kit.doctypes.builtin`). The app's notebooks and sample drafts are
not installed: ``kit app`` serves a checkout (:data:`kit.widgets.session.PROJECT_ROOT`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

PACKAGE = "kit.templates"


@dataclass(frozen=True)
class Resources:
    """The reference DOCX template and the folder of built-in template packs."""

    template: Path
    packs: Path


@lru_cache(maxsize=1)
def resources() -> Resources:
    """The kit's installed resources, wherever the kit is installed."""
    root = files(PACKAGE)
    # A wheel is installed unpacked and an editable install points at the
    # checkout, so this is a real folder; python-docx, zipfile and the pack
    # loader need file-system paths, not a Traversable inside a zip.
    if not isinstance(root, Path):
        raise RuntimeError(f"{PACKAGE} 不在文件系统中（{root!r}），请以普通方式安装 fangan-kit")
    return Resources(template=root / "docx" / "official.docx", packs=root / "packs")
