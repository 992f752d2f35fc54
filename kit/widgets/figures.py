"""插入数字: put a figure's reference (``{{退休教师.人数}}``) into a prose field, at the caret.

The figures to choose from are :meth:`kit.refs.Figures.choices` of the draft as
saved, kept current after every save. Where the caret is reaches the kernel
through a hidden box beside the text (``.kit-caret``, filled by the page's
script in ``notebooks/share/voila/templates/kit/index.html.j2`` as
"start,end" in characters); without it the reference goes at the end.
"""

from __future__ import annotations

import ipywidgets as W

from ..refs import Figures
from .controls import Field

PROMPT = "插入数字…"


def insert_reference(text: str, ref: str, caret: tuple[int, int] | None = None) -> tuple[str, int]:
    """*text* with ``{{ref}}`` put in place of the selection *caret* (start, end), else at the end.

    Returns the new text and the caret just after the reference. A caret out
    of range is clamped; a reference is never put inside another one.
    """
    token = f"{{{{{ref}}}}}"
    if caret is None:
        start = end = len(text)
    else:
        start, end = sorted(max(0, min(len(text), c)) for c in caret)
    opened, closed = text.rfind("{{", 0, start), text.rfind("}}", 0, start)
    if opened > closed:  # inside {{…}}: after it instead
        after = text.find("}}", start)
        start = end = len(text) if after < 0 else after + 2
    return text[:start] + token + text[end:], start + len(token)


def parse_caret(value: str) -> tuple[int, int] | None:
    """``"3,5"`` → (3, 5); anything else → None (the end of the text)."""
    try:
        start, end = (int(part) for part in value.split(","))
    except ValueError:
        return None
    return (start, end) if start >= 0 and end >= 0 else None


_LAST: list = [None, []]  # the draft last asked about and its choices (every prose field asks after a save)


def choices(draft) -> list[tuple[str, str]]:
    """:meth:`Figures.choices` of *draft*, computed once per saved draft."""
    if _LAST[0] is not draft:
        _LAST[:] = [draft, Figures(draft).choices()]
    return _LAST[1]


class FigureInsert(W.Dropdown):
    """The 插入数字 choice beside one prose :class:`Field`; choosing puts the reference at its caret."""

    def __init__(self, field: Field):
        self.field = field
        self.caret = W.Text(value="", layout=W.Layout(display="none"))
        self.caret.add_class("kit-caret")
        super().__init__(options=[(PROMPT, "")], value="", tooltip="把预算或数据中的一个数字写进这段文字，预算改了它也跟着改",
                         layout=W.Layout(width="150px"))
        self.add_class("kit-insert-figure")
        self.add_class(f"{field.input._dom_classes[0]}-figures")
        self._choosing = False
        self.update_choices()
        field.ctx.listen(self._saved)
        self.observe(self._chosen, "value")
        field.add_class("kit-has-figures")
        field.children = (field.input, self, field.error, self.caret)

    def _saved(self, session) -> None:
        if self.comm is None:  # closed with its row: stop listening
            self.field.ctx.forget_one(self._saved)
            return
        self.update_choices()

    def update_choices(self) -> None:
        """The figures of the draft as saved now, each with its current value."""
        options = [(PROMPT, "")] + [(f"{ref}：{value}", ref) for ref, value in choices(self.field.ctx.session.draft)]
        if list(options) != list(self.options):
            self._choosing = True
            try:
                self.options = options
                self.value = ""
            finally:
                self._choosing = False
        self.layout.display = None if len(options) > 1 else "none"

    def _chosen(self, change: dict) -> None:
        if self._choosing or not change["new"]:
            return
        self.insert(change["new"])
        self._choosing = True
        try:
            self.value = ""
        finally:
            self._choosing = False

    def insert(self, ref: str) -> None:
        """Put ``{{ref}}`` into the field's text at the caret (or at the end) and save it."""
        text, after = insert_reference(self.field.input.value, ref, parse_caret(self.caret.value))
        self.field.input.value = text
        self.field.flush()
        self.caret.value = f"{after},{after}"
