"""This folder is installed as the package ``kit.templates`` (see setup.py).

It holds the reference DOCX (``docx/official.docx``) and the built-in template
packs (``packs/*``); :mod:`kit.resources` finds them with importlib.resources,
from a checkout and from an installed wheel alike.
"""
