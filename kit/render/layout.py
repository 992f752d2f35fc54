"""GB/T 9704-2012 layout constants, named after the clauses they come from.

Font names are the ones users expect to find in the file (their machine
substitutes what it has); tests map them to the Fandol fonts through
``tests/fontconfig/fonts.conf``:

    仿宋_GB2312     body, 1. and （1） headings, colophon       (FandolFang)
    黑体           一、 headings, 附件 labels                   (FandolHei)
    楷体_GB2312     （一） headings                              (FandolKai)
    方正小标宋简体   title, 发文机关标志                          (FandolSong Bold)
    宋体           page numbers                                 (FandolSong)
"""

from __future__ import annotations

from docx.shared import Mm, Pt, Twips

# 5.1 paper, 5.2.1 margins (text block 156 × 225 mm)
PAGE_WIDTH = Mm(210)
PAGE_HEIGHT = Mm(297)
MARGIN_TOP = Mm(37)
MARGIN_BOTTOM = Mm(35)
MARGIN_LEFT = Mm(28)
MARGIN_RIGHT = Mm(26)
TEXT_WIDTH = Mm(156)

# 5.2.2 body font, 5.2.3 grid: 22 lines of 28 characters
BODY_SIZE = Pt(16)  # 3号
LINE_PITCH = Twips(579)  # 225 mm / 22 = 28.95 pt
CHAR_SPACING = Twips(-5)  # −0.25 pt: 28 characters fit 156 mm
CHAR_WIDTH = Twips(315)  # 16 pt − 0.25 pt, for indents written in twips too
BODY_INDENT_CHARS = 2  # 7.3.3 first line indented 2 characters

# 7.3.1 title
TITLE_SIZE = Pt(22)  # 2号

# 7.2.4–7.2.7 red header (optional)
RED = "FF0000"
RED_MARK_MAX_SIZE = Pt(42)
RED_MARK_TOP = Mm(35)  # top of 发文机关标志 below the top of the text block
RED_RULE_GAP = Mm(4)  # red rule below the document number
RED_RULE_WIDTH = Pt(2.25)

# 7.4 colophon (optional)
COLOPHON_SIZE = Pt(14)  # 4号
COLOPHON_RULE_THICK = Mm(0.35)
COLOPHON_RULE_THIN = Mm(0.25)

# 7.5 page numbers: 4号 half-width 宋体 numerals, 7 mm below the text block,
# one character in from the outer side.
PAGE_NUMBER_SIZE = Pt(14)
PAGE_NUMBER_INDENT = Pt(14)
FOOTER_DISTANCE = Mm(25)  # page bottom to footer bottom: the dashes sit ~7 mm below the text block

# tables: 4号 text with single spacing (the 28.95 pt grid would make rows too tall)
TABLE_SIZE = Pt(14)

FONT_FANGSONG = "仿宋_GB2312"
FONT_HEI = "黑体"
FONT_KAI = "楷体_GB2312"
FONT_TITLE = "方正小标宋简体"
FONT_SONG = "宋体"

# Style names the renderer asks the template for (a school may restyle them).
STYLE_BODY = "Normal"
STYLE_TITLE = "Title"
STYLE_HEADING = {1: "heading 1", 2: "heading 2", 3: "heading 3", 4: "heading 4"}
STYLE_RECIPIENT = "Salutation"
STYLE_SIGNATURE = "Signature"
STYLE_DATE = "Date"
STYLE_ATTACHMENT_LABEL = "Attachment Label"
STYLE_TABLE = "Table Grid"
STYLE_TABLE_TEXT = "Table Text"
STYLE_RED_MARK = "Red Header"
STYLE_DOC_NUMBER = "Doc Number"
STYLE_COLOPHON = "Colophon"
STYLE_FOOTER = "footer"
STYLE_BODY_CHAR = "Body Char"
