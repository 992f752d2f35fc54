"""Unusable input for kit check / clean / import: a Chinese message and exit 2, never a traceback."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from kit.cli import main
from kit.proof import MAX_TEXT_BYTES, check_document
from kit.proof.source import MAX_RATIO

BUDGET = "慰问费用预算\n1.退休教师15人，每人慰问品100元，共1500元；\n2.参加慰问人员餐费80元、油费80元、香烟60元，小计180元。\n两项合计：1680元。\n"


def real_docx(path: Path, text: str = BUDGET) -> Path:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(path)
    return path


def empty_txt(folder: Path) -> Path:
    (folder / "empty.txt").write_bytes(b"")
    return folder / "empty.txt"


def blank_txt(folder: Path) -> Path:
    (folder / "blank.txt").write_text(" \n\u3000\n", encoding="utf-8")
    return folder / "blank.txt"


def huge_txt(folder: Path) -> Path:
    path = folder / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(20 * 1024 * 1024)  # 20 MB, refused by size before reading
    return path


def text_named_docx(folder: Path) -> Path:
    (folder / "notzip.docx").write_text("这其实是一段文字，不是 Word 文档。", encoding="utf-8")
    return folder / "notzip.docx"


def zip_not_docx(folder: Path) -> Path:
    with zipfile.ZipFile(folder / "photos.docx", "w") as zf:
        zf.writestr("photo1.jpg", b"\xff\xd8\xff" + b"0" * 100)
    return folder / "photos.docx"


def password_docx(folder: Path) -> Path:
    (folder / "locked.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096)
    return folder / "locked.docx"


def truncated_docx(folder: Path) -> Path:
    data = real_docx(folder / "whole.docx").read_bytes()
    (folder / "truncated.docx").write_bytes(data[: len(data) // 2])
    return folder / "truncated.docx"


def broken_xml_docx(folder: Path) -> Path:
    source = real_docx(folder / "good.docx")
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(folder / "broken.docx", "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "word/document.xml":
                data = b"<w:document><w:body><w:p>unclosed"
            zout.writestr(item, data)
    return folder / "broken.docx"


def zip_bomb(folder: Path) -> Path:
    source = real_docx(folder / "carrier.docx")
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(folder / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item))
        zout.writestr("word/media/filler.bin", b"\x00" * (8 * 1024 * 1024))  # ratio ~1000:1
    return folder / "bomb.docx"


def legacy_doc(folder: Path) -> Path:
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    return folder / "old.doc"


def pdf_file(folder: Path) -> Path:
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    return folder / "scan.pdf"


BAD_INPUTS = {
    "empty": (empty_txt, "空文件"),
    "blank": (blank_txt, "只有空白"),
    "20MB": (huge_txt, "太大"),
    "docx that is text": (text_named_docx, "不是有效的 Word 文档"),
    "zip that is not docx": (zip_not_docx, "不是 Word 文档"),
    "password or .doc": (password_docx, "密码"),
    "truncated docx": (truncated_docx, "已损坏"),
    "broken xml": (broken_xml_docx, "已损坏"),
    "zip bomb": (zip_bomb, "压缩炸弹"),
    "legacy .doc": (legacy_doc, ".doc"),
    "pdf": (pdf_file, "不支持的文件类型"),
    "missing": (lambda folder: folder / "nothing.txt", "不存在"),
}


def argv_for(command: str, path: Path, out_folder: Path) -> list[str]:
    if command == "check":
        return ["check", str(path)]
    if command == "clean":
        return ["clean", str(path), "-o", str(out_folder / f"cleaned{path.suffix}")]
    return ["import", str(path), "-o", str(out_folder / "draft.yaml")]


@pytest.mark.parametrize("command", ["check", "clean", "import"])
@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_unusable_input_exits_2_with_a_chinese_message(case, command, tmp_path, capsys):
    make, words = BAD_INPUTS[case]
    path = make(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    code = main(argv_for(command, path, out))
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.startswith("错误：") and words in err, err
    assert "Traceback" not in err
    assert list(out.iterdir()) == []  # nothing written


def test_the_size_limit_is_checked_before_reading(tmp_path, monkeypatch):
    path = huge_txt(tmp_path)
    opened = []
    monkeypatch.setattr("builtins.open", lambda *a, **k: opened.append(a) or pytest.fail("file was opened"))
    from kit.errors import InputError

    with pytest.raises(InputError, match="10.0 MB"):
        check_document(path)
    assert MAX_TEXT_BYTES == 10 * 1024 * 1024


def test_the_bomb_is_refused_from_the_zip_directory(tmp_path):
    with zipfile.ZipFile(zip_bomb(tmp_path)) as zf:
        filler = zf.getinfo("word/media/filler.bin")
    assert filler.file_size > MAX_RATIO * filler.compress_size


def test_gbk_text_is_decoded_and_says_so(tmp_path, capsys):
    path = tmp_path / "gbk.txt"
    path.write_bytes(BUDGET.encode("gbk"))
    findings = check_document(path)
    info = [f for f in findings if f.kind == "encoding"]
    assert info and info[0].severity == "info" and "GBK" in info[0].message
    sums = {(f.stated, f.computed) for f in findings if f.kind == "arithmetic"}
    assert sums  # 180 should be 220: the GBK text was read correctly
    assert main(["check", str(path)]) == 1
    assert "已按 GBK 读取" in capsys.readouterr().out


def test_gbk_text_is_cleaned_to_utf8(tmp_path, capsys):
    path = tmp_path / "gbk.txt"
    path.write_bytes("我們學校\n".encode("gb18030"))
    assert main(["clean", str(path), "-o", str(tmp_path / "out.txt")]) == 0
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "我们学校\n"
    assert "GB" in capsys.readouterr().out


def test_utf8_with_bom_reads_without_a_finding(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff一、工作目标\n二、工作要求\n".encode("utf-8"))
    assert check_document(path) == []
