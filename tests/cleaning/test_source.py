"""Reading a source file: every failure names the file and the reason."""
import pytest

from edition.cleaning import SourceError, decode_source, read_source
from tests.cleaning.support import UNSEEN

LIMIT = 1000


def write(tmp_path, data: bytes, name="page.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_it_reads_utf8_text(tmp_path):
    assert read_source(write(tmp_path, "Tōkyō talks\n".encode()), LIMIT) == "Tōkyō talks\n"


def test_it_strips_a_utf8_bom(tmp_path):
    assert read_source(write(tmp_path, b"\xef\xbb\xbfTitle\n"), LIMIT) == "Title\n"


def test_it_normalises_crlf_and_cr_to_lf(tmp_path):
    assert read_source(write(tmp_path, b"one\r\ntwo\rthree"), LIMIT) == "one\ntwo\nthree"


def test_it_composes_to_nfc(tmp_path):
    assert read_source(write(tmp_path, "O\u0304saka".encode()), LIMIT) == "\u014csaka"


def test_it_rejects_a_missing_path(tmp_path):
    with pytest.raises(SourceError, match=r"missing\.txt: no such file"):
        read_source(tmp_path / "missing.txt", LIMIT)


def test_it_rejects_a_directory(tmp_path):
    with pytest.raises(SourceError, match="not a regular file"):
        read_source(tmp_path, LIMIT)


def test_it_rejects_an_empty_file(tmp_path):
    with pytest.raises(SourceError, match=r"page\.txt: is empty"):
        read_source(write(tmp_path, b""), LIMIT)


def test_it_rejects_a_whitespace_only_file(tmp_path):
    with pytest.raises(SourceError, match="is empty"):
        read_source(write(tmp_path, b" \n\t\r\n"), LIMIT)


def test_it_rejects_a_bom_only_file(tmp_path):
    with pytest.raises(SourceError, match="is empty"):
        read_source(write(tmp_path, b"\xef\xbb\xbf\n"), LIMIT)


def test_it_rejects_an_oversize_file_saying_size_and_limit(tmp_path):
    with pytest.raises(SourceError, match="is 1001 bytes, over the limit of 1000 bytes"):
        read_source(write(tmp_path, b"a" * 1001), LIMIT)


def test_it_rejects_oversize_bytes_without_a_file():
    with pytest.raises(SourceError, match="upload.txt: is 11 bytes, over the limit of 10 bytes"):
        decode_source(b"a" * 11, "upload.txt", 10)


def test_it_rejects_nul_bytes_as_binary(tmp_path):
    with pytest.raises(SourceError, match=r"looks binary, not text \(NUL byte at offset 3\)"):
        read_source(write(tmp_path, b"abc\x00def"), LIMIT)


def test_it_rejects_mostly_control_characters_as_binary(tmp_path):
    with pytest.raises(SourceError, match="looks binary"):
        read_source(write(tmp_path, bytes(range(1, 32)) * 3), LIMIT)


def test_it_rejects_utf16_with_a_hint(tmp_path):
    with pytest.raises(SourceError, match="UTF-16 encoded; save it as UTF-8"):
        read_source(write(tmp_path, "Title".encode("utf-16")), LIMIT)


def test_it_rejects_invalid_utf8_naming_the_byte_offset():
    with pytest.raises(SourceError, match=r"page.txt: is not valid UTF-8 \(byte 0xff at offset 2\)"):
        decode_source(b"ab\xff\xfe", "page.txt", LIMIT)


def test_it_suggests_windows_1252_for_a_windows_page():
    with pytest.raises(SourceError, match=r"byte 0x92 at offset 31\); it may be Windows-1252"):
        read_source(UNSEEN / "e_windows_1252.txt", LIMIT)
