"""Proofread, clean and import existing documents (.docx, .txt, .md).

* :func:`check_document` / :func:`check_text` — findings of kind
  ``arithmetic``, ``numbering``, ``placeholder``, ``noise`` and
  ``traditional``, each quoting the text, its paragraph and line and a
  suggested correction.
* :func:`clean_document` / ``kit clean`` — remove pasted noise, convert to
  simplified characters.
* :func:`import_document` / ``kit import`` — an old document as draft data.
"""

from __future__ import annotations

from .check import check_document, check_text
from .clean import clean_document, clean_text, cli_clean
from .importer import cli_import, import_document, import_text
from .source import MAX_TEXT_BYTES, read_document

__all__ = [
    "MAX_TEXT_BYTES",
    "check_document",
    "check_text",
    "clean_document",
    "clean_text",
    "cli_clean",
    "cli_import",
    "import_document",
    "import_text",
    "read_document",
]
