"""The package list, the one part of the build pyproject.toml cannot express.

Every package under kit/ is found (a new subpackage needs no listing), and the
repository's templates/ folder is added as the package ``kit.templates``: the
reference DOCX (generated and checked in templates/docx) and the built-in packs
then ship in the wheel as kit/templates/…, and kit.resources finds them with
importlib.resources both there and in an editable checkout. Everything else,
package data included, is in pyproject.toml.
"""

from setuptools import find_namespace_packages, setup

setup(
    packages=find_namespace_packages(include=["kit", "kit.*"], exclude=["*.__pycache__"]) + ["kit.templates"],
    package_dir={"kit.templates": "templates"},
)
