"""nbval runs of these notebooks work in a temporary drafts folder, never in drafts/ or sample_data/."""

import os
import shutil
import tempfile

_TMP = None


def pytest_configure(config):
    global _TMP
    if not os.environ.get("KIT_DRAFTS_DIR"):
        _TMP = tempfile.mkdtemp(prefix="kit-nbval-")
        os.environ["KIT_DRAFTS_DIR"] = _TMP  # inherited by the kernels nbval starts


def pytest_unconfigure(config):
    if _TMP:
        shutil.rmtree(_TMP, ignore_errors=True)
