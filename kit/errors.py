"""The one exception for unusable input outside drafts (exit code 2)."""


class InputError(Exception):
    """Input the kit cannot use: a missing, unreadable or malformed file, a bad
    output path. The message is Chinese, names the file, and is shown to the
    user as is; the CLI exits with code 2."""
